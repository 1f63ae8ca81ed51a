"""The content of a document as plain data: what bot/services/documents.py reads from the database and
bot/documents/files.py writes into a file. Nothing here opens a database session."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Document:
    title: str
    subtitle: str
    sections: list[tuple[str, list[str]]] = field(default_factory=list)  # heading, paragraphs/bullets
    table: tuple[list[str], list[list[str]]] | None = None
    footer: str = ""


class NotFound(LookupError):
    """There is nothing to export (yet)."""


@dataclass
class YearRow:
    position: int
    title: str
    target_group: str
    period: str
    goal: str
    speerpunt: str
    kind: str
    form: str
    provider: str
    cooperation: str
    cost_cents: int
    funding: str
