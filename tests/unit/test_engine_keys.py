"""Issue 31: the interviews are data. The engine finds a question by its place or its file's declarations
(buttons, conditions, hooks, groups), never by its key: renaming a key in a question file changes no code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.interviews import catalogue

ENGINE = ["engine", "answering", "navigation", "places", "items", "flow", "parts", "groups", "popgesprek", "evaluation", "named",
          "answers"]
FOLDER = Path(catalogue.__file__).parent


def _words_of_dutch_text(tree: ast.AST) -> set[int]:
    """String nodes that are Dutch words, not keys: the forms of formatting.count and names of message values."""
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "count":
            skip |= {id(arg) for arg in node.args}
        if isinstance(node, ast.Dict):  # {"speerpunten": ...}: the name of a value in a domain text
            skip |= {id(key) for key in node.keys if key is not None}
    return skip


ROOT = Path(__file__).resolve().parents[2]
# Issue 40, item 4: no question key in Python outside storage (its tables may share a word with a key)
CODE = sorted(p for folder in ("bot", "actions", "rasa_addons", "ops") for p in (ROOT / folder).rglob("*.py")
              if "storage" not in p.relative_to(ROOT).parts)


def _keys_named(path: Path, keys: set[str]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _words_of_dutch_text(tree)
    return sorted({node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
                   and isinstance(node.value, str) and node.value in keys and id(node) not in skip})


@pytest.mark.parametrize("module", ENGINE)
def test_no_question_key_in_engine_code(module):
    found = _keys_named(FOLDER / f"{module}.py", set(catalogue.load().questions))
    assert found == [], f"bot/interviews/{module}.py names question keys: {found}"


def test_no_question_key_in_any_module_outside_storage():
    """A word that is also the name of a stored attribute (``speerpunten``, ``eval_status``) is storage's word."""
    from sqlalchemy import inspect

    from bot.storage.models import Base

    stored = {attr.key for mapper in Base.registry.mappers for attr in inspect(mapper).attrs}
    keys = set(catalogue.load().questions) - stored
    assert {"act_wat", "pop_steun", "strategie_toekomst", "doel_tekst"} <= keys
    assert len(CODE) > 100
    found = {str(p.relative_to(ROOT)): named for p in CODE if (named := _keys_named(p, keys))}
    assert found == {}


@pytest.mark.parametrize("module", ENGINE)
def test_the_engine_treats_an_interview_by_what_it_asks_not_by_its_name(module):
    """Issue 40, item 4: no branch per interview ("if interview == 'jaarplan'") in the engine; what an interview
    asks (catalogue.places_of: a budget, a year, the plan's activities, records of the organisation) decides."""
    tree = ast.parse((FOLDER / f"{module}.py").read_text(encoding="utf-8"))
    named = sorted({node.value for compare in ast.walk(tree) if isinstance(compare, ast.Compare)
                    for node in ast.walk(compare) if isinstance(node, ast.Constant)
                    and node.value in catalogue.INTERVIEWS and node.value != "pop"})  # "pop": also a record
    assert named == [], f"bot/interviews/{module}.py compares with interview names: {named}"


def test_one_engine_for_every_interview():
    """No engine of its own per interview and no mixin: the differences are in the question files."""
    from bot.interviews.engine import InterviewEngine

    assert InterviewEngine.__bases__ == (object,)
    for path in Path(FOLDER).glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        subclasses = [node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
                      and any(getattr(base, "id", "") == "InterviewEngine" for base in node.bases)]
        assert subclasses == [], f"{path.name}: {subclasses}"
