"""Who saw a person's POP, and when (issue 29, item 3): from the sharing and access log and the agreement log.

The person reads it in "mijn gegevens" and in the data export. One unit of work per call.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.dutch.formatting import format_date
from bot.storage.db import session_scope
from bot.storage.models import Agreement, AgreementLog, Person, Pop, PopAccess
from bot.vocabulary import ROLES

DESCRIPTIONS = {
    "gedeeld": "Je deelde je POP met {wie}.",
    "delen_gestopt": "Je stopte met delen met {wie}.",
    "geopend": "{wie} keek in je POP.",
    "popgesprek": "{wie} begon het POP-gesprek en zag het nummer en de soort van je leerdoelen.",
    "vastgelegd": "{wie} legde een afspraak over leerdoel {nummer} vast.",
    "gewijzigd": "{wie} paste de afspraak over leerdoel {nummer} aan.",
}


def _who(s, name: str | None, role: str | None, viewer_id: str) -> str:
    """The viewer as the owner reads it: the name the intranet gives now, else the name of then."""
    if viewer_id == "hr":
        return "HR"
    if viewer_id == "(verwijderd)":
        return "iemand die zijn gegevens heeft laten verwijderen"
    now = s.get(Person, viewer_id) if viewer_id else None
    name, role = (now.display_name or name, now.role or role) if now else (name, role)
    if not name:
        return "je leidinggevende" if role == "manager" else "iemand anders"
    return f"{name} ({ROLES[role].label})" if role in ROLES else name


def pop_access(person_id: str) -> list[dict]:
    """Every time someone else was given, opened or used the person's POP, oldest first:
    {"at": datetime, "who": str, "event": str, "text": Dutch sentence}."""
    with session_scope() as s:
        rows = [(a.created_at, _who(s, a.viewer_name, a.viewer_role, a.viewer_id), a.event, {})
                for a in s.execute(select(PopAccess).where(PopAccess.owner_id == person_id)).scalars()]
        logs = s.execute(select(AgreementLog, Agreement.position).join(Agreement).join(Pop)
                         .where(Pop.person_id == person_id, AgreementLog.person_id != person_id,
                                AgreementLog.event.in_(("vastgelegd", "gewijzigd")))).all()
        for log, position in logs:
            rows.append((log.created_at, _who(s, None, None, log.person_id), log.event, {"nummer": position}))
    rows.sort(key=lambda row: row[0])
    return [{"at": at, "who": who, "event": event, "text": DESCRIPTIONS[event].format(wie=who, **extra)}
            for at, who, event, extra in rows]


def access_lines(person_id: str, most: int = 10) -> list[str]:
    """The same, as lines for the chat: "- 3 december 2026: Mark (leidinggevende) keek in je POP.". The newest
    ``most``; the data export has them all."""
    items = pop_access(person_id)
    lines = [f"- {format_date(item['at'].date())}: {item['text']}" for item in items[-most:]]
    if len(items) > most:
        lines.insert(0, f"- ({len(items) - most} eerdere keren staan in het bestand.)")
    return lines
