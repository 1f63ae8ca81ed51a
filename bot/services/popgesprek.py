"""The POP-gesprek: the manager records what was agreed per learning goal, the employee confirms it.

The rules (who may, the log, the planned activity in the yearly plan) are in bot/interviews/agreements.py;
these are the units of work around them. The manager records in the chat through the ``popgesprek``
interview (bot/interviews/popgesprek.py) or with ``record``; the employee sees ``mine`` and ``confirm``s.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.dutch.formatting import count
from bot.interviews import agreements as rules
from bot.interviews.agreements import NotAllowed
from bot.storage import repository as repo
from bot.storage.db import session_scope
from bot.storage.models import DECISIONS, PAYERS, Agreement, Person

__all__ = ["NotAllowed", "TeamMember", "confirm", "describe", "mine", "record", "team"]


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
    with session_scope() as s:
        manager = s.get(Person, manager_id)
        if not rules.is_team_manager(manager):
            raise NotAllowed("Dit is alleen voor leidinggevenden, voor hun eigen team.")
        result = []
        for person in rules.team_members(s, manager):
            pop = repo.pop_of(s, person, year)
            shared = bool(pop and pop.is_shared_with(manager_id))
            done = [a for a in (pop.agreements if pop and shared else []) if a.complete]
            result.append(TeamMember(person.id, person.display_name or person.id,
                                     bool(pop and rules.goals(pop)), shared,
                                     sum(1 for a in done if a.employee_confirmed_at),
                                     sum(1 for a in done if not a.employee_confirmed_at)))
        return result


def team_agreements(manager_id: str, year: int | None = None) -> list[tuple[str, list[str]]]:
    """The agreements a manager recorded with the team members who share their POP with this manager, as lines per
    person ("welke afspraken staan er voor Ilse?"); empty for anyone who leads no team."""
    from bot.interviews.popgesprek import agreement_line

    with session_scope() as s:
        manager = s.get(Person, manager_id)
        if not rules.is_team_manager(manager):
            return []
        found = []
        for person in rules.team_members(s, manager):
            pop = repo.pop_of(s, person, year)
            if pop is not None and pop.is_shared_with(manager_id):
                lines = [agreement_line(a) for a in pop.agreements if a.complete]
                if lines:
                    found.append((person.display_name or person.id, lines))
        return found


def describe(member: TeamMember) -> str:
    """One line of the manager's team overview, in plain Dutch."""
    if not member.prepared:
        state = "nog geen POP voorbereid"
    elif not member.shared:
        state = "POP voorbereid, nog niet met jou gedeeld"
    elif member.agreed or member.open:
        agreed, waiting = (count(n, "afspraak", "afspraken") for n in (member.agreed, member.open))
        state = f"POP gedeeld; {agreed} bevestigd" + (f", {waiting} nog niet bevestigd" if member.open else "")
    else:
        state = "POP gedeeld, nog geen afspraken"
    return f"- {member.name}: {state}"


def record(manager_id: str, employee_id: str, position: int, decision: str, activity: str | None = None,
           period: str | None = None, cost_cents: int | None = None, payer: str | None = None,
           year: int | None = None, speerpunt: str | None = None) -> Agreement:
    """The manager records (or changes) the agreement about learning goal ``position`` of a shared POP."""
    if decision not in DECISIONS:
        raise ValueError(f"onbekend besluit {decision!r}")
    if payer is not None and payer not in PAYERS:
        raise ValueError(f"onbekend wie betaalt {payer!r}")
    if cost_cents is not None and not 0 <= cost_cents <= 100_000_000:
        raise ValueError("kosten buiten bereik")
    with session_scope() as s:
        pop = rules.shared_pop(s, s.get(Person, manager_id), s.get(Person, employee_id), year)
        goal = next((g for g in rules.goals(pop) if g.position == position), None)
        if goal is None:
            raise LookupError(f"De POP heeft geen leerdoel {position}.")
        agreement = next((a for a in pop.agreements if a.position == position), None)
        if agreement is None:
            agreement = Agreement(position=position, goal_text=goal.text, recorded_by=manager_id)
            pop.agreements.append(agreement)
        agreement.decision, agreement.activity, agreement.period = decision, activity, period
        agreement.cost_cents, agreement.payer, agreement.speerpunt_text = cost_cents, payer, speerpunt
        rules.finish(s, agreement, manager_id)
        s.expunge(agreement)
        return agreement


def mine(employee_id: str, year: int | None = None) -> list[Agreement]:
    """The employee's own finished agreements of this year, in the order of the learning goals."""
    with session_scope() as s:
        person = s.get(Person, employee_id)
        pop = repo.pop_of(s, person, year) if person else None
        result = [a for a in (pop.agreements if pop else []) if a.complete]
        for agreement in result:
            s.expunge(agreement)
        return result


def confirm(employee_id: str, year: int | None = None) -> int:
    """The employee confirms every finished agreement that waits for them; returns how many."""
    with session_scope() as s:
        person = s.get(Person, employee_id)
        pop = repo.pop_of(s, person, year) if person else None
        waiting = [a for a in (pop.agreements if pop else []) if a.complete and a.employee_confirmed_at is None]
        for agreement in waiting:
            rules.confirm(s, agreement, employee_id)
        return len(waiting)
