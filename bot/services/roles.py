"""Who may open which interview, by the role the intranet's token gives (never by what someone types)."""

from __future__ import annotations

from bot.identity import Identity
from bot.vocabulary import plans

PLANNING = ("strategie", "jaarplan", "evaluatie")  # the organisation's plans: managers and HR only
MANAGERS = ("popgesprek",)  # a manager with their own team


def may_start(person: Identity, interview: str) -> bool:
    return role_may_start(person.role, interview)


def role_may_start(role: str | None, interview: str) -> bool:
    """The POP for everyone; the plans and their evaluation for managers and HR; the POP-gesprek for managers."""
    if interview in MANAGERS:
        return role == "manager"
    return interview not in PLANNING or plans(role)


def refusal(interview: str) -> str:
    """The message that says someone may not open ``interview``."""
    return "alleen_eigen_leidinggevende" if interview in MANAGERS else "alleen_voor_leidinggevenden"
