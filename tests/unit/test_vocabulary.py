"""Issue 31, item 2: each word for a kind of thing is defined once (bot/vocabulary.py) and everything imports it:
sectors, kinds of learning, roles and the "manager or HR" rule, what funding is for."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot import vocabulary
from bot.dutch import parsing
from bot.interviews import parts

ROOT = Path(vocabulary.__file__).resolve().parents[1]
SETS = {"sectors": set(vocabulary.SECTORS), "kinds of learning": set(vocabulary.KINDS_OF_LEARNING),
        "roles": set(vocabulary.ROLES), "manager or HR": set(vocabulary.PLANNERS),
        "funding purposes": set(vocabulary.PURPOSES), "funding situations": set(vocabulary.SITUATIONS)}


def _spelled_out(tree: ast.AST) -> list[str]:
    """Tuples, lists, sets and dict keys in the code that spell out one of the vocabulary's sets."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            values = [e.value for e in node.elts if isinstance(e, ast.Constant)]
        elif isinstance(node, ast.Dict):
            values = [k.value for k in node.keys if isinstance(k, ast.Constant)]
        else:
            continue
        for name, words in SETS.items():
            if len(words) > 1 and set(values) == words:
                found.append(f"{name} (line {node.lineno})")
    return found


@pytest.mark.parametrize("folder", ["bot", "actions", "rasa_addons", "ops"])
def test_no_module_spells_out_what_the_vocabulary_defines(folder):
    wrong = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        if path.name == "vocabulary.py" or "migrations" in path.parts:
            continue
        found = _spelled_out(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            wrong[str(path.relative_to(ROOT))] = found
    assert wrong == {}


def test_a_sector_button_sends_its_key_and_reads_back_as_it():
    buttons = parts.SOURCES["sectors"](None)[0]
    assert [b["payload"] for b in buttons] == list(vocabulary.SECTORS)
    for button in buttons:
        assert parsing.match_choice(button["payload"], parsing.SECTOR_CHOICES) == button["payload"]
        assert parsing.match_choice(button["title"], parsing.SECTOR_CHOICES) == button["payload"]


def test_manager_or_hr_is_one_rule():
    assert vocabulary.PLANNERS == ("manager", "hr")
    assert [r for r in vocabulary.ROLES if vocabulary.plans(r)] == ["manager", "hr"]
    assert not vocabulary.plans("employee") and not vocabulary.plans(None)
