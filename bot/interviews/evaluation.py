"""The evaluation of a yearly plan (questions/evaluatie.yml): per planned activity done, not done or moved, the
real cost and the effect; then the strategic policy (what changed, the ondernemingsraad) and, when something
was not finished, whether it goes to next year's plan. The interview itself is the engine's, driven by the file.

Unfinished activities are copied into next year's plan only when the manager says yes; a copy remembers where
it came from, so saying yes twice copies nothing twice.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.dutch import formatting, parsing
from bot.interviews.catalogue import LABELS_KIND
from bot.storage import repository as repo
from bot.storage.models import Activity

UNFINISHED = ("niet_gedaan", "verschoven")


def planned(plan) -> list[Activity]:
    return [a for a in plan.activities if a.title] if plan else []


def unfinished(plan) -> list[Activity]:
    return [a for a in planned(plan) if a.eval_status in UNFINISHED]


def carry_over(session, plan) -> list[Activity]:
    """Copy the unfinished activities of ``plan`` into next year's plan (once); returns the new ones."""
    following = repo.get_or_create_year_plan(session, plan.organisation, plan.year + 1)
    done = set(session.execute(select(Activity.carried_from_id).where(Activity.year_plan_id == following.id))
               .scalars())
    copies = []
    for act in unfinished(plan):
        if act.id in done:
            continue
        copy = Activity(position=max((a.position for a in following.activities), default=0) + 1,
                        carried_from_id=act.id, complete=True)  # the agreement stays with its own year
        for attr in ("title", "target_group", "kind", "speerpunt_id", "speerpunt_text", "goal", "form", "provider",
                     "cooperation", "cost_cents"):
            setattr(copy, attr, getattr(act, attr))
        # a period of this year is never next year's: the one named when it was moved, or planned again
        extra = dict(act.extra or {})
        copy.period = extra.pop("volgende_periode", None)
        act.extra = extra or None
        following.activities.append(copy)
        copies.append(copy)
    session.flush()
    return copies


def summary(engine) -> str:
    plan = engine.ctx.year_plan()
    if plan is None:
        return "- Nog geen jaar gekozen"
    return "\n".join(evaluation_lines(plan))


def evaluation_lines(plan) -> list[str]:
    """The evaluation of a yearly plan in plain Dutch (chat summary and document)."""
    lines = [f"- Jaar: {plan.year}"]
    planned_total = real_total = 0
    for act in planned(plan):
        planned_total += act.cost_cents or 0
        real_total += act.eval_cost_cents or 0
        parts = [parsing.LABELS_EVALUATION.get(act.eval_status, "nog niet geëvalueerd")]
        if act.kind:
            parts.append(f"soort: {LABELS_KIND.get(act.kind, act.kind)}")
        parts.append(f"gepland: {formatting.format_euro(act.cost_cents or 0)}")
        if act.eval_cost_cents is not None:
            parts.append(f"werkelijk: {formatting.format_euro(act.eval_cost_cents)}")
        if act.eval_effect:
            parts.append(f"effect: {act.eval_effect}")
        lines.append(f"- Activiteit {act.position}: {act.title} ({'; '.join(parts)})")
    lines.append(f"- Totaal gepland: {formatting.format_euro(planned_total)}; werkelijk uitgegeven: "
                 f"{formatting.format_euro(real_total)}")
    if plan.budget_cents is not None:
        lines.append(f"- Budget: {formatting.format_euro(plan.budget_cents)}")
    if plan.eval_policy_changes is not None:
        lines.append(f"- Wat er veranderde in het beleid: {plan.eval_policy_changes or 'niets'}")
    labels = {"ja": "ja", "gepland": "nog niet, wel gepland", "nee": "nee"}
    if plan.eval_works_council:
        lines.append(f"- Ondernemingsraad betrokken bij de evaluatie: {labels.get(plan.eval_works_council)}")
    if plan.eval_carry_over is not None:
        lines.append("- Niet afgeronde activiteiten: " + (f"meegenomen naar {plan.year + 1}" if plan.eval_carry_over
                                                          else "niet meegenomen"))
    return lines
