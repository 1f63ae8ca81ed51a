"""Rasa's SQL tracker store with its database work moved off the event loop.

Rasa 3.6's `SQLTrackerStore` runs its queries and commits directly inside `async` methods, so every read and
every write of a conversation blocks the Rasa server for all other conversations until the database answers.
This subclass does the same work, with the same tables and queries, in a worker thread. With SQLite (the
embedded default) the file is also put in WAL mode, so reading one conversation does not wait for writing
another. Configured in endpoints.yml and endpoints.prod.yml as
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


class ThreadedSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from sqlalchemy import event

        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_wal)
            self.engine.dispose()  # connections opened while creating the tables get the pragmas too

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
