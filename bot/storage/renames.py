"""When a question's key changes in its question file: the stored answers and open interviews follow.

A key is how an answer is logged (``answer_log.question``) and where someone is in an interview (the question
they saw, a question they asked to correct, a value waiting for "klopt dat?", the last correction). A migration
that goes with a renamed key calls :func:`rename_questions` with the old and new keys (docs/interviews.md), so
nobody halfway an interview is asked again or has an answer stored under a key the files no longer know.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from bot.storage.models import AnswerLog, InterviewState

_KEY_COLUMNS = ("asked_question", "pending_question")
_JSON_COLUMNS = ("proposal", "last_change")  # {"key": ..., ...}


def rename_questions(connection: Connection, renames: Mapping[str, str]) -> None:
    """Rename question keys (old -> new) wherever a key is stored; run it inside a migration's transaction."""
    log = AnswerLog.__table__
    states = InterviewState.__table__
    for old, new in renames.items():
        connection.execute(update(log).where(log.c.question == old).values(question=new))
        for name in _KEY_COLUMNS:
            column = states.c[name]
            connection.execute(update(states).where(column == old).values({name: new}))
    rows = connection.execute(select(states.c.id, *(states.c[n] for n in _JSON_COLUMNS))).all()
    for row in rows:
        changed = {}
        for name in _JSON_COLUMNS:
            value = getattr(row, name)
            if isinstance(value, dict) and value.get("key") in renames:
                changed[name] = {**value, "key": renames[value["key"]]}
        if changed:
            connection.execute(update(states).where(states.c.id == row.id).values(changed))
