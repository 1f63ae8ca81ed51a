"""Running the Rasa SDK adapters with a real tracker, a real dispatcher and the real domain (domain/): shared by
tests/integration/test_actions.py and tests/integration/test_actions_subsidies.py."""

from __future__ import annotations

import asyncio
import re

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from tests.helpers import domain_yaml

DOMAIN = domain_yaml()


def tracker(sender="e1", text="", intent=None, confidence=1.0, slots=None, loop=None, slot_events=None,
            entities=None, faq=None) -> Tracker:
    message = {"text": text, "intent": {"name": intent, "confidence": confidence} if intent else {},
               "entities": entities or []}
    if faq:
        message["response_selector"] = {"faq": {"response": {"utter_action": faq}}}
    events = [{"event": "user", "text": text, "parse_data": message}]
    events += [{"event": "slot", "name": k, "value": v} for k, v in (slot_events or {}).items()]
    all_slots = {"actief_interview": None, "interview_open": False, "interview_antwoord": None,
                 "requested_slot": "interview_antwoord" if loop else None}
    all_slots.update(slots or {})
    all_slots.update(slot_events or {})
    return Tracker(sender, all_slots, message, events, False, None, {"name": loop} if loop else {}, "action_listen")


def run(action, trk):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, trk, DOMAIN))
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def responses(messages):
    """The responses sent; the HR referral by its name for every role (each role's wording: its own test)."""
    return [re.sub(r"^utter_andere_hr_vraag_(?:hr|leidinggevende)$", "utter_andere_hr_vraag", m.get("response") or "")
            or m.get("response") for m in messages]
