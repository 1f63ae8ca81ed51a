"""A file to download: its content read for the person (bot/services/documents.py, one unit of work), then
written in its format (bot/documents/files.py)."""

from __future__ import annotations

from bot.documents.files import FILES
from bot.services import documents

CONTENT = {"pop": documents.pop_document, "strategie": documents.strategy_document,
           "evaluatie": documents.evaluation_document, "jaarplan": documents.year_plan_rows}
NotFound = documents.NotFound


def build(kind: str, person_id: str) -> tuple[bytes, str, str]:
    """(the file, its name, its content type); NotFound when there is nothing to put in it yet."""
    content, write, filename, content_type = FILES[kind]
    data = CONTENT[content](person_id)
    body = write(*data) if isinstance(data, tuple) else write(data)
    return body, filename, content_type
