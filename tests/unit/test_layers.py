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


def test_the_core_imports_no_rasa_and_names_no_rasa_action():
    """bot/ is plain Python: it speaks in response names ('regeling_info'); the Rasa layer adds 'utter_' and knows
    which action carries out a request (actions/interview.py, data/rules)."""
    rasa, names = [], []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        rasa += [f"{path.name}: {m}" for m in _imports(path)
                 if m.split(".")[0] in ("rasa", "rasa_sdk", "actions", "rasa_addons", "ops", "bench")]
        docstrings = {id(n.body[0].value) for n in ast.walk(tree) if isinstance(
            n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n.body
            and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        names += [f"{path.name}: {n.value}" for n in ast.walk(tree) if isinstance(n, ast.Constant)
                  and isinstance(n.value, str) and id(n) not in docstrings
                  and n.value.startswith(("action_", "utter_"))
                  and not (path.name == "conversation_store.py" and n.value == "utter_action")]  # the event field
    assert not rasa and not names, rasa + names


def test_no_import_circles():
    """Issue 40: the house shows its architecture; no two modules of the project import each other, directly or
    through others (imports inside functions included)."""
    modules = {}
    for folder in ("bot", "actions", "rasa_addons", "ops", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            modules[name] = path
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                graph[name] |= {a.name for a in node.names if a.name in modules}
            elif isinstance(node, ast.ImportFrom) and node.module in modules:
                # "from bot import clock" names the module bot.clock; "from bot.interviews import Q" the package
                subs = {f"{node.module}.{a.name}" for a in node.names} & modules.keys()
                graph[name] |= subs
                if len(subs) < len(node.names):
                    graph[name].add(node.module)
        graph[name].discard(name)
    circles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                circles.append(" -> ".join(trail[trail.index(nxt):] + [nxt]) if nxt in trail else nxt)
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert circles == [], circles
