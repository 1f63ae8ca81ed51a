"""Reading and writing an answer at its place: a column (`pop.team`) or an organisation's own question
(`pop.extra.mentor`, kept in the record's JSON column `extra`)."""

from __future__ import annotations

from typing import Any

EXTRA = "extra."


def read(record: Any, attribute: str) -> Any:
    if attribute.startswith(EXTRA):
        return (record.extra or {}).get(attribute[len(EXTRA):])
    return getattr(record, attribute)


def write(record: Any, attribute: str, value: Any) -> None:
    if attribute.startswith(EXTRA):
        record.extra = {**(record.extra or {}), attribute[len(EXTRA):]: value}  # a new dict: SQLAlchemy sees it
    else:
        setattr(record, attribute, value)
