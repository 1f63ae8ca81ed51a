"""Issue 43, data: a yearly cycle run in December for next year. The agreement, made in December for an activity
next year, lands in next year's plan: whether that plan is made before or after the agreement, and when the
period is said without a year."""

from __future__ import annotations

from datetime import date

import pytest

from bot.services import interviews as service
from bot.storage import repository as repo
from bot.storage.db import session_scope
from bot.storage.models import Organisation
from tests.integration.cycle_helpers import MARK, answer_open_questions, pop_with_two_goals

DECEMBER = date(2026, 12, 8)


def _plan_for_next_year() -> None:
    service.start("mark", "jaarplan", DECEMBER)
    answer_open_questions("mark", "jaarplan", {"org_sector": ["gemeente"], "org_medewerkers": ["300"],
                                                "org_or": ["ja"], "jaarplan_jaar": ["2027"],
                                                "jaarplan_budget": ["€ 10.000"]}, DECEMBER)


def _agreement(period: str) -> None:
    service.start("mark", "popgesprek", DECEMBER)
    answer_open_questions("mark", "popgesprek", {
        "gesprek_medewerker": ["eva"], "afspraak_besluit": ["afgesproken", "niet nu"],
        "afspraak_activiteit": ["Training presenteren"], "afspraak_wanneer": [period],
        "afspraak_kosten": ["€ 1.250"], "afspraak_betaalt": ["werkgever"]}, DECEMBER)


def _plans() -> dict[int, list[tuple[str, str]]]:
    with session_scope() as s:
        org = s.query(Organisation).filter_by(external_id="gm0355").one()
        return {year: [(a.title, a.period) for a in plan.activities if a.title]
                for year in (2026, 2027) if (plan := repo.get_year_plan(s, org, year)) is not None}


@pytest.mark.parametrize("plan_first", [True, False])
@pytest.mark.parametrize("period, stored", [("in maart", "maart 2027"), ("in het eerste kwartaal", "1e kwartaal 2027"),
                                            ("volgend voorjaar", "voorjaar 2027")])
def test_an_agreement_made_in_december_lands_in_next_years_plan(db_url, plan_first, period, stored):
    service.sync_identity(MARK)
    if plan_first:
        _plan_for_next_year()
    pop_with_two_goals(DECEMBER)
    _agreement(period)
    if not plan_first:
        _plan_for_next_year()
    plans = _plans()
    assert plans[2027] == [("Training presenteren", stored)]
    assert not plans.get(2026)
    with session_scope() as s:
        org = s.query(Organisation).filter_by(external_id="gm0355").one()
        assert repo.get_year_plan(s, org, 2027).budget_cents == 1_000_000  # one plan of 2027, with its budget
