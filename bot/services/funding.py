"""What a person already told about their organisation, used and kept for funding advice (bot/funding/advice.py)."""

from __future__ import annotations

from bot.interviews.funding import organisation_profile as org_profile
from bot.storage.db import session_scope
from bot.storage.models import Person


def known_profile(person_id: str) -> tuple[str | None, int | None]:
    with session_scope() as s:
        person = s.get(Person, person_id)
        return org_profile(person.organisation if person else None)
