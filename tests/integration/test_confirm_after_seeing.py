"""Found over `make run`: "heb je de afspraken van mark?" was read as confirming them, and both agreements were
confirmed while she had not seen them. A confirmation is only taken for the agreements shown just before it."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions.agreements import ActionConfirmAgreements
from bot.services import popgesprek
from tests.integration.action_helpers import run
from tests.integration.cycle_helpers import EVA, pop_with_two_goals, record_agreements


def _tracker(shown_before: bool) -> Tracker:
    message = {"text": "heb je de afspraken van mark?", "intent": {"name": "afspraken_bevestigen", "confidence": 0.9},
               "entities": [], "metadata": {"identity": EVA.to_dict()}}
    events = [{"event": "user", "text": "welke afspraken hebben we?", "parse_data": {}}]
    if shown_before:
        events.append({"event": "bot", "text": "Je leidinggevende heeft deze afspraken ... Kloppen ze?",
                       "metadata": {"utter_action": "utter_afspraken_bevestigen"}})
    else:
        events.append({"event": "bot", "text": "Hallo Eva!", "metadata": {"utter_action": "utter_greet"}})
    events.append({"event": "user", "text": message["text"], "parse_data": message})
    return Tracker("eva", {}, message, events, False, None, {}, "action_listen")


def test_agreements_not_shown_yet_are_shown_first_and_not_confirmed(db_url, today):
    pop_with_two_goals(today)
    record_agreements(today)
    messages, _ = run(ActionConfirmAgreements(), _tracker(shown_before=False))
    assert [m.get("response") for m in messages] == ["utter_afspraken_bevestigen"]
    assert all(a.employee_confirmed_at is None for a in popgesprek.mine("eva", today.year))
    messages, _ = run(ActionConfirmAgreements(), _tracker(shown_before=True))
    assert [m.get("response") for m in messages] == ["utter_afspraken_bevestigd"]
    assert all(a.employee_confirmed_at is not None for a in popgesprek.mine("eva", today.year))
