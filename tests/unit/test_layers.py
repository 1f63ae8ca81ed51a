"""Issue 31, item 3: the rooms call in one direction. Writing documents and running interviews never open a
database session of their own: they get their data, or work inside the unit of work of bot/services."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


@pytest.mark.parametrize("package", ["bot/documents", "bot/interviews", "bot/dutch", "bot/funding"])
def test_no_import_of_the_services(package):
    wrong = {path.name: sorted(m for m in _imports(path) if m.startswith("bot.services"))
             for path in sorted((ROOT / package).rglob("*.py"))}
    assert {name: found for name, found in wrong.items() if found} == {}
