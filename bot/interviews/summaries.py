"""The Dutch summaries of an interview ("Dit heb je tot nu toe ingevuld")."""

from __future__ import annotations

import re

from bot.dutch import formatting, parsing
from bot.interviews import groups
from bot.interviews.catalogue import (
    ACT_FIELDS,
    GOAL_FIELDS,
    INTERVIEW_QUESTIONS,
    LABELS_KIND,
    ORG_FIELDS,
    PLAN_FIELDS,
    POP_FIELDS,
    Q,
    current,
)
from bot.interviews.context import Ctx
from bot.interviews.fields import EXTRA, read
from bot.interviews.plan_view import MERGED_TITLE, PlanView, merged_group
from bot.settings import get_settings

_LEADING_VOOR = re.compile(r"(?i)^voor\s+")


def _line(label: str, value, typed: bool = True) -> str:
    """One answer; ``typed``: the value is what someone typed, shown as their words (formatting.quoted)."""
    if value is None:
        return f"- {label}: (nog niet ingevuld)"
    if value == "":
        return f"- {label}: geen"
    return f"- {label}: {said(value) if typed else value}"


def said(value) -> str:
    """A typed answer as their words; numbers, money, yes or no as they are."""
    return formatting.quoted(value) if isinstance(value, str) and not _computed(value) else str(value)


def _computed(value: str) -> bool:
    return value in ("ja", "nee") or value.startswith("€")


def shown(key: str, value):
    """An answer as people read it: money in euros, yes or no."""
    if value is None or value == "":
        return value
    if Q[key].kind == "money":
        return formatting.format_euro(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if Q[key].buttons:  # a choice: its button's title
        return next((title for title, choice in Q[key].buttons if choice == value), value)
    return value


def own_questions(record, fields: dict[str, str]) -> list[tuple[str, object]]:
    """The answers to an organisation's own questions (stored in ``extra``): label and value, asked ones only."""
    return [(Q[key].label, shown(key, read(record, attr))) for key, attr in fields.items()
            if attr.startswith(EXTRA) and read(record, attr) is not None]


def own_groups(interview: str) -> list:
    """The organisation's own repeating groups of an interview, in asking order (groups.py)."""
    found = current().groups
    return [found[Q[key].group] for key in INTERVIEW_QUESTIONS[interview] if Q[key].loop == "start"]


def _profile_lines(ctx: Ctx) -> list[str]:
    org = ctx.org
    if org is None:
        return [_line("Organisatie", None)]
    lines = [_line("Organisatie", org.name, typed=False)]
    if org.sector:
        lines.append(_line("Soort organisatie", parsing.SECTOR_LABELS.get(org.sector, org.sector), typed=False))
    if org.employees is not None:
        lines.append(_line("Aantal medewerkers", formatting.format_number(org.employees), typed=False))
    if org.has_works_council is not None:
        lines.append(_line("Ondernemingsraad", "ja" if org.has_works_council else "nee", typed=False))
    lines += [_line(label, value) for label, value in own_questions(org, ORG_FIELDS)]
    return lines


def _summary_strategie(ctx: Ctx) -> str:
    lines = _profile_lines(ctx)
    plan = ctx.plan()
    if plan is None:
        return "\n".join(lines)
    for key in ("strategie_toekomst",):
        lines.append(_line(Q[key].label, plan.future_vision))
    if plan.speerpunten:
        lines.append(f"- {Q['speerpunten'].label}:")
        lines += [f"  {i}. {said(sp.text)}" for i, sp in enumerate(plan.speerpunten, 1)]
    else:
        lines.append(_line(Q["speerpunten"].label, None))
    for key in ("strategie_competenties", "strategie_rol_leren", "strategie_draagvlak"):
        if key in PLAN_FIELDS:
            lines.append(_line(Q[key].label, read(plan, PLAN_FIELDS[key])))
    if ctx.org and ctx.org.has_works_council:
        labels = {"ja": "ja", "gepland": "nog niet, wel gepland", "nee": "nee"}
        lines.append(_line(Q["strategie_or"].label, labels.get(plan.works_council_involved), typed=False))
    lines += [_line(label, value) for label, value in own_questions(plan, PLAN_FIELDS)]
    return "\n".join(lines)


def _summary_jaarplan(ctx: Ctx) -> str:
    lines = _profile_lines(ctx)
    plan = ctx.year_plan()
    if plan is None:
        return "\n".join(lines + [_line("Jaar", None)])
    lines.append(_line("Jaar", plan.year, typed=False))
    lines.append(_line("Budget", formatting.format_euro(plan.budget_cents) if plan.budget_cents is not None else None,
                       typed=False))
    total, merged = 0, []
    view = PlanView(ctx.session, ctx.person, get_settings().overview_min_group)
    for act in plan.activities:
        if act.title is None:
            continue
        total += act.cost_cents or 0
        if view.merged(act):  # an agreement in a small team: its team's name would say who it is
            merged.append(act)
            continue
        parts = [said(act.title)]
        if act.target_group:
            parts.append(f"voor {said(_LEADING_VOOR.sub('', act.target_group))}")  # not "voor „voor de ...”"
        if act.kind:
            parts.append(f"soort: {LABELS_KIND.get(act.kind, act.kind)}")
        if act.speerpunt_text:
            parts.append(f"speerpunt: {said(act.speerpunt_text)}")
        if act.period:
            parts.append(f"wanneer: {said(act.period)}")
        if act.provider:
            parts.append(f"door: {said(act.provider)}")
        if act.cost_cents is not None:
            parts.append(f"kosten: {formatting.format_euro(act.cost_cents)}")
        parts += [f"{label.lower()}: {said(value) if value else 'geen'}" for label, value in own_questions(act, ACT_FIELDS)]
        lines.append(f"- Activiteit {act.position}: " + "; ".join(parts))
    if merged:
        lines.append(f"- {MERGED_TITLE} ({merged_group(view.minimum)}): {len(merged)}; kosten: "
                     f"{formatting.format_euro(sum(a.cost_cents or 0 for a in merged))}")
    lines.append(f"- Totaal gepland: {formatting.format_euro(total)}")
    if plan.budget_cents is not None:
        rest = plan.budget_cents - total
        lines.append(f"- Nog over: {formatting.format_euro(rest)}" if rest >= 0
                     else f"- Let op: {formatting.format_euro(-rest)} boven het budget")
    return "\n".join(lines)


def _summary_pop(ctx: Ctx) -> str:
    lines = _profile_lines(ctx)[:1]
    pop = ctx.pop()
    for key, attr in POP_FIELDS.items():
        if key == "pop_steun":
            continue
        lines.append(_line(Q[key].label, shown(key, read(pop, attr))))
    for goal in pop.goals:
        if goal.text is None:
            continue
        extra = []
        if goal.kind:
            extra.append(f"soort: {LABELS_KIND.get(goal.kind, goal.kind)}")
        if goal.deadline and goal.deadline != "zie leerdoel":
            extra.append(f"wanneer: {said(goal.deadline)}")
        if goal.result and goal.result != "zie leerdoel":
            extra.append(f"resultaat: {said(goal.result)}")
        if goal.activity:
            extra.append(f"hoe: {said(goal.activity)}")
        extra += [f"{label.lower()}: {said(value) if value else 'geen'}" for label, value in own_questions(goal, GOAL_FIELDS)]
        lines.append(f"- Leerdoel {goal.position}: {said(goal.text)}" + (f" ({'; '.join(extra)})" if extra else ""))
    for group in own_groups("pop"):
        found = groups.described(pop, group, lambda key, value: shown(key, value) if Q[key].buttons
                                 else said(shown(key, value)))
        lines.append(f"- {group.label}: " + (" / ".join(found) if found else "geen"))
    if "pop_steun" in POP_FIELDS:
        lines.append(_line(Q["pop_steun"].label, pop.support_needed))
    return "\n".join(lines)


SUMMARIES = {"strategie": _summary_strategie, "jaarplan": _summary_jaarplan, "pop": _summary_pop}


def summary(ctx: Ctx) -> str:
    return SUMMARIES[ctx.interview](ctx)
