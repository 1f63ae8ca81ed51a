"""One registry of requests (issue 28, item 4) and 'bedoel je ...?' (item 3)."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot import requests, understanding
from tests.helpers import domain_yaml

ROOT = Path(__file__).resolve().parents[2]


def _rule_actions() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (ROOT / "data" / "rules").glob("*.yml"):
        for rule in yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]:
            steps = rule["steps"]
            if len(steps) >= 2 and "intent" in steps[0] and "action" in steps[1]:
                found.setdefault(steps[0]["intent"], set()).add(steps[1]["action"])
    return found


def test_every_request_is_an_intent_with_one_action_its_rules_run():
    intents = {i if isinstance(i, str) else next(iter(i)) for i in domain_yaml()["intents"]}
    rules = _rule_actions()
    for request in requests.REQUESTS:
        assert request.intent in intents, request.intent
        assert len(rules.get(request.intent, ())) == 1, (request.intent, rules.get(request.intent))


def test_a_request_during_an_interview_runs_the_action_of_its_rule():
    """The core registry names no Rasa action; the adapter's table of handoffs agrees with the rules."""
    from actions.interview import HANDOFF_ACTIONS

    rules = _rule_actions()
    handoffs = {r.intent for r in requests.REQUESTS if r.handoff} - {"gegevens_verwijderen"}
    assert set(HANDOFF_ACTIONS) == handoffs
    for intent, action in HANDOFF_ACTIONS.items():
        assert rules[intent] == {action().name()}


def test_the_decision_reads_the_registry():
    assert understanding.COMMANDS == set(requests.BY_INTENT)
    assert understanding.LEAVING == {r.intent for r in requests.REQUESTS if r.leaves}
    assert understanding.HANDOFF == {r.intent for r in requests.REQUESTS if r.handoff}
    assert not hasattr(understanding, "detect_command")  # no second way to decide


def test_every_request_has_a_plain_dutch_label_and_button():
    for request in requests.REQUESTS:
        assert request.label and request.label == request.label.strip() and request.label[0].islower()
        assert request.button[0].isupper() and "_" not in request.button


RANKING = [("nlu_fallback", 0.4), ("start_pop", 0.31), ("start_strategie", 0.2), ("faq", 0.15),
           ("gegevens_verwijderen", 0.1)]


def test_likely_meanings_are_offered_best_first_and_only_what_the_role_may_do():
    text = "ik heb volgende week mijn pop gesprek, en wil ook het opleidingsbeleid"
    assert [r.intent for r in requests.likely(RANKING, "manager", text)] == ["start_pop", "start_strategie"]
    assert [r.intent for r in requests.likely(RANKING, "employee", text)] == ["start_pop"]  # no manager tasks


def test_nothing_is_offered_that_the_words_do_not_back_up_or_that_destroys_something():
    assert requests.likely(RANKING, "manager", "spelen jullie ook voetbal op vrijdag") == []
    assert requests.likely([("gegevens_verwijderen", 0.39)], "employee", "verwijder alles") == []
    buttons = requests.offer_buttons(requests.likely(RANKING, "employee", "mijn pop"))
    assert buttons == [{"title": "POP voorbereiden", "payload": "/start_pop"},
                       {"title": "Iets anders", "payload": "/help"}]


def test_the_employees_fallback_offers_no_manager_tasks():
    """Issue 28 finding: the fallback menu offered an employee the strategy and the yearly plan."""
    responses = domain_yaml()["responses"]
    payloads = {b["payload"] for b in responses["utter_fallback_medewerker"][0]["buttons"]}
    for payload in payloads:
        assert requests.get(payload.lstrip("/")).allowed("employee"), payload


def test_a_request_whose_own_words_are_said_is_offered_first():
    """Found in CI: "die pop van mij" offered "Mijn gegevens" first (topic word "van mij"), the POP second."""
    from bot import requests

    ranking = [("gegevens_inzien", 0.45), ("start_pop", 0.35), ("nlu_fallback", 0.4)]
    offers = requests.likely(ranking, "employee", "die pop van mij")
    assert [r.intent for r in offers] == ["start_pop", "gegevens_inzien"]
    ranking = [("gegevens_inzien", 0.45), ("start_pop", 0.35)]
    assert [r.intent for r in requests.likely(ranking, "employee", "mijn gegevens van de pop")][0] == "gegevens_inzien"
