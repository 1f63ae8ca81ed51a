"""Adapters for taking results out: documents, the manager overview, and personal data rights."""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    call,
    identity,
    latest_intent,
    person_id,
    send,
    send_downloads,
    synced_identity,
    understood,
)
from bot.documents import links
from bot.dutch import formatting
from bot.services import files as exports
from bot.services import interviews as service
from bot.services import privacy
from bot.settings import get_settings

DOWNLOADS = {  # intent: (response with the buttons, response when there is nothing yet, files and their labels)
    "pop_downloaden": ("utter_pop_document", "utter_pop_ontbreekt",
                       [("pop_pdf", "PDF"), ("pop_docx", "Word, om aan te passen")]),
    "jaarplan_downloaden": ("utter_jaarplan_document", "utter_jaarplan_ontbreekt",
                            [("jaarplan_xlsx", "Excel"), ("jaarplan_csv", "Tekstbestand voor andere programma's")]),
    "strategie_downloaden": ("utter_strategie_document", "utter_strategie_ontbreekt",
                             [("strategie_pdf", "PDF"), ("strategie_docx", "Word")]),
    "evaluatie_downloaden": ("utter_evaluatie_document", "utter_evaluatie_ontbreekt",
                             [("evaluatie_pdf", "PDF"), ("evaluatie_docx", "Word")]),
}


def _terminal(tracker: Tracker) -> bool:
    return tracker.get_latest_input_channel() == "cmdline"


def _save(kind: str, person_id: str) -> str:
    body, filename, _ = exports.build(kind, person_id)
    folder = Path(get_settings().var_dir) / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{Path(filename).stem}-{person_id}{Path(filename).suffix}"
    path.write_bytes(body)
    return str(path)


class ActionDocument(Action):
    def name(self) -> str:
        return "action_document"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if not understood(tracker, dispatcher):
            return []
        person = await synced_identity(tracker)
        response, missing, files = DOWNLOADS.get(latest_intent(tracker) or "", DOWNLOADS["pop_downloaden"])
        kinds = [kind for kind, _label in files]
        try:
            if kinds[0].startswith(("jaarplan", "strategie", "evaluatie")) and not person.can_plan:
                raise PermissionError
            # build once to check there is something to export (and that this person may)
            await call(exports.build, kinds[0], person.person_id)
        except exports.NotFound:
            dispatcher.utter_message(response=missing)
            return []
        except PermissionError:
            dispatcher.utter_message(response="utter_alleen_voor_leidinggevenden")
            return []
        if _terminal(tracker):
            paths = [await call(_save, kind, person.person_id) for kind in kinds]
            dispatcher.utter_message(response="utter_document_bestanden", bestanden="\n".join(paths))
            return []
        send_downloads(dispatcher, response, [(label, await call(links.make, kind, person.person_id))
                                              for kind, label in files], needs_token=links.needs_token(kinds[0]))
        return []


class ActionOverview(Action):
    def name(self) -> str:
        return "action_overzicht"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if not understood(tracker, dispatcher):
            return []
        person = await synced_identity(tracker)
        if not person.can_plan:
            dispatcher.utter_message(response="utter_alleen_voor_leidinggevenden")
            return []
        url = await call(links.make, "overzicht", person.person_id)
        send_downloads(dispatcher, "utter_overzicht_link", [("Overzicht openen", url)], needs_token=True)
        return []


class ActionShowMyData(Action):
    def name(self) -> str:
        return "action_gegevens_inzien"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if not understood(tracker, dispatcher):
            return []
        pid = identity(tracker).person_id
        text = await call(privacy.summary_text, pid)
        url = await call(links.make, "gegevens_json", pid)
        send_downloads(dispatcher, "utter_gegevens_overzicht", [("Al mijn gegevens in één bestand", url)],
                       gegevens=text)
        return []


class ActionAskDeletion(Action):
    def name(self) -> str:
        return "action_vraag_verwijderen"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if not understood(tracker, dispatcher):
            return []
        await ask_deletion(dispatcher, tracker)
        return [SlotSet("bevestig_verwijderen", True)]


async def ask_deletion(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """"Weet je het zeker?", saying what goes: also the agreed activities in the organisation's yearly plan."""
    planned = await call(privacy.planned_agreements, person_id(tracker))
    if planned:
        dispatcher.utter_message(response="utter_verwijderen_zeker_afspraken",
                                 activiteiten=formatting.count(planned, "afgesproken activiteit", "afgesproken activiteiten"))
    else:
        dispatcher.utter_message(response="utter_verwijderen_zeker")


class ActionDeleteMyData(Action):
    def name(self) -> str:
        return "action_gegevens_verwijderen"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        interrupted = tracker.get_slot("onderbroken_vragenlijst")
        if latest_intent(tracker) != "bevestigen":
            dispatcher.utter_message(response="utter_niet_verwijderd")
            events = [SlotSet("bevestig_verwijderen", False), SlotSet("onderbroken_vragenlijst", None)]
            pid = identity(tracker).person_id
            if interrupted and await call(service.unfinished_interview, pid) == interrupted:
                # the request came during an interview: it continues at the same question
                send(dispatcher, (await call(service.start, pid, interrupted)).prompt)
                return events + [SlotSet("actief_interview", interrupted), SlotSet("interview_open", True),
                                 SlotSet("interview_antwoord", None)]
            return events + [SlotSet("interview_open", False)]
        await call(privacy.delete_person, identity(tracker).person_id)
        dispatcher.utter_message(response="utter_gegevens_verwijderd")
        return [SlotSet("bevestig_verwijderen", False), SlotSet("actief_interview", None),
                SlotSet("interview_open", False), SlotSet("onderbroken_vragenlijst", None)]
