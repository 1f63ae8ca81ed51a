"""The organisation's policy and yearly plan as they stand, for a manager or HR adviser who only wants to look
("wat staat er in het jaarplan van 2027?"): nothing is started, asked or changed."""

from __future__ import annotations

import re
from datetime import date

from bot import clock
from bot.identity import Identity
from bot.interviews import INTERVIEW_LABELS, InterviewEngine
from bot.interviews.context import Ctx
from bot.services.roles import may_start
from bot.storage.db import session_scope
from bot.storage.models import Person

_LOOK = re.compile(r"\b(laat .{0,40}zien|wat staat er|welke activiteiten|bekijk\w*|inzien|kijken naar|wil .{0,30}zien)\b")


def wants_to_look(text: str) -> bool:
    """"laat het jaarplan 2027 zien", "welke activiteiten staan er al in?": looking, not filling in."""
    return _LOOK.search((text or "").lower()) is not None


def view(person: Identity, interview: str, text: str = "", today: date | None = None) -> tuple[str, str] | None:
    """(name, summary) of the organisation's strategy or yearly plan (the year the text names, else this year's or
    the next one there is), or None when there is none or the person's role may not work on it."""
    if interview not in ("strategie", "jaarplan") or not may_start(person, interview):
        return None
    today = today or clock.today()
    with session_scope() as s:
        row = s.get(Person, person.person_id)
        org = row.organisation if row else None
        if org is None:
            return None
        year = None
        if interview == "jaarplan":
            years = sorted(p.year for p in org.year_plans)
            if not years:
                return None
            named = [int(y) for y in re.findall(r"\b(20\d\d)\b", text or "")]
            year = next((y for y in named if y in years), None) or next((y for y in years if y >= today.year), years[-1])
        elif org.strategic_plan is None:
            return None
        engine = InterviewEngine(s, row, interview, today)
        engine.ctx = Ctx(s, row, interview, today, year)
        summary = engine.summary()
        s.rollback()  # looking creates nothing (the engine's interview state is not kept)
    name = INTERVIEW_LABELS[interview] + (f" {year}" if year else "")
    return name, summary
