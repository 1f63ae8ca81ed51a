"""Issue 40, item 2: few queries per turn. A whole policy, yearly plan and POP walked through the service layer,
counting every SQL statement the database receives (SQLAlchemy's before_cursor_execute), on SQLite and PostgreSQL.

Before issue 40 one answer to a learning-goal question ran 94 statements, 72 of them the same query on the POP
table; the records of a turn are now found once (bot/interviews/context.py) and the person is locked and loaded in
one statement with the organisation, and a new interview state is written once, with what the turn set on it:
at most 12 statements per answer and 8 per first message, the issue's limits."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event

from bot.services import interviews as service
from bot.storage import db
from tests.helpers import JAARPLAN, POP, STRATEGIE

MAX_PER_ANSWER = 12
MAX_PER_START = 8
ANSWER = [("antwoord", 0.99)]


@contextmanager
def _counted(url: str):
    statements: list[str] = []

    def count(conn, cursor, statement, params, context, executemany):
        statements.append(statement)

    engine = db.get_engine(url)
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _walk(url: str, person: str, interview: str, script, today) -> dict[str, int]:
    worst: dict[str, int] = {}
    with _counted(url) as statements:
        service.start(person, interview, today)
        worst["start"] = len(statements)
        for key, text in script:
            statements.clear()
            service.turn(person, interview, text, ranking=ANSWER, today=today)
            worst[key] = max(worst.get(key, 0), len(statements))
    return worst


def test_every_answer_of_a_policy_a_yearly_plan_and_a_pop_runs_few_queries(db_url, today):
    counts = {}
    for person, interview, script in (("q-manager", "strategie", STRATEGIE), ("q-manager", "jaarplan", JAARPLAN),
                                      ("q-employee", "pop", POP)):
        counts.update({f"{interview}.{k}": n for k, n in _walk(db_url, person, interview, script, today).items()})
    starts = {k: n for k, n in counts.items() if k.endswith(".start")}
    answers = {k: n for k, n in counts.items() if not k.endswith(".start")}
    assert len(answers) > 30  # the walk really answered the three interviews
    assert {k: n for k, n in answers.items() if n > MAX_PER_ANSWER} == {}, counts
    assert {k: n for k, n in starts.items() if n > MAX_PER_START} == {}, counts
