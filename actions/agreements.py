"""Adapters for the employee's side of the POP-gesprek: see the agreements, confirm them.

The manager records them in the ``popgesprek`` interview (bot/interviews/popgesprek.py); who may see what is
decided in bot/services/popgesprek.py from the identity of the token, at every turn.
"""

from __future__ import annotations

import hashlib

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import call, synced_identity, understood
from bot.dutch import formatting
from bot.interviews.popgesprek import agreement_line
from bot.services import popgesprek


class ActionShowAgreements(Action):
    """'welke afspraken hebben we gemaakt?': the employee's own agreements of this year."""

    def name(self) -> str:
        return "action_afspraken"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if not understood(tracker, dispatcher):
            return []
        person = await synced_identity(tracker)
        agreements = await call(popgesprek.mine, person.person_id)
        if not agreements and person.role == "manager":  # "welke afspraken staan er voor Ilse?": the team's
            team = await call(popgesprek.team_agreements, person.person_id)
            if team:
                dispatcher.utter_message(response="utter_afspraken_team", afspraken="\n".join(
                    f"{name}:\n" + "\n".join(lines) for name, lines in team))
                return []
        if not agreements:
            dispatcher.utter_message(response="utter_geen_afspraken")
            return []
        waiting = any(a.employee_confirmed_at is None for a in agreements)
        dispatcher.utter_message(response="utter_afspraken_bevestigen" if waiting else "utter_afspraken",
                                 afspraken="\n".join(agreement_line(a) for a in agreements))
        return [SlotSet(SEEN, seen(agreements) if waiting else None)]


SEEN = "afspraken_gezien"


def seen(agreements) -> str:
    """A fingerprint of the lines the employee is shown: a confirmation holds for exactly what she read."""
    lines = "\n".join(agreement_line(a) for a in agreements)
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()[:32]


class ActionConfirmAgreements(Action):
    """'ik bevestig de afspraken': every agreement that waits for this employee is confirmed and logged, once she
    has seen them: a confirmation holds for exactly the lines she was shown; otherwise they are shown first."""

    def name(self) -> str:
        return "action_afspraken_bevestigen"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if not understood(tracker, dispatcher):
            return []
        person = await synced_identity(tracker)
        agreements = await call(popgesprek.mine, person.person_id)
        if agreements and any(a.employee_confirmed_at is None for a in agreements) and \
                tracker.get_slot(SEEN) != seen(agreements):  # not read yet, or changed since: shown first
            return await ActionShowAgreements().run(dispatcher, tracker, domain)
        count = await call(popgesprek.confirm, person.person_id)
        if count == 0:
            agreements = await call(popgesprek.mine, person.person_id)
            dispatcher.utter_message(response="utter_afspraken_al_bevestigd" if agreements
                                     else "utter_geen_afspraken")
            return []
        dispatcher.utter_message(response="utter_afspraken_bevestigd",
                                 aantal=formatting.count(count, "afspraak", "afspraken"))
        return [SlotSet(SEEN, None)]
