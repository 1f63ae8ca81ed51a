"""A new chat session (the person comes back after an hour or days later): the question they saw stays open.

Rasa ends the form when a session expires; the person's next message would then be read without its question.
Leerkoers starts the new session with the interview they left without saying 'stop' still open, so "ja" to a value
that was said back, "februari" to "Wanneer?" or a whole answer lands where they left off.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, ActiveLoop, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import call
from bot.identity import Identity, token_settings
from bot.services import interviews as service

NOT_CARRIED = {"requested_slot", "session_started_metadata", "interview_antwoord"}


def _identity(tracker: Tracker) -> Identity | None:
    """The verified identity the channel sent with the message that starts this session: Rasa keeps it in
    ``session_started_metadata`` when a session expired, and in the message itself when a client asks for a new
    session ("/session_start")."""
    for metadata in (tracker.get_slot("session_started_metadata"), (tracker.latest_message or {}).get("metadata")):
        person = Identity.from_dict(metadata.get("identity")) if isinstance(metadata, dict) else None
        if person is not None and person.person_id == tracker.sender_id:
            return person
    if token_settings().enabled:
        return None  # tokens on, no verified identity: nothing personal is opened
    return Identity(tracker.sender_id, "Testgebruiker (ontwikkelmodus)", "manager", None, dev=True)


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        events: list[Any] = [SessionStarted()]
        events += [SlotSet(name, value) for name, value in tracker.slots.items()
                   if value is not None and name not in NOT_CARRIED]
        person = _identity(tracker)
        interview = await call(service.waiting_interview, tracker.sender_id, person) if person else None
        if interview is not None:
            events += [SlotSet("actief_interview", interview), SlotSet("interview_open", True),
                       SlotSet("interview_antwoord", None), ActiveLoop("interview_form"),
                       SlotSet("requested_slot", "interview_antwoord")]
        else:
            events.append(SlotSet("interview_open", False))
        return events + [ActionExecuted("action_listen")]
