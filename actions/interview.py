"""Adapters for the guided interviews: start, answer, pause, resume, correct, review, restart."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import agreements, documents, sharing, subsidies
from actions.common import (
    INTERVIEW_FOR_INTENT,
    call,
    latest_intent,
    latest_text,
    menu_buttons,
    message_facts,
    not_understood,
    person_id,
    role_of,
    send,
    send_all,
    synced_identity,
)
from actions.documents import ask_deletion
from actions.sharing import answer_who_sees
from actions.subsidies import money_question, remembered, scheme_question, second_look
from bot import referral
from bot.dutch.parsing import looks_english
from bot.interviews import Q, max_answer_length
from bot.services import interviews as service
from bot.services import plans
from bot.services import sharing as sharing_service
from bot.understanding import plausible, ranking_of, sounds_like_a_correction

DONE = "klaar"
CANNOT_OPEN = {"popgesprek_niemand_gedeeld"}  # an interview that has nothing to ask about yet


def _active(tracker: Tracker) -> str | None:
    return tracker.get_slot("actief_interview")


class ActionStartInterview(Action):
    def name(self) -> str:
        return "action_start_interview"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        intent = latest_intent(tracker) or ""
        adds = service.asks_for_another_activity(latest_text(tracker))  # "voeg een activiteit toe": the yearly plan
        if intent in INTERVIEW_FOR_INTENT and not adds and not plausible(intent, latest_text(tracker)):
            not_understood(tracker, dispatcher)
            return [SlotSet("interview_open", False)]
        interview = "jaarplan" if adds else \
            _first_named(latest_text(tracker), INTERVIEW_FOR_INTENT.get(intent, _active(tracker) or "pop"))
        pid = person_id(tracker)
        person = await synced_identity(tracker)
        if not service.may_start(person, interview):
            dispatcher.utter_message(response="utter_" + service.refusal(interview))
            return [SlotSet("interview_open", False)]
        if interview == "pop" and person.can_plan and _asks_about_others(latest_text(tracker)):
            # "welke medewerkers hebben al een pop gemaakt?": their POPs, or one's own? asked, nothing started
            from bot import requests

            offers = [requests.get("start_pop"), requests.get("gedeelde_pops")]
            dispatcher.utter_message(response="utter_bedoel_je_twee", buttons=requests.offer_buttons(offers))
            return [SlotSet("interview_open", False)]
        if plans.wants_to_look(latest_text(tracker)):  # "laat het jaarplan 2027 zien": shown, nothing started
            seen = await call(plans.view, person, interview, latest_text(tracker))
            if seen is not None:
                dispatcher.utter_message(response="utter_plan_bekijken", interview_naam=seen[0], samenvatting=seen[1])
                return [SlotSet("interview_open", False)]
        previous = _active(tracker)
        if previous and previous != interview and tracker.active_loop_name == "interview_form":
            await call(service.pause, pid, previous)
        turn = await call(service.start, pid, interview, facts=message_facts(tracker), text=latest_text(tracker))
        if turn.prompt is not None and turn.prompt.response in CANNOT_OPEN:
            await call(service.pause, pid, interview)
            send(dispatcher, turn.prompt)  # "nog niemand uit je team heeft een POP gedeeld"
            return [SlotSet("interview_open", False)]
        if turn.done:
            dispatcher.utter_message(response="utter_interview_al_klaar")
            await _send_summary(dispatcher, tracker, interview, turn.summary)
            return [SlotSet("actief_interview", interview), SlotSet("interview_open", False),
                    SlotSet("interview_antwoord", DONE)]
        if not (turn.messages and turn.messages[0].response == "activiteit_erbij"):  # a finished plan: no intro
            dispatcher.utter_message(response="utter_hervat" if turn.extra.get("resumed") else f"utter_start_{interview}")
        send_all(dispatcher, turn.messages)  # what the first message already told ("een gemeente met 800 ...")
        send(dispatcher, turn.prompt)
        return [SlotSet("actief_interview", interview), SlotSet("interview_open", True),
                SlotSet("interview_antwoord", None), SlotSet("laatste_regeling", None)]  # another topic now


_NAMED_FIRST = {"strategie": re.compile(r"opleidingsbeleid|strategisch|strategie|speerpunt"),
                "jaarplan": re.compile(r"jaarplan|opleidingsplan voor \d{4}")}


def _first_named(text: str, interview: str) -> str:
    """"eerst het opleidingsbeleid en daarna het jaarplan": the plan named first, when a message names both."""
    if interview not in _NAMED_FIRST:
        return interview
    found = {name: m.start() for name, pattern in _NAMED_FIRST.items() if (m := pattern.search((text or "").lower()))}
    return min(found, key=found.get) if len(found) == 2 else interview


def _asks_about_others(text: str) -> bool:
    """"welke medewerkers hebben al een pop?", "wie heeft zijn pop gedeeld?": a question about other people."""
    return re.match(r"\s*(welke|wie|hoeveel|hoe veel)\b", (text or "").lower()) is not None


class ValidateInterviewForm(FormValidationAction):
    def name(self) -> str:
        return "validate_interview_form"

    async def validate_interview_antwoord(self, slot_value: Any, dispatcher: CollectingDispatcher,
                                          tracker: Tracker, domain: DomainDict) -> dict[str, Any]:
        if slot_value is None:  # reset by another action, not typed by the person
            return {}
        interview = _active(tracker)
        if not interview:
            return {"interview_antwoord": DONE}
        person = await synced_identity(tracker)  # the token decides, at every turn: role and organisation
        if not service.may_start(person, interview):
            await call(service.pause, person_id(tracker), interview)
            dispatcher.utter_message(response="utter_" + service.refusal(interview))
            return {"interview_antwoord": DONE, "interview_open": False}
        return await _answer_turn(interview, str(slot_value), person, dispatcher, tracker, domain)


async def _answer_turn(interview: str, text: str, person, dispatcher: CollectingDispatcher, tracker: Tracker,
                       domain: DomainDict) -> dict[str, Any]:
    """One message while a question of ``interview`` is open: the core decides and answers; the slots to set."""
    message = tracker.latest_message or {}
    faq = ((message.get("response_selector") or {}).get("faq") or {}).get("response") or {}
    turn = await call(service.turn, person_id(tracker), interview, text, ranking=ranking_of(message),
                      can_plan=person.can_plan, faq_response=(faq.get("utter_action") or "").removeprefix("utter_") or None)
    handoff = turn.extra.get("handoff")
    if handoff:
        return await _handoff(handoff, dispatcher, tracker, domain, turn)
    send_all(dispatcher, turn.messages)
    if turn.extra.get("paused"):
        return {"interview_antwoord": DONE, "interview_open": False}
    if not turn.done:
        send(dispatcher, turn.prompt)
    result = {"interview_antwoord": DONE if turn.done else None}
    result.update({event["name"]: event["value"] for event in remembered(turn.messages)})  # advice at the end
    if turn.extra.get("switched"):
        result["actief_interview"] = turn.extra["switched"]
    return result


async def _handoff(intent: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict,
                   turn: service.Turn) -> dict[str, Any]:
    """Another part of the bot answers (a download, 'welke gegevens heb je van mij?'); then the question again."""
    if intent == "gegevens_verwijderen":  # the interview was paused; the confirmation decides
        await ask_deletion(dispatcher, tracker)
        return {"interview_antwoord": DONE, "interview_open": False, "bevestig_verwijderen": True,
                "onderbroken_vragenlijst": tracker.get_slot("actief_interview")}
    events = await HANDOFF_ACTIONS[intent]().run(dispatcher, tracker, domain)
    send(dispatcher, turn.prompt)
    kept = {e["name"]: e["value"] for e in events or [] if e.get("event") == "slot" and e.get("name") in _KEPT_SLOTS}
    return {"interview_antwoord": None, **kept}  # "wie vraagt dat aan?": the scheme it was about stays known


_KEPT_SLOTS = ("laatste_regeling", "getoonde_regelingen")


class ActionAnswerAfterComingBack(Action):
    """An answer while no form is open: the person left without saying 'stop' (the chat session ended) and now
    answers the question they saw. It goes to that question, as it would have in the form; without such a question
    the bot says there is none open."""

    def name(self) -> str:
        return "action_antwoord_buiten_vraag"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        person = await synced_identity(tracker)
        interview = await call(service.waiting_interview, person_id(tracker), person)
        if interview is None and sounds_like_a_correction(latest_text(tracker)):
            # "de toekomst van de organisatie klopt niet, ..." after the interview ended: that correction
            done = await call(service.correction, person_id(tracker), latest_text(tracker), _active(tracker), person)
            if done.interview is not None:
                send_all(dispatcher, done.messages)
                send(dispatcher, done.prompt)
                return [SlotSet("actief_interview", done.interview), SlotSet("interview_open", done.prompt is not None),
                        SlotSet("interview_antwoord", None)]
        if interview is None and (events := await second_look(dispatcher, tracker)) is not None:
            return [*events, SlotSet("interview_open", False)]  # "dus wij kunnen dat niet zelf aanvragen?"
        if interview is None:
            dispatcher.utter_message(response="utter_antwoord_zonder_vraag")
            return [SlotSet("interview_open", False)]
        slots = await _answer_turn(interview, latest_text(tracker), person, dispatcher, tracker, domain)
        still_open = slots.get("interview_open", slots.get("interview_antwoord") != DONE)
        return [SlotSet("actief_interview", slots.get("actief_interview", interview)),
                SlotSet("interview_open", still_open), SlotSet("interview_antwoord", None)]


# The action that answers a request made during an interview (bot/requests.py: handoff), the same one its rule in
# data/rules runs outside an interview (tests/unit/test_requests.py keeps them equal). 'gegevens_verwijderen' asks
# for a confirmation first (above).
HANDOFF_ACTIONS: dict[str, type[Action]] = {
    "pop_downloaden": documents.ActionDocument, "jaarplan_downloaden": documents.ActionDocument,
    "strategie_downloaden": documents.ActionDocument, "evaluatie_downloaden": documents.ActionDocument,
    "overzicht_bekijken": documents.ActionOverview, "gegevens_inzien": documents.ActionShowMyData,
    "pop_delen": sharing.ActionSharePop, "pop_niet_delen": sharing.ActionSharePop,
    "gedeelde_pops": sharing.ActionSharedPops, "afspraken_bekijken": agreements.ActionShowAgreements,
    "afspraken_bevestigen": agreements.ActionConfirmAgreements,
    "regeling_vraag": subsidies.ActionSchemeInfo,  # the scheme the conversation is about lives in its slots
}


async def _send_summary(dispatcher: CollectingDispatcher, tracker: Tracker, interview: str, summary: str) -> None:
    """The interview's summary; a POP that is shared says who reads it, also the answers just changed (found over
    make run: after a change in a shared POP the bot said "je antwoorden zijn alleen voor jou")."""
    readers = await call(sharing_service.who_sees, person_id(tracker)) if interview == "pop" else None
    if readers and readers != "alleen jij":
        dispatcher.utter_message(response="utter_samenvatting_pop_gedeeld", samenvatting=summary, wie=readers)
    else:
        dispatcher.utter_message(response=f"utter_samenvatting_{interview}", samenvatting=summary)


class ActionFinishInterview(Action):
    def name(self) -> str:
        return "action_interview_afronden"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        interview = _active(tracker)
        if interview:
            summary = await call(service.finished_summary, person_id(tracker), interview)
            if summary is not None:  # None: the interview was paused, not finished
                await _send_summary(dispatcher, tracker, interview, summary)
        return [SlotSet("interview_open", False), SlotSet("interview_antwoord", None)]


class ActionPauseInterview(Action):
    def name(self) -> str:
        return "action_interview_pauzeren"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        interview = _active(tracker)
        if tracker.active_loop_name != "interview_form" or not interview:
            dispatcher.utter_message(response="utter_geen_interview_actief", buttons=menu_buttons(tracker))
            return []
        await call(service.pause, person_id(tracker), interview)
        dispatcher.utter_message(response="utter_gepauzeerd")
        return [SlotSet("interview_open", False), SlotSet("interview_antwoord", None)]


class ActionResumeInterview(Action):
    def name(self) -> str:
        return "action_hervat"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        pid = person_id(tracker)
        person = await synced_identity(tracker)
        interview = await call(service.unfinished_interview, pid, person)
        if interview is None:
            dispatcher.utter_message(response="utter_niets_te_hervatten", buttons=menu_buttons(tracker))
            return [SlotSet("interview_open", False)]
        turn = await call(service.start, pid, interview)
        dispatcher.utter_message(response="utter_hervat")
        send(dispatcher, turn.prompt)
        return [SlotSet("actief_interview", interview), SlotSet("interview_open", True),
                SlotSet("interview_antwoord", None)]


class ActionCorrectAnswer(Action):
    """'terug', 'wijzig mijn antwoord over ...', 'de kosten van activiteit 6 kloppen niet' and 'zet het terug'."""

    def name(self) -> str:
        return "action_corrigeren"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        pid = person_id(tracker)
        person = await synced_identity(tracker)
        in_form = tracker.active_loop_name == "interview_form"
        interview = _active(tracker) if in_form else None
        intent = latest_intent(tracker)
        events: list[EventType] = [SlotSet("interview_antwoord", None)]
        if intent == "wijzig_antwoord":
            done = await call(service.correction, pid, latest_text(tracker), interview or _active(tracker), person)
            send_all(dispatcher, done.messages)
            if done.prompt is None:
                return events + [SlotSet("interview_open", in_form)]
            send(dispatcher, done.prompt)
            return events + [SlotSet("actief_interview", done.interview), SlotSet("interview_open", True)]
        interview = interview or await call(service.unfinished_interview, pid, person) or _active(tracker)
        if interview and not service.may_start(person, interview):
            interview = None
        if intent == "terugzetten":
            if not interview:
                dispatcher.utter_message(response="utter_terugzetten_niets")
                return events + [SlotSet("interview_open", in_form)]
            send(dispatcher, await call(service.undo, pid, interview))
        else:
            key = await call(service.go_back, pid, interview) if interview else None
            if key is None:
                dispatcher.utter_message(response="utter_correctie_niets")
                return events + [SlotSet("interview_open", in_form)]
            dispatcher.utter_message(response="utter_correctie_start", vraag_label=Q[key].label.lower())
        send(dispatcher, (await call(service.start, pid, interview)).prompt)
        return events + [SlotSet("actief_interview", interview), SlotSet("interview_open", True)]


class ActionShowAnswers(Action):
    def name(self) -> str:
        return "action_toon_antwoorden"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if await answer_who_sees(dispatcher, tracker):  # "wie kan mijn pop zien?": who, not all the answers
            return []
        pid = person_id(tracker)
        active = _active(tracker) if tracker.active_loop_name == "interview_form" else None
        if active is None and (events := await scheme_question(dispatcher, tracker)) is not None:
            return events  # "hoeveel is dat?" just after a scheme: about that scheme, not the progress
        person = await synced_identity(tracker)
        interviews = [active] if active else await call(service.started_interviews, pid)
        interviews = [i for i in interviews if service.may_start(person, i)]
        if not interviews:
            dispatcher.utter_message(response="utter_nog_niets_ingevuld")
            return []
        for interview in interviews:
            summary = await call(service.summary, pid, interview)
            dispatcher.utter_message(response="utter_antwoorden_tot_nu", samenvatting=summary,
                                     interview_naam=service.INTERVIEW_NAMES[interview])
        left = None if active else await call(service.unfinished_interview, pid, person)
        if left is not None:  # "waar was ik?" after a break: where to go on, with one button
            dispatcher.utter_message(response="utter_verder_met", interview_naam=service.INTERVIEW_NAMES[left])
        return []


class ActionWhyQuestion(Action):
    def name(self) -> str:
        return "action_waarom_vraag"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        interview = _active(tracker) if tracker.active_loop_name == "interview_form" else None
        if not interview:
            dispatcher.utter_message(response="utter_waarom_algemeen")
            return []
        key = await call(service.current_question, person_id(tracker), interview)
        specific = f"utter_waarom_{key}"
        responses = domain.get("responses", {})
        dispatcher.utter_message(response=specific if specific in responses else f"utter_waarom_{interview}")
        return []


class ActionConfirmRestart(Action):
    """'opnieuw beginnen' outside an interview: the interview opens with the confirmation question."""

    def name(self) -> str:
        return "action_vraag_opnieuw_bevestiging"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        pid = person_id(tracker)
        person = await synced_identity(tracker)
        interview = _active(tracker) or await call(service.unfinished_interview, pid, person)
        if interview and not service.may_start(person, interview):
            dispatcher.utter_message(response="utter_" + service.refusal(interview))
            return [SlotSet("interview_open", False)]
        if not interview:
            dispatcher.utter_message(response="utter_geen_interview_actief", buttons=menu_buttons(tracker))
            return [SlotSet("interview_open", False)]
        send(dispatcher, await call(service.ask_restart, pid, interview))
        return [SlotSet("actief_interview", interview), SlotSet("interview_open", True),
                SlotSet("interview_antwoord", None)]


async def _refer(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Pay, leave, sickness ...: where to go, for the person's role (an HR adviser is not sent to HR; found over make
    run)."""
    # the role from the verified token; nothing to store for a referral
    dispatcher.utter_message(response="utter_" + referral.response(role_of(tracker), latest_text(tracker)))


class ActionNotUnderstood(Action):
    """Fallback and questions outside Leerkoers' field: a specific answer for empty, very long or English
    messages, and where to go for other HR questions (verlof, ziekmelden, salaris)."""

    def name(self) -> str:
        return "action_niet_begrepen"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        text = latest_text(tracker)
        if not text.strip() or not any(c.isalnum() for c in text):
            dispatcher.utter_message(response="utter_leeg_bericht")
        elif len(text) > max_answer_length():
            dispatcher.utter_message(response="utter_bericht_te_lang")
        elif looks_english(text):
            dispatcher.utter_message(response="utter_spreekt_nederlands")
        elif service.asks_for_another_activity(text) and service.may_start(await synced_identity(tracker), "jaarplan"):
            return await ActionStartInterview().run(dispatcher, tracker, domain)  # "voeg een activiteit toe"
        elif latest_intent(tracker) == "buiten_bereik" and referral.about_hr(text):
            await _refer(dispatcher, tracker)  # pay, leave, sickness ...: HR, also right
            # after a scheme was shown ("wanneer moet ik de bedrijfsarts inschakelen?" is not about its dates)
        elif (events := await scheme_question(dispatcher, tracker)) is not None:
            return events  # "wat zijn de voorwaarden van de lerarenbeurs?" that the NLU did not place
        elif await answer_who_sees(dispatcher, tracker):
            pass  # "wat ziet Petra van mijn pop?", "kan de directeur het ook zien?": who may read it now
        elif latest_intent(tracker) == "buiten_bereik" and referral.HR_TOPICS.search(text):  # pay, leave, ...: HR
            await _refer(dispatcher, tracker)
        elif (events := await money_question(dispatcher, tracker)) is not None:
            return events  # "we zijn geen gemeente maar een bibliotheek, welke fondsen passen?"
        elif latest_intent(tracker) == "buiten_bereik":  # outside the field: where to go instead
            dispatcher.utter_message(response="utter_buiten_bereik")
        elif not await self._offer_correction(text, dispatcher, tracker):
            not_understood(tracker, dispatcher)
        return []

    @staticmethod
    async def _offer_correction(text: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
        """'De naam van de organisatie moet ... zijn' that the NLU did not place: when its words name an answer the
        person gave, the bot offers to change that answer (a button per answer); nothing changes unasked."""
        if not service.sounds_like_a_correction(text):
            return False
        person = await synced_identity(tracker)
        buttons = await call(service.correction_buttons, person_id(tracker), text, person)
        if buttons:
            dispatcher.utter_message(response="utter_correctie_bedoel_je", buttons=buttons)
        return bool(buttons)
