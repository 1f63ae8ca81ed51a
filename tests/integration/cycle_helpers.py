"""The steps of the yearly cycle that several integration tests take (tests/integration/test_cycle.py,
test_actions.py, test_typed_choices.py): Eva prepares and shares a POP with two goals, Mark records the agreements."""

from __future__ import annotations

from datetime import date

from bot.identity import Identity
from bot.services import interviews as service
from bot.services import sharing
from tests.helpers import POP

EVA = Identity("eva", "Eva de Vries", "employee", "Gemeente Zeist", organisation_id="gm0355", manager_id="mark")
MARK = Identity("mark", "Mark", "manager", "Gemeente Zeist", organisation_id="gm0355")
ANSWER = [("antwoord", 0.9)]

SECOND_GOAL = [("doel_nog_een", "ja"), ("doel_tekst", "Ik wil leren projectmatig werken"),
               ("doel_deadline", "in het najaar"), ("doel_resultaat", "Ik leid zelf een klein project"),
               ("doel_soort", "loopbaan"), ("doel_activiteit", "Een cursus projectmanagement"), ("doel_nog_een", "nee")]


def answer_open_questions(person_id: str, interview: str, answers: dict[str, list[str]], today: date) -> list:
    """Answer whatever question is open from ``answers`` (key -> texts, used in order); returns every turn."""
    turns = []
    for _ in range(60):
        key = service.current_question(person_id, interview, today)
        if key is None or key not in answers or not answers[key]:
            return turns
        turns.append(service.turn(person_id, interview, answers[key].pop(0), ranking=ANSWER, today=today))
    raise AssertionError("the interview did not end")


def pop_with_two_goals(today: date) -> None:
    service.sync_identity(EVA)
    service.start("eva", "pop", today)
    answers: dict[str, list[str]] = {}
    for key, text in POP[:-2] + SECOND_GOAL + POP[-1:]:
        answers.setdefault(key, []).append(text)
    answer_open_questions("eva", "pop", answers, today)
    assert service.current_question("eva", "pop", today) is None
    assert sharing.share_pop("eva", True, today) == "gedeeld"


def record_agreements(today: date) -> list:
    service.sync_identity(MARK)
    start = service.start("mark", "popgesprek", today)
    assert start.prompt.response == "vraag_gesprek_medewerker"
    assert start.prompt.buttons == [{"title": "Eva de Vries", "payload": "Eva de Vries"}]
    return answer_open_questions("mark", "popgesprek", {
        "gesprek_medewerker": ["eva"],
        "afspraak_besluit": ["afgesproken", "niet nu"],
        "afspraak_activiteit": ["Training presenteren bij De Baak"],
        "afspraak_wanneer": ["in december"],  # in the POP's own year: its yearly plan
        "afspraak_kosten": ["€ 1.250"],
        "afspraak_betaalt": ["werkgever"],
    }, today)
