"""Issue 17, items 1–3 in the conversation: the manager records the agreements of a POP-gesprek question by
question, the employee confirms, the agreed activity lands in the yearly plan and the overview, and the
evaluation at year end carries an unfinished activity to next year. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from bot.documents import overview
from bot.identity import Identity
from bot.services import documents, files, popgesprek, privacy, sharing
from bot.services import interviews as service
from bot.storage import repository as repo
from bot.storage.db import session_scope
from bot.storage.models import Activity, AnswerLog, Organisation
from tests.helpers import POP
from tests.integration.cycle_helpers import (
    ANSWER,
    EVA,
    MARK,
    answer_open_questions,
    pop_with_two_goals,
    record_agreements,
)

NORA = Identity("nora", "Nora", "manager", "Gemeente Zeist", organisation_id="gm0355")  # another team
MARK_HOUTEN = Identity("mark-h", "Mark", "manager", "Gemeente Houten", organisation_id="gm0321")
HR = Identity("hanna", "Hanna", "hr", "Gemeente Zeist", organisation_id="gm0355")


def _plan_answers(today: date) -> dict[str, list[str]]:
    return {"org_sector": ["gemeente"], "org_medewerkers": ["300"], "org_or": ["ja"],
            "jaarplan_jaar": [str(today.year)], "jaarplan_budget": ["€ 1.000"]}

def test_the_whole_cycle_in_the_conversation(db_url, today):
    pop_with_two_goals(today)
    turns = record_agreements(today)
    assert turns[-1].done and "Training presenteren bij De Baak" in turns[-1].summary
    assert "wacht op de medewerker" in turns[-1].summary
    first_prompt = turns[0].prompt
    assert first_prompt.response == "vraag_afspraak_besluit"
    assert first_prompt.params == {"naam": "Eva de Vries", "nummer": 1, "soort": "vakgebied"}  # no POP text

    # every answer is stored under the question the manager saw
    with session_scope() as s:
        logged = [(a.question, a.text) for a in s.query(AnswerLog).filter_by(person_id="mark")]
    assert ("afspraak_kosten", "€ 1.250") in logged and ("afspraak_besluit", "niet nu") in logged
    with session_scope() as s:  # the person chosen is logged by name, not as "<...Person object at 0x...>"
        [chosen] = [a.value for a in s.query(AnswerLog).filter_by(person_id="mark", question="gesprek_medewerker")]
    assert chosen == "Eva de Vries"

    # the employee sees and confirms; the manager's team overview counts it
    agreements = popgesprek.mine("eva", today.year)
    assert [(a.position, a.decision, a.cost_cents) for a in agreements] == [(1, "afgesproken", 125000),
                                                                           (2, "niet_nu", None)]
    assert popgesprek.team("mark", today.year)[0].open == 2
    assert popgesprek.confirm("eva", today.year) == 2
    assert popgesprek.team("mark", today.year)[0].agreed == 2

    # the agreed activity is a planned activity of the yearly plan, in its budget; "niet nu" is not
    with session_scope() as s:
        org = s.query(Organisation).filter_by(external_id="gm0355").one()
        plan = repo.get_year_plan(s, org, today.year)
        plan.budget_cents = 1_000_000
        [act] = [a for a in plan.activities if a.title]
        assert (act.title, act.kind, act.cost_cents, act.target_group, act.goal) == \
            ("Training presenteren bij De Baak", "vakgebied", 125000, "Team van Mark", "")  # no POP text
    name, year, budget, rows = documents.year_plan_rows("mark", today.year)
    assert [r.title for r in rows] == ["Training presenteren bij De Baak"] and budget == 1_000_000
    assert rows[0].target_group == "Eva de Vries (Team van Mark)"  # her own manager, to whom she shows her POP
    info = documents.overview_data("mark", minimum=1)
    assert info["planned"] == 125000
    [team] = info["teams"]
    assert (team["team"], team["prepared"], team["shared"], team["agreed"], team["planned"]) == \
        ("Team van Mark", 1, 1, 1, 125000)
    assert team["goals_by_kind"] == {"strategisch": None, "loopbaan": 1, "vakgebied": 1}
    assert team["wishes_by_kind"] == {"strategisch": None, "loopbaan": 1, "vakgebied": 1}  # "geen" is no wish
    page = overview.render(info)
    assert "Team van Mark" in page and "Leerwensen per soort leren, Team van Mark" in page
    assert documents.overview_data("mark", minimum=3)["teams"][0]["goals_by_kind"]["loopbaan"] is None

    # the evaluation at year end: not done, so it moves to next year when the manager agrees
    service.start("mark", "evaluatie", today)
    turns = answer_open_questions("mark", "evaluatie", {
        "evaluatie_jaar": [str(today.year)],
        "eval_status": ["verschoven"],
        "eval_beleid": ["We hebben een speerpunt over presenteren toegevoegd"],
        "eval_or": ["ja"],
        "eval_meenemen": ["ja"],
    }, today)
    assert turns[-1].done and "meegenomen naar" in turns[-1].summary
    assert any(m.response == "evaluatie_meegenomen" and m.params["aantal"] == "1 activiteit" for t in turns for m in t.messages)
    with session_scope() as s:
        org = s.query(Organisation).filter_by(external_id="gm0355").one()
        [carried] = repo.get_year_plan(s, org, today.year + 1).activities
        assert carried.title == "Training presenteren bij De Baak" and carried.carried_from_id is not None
    body, filename, _ = files.build("evaluatie_pdf", "mark")
    assert body.startswith(b"%PDF") and filename.endswith(".pdf")
    doc = documents.evaluation_document("mark")
    text = str(doc.sections)
    assert "verschoven" in text and "Ondernemingsraad betrokken bij de evaluatie: ja" in text
    body, _, _ = files.build("evaluatie_docx", "mark")
    assert body[:2] == b"PK"

    # deleting the employee takes the agreements and the planned activities with them
    privacy.delete_person("eva")
    with session_scope() as s:
        assert not [a for a in s.query(Activity) if a.target_group == "Eva de Vries"]  # also not the carried one


def test_a_manager_of_another_team_or_organisation_sees_none_of_it(db_url, today):
    pop_with_two_goals(today)
    record_agreements(today)
    for other in (NORA, MARK_HOUTEN, HR):
        service.sync_identity(other)
        with pytest.raises(popgesprek.NotAllowed):
            popgesprek.record(other.person_id, "eva", 1, "afgesproken", "x", year=today.year)
    for other in (NORA, MARK_HOUTEN):
        start = service.start(other.person_id, "popgesprek", today)
        assert start.prompt.response == "popgesprek_niemand_gedeeld"
        turn = service.turn(other.person_id, "popgesprek", "Eva de Vries", ranking=ANSWER, today=today)
        assert [m.response for m in turn.messages] == ["popgesprek_wie_onbekend"]
        assert popgesprek.team(other.person_id, today.year) == []
        assert documents.overview_data(other.person_id, minimum=1)["teams"] == []
    # HR sees the counts per team, never the content of a POP that was not shared with HR
    [team] = documents.overview_data("hanna", minimum=1)["teams"]
    assert team["shared"] == 1 and "Eva" not in str(team).replace("Team van Mark", "")
    with pytest.raises(PermissionError):
        sharing.pop_view("nora", "eva")


def test_the_round_stops_when_the_employee_stops_sharing(db_url, today):
    pop_with_two_goals(today)
    service.sync_identity(MARK)
    service.start("mark", "popgesprek", today)
    service.turn("mark", "popgesprek", "Eva", ranking=ANSWER, today=today)
    assert service.current_question("mark", "popgesprek", today) == "afspraak_besluit"
    sharing.share_pop("eva", False, today)
    assert service.current_question("mark", "popgesprek", today) == "gesprek_medewerker"
    turn = service.turn("mark", "popgesprek", "afgesproken", ranking=ANSWER, today=today)
    assert not turn.accepted and popgesprek.mine("eva", today.year) == []


def test_a_correction_changes_the_agreement_and_asks_the_employee_again(db_url, today):
    pop_with_two_goals(today)
    record_agreements(today)
    popgesprek.confirm("eva", today.year)
    service.start("mark", "popgesprek", today)
    service.turn("mark", "popgesprek", "Eva de Vries", ranking=ANSWER, today=today)
    assert service.correct("mark", "popgesprek", "de kosten") == "afspraak_kosten"
    turn = service.turn("mark", "popgesprek", "€ 900", ranking=ANSWER, today=today)
    assert "afspraak_gewijzigd" in [m.response for m in turn.messages]
    [first, _] = popgesprek.mine("eva", today.year)
    assert first.cost_cents == 90000 and first.employee_confirmed_at is None
    assert documents.year_plan_rows("mark", today.year)[3][0].cost_cents == 90000


def test_an_evaluation_of_a_year_without_a_plan_says_so(db_url, today):
    service.sync_identity(MARK)
    service.start("mark", "evaluatie", today)
    turn = service.turn("mark", "evaluatie", "2025", ranking=ANSWER, today=today)
    assert [m.response for m in turn.messages] == ["evaluatie_geen_jaarplan"] and not turn.accepted
    assert not service.may_start(Identity("e", "E", "employee", "Gemeente Zeist"), "evaluatie")
    assert not service.may_start(HR, "popgesprek") and service.may_start(HR, "evaluatie")


def test_starting_the_yearly_plan_over_keeps_the_agreed_activities(db_url, today):
    pop_with_two_goals(today)
    turns = record_agreements(today)
    responses = [m.response for t in turns for m in t.messages]
    assert "afspraak_in_jaarplan_zonder_budget" in responses  # the plan had no budget yet
    service.start("mark", "jaarplan", today)
    answer_open_questions("mark", "jaarplan", _plan_answers(today), today)
    assert service.current_question("mark", "jaarplan", today) == "act_nog_een"  # the agreed one is there
    service.restart("mark", "jaarplan", today)
    name, year, budget, rows = documents.year_plan_rows("mark", today.year)
    assert [r.title for r in rows] == ["Training presenteren bij De Baak"] and budget is None


def test_over_budget_is_said_when_the_agreement_is_recorded(db_url, today):
    pop_with_two_goals(today)
    service.sync_identity(MARK)
    service.start("mark", "jaarplan", today)
    answer_open_questions("mark", "jaarplan", _plan_answers(today), today)
    turns = record_agreements(today)
    [message] = [m for t in turns for m in t.messages if m.response.startswith("afspraak_in_jaarplan")]
    assert message.response == "afspraak_in_jaarplan_over_budget" and message.params["rest"] == "€ 250"


def test_hr_is_told_who_records_the_agreements(db_url, today):
    assert service.refusal("popgesprek") == "alleen_eigen_leidinggevende"
    assert service.refusal("evaluatie") == "alleen_voor_leidinggevenden"
    assert not service.role_may_start("hr", "popgesprek") and service.role_may_start("manager", "popgesprek")


def test_deleting_the_manager_leaves_no_trace_of_them_in_the_employees_agreements(db_url, today):
    pop_with_two_goals(today)
    record_agreements(today)
    privacy.delete_person("mark")
    [first, _] = popgesprek.mine("eva", today.year)
    assert first.recorded_by == privacy.REMOVED
    with session_scope() as s:
        from bot.storage.models import AgreementLog

        assert {row.person_id for row in s.query(AgreementLog)} == {privacy.REMOVED}


def test_hr_cannot_switch_to_the_pop_gesprek_from_another_interview(db_url, today):
    service.sync_identity(HR)
    service.start("hanna", "pop", today)
    turn = service.turn("hanna", "pop", "ik wil de afspraken van het popgesprek vastleggen",
                        ranking=[("start_popgesprek", 0.95)], today=today)
    assert [m.response for m in turn.messages] == ["alleen_eigen_leidinggevende"]
    assert not turn.extra.get("switched") and turn.prompt is not None


def test_starting_the_organisations_plan_over_warns_that_colleagues_lose_it_too(db_url, today):
    """Issue 18 finding: restarting the strategy interview did not warn that it removes the plan for colleagues."""
    service.sync_identity(MARK)
    service.start("mark", "strategie", today)
    for interview in ("strategie", "jaarplan", "evaluatie"):  # the evaluation is on the organisation's plan too
        prompt = service.ask_restart("mark", interview)
        assert prompt.response == "opnieuw_zeker_organisatie"
    service.sync_identity(EVA)
    service.start("eva", "pop", today)
    assert service.ask_restart("eva", "pop").response == "opnieuw_zeker"


def _plan_text(viewer: str, year: int) -> str:
    """Everything the yearly-plan downloads (XLSX and CSV) show ``viewer``."""
    import io

    from openpyxl import load_workbook

    body, _, _ = files.build("jaarplan_xlsx", viewer)
    cells = [str(c) for ws in load_workbook(io.BytesIO(body)).worksheets for row in ws.iter_rows(values_only=True)
             for c in row if c is not None]
    return "\n".join(cells) + files.build("jaarplan_csv", viewer)[0].decode("utf-8-sig")


def test_an_agreement_enters_the_plan_as_planning_data_not_as_pop_text(db_url, today):
    """Issue 29, item 1: another manager and HR (before she shares with HR) read neither her name nor her goal;
    her own manager sees who it is for while she shares; after 'stop met delen' nobody but her does."""
    pop_with_two_goals(today)
    record_agreements(today)
    for person in (NORA, HR):
        service.sync_identity(person)
    goal_words = ("Eva", "Vries", "presenteren voor", "Ik wil beter presenteren", "projectmatig")
    for viewer in ("nora", "hanna"):  # Mark's team is Eva alone: merged with other small teams (issue 43, M1)
        text = _plan_text(viewer, today.year)
        assert "Afspraken uit POP-gesprekken van kleine teams (1)" in text and "Team van Mark" not in text
        assert not any(w in text for w in goal_words), (viewer, text)
    assert "Eva de Vries" in _plan_text("mark", today.year)
    assert sharing.share_pop("eva", True, with_hr=True) == "gedeeld_met_hr"
    assert "Eva de Vries" in _plan_text("hanna", today.year)
    assert sharing.share_pop("eva", False) == "niet_gedeeld"
    text = _plan_text("mark", today.year)
    assert "Training presenteren bij De Baak" in text and "Eva" not in text  # the money stays agreed
    for viewer in ("hanna", "nora"):
        text = _plan_text(viewer, today.year)
        assert "kleine teams (1)" in text and "Eva" not in text and "Team van Mark" not in text, viewer


def test_an_agreement_carried_to_next_year_can_still_be_changed(db_url, today):
    """Issue 29, item 6: after the evaluation copied the activity, changing the agreement raised
    MultipleResultsFound (the copy kept agreement_id)."""
    pop_with_two_goals(today)
    record_agreements(today)
    service.start("mark", "evaluatie", today)
    answer_open_questions("mark", "evaluatie", {"evaluatie_jaar": [str(today.year)], "eval_status": ["verschoven"],
                                  "eval_beleid": ["Niets veranderd"], "eval_or": ["nee"], "eval_meenemen": ["ja"]},
            today)
    agreement = popgesprek.record("mark", "eva", 1, "aangepast", "Training presenteren, kort", "najaar", 60000,
                                   "werkgever", year=today.year)
    assert agreement.activity == "Training presenteren, kort"
    with session_scope() as s:
        org = s.query(Organisation).filter_by(external_id="gm0355").one()
        [this_year] = [a for a in repo.get_year_plan(s, org, today.year).activities if a.title]
        [next_year] = repo.get_year_plan(s, org, today.year + 1).activities
        assert this_year.title == "Training presenteren, kort" and next_year.carried_from_id == this_year.id


def test_the_migration_removes_pop_text_that_older_versions_put_in_the_plan(db_url, today):
    from alembic import command

    from bot.storage.db import alembic_config

    pop_with_two_goals(today)
    record_agreements(today)
    with session_scope() as s:  # as older versions left it: her name and goal in the plan, a copy with the link
        [act] = [a for a in s.query(Activity).all() if a.title]
        act.target_group, act.goal = "Eva de Vries", "Ik wil beter presenteren"
        copy = Activity(position=9, title=act.title, target_group="Eva de Vries", goal="Ik wil beter presenteren",
                        agreement_id=act.agreement_id, carried_from_id=act.id, year_plan_id=act.year_plan_id)
        s.add(copy)
    command.downgrade(alembic_config(db_url), "0010")
    command.upgrade(alembic_config(db_url), "head")
    with session_scope() as s:
        rows = [(a.target_group, a.goal, a.agreement_id is None) for a in s.query(Activity).all() if a.title]
    assert sorted(rows) == [("Team van Mark", "", False), ("Team van Mark", "", True)]


def test_hr_sees_no_counts_of_a_team_smaller_than_the_minimum_and_no_budget_is_said_plainly(db_url, today):
    """Issue 29, item 8: the HR overview counted a team of one; a plan without a budget showed '€ 0' and
    'boven het budget' in the overview and 'Budget;0,00' in the CSV while the chat said it was not known yet."""
    pop_with_two_goals(today)
    record_agreements(today)
    service.sync_identity(HR)
    [team] = documents.overview_data("hanna", minimum=3)["teams"]
    assert team["prepared"] is None and team["planned"] is None and team["members"] is None
    page = overview.render(documents.overview_data("hanna", minimum=3))
    assert "geen aantallen" in page and "POP voorbereid" not in page
    assert documents.overview_data("mark", minimum=3)["teams"][0]["prepared"] == 1  # the own team: the manager
    info = documents.overview_data("mark", minimum=1)
    assert info["budget"] is None
    page = overview.render(info)
    assert "Het budget is nog niet bekend." in page and "boven het budget" not in page
    csv_text = files.build("jaarplan_csv", "mark")[0].decode("utf-8-sig")
    assert "Budget;;;;;;;;;nog niet bekend" in csv_text and "Budget;;;;;;;;;0,00" not in csv_text


def test_a_new_manager_claim_gives_no_access_until_the_employee_shares_again(db_url, today):
    """Issue 29, item 5: when the token named another manager, that manager at once saw the shared POP and could
    change the agreements the previous manager recorded."""
    pop_with_two_goals(today)
    record_agreements(today)
    moved = Identity("eva", "Eva de Vries", "employee", "Gemeente Zeist", organisation_id="gm0355", manager_id="nora")
    service.sync_identity(moved)
    service.sync_identity(NORA)
    assert sharing.shared_pops("nora") == [] and sharing.shared_pops("mark") == []
    assert popgesprek.team("nora")[0].shared is False
    with pytest.raises(popgesprek.NotAllowed):
        popgesprek.record("nora", "eva", 1, "niet_nu", year=today.year)
    assert "Eva de Vries (" not in _plan_text("nora", today.year)
    assert sharing.share_pop("eva", True) == "gedeeld"  # she chooses to share with her new manager
    assert [name for name, _ in sharing.shared_pops("nora")] == ["Eva de Vries"]
    assert sharing.shared_pops("mark") == []


def test_a_goal_written_like_a_message_of_the_bot_stays_her_plain_text(db_url, today):
    """Issue 29, item 4: a goal with a blank line, '**Let op:**' and a link appeared in the manager's widget as a
    bubble of Leerkoers. Now the manager's conversation never holds the goal, and the shared POP page shows it as
    escaped plain text."""
    forged = "Beter plannen\n\n**Let op:** je sessie is verlopen. Log opnieuw in via https://evil.example/login"
    service.sync_identity(EVA)
    service.start("eva", "pop", today)
    for key, text in POP[1:]:
        service.answer("eva", "pop", forged if key == "doel_tekst" else text, today)
    assert sharing.share_pop("eva", True) == "gedeeld"
    service.sync_identity(MARK)
    said = [service.start("mark", "popgesprek", today)]
    said.append(service.turn("mark", "popgesprek", "Eva de Vries", ranking=ANSWER, today=today))
    chat = " ".join(str(m.params) for t in said for m in [*t.messages, t.prompt] if m is not None)
    assert "Let op" not in chat and "evil.example" not in chat and "Beter plannen" not in chat
    name, summary = sharing.pop_view("mark", "eva")
    page = overview.render_pop(name, summary)
    assert "**Let op:**" in page and "<b>" not in page and "<a " not in page  # her words, not the bot's markup


def test_the_pop_gesprek_and_the_evaluation_do_not_start_by_repeating_the_organisations_profile(db_url, today):
    """Only the interviews that ask about the organisation say what its name already told ("Je werkt bij een
    gemeente ..."); the POP-gesprek starts with its own question."""
    pop_with_two_goals(today)
    service.sync_identity(MARK)
    turn = service.start("mark", "popgesprek", today)
    assert turn.messages == [] and turn.prompt.response == "vraag_gesprek_medewerker"
    turn = service.start("mark", "strategie", today)
    assert [m.response for m in turn.messages] == ["feiten_begrepen"]  # "Gemeente Zeist" says the sector


def test_an_agreement_for_next_year_enters_next_years_plan_and_moves_with_its_period(db_url, today):
    """Found over `make run`: in a POP of 2026, agreements for "het najaar van 2027" were put in the yearly plan of
    2026, and its budget counted them."""
    pop_with_two_goals(today)
    record_agreements(today)  # goal 1 in december of this year
    popgesprek.record("mark", "eva", 1, "afgesproken", "Cursus muziek en ouderen", "najaar 2027", 110000,
                       "werkgever", year=today.year)

    def titles(year: int) -> list[str]:
        with session_scope() as s:
            org = s.query(Organisation).filter_by(external_id="gm0355").one()
            plan = repo.get_year_plan(s, org, year)
            return [a.title for a in plan.activities if a.title] if plan else []

    assert (titles(today.year), titles(today.year + 1)) == ([], ["Cursus muziek en ouderen"])  # moved along
    popgesprek.record("mark", "eva", 1, "afgesproken", "Cursus muziek en ouderen", "december 2026", 110000,
                       "werkgever", year=today.year)
    assert (titles(today.year), titles(today.year + 1)) == (["Cursus muziek en ouderen"], [])


def test_a_manager_can_look_at_the_yearly_plan_without_starting_it(db_url, today):
    """Found over `make run`: "wat staat er in het jaarplan van 2027?" and "laat het jaarplan 2027 zien" started the
    plan's questions ("Hoeveel mensen werken er bij jullie?") instead of showing it."""
    from bot.services import plans
    from bot.storage.models import InterviewState

    pop_with_two_goals(today)
    record_agreements(today)
    service.sync_identity(NORA)
    assert plans.wants_to_look("laat het jaarplan 2026 zien") and not plans.wants_to_look("jaarplan maken")
    name, summary = plans.view(NORA, "jaarplan", f"laat het jaarplan {today.year} zien", today)
    assert name == f"het opleidingsjaarplan {today.year}" and "kleine teams" in summary  # Eva's team of one
    assert plans.view(EVA, "jaarplan", "laat het jaarplan zien", today) is None  # an employee does not plan
    with session_scope() as s:
        assert s.query(InterviewState).filter_by(person_id="nora", interview="jaarplan").count() == 0


def test_no_speerpunt_is_asked_for_a_goal_put_off_with_niet_nu(db_url, today):
    """Found over `make run`: after "Niet nu" the manager was still asked which speerpunt it fits, and the answer
    was not kept."""
    from tests.helpers import STRATEGIE

    pop_with_two_goals(today)
    service.sync_identity(MARK)
    service.start("mark", "strategie", today)
    strategy: dict[str, list[str]] = {}
    for key, text in STRATEGIE[1:]:
        strategy.setdefault(key, []).append(text)
    answer_open_questions("mark", "strategie", strategy, today)
    service.start("mark", "popgesprek", today)
    turns = answer_open_questions("mark", "popgesprek", {
        "gesprek_medewerker": ["eva"], "afspraak_besluit": ["afgesproken", "niet nu"],
        "afspraak_activiteit": ["Training presenteren"], "afspraak_wanneer": ["in december"],
        "afspraak_kosten": ["€ 900"], "afspraak_betaalt": ["werkgever"], "afspraak_speerpunt": ["geen"]}, today)
    asked = [t.prompt.response for t in turns if t.prompt is not None]
    assert asked.count("vraag_afspraak_speerpunt") == 1 and turns[-1].done


def test_evaluation_partly_done_is_asked_and_as_planned_is_the_planned_cost(db_url, today):
    """Found over `make run`: "gedeeltelijk uitgevoerd" was stored as done, and "precies wat begroot was" at the real
    cost got "Ik begrijp het bedrag niet"."""
    pop_with_two_goals(today)
    record_agreements(today)
    service.start("mark", "evaluatie", today)
    say = lambda text: service.turn("mark", "evaluatie", text, ranking=ANSWER, today=today)  # noqa: E731
    say(str(today.year))
    assert service.current_question("mark", "evaluatie", today) == "eval_status"
    turn = say("gedeeltelijk uitgevoerd")
    assert turn.prompt.response == "voorstel_kies"
    say("Gedaan")
    assert service.current_question("mark", "evaluatie", today) == "eval_kosten"
    turn = say("precies wat begroot was")
    assert turn.prompt.response == "voorstel" and turn.prompt.params["wat"] == "€ 1.250 (wat begroot was)"
    say("ja")
    with session_scope() as s:
        org = s.query(Organisation).filter_by(external_id="gm0355").one()
        [act] = [a for a in repo.get_year_plan(s, org, today.year).activities if a.title]
        assert (act.eval_status, act.eval_cost_cents) == ("gedaan", 125000)


def test_the_deletion_question_says_that_the_agreed_activities_leave_the_plan(db_url, today):
    """Found over `make run`: "verwijder mijn gegevens" said "De plannen van je organisatie blijven bestaan", while
    the activities agreed in her POP-gesprek leave the yearly plan with her data."""
    from actions.documents import ActionAskDeletion
    from tests.integration.action_helpers import responses, run, tracker

    pop_with_two_goals(today)
    record_agreements(today)
    messages, _ = run(ActionAskDeletion(), tracker("eva", "verwijder mijn gegevens", "gegevens_verwijderen"))
    assert responses(messages) == ["utter_verwijderen_zeker_afspraken"]
    assert messages[0]["activiteiten"] == "1 afgesproken activiteit"  # "niet nu" is no activity of the plan
    messages, _ = run(ActionAskDeletion(), tracker("mark", "verwijder mijn gegevens", "gegevens_verwijderen"))
    assert responses(messages) == ["utter_verwijderen_zeker"]  # what he recorded for her stays hers
    privacy.delete_person("eva")
    with session_scope() as s:
        assert not [a for a in s.query(Activity) if a.agreement_id is not None]


def test_a_yes_for_only_some_unfinished_activities_is_asked_about_not_stored(db_url, today):
    """Found over `make run`: "ja, maar alleen ..." at "meenemen naar volgend jaar?" carried every unfinished
    activity. The question stores yes or no for all of them: a yes for a part is asked about, nothing is carried."""
    pop_with_two_goals(today)
    record_agreements(today)
    popgesprek.confirm("eva", today.year)
    service.start("mark", "evaluatie", today)
    turns = answer_open_questions("mark", "evaluatie", {
        "evaluatie_jaar": [str(today.year)], "eval_status": ["verschoven"],
        "eval_beleid": ["Geen wijzigingen"], "eval_or": ["ja"],
        "eval_meenemen": ["ja, maar alleen de training presenteren", "ja"]}, today)
    said = [[m.response for m in t.messages] for t in turns]
    assert ["ja_met_voorbehoud"] in said and turns[-1].done
    assert said.index(["ja_met_voorbehoud"]) == len(turns) - 2  # asked once, then the plain "ja" is stored
    with session_scope() as s:
        org = s.query(Organisation).filter_by(external_id="gm0355").one()
        assert [a.title for a in repo.get_year_plan(s, org, today.year + 1).activities] == \
            ["Training presenteren bij De Baak"]


def test_the_decision_said_again_where_the_activity_is_asked_is_not_the_activity(db_url, today):
    """Found over make run: the manager typed "afgesproken" again at the learning activity; it became the activity
    and went into the yearly plan."""
    pop_with_two_goals(today)
    service.sync_identity(MARK)
    service.start("mark", "popgesprek", today)
    service.turn("mark", "popgesprek", "Eva", ranking=ANSWER, today=today)
    service.turn("mark", "popgesprek", "afgesproken", ranking=ANSWER, today=today)
    assert service.current_question("mark", "popgesprek", today) == "afspraak_activiteit"
    turn = service.turn("mark", "popgesprek", "Afgesproken.", ranking=ANSWER, today=today)
    assert [m.response for m in turn.messages] == ["antwoord_is_vorige_keuze"] and not turn.accepted
    assert service.current_question("mark", "popgesprek", today) == "afspraak_activiteit"
    turn = service.turn("mark", "popgesprek", "e-learning identiteitsdocumenten", ranking=ANSWER, today=today)
    assert turn.accepted and service.current_question("mark", "popgesprek", today) == "afspraak_wanneer"
