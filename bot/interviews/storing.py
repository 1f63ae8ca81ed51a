"""Storing an accepted answer where it belongs, and the messages that go with it (budget, tips, SMART)."""

from __future__ import annotations

from bot.dutch import formatting, parsing
from bot.dutch.facts import Facts
from bot.interviews import groups, parts
from bot.interviews.answers import DONE_WORDS, split_list
from bot.interviews.catalogue import (
    ACT_FIELDS,
    ACTIVITIES_DONE,
    BUDGET,
    GOAL_FIELDS,
    GOALS_DONE,
    ORG_FIELDS,
    ORGANISATION_NAME,
    PLAN_FIELDS,
    PLAN_YEAR,
    POP_FIELDS,
    SPEERPUNTEN,
    Q,
    key_at,
)
from bot.interviews.context import MAX_GOALS, Message
from bot.interviews.fields import read, write
from bot.interviews.flow import (
    _current_goal,
    _last_activity,
    _last_goal,
    _new_activity,
    activity_participants,
    activity_situations,
    current_activity,
)
from bot.interviews.parts import HOOKS, Stored
from bot.storage import repository as repo
from bot.storage.models import Activity, LearningGoal, Speerpunt


class Storing:
    """The storing half of InterviewEngine (bot/interviews/engine.py): ``self.ctx``, ``self.state``, ..."""

    def _answerspeerpunten(self, text: str, messages: list[Message]) -> bool:
        plan = repo.get_or_create_strategic_plan(self.session, self.ctx.org)
        norm = parsing.normalize(text).strip(" .!")
        if norm in DONE_WORDS or parsing.parse_yes_no(text) is False:
            if not plan.speerpunten:
                messages.append(Message("speerpunt_minstens_een"))
                return False
            plan.speerpunten_complete = True
            repo.log_answer(self.session, self.person.id, self.interview, key_at(SPEERPUNTEN), text,
                            " | ".join(sp.text for sp in plan.speerpunten))
            return True
        items = split_list(text)
        if not items or any(parsing.word_count(i) == 0 for i in items):
            messages.append(Message("antwoord_leeg"))
            return False
        for item in items:
            plan.speerpunten.append(Speerpunt(position=len(plan.speerpunten) + 1, text=item[:500]))
            repo.log_answer(self.session, self.person.id, self.interview, "speerpunt", item, item)
        self.session.flush()
        messages.append(Message("speerpunten_opgeslagen", {"aantal": formatting.count(len(items), "speerpunt",
                                                                                "speerpunten"),
                                                           "lijst": "; ".join(items)})
                        if len(items) > 1 else Message("speerpunt_opgeslagen"))
        return True

    def _has_value(self, key: str) -> bool:
        ctx = self.ctx
        group = groups.group_of(key)
        if group is not None:
            return groups.has_value(ctx.pop(), group, key)
        if key in PLAN_FIELDS:
            plan = ctx.plan()
            return plan is not None and read(plan, PLAN_FIELDS[key]) is not None
        if key in POP_FIELDS:
            return read(ctx.pop(), POP_FIELDS[key]) is not None
        if key in ORG_FIELDS:
            return ctx.org is not None and read(ctx.org, ORG_FIELDS[key]) is not None
        if key in ACT_FIELDS:
            act = current_activity(ctx)
            return act is not None and read(act, ACT_FIELDS[key]) is not None
        if key in GOAL_FIELDS:
            goal = _current_goal(ctx)
            return goal is not None and read(goal, GOAL_FIELDS[key]) is not None
        return False

    def _after(self, stored: Stored) -> None:
        """The question's own hooks (``after:`` in its file), with the record the answer went to."""
        for hook in Q[stored.key].after:
            HOOKS[hook](self, stored)

    def _store(self, stored: Stored) -> None:  # noqa: C901 - one table of places
        ctx, key, value, messages = self.ctx, stored.key, stored.value, stored.messages
        group = groups.group_of(key)
        if group is not None:
            stored.item = groups.store(ctx.pop(), group, key, value, self.state.pending_question == key)
            self._after(stored)
            self.session.flush()
            return
        if key == key_at(ORGANISATION_NAME):
            if self.organisation_fixed:
                return  # never asked then; and never moved by what someone types
            org = repo.get_or_create_organisation(self.session, value)
            self.person.organisation = org
            if org.strategic_plan and org.strategic_plan.speerpunten:
                messages.append(Message("organisatie_bekend", {"organisatie": org.name}))
            understood = self.use_facts(Facts())  # a name that says the sector: "Gemeente Oostmeer"
            if understood:
                messages.append(understood)
        elif key in ORG_FIELDS:
            write(ctx.org, ORG_FIELDS[key], value)
            stored.item = ctx.org
        elif key in PLAN_FIELDS:
            stored.item = repo.get_or_create_strategic_plan(self.session, ctx.org)
            write(stored.item, PLAN_FIELDS[key], value)
        elif key == key_at(PLAN_YEAR):
            repo.get_or_create_year_plan(self.session, ctx.org, value)
            self.state.year = ctx.year = value
        elif key == key_at(BUDGET):
            stored.item = ctx.year_plan()
            stored.item.budget_cents = value
        elif key in ACT_FIELDS:
            act = current_activity(ctx)
            if act is None:
                act = _last_activity(ctx) if self.state.pending_question == key else None
            if act is None:
                act = _new_activity(ctx)
            stored.item = act
            if Q[key].kind == "speerpunt":
                act.speerpunt_id = value.id if value else None
                act.speerpunt_text = value.text if value else ""
            else:
                write(act, ACT_FIELDS[key], value)
            self._after(stored)
            if not act.complete and all(read(act, a) is not None for k, a in ACT_FIELDS.items()
                                        if parts.applies(self, Q[k], act)):
                act.complete = True
                parts.budget_message(ctx.year_plan(), messages, after_activity=True)
                self._plan_tip(messages, act)
        elif key == key_at(ACTIVITIES_DONE):
            if value:
                _new_activity(ctx)
            else:
                ctx.year_plan().activities_complete = True
        elif key in POP_FIELDS:
            write(ctx.pop(), POP_FIELDS[key], value)
        elif key in GOAL_FIELDS:
            goal = _current_goal(ctx)
            if goal is None and self.state.pending_question == key:
                goal = _last_goal(ctx)
            if goal is None:
                pop = ctx.pop()
                goal = LearningGoal(position=len(pop.goals) + 1)
                pop.goals.append(goal)
            write(goal, GOAL_FIELDS[key], value)
            stored.item = goal
            self._after(stored)
            if all(read(goal, a) is not None for a in GOAL_FIELDS.values()) and not goal.complete:
                goal.complete = True
                messages.append(Message("leerdoel_opgeslagen", {"nummer": goal.position}))
                self._personal_tip(messages, goal)
                if len(ctx.pop().goals) >= MAX_GOALS:
                    ctx.pop().goals_complete = True
                    messages.append(Message("leerdoelen_maximum", {"maximum": MAX_GOALS}))
        elif key == key_at(GOALS_DONE):
            pop = ctx.pop()
            if value:
                pop.goals.append(LearningGoal(position=len(pop.goals) + 1))
            else:
                pop.goals_complete = True
        else:
            raise KeyError(key)
        if key not in ACT_FIELDS and key not in GOAL_FIELDS:
            self._after(stored)
        self.session.flush()

    def _plan_tip(self, messages: list[Message], act: Activity) -> None:
        """Employer money for a plan activity, when its conditions are known to hold; once per interview."""
        from bot.funding.advice import plan_tip  # the knowledge base is only read when a tip may be due

        org = self.ctx.org
        if self.state.funding_tip_shown or org is None:
            return
        names = plan_tip(org.sector, org.employees, activity_situations(act), act.kind,
                         activity_participants(act, org.employees))
        if names:
            self.state.funding_tip_shown = True
            messages.append(Message("subsidie_tip", {"regelingen": names}))

    def _personal_tip(self, messages: list[Message], goal: LearningGoal) -> None:
        """Money for a person's own course or study, when the goal is one; once per interview."""
        from bot.funding.advice import personal_tip

        if self.state.funding_tip_shown:
            return
        org = self.ctx.org
        names = personal_tip(org.sector if org else None, " ".join(filter(None, [goal.activity, goal.text])))
        if names:
            self.state.funding_tip_shown = True
            messages.append(Message("subsidie_tip_pop", {"regelingen": names}))

    # -- corrections and restart ------------------------------------------------------------------
    def _has_value_any(self, key: str) -> bool:
        ctx = self.ctx
        if key == key_at(ORGANISATION_NAME):
            return ctx.org is not None
        if key == key_at(SPEERPUNTEN):
            return ctx.plan() is not None and bool(ctx.plan().speerpunten)
        if key == key_at(PLAN_YEAR):
            return ctx.year_plan() is not None
        if key == key_at(BUDGET):
            return ctx.year_plan() is not None and ctx.year_plan().budget_cents is not None
        if key in ACT_FIELDS:
            act = _last_activity(ctx)
            return act is not None and read(act, ACT_FIELDS[key]) is not None
        if key in GOAL_FIELDS:
            goal = _last_goal(ctx)
            return goal is not None and read(goal, GOAL_FIELDS[key]) is not None
        return self._has_value(key)
