"""An organisation's own repeating group in its POP form (docs/interviews.md, "Een eigen groep vragen").

The group's questions are asked per item ("per certificaat: welk, welk niveau"), with a yes/no question before
the first item (``<groep>_start``) and after each one (``<groep>_nog_een``). The items are kept in the POP's
``extra`` column under the group's name: ``{"items": [{"naam": ..., "niveau": ...}, ...], "klaar": true}``, so
a group needs no code, no migration and no training, as an own question.
"""

from __future__ import annotations

from typing import Any

from bot.dutch import formatting
from bot.interviews.catalogue import Group, Q, current
from bot.interviews.fields import read, write


def group_of(key: str) -> Group | None:
    name = Q[key].group if key in Q else None
    return current().groups.get(name) if name else None


def _data(record: Any, group: Group) -> dict:
    return dict(read(record, f"extra.{group.name}") or {})


def items(record: Any, group: Group) -> list[dict]:
    return list(_data(record, group).get("items", []))


def _field(key: str) -> str:
    return Q[key].stored_in.partition(".")[2]


def _missing(item: dict, group: Group) -> str | None:
    return next((key for key in group.keys if _field(key) not in item), None)


def next_key(record: Any, group: Group) -> str | None:
    """The group's next question: a field of the open item, "nog een?", or None when the group is done."""
    data = _data(record, group)
    found = data.get("items", [])
    if found and _missing(found[-1], group):
        return _missing(found[-1], group)
    if data.get("klaar") or len(found) >= group.maximum:
        return None
    return group.more if found else group.start


def store(record: Any, group: Group, key: str, value: Any, correcting: bool) -> dict | None:
    """Keep an answer of the group; returns the item it went to (None for the yes/no questions)."""
    data = _data(record, group)
    found = [dict(item) for item in data.get("items", [])]
    if key in (group.start, group.more):
        if value and len(found) < group.maximum:
            found.append({})
            data["klaar"] = False
        else:
            data["klaar"] = True
        item = None
    else:
        open_items = [i for i in found if _missing(i, group)]
        if open_items and not (correcting and _field(key) in found[-1]):
            item = open_items[0]
        else:  # a correction goes to the last item that has this answer
            item = next((i for i in reversed(found) if _field(key) in i), found[-1] if found else None)
            if item is None:
                item = {}
                found.append(item)
        item[_field(key)] = value
    data["items"] = found
    write(record, f"extra.{group.name}", data)
    return item


def has_value(record: Any, group: Group, key: str) -> bool:
    data = _data(record, group)
    if key in (group.start, group.more):
        return bool(data.get("items")) or data.get("klaar") is not None
    return any(_field(key) in item for item in data.get("items", []))


def value(record: Any, group: Group, key: str) -> Any:
    """The last answer to ``key`` in the group (what a correction changes), or None."""
    found = [item for item in items(record, group) if _field(key) in item]
    return found[-1][_field(key)] if found else None


def number(record: Any, group: Group) -> int:
    """The number of the item being asked about (1 for the first)."""
    found = items(record, group)
    return len(found) if found and _missing(found[-1], group) else len(found) + 1


def clear(record: Any, group: Group) -> None:
    write(record, f"extra.{group.name}", None)


def described(record: Any, group: Group, shown) -> list[str]:
    """Every item in one line: "1. naam: …; niveau: …" (``shown`` formats an answer)."""
    lines = []
    for number_, item in enumerate(items(record, group), 1):
        parts = [f"{formatting.in_sentence(Q[key].label)}: {shown(key, item[_field(key)])}" for key in group.keys
                 if _field(key) in item]
        if parts:
            lines.append(f"{number_}. " + "; ".join(parts))
    return lines
