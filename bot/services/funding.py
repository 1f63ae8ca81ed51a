"""What a person already told about their organisation, used and kept for funding advice (bot/funding/advice.py)."""

from __future__ import annotations

from sqlalchemy import select

from bot.interviews.funding import organisation_profile as org_profile
from bot.storage.db import session_scope
from bot.storage.models import InterviewState, Person


def known_profile(person_id: str) -> tuple[str | None, int | None]:
    """The organisation's sector and size; where its profile is empty, what the person said in a funding round
    (an employee's estimate stays with the employee: it is not written into the organisation's profile)."""
    with session_scope() as s:
        person = s.get(Person, person_id)
        sector, employees = org_profile(person.organisation if person else None)
        if sector is None or employees is None:
            state = s.execute(select(InterviewState).where(InterviewState.person_id == person_id,
                                                           InterviewState.interview == "subsidie")).scalars().first()
            own = (state.answers or {}) if state is not None else {}
            sector = sector or (own.get("sector") if own.get("sector") not in (None, "nvt") else None)
            employees = employees or (own.get("employees") if isinstance(own.get("employees"), int) else None)
        return sector, employees
