"""Which question comes next, and where an answer goes: derived from what is stored, walking the interview's
steps as its question file gives them (catalogue.steps: single questions and repeating groups)."""

from __future__ import annotations

from typing import Any

from bot.interviews import groups, parts, places
from bot.interviews.catalogue import Group, Q, current
from bot.interviews.fields import read
from bot.interviews.items import ITEMS


def attribute(key: str) -> str:
    return Q[key].stored_in.partition(".")[2]


def next_key(engine) -> str | None:
    """The first question without an answer."""
    for step in current().steps[engine.interview]:
        key = _group_next(engine, step) if isinstance(step, Group) else _single_next(engine, step)
        if key is not None:
            return key
    return None


def _single_next(engine, key: str) -> str | None:
    q = Q[key]
    if not places.available(engine, q.stored_in) or not parts.applies(engine, q):
        return None
    return None if places.answered(engine, q.stored_in) else key


def missing(engine, group: Group, record: Any) -> str | None:
    """The item's first question that is asked (its ``ask_if``) and has no answer yet."""
    for key in group.keys:
        if parts.applies(engine, Q[key], record) and (record is None or read(record, attribute(key)) is None):
            return key
    return None


def open_item(engine, group: Group) -> Any:
    source = ITEMS[group.items]
    return source.current(engine, lambda record: missing(engine, group, record) is None)


def _group_next(engine, group: Group) -> str | None:
    if group.items is None:  # an organisation's own group
        return groups.next_key(engine.ctx.pop(), group)
    source = ITEMS[group.items]
    if not source.available(engine):
        return None
    item = open_item(engine, group)
    if item is not None:
        return missing(engine, group, source.record(engine, item, create=False))
    if group.more is None or source.closed(engine):
        return None
    return group.keys[0] if not source.started(engine) else group.more


def target(engine, group: Group, key: str, create: bool = False) -> Any:
    """The item an answer to ``key`` is about: the open one; for a correction, the one touched last; a new one
    for the first answer of a list."""
    source = ITEMS[group.items]
    if not source.available(engine):
        return None
    if engine.state.pending_question == key and engine.state.pending_item is not None:
        return source.at(engine, engine.state.pending_item)  # a correction of a named item: never a new one
    item = open_item(engine, group)
    if engine.state.pending_question == key and (item is None or source.record(engine, item, create=False) is None):
        item = source.last(engine, attribute(key)) or item
    if item is None and create and group.more is not None:
        item = source.new(engine)
    return item


def applicable(engine, key: str) -> bool:
    """Whether a question the person asked to correct can still be asked (its record is there)."""
    group = current().group_of(key)
    if group is None:
        return places.available(engine, Q[key].stored_in)
    if group.items is None:
        return True
    return ITEMS[group.items].available(engine) and target(engine, group, key) is not None


def answered(engine, key: str) -> bool:
    """Whether the question the interview stands at has an answer already (a new answer is a correction)."""
    group = current().group_of(key)
    if group is None:
        return places.answered(engine, Q[key].stored_in)
    if group.items is None:
        return groups.has_value(engine.ctx.pop(), group, key)
    if key == group.more:
        return ITEMS[group.items].closed(engine)
    item = target(engine, group, key)
    record = ITEMS[group.items].record(engine, item, create=False) if item is not None else None
    return record is not None and read(record, attribute(key)) is not None


def has_answer(engine, key: str) -> bool:
    """Whether there is an answer to correct (the list of speerpunten: at least one)."""
    if current().group_of(key) is None:
        return places.has_answer(engine, Q[key].stored_in)
    return value(engine, key) is not None


def item_params(engine, key: str) -> dict:
    """The values a question of a repeating group may name ("leerdoel {nummer}", "{activiteit}")."""
    group = current().group_of(key)
    if group is None:
        return {}
    if group.items is None:
        return {"nummer": groups.number(engine.ctx.pop(), group)}
    item = target(engine, group, key) or ITEMS[group.items].last(engine, attribute(key))
    return ITEMS[group.items].params(engine, item)


def value(engine, key: str, position: int | None = None) -> Any:
    """The answer stored for ``key`` (for a question of a repeating group: of the item it is about, or of the item
    at ``position``), or None."""
    group = current().group_of(key)
    if group is None:
        return places.value(engine, Q[key].stored_in)
    if group.items is None:
        return groups.value(engine.ctx.pop(), group, key)
    if key == group.more:
        return None
    source = ITEMS[group.items]
    if not source.available(engine):
        return None
    item = source.at(engine, position) if position is not None else (target(engine, group, key)
                                                                     or source.last(engine, attribute(key)))
    record = source.record(engine, item, create=False) if item is not None else None
    return read(record, attribute(key)) if record is not None else None


def item_position(engine, key: str) -> int | None:
    """The number of the item an answer to ``key`` goes to ("activiteit 6"); None outside a built-in group."""
    group = current().group_of(key)
    if group is None or group.items is None or key == group.more:
        return None
    item = target(engine, group, key)
    return getattr(item, "position", None)
