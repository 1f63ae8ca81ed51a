"""The real cost of an evaluated activity said as its plan ("precies wat begroot was"): the planned cost, said back
before it is stored (questions/evaluatie.yml, eval_kosten)."""

from __future__ import annotations

import re

from bot.dutch import formatting, parsing
from bot.interviews import navigation
from bot.interviews.answers import Parsed
from bot.interviews.catalogue import current

_AS_PLANNED = re.compile(r"\b(?:wat|zoals|als|hetzelfde als|gelijk aan)\s+(?:er\s+)?(?:was\s+)?(?:begroot|gepland|geraamd|"
                         r"verwacht|afgesproken)\b|\bprecies (?:het )?(?:begrote|geplande) bedrag\b|\bvolgens (?:de )?begroting\b")


def as_planned(engine, key: str, text: str):
    """"precies wat begroot was" at the real cost: the activity's planned cost, to be said back; None otherwise."""
    if not _AS_PLANNED.search(parsing.normalize(text)):
        return None
    item = navigation.target(engine, current().group_of(key), key)
    cost = getattr(item, "cost_cents", None)
    if cost is None:
        return None
    return Parsed(True, cost, sure=False, said=f"{formatting.format_euro(cost)} (wat begroot was)")
