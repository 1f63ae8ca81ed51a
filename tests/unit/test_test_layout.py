"""Issue 40, item 5: shared test helpers live in fixtures (conftest.py) or in plain helper modules, never in another
test module. A test module that imports from test_*.py or conftest.py ties two test files together, and importing a
fixture or a test from another test module can run that module's tests a second time under another name."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def _is_test_module(dotted: str) -> bool:
    """Whether the module ``dotted`` is a file named test_*.py or conftest.py."""
    name = dotted.rsplit(".", 1)[-1]
    return name.startswith("test_") or name == "conftest"


def imports_of_test_modules(source: str, package: str) -> list[tuple[int, str]]:
    """(line, what) for every import in ``source`` (a module of ``package``) of a test module or conftest.py:
    `import a.test_b`, `from a.test_b import c`, `from a import test_b`, relative imports and
    `importlib.import_module("a.test_b")`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if _is_test_module(alias.name)]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                parts = package.split(".")
                base = parts[:len(parts) - (node.level - 1)]
                module = ".".join(base + ([module] if module else []))
            if module and _is_test_module(module):
                found.append((node.lineno, module))
            else:
                found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names
                          if _is_test_module(alias.name)]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__") and _is_test_module(node.args[0].value):
                found.append((node.lineno, node.args[0].value))
    return found


def test_the_check_finds_every_way_of_importing_a_test_module():
    sources = {
        "import tests.unit.test_domain": "tests.unit.test_domain",
        "import tests.conftest as c": "tests.conftest",
        "from tests.browser.test_widget import browser, stack": "tests.browser.test_widget",
        "from tests.conftest import POSTGRES_URL": "tests.conftest",
        "from tests.integration import test_cycle as cycle": "tests.integration.test_cycle",
        "from .test_actions import run": "tests.integration.test_actions",
        "from . import conftest": "tests.integration.conftest",
        "from ..unit.test_choices import typed_versions": "tests.unit.test_choices",
        "def f():\n    from tests.unit.test_domain import domain": "tests.unit.test_domain",
        "import importlib\nimportlib.import_module('tests.e2e.test_e2e')": "tests.e2e.test_e2e",
    }
    for source, module in sources.items():
        assert [what for _, what in imports_of_test_modules(source, "tests.integration")] == [module], source
    allowed = ("from tests.helpers import POP\nfrom tests.integration.cycle_helpers import EVA\n"
               "from . import action_helpers\nimport tests.postgres\nfrom bot import testing_words\n")
    assert imports_of_test_modules(allowed, "tests.integration") == []


def test_no_test_module_imports_from_another_test_module_or_a_conftest():
    files = sorted(TESTS.rglob("*.py"))
    assert Path(__file__).resolve() in files and len(files) > 50  # the search looks where the tests are
    wrong = []
    for path in files:
        package = ".".join(("tests",) + path.relative_to(TESTS).parent.parts)
        for line, what in imports_of_test_modules(path.read_text(encoding="utf-8"), package):
            wrong.append(f"{path.relative_to(TESTS.parent)}:{line} imports {what}")
    assert not wrong, ("move shared helpers into a conftest.py fixture or a helper module that is not named "
                       "test_*.py (tests/helpers.py, tests/integration/cycle_helpers.py, ...):\n" + "\n".join(wrong))
