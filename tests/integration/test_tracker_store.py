"""channels/tracker_store.py: Rasa's SQL tracker store, off the event loop, as configured in endpoints.yml."""

from __future__ import annotations

import asyncio
import sqlite3

from rasa.core.tracker_store import create_tracker_store
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

from channels.tracker_store import ThreadedSQLTrackerStore


def test_endpoints_use_the_threaded_store_and_conversations_survive_a_new_store(tmp_path, monkeypatch):
    monkeypatch.setenv("LEERKOERS_TRACKER_DB", str(tmp_path / "tracker.db"))
    monkeypatch.setenv("LEERKOERS_ACTION_URL", "http://127.0.0.1:1/webhook")
    monkeypatch.setenv("LEERKOERS_ACTION_SECRET", "test-geheim")
    domain = Domain.load("domain")
    config = read_endpoint_config("endpoints.yml", "tracker_store")
    store = create_tracker_store(config, domain)
    inner = getattr(store, "_tracker_store", store)
    assert isinstance(inner, ThreadedSQLTrackerStore)  # not Rasa's silent in-memory fallback

    tracker = DialogueStateTracker("p1", domain.slots)
    tracker.update_with_events([ActionExecuted("action_listen"), UserUttered("ik wil mijn POP"),
                                SlotSet("actief_interview", "pop")], domain)
    asyncio.run(store.save(tracker))
    tracker.update(SlotSet("interview_open", True))
    asyncio.run(store.save(tracker))  # only the new event is appended

    again = asyncio.run(create_tracker_store(config, domain).retrieve("p1"))
    assert again.get_slot("actief_interview") == "pop" and again.get_slot("interview_open") is True
    assert again.latest_message.text == "ik wil mijn POP"
    assert [e.as_dict()["event"] for e in again.events] == [e.as_dict()["event"] for e in tracker.events]
    assert asyncio.run(store.retrieve("iemand-anders")) is None
    mode = sqlite3.connect(tmp_path / "tracker.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_many_conversations_saved_at_once_keep_their_own_events(tmp_path):
    store = ThreadedSQLTrackerStore(Domain.load("domain"), dialect="sqlite", db=str(tmp_path / "t.db"))

    async def talk(i: int) -> None:
        tracker = DialogueStateTracker(f"p{i}", store.domain.slots)
        for n in range(5):
            tracker.update(UserUttered(f"bericht {n} van {i}"))
            await store.save(tracker)

    async def everyone() -> None:
        await asyncio.gather(*(talk(i) for i in range(20)))

    asyncio.run(everyone())
    for i in range(20):
        tracker = asyncio.run(store.retrieve(f"p{i}"))
        assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == \
            [f"bericht {n} van {i}" for n in range(5)]


def test_errors_hide_what_people_typed_and_the_file_is_private(tmp_path, monkeypatch):
    """Issue 14, findings 4 and 10: SQL parameters in logged errors; world-readable SQLite files."""
    import stat

    from sqlalchemy import text

    from bot import db

    monkeypatch.setenv("LEERKOERS_TRACKER_DB", str(tmp_path / "tracker.db"))
    monkeypatch.setenv("LEERKOERS_ACTION_URL", "http://127.0.0.1:1/webhook")
    monkeypatch.setenv("LEERKOERS_ACTION_SECRET", "test-geheim")
    store = create_tracker_store(read_endpoint_config("endpoints.yml", "tracker_store"), Domain.load("domain"))
    inner = getattr(store, "_tracker_store", store)
    assert inner.engine.hide_parameters
    try:
        with inner.engine.connect() as conn:
            conn.execute(text("INSERT INTO events (sender_id, data) VALUES (:s, :d, :x)"),
                         {"s": "eva", "d": "mijn geheime antwoord", "x": 1})
    except Exception as exc:  # noqa: BLE001 - any database error will do
        assert "geheime" not in str(exc) and "eva" not in str(exc)
    else:
        raise AssertionError("the statement should fail")
    assert stat.S_IMODE((tmp_path / "tracker.db").stat().st_mode) == 0o600
    url = f"sqlite:///{tmp_path / 'leerkoers.db'}"
    db.upgrade(url)
    assert stat.S_IMODE((tmp_path / "leerkoers.db").stat().st_mode) == 0o600
    db.dispose_all()


def test_production_logs_stay_one_json_object_per_line_with_errors():
    """Issue 14, finding 4: tracebacks broke the "one JSON object per line" logs."""
    import io
    import json
    import logging

    from channels.logformat import JsonFormatter

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    log = logging.getLogger("test.json")
    log.addHandler(handler)
    try:
        raise ValueError("mijn geheime antwoord")
    except ValueError:
        log.exception('opslaan mislukt "quote"\nnieuwe regel')
    log.removeHandler(handler)
    lines = stream.getvalue().strip().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["error"] == "ValueError" and record["trace"]
    assert "geheime" not in lines[0]
