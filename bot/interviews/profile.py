"""What someone told about the organisation, kept in its profile: kind, size and CAO.

One rule for every place that reads such facts (an answer with more in it, a remark kept aside, the end of a
funding round): ``replace`` when the person plans for the organisation and what they say last counts, else only
what is still empty is filled.
"""

from __future__ import annotations

from bot.dutch.facts import CAO_LABELS, Facts


def take(org, facts: Facts, replace: bool) -> Facts:
    """Keep ``facts`` in ``org``'s profile; the facts that changed it (to be said back)."""
    if org is None:
        return Facts()
    changed = {}
    for attribute, value in (("sector", facts.sector), ("employees", facts.employees), ("cao", facts.cao)):
        before = getattr(org, attribute)
        if value and (before is None or replace and before != value):
            setattr(org, attribute, value)
            changed[attribute] = value
    return Facts(**changed)


def cao_label(org) -> str | None:
    """'Cao Kunsteducatie', as a summary or document shows it; None when not known."""
    label = CAO_LABELS.get(getattr(org, "cao", None) or "")
    return label.removeprefix("de ") if label else None
