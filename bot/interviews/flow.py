"""Which question comes next: derived from what is stored, in the order of the question files."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.dutch import parsing
from bot.interviews import groups
from bot.interviews.catalogue import (
    ACT_FIELDS,
    ACTIVITIES_DONE,
    BUDGET,
    GOAL_FIELDS,
    GOALS_DONE,
    INTERVIEW_QUESTIONS,
    ORG_FIELDS,
    ORGANISATION_NAME,
    PLAN_FIELDS,
    PLAN_YEAR,
    POP_FIELDS,
    SPEERPUNTEN,
    Q,
    key_at,
)
from bot.interviews.context import Ctx
from bot.interviews.fields import read
from bot.storage import repository as repo
from bot.storage.models import Activity, LearningGoal


def current_activity(ctx: Ctx) -> Activity | None:
    plan = ctx.year_plan()
    if plan is None:
        return None
    for act in plan.activities:
        if not act.complete:
            return act
    return None


def _last_activity(ctx: Ctx) -> Activity | None:
    plan = ctx.year_plan()
    if plan is None or not plan.activities:
        return None
    return current_activity(ctx) or plan.activities[-1]


def _new_activity(ctx: Ctx) -> Activity:
    plan = ctx.year_plan()
    act = Activity(position=max((a.position for a in plan.activities), default=0) + 1, complete=False)
    plan.activities.append(act)
    ctx.session.flush()
    return act


def activity_situations(act: Activity) -> set[str]:
    from bot.funding.advice import situations_from_text

    text = " ".join(filter(None, [act.title, act.target_group, act.goal, act.cooperation and act.provider]))
    found = situations_from_text(text)
    if act.cooperation == "samen" and re.search(r"\bmbo\b|roc", parsing.normalize(text)):
        found.add("mbo_samenwerking")
    return found


_WHOLE = re.compile(r"\b(iedereen|alle (medewerkers|collega'?s|werknemers|personeel)|hele (organisatie|gemeente)|"
                    r"al het personeel)\b")
_NUMBER = re.compile(r"\b(\d{1,5})\s*(medewerkers|mensen|collega'?s|deelnemers|personen|docenten|werknemers|"
                     r"leidinggevenden|managers|teamleiders)?\b")


def activity_participants(act: Activity, employees: int | None) -> int | None:
    """How many employees an activity reaches, as far as its target group says ("12 docenten", "iedereen")."""
    text = parsing.normalize(act.target_group or "")
    if _WHOLE.search(text):
        return employees
    numbers = [int(m.group(1)) for m in _NUMBER.finditer(text)]
    return max(numbers) if numbers else None


def _current_goal(ctx: Ctx) -> LearningGoal | None:
    for goal in ctx.pop().goals:
        if not goal.complete:
            return goal
    return None


def _last_goal(ctx: Ctx) -> LearningGoal | None:
    goals = ctx.pop().goals
    return _current_goal(ctx) or (goals[-1] if goals else None)


def _next_strategie(engine) -> str | None:
    ctx = engine.ctx
    profile = _next_profile(ctx, full=True)
    if profile:
        return profile
    plan = repo.get_or_create_strategic_plan(ctx.session, ctx.org)
    for key in INTERVIEW_QUESTIONS["strategie"]:
        if key not in PLAN_FIELDS and key != key_at(SPEERPUNTEN):
            continue  # the organisation profile, asked above
        if key == key_at(SPEERPUNTEN):
            if not plan.speerpunten_complete:
                return key
            continue
        if not applies(engine, Q[key]):
            continue
        if read(plan, PLAN_FIELDS[key]) is None:
            return key
    return None


def _next_profile(ctx: Ctx, full: bool) -> str | None:
    if ctx.org is None:
        return key_at(ORGANISATION_NAME)
    if not full:
        return None
    for key, attr in ORG_FIELDS.items():
        if read(ctx.org, attr) is None:
            return key
    return None


def _next_jaarplan(engine) -> str | None:
    ctx = engine.ctx
    profile = _next_profile(ctx, full=True)
    if profile:
        return profile
    plan = ctx.year_plan()
    if plan is None:
        return key_at(PLAN_YEAR)
    if plan.budget_cents is None:
        return key_at(BUDGET)
    if plan.activities_complete:
        return None
    act = current_activity(ctx)
    if act is None:
        return next(iter(ACT_FIELDS)) if not plan.activities else key_at(ACTIVITIES_DONE)
    for key, attr in ACT_FIELDS.items():
        if not applies(engine, Q[key], act):
            continue
        if read(act, attr) is None:
            return key
    return None  # unreachable: a complete activity is marked complete when its cost is stored


def _next_pop(engine) -> str | None:
    ctx = engine.ctx
    profile = _next_profile(ctx, full=False)
    if profile:
        return profile
    pop = ctx.pop()
    for key in INTERVIEW_QUESTIONS["pop"]:  # the POP's own questions, and the learning goals where they stand
        group = groups.group_of(key)
        if group is not None:  # an organisation's own repeating group: handled once, at its first question
            found = groups.next_key(pop, group) if key == group.start else None
            if found:
                return found
            continue
        if key in POP_FIELDS and read(pop, POP_FIELDS[key]) is None:
            return key
        if key == next(iter(GOAL_FIELDS)) and not pop.goals_complete:
            goal = _current_goal(ctx)
            if goal is None:
                return key if not pop.goals else key_at(GOALS_DONE)
            for goal_key, attr in GOAL_FIELDS.items():
                if read(goal, attr) is None:
                    return goal_key
    return None


NEXT: dict[str, Callable[..., str | None]] = {
    "strategie": _next_strategie, "jaarplan": _next_jaarplan, "pop": _next_pop,
}


def speerpunten(ctx: Ctx) -> list:
    plan = ctx.plan()
    return list(plan.speerpunten) if plan else []


def applies(engine, q, item=None) -> bool:
    from bot.interviews.parts import applies as condition_holds  # parts reads speerpunten() from here

    return condition_holds(engine, q, item)
