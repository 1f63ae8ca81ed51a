"""Issue 43, M1: the yearly plan showed "Team van <manager>" for a team of one to every manager and to HR, so an
agreed learning activity said who it was for. A team smaller than the overview's minimum group is merged for
everyone but its own manager (and whoever may see the POP), in the downloads and in the chat."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from bot.identity import Identity
from bot.interviews.plan_view import MERGED_TITLE
from bot.services import documents, files, plans, sharing
from bot.services import interviews as service
from tests.integration.cycle_helpers import answer_open_questions, pop_with_two_goals, record_agreements

NORA = Identity("nora", "Nora", "manager", "Gemeente Zeist", organisation_id="gm0355")  # another team
HR = Identity("hanna", "Hanna", "hr", "Gemeente Zeist", organisation_id="gm0355")
TITLE = "Training presenteren bij De Baak"


def _downloads(viewer: str) -> str:
    body, _, _ = files.build("jaarplan_xlsx", viewer)
    cells = [str(c) for ws in load_workbook(io.BytesIO(body)).worksheets for row in ws.iter_rows(values_only=True)
             for c in row if c is not None]
    return "\n".join(cells) + files.build("jaarplan_csv", viewer)[0].decode("utf-8-sig")


def _team_of_one(today) -> None:
    pop_with_two_goals(today)
    record_agreements(today)
    for person in (NORA, HR):
        service.sync_identity(person)


def test_a_team_of_one_is_merged_for_other_managers_and_hr(db_url, today):
    _team_of_one(today)
    for viewer in ("nora", "hanna"):
        text = _downloads(viewer)
        assert "Team van Mark" not in text and TITLE not in text, viewer
        assert f"{MERGED_TITLE} (1)" in text and "1.250" in text  # the money still counts in the plan
    _name, _year, _budget, rows = documents.year_plan_rows("hanna", today.year)
    assert [(r.title, r.target_group, r.cost_cents) for r in rows] == [
        (f"{MERGED_TITLE} (1)", "teams van minder dan 3 mensen, samengevoegd", 125000)]
    mark = _downloads("mark")  # her own manager sees his own team's activity
    assert TITLE in mark and "Team van Mark" in mark and MERGED_TITLE not in mark


def test_the_chat_summary_of_the_plan_merges_them_too(db_url, today):
    _team_of_one(today)
    _name, summary = plans.view(NORA, "jaarplan", f"laat het jaarplan {today.year} zien", today)
    assert TITLE not in summary and "Team van Mark" not in summary
    assert MERGED_TITLE in summary and "€ 1.250" in summary


def test_hr_with_whom_she_shares_her_pop_sees_the_activity(db_url, today):
    _team_of_one(today)
    assert sharing.share_pop("eva", True, with_hr=True) == "gedeeld_met_hr"
    text = _downloads("hanna")
    assert TITLE in text and "Eva de Vries (Team van Mark)" in text
    assert TITLE not in _downloads("nora")


def test_a_team_as_large_as_the_minimum_is_shown_by_name(db_url, today):
    _team_of_one(today)
    for n in (1, 2):  # two more people in Mark's team: three in all
        service.sync_identity(Identity(f"collega-{n}", f"Collega {n}", "employee", "Gemeente Zeist",
                                       organisation_id="gm0355", manager_id="mark"))
    text = _downloads("nora")
    assert TITLE in text and "Team van Mark" in text and MERGED_TITLE not in text
    assert "Eva" not in text


def test_the_plans_interview_neither_shows_nor_changes_an_agreement(db_url, today):
    """Found over `make run`: in the yearly plan's interview Nora and HR read Eva's activity by "wijzig activiteit
    1" ("Nu staat er: „Training presenteren bij De Baak”") and in the "iets wijzigen" menu, and Nora renamed it."""
    from bot.storage.db import session_scope
    from bot.storage.models import Activity

    _team_of_one(today)
    for viewer in ("nora", "hanna"):
        service.start(viewer, "jaarplan", today)
        answer_open_questions(viewer, "jaarplan", {"org_sector": ["gemeente"], "org_medewerkers": ["300"],
                                                   "org_or": ["ja"], "jaarplan_jaar": [str(today.year)],
                                                   "jaarplan_budget": ["€ 10.000"]}, today)
        assert service.current_question(viewer, "jaarplan", today) in ("act_wat", "act_nog_een")
        for text in ("wijzig activiteit 1", "iets wijzigen", "de naam van activiteit 1 moet zijn: Cursus plannen"):
            found = service.correction(viewer, text, "jaarplan", today=today)
            said = " ".join(str(m.params) for m in found.messages) + str(found.prompt and found.prompt.params)
            said += " ".join(str(b) for m in found.messages for b in (m.buttons or []))
            assert TITLE not in said and "Team van Mark" not in said, (viewer, text, said)
    with session_scope() as s:
        assert [a.title for a in s.query(Activity) if a.agreement_id] == [TITLE]  # unchanged
