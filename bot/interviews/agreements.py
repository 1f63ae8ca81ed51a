"""The rules of the POP-gesprek's agreements, inside a session the caller opened (bot/services/popgesprek.py
and the manager's interview, bot/interviews/popgesprek.py).

Who may record: only the employee's own manager (the token's ``manager`` claim), in the same organisation,
for a POP the employee shared with them. A finished agreement is confirmed by the manager at once and waits
for the employee; every change is logged and asks the employee again. An agreed activity becomes a planned
activity of the organisation's yearly plan (of the year its period names, else the POP's year), so it counts in the running budget; "niet
nu" removes it again. Deleting the person deletes the agreements and, through them, the planned activities.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.dutch.formatting import format_euro, quoted
from bot.dutch.parsing import LABELS_DECISION, LABELS_PAYER
from bot.storage import repository as repo
from bot.storage.models import Activity, Agreement, AgreementLog, Person, Pop, utcnow


class NotAllowed(PermissionError):
    """The viewer may not see or change this POP's agreements (message in Dutch, safe to show)."""


# The share of an agreed activity's cost that the organisation's budget carries, by who pays
BUDGET_SHARE = {"werkgever": 1.0, "subsidie": 1.0, "samen": 0.5, "medewerker": 0.0}


def is_team_manager(manager: Person | None) -> bool:
    return manager is not None and manager.role == "manager" and manager.organisation_id is not None


def team_members(s: Session, manager: Person) -> list[Person]:
    """People whose token names this manager, in the manager's organisation."""
    if not is_team_manager(manager):
        return []
    return list(s.execute(select(Person).where(Person.manager_id == manager.id, Person.id != manager.id,
                                               Person.organisation_id == manager.organisation_id)
                          .order_by(Person.display_name, Person.id)).scalars())


def shared_pop(s: Session, manager: Person | None, employee: Person | None, year: int | None = None) -> Pop:
    """The employee's POP of ``year`` (without one: the current POP), when ``manager`` is their own manager and the POP is shared with them."""
    if (not is_team_manager(manager) or employee is None or employee.manager_id != manager.id
            or employee.organisation_id != manager.organisation_id):
        raise NotAllowed("Deze POP is niet van iemand uit je eigen team.")
    pop = repo.pop_of(s, employee, year)
    if pop is None or not pop.is_shared_with(manager.id):
        raise NotAllowed("Deze POP is niet met je gedeeld.")
    return pop


def goals(pop: Pop) -> list:
    """The learning goals that have a text, in their order."""
    return [g for g in pop.goals if g.text]


def state(agreement: Agreement) -> dict:
    return {"positie": agreement.position, "leerdoel": agreement.goal_text, "besluit": agreement.decision,
            "activiteit": agreement.activity, "wanneer": agreement.period, "kosten_centen": agreement.cost_cents,
            "betaalt": agreement.payer, "speerpunt": agreement.speerpunt_text}


def finish(s: Session, agreement: Agreement, manager_id: str) -> str:
    """The manager finished (or changed) an agreement: log it, plan it, and let it wait for the employee."""
    if agreement.decision == "niet_nu":
        agreement.activity = agreement.period = agreement.cost_cents = agreement.payer = None
        agreement.speerpunt_text = None
    event = "gewijzigd" if agreement.log else "vastgelegd"
    agreement.complete = True
    agreement.recorded_by = manager_id
    agreement.manager_confirmed_at = utcnow()
    agreement.employee_confirmed_at = None  # a new or changed agreement waits for the employee
    agreement.log.append(AgreementLog(person_id=manager_id, event=event, state=state(agreement)))
    s.flush()
    plan_activity(s, agreement)
    return event


def described(agreement: Agreement) -> list[str]:
    """What was agreed, in plain Dutch parts: the decision, then the activity, when, cost, payer, speerpunt."""
    parts = [LABELS_DECISION.get(agreement.decision, agreement.decision or "")]
    if agreement.activity:
        parts.append(f"activiteit: {quoted(agreement.activity)}")
    if agreement.period:
        parts.append(f"wanneer: {quoted(agreement.period)}")
    if agreement.cost_cents is not None:
        parts.append(f"kosten: {format_euro(agreement.cost_cents)}")
    if agreement.payer:
        parts.append(f"betaald door {LABELS_PAYER.get(agreement.payer, agreement.payer)}")
    if agreement.speerpunt_text:
        parts.append(f"speerpunt: {quoted(agreement.speerpunt_text)}")
    return parts


def confirm(s: Session, agreement: Agreement, employee_id: str) -> None:
    agreement.employee_confirmed_at = utcnow()
    agreement.log.append(AgreementLog(person_id=employee_id, event="bevestigd", state=state(agreement)))


def team_label(s: Session, person: Person) -> str:
    """How the organisation's plan names the people of an agreement: their manager's team."""
    manager = s.get(Person, person.manager_id) if person.manager_id else None
    return f"Team van {manager.display_name or manager.id}" if manager else "Een team"


def budget_cents(agreement: Agreement) -> int:
    """What the agreement costs the organisation's training budget."""
    return round((agreement.cost_cents or 0) * BUDGET_SHARE.get(agreement.payer or "werkgever", 1.0))


def _year_of(period: str | None) -> int | None:
    """The year a period names ("najaar 2027", "januari t/m juni 2027"); None without one."""
    years = re.findall(r"\b(20\d\d)\b", period or "")
    return int(years[0]) if years else None


def plan_activity(s: Session, agreement: Agreement) -> Activity | None:
    """Create, update or remove the planned activity of the yearly plan that this agreement stands for."""
    # the activity of the agreement's own year; a copy carried to next year by an evaluation is not it
    existing = s.execute(select(Activity).where(Activity.agreement_id == agreement.id,
                                                Activity.carried_from_id.is_(None))).scalars().first()
    if agreement.decision not in ("afgesproken", "aangepast") or not agreement.activity:
        if existing is not None:
            s.delete(existing)
            s.flush()
        return None
    pop = agreement.pop
    person = pop.person
    org = person.organisation
    if org is None:
        return None
    # the plan of the year the activity takes place ("najaar 2027" in a POP of 2026), else of the POP's year
    plan = repo.get_or_create_year_plan(s, org, _year_of(agreement.period) or pop.year)
    act = existing
    if act is not None and act.year_plan_id != plan.id:  # its period moved it to another year: it moves along
        s.delete(act)
        s.flush()
        act = None
    if act is None:
        act = Activity(position=max((a.position for a in plan.activities), default=0) + 1, agreement_id=agreement.id)
        plan.activities.append(act)
    goal = next((g for g in pop.goals if g.position == agreement.position), None)
    speerpunt = None
    if agreement.speerpunt_text and org.strategic_plan is not None:
        speerpunt = next((sp for sp in org.strategic_plan.speerpunten if sp.text == agreement.speerpunt_text), None)
    act.title = agreement.activity
    # planning data, not POP text: the team, never the person's name or the words of her learning goal
    # (who it is for is shown only to those who may see her POP: bot/services/documents.py, year_plan_rows)
    act.target_group = team_label(s, person)
    act.kind = goal.kind if goal else None
    act.speerpunt_id = speerpunt.id if speerpunt else None
    act.speerpunt_text = agreement.speerpunt_text or ""
    act.goal = ""
    act.form = "afspraak uit het POP-gesprek"
    act.period = agreement.period
    act.provider = act.provider or ""
    act.cooperation = act.cooperation or "alleen"
    act.cost_cents = budget_cents(agreement)
    act.complete = True
    s.flush()
    return act
