"""Data access for the domain. Functions take an open session; callers own the unit of work."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from bot.dutch.parsing import normalize
from bot.storage.models import (
    Activity,
    AnswerLog,
    InterviewState,
    Organisation,
    Person,
    Pop,
    PopAccess,
    StrategicPlan,
    YearPlan,
)


def _add_unless_raced(session: Session, row, find):
    """Insert ``row``; when another transaction inserted the same unique row first, return that one.

    Two people of a new organisation starting at the same moment both try to create it: the loser's insert
    fails on the unique key inside a savepoint, and it reads the winner's row instead.
    """
    if session.info.get("alone"):  # SQLite's write lock is held: nobody else can insert it meanwhile
        session.add(row)
        session.flush()  # its id, for the queries that follow
        return row
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
        return row
    except IntegrityError:
        found = find()
        if found is None:
            raise
        return found


def name_key(name: str) -> str:
    """The name as typed, without case and punctuation: "Gemeente Zeist" and "Stichting Zeist" differ."""
    return re.sub(r"[^\w]+", " ", normalize(name)).strip()


def lock_person(session: Session, person_id: str) -> Person | None:
    """Lock the person's row until the transaction ends (PostgreSQL; SQLite locks at BEGIN IMMEDIATE), and load it
    in the same statement: the turn reads the person once."""
    return session.execute(select(Person).options(joinedload(Person.organisation)).where(Person.id == person_id)
                           .with_for_update(of=Person)).scalar_one_or_none()  # her organisation in the same read


def get_or_create_person(session: Session, person_id: str, role: str | None = None,
                         display_name: str | None = None) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        person = _add_unless_raced(session, Person(id=person_id, role=role or "employee", display_name=display_name),
                                   lambda: session.get(Person, person_id, populate_existing=True))
    if role and person.role != role:
        person.role = role
    if display_name and person.display_name != display_name:
        person.display_name = display_name
    return person


def find_organisation(session: Session, name: str) -> Organisation | None:
    return session.execute(select(Organisation).where(Organisation.name_key == name_key(name))).scalar_one_or_none()


def get_or_create_organisation(session: Session, name: str) -> Organisation:
    org = find_organisation(session, name)
    if org is None:
        org = _add_unless_raced(
            session, Organisation(name=name.strip()[:200], name_key=name_key(name)[:200] or name.strip()[:200]),
            lambda: find_organisation(session, name))
    return org


def rename_organisation(session: Session, org: Organisation, name: str) -> bool:
    """A new name for an organisation that was named in the chat; its policy, plans and people stay. False when
    another organisation already has that name."""
    key = name_key(name)[:200] or name.strip()[:200]
    other = find_organisation(session, name)
    if other is not None and other.id != org.id:
        return False
    org.name, org.name_key = name.strip()[:200], key
    return True


def get_or_create_organisation_by_id(session: Session, external_id: str, name: str | None) -> Organisation:
    """The organisation of a verified token: found by the intranet's stable id, never by its name."""
    def find() -> Organisation | None:
        return session.execute(select(Organisation).where(Organisation.external_id == external_id)).scalar_one_or_none()

    org = find()
    display = (name or external_id).strip()[:200]
    if org is None:
        org = _add_unless_raced(
            session, Organisation(name=display, name_key=f"id:{external_id}"[:200], external_id=external_id), find)
    if org.name != display:
        org.name = display
    return org


def get_or_create_strategic_plan(session: Session, org: Organisation) -> StrategicPlan:
    if org.strategic_plan is None:
        plan = StrategicPlan(organisation_id=org.id)
        session.add(plan)
        session.flush()
        session.expire(org, ["strategic_plan"])
    return org.strategic_plan


def get_year_plan(session: Session, org: Organisation, year: int) -> YearPlan | None:
    return session.execute(
        select(YearPlan).where(YearPlan.organisation_id == org.id, YearPlan.year == year)
    ).scalar_one_or_none()


def get_or_create_year_plan(session: Session, org: Organisation, year: int) -> YearPlan:
    plan = get_year_plan(session, org, year)
    if plan is None:
        plan = YearPlan(organisation_id=org.id, year=year)
        session.add(plan)
        session.flush()
    return plan


def get_pop(session: Session, person: Person, year: int) -> Pop | None:
    return session.execute(select(Pop).where(Pop.person_id == person.id, Pop.year == year)).scalar_one_or_none()


def current_pop(session: Session, person: Person) -> Pop | None:
    """The person's current POP: the newest one. A POP prepared on 31 December stays current on 1 January,
    until the person starts the POP of the new year."""
    return session.execute(select(Pop).where(Pop.person_id == person.id).order_by(Pop.year.desc())
                           .limit(1)).scalar_one_or_none()


def pop_of(session: Session, person: Person, year: int | None) -> Pop | None:
    """The POP of ``year``, or without a year the current one."""
    return get_pop(session, person, year) if year else current_pop(session, person)


def get_or_create_pop(session: Session, person: Person, year: int) -> Pop:
    pop = get_pop(session, person, year)
    if pop is None:
        pop = Pop(person_id=person.id, year=year)
        session.add(pop)
        session.flush()
    return pop


def get_state(session: Session, person_id: str, interview: str) -> InterviewState | None:
    return session.execute(
        select(InterviewState).where(InterviewState.person_id == person_id, InterviewState.interview == interview)
    ).scalar_one_or_none()


def get_or_create_state(session: Session, person_id: str, interview: str) -> InterviewState:
    state = get_state(session, person_id, interview)
    if state is None:
        state = InterviewState(person_id=person_id, interview=interview, status="active")
        session.add(state)  # written with the turn's first query or its commit, with what the turn set on it
    return state


def latest_unfinished_state(session: Session, person_id: str) -> InterviewState | None:
    return session.execute(
        select(InterviewState)
        .where(InterviewState.person_id == person_id, InterviewState.status != "done")
        .order_by(InterviewState.updated_at.desc(), InterviewState.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def log_answer(session: Session, person_id: str, interview: str, question: str, text: str,
               value: str | None = None, is_correction: bool = False) -> AnswerLog:
    entry = AnswerLog(person_id=person_id, interview=interview, question=question, text=text,
                      value=value, is_correction=is_correction)
    session.add(entry)
    return entry


def answer_history(session: Session, person_id: str, question: str | None = None) -> list[AnswerLog]:
    stmt = select(AnswerLog).where(AnswerLog.person_id == person_id)
    if question:
        stmt = stmt.where(AnswerLog.question == question)
    return list(session.execute(stmt.order_by(AnswerLog.id)).scalars())


def pop_openings(session: Session, owner_id: str) -> list[tuple[str, str | None, object]]:
    """(viewer id, viewer role, when) of every time a reader opened ``owner_id``'s POP."""
    rows = session.execute(select(PopAccess.viewer_id, PopAccess.viewer_role, PopAccess.created_at)
                           .where(PopAccess.owner_id == owner_id, PopAccess.event == "geopend"))
    return [tuple(r) for r in rows]


def log_access(session: Session, owner: Person, event: str, viewer: Person | None = None,
               viewer_id: str | None = None, role: str | None = None) -> None:
    """Who was given or used access to ``owner``'s POP (models.PopAccess). ``viewer_id`` "hr": HR as a whole."""
    session.add(PopAccess(owner_id=owner.id, event=event, viewer_id=viewer.id if viewer else viewer_id or "",
                          viewer_name=viewer.display_name if viewer else None,
                          viewer_role=viewer.role if viewer else role))


def rename_speerpunt(session: Session, speerpunt_id: int, old: str, new: str) -> None:
    """A speerpunt renamed in the policy: the activities linked to it show the new name (their copy of the name is
    for a speerpunt that is removed later); a copy someone changed by hand stays."""
    for activity in session.execute(select(Activity).where(Activity.speerpunt_id == speerpunt_id,
                                                           Activity.speerpunt_text == old)).scalars():
        activity.speerpunt_text = new
