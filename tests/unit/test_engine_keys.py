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


@pytest.mark.parametrize("module", ENGINE)
def test_no_question_key_in_engine_code(module):
    keys = set(catalogue.load().questions)
    tree = ast.parse((FOLDER / f"{module}.py").read_text(encoding="utf-8"))
    skip = _words_of_dutch_text(tree)
    found = sorted({node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
                    and isinstance(node.value, str) and node.value in keys and id(node) not in skip})
    assert found == [], f"bot/interviews/{module}.py names question keys: {found}"


def test_one_engine_for_every_interview():
    """No engine of its own per interview and no mixin: the differences are in the question files."""
    from bot.interviews.engine import InterviewEngine

    assert InterviewEngine.__bases__ == (object,)
    for path in Path(FOLDER).glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        subclasses = [node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
                      and any(getattr(base, "id", "") == "InterviewEngine" for base in node.bases)]
        assert subclasses == [], f"{path.name}: {subclasses}"
