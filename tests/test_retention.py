"""Retention and deletion reach every store (issue 14, findings 3 and 5)."""

from __future__ import annotations

import os
import time

from sqlalchemy import create_engine, text

from bot import cli, privacy
from bot.settings import get_settings
from tests.conftest import POSTGRES_URL, _fresh_postgres, require_postgres


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
    url = _fresh_postgres(POSTGRES_URL)
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
        conn.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, timestamp FLOAT, data TEXT)"))
        conn.execute(text("INSERT INTO events (sender_id, timestamp, data) VALUES ('oud', :t, '{}')"),
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
