"""Talking to the real Rasa and action servers over REST, without tokens: their settings in a temporary folder, a
message, the texts of the replies. The ``servers`` fixture (tests/e2e/conftest.py) starts them."""

from __future__ import annotations

import requests

from bot.settings import get_settings
from bot.storage import db
from ops import processes


def server_settings(tmp, monkeypatch):
    monkeypatch.setenv("LEERKOERS_VAR_DIR", str(tmp))
    monkeypatch.setenv("LEERKOERS_DATABASE_URL", f"sqlite:///{tmp / 'leerkoers.db'}")
    monkeypatch.setenv("LEERKOERS_TRACKER_DB", str(tmp / "tracker.db"))
    monkeypatch.setenv("LEERKOERS_RASA_PORT", str(processes.free_port()))
    monkeypatch.setenv("LEERKOERS_ACTION_PORT", str(processes.free_port()))
    monkeypatch.delenv("LEERKOERS_ACTION_URL", raising=False)
    settings = get_settings()
    db.upgrade(settings.database_url)
    return settings


def say(srv, sender, text):
    response = requests.post(srv.webhook, json={"sender": sender, "message": text}, timeout=60)
    assert response.status_code == 200
    return response.json()


def texts(replies):
    return [r.get("text", "") for r in replies]
