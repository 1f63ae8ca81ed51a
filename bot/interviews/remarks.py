"""A remark that only says what the organisation is, made where an open question waits ("we zijn een gemeente
hoor, geen omgevingsdienst" at the future of the organisation): not the answer to that question. It is kept aside
(one button stores it after all), what it says is said back, and for someone who plans for the organisation the
profile takes the kind, size and CAO it states.
"""

from __future__ import annotations

from bot.dutch.facts import Facts, only_about_us
from bot.dutch.facts import sentence as facts_sentence
from bot.interviews import profile
from bot.interviews.catalogue import Q
from bot.interviews.context import Message

OPEN_KINDS = ("open", "list")  # questions answered in one's own words; a short answer may well be a place or a name


def about_us(engine, key: str | None, text: str, can_plan: bool, buttons: list[dict]) -> Message | None:
    q = Q.get(key or "")
    if q is None or q.kind not in OPEN_KINDS:
        return None
    facts = only_about_us(text)
    if facts is None:
        return None
    noted = can_plan and profile.take(engine.ctx.org, facts, replace=True) != Facts()
    params = {"feiten": facts_sentence(facts), "vraag_label": engine.label_of(key)}
    return Message("apart_gehouden_feiten_genoteerd" if noted else "apart_gehouden_feiten", params, buttons)
