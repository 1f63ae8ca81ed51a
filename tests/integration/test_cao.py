"""The CAO someone names is kept in the organisation's profile, as its kind and size are: it is said back, so it is
stored (found over make run: "onder de cao kunsteducatie" was said back and then lost)."""

from __future__ import annotations

from sqlalchemy import select

from actions import subsidies as sub
from bot.services import interviews as service
from bot.storage.db import session_scope
from bot.storage.models import Organisation
from tests.helpers import STRATEGIE
from tests.integration.action_helpers import run, tracker


def _profile():
    with session_scope() as s:
        org = s.execute(select(Organisation)).scalar_one()
        return org.sector, org.employees, org.cao


def _to_the_vision(person, today):
    service.start(person, "strategie", today)
    for _key, text in STRATEGIE[:3]:
        service.answer(person, "strategie", text, today)


def test_a_planner_naming_the_cao_in_a_remark_keeps_it_in_the_profile_and_the_summary(db_url, today):
    _to_the_vision("c1", today)
    turn = service.turn("c1", "strategie", "Wij zijn hoor een muziekschool met 40 mensen onder de cao kunsteducatie",
                        ranking=[("antwoord", 0.9)], today=today)
    assert [m.response for m in turn.messages] == ["apart_gehouden_feiten_genoteerd"]
    assert "Cao Kunsteducatie" in turn.messages[0].params["feiten"]
    assert _profile() == ("kunsteducatie", 40, "kunsteducatie")
    assert "Cao: Cao Kunsteducatie" in service.summary("c1", "strategie", today)


def test_an_employee_naming_the_cao_changes_no_profile(db_url, today):
    _to_the_vision("c2", today)  # the organisation exists; its profile is the planner's
    before = _profile()
    service.start("c3", "pop", today)
    for text in ("Gemeente Zeist", "beleidsmedewerker", "Team Burgerzaken"):
        service.answer("c3", "pop", text, today)
    turn = service.turn("c3", "pop", "wij vallen trouwens onder de cao gemeenten", ranking=[("antwoord", 0.9)],
                        today=today, can_plan=False)
    assert [m.response for m in turn.messages] == ["apart_gehouden_feiten"]
    assert _profile() == before and before[2] is None


def test_a_cao_named_in_a_funding_question_is_kept(db_url, today):
    _to_the_vision("c4", today)
    trk = tracker("c4", "wij vallen onder de cao kunsteducatie, welke subsidies zijn er voor een teamtraining?",
                  "subsidie_zoeken")
    messages, _ = run(sub.ActionFundingStart(), trk)
    said = " ".join(str(m.get("feiten", "")) for m in messages)
    assert "Cao Kunsteducatie" in said
    assert _profile()[2] == "kunsteducatie"
