"""A funding knowledge base of one's own in a temporary file, for the tests of its validation
(tests/unit/test_funding.py, test_funding_maintenance.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml


def write_funding_file(tmp_path: Path, schemes: list[dict]) -> Path:
    path = tmp_path / "funding.yml"
    path.write_text(yaml.safe_dump({"schemes": schemes}, allow_unicode=True), encoding="utf-8")
    return path


def valid_entry(**changes) -> dict:
    entry = {"id": "test", "name": "Testregeling", "funder": "Iemand", "kind": "subsidie", "status": "open",
             "summary": "Een test.", "official_page": "https://example.org", "source": "test",
             "confidence": "H", "last_checked": date(2026, 1, 1)}
    entry.update(changes)
    return entry
