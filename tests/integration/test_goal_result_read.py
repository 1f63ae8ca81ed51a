"""Found over `make run`: a learning goal that said what it takes ("vier uur per week, en feedback van mijn
leidinggevende") was taken as saying how success shows: "zie leerdoel" was stored as its result and the question
skipped; and a result read from a goal stayed when the goal was corrected to one that says nothing of the kind."""

from __future__ import annotations

from bot.identity import Identity
from bot.services import interviews as service
from bot.storage.db import session_scope
from bot.storage.models import LearningGoal
from tests.helpers import POP
from tests.integration.cycle_helpers import answer_open_questions

EVA = Identity("eva", "Eva", "employee", "Gemeente Zeist", organisation_id="gm0355", manager_id="mark")


def _until_the_goal(today) -> None:
    service.sync_identity(EVA)
    service.start("eva", "pop", today)
    answers: dict[str, list[str]] = {}
    for key, text in POP:
        if key.startswith("doel_") or key == "pop_steun":
            break
        answers.setdefault(key, []).append(text)
    answer_open_questions("eva", "pop", answers, today)
    assert service.current_question("eva", "pop", today) == "doel_tekst"


def _result() -> str | None:
    with session_scope() as s:
        return s.query(LearningGoal).one().result


def test_what_a_goal_takes_is_no_result(db_url, today):
    _until_the_goal(today)
    service.turn("eva", "pop", "Ik wil leren plannen; dat kost tijd, zo'n vier uur per week, en feedback van mijn "
                 "leidinggevende", ranking=[("antwoord", 0.9)], today=today)
    assert _result() is None
    assert service.current_question("eva", "pop", today) in ("doel_deadline", "doel_resultaat")


def test_a_result_read_from_a_goal_goes_when_the_goal_is_corrected(db_url, today):
    _until_the_goal(today)
    service.turn("eva", "pop", "Ik wil mijn certificaat Prince2 behalen", ranking=[("antwoord", 0.9)], today=today)
    assert _result() == "zie leerdoel"
    service.correction("eva", "wijzig mijn leerdoel", "pop", today=today)
    service.turn("eva", "pop", "Ik wil beter leren plannen", ranking=[("antwoord", 0.9)], today=today)
    assert _result() is None  # asked now
    with session_scope() as s:
        assert s.query(LearningGoal).one().text == "Ik wil beter leren plannen"


def test_a_result_the_person_gave_stays_when_the_goal_is_corrected(db_url, today):
    """Found over make run (7 December 2026): a goal corrected to one that says how success shows replaced the
    result the person had typed with "zie leerdoel"."""
    _until_the_goal(today)
    service.turn("eva", "pop", "Ik wil beter leren plannen", ranking=[("antwoord", 0.9)], today=today)
    while service.current_question("eva", "pop", today) != "doel_resultaat":
        service.turn("eva", "pop", "voor de zomer", ranking=[("antwoord", 0.9)], today=today)
    own = "dan kan ik collega's uitleggen welke regels gelden"
    service.turn("eva", "pop", own, ranking=[("antwoord", 0.9)], today=today)
    assert _result() == own
    service.correction("eva", "wijzig mijn leerdoel", "pop", today=today)
    service.turn("eva", "pop", "Ik wil mijn certificaat Prince2 behalen", ranking=[("antwoord", 0.9)], today=today)
    with session_scope() as s:
        goal = s.query(LearningGoal).one()
        assert (goal.text, goal.result) == ("Ik wil mijn certificaat Prince2 behalen", own)
