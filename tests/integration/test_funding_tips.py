"""Funding tips during the interviews: only when they fit, and at most once per interview (issue 18)."""

from __future__ import annotations

from bot.services import interviews as service
from tests.helpers import JAARPLAN, POP, STRATEGIE


def _run(person, interview, answers, today):
    service.start(person, interview, today)
    tips = []
    for key, text in answers:
        turn = service.answer(person, interview, text, today)
        assert turn.accepted, (key, text)
        tips += [(key, m.params.get("regelingen") or m.params["regelingen_helpen"]) for m in turn.messages
                 if m.response.startswith("subsidie_tip")]
    return tips


def test_a_plan_activity_gets_employer_money_only_when_it_reaches_enough_people(db_url, today):
    _run("m1", "strategie", STRATEGIE, today)
    tips = _run("m1", "jaarplan", JAARPLAN, today)
    # 'Team Burgerzaken' and 'Alle leidinggevenden' have an unknown size; 'Iedereen' is the whole gemeente (800)
    assert tips == [("act_kosten", "de Stimuleringsregeling van het A&O fonds Gemeenten (als het project nieuw is "
                                   "voor jullie gemeente)")]  # the fund pays only for what is new for the gemeente (issue 30)


def test_the_tip_comes_once_per_interview(db_url, today):
    _run("m2", "strategie", STRATEGIE, today)
    answers = [(k, "Iedereen" if k == "act_doelgroep" else v) for k, v in JAARPLAN]
    tips = _run("m2", "jaarplan", answers, today)
    assert len(tips) == 1


def test_a_pop_goal_gets_a_personal_tip_only_for_a_course(db_url, today):
    _run("m3", "strategie", STRATEGIE, today)
    tips = _run("e3", "pop", POP, today)  # 'Een training presenteren volgen', at Gemeente Zeist
    assert tips == [("doel_activiteit", "kan het individueel keuzebudget (IKB) van de Cao Gemeenten helpen")]
    answers = [(k, "Meelopen met een collega die goed presenteert" if k == "doel_activiteit" else v) for k, v in POP]
    assert _run("e4", "pop", answers, today) == []
