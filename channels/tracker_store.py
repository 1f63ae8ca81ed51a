"""Rasa's SQL tracker store with its database work moved off the event loop.

Rasa 3.6's `SQLTrackerStore` runs its queries and commits directly inside `async` methods, so every read and
every write of a conversation blocks the Rasa server for all other conversations until the database answers.
This subclass does the same work, with the same tables and queries, in a worker thread. With SQLite (the
embedded default) the file is also put in WAL mode, so reading one conversation does not wait for writing
another, and a few connections are kept open instead of one new connection per query. Configured in endpoints.yml and endpoints.prod.yml as
`type: channels.tracker_store.ThreadedSQLTrackerStore`.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY


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

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool
                        ) -> DialogueStateTracker | None:
        return await asyncio.to_thread(self._retrieve_blocking, sender_id, fetch_events_from_all_sessions)

    def _retrieve_blocking(self, sender_id: str, fetch_events_from_all_sessions: bool
                           ) -> DialogueStateTracker | None:
        with self.session_scope() as session:
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions).all()
            events = [json.loads(row.data) for row in rows]
        if self.domain and events:
            return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        return None

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        await asyncio.to_thread(self._save_blocking, tracker)

    def _save_blocking(self, tracker: DialogueStateTracker) -> None:
        with self.session_scope() as session:
            for event in self._additional_events(session, tracker):
                data = event.as_dict()
                session.add(self.SQLEvent(
                    sender_id=tracker.sender_id, type_name=event.type_name, timestamp=data.get("timestamp"),
                    intent_name=data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                    action_name=data.get("name"), data=json.dumps(data)))
            session.commit()
