"""Every button of every interview, walked on a real database: its title, typed, is that button (issue 28, item 5),
and the engine accepts what the click sends. Also the plain answers and facts of item 6."""

from __future__ import annotations

import pytest

from bot.dutch.choices import match_button
from bot.interviews.engine import InterviewEngine
from bot.services import interviews as service
from bot.storage.db import session_scope
from bot.storage.models import Activity, Pop
from tests.helpers import JAARPLAN, STRATEGIE, typed_versions
from tests.integration import cycle_helpers as cycle

ANSWER = [("antwoord", 0.9)]


@pytest.fixture
def shown(monkeypatch):
    """Every (interview, question, buttons) the engines show while the test runs."""
    seen: list[tuple[str, str | None, list[dict]]] = []
    original = InterviewEngine.prompt

    def recording(self):
        message = original(self)
        if message is not None and message.buttons:
            seen.append((self.interview, self.current_key(), list(message.buttons)))
        return message

    monkeypatch.setattr(InterviewEngine, "prompt", recording)
    return seen


def test_every_button_of_every_interview_can_be_typed(db_url, today, shown):
    service.start("m", "strategie", today)
    service.answer("m", "strategie", "Stichting De Brug", today)  # a name that says no sector: the sector is asked
    for _key, text in [("org_sector", "gemeente")] + STRATEGIE[1:]:
        service.answer("m", "strategie", text, today)
    service.start("m", "jaarplan", today)
    for _key, text in JAARPLAN:
        service.answer("m", "jaarplan", text, today)
    service.ask_restart("m", "jaarplan")
    service.prompt("m", "jaarplan", today)
    cycle.pop_with_two_goals(today)
    cycle.record_agreements(today)
    service.start("mark", "evaluatie", today)
    cycle.answer_open_questions("mark", "evaluatie", {
        "evaluatie_jaar": [str(today.year)], "eval_status": ["verschoven"],
        "eval_beleid": ["Meer aandacht voor presenteren"], "eval_or": ["ja"], "eval_meenemen": ["ja"]}, today)
    questions = {(interview, key) for interview, key, _ in shown}
    assert {("strategie", "org_sector"), ("strategie", "org_or"), ("jaarplan", "act_soort"),
            ("jaarplan", "act_speerpunt"), ("pop", "doel_soort"), ("popgesprek", "afspraak_besluit"),
            ("evaluatie", "eval_status")} <= questions, questions
    for interview, key, buttons in shown:
        for button in buttons:
            for typed in typed_versions(button["title"]):
                found = match_button(typed, buttons)
                assert found is not None and found["payload"] == button["payload"], (interview, key, typed)


def test_what_a_button_sends_is_accepted_by_its_question(db_url, today, shown):
    service.start("m", "strategie", today)
    service.answer("m", "strategie", "Stichting De Brug", today)
    [(_, key, buttons)] = [s for s in shown if s[1] == "org_sector"][:1]
    for button in buttons:
        turn = service.turn("m", "strategie", match_button(button["title"].lower(), buttons)["payload"],
                            ranking=ANSWER, today=today)
        assert turn.accepted, button
        service.go_back("m", "strategie", today)


def test_a_short_answer_that_says_something_is_an_answer(db_url, today):
    """Issue 28 finding: 'Teamleider worden' to 'over 3 tot 5 jaar, waar zie je jezelf dan?' was refused."""
    service.start("e", "pop", today)
    for key, text in [("org_naam", "Gemeente Zeist"), ("pop_functie", "beleidsmedewerker"),
                      ("pop_team", "Sociaal Domein"), ("pop_terugblik", "Goed jaar"),
                      ("pop_bijdrage", "Digitalisering"), ("pop_sterk", "Plannen"),
                      ("pop_ontwikkelpunten", "Presenteren"), ("pop_ambitie_kort", "Coaching")]:
        assert service.current_question("e", "pop", today) == key
        assert service.answer("e", "pop", text, today).accepted, text
    assert service.current_question("e", "pop", today) == "pop_ambitie_lang"
    for says_nothing in ("ja", "weet niet", "x", "?", "ok hoor"):
        turn = service.answer("e", "pop", says_nothing, today)
        assert not turn.accepted and turn.messages[0].response == "antwoord_te_kort", says_nothing
    assert service.answer("e", "pop", "Teamleider worden", today).accepted
    with session_scope() as s:
        assert s.query(Pop).one().ambition_long == "Teamleider worden"


def test_an_organisation_name_that_says_its_sector_is_not_asked_again(db_url, today):
    """Issue 28 finding: 'Gemeente Oostmeer' was then asked 'Wat voor organisatie is het?'."""
    service.start("m", "strategie", today)
    turn = service.answer("m", "strategie", "Gemeente Oostmeer", today)
    assert turn.accepted and service.current_question("m", "strategie", today) == "org_medewerkers"
    assert any(m.response == "feiten_begrepen" and "gemeente" in m.params["feiten"] for m in turn.messages)


def test_an_activity_in_one_message_fills_the_kind_and_the_provider(db_url, today):
    """Issue 28 finding: '…, vakgebied, …, extern bureau, …' still asked the kind of learning and the provider."""
    service.start("m", "jaarplan", today)
    for _key, text in [("org_naam", "Gemeente Zeist"), ("org_medewerkers", "300"), ("org_or", "ja"),
                       ("jaarplan_jaar", "2027"), ("jaarplan_budget", "€ 10.000")]:
        service.answer("m", "jaarplan", text, today)
    assert service.current_question("m", "jaarplan", today) == "act_wat"
    service.answer("m", "jaarplan", "Training klantgericht schrijven, vakgebied, in het najaar, extern bureau, "
                                    "€ 4.000", today)
    service.answer("m", "jaarplan", "ja", today)  # "Ik lees in je bericht: ... Zal ik dat zo noteren?"
    with session_scope() as s:
        act = s.query(Activity).one()
        assert (act.title, act.kind, act.period, act.provider, act.cost_cents) == (
            "Training klantgericht schrijven", "vakgebied", "najaar 2027", "extern bureau", 400_000)
    asked = []
    while (key := service.current_question("m", "jaarplan", today)) not in ("act_nog_een", None):
        asked.append(key)
        service.answer("m", "jaarplan", dict(JAARPLAN)[key], today)
    assert "act_soort" not in asked and "act_aanbieder" not in asked and "act_wanneer" not in asked


@pytest.mark.parametrize("goal, tip", [
    ("Ik wil beter presenteren", "smart_tip"),  # neither when nor how: both are asked
    ("Voor de zomer van 2027 wil ik beter presenteren", "smart_tip_resultaat"),  # only the result is asked
])
def test_the_smart_tip_says_only_what_will_be_asked(db_url, today, goal, tip):
    """Issue 28 finding: the tip promised two questions and then asked one."""
    from tests.helpers import POP

    service.start("e", "pop", today)
    for key, text in POP:
        if key == "doel_tekst":
            break
        service.answer("e", "pop", text, today)
    turn = service.answer("e", "pop", goal, today)
    assert tip in [m.response for m in turn.messages]
    asked_next = service.current_question("e", "pop", today)
    assert asked_next == ("doel_deadline" if tip == "smart_tip" else "doel_resultaat")
