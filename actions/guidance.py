"""The greeting and the help fit the person's role, which comes from the intranet's token (never from the chat).

An employee sees the POP, funding for their own learning and their data; a manager or HR adviser also sees the
strategic policy, the yearly plan, the POP-gesprekken of their team, the evaluation and the overview. Without a
verified identity the employee's version is shown: it offers nothing that needs a role. Agreements of the
POP-gesprek that wait for the person's confirmation are announced in the greeting.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import call, identity, latest_text, menu_buttons, role_of, synced_identity
from bot.services import interviews, popgesprek, sharing


def _plans(tracker: Tracker) -> bool:
    try:
        return identity(tracker).can_plan
    except PermissionError:
        return False


class ActionGreet(Action):
    def name(self) -> str:
        return "action_groet"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_groet" if _plans(tracker) else "utter_groet_medewerker")
        _offer_what_they_asked(tracker, dispatcher)
        await _offer_to_go_on(tracker, dispatcher)
        if await _new_manager(tracker):
            dispatcher.utter_message(response="utter_pop_nieuwe_leidinggevende")
        if await _agreements_waiting(tracker):
            dispatcher.utter_message(response="utter_afspraken_wachten")
        return []


def _offer_what_they_asked(tracker: Tracker, dispatcher: CollectingDispatcher) -> None:
    """"Hoi hoi! Ik wil ons opleidingsbeleid eens op papier zetten": a greeting with a task in it; the task its words
    name is offered as one button ("ja" takes it), never started unasked."""
    from bot import requests
    from bot.understanding import ranking_of

    text = latest_text(tracker)
    if len(text.split()) < 5:
        return
    offers = [r for r in requests.likely(ranking_of(tracker.latest_message), role_of(tracker), text)
              if r.intent.startswith("start_")]
    if offers:
        dispatcher.utter_message(response="utter_bedoel_je", bedoeling=offers[0].button,
                                 buttons=requests.offer_buttons(offers[:1]))


async def _offer_to_go_on(tracker: Tracker, dispatcher: CollectingDispatcher) -> None:
    """"Hoi" after 'stop' or a break: the interview the person left is offered to go on with."""
    from bot.interviews import INTERVIEW_LABELS

    try:
        person = identity(tracker)
    except PermissionError:
        return
    interview = await call(interviews.unfinished_interview, person.person_id, person)
    if interview is not None:
        dispatcher.utter_message(response="utter_verder_met", interview_naam=INTERVIEW_LABELS[interview])


async def _new_manager(tracker: Tracker) -> bool:
    """The token names another manager than the one the POP was shared with (identity synced first)."""
    try:
        person = identity(tracker)
    except PermissionError:
        return False
    if person.dev:
        return False
    await synced_identity(tracker)
    return await call(sharing.shared_with_former_manager, person.person_id)


async def _agreements_waiting(tracker: Tracker) -> bool:
    """Agreements of the POP-gesprek that wait for this person's confirmation."""
    try:
        person = identity(tracker)
    except PermissionError:
        return False
    agreements = await call(popgesprek.mine, person.person_id)
    return any(a.employee_confirmed_at is None for a in agreements)


class ActionMainMenu(Action):
    """"ja" or "nee" with no question open: what the person may do, by the role in the token (found over make run:
    an employee got the buttons of the policy and the yearly plan, and was refused after clicking one)."""

    def name(self) -> str:
        return "action_hoofdmenu"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_hoofdmenu", buttons=menu_buttons(tracker))
        return []


class ActionHelp(Action):
    def name(self) -> str:
        return "action_help"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_help" if _plans(tracker) else "utter_help_medewerker")
        return []
