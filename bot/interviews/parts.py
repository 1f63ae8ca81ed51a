"""What a question file names and only code can do (bot/interviews/named.py lists the names).

Sources make buttons (and the values a question's text may use) from stored data; conditions say whether a
question is asked; hooks run after an answer is stored. Each gets the engine of the person's interview and,
for a question of a repeating group, the record of the item the question is about.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.dutch import formatting, values
from bot.interviews import funding
from bot.interviews.context import Message
from bot.interviews.context import buttons as make_buttons
from bot.interviews.flow import speerpunten
from bot.vocabulary import KINDS_OF_LEARNING, SECTORS


@dataclass
class Stored:
    """An answer just stored: what was typed, the value read from it, the record it went to."""

    key: str
    text: str
    value: Any
    item: Any
    first: bool  # not a correction of an earlier answer
    messages: list[Message] = field(default_factory=list)
    also: dict = field(default_factory=dict)  # other questions of the same item the message answered (said back)


# -- sources: (buttons, params) --------------------------------------------------------------------------
def _speerpunten(engine) -> tuple[list[dict], dict]:
    points = speerpunten(engine.ctx)
    return (make_buttons([(formatting.short(sp.text, 60), f"speerpunt {i}") for i, sp in enumerate(points, 1)]),
            {"speerpunten": "\n".join(f"- {formatting.quoted(sp.text)}" for sp in points),  # the manager's words
             "aantal": formatting.count(len(points), "speerpunt", "speerpunten")})


def _years(engine, step: int) -> tuple[list[dict], dict]:
    years = [engine.today.year, engine.today.year + step]
    if step < 0:  # looking back: the years that have a plan to look back on, when there are (found over make run:
        # 2026 and 2025 were offered while only a plan for 2027 existed)
        org = engine.ctx.org
        planned = sorted({p.year for p in (org.year_plans if org is not None else []) if p.year <= engine.today.year},
                         reverse=True)
        years = planned[:3] or years
    return make_buttons([(str(y), str(y)) for y in years]), {}


def _team_members(engine) -> tuple[list[dict], dict]:
    names = [p.display_name or p.id for p in engine.choices()]
    return make_buttons([(name, name) for name in names]), {}


def _unfinished_count(engine) -> tuple[list[dict], dict]:
    from bot.interviews.evaluation import unfinished

    plan = engine.ctx.year_plan()
    n = len(unfinished(plan))
    return [], {"er_zijn": formatting.there_are(n, "activiteit", "activiteiten"), "volgend_jaar": plan.year + 1}


SOURCES: dict[str, Callable[[Any], tuple[list[dict], dict]]] = {
    "sectors": lambda _engine: (make_buttons([(s.button, s.key) for s in SECTORS.values()]), {}),
    "organisation_speerpunten": _speerpunten,
    "years_ahead": lambda engine: _years(engine, 1),
    "years_back": lambda engine: _years(engine, -1),
    "team_members": _team_members,
    "unfinished_count": _unfinished_count,
}


# -- conditions ------------------------------------------------------------------------------------------
def _unfinished(engine, _key, _item) -> bool:
    from bot.interviews.evaluation import unfinished

    return bool(unfinished(engine.ctx.year_plan()))


CONDITIONS: dict[str, Callable[[Any, str, Any], bool]] = {
    "speerpunten_known": lambda engine, _key, _item: bool(speerpunten(engine.ctx)),
    "adding_speerpunten": lambda engine, key, _item: bool(speerpunten(engine.ctx))
    and engine.state.pending_question != key,
    "works_council": lambda engine, _key, _item: bool(engine.ctx.org and engine.ctx.org.has_works_council),
    "works_council_not_denied": lambda engine, _key, _item: not (engine.ctx.org is not None
                                                                 and engine.ctx.org.has_works_council is False),
    "activity_done": lambda _engine, _key, item: item is not None and item.eval_status == "gedaan",
    "not_postponed": lambda _engine, _key, item: item is None or item.decision != "niet_nu",
    "agreed_with_speerpunten": lambda engine, _key, item: (item is None or item.decision != "niet_nu")
    and bool(speerpunten(engine.ctx)),  # "niet nu": no speerpunt is asked (its answer was lost)
    "unfinished_activities": _unfinished,
    "nobody_to_choose": lambda engine, _key, _item: not engine.choices(),
    "for_an_organisation": funding.for_an_organisation,
}


def applies(engine, q, item=None) -> bool:
    """Whether question ``q`` is asked now (its ``ask_if``)."""
    return q.ask_if is None or CONDITIONS[q.ask_if](engine, q.key, item)


# -- hooks after an answer is stored ---------------------------------------------------------------------
def _profile_facts(engine, stored: Stored) -> None:
    from bot.dutch.facts import extract

    more = engine.use_facts(extract(stored.text))  # "een gemeente met 300 medewerkers" answers two questions
    if more:
        stored.messages.append(more)


def _or_tip(_engine, stored: Stored) -> None:
    stored.messages.append(Message("tip_or_instemming" if stored.value == "ja" else "tip_or_betrekken"))


def budget_message(plan, messages: list[Message], after_activity: bool) -> None:
    """The yearly plan's budget: what is planned against it, what is left or how much it is over."""
    total = sum(a.cost_cents or 0 for a in plan.activities if a.cost_cents is not None)
    budget = plan.budget_cents or 0
    params = {"totaal": formatting.format_euro(total), "budget": formatting.format_euro(budget),
              "rest": formatting.format_euro(budget - total), "over": formatting.format_euro(total - budget)}
    if not after_activity:
        messages.append(Message("budget_opgeslagen", params))
    elif total > budget:
        messages.append(Message("budget_overschreden", params))
    else:
        messages.append(Message("budget_stand", params))


READ_FROM_GOAL = "zie leerdoel"  # how success shows is said in the goal itself


def _smart_check(engine, stored: Stored) -> None:
    """A gentle SMART check: a goal that says when, or how success shows, answers those questions too; what was
    read for "wanneer" is said back with its dates."""
    from bot.dutch.periods import read_period

    goal, text = stored.item, stored.value
    if values.has_deadline(text):
        period = read_period(text, engine.today)  # no dates read ("van begin tot eind"): "wanneer" is asked
        if period.label:
            goal.deadline = period.label
            stored.messages.append(Message("leerdoel_wanneer_gelezen", {"wat": period.said or period.label}))
    if values.has_measurable_result(text) and goal.result in (None, READ_FROM_GOAL):
        goal.result = READ_FROM_GOAL  # never over a result the person gave themselves (found over make run)
        stored.messages.append(Message("leerdoel_resultaat_gelezen"))  # said, so nothing is filled in unseen
    elif goal.result == READ_FROM_GOAL and not values.has_measurable_result(text):
        goal.result = None  # a corrected goal that no longer says how success shows: asked again
    # the tip says only what will be asked: both questions, or the one that is still open
    if goal.deadline is None and goal.result is None:
        stored.messages.append(Message("smart_tip"))
    elif goal.deadline is None:
        stored.messages.append(Message("smart_tip_wanneer"))
    elif goal.result is None:
        stored.messages.append(Message("smart_tip_resultaat"))


def _activity_parts(engine, stored: Stored) -> None:
    """An activity described in one message fills every question it answers (said back and confirmed first:
    answers.described_parts); the rest is asked."""
    from bot.interviews.catalogue import Q
    from bot.interviews.fields import read, write

    filled = []
    for key, value in stored.also.items():
        attribute = Q[key].stored_in.partition(".")[2]
        if read(stored.item, attribute) is None:
            write(stored.item, attribute, value)
            filled.append(formatting.in_sentence(Q[key].label))
    if filled:
        stored.messages.append(Message("activiteit_delen_opgeslagen", {"velden": ", ".join(filled)}))


def _forget_result_unless_done(_engine, stored: Stored) -> None:
    if stored.value != "gedaan":
        stored.item.eval_cost_cents = stored.item.eval_effect = None


NEXT_PERIOD = "volgende_periode"  # activity.extra: when a moved activity happens ("doorgeschoven naar het voorjaar")


def _next_period(engine, stored: Stored) -> None:
    """"Doorgeschoven naar het voorjaar van 2027": the period goes with the activity to next year's plan (said)."""
    from bot.dutch.periods import read_period

    act, extra = stored.item, dict(stored.item.extra or {})
    extra.pop(NEXT_PERIOD, None)
    # "doorgeschoven naar het voorjaar", "uitgesteld tot maart" (not "het programma eindigt in maart")
    if stored.value == "verschoven" and engine.ctx.year is not None and re.search(r"\b(naar|tot)\b", stored.text):
        period = read_period(stored.text, engine.today, engine.ctx.year + 1)
        if period.label and period.start and period.start.year > engine.ctx.year and period.label != str(period.start.year):
            extra[NEXT_PERIOD] = period.label
            stored.messages.append(Message("volgende_periode_genoteerd", {"wat": period.said or period.label}))
    act.extra = extra or None


def _carry_over(engine, stored: Stored) -> None:
    from bot.interviews.evaluation import carry_over

    if stored.value:
        plan = engine.ctx.year_plan()
        copies = carry_over(engine.session, plan)
        stored.messages.append(Message("evaluatie_meegenomen", {
            "aantal": formatting.count(len(copies), "activiteit", "activiteiten"), "jaar": plan.year + 1}))


def _plan_without_activities(engine, stored: Stored) -> None:
    from bot.interviews.evaluation import planned

    if not planned(engine.ctx.year_plan()):
        stored.messages.append(Message("evaluatie_geen_activiteiten", {"jaar": stored.value}))


HOOKS: dict[str, Callable[[Any, Stored], None]] = {
    "profile_facts": _profile_facts,
    "or_tip": _or_tip,
    "budget_saved": lambda engine, _stored: budget_message(engine.ctx.year_plan(), _stored.messages, False),
    "smart_check": _smart_check,
    "activity_parts": _activity_parts,
    "forget_result_unless_done": _forget_result_unless_done,
    "carry_over": _carry_over,
    "next_period": _next_period,
    "plan_without_activities": _plan_without_activities,
    "funding_facts": funding.take_facts,
}


# -- per interview: a new round when it is opened again, and what "opnieuw beginnen" clears -------------------
def _new_round_of_popgesprek(engine) -> None:
    from bot.interviews.popgesprek import subject_pop

    if engine.state.status == "done" or subject_pop(engine) is None:
        engine.state.subject_id = None  # a new round: choose the team member
        engine.state.pending_question = None


def _new_evaluation(engine) -> None:
    if engine.state.status == "done":
        engine.state.year = engine.ctx.year = None  # a new evaluation: which year?


def _new_year_plan(engine) -> None:
    if engine.state.status == "done":
        engine.state.year = engine.ctx.year = None  # a finished plan: which year now? (next year's may be waiting)


ON_BEGIN: dict[str, Callable[[Any], None]] = {"popgesprek": _new_round_of_popgesprek, "evaluatie": _new_evaluation,
                                              "jaarplan": _new_year_plan, "subsidie": funding.new_round}


def _clear_strategy(engine) -> None:
    if engine.ctx.plan() is not None:
        engine.ctx.org.strategic_plan = None


def _clear_year_plan(engine) -> None:
    plan = engine.ctx.year_plan()
    if plan is None:
        return
    agreed = [a for a in plan.activities if a.agreement_id is not None]
    if agreed:  # activities agreed in POP-gesprekken stay: they belong to the employees' agreements
        for act in [a for a in plan.activities if a.agreement_id is None]:
            plan.activities.remove(act)
        plan.budget_cents, plan.activities_complete = None, False
    else:
        engine.session.delete(plan)
    engine.state.year = engine.ctx.year = None


def _clear_pop(engine) -> None:
    from bot.storage import repository as repo

    pop = repo.get_pop(engine.session, engine.person, engine.ctx.year)
    if pop is not None:
        engine.session.delete(pop)


def _choose_again(engine) -> None:
    """The POP-gesprek: choose the team member again. Recorded agreements stay (a change is a correction)."""
    engine.state.subject_id = None


def _clear_evaluation(engine) -> None:
    """The answers of this evaluation are cleared; the plan itself stays."""
    from bot.interviews.evaluation import planned

    plan = engine.ctx.year_plan()
    for act in planned(plan):
        act.eval_status = act.eval_cost_cents = act.eval_effect = None
    if plan is not None:
        plan.eval_policy_changes = plan.eval_works_council = plan.eval_carry_over = None
    engine.state.year = engine.ctx.year = None


ON_RESTART: dict[str, Callable[[Any], None]] = {
    "strategie": _clear_strategy, "jaarplan": _clear_year_plan, "pop": _clear_pop, "popgesprek": _choose_again,
    "evaluatie": _clear_evaluation, "subsidie": lambda engine: funding.new_round(engine, again=True),
}


def _summary(engine) -> str:
    from bot.interviews.summaries import summary

    return summary(engine, lambda q: applies(engine, q))


def _summary_popgesprek(engine) -> str:
    from bot.interviews.popgesprek import summary

    return summary(engine)


def _summary_evaluation(engine) -> str:
    from bot.interviews.evaluation import summary

    return summary(engine)


SUMMARIES: dict[str, Callable[[Any], str]] = {"strategie": _summary, "jaarplan": _summary, "pop": _summary,
                                              "popgesprek": _summary_popgesprek, "evaluatie": _summary_evaluation,
                                              "subsidie": funding.summary}
# at_end in a question file: what the interview says when its last question is answered (named.AT_END)
AT_END: dict[str, Callable[[Any], list[Message]]] = {"funding_advice": funding.advice}


# -- the prompt ------------------------------------------------------------------------------------------
def prompt(engine, q, params: dict) -> Message:
    """The message that asks ``q``: its text, its buttons and the values its text uses."""
    response = f"vraag_{q.key}"
    if q.text:  # the question file brings its own text (docs/interviews.md)
        response, params = "vraag_eigen", {**params, "vraag": q.text}
    buttons = _default_buttons(q)
    if q.buttons:
        buttons = make_buttons(list(q.buttons))
    if q.buttons_from:
        buttons, more = SOURCES[q.buttons_from](engine)
        params.update(more)
    if q.params_from:
        params.update(SOURCES[q.params_from](engine)[1])
    buttons = buttons + make_buttons(list(q.extra_buttons))
    variant = q.variant
    if variant is not None and CONDITIONS[variant.when](engine, q.key, None):
        response = variant.response
        if variant.buttons is not None:
            buttons = make_buttons([(b.title, b.value) for b in variant.buttons])
        if variant.params_from:
            params.update(SOURCES[variant.params_from](engine)[1])
    if q.optional:
        buttons = buttons + [{"title": "Geen", "payload": "geen"}]
    return Message(response, params, buttons)


YES_NO = (("Ja", "ja"), ("Nee", "nee"))
KINDS = tuple((k.button, k.key) for k in KINDS_OF_LEARNING.values())


def _default_buttons(q) -> list[dict]:
    if q.kind == "yesno":
        return make_buttons(list(YES_NO))
    if q.kind == "kind":
        return make_buttons(list(KINDS))
    return []
