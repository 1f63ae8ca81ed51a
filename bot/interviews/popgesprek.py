"""The manager's side of the POP-gesprek (questions/popgesprek.yml): choose a team member, then per learning goal
what was agreed. Every answer is stored at once on the agreement of the goal that was shown; a finished
agreement is logged, planned in the yearly plan and waits for the employee (agreements.py).

Who may: at every turn the chosen team member is checked again (own team, same organisation, POP still
shared). When that no longer holds, the round stops and the manager chooses again.
"""

from __future__ import annotations

from bot.dutch import formatting, parsing
from bot.interviews import agreements as rules
from bot.interviews.catalogue import LABELS_KIND
from bot.interviews.context import Message
from bot.interviews.fields import read
from bot.storage import repository as repo
from bot.storage.models import Agreement, Person


def subject_pop(engine):
    """The chosen member's shared POP, checked again now; None (and the choice undone) when not allowed."""
    subject_id = engine.state.subject_id
    if not subject_id:
        return None
    try:
        return rules.shared_pop(engine.session, engine.person, engine.session.get(Person, subject_id))
    except rules.NotAllowed:
        engine.state.subject_id = None
        return None


def choices(engine) -> list[Person]:
    """Team members whose POP of this year is shared with this manager and has learning goals."""
    result = []
    for member in rules.team_members(engine.session, engine.person):
        pop = repo.current_pop(engine.session, member)
        if pop is not None and pop.is_shared_with(engine.person.id) and rules.goals(pop):
            result.append(member)
    return result


def member(engine, text: str) -> Person | None:
    """The team member a manager's words name: the whole name, or a part that fits one member only."""
    norm = parsing.normalize(text).strip(" .!?")
    if not norm:
        return None
    options = choices(engine)
    exact = [p for p in options if parsing.normalize(p.display_name or p.id) == norm]
    if exact:
        return exact[0]
    found = [p for p in options if norm in parsing.normalize(p.display_name or p.id)
             or parsing.normalize(p.display_name or p.id) in norm]
    return found[0] if len(found) == 1 else None


def choose(engine, person: Person, messages: list[Message]) -> None:
    """The manager chose a team member: the round starts (or says that everything is recorded already)."""
    engine.state.subject_id = person.id
    engine.state.pending_question = None
    repo.log_access(engine.session, person, "popgesprek", viewer=engine.person)  # she can see who did
    pop = subject_pop(engine)
    if pop is not None and all(a.complete for a in pop.agreements) and \
            {a.position for a in pop.agreements} >= {g.position for g in rules.goals(pop)}:
        messages.append(Message("popgesprek_al_vastgelegd", {"naam": person.display_name or person.id}))


def last_touched(engine, attribute: str | None) -> Agreement | None:
    """The agreement a correction goes to when none is open: the one touched last that has an answer at
    ``attribute`` ("wijzig de kosten" goes to the agreement that has a cost)."""
    pop = subject_pop(engine)
    if pop is None or not pop.agreements:
        return None
    candidates = [a for a in pop.agreements if attribute is None or read(a, attribute) is not None] or pop.agreements
    return max(candidates, key=lambda a: (a.log[-1].id if a.log else 0, a.position))


def budget_after(engine, agreement: Agreement, messages: list[Message]) -> None:
    """Where the agreed activity went: the yearly plan, and what is planned there against the budget."""
    pop = agreement.pop
    plan = (repo.get_year_plan(engine.session, pop.person.organisation, pop.year)
            if pop.person.organisation else None)
    if plan is None or agreement.decision == "niet_nu":
        return
    total = sum(a.cost_cents or 0 for a in plan.activities if a.title)
    params = {"jaar": plan.year, "totaal": formatting.format_euro(total)}
    if plan.budget_cents is None:
        messages.append(Message("afspraak_in_jaarplan_zonder_budget", params))
    else:
        params.update(budget=formatting.format_euro(plan.budget_cents),
                      rest=formatting.format_euro(abs(plan.budget_cents - total)))
        messages.append(Message("afspraak_in_jaarplan" if total <= plan.budget_cents
                                else "afspraak_in_jaarplan_over_budget", params))


def summary(engine) -> str:
    pop = subject_pop(engine)
    if pop is None:
        return "- Nog geen medewerker gekozen"
    lines = [f"- Medewerker: {pop.person.display_name or pop.person.id}"]
    for agreement in sorted(pop.agreements, key=lambda a: a.position):
        lines.append(agreement_line(agreement))
    return "\n".join(lines)


def kind_label(goal) -> str:
    return LABELS_KIND.get(goal.kind, "soort leren onbekend") if goal and goal.kind else "soort leren onbekend"


def agreement_line(agreement: Agreement) -> str:
    """One agreement in plain Dutch for the manager, with whether the employee confirmed it: the goal by its
    number, never its text (that is the employee's, in her POP)."""
    if not agreement.complete:
        return f"- Leerdoel {agreement.position}: nog niet klaar"
    parts = rules.described(agreement)
    confirmed = "bevestigd door de medewerker" if agreement.employee_confirmed_at else "wacht op de medewerker"
    return f"- Leerdoel {agreement.position}: {'; '.join(parts)} ({confirmed})"

