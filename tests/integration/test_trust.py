"""Trust (issue 14): the organisation and role come from the verified token, checked at every turn."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.identity import Identity
from bot.services import interviews as service
from bot.services import sharing
from bot.storage import repository as repo
from bot.storage.db import session_scope
from bot.storage.models import Organisation, StrategicPlan
from tests.helpers import JAARPLAN, POP, STRATEGIE

A = Identity("mgr-a", "Manager A", "manager", "Gemeente Zeist", organisation_id="gm0355")
B = Identity("mgr-b", "Manager B", "manager", "Gemeente Bunnik", organisation_id="gm0312")


def _complete(person: Identity, interview: str, script, today):
    service.sync_identity(person)
    service.start(person.person_id, interview, today)
    for key, text in script:
        if service.current_question(person.person_id, interview, today) == key:
            service.answer(person.person_id, interview, text, today)


def test_the_organisation_of_the_token_is_never_asked_and_cannot_be_changed(db_url, today):
    service.sync_identity(A)
    turn = service.start(A.person_id, "pop", today)
    assert turn.prompt.response == "vraag_pop_functie"  # not "bij welke organisatie werk je?"
    service.answer(A.person_id, "pop", "beleidsmedewerker", today)
    assert service.correct(A.person_id, "pop", "mijn organisatie", today) is None
    assert service.go_back(A.person_id, "pop", today) == "pop_functie"  # not back to the organisation
    service.turn(A.person_id, "pop", "Gemeente Bunnik", ranking=[("antwoord", 0.9)], today=today)
    with session_scope() as s:
        assert repo.get_or_create_person(s, A.person_id).organisation.external_id == "gm0355"


def test_a_manager_of_a_cannot_reach_or_delete_the_plans_of_b(db_url, today):
    _complete(B, "strategie", STRATEGIE, today)
    service.sync_identity(A)
    turn = service.start(A.person_id, "strategie", today)
    assert turn.prompt.response == "vraag_org_medewerkers"  # A's own organisation; its name says the sector
    # the old attack: name B's organisation, then restart and confirm
    service.turn(A.person_id, "strategie", "Gemeente Bunnik", ranking=[("antwoord", 0.9)], today=today)
    service.turn(A.person_id, "strategie", "opnieuw beginnen", today=today)
    service.answer(A.person_id, "strategie", "ja", today)
    with session_scope() as s:
        plan_b = s.execute(select(StrategicPlan).join(Organisation).where(Organisation.external_id == "gm0312")
                           ).scalar_one()
        assert [sp.text for sp in plan_b.speerpunten] == [
            "Digitale dienstverlening", "Inclusief werkgeverschap", "Duurzame inzetbaarheid"]
    assert "Digitale dienstverlening" not in service.summary(A.person_id, "strategie", today)


def test_organisations_are_keyed_on_the_token_id_not_on_a_fuzzy_name(db_url):
    for person in (A, Identity("x1", "X", "hr", "gemeente zeist!", organisation_id="gm0355"),
                   Identity("x2", "X", "hr", "Gemeente Zeist", organisation_id="stichting-zeist")):
        service.sync_identity(person)
    with session_scope() as s:
        assert s.execute(select(func.count()).select_from(Organisation)).scalar_one() == 2
    # without tokens (development), typed names are kept apart unless they are the same name
    with session_scope() as s:
        names = ["Gemeente Zeist", "Stichting Zeist", "De Zeist", "ZEIST!"]
        ids = {repo.get_or_create_organisation(s, n).id for n in names}
        assert len(ids) == 4
        assert repo.get_or_create_organisation(s, "gemeente  zeist").id == repo.find_organisation(
            s, "Gemeente Zeist").id


def test_a_demoted_manager_cannot_resume_the_yearly_plan(db_url, today):
    _complete(A, "strategie", STRATEGIE, today)
    service.sync_identity(A)
    service.start(A.person_id, "jaarplan", today)
    service.answer(A.person_id, "jaarplan", JAARPLAN[0][1], today)
    service.pause(A.person_id, "jaarplan")
    demoted = Identity(A.person_id, A.name, "employee", A.organisation, organisation_id=A.organisation_id)
    service.sync_identity(demoted)
    assert service.unfinished_interview(A.person_id, demoted) is None
    assert service.unfinished_interview(A.person_id, A) == "jaarplan"
    assert service.correction(A.person_id, "wijzig het budget", "jaarplan", demoted).interview is None


def test_pop_is_never_shared_through_the_organisation_name(db_url, today):
    """An employee of B who types A's name in development mode... with tokens, only the id counts."""
    eva = Identity("eva", "Eva", "employee", "Gemeente Zeist", organisation_id="gm0355", manager_id="spy")
    _complete(eva, "pop", POP, today)
    sharing.share_pop("eva", True, today)
    spy = Identity("spy", "Spion", "manager", "Gemeente Zeist", organisation_id="elders")
    service.sync_identity(spy)
    assert sharing.shared_pops("spy") == []


def test_sharing_is_with_the_own_manager_and_hr_only_when_chosen(db_url, today):
    """Issue 14, consent: "Delen met mijn leidinggevende" made the POP readable for every manager and HR."""
    org = dict(organisation="Gemeente Zeist", organisation_id="gm0355")
    eva = Identity("eva", "Eva", "employee", manager_id="mark", **org)
    mark = Identity("mark", "Mark", "manager", **org)
    other = Identity("other", "Olga", "manager", **org)
    hr = Identity("hr", "Hanna", "hr", **org)
    for person in (mark, other, hr):
        service.sync_identity(person)
    _complete(eva, "pop", POP[1:], today)
    assert sharing.shared_pops("mark") == []
    assert sharing.share_pop("eva", True, today) == "gedeeld"
    assert sharing.shared_pops("mark") == [("Eva", "eva")]
    assert sharing.shared_pops("other") == [] and sharing.shared_pops("hr") == []
    name, summary = sharing.pop_view("mark", "eva")
    assert "beleidsmedewerker" in summary
    for viewer in ("other", "hr", "eva"):
        with pytest.raises(PermissionError):
            sharing.pop_view(viewer, "eva")
    assert sharing.share_pop("eva", True, today, with_hr=True) == "gedeeld_met_hr"
    assert sharing.shared_pops("hr") == [("Eva", "eva")] and sharing.shared_pops("other") == []
    # "deel met alleen mijn leidinggevende, niet met HR": HR's access goes, the manager's stays (found over make run)
    assert sharing.share_pop("eva", True, today, not_hr=sharing.not_with_hr("alleen mijn leidinggevende, niet met HR"))\
        == "gedeeld"
    assert sharing.shared_pops("hr") == [] and sharing.shared_pops("mark") == [("Eva", "eva")]
    assert sharing.share_pop("eva", False, today) == "niet_gedeeld"
    for viewer in ("mark", "hr"):
        assert sharing.shared_pops(viewer) == []
        with pytest.raises(PermissionError):
            sharing.pop_view(viewer, "eva")


def test_without_a_known_manager_nothing_is_shared(db_url, today):
    eva = Identity("eva", "Eva", "employee", "Gemeente Zeist", organisation_id="gm0355")
    _complete(eva, "pop", POP[1:], today)
    assert sharing.share_pop("eva", True, today) == "geen_leidinggevende"


def test_a_manager_whose_organisation_is_not_known_yet_is_not_called_an_employee(db_url):
    """Found in CI: in development mode a manager asking for the shared POPs before any interview was told 'Dit
    deel is voor leidinggevenden … Als medewerker kun je …'."""
    service.sync_identity(Identity("nieuw", "Nieuwe manager", "manager", None, dev=True))
    assert sharing.shared_pops("nieuw") == []
    service.sync_identity(Identity("mw", "Medewerker", "employee", None, dev=True))
    assert sharing.shared_pops("mw") is None
