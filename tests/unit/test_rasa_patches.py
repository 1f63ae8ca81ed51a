"""The Rasa code that rasa_addons/launcher.py replaces is still there, as the changes were written for it
(docs/rasa-patches.md). A new Rasa release that renames or changes one of them fails here first."""

from __future__ import annotations

import ast
import importlib
import inspect
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# (module, attribute path, the parameters the change relies on, in order)
REPLACED = [
    ("rasa.utils.io", "configure_colored_logging", ["loglevel"]),
    ("rasa.core.actions.action", "RemoteAction._validate_action_result", ["self", "result"]),
    ("rasa.core.actions.action", "RemoteAction._action_call_format", ["self", "tracker", "domain"]),
    ("rasa.utils.tensorflow.models", "RasaModel.load",
     ["model_file_name", "model_data_example", "predict_data_example", "finetune_mode", "args", "kwargs"]),
    ("rasa.core.processor", "MessageProcessor._handle_message_with_tracker", ["self", "message", "tracker"]),
    ("rasa.shared.utils.io", "raise_warning", ["message", "category", "docs", "kwargs"]),
]


def _resolve(module: str, path: str):
    found = importlib.import_module(module)
    for part in path.split("."):
        found = getattr(found, part)
    return found


@pytest.mark.parametrize(("module", "path", "parameters"), REPLACED, ids=[p for _m, p, _a in REPLACED])
def test_the_replaced_rasa_code_still_has_the_signature_the_change_was_written_for(module, path, parameters):
    original = _resolve(module, path)
    if hasattr(original, "rasa_load"):  # RasaModel.load when the launcher ran in this process: Rasa's, bound alike
        original = types.MethodType(original.rasa_load, original.__self__)
    assert list(inspect.signature(original).parameters) == parameters, f"{module}.{path} changed: see docs/rasa-patches.md"


def test_the_sanic_logger_the_start_check_watches_still_logs_the_failed_start():
    from sanic.server import runners

    assert hasattr(runners, "error_logger") and hasattr(runners.error_logger, "exception")
    assert "Unable to start server" in inspect.getsource(runners)


def test_the_current_turn_and_the_typed_buttons_read_what_rasa_still_has():
    from rasa.shared.core.events import BotUttered, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

    assert hasattr(EventVerbosity, "NONE") and "event_verbosity" in inspect.signature(
        DialogueStateTracker.current_state).parameters
    assert "parse_data" in inspect.signature(UserUttered.__init__).parameters
    assert "data" in inspect.signature(BotUttered.__init__).parameters


def _changes_put_in_place() -> list[str]:
    """The functions launcher.main() calls to change Rasa (and the logging change it makes itself)."""
    tree = ast.parse((ROOT / "rasa_addons" / "launcher.py").read_text())
    main = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "main")
    called = []
    for node in ast.walk(main):
        if isinstance(node, ast.Call) and not node.args and not node.keywords:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = getattr(getattr(func, "value", None), "id", None)
            if name not in ("rasa_main",):
                called.append(f"{owner}.{name}" if owner else name)
    return called


def test_the_page_names_every_change_the_launcher_puts_in_place():
    page = (ROOT / "docs" / "rasa-patches.md").read_text()
    changes = _changes_put_in_place()
    assert len(changes) == 6  # and the logging change below: seven in all, as the page says
    for change in changes:
        assert f"`{change}`" in page, change
    assert "configure_colored_logging" in page
    rows = [line for line in page.splitlines() if line.startswith("| ") and line[2:3].isdigit()]
    assert len(rows) == len(changes) + 1


def test_the_signature_check_also_holds_after_the_launcher_changed_rasa_in_this_process():
    from rasa_addons.launcher import load_models_without_a_training_step

    load_models_without_a_training_step()  # as a test that starts the launcher in this process leaves it
    module, path, parameters = next(r for r in REPLACED if r[1] == "RasaModel.load")
    test_the_replaced_rasa_code_still_has_the_signature_the_change_was_written_for(module, path, parameters)
