"""What the interviews read from stored records: the open activity, what an activity says about funding, the
organisation's speerpunten."""

from __future__ import annotations

import re

from bot.dutch import parsing
from bot.interviews.context import Ctx
from bot.storage.models import Activity


def current_activity(ctx: Ctx) -> Activity | None:
    plan = ctx.year_plan()
    if plan is None:
        return None
    for act in plan.activities:
        if not act.complete:
            return act
    return None


def activity_situations(act: Activity) -> set[str]:
    from bot.funding.advice import situations_from_text

    text = " ".join(filter(None, [act.title, act.target_group, act.goal, act.cooperation and act.provider]))
    found = situations_from_text(text)
    if act.cooperation == "samen" and re.search(r"\bmbo\b|roc", parsing.normalize(text)):
        found.add("mbo_samenwerking")
    return found


_WHOLE = re.compile(r"\b(iedereen|alle (medewerkers|collega'?s|werknemers|personeel)|hele (organisatie|gemeente)|"
                    r"al het personeel)\b")
_NUMBER = re.compile(r"\b(\d{1,5})\s*(medewerkers|mensen|collega'?s|deelnemers|personen|docenten|werknemers|"
                     r"leidinggevenden|managers|teamleiders)?\b")


def activity_participants(act: Activity, employees: int | None) -> int | None:
    """How many employees an activity reaches, as far as its target group says ("12 docenten", "iedereen")."""
    text = parsing.normalize(act.target_group or "")
    if _WHOLE.search(text):
        return employees
    numbers = [int(m.group(1)) for m in _NUMBER.finditer(text)]
    return max(numbers) if numbers else None


def speerpunten(ctx: Ctx) -> list:
    plan = ctx.plan()
    return list(plan.speerpunten) if plan else []
