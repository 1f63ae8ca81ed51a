"""Where the items of a built-in repeating group come from (catalogue.REPEATED): the questions stored on a
goal, an activity, an agreement or an activity's evaluation are asked once per item.

Every source answers the same questions for the engine: which item is open, which one a correction goes to,
the record an answer is written to, what "nog een?" does, what happens when an item is complete, and the
values the question texts use ("leerdoel {nummer}").
"""

from __future__ import annotations

from typing import Any

from bot.dutch import formatting
from bot.interviews import agreements as rules
from bot.interviews import evaluation, popgesprek
from bot.interviews.context import MAX_GOALS, Message
from bot.interviews.flow import activity_participants, activity_situations, current_activity
from bot.interviews.plan_view import origin_agreement
from bot.storage.models import Activity, Agreement, LearningGoal


class Items:
    """A repeating group's items; ``group`` is the catalogue's Group, ``complete(record)`` whether it is done."""

    noun = "item"  # how a person names one item: "activiteit 6", "leerdoel 2"

    def all(self, engine) -> list:
        """The items there are, in order (each has a ``position``)."""
        return []

    def at(self, engine, position: int) -> Any:
        """The item a person names by its number ("activiteit 6"), or None."""
        return next((item for item in self.all(engine) if item.position == position), None)

    def title(self, item) -> str | None:
        """The words that name an item besides its number ("de training Excel")."""
        return None

    def available(self, engine) -> bool:
        return True

    def current(self, engine, complete) -> Any:
        raise NotImplementedError

    def last(self, engine, attribute: str | None) -> Any:
        raise NotImplementedError

    def started(self, engine) -> bool:
        return False

    def closed(self, engine) -> bool:
        return True

    def new(self, engine) -> Any:
        raise NotImplementedError

    def close(self, engine, value: bool) -> None:
        """The answer to "nog een?": a new item, or the list is done."""

    def record(self, engine, item, create: bool) -> Any:
        return item

    def finished(self, engine, record, key: str, complete: bool, messages: list[Message]) -> None:
        """After an answer to one of its questions (``complete``: every question of the item has one)."""

    def params(self, engine, item) -> dict:
        return {}


class LearningGoals(Items):
    noun = "leerdoel"

    def all(self, engine):
        return list(engine.ctx.pop().goals)

    def title(self, item):
        return item.text

    def current(self, engine, complete):
        return next((goal for goal in engine.ctx.pop().goals if not goal.complete), None)

    def last(self, engine, attribute):
        goals = engine.ctx.pop().goals
        return self.current(engine, None) or (goals[-1] if goals else None)

    def started(self, engine):
        return bool(engine.ctx.pop().goals)

    def closed(self, engine):
        return bool(engine.ctx.pop().goals_complete)

    def new(self, engine):
        pop = engine.ctx.pop()
        goal = LearningGoal(position=len(pop.goals) + 1)
        pop.goals.append(goal)
        return goal

    def close(self, engine, value):
        if value:
            self.new(engine)
        else:
            engine.ctx.pop().goals_complete = True

    def finished(self, engine, record, key, complete, messages):
        if not complete or record.complete:
            return
        record.complete = True
        messages.append(Message("leerdoel_opgeslagen", {"nummer": record.position}))
        _personal_tip(engine, messages, record)
        pop = engine.ctx.pop()
        if len(pop.goals) >= MAX_GOALS:
            pop.goals_complete = True
            messages.append(Message("leerdoelen_maximum", {"maximum": MAX_GOALS}))

    def params(self, engine, item):
        if item is not None:  # the goal asked about, also when a correction names an earlier one
            return {"nummer": item.position}
        return {"nummer": len(engine.ctx.pop().goals) + (0 if self.current(engine, None) else 1)}


class PlanActivities(Items):
    noun = "activiteit"

    def all(self, engine):
        """The activities the plan's interview may name and change: not those that stand for an agreement of a
        POP-gesprek (their manager changes them there, with the employee; to others they may not even be shown
        by name: plan_view.py)."""
        plan = engine.ctx.year_plan()
        return [a for a in plan.activities if origin_agreement(engine.session, a) is None] if plan else []

    def title(self, item):
        return item.title

    def available(self, engine):
        return engine.ctx.year_plan() is not None

    def current(self, engine, complete):
        return current_activity(engine.ctx)

    def last(self, engine, attribute):
        plan = engine.ctx.year_plan()
        return current_activity(engine.ctx) or (plan.activities[-1] if plan and plan.activities else None)

    def started(self, engine):
        return bool(engine.ctx.year_plan().activities)

    def closed(self, engine):
        return bool(engine.ctx.year_plan().activities_complete)

    def new(self, engine):
        plan = engine.ctx.year_plan()
        act = Activity(position=max((a.position for a in plan.activities), default=0) + 1, complete=False)
        plan.activities.append(act)
        engine.session.flush()
        return act

    def close(self, engine, value):
        if value:
            self.new(engine)
        else:
            engine.ctx.year_plan().activities_complete = True

    def finished(self, engine, record, key, complete, messages):
        from bot.interviews.parts import budget_message

        if not complete or record.complete:
            return
        record.complete = True
        budget_message(engine.ctx.year_plan(), messages, after_activity=True)
        _plan_tip(engine, messages, record)

    def params(self, engine, item):
        if item is not None:  # the activity asked about, also when a correction names an earlier one
            return {"nummer": item.position}
        plan = engine.ctx.year_plan()
        return {"nummer": len(plan.activities) + (0 if current_activity(engine.ctx) else 1) if plan else 1}


class EvaluatedActivities(Items):
    noun = "activiteit"

    def all(self, engine):
        return list(evaluation.planned(engine.ctx.year_plan()))

    def title(self, item):
        return item.title

    def available(self, engine):
        return engine.ctx.year_plan() is not None

    def current(self, engine, complete):
        return next((act for act in evaluation.planned(engine.ctx.year_plan()) if not complete(act)), None)

    def last(self, engine, attribute):
        evaluated = [a for a in evaluation.planned(engine.ctx.year_plan()) if a.eval_status]
        return evaluated[-1] if evaluated else None

    def params(self, engine, item):
        return {"nummer": item.position, "activiteit": item.title, "wanneer": item.period or "",
                "kosten": formatting.format_euro(item.cost_cents or 0)} if item is not None else {}


class SharedGoals(Items):
    """The learning goals of the chosen team member's shared POP; the answers go to the goal's agreement."""

    noun = "leerdoel"

    def all(self, engine):
        pop = popgesprek.subject_pop(engine)
        return list(rules.goals(pop)) if pop is not None else []

    def available(self, engine):
        return popgesprek.subject_pop(engine) is not None

    def current(self, engine, complete):
        pop = popgesprek.subject_pop(engine)
        if pop is None:
            return None
        for goal in rules.goals(pop):
            agreement = _agreement(pop, goal)
            if agreement is None or not agreement.complete:
                return goal
        return None

    def last(self, engine, attribute):
        agreement = popgesprek.last_touched(engine, attribute)
        if agreement is None:
            return None
        return next((g for g in agreement.pop.goals if g.position == agreement.position), None)

    def record(self, engine, item, create):
        if item is None:
            return None
        pop = popgesprek.subject_pop(engine)
        agreement = _agreement(pop, item)
        if agreement is None and create:  # the first answer about this goal
            agreement = Agreement(position=item.position, goal_text=item.text, recorded_by=engine.person.id,
                                  complete=False)
            pop.agreements.append(agreement)
        return agreement

    def finished(self, engine, record, key, complete, messages):
        pending = engine.state.pending_question == key
        if record.complete and not complete:
            record.complete = False  # "niet nu" became "afgesproken": the activity, when, ... are asked now
            engine.state.pending_question = None
        if complete and (not record.complete or pending):
            event = rules.finish(engine.session, record, engine.person.id)
            messages.append(Message("afspraak_opgeslagen" if event == "vastgelegd" else "afspraak_gewijzigd",
                                    {"nummer": record.position}))
            popgesprek.budget_after(engine, record, messages)

    def params(self, engine, item):
        # the goal by its number and kind, never its text: the manager reads that in the shared POP, so nothing
        # of the employee's own words stays in the manager's conversation (issue 29, item 4)
        pop = popgesprek.subject_pop(engine)
        return {"naam": pop.person.display_name or pop.person.id, "nummer": item.position if item else "",
                "soort": popgesprek.kind_label(item)}


def _agreement(pop, goal) -> Agreement | None:
    return next((a for a in pop.agreements if a.position == goal.position), None)


def _plan_tip(engine, messages: list[Message], act: Activity) -> None:
    """Employer money for a plan activity, when its conditions are known to hold; once per interview."""
    from bot.funding.advice import plan_tip  # the knowledge base is only read when a tip may be due

    org = engine.ctx.org
    if engine.state.funding_tip_shown or org is None:
        return
    names = plan_tip(org.sector, org.employees, activity_situations(act), act.kind,
                     activity_participants(act, org.employees))
    if names:
        engine.state.funding_tip_shown = True
        messages.append(Message("subsidie_tip", {"regelingen": names}))


def _personal_tip(engine, messages: list[Message], goal: LearningGoal) -> None:
    """Money for a person's own course or study, when the goal is one; once per interview."""
    from bot.funding.advice import helps, personal_tip

    if engine.state.funding_tip_shown:
        return
    org = engine.ctx.org
    names = personal_tip(org.sector if org else None, " ".join(filter(None, [goal.activity, goal.text])))
    if names:
        engine.state.funding_tip_shown = True
        messages.append(Message("subsidie_tip_pop", {"regelingen_helpen": helps(names)}))


ITEMS: dict[str, Items] = {"learning_goals": LearningGoals(), "plan_activities": PlanActivities(),
                           "evaluated_activities": EvaluatedActivities(), "shared_goals": SharedGoals()}
