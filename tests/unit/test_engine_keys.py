"""Issue 31: the interviews are data. The engine finds a question by its place or its file's declarations
(buttons, conditions, hooks, groups), never by its key: renaming a key in a question file changes no code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.interviews import catalogue

ENGINE = ["engine", "storing", "flow", "parts", "groups", "popgesprek", "evaluation", "named", "answers"]
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
