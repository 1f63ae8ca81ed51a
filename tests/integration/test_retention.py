"""Retention and deletion reach every store (issue 14, findings 3 and 5)."""

from __future__ import annotations

import asyncio
import os
import time

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, text

from bot.services import privacy
from bot.settings import get_settings
from ops import cli
from rasa_addons.tracker_store import ThreadedSQLTrackerStore
from tests.postgres import POSTGRES_URL, fresh_postgres, require_postgres


def _events_table(url: str) -> None:
    engine = create_engine(url, future=True)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE events (id SERIAL PRIMARY KEY, sender_id VARCHAR(255), type_name VARCHAR(255),"
                          " timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)"))
        now = time.time()
        for sender, age_days in (("oud", 400), ("nieuw", 1)):
            conn.execute(text("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, 'user', :t, '{}')"),
                         {"s": sender, "t": now - age_days * 86400})
    engine.dispose()


def test_retention_in_production_purges_the_postgresql_tracker_and_creates_no_sqlite_file(tmp_path, monkeypatch):
    require_postgres()
    url = fresh_postgres(POSTGRES_URL)
    _events_table(url)
    user_host, database = url.split("://", 1)[1].rsplit("/", 1)
    user, host = user_host.split("@")
    monkeypatch.setenv("LEERKOERS_MODE", "production")
    monkeypatch.setenv("LEERKOERS_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("LEERKOERS_TRACKER_PG_USER", user)
    monkeypatch.setenv("LEERKOERS_TRACKER_PG_HOST", host.split(":")[0])
    monkeypatch.setenv("LEERKOERS_TRACKER_PG_PORT", host.split(":")[1] if ":" in host else "5432")
    monkeypatch.setenv("LEERKOERS_TRACKER_PG_DB", database)
    monkeypatch.setenv("LEERKOERS_RETENTION_DAYS", "365")
    assert get_settings().tracker_url.startswith("postgresql://")
    assert cli.cmd_retention(None) == 0
    engine = create_engine(url, future=True)
    with engine.connect() as conn:
        assert [r[0] for r in conn.execute(text("SELECT sender_id FROM events"))] == ["nieuw"]
    engine.dispose()
    assert not (tmp_path / "tracker.db").exists()


def test_retention_on_sqlite_and_old_export_files(tmp_path, monkeypatch):
    monkeypatch.delenv("LEERKOERS_MODE", raising=False)
    monkeypatch.setenv("LEERKOERS_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("LEERKOERS_TRACKER_DB", str(tmp_path / "tracker.db"))
    _events_table_sqlite = str(tmp_path / "tracker.db")
    engine = create_engine(f"sqlite:///{_events_table_sqlite}", future=True)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, "
                          "timestamp FLOAT, data TEXT)"))
        conn.execute(text("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES ('oud', 'user', :t, '{}')"),
                     {"t": time.time() - 400 * 86400})
    engine.dispose()
    exports = tmp_path / "exports"
    exports.mkdir()
    old, fresh = exports / "POP-eva.pdf", exports / "POP-piet.pdf"
    old.write_bytes(b"x")
    fresh.write_bytes(b"y")
    os.utime(old, (time.time() - 3 * 86400, time.time() - 3 * 86400))
    cli.cmd_retention(None)
    assert not old.exists() and fresh.exists()
    assert privacy.purge_old_conversations(get_settings().tracker_url, 365) == 0


def test_deleting_a_person_removes_their_export_files(db_url, tmp_path):
    exports = get_settings().exports_dir
    exports.mkdir(parents=True, exist_ok=True)
    (exports / "POP-eva.pdf").write_bytes(b"x")
    (exports / "POP-piet.pdf").write_bytes(b"y")
    privacy.delete_person("eva")
    assert not (exports / "POP-eva.pdf").exists() and (exports / "POP-piet.pdf").exists()


def _store(kind: str, tmp_path) -> tuple[ThreadedSQLTrackerStore, str]:
    domain = Domain.load("domain")
    if kind == "sqlite":
        path = str(tmp_path / "tracker.db")
        return ThreadedSQLTrackerStore(domain, dialect="sqlite", db=path), path
    require_postgres()
    url = fresh_postgres(POSTGRES_URL)
    user_host, database = url.split("://", 1)[1].rsplit("/", 1)
    user, host = user_host.split("@")
    host, _, port = host.partition(":")
    return ThreadedSQLTrackerStore(domain, dialect="postgresql", host=host, port=int(port or 5432),
                                   db=database, username=user), url


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_pop_texts_copied_into_managers_conversations_by_older_versions_are_removed(kind, tmp_path):
    """Finding 5: before the consent change a shared POP was sent into the manager's history as text."""
    store, url = _store(kind, tmp_path)
    tracker = DialogueStateTracker("mark", store.domain.slots)
    tracker.update_with_events([
        ActionExecuted("action_listen"), UserUttered("welke pops zijn met mij gedeeld?"),
        ActionExecuted("action_gedeelde_pops"),
        BotUttered("POP van Eva:\nFunctie: jurist\nLeerdoel: Engels voor juristen",
                   metadata={"utter_action": "utter_gedeelde_pop"}),
        BotUttered("POP van Eva: http://127.0.0.1/bestand/abc (een kwartier geldig)",
                   metadata={"utter_action": "utter_gedeelde_pop"}),
        BotUttered("POP van de maand: dat ken ik niet.", metadata={"utter_action": "utter_niet_begrepen"}),
        ActionExecuted("action_listen"),
    ], store.domain)
    asyncio.run(store.save(tracker))

    assert privacy.purge_copied_pop_texts(url) == 1
    assert privacy.purge_copied_pop_texts(url) == 0  # idempotent: safe at every start
    kept = [e.text for e in asyncio.run(store.retrieve("mark")).events if isinstance(e, BotUttered)]
    assert kept == ["POP van Eva: http://127.0.0.1/bestand/abc (een kwartier geldig)", "POP van de maand: dat ken ik niet."]
    assert not any("jurist" in (t or "") for t in kept)
    store.engine.dispose()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_learning_goals_quoted_in_a_managers_pop_gesprek_by_older_versions_are_removed(kind, tmp_path):
    """Issue 29, item 4: 'Leerdoel 1 van Eline Vier: '…'' stayed in the manager's history after she deleted her
    data; the POP-gesprek now names goals by number and kind, and the old quotes are purged."""
    store, url = _store(kind, tmp_path)
    tracker = DialogueStateTracker("mark", store.domain.slots)
    tracker.update_with_events([
        ActionExecuted("action_listen"), UserUttered("Eline Vier"), ActionExecuted("validate_interview_form"),
        BotUttered("Leerdoel 1 van Eline Vier: 'Herstellen na mijn burn-out'. Wat hebben jullie afgesproken?",
                   metadata={"utter_action": "utter_vraag_afspraak_besluit"}),
        BotUttered("Leerdoel 2 van Eline Vier (vakgebied). De tekst staat in de POP die Eline Vier met je deelde. "
                   "Wat hebben jullie afgesproken?", metadata={"utter_action": "utter_vraag_afspraak_besluit"}),
        BotUttered("Klaar.\n- Medewerker: Eline Vier\n- Leerdoel 1: Herstellen na mijn burn-out — Niet nu "
                   "(wacht op de medewerker)", metadata={"utter_action": "utter_samenvatting_popgesprek"}),
        BotUttered("Leerdoel 1 is opgeslagen.", metadata={"utter_action": "utter_leerdoel_opgeslagen"}),
        ActionExecuted("action_listen"),
    ], store.domain)
    asyncio.run(store.save(tracker))
    assert privacy.purge_copied_pop_texts(url) == 2
    kept = " ".join(e.text for e in asyncio.run(store.retrieve("mark")).events if isinstance(e, BotUttered))
    assert "burn-out" not in kept and "Leerdoel 2 van Eline Vier (vakgebied)" in kept and "is opgeslagen" in kept
    store.engine.dispose()
