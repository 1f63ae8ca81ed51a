"""Issue 43, L4: after a person's deletion her name and "Leerdoel 1 van <naam>" stayed in her managers'
conversation histories. Deletion now replaces her name in everyone else's conversation, in the real tracker store
(SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.identity import Identity
from bot.services import interviews as service
from bot.services import privacy
from rasa_addons.tracker_store import ThreadedSQLTrackerStore
from tests.postgres import POSTGRES_URL, fresh_postgres, require_postgres

ELINE = Identity("eline", "Eline Vlaskamp-Öztürk", "employee", "Gemeente Zeist", organisation_id="gm0355",
                 manager_id="mark")


def _store(kind: str, tmp_path, monkeypatch) -> ThreadedSQLTrackerStore:
    domain = Domain.load("domain")
    if kind == "sqlite":
        path = str(tmp_path / "tracker.db")
        monkeypatch.setenv("LEERKOERS_TRACKER_DB", path)
        return ThreadedSQLTrackerStore(domain, dialect="sqlite", db=path)
    require_postgres()
    url = fresh_postgres(POSTGRES_URL)
    monkeypatch.setenv("LEERKOERS_TRACKER_DB", url)
    user_host, database = url.split("://", 1)[1].rsplit("/", 1)
    user, host = user_host.split("@")
    host, _, port = host.partition(":")
    return ThreadedSQLTrackerStore(domain, dialect="postgresql", host=host, port=int(port or 5432), db=database,
                                   username=user)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_her_name_leaves_her_managers_conversation_when_she_is_deleted(kind, db_url, tmp_path, monkeypatch):
    store = _store(kind, tmp_path, monkeypatch)
    service.sync_identity(ELINE)
    tracker = DialogueStateTracker("mark", store.domain.slots)
    tracker.update_with_events([
        ActionExecuted("action_listen"), UserUttered("eline vlaskamp-öztürk"),
        BotUttered("Leerdoel 1 van Eline Vlaskamp-Öztürk (vakgebied). Wat hebben jullie afgesproken?",
                   data={"buttons": [{"title": "Eline Vlaskamp-Öztürk", "payload": "Eline Vlaskamp-Öztürk"}]}),
        BotUttered("Leerdoel 1 is opgeslagen."),
        ActionExecuted("action_listen"),
    ], store.domain)
    asyncio.run(store.save(tracker))
    other = DialogueStateTracker("piet", store.domain.slots)
    other.update_with_events([UserUttered("Ik werk met Mark samen"), BotUttered("Dat is fijn.")], store.domain)
    asyncio.run(store.save(other))

    privacy.delete_person("eline")

    events = asyncio.run(store.retrieve("mark")).events
    said = " ".join(str(e.as_dict()) for e in events).lower()
    assert "vlaskamp" not in said and "öztürk" not in said and "\\u00f6zt" not in said
    texts = [e.text for e in events if isinstance(e, (BotUttered, UserUttered))]
    assert texts[1] == "Leerdoel 1 van (verwijderd) (vakgebied). Wat hebben jullie afgesproken?"
    assert texts[2] == "Leerdoel 1 is opgeslagen."  # the rest of his conversation stays
    assert [e.text for e in asyncio.run(store.retrieve("piet")).events if isinstance(e, UserUttered)] == \
        ["Ik werk met Mark samen"]
    store.engine.dispose()


def test_her_name_leaves_what_her_manager_answered(db_url, today):
    """Found over `make run`: after her deletion the manager's answer log still held 'Eva de Vries' as the person
    he chose for the POP-gesprek."""
    from bot.storage.db import session_scope
    from bot.storage.models import AnswerLog
    from tests.integration.cycle_helpers import pop_with_two_goals, record_agreements

    pop_with_two_goals(today)
    record_agreements(today)
    privacy.delete_person("eva")
    with session_scope() as s:
        logged = [(a.text, a.value) for a in s.query(AnswerLog).filter_by(person_id="mark")]
    assert logged and not any("Eva de Vries" in f"{text} {value}" for text, value in logged)
    assert ("eva", "(verwijderd)") in logged  # he typed "eva"; the name he chose is gone
