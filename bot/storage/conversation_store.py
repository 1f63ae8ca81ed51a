"""The conversation store (Rasa's SQL tracker store, table ``events``), one of the stores deletion and retention must
reach: deleting a person's conversation, the retention period, old copies of POP texts, and the messages the bot
did not understand. Plain SQL on that table, without importing Rasa, so the core never imports ``rasa_addons``;
the callers (bot/services/privacy.py, bot/services/unclear.py) never see the table, its columns or the names of
the responses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import bindparam, create_engine, text
from sqlalchemy.engine import Connection


def tracker_url(tracker_db: str) -> str:
    return tracker_db if "://" in tracker_db else f"sqlite:///{tracker_db}"


@contextmanager
def events_table(tracker_db: str) -> Iterator[Connection | None]:
    """A transaction on Rasa's SQL tracker store (table 'events'); None when there is no such table yet.

    ``tracker_db`` is a database URL (SQLite or PostgreSQL, see ``Settings.tracker_url``) or a SQLite path.
    A SQLite file that does not exist is not created.
    """
    url = tracker_url(tracker_db)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        yield None
        return
    engine = create_engine(url, future=True, hide_parameters=True)
    try:
        with engine.begin() as conn:
            yield conn if engine.dialect.has_table(conn, "events") else None
    finally:
        engine.dispose()


def _delete_events(tracker_db: str, where: str, params: dict) -> int:
    with events_table(tracker_db) as conn:
        return 0 if conn is None else conn.execute(text(f"DELETE FROM events WHERE {where}"), params).rowcount


def delete_conversation(tracker_db: str, sender_id: str) -> int:
    """Delete one conversation."""
    return _delete_events(tracker_db, "sender_id = :s", {"s": sender_id})


def delete_before(tracker_db: str, timestamp: float) -> int:
    """Delete the events older than ``timestamp`` (seconds since the epoch)."""
    return _delete_events(tracker_db, "timestamp < :t", {"t": timestamp})


COPIED_POP_RESPONSE = "gedeelde_pop"  # response names as the core speaks them; Rasa's events add "utter_"


def _response(event: dict) -> str | None:
    """The name of the response a bot event came from ("fallback"), without Rasa's prefix."""
    name = (event.get("metadata") or {}).get("utter_action")
    return name.split("_", 1)[1] if isinstance(name, str) and "_" in name else None


def delete_copied_pop_texts(tracker_db: str) -> int:
    """Remove the POP texts that older versions copied into managers' conversations.

    Before 28 November 2026 a shared POP was sent to the manager as a bot message ("POP van Eva:" and the
    whole text), so it stayed in the manager's history after "stop met delen" or deletion. Now the manager
    gets a short-lived link; the old messages are removed here (idempotent, at every start and retention run).
    """
    with events_table(tracker_db) as conn:
        if conn is None:
            return 0
        rows = conn.execute(text("SELECT id, data FROM events WHERE type_name = 'bot' AND (data LIKE :p "
                                 "OR data LIKE :q)"), {"p": f"%_{COPIED_POP_RESPONSE}%", "q": "%Leerdoel %"}).all()
        stale = [row.id for row in rows if _is_copied_pop(row.data)]
        for start in range(0, len(stale), 500):
            conn.execute(text("DELETE FROM events WHERE id IN :ids").bindparams(bindparam("ids", expanding=True)),
                         {"ids": stale[start:start + 500]})
        return len(stale)


def _is_copied_pop(data: str) -> bool:
    try:
        event = json.loads(data)
    except ValueError:
        return False
    message = event.get("text") or ""
    response = _response(event)
    if response == COPIED_POP_RESPONSE:
        return message.startswith("POP van ") and "/bestand/" not in message
    # Before 4 December 2026 the POP-gesprek quoted the employee's learning goals in the manager's conversation:
    # "Leerdoel 1 van Eva: '…'" and summary lines "- Leerdoel 1: <goal> — <agreement>" (issue 29, item 4).
    if response == "vraag_afspraak_besluit":
        return re.match(r"Leerdoel \d+ van .+?: '", message) is not None
    return ("- Medewerker: " in message and response in ("samenvatting_popgesprek", "antwoorden_tot_nu")
            and re.search(r"^- Leerdoel \d+: .+( — | \(nog niet klaar\)$)", message, re.M) is not None)


MIN_NAME_LENGTH = 4  # a shorter name would replace parts of ordinary words


def redact_name(tracker_db: str, name: str, stand_in: str, owner_id: str) -> int:
    """Replace a deleted person's name in everyone else's conversations ("Leerdoel 1 van Eva de Vries", a button
    with her name, a manager who typed it, in any case) by ``stand_in``; returns how many events changed. Her own
    conversation is deleted whole (delete_conversation)."""
    name = " ".join((name or "").split())
    if len(name) < MIN_NAME_LENGTH:
        return 0
    # the events are JSON, with non-ASCII letters escaped or not: look for each way the name can be written
    likes = {"%" + json.dumps(form, ensure_ascii=ascii)[1:-1].lower().replace("\\", "\\\\").replace("%", "\\%")
             .replace("_", "\\_") + "%" for form in (name, name.lower(), name.upper()) for ascii in (True, False)}
    pattern = re.compile(r"\s+".join(re.escape(word) for word in name.split()), re.IGNORECASE)
    changed = 0
    with events_table(tracker_db) as conn:
        if conn is None:
            return 0
        found = " OR ".join(f"lower(data) LIKE :p{i} ESCAPE '\\'" for i in range(len(likes)))
        senders = [r[0] for r in conn.execute(
            text(f"SELECT DISTINCT sender_id FROM events WHERE sender_id <> :s AND ({found})"),
            {"s": owner_id, **{f"p{i}": like for i, like in enumerate(sorted(likes))}})]
        for sender in senders:
            changed += _rewrite(conn, sender, pattern, stand_in)
    return changed


def _rewrite(conn: Connection, sender: str, pattern: re.Pattern, stand_in: str) -> int:
    """Write one conversation again, in its order, with the name replaced. Its rows get new ids, so a Rasa server
    that keeps the conversation in memory (rasa_addons/tracker_store.py) sees that it changed and reads it again."""
    columns = "sender_id, type_name, timestamp, intent_name, action_name, data"
    rows = conn.execute(text(f"SELECT {columns} FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender}).all()
    changed = 0
    new_rows = []
    for row in rows:
        values = row._asdict()
        try:
            event = json.loads(row.data)
        except (TypeError, ValueError):
            event = None
        if event is not None and pattern.search(json.dumps(event, ensure_ascii=False)):
            values["data"] = json.dumps(_replaced(event, pattern, stand_in))
            changed += 1
        new_rows.append(values)
    conn.execute(text("DELETE FROM events WHERE sender_id = :s"), {"s": sender})
    if new_rows:
        conn.execute(text(f"INSERT INTO events ({columns}) VALUES (:sender_id, :type_name, :timestamp, :intent_name, "
                          ":action_name, :data)"), new_rows)
    return changed


def _replaced(value, pattern: re.Pattern, stand_in: str):
    if isinstance(value, str):
        return pattern.sub(lambda _m: stand_in, value)
    if isinstance(value, list):
        return [_replaced(v, pattern, stand_in) for v in value]
    if isinstance(value, dict):
        return {k: _replaced(v, pattern, stand_in) for k, v in value.items()}
    return value


# The bot's answers that say it did not understand, or that ask what the person meant.
UNCLEAR_RESPONSES = {"fallback", "fallback_medewerker", "bedoel_je", "bedoel_je_twee", "antwoord_of_verzoek", "default",
                     "vraag_onbekend"}


def unclear_messages(tracker_db: str, since: float) -> list[str]:
    """What people typed since ``since`` that the bot answered with 'niet begrepen' or 'bedoel je ...?', oldest
    first, without who typed it."""
    with events_table(tracker_db) as conn:
        if conn is None:
            return []
        rows = conn.execute(text("SELECT sender_id, type_name, data FROM events WHERE timestamp >= :t "
                                 "AND type_name IN ('user', 'bot') ORDER BY sender_id, id"), {"t": since}).all()
    found: list[str] = []
    last: dict[str, str | None] = {}
    for sender, kind, data in rows:
        try:
            event = json.loads(data or "{}")
        except ValueError:
            continue
        if kind == "user":
            typed = (event.get("text") or "").strip()
            last[sender] = None if not typed or typed.startswith("/") else typed
        elif last.get(sender) and _response(event) in UNCLEAR_RESPONSES:
            found.append(last[sender])
            last[sender] = None  # one entry per message, however many replies it got
    return found
