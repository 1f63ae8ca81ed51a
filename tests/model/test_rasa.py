"""Rasa's own checks: data validation and the test stories against the trained model."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import get_settings
from ops import processes
from tests.responses_used import form_questions, responses_in_code, string_literals_in_code

ROOT = Path(__file__).resolve().parents[2]
RASA = str(Path(sys.executable).parent / "rasa")

# Rasa warns about every response that only custom actions send, because it cannot see inside them.
# test_domain.py checks those responses against the code instead, so these warnings (and only these) are expected.
UNUSED_RESPONSE = re.compile(r"The utterance '(utter_[a-z_]+)' is not used in any story or rule\.")
# Rasa's importer adds retrieval intents to the domain a second time; the docs require listing them.
KNOWN = [re.compile(r"duplicated intents have been found across multiple domain files: faq$")]


def _rasa(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    env = processes.runtime_env(get_settings())
    return subprocess.run([RASA, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.mark.model
def test_rasa_data_validate_has_no_unexpected_warnings():
    result = _rasa("data", "validate", "--domain", "domain")
    output = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)
    assert result.returncode == 0, output[-3000:]
    # utter_default is sent by Rasa's own action_default_fallback (core fallback in config.yml)
    expected = responses_in_code() | string_literals_in_code() | form_questions() | {"utter_default"}
    problems = []
    for line in output.splitlines():
        if "UserWarning" not in line and "ERROR" not in line:
            continue
        match = UNUSED_RESPONSE.search(line)
        if match and match.group(1) in expected:
            continue
        if any(k.search(line.strip()) for k in KNOWN):
            continue
        problems.append(line.strip())
    assert not problems, "\n".join(problems)


@pytest.mark.model
def test_rasa_test_stories_pass(tmp_path):
    model = processes.model_path(get_settings())
    assert model.exists(), "train first: make train"
    result = _rasa("test", "core", "--model", str(model), "--stories", "tests/stories", "--out", str(tmp_path),
                   "--fail-on-prediction-errors")
    failed = (tmp_path / "failed_test_stories.yml")
    detail = failed.read_text(encoding="utf-8") if failed.exists() else (result.stdout + result.stderr)[-3000:]
    assert result.returncode == 0, detail
    assert "None of the test stories failed" in detail
