"""What a person already told about their organisation, used and kept for funding advice (bot/funding/advice.py)."""

from __future__ import annotations

from bot.dutch.facts import extract
from bot.storage.db import session_scope
from bot.storage.models import Organisation, Person


def org_profile(org: Organisation | None) -> tuple[str | None, int | None]:
    """The sector and size of an organisation, for funding advice: "Gemeente Zeist" says the sector."""
    if org is None:
        return None, None
    return org.sector or extract(org.name or "").sector, org.employees


def known_profile(person_id: str) -> tuple[str | None, int | None]:
    with session_scope() as s:
        person = s.get(Person, person_id)
        return org_profile(person.organisation if person else None)


def remember_profile(person_id: str, sector: str | None, employees: int | None) -> None:
    """Store what the person told us, only where the organisation's profile is still empty."""
    with session_scope() as s:
        person = s.get(Person, person_id)
        org = person.organisation if person else None
        if org is None:
            return
        if org.sector is None and sector:
            org.sector = sector
        if org.employees is None and employees:
            org.employees = employees
