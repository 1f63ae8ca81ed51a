"""bot/settings.py: the only reader of the environment; a wrong value stops Leerkoers with the variable's name."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.settings import SettingsError, get_settings


def test_defaults_and_values_from_the_environment(monkeypatch):
    monkeypatch.delenv("LEERKOERS_RATE_LIMIT", raising=False)
    assert get_settings().rate_limit == 120
    monkeypatch.setenv("LEERKOERS_RATE_LIMIT", " 30 ")
    assert get_settings().rate_limit == 30


def test_the_settings_follow_a_changed_environment_and_are_reused_otherwise(monkeypatch):
    monkeypatch.setenv("LEERKOERS_OVERVIEW_MIN_GROUP", "4")
    first = get_settings()
    assert first is get_settings() and first.overview_min_group == 4
    monkeypatch.setenv("LEERKOERS_OVERVIEW_MIN_GROUP", "5")
    assert get_settings().overview_min_group == 5
    monkeypatch.setenv("LEERKOERS_JWT_SECRET", "nieuw-geheim")  # read as is, also when it changes
    assert get_settings().jwt_secret == "nieuw-geheim"


@pytest.mark.parametrize("name, value, message", [
    ("LEERKOERS_RASA_PORT", "vijfduizend", "LEERKOERS_RASA_PORT moet een geheel getal zijn"),
    ("LEERKOERS_ACTION_PORT", "70000", "LEERKOERS_ACTION_PORT moet tussen 1 en 65535"),
    ("LEERKOERS_MAX_MESSAGE_LENGTH", "5", "LEERKOERS_MAX_MESSAGE_LENGTH moet tussen 100"),
    ("LEERKOERS_RETENTION_DAYS", "-1", "LEERKOERS_RETENTION_DAYS moet tussen 1"),
    ("LEERKOERS_MODE", "productie", "LEERKOERS_MODE moet 'development' of 'production' zijn"),
])
def test_a_wrong_value_names_the_variable(monkeypatch, name, value, message):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=message):
        get_settings()


def test_the_command_line_refuses_a_wrong_setting_before_it_starts_anything(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "LEERKOERS_VAR_DIR": str(tmp_path), "LEERKOERS_RASA_PORT": "abc"}
    result = subprocess.run([sys.executable, "-m", "ops.cli", "db", "upgrade"], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 2
    assert "Instelling klopt niet: LEERKOERS_RASA_PORT moet een geheel getal zijn, niet 'abc'" in result.stderr
    assert not (tmp_path / "leerkoers.db").exists()


def test_production_refuses_placeholder_or_short_secrets_and_cors_star(monkeypatch, capsys):
    """Issue 29, item 7: production started with LEERKOERS_LINK_SECRET=CHANGE-ME and with CORS '*'."""
    from bot.production import production_problems
    from ops import cli

    monkeypatch.setenv("LEERKOERS_MODE", "production")
    monkeypatch.setenv("LEERKOERS_LINK_SECRET", "CHANGE-ME")
    monkeypatch.setenv("LEERKOERS_ACTION_SECRET", "kort")
    monkeypatch.setenv("LEERKOERS_JWT_SECRET", "z" * 40)
    monkeypatch.delenv("LEERKOERS_CORS_ORIGINS", raising=False)
    problems = production_problems(get_settings())
    assert [p.split()[0] for p in problems] == ["LEERKOERS_ACTION_SECRET", "LEERKOERS_LINK_SECRET",
                                                "LEERKOERS_CORS_ORIGINS"]
    assert cli.main(["run-prod"]) == 2 and "Leerkoers start niet" in capsys.readouterr().err
    assert cli.main(["serve", "actions"]) == 2
    monkeypatch.setenv("LEERKOERS_LINK_SECRET", "x" * 40)
    monkeypatch.setenv("LEERKOERS_ACTION_SECRET", "y" * 40)
    monkeypatch.setenv("LEERKOERS_CORS_ORIGINS", "https://intranet.gemeente.nl")
    assert production_problems(get_settings()) == []
