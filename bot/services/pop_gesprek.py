"""The POP-gesprek: the manager records what was agreed per learning goal, the employee confirms it.

Who may do what comes from the stored identity (the token, synced at every turn): only the employee's own
manager (the token's `manager` claim), in the same organisation, and only for a POP the employee shared with
them. The employee sees and confirms their own agreements. A manager of another team or organisation, or HR,
gets nothing. Every change is kept in ``agreement_log``; a change by the manager needs the employee's
confirmation again.

The conversation and the yearly plan build on these functions (issue 17); this module is the only place that
writes agreements.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from bot.storage import repository as repo
from bot.storage.db import session_scope
from bot.storage.models import DECISIONS, PAYERS, Agreement, AgreementLog, Person, Pop, utcnow


class NotAllowed(PermissionError):
    """The viewer may not see or change this POP's agreements (message in Dutch, safe to show)."""


@dataclass(frozen=True)
class TeamMember:
    person_id: str
    name: str
    prepared: bool  # has a POP with at least one learning goal
    shared: bool  # shared with this manager
    agreed: int  # agreements confirmed by both
    open: int  # agreements waiting for the employee's confirmation


def team(manager_id: str, year: int | None = None) -> list[TeamMember]:
    """The manager's own team (people whose token names this manager), with the state of their POP."""
    year = year or date.today().year
    with session_scope() as s:
        manager = s.get(Person, manager_id)
        if manager is None or manager.role != "manager" or manager.organisation_id is None:
            raise NotAllowed("Dit is alleen voor leidinggevenden, voor hun eigen team.")
        members = s.execute(select(Person).where(Person.manager_id == manager.id, Person.id != manager.id,
                                                 Person.organisation_id == manager.organisation_id)
                            .order_by(Person.display_name, Person.id)).scalars().all()
        result = []
        for person in members:
            pop = repo.get_pop(s, person, year)
            shared = bool(pop and pop.shared_with_manager)
            agreements = pop.agreements if pop and shared else []
            result.append(TeamMember(person.id, person.display_name or person.id,
                                     bool(pop and any(g.text for g in pop.goals)), shared,
                                     sum(1 for a in agreements if a.employee_confirmed_at),
                                     sum(1 for a in agreements if not a.employee_confirmed_at)))
        return result


def _count(n: int) -> str:
    return "1 afspraak" if n == 1 else f"{n} afspraken"


def describe(member: TeamMember) -> str:
    """One line of the manager's team overview, in plain Dutch."""
    if not member.prepared:
        state = "nog geen POP voorbereid"
    elif not member.shared:
        state = "POP voorbereid, nog niet met jou gedeeld"
    elif member.agreed or member.open:
        state = f"POP gedeeld; {_count(member.agreed)} bevestigd, {_count(member.open)} nog niet bevestigd"
    else:
        state = "POP gedeeld, nog geen afspraken"
    return f"- {member.name}: {state}"


def _shared_pop(s, manager_id: str, employee_id: str, year: int) -> Pop:
    manager, employee = s.get(Person, manager_id), s.get(Person, employee_id)
    if (manager is None or employee is None or manager.role != "manager" or employee.manager_id != manager.id
            or employee.organisation_id is None or employee.organisation_id != manager.organisation_id):
        raise NotAllowed("Dit POP is niet van iemand uit je eigen team.")
    pop = repo.get_pop(s, employee, year)
    if pop is None or not pop.shared_with_manager:
        raise NotAllowed("Dit POP is niet met je gedeeld.")
    return pop


def _state(agreement: Agreement) -> dict:
    return {"positie": agreement.position, "leerdoel": agreement.goal_text, "besluit": agreement.decision,
            "activiteit": agreement.activity, "wanneer": agreement.period, "kosten_centen": agreement.cost_cents,
            "betaalt": agreement.payer}


def record(manager_id: str, employee_id: str, position: int, decision: str, activity: str | None = None,
           period: str | None = None, cost_cents: int | None = None, payer: str | None = None,
           year: int | None = None) -> Agreement:
    """The manager records (or changes) the agreement about learning goal ``position`` of a shared POP."""
    if decision not in DECISIONS:
        raise ValueError(f"onbekend besluit {decision!r}")
    if payer is not None and payer not in PAYERS:
        raise ValueError(f"onbekend wie betaalt {payer!r}")
    if cost_cents is not None and not 0 <= cost_cents <= 100_000_000:
        raise ValueError("kosten buiten bereik")
    if decision == "niet_nu":
        activity, period, cost_cents, payer = None, None, None, None
    with session_scope() as s:
        pop = _shared_pop(s, manager_id, employee_id, year or date.today().year)
        goal = next((g for g in pop.goals if g.position == position and g.text), None)
        if goal is None:
            raise LookupError(f"Het POP heeft geen leerdoel {position}.")
        agreement = next((a for a in pop.agreements if a.position == position), None)
        event = "gewijzigd" if agreement else "vastgelegd"
        if agreement is None:
            agreement = Agreement(position=position, goal_text=goal.text, recorded_by=manager_id)
            pop.agreements.append(agreement)
        agreement.decision, agreement.activity, agreement.period = decision, activity, period
        agreement.cost_cents, agreement.payer, agreement.recorded_by = cost_cents, payer, manager_id
        agreement.manager_confirmed_at = utcnow()
        agreement.employee_confirmed_at = None  # a new or changed agreement waits for the employee
        agreement.log.append(AgreementLog(person_id=manager_id, event=event, state=_state(agreement)))
        s.flush()
        s.expunge(agreement)
        return agreement


def mine(employee_id: str, year: int | None = None) -> list[Agreement]:
    """The employee's own agreements of this year, in the order of the learning goals."""
    with session_scope() as s:
        person = s.get(Person, employee_id)
        pop = repo.get_pop(s, person, year or date.today().year) if person else None
        agreements = list(pop.agreements) if pop else []
        for agreement in agreements:
            s.expunge(agreement)
        return agreements


def confirm(employee_id: str, year: int | None = None) -> int:
    """The employee confirms every agreement that waits for them; returns how many."""
    with session_scope() as s:
        person = s.get(Person, employee_id)
        pop = repo.get_pop(s, person, year or date.today().year) if person else None
        waiting = [a for a in (pop.agreements if pop else []) if a.employee_confirmed_at is None]
        for agreement in waiting:
            agreement.employee_confirmed_at = utcnow()
            agreement.log.append(AgreementLog(person_id=employee_id, event="bevestigd", state=_state(agreement)))
        return len(waiting)
