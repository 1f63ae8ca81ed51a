"""The greeting and the help fit the person's role, which comes from the intranet's token (never from the chat).

An employee sees the POP, funding for their own learning and their data; a manager or HR adviser also sees the
strategic policy, the yearly plan, the POPs shared with them and the overview. Without a verified identity the
employee's version is shown: it offers nothing that needs a role.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import identity


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
        return []


class ActionHelp(Action):
    def name(self) -> str:
        return "action_help"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_help" if _plans(tracker) else "utter_help_medewerker")
        return []
