"""Two messages of one person at the same moment, on two servers (threads here), reach the answers database.

Whatever the proxy does, the database decides: a turn locks the person's row (PostgreSQL `SELECT ... FOR
UPDATE`; SQLite has one writer), so the second message reads the state the first one left behind.
"""

from __future__ import annotations

import threading

from sqlalchemy import select

from bot.services import interviews as service
from bot.storage.db import session_scope
from bot.storage.models import AnswerLog, Pop


def test_simultaneous_answers_of_one_person_are_each_stored_once(db_url, today):
    people = [f"p{i}" for i in range(12)]
    for person in people:
        service.start(person, "pop", today)
        assert service.turn(person, "pop", "Gemeente Zeist", ranking=[("antwoord", 0.9)], today=today).accepted
    turns: dict[tuple[str, str], service.Turn] = {}
    errors: list[BaseException] = []

    def send(person: str, text: str, barrier: threading.Barrier) -> None:
        try:
            barrier.wait()
            turns[(person, text)] = service.turn(person, "pop", text, ranking=[("antwoord", 0.9)], today=today)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = []
    for person in people:
        barrier = threading.Barrier(2)
        threads += [threading.Thread(target=send, args=(person, text, barrier)) for text in ("Jurist", "Team Bravo")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not [t for t in threads if t.is_alive()], "a turn hangs"  # a hang fails, it does not pass
    assert errors == [] and len(turns) == len(threads)
    with session_scope() as s:
        for person in people:
            rows = s.execute(select(AnswerLog.question, AnswerLog.text).where(AnswerLog.person_id == person)).all()
            questions = [q for q, _ in rows]
            assert len(questions) == len(set(questions)), rows  # no question answered twice: nothing overwritten
            for text in ("Jurist", "Team Bravo"):
                stored = [q for q, t in rows if t == text]
                assert len(stored) == (1 if turns[(person, text)].accepted else 0), (text, rows)
            pop = s.execute(select(Pop).where(Pop.person_id == person)).scalar_one()
            kept = {pop.function, pop.team} - {None}
            assert kept == {t for _, t in rows if t in ("Jurist", "Team Bravo")}


def test_many_people_at_once_with_the_other_database_work_of_a_turn(db_url, today):
    """Each turn also syncs the identity (read, then write) in its own session: under load nothing fails.

    The first version of the serial session made every SQLite session read inside a deferred transaction;
    under load those failed with "database is locked" (a stale snapshot cannot be upgraded to a write).
    """
    from bot.identity import Identity
    from tests.helpers import POP

    errors: list[BaseException] = []

    def person(i: int) -> None:
        who = Identity(f"load{i}", f"Persoon {i}", "employee", "Gemeente Zeist", organisation_id="gm-zeist",
                       manager_id="baas")
        try:
            service.sync_identity(who)
            service.start(who.person_id, "pop", today)
            for key, text in POP:
                if key == "org_naam":
                    continue  # the organisation comes from the identity
                service.sync_identity(who)
                service.turn(who.person_id, "pop", text, ranking=[("antwoord", 0.9)], today=today)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=person, args=(i,)) for i in range(24)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not [t for t in threads if t.is_alive()], "a turn hangs"
    assert errors == []
    with session_scope() as s:
        for i in range(24):
            questions = set(s.execute(select(AnswerLog.question).where(AnswerLog.person_id == f"load{i}")).scalars())
            assert questions == {key for key, _ in POP if key != "org_naam"}
