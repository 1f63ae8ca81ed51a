"""rasa_addons/tracker_store.py: Rasa's SQL tracker store, off the event loop, as configured in endpoints.yml."""

from __future__ import annotations

import asyncio
import json
import sqlite3

from rasa.core.tracker_store import create_tracker_store
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

from rasa_addons.tracker_store import ThreadedSQLTrackerStore


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

    from bot.storage import db

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

    from rasa_addons.logformat import JsonFormatter

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


def _events(store: ThreadedSQLTrackerStore, sender: str) -> list[str]:
    """What the database holds for a sender, in order (not what a store remembers)."""
    from sqlalchemy import text

    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender}).all()
    return [row.data for row in rows]


def _texts(tracker: DialogueStateTracker | None) -> list[str]:
    return [e.text for e in tracker.events if isinstance(e, UserUttered)] if tracker else []


def test_two_servers_on_one_database_see_each_others_turns_and_store_nothing_twice(tmp_path):
    """The remembered rows of one server must not hide or repeat what another server wrote (fail-over)."""
    domain = Domain.load("domain")
    db_file = str(tmp_path / "t.db")
    a = ThreadedSQLTrackerStore(domain, dialect="sqlite", db=db_file)
    b = ThreadedSQLTrackerStore(domain, dialect="sqlite", db=db_file)

    tracker = DialogueStateTracker("eva", domain.slots)
    tracker.update(UserUttered("een"))
    asyncio.run(a.save(tracker))
    assert _texts(asyncio.run(a.retrieve("eva"))) == ["een"]  # a remembers the conversation now

    on_b = asyncio.run(b.retrieve("eva"))
    on_b.update(UserUttered("twee"))
    asyncio.run(b.save(on_b))  # server a is away for a moment; b answers

    on_a = asyncio.run(a.retrieve("eva"))
    assert _texts(on_a) == ["een", "twee"]
    on_a.update(UserUttered("drie"))
    asyncio.run(a.save(on_a))
    stored = [json.loads(d).get("text") for d in _events(a, "eva")]
    assert stored == ["een", "twee", "drie"]
    assert _texts(asyncio.run(b.retrieve("eva"))) == ["een", "twee", "drie"]


def test_deleted_conversations_are_not_served_from_memory(tmp_path):
    """Deletion on request and the retention period reach conversations a server remembers."""
    import time

    from bot.services import privacy

    domain = Domain.load("domain")
    db_file = tmp_path / "t.db"
    store = ThreadedSQLTrackerStore(domain, dialect="sqlite", db=str(db_file))
    tracker = DialogueStateTracker("eva", domain.slots)
    tracker.update(UserUttered("mijn geheime wens", timestamp=time.time() - 400 * 86400))
    tracker.update(UserUttered("iets van vandaag"))
    asyncio.run(store.save(tracker))
    assert _texts(asyncio.run(store.retrieve("eva"))) == ["mijn geheime wens", "iets van vandaag"]

    assert privacy.purge_old_conversations(f"sqlite:///{db_file}", 365) == 1
    assert _texts(asyncio.run(store.retrieve("eva"))) == ["iets van vandaag"]

    assert privacy.purge_conversation(f"sqlite:///{db_file}", "eva") == 1
    assert asyncio.run(store.retrieve("eva")) is None
    fresh = DialogueStateTracker("eva", domain.slots)
    fresh.update(UserUttered("opnieuw begonnen"))
    asyncio.run(store.save(fresh))
    assert [json.loads(d)["text"] for d in _events(store, "eva")] == ["opnieuw begonnen"]


def test_a_new_session_is_retrieved_alone_and_the_full_history_on_request(tmp_path):
    from rasa.shared.core.events import SessionStarted

    domain = Domain.load("domain")
    store = ThreadedSQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "t.db"))
    tracker = DialogueStateTracker("eva", domain.slots)
    tracker.update(UserUttered("vorige week", timestamp=1000.0))
    asyncio.run(store.save(tracker))
    asyncio.run(store.retrieve("eva"))
    tracker = DialogueStateTracker("eva", domain.slots)  # Rasa starts a new session with a tracker of its own
    tracker.update(UserUttered("vorige week", timestamp=1000.0))
    tracker.update(SessionStarted(timestamp=2000.0))
    tracker.update(UserUttered("vandaag", timestamp=2001.0))
    asyncio.run(store.save(tracker))
    # only what the tracker did not hold yet was added (as Rasa counts: the events of the latest session)
    latest = asyncio.run(store.retrieve("eva"))
    assert _texts(latest) == ["vandaag"]
    assert _texts(asyncio.run(store.retrieve_full_tracker("eva"))) == ["vorige week", "vandaag"]
    latest.update(UserUttered("nog iets"))
    asyncio.run(store.save(latest))
    assert [json.loads(d).get("text") for d in _events(store, "eva")] == ["vorige week", None, "vandaag", "nog iets"]


def test_memory_is_bounded(tmp_path, monkeypatch):
    from rasa_addons import tracker_store

    monkeypatch.setattr(tracker_store, "CACHE_SIZE", 3)
    domain = Domain.load("domain")
    store = ThreadedSQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "t.db"))
    for i in range(6):
        tracker = DialogueStateTracker(f"p{i}", domain.slots)
        tracker.update(UserUttered(f"bericht {i}"))
        asyncio.run(store.save(tracker))
    assert list(store._rows_cache) == ["p3", "p4", "p5"]
    assert _texts(asyncio.run(store.retrieve("p0"))) == ["bericht 0"]  # forgotten by memory, not by the database
