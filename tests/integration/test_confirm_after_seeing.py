"""Found over `make run`: "heb je de afspraken van mark?" was read as confirming them, and both agreements were
confirmed while she had not seen them. A confirmation holds for exactly the agreements she was shown."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions.agreements import SEEN, ActionConfirmAgreements, ActionShowAgreements
from bot.services import popgesprek
from tests.integration.action_helpers import run
from tests.integration.cycle_helpers import EVA, pop_with_two_goals, record_agreements


def _tracker(text: str, intent: str, seen: str | None = None) -> Tracker:
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [],
               "metadata": {"identity": EVA.to_dict()}}
    return Tracker("eva", {SEEN: seen}, message, [{"event": "user", "text": text, "parse_data": message}], False,
                   None, {}, "action_listen")


def _confirmed(today) -> list[bool]:
    return [a.employee_confirmed_at is not None for a in popgesprek.mine("eva", today.year)]


def test_agreements_not_shown_yet_are_shown_first_and_not_confirmed(db_url, today):
    pop_with_two_goals(today)
    record_agreements(today)
    messages, slots = run(ActionConfirmAgreements(), _tracker("heb je de afspraken van mark?", "afspraken_bevestigen"))
    assert [m.get("response") for m in messages] == ["utter_afspraken_bevestigen"]  # shown, with the question
    assert _confirmed(today) == [False, False]
    messages, _ = run(ActionConfirmAgreements(), _tracker("ja, ik bevestig ze", "afspraken_bevestigen", slots[SEEN]))
    assert [m.get("response") for m in messages] == ["utter_afspraken_bevestigd"]
    assert _confirmed(today) == [True, True]


def test_an_agreement_changed_after_she_read_them_is_shown_again(db_url, today):
    pop_with_two_goals(today)
    record_agreements(today)
    _, slots = run(ActionShowAgreements(), _tracker("mijn afspraken", "afspraken_bekijken"))
    popgesprek.record("mark", "eva", 1, "aangepast", "Training presenteren, kort", "december 2026", 60000,
                      "werkgever", year=today.year)
    messages, _ = run(ActionConfirmAgreements(), _tracker("ik bevestig", "afspraken_bevestigen", slots[SEEN]))
    assert [m.get("response") for m in messages] == ["utter_afspraken_bevestigen"]
    assert _confirmed(today) == [False, False]
