"""The Dutch summaries of an interview ("Dit heb je tot nu toe ingevuld")."""

from __future__ import annotations

import re

from bot.dutch import formatting, parsing
from bot.interviews import groups, profile
from bot.interviews.answers import choice_title
from bot.interviews.catalogue import (
    ACT_FIELDS,
    GOAL_FIELDS,
    INTERVIEW_QUESTIONS,
    LABELS_KIND,
    ORG_FIELDS,
    Group,
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
    if profile.cao_label(org):
        lines.append(_line("Cao", profile.cao_label(org), typed=False))
    if org.has_works_council is not None:
        lines.append(_line("Ondernemingsraad", "ja" if org.has_works_council else "nee", typed=False))
    lines += [_line(label, value) for label, value in own_questions(org, ORG_FIELDS)]
    return lines


def _answer_lines(asked, interview: str, records: dict[str, object], group_lines) -> list[str]:
    """An interview's answers in asking order, each under its question's label, as its question file says: the
    profile is apart (_profile_lines), a question asked only under a condition only while it holds (``asked``), an
    organisation's own question only once answered; a repeating group as ``group_lines`` writes it."""
    lines: list[str] = []
    for step in current().steps[interview]:
        if isinstance(step, Group):
            lines += group_lines(step)
            continue
        q = Q[step]
        record, _, attribute = q.stored_in.partition(".")
        if record not in records or records[record] is None:
            continue
        if q.kind == "list":  # the speerpunten: a numbered list
            found = list(read(records[record], attribute) or [])
            lines += ([f"- {q.label}:"] + [f"  {i}. {said(sp.text)}" for i, sp in enumerate(found, 1)] if found
                      else [_line(q.label, None)])
            continue
        value = read(records[record], attribute)
        if (value is None and attribute.startswith(EXTRA)) or not asked(q):
            continue
        lines.append(_line(q.label, shown(step, value), typed=not (q.buttons or q.choices)))
    return lines


def _summary_strategie(ctx: Ctx, asked) -> str:
    lines = _profile_lines(ctx)
    plan = ctx.plan()
    if plan is None:
        return "\n".join(lines)
    return "\n".join(lines + _answer_lines(asked, "strategie", {"strategic_plan": plan}, lambda _group: []))


# What an activity's line above names in its own words; every other answer of its question file follows by its label
# (found over make run: "laat zien wat ik heb ingevuld" left out the goal, the form and the cooperation)
_SHOWN_ABOVE = frozenset({"title", "target_group", "kind", "speerpunt_text", "period", "provider", "cost_cents"})


def _other_parts(act) -> list[str]:
    parts = []
    for key, attribute in ACT_FIELDS.items():
        value = getattr(act, attribute, None)
        if attribute in _SHOWN_ABOVE or value in (None, ""):
            continue
        value = choice_title(Q[key], value) if Q[key].choices else value
        parts.append(f"{formatting.in_sentence(Q[key].label)}: {said(value)}")
    return parts


def _summary_jaarplan(ctx: Ctx, _asked) -> str:
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
        parts += _other_parts(act)
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


def _summary_pop(ctx: Ctx, asked) -> str:
    pop = ctx.pop()
    return "\n".join(_profile_lines(ctx)[:1] + _answer_lines(asked, "pop", {"pop": pop},
                                                             lambda group: _pop_group_lines(pop, group)))


def _pop_group_lines(pop, group: Group) -> list[str]:
    if group.items is None:  # an organisation's own group
        found = groups.described(pop, group, lambda key, value: shown(key, value) if Q[key].buttons
                                 else said(shown(key, value)))
        return [f"- {group.label}: " + (" / ".join(found) if found else "geen")]
    lines = []
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
    return lines


SUMMARIES = {"strategie": _summary_strategie, "jaarplan": _summary_jaarplan, "pop": _summary_pop}


def summary(engine, asked) -> str:
    """What an interview holds now, for the engine's person and interview; ``asked(question)``: whether a
    question is asked now (its ``ask_if``)."""
    return SUMMARIES[engine.ctx.interview](engine.ctx, asked)
