"""The Dutch summaries of an interview ("Dit heb je tot nu toe ingevuld")."""

from __future__ import annotations

from bot import parsing
from bot.interviews.catalogue import LABELS_KIND, PLAN_FIELDS, POP_FIELDS, Q
from bot.interviews.context import Ctx


def _line(label: str, value) -> str:
    if value is None:
        return f"- {label}: (nog niet ingevuld)"
    if value == "":
        return f"- {label}: geen"
    return f"- {label}: {value}"


def _profile_lines(ctx: Ctx) -> list[str]:
    org = ctx.org
    if org is None:
        return [_line("Organisatie", None)]
    lines = [_line("Organisatie", org.name)]
    if org.sector:
        lines.append(_line("Soort organisatie", parsing.SECTOR_LABELS.get(org.sector, org.sector)))
    if org.employees is not None:
        lines.append(_line("Aantal medewerkers", f"{org.employees:,}".replace(",", ".")))
    if org.has_works_council is not None:
        lines.append(_line("Ondernemingsraad", "ja" if org.has_works_council else "nee"))
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
        lines += [f"  {i}. {sp.text}" for i, sp in enumerate(plan.speerpunten, 1)]
    else:
        lines.append(_line(Q["speerpunten"].label, None))
    for key in ("strategie_competenties", "strategie_rol_leren", "strategie_draagvlak"):
        if key in PLAN_FIELDS:
            lines.append(_line(Q[key].label, getattr(plan, PLAN_FIELDS[key])))
    if ctx.org and ctx.org.has_works_council:
        labels = {"ja": "ja", "gepland": "nog niet, wel gepland", "nee": "nee"}
        lines.append(_line(Q["strategie_or"].label, labels.get(plan.works_council_involved)))
    return "\n".join(lines)


def _summary_jaarplan(ctx: Ctx) -> str:
    lines = _profile_lines(ctx)
    plan = ctx.year_plan()
    if plan is None:
        return "\n".join(lines + [_line("Jaar", None)])
    lines.append(_line("Jaar", plan.year))
    lines.append(_line("Budget", parsing.format_euro(plan.budget_cents) if plan.budget_cents is not None else None))
    total = 0
    for act in plan.activities:
        if act.title is None:
            continue
        total += act.cost_cents or 0
        parts = [act.title]
        if act.target_group:
            parts.append(f"voor {act.target_group}")
        if act.kind:
            parts.append(f"soort: {LABELS_KIND.get(act.kind, act.kind)}")
        if act.speerpunt_text:
            parts.append(f"speerpunt: {act.speerpunt_text}")
        if act.period:
            parts.append(f"wanneer: {act.period}")
        if act.provider:
            parts.append(f"door: {act.provider}")
        if act.cost_cents is not None:
            parts.append(f"kosten: {parsing.format_euro(act.cost_cents)}")
        lines.append(f"- Activiteit {act.position}: " + "; ".join(parts))
    lines.append(f"- Totaal gepland: {parsing.format_euro(total)}")
    if plan.budget_cents is not None:
        rest = plan.budget_cents - total
        lines.append(f"- Nog over: {parsing.format_euro(rest)}" if rest >= 0
                     else f"- Let op: {parsing.format_euro(-rest)} boven het budget")
    return "\n".join(lines)


def _summary_pop(ctx: Ctx) -> str:
    lines = _profile_lines(ctx)[:1]
    pop = ctx.pop()
    for key, attr in POP_FIELDS.items():
        if key == "pop_steun":
            continue
        lines.append(_line(Q[key].label, getattr(pop, attr)))
    for goal in pop.goals:
        if goal.text is None:
            continue
        extra = []
        if goal.kind:
            extra.append(f"soort: {LABELS_KIND.get(goal.kind, goal.kind)}")
        if goal.deadline and goal.deadline != "zie leerdoel":
            extra.append(f"wanneer: {goal.deadline}")
        if goal.result and goal.result != "zie leerdoel":
            extra.append(f"resultaat: {goal.result}")
        if goal.activity:
            extra.append(f"hoe: {goal.activity}")
        lines.append(f"- Leerdoel {goal.position}: {goal.text}" + (f" ({'; '.join(extra)})" if extra else ""))
    if "pop_steun" in POP_FIELDS:
        lines.append(_line(Q["pop_steun"].label, pop.support_needed))
    return "\n".join(lines)


SUMMARIES = {"strategie": _summary_strategie, "jaarplan": _summary_jaarplan, "pop": _summary_pop}


def summary(ctx: Ctx) -> str:
    return SUMMARIES[ctx.interview](ctx)
