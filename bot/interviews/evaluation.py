"""The evaluation of a yearly plan as an interview (questions/evaluatie.yml): per planned activity done, not done
or moved, the real cost and the effect; then the strategic policy (what changed, the ondernemingsraad) and,
when something was not finished, whether it goes to next year's plan.

Unfinished activities are copied into next year's plan only when the manager says yes; a copy remembers where
it came from, so saying yes twice copies nothing twice.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.dutch import formatting, parsing
from bot.interviews import parts
from bot.interviews.catalogue import (
    CHOSEN_YEAR,
    EVAL_FIELDS,
    LABELS_KIND,
    ORGANISATION_NAME,
    YEAR_EVAL_FIELDS,
    Q,
    key_at,
)
from bot.interviews.context import Message, Reply
from bot.interviews.engine import InterviewEngine
from bot.interviews.fields import read, write
from bot.interviews.parts import Stored
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
        copy.period = None if act.eval_status == "niet_gedaan" else act.period
        following.activities.append(copy)
        copies.append(copy)
    session.flush()
    return copies


class EvaluationEngine(InterviewEngine):
    interviews = ("evaluatie",)

    def _plan(self):
        return self.ctx.year_plan()

    def _current(self) -> Activity | None:
        for act in planned(self._plan()):
            if self._missing_for(act):
                return act
        return None

    def _last(self) -> Activity | None:
        evaluated = [a for a in planned(self._plan()) if a.eval_status]
        return evaluated[-1] if evaluated else None

    def _missing_for(self, act: Activity) -> str | None:
        for key, attr in EVAL_FIELDS.items():
            if not parts.applies(self, Q[key], act):
                continue
            if read(act, attr) is None:
                return key
        return None

    def _target(self, key: str) -> Activity | None:
        return self._current() or (self._last() if self.state.pending_question == key else None)

    # -- the engine's hooks ------------------------------------------------------------------------
    def begin(self) -> None:
        if self.state.status == "done":
            self.state.year = self.ctx.year = None  # a new evaluation: which year?

    def _next(self) -> str | None:
        if self.ctx.org is None:
            return key_at(ORGANISATION_NAME)
        plan = self._plan()
        if plan is None:
            return key_at(CHOSEN_YEAR)
        act = self._current()
        if act is not None:
            return self._missing_for(act)
        for key, attr in YEAR_EVAL_FIELDS.items():
            if not parts.applies(self, Q[key]):
                continue
            if read(plan, attr) is None:
                return key
        return None

    def _is_applicable(self, key: str) -> bool:
        if key in EVAL_FIELDS:
            return self._target(key) is not None
        if key in YEAR_EVAL_FIELDS:
            return self._plan() is not None
        return super()._is_applicable(key)

    def _has_value(self, key: str) -> bool:
        if key == key_at(CHOSEN_YEAR):
            return self._plan() is not None
        if key in EVAL_FIELDS:
            act = self._target(key) or self._last()
            return act is not None and read(act, EVAL_FIELDS[key]) is not None
        if key in YEAR_EVAL_FIELDS:
            return self._plan() is not None and read(self._plan(), YEAR_EVAL_FIELDS[key]) is not None
        return super()._has_value(key)

    _has_value_any = _has_value

    def answer(self, text: str) -> Reply:
        key = self.current_key()
        if key == key_at(CHOSEN_YEAR) and self.state.asked_question in (None, key_at(CHOSEN_YEAR)) and self.ctx.org is not None:
            year = parsing.parse_year(text or "", self.today)
            if year is not None and repo.get_year_plan(self.session, self.ctx.org, year) is None:
                return Reply([Message("evaluatie_geen_jaarplan", {"jaar": year})], accepted=False, done=False)
        return super().answer(text)

    def _store(self, stored: Stored) -> None:
        key, value, messages = stored.key, stored.value, stored.messages
        if key == key_at(CHOSEN_YEAR):
            self.state.year = self.ctx.year = value
            if not planned(self._plan()):
                messages.append(Message("evaluatie_geen_activiteiten", {"jaar": value}))
        elif key in EVAL_FIELDS:
            stored.item = self._target(key)
            write(stored.item, EVAL_FIELDS[key], value)
        elif key in YEAR_EVAL_FIELDS:
            stored.item = self._plan()
            write(stored.item, YEAR_EVAL_FIELDS[key], value)
        else:
            super()._store(stored)
            return
        self._after(stored)
        self.session.flush()

    def item_params(self, key: str) -> dict:
        plan = self._plan()
        params = {"jaar": plan.year} if plan is not None else {}
        if key in EVAL_FIELDS:
            act = self._target(key) or self._last()
            params.update({"nummer": act.position, "activiteit": act.title, "wanneer": act.period or "",
                           "kosten": formatting.format_euro(act.cost_cents or 0)})
        elif plan is not None and key in YEAR_EVAL_FIELDS:
            params.update({"aantal": formatting.count(len(unfinished(plan)), "activiteit is", "activiteiten zijn"),
                           "volgend_jaar": plan.year + 1})
        return params

    def restart(self) -> None:
        """Start the evaluation over: the answers of this evaluation are cleared, the plan itself stays."""
        repo.log_answer(self.session, self.person.id, self.interview, "opnieuw_beginnen", "(opnieuw begonnen)")
        plan = self._plan()
        for act in planned(plan):
            act.eval_status = act.eval_cost_cents = act.eval_effect = None
        if plan is not None:
            plan.eval_policy_changes = plan.eval_works_council = plan.eval_carry_over = None
        self.state.year = self.ctx.year = None
        self.state.pending_question = self.state.asked_question = None
        self.state.status = "active"
        self.session.flush()

    def summary(self) -> str:
        plan = self._plan()
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
