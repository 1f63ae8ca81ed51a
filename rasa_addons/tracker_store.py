"""Rasa's SQL tracker store with its database work moved off the event loop.

Rasa 3.6's `SQLTrackerStore` runs its queries and commits directly inside `async` methods, so every read and
every write of a conversation blocks the Rasa server for all other conversations until the database answers.
This subclass does the same work, with the same tables and queries, in a worker thread. With SQLite (the
embedded default) the file is also put in WAL mode, so reading one conversation does not wait for writing
another, and a few connections are kept open instead of one new connection per query.

Rasa reads every event of a conversation from the database at every message and counts them again before every
save (about a third of the Rasa server's work in a POP interview of 170 events, measured with py-spy). This store
keeps the stored rows of recent conversations in memory and asks the database only for rows it has not seen,
plus their number and first id: when they do not match (another server wrote, or privacy code deleted rows),
the conversation is read again in full. The database stays the truth; the memory is bounded (`CACHE_SIZE`).

Configured in endpoints.yml and endpoints.prod.yml as `type: rasa_addons.tracker_store.ThreadedSQLTrackerStore`.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import threading
from collections import OrderedDict
from typing import Any, NamedTuple

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SessionStarted, deserialise_events
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy import func, select

CACHE_SIZE = 500  # conversations kept in memory, least recently used first out


class Row(NamedTuple):
    id: int
    timestamp: float | None
    type_name: str
    data: str
    events: list[Event]  # the row as Rasa's event (none when Rasa cannot read it), made once per process


def _row(id: int, timestamp: float | None, type_name: str, data: str) -> Row:
    # Rebuilding events from JSON at every message was a tenth of the Rasa server's work (py-spy). Rasa does not
    # change an event once it is in a tracker (it copies one before changing it), so one object serves each turn.
    return Row(id, timestamp, type_name, data, deserialise_events([json.loads(data)]))


def since_last_session(rows: list[Row]) -> list[Row]:
    """The rows of the latest conversation session, as Rasa's `SQLTrackerStore._event_query` selects them."""
    starts = [row.timestamp for row in rows if row.type_name == SessionStarted.type_name and row.timestamp is not None]
    if not starts:
        return rows
    start = max(starts)
    return [row for row in rows if row.timestamp is not None and row.timestamp >= start]


def _sqlite_wal(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe in WAL mode; the answers themselves are in our own DB
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _private_file(path: str) -> None:
    """Conversations are personal: the SQLite file is readable by its owner only."""
    import os
    from pathlib import Path

    file = Path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.touch(exist_ok=True)
    os.chmod(file, 0o600)


class ThreadedSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from sqlalchemy import create_engine, event
        from sqlalchemy.orm import sessionmaker
        from sqlalchemy.pool import QueuePool

        super().__init__(*args, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        # hide_parameters: an error never writes what people typed (or their name) into the logs.
        if url.get_backend_name() == "sqlite":
            # Rasa's engine opens a new connection for every read and write (SQLAlchemy 1.4's NullPool for
            # SQLite files), each running the pragmas again: the same database with a few connections kept open.
            self.engine = create_engine(url, poolclass=QueuePool, pool_size=5, max_overflow=10, hide_parameters=True,
                                        connect_args={"check_same_thread": False, "timeout": 30})
            event.listen(self.engine, "connect", _sqlite_wal)
            if url.database:
                _private_file(url.database)
        else:
            self.engine = create_engine(url, hide_parameters=True, pool_pre_ping=True)
        self.sessionmaker = sessionmaker(bind=self.engine)
        self._rows_cache: OrderedDict[str, list[Row]] = OrderedDict()
        self._cache_lock = threading.Lock()
        # SQLite: one writer at a time; threads queue here instead of in SQLite's sleeping retry (bot/storage/db.py)
        self._writer = threading.Lock() if url.get_backend_name() == "sqlite" else contextlib.nullcontext()

    def _stored_rows(self, session: Any, sender_id: str) -> list[Row]:
        """All stored rows of a conversation: the remembered ones plus those written since, checked by count."""
        with self._cache_lock:
            known = self._rows_cache.get(sender_id, [])
        table = self.SQLEvent
        columns = (table.id, table.timestamp, table.type_name, table.data)
        last = known[-1].id if known else 0
        new = [_row(*r) for r in session.execute(select(*columns).where(table.sender_id == sender_id, table.id > last)
                                                  .order_by(table.id)).all()]
        if known:
            count, first = session.execute(select(func.count(table.id), func.min(table.id))
                                           .where(table.sender_id == sender_id)).one()
            if count != len(known) + len(new) or first != known[0].id:
                known = []
                new = [_row(*r) for r in session.execute(select(*columns).where(table.sender_id == sender_id)
                                                          .order_by(table.id)).all()]
        rows = known + new if new else known
        self._remember(sender_id, rows)
        return rows

    def _remember(self, sender_id: str, rows: list[Row]) -> None:
        with self._cache_lock:
            if not rows:
                self._rows_cache.pop(sender_id, None)
                return
            self._rows_cache[sender_id] = rows
            self._rows_cache.move_to_end(sender_id)
            while len(self._rows_cache) > CACHE_SIZE:
                self._rows_cache.popitem(last=False)

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool
                        ) -> DialogueStateTracker | None:
        return await asyncio.to_thread(self._retrieve_blocking, sender_id, fetch_events_from_all_sessions)

    def _retrieve_blocking(self, sender_id: str, fetch_events_from_all_sessions: bool
                           ) -> DialogueStateTracker | None:
        with self.session_scope() as session:
            rows = self._stored_rows(session, sender_id)
        if not fetch_events_from_all_sessions:
            rows = since_last_session(rows)
        events = [event for row in rows for event in row.events]
        if self.domain and events:
            return DialogueStateTracker.from_events(sender_id, events, self.domain.slots)
        return None

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        await asyncio.to_thread(self._save_blocking, tracker)

    def _save_blocking(self, tracker: DialogueStateTracker) -> None:
        with self._writer, self.session_scope() as session:
            rows = self._stored_rows(session, tracker.sender_id)
            stored = len(since_last_session(rows))  # as Rasa's `_additional_events`: the tracker holds one session
            added = []
            for event in itertools.islice(tracker.events, stored, None):
                data = event.as_dict()
                added.append(self.SQLEvent(
                    sender_id=tracker.sender_id, type_name=event.type_name, timestamp=data.get("timestamp"),
                    intent_name=data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                    action_name=data.get("name"), data=json.dumps(data)))
            if not added:
                return
            session.add_all(added)
            session.flush()  # gives the new rows their ids
            new = [_row(e.id, e.timestamp, e.type_name, e.data) for e in added]
            session.commit()
        self._remember(tracker.sender_id, rows + new)
