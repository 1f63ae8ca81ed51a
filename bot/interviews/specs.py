"""The form of a question file (bot/interviews/questions/*.yml), checked when it is loaded (catalogue.py)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Extra, conint, constr, validator

from bot.dutch import parsing

INTERVIEWS = ("strategie", "jaarplan", "pop", "popgesprek", "evaluatie", "subsidie")
KINDS = ("open", "short", "choice", "int", "money", "year", "yesno", "period", "kind", "speerpunt", "list", "purposes")
CHOICES = {"sector": parsing.SECTOR_CHOICES, "works_council": parsing.WORKS_COUNCIL_CHOICES,
           "cooperation": parsing.COOPERATION_CHOICES, "decision": parsing.DECISION_CHOICES,
           "payer": parsing.PAYER_CHOICES, "evaluation": parsing.EVALUATION_CHOICES}
# Where an answer can be stored: the record and its attributes (bot/storage/models.py)
RECORDS = {
    "organisation": ("name", "sector", "employees", "has_works_council"),
    "strategic_plan": ("future_vision", "speerpunten", "competences", "role_of_learning", "support_base",
                       "works_council_involved"),
    "year_plan": ("year", "budget_cents", "activities_complete"),
    "activity": ("title", "target_group", "kind", "speerpunt_text", "goal", "form", "period", "provider",
                 "cooperation", "cost_cents"),
    "pop": ("function", "team", "looking_back", "contribution", "strengths", "development_points",
            "ambition_short", "ambition_long", "wish_strategisch", "wish_loopbaan", "wish_vakgebied",
            "support_needed", "goals_complete"),
    "goal": ("text", "deadline", "result", "kind", "activity"),
    "agreement": ("decision", "activity", "period", "cost_cents", "payer", "speerpunt_text"),
    "activity_evaluation": ("eval_status", "eval_cost_cents", "eval_effect"),  # on the activity
    "year_evaluation": ("eval_policy_changes", "eval_works_council", "eval_carry_over"),  # on the year plan
    "interview_state": ("subject_id", "year"),
    # this round's funding questions, kept with the interview state (bot/interviews/funding.py)
    "funding": ("individual", "sector", "employees", "purposes", "age"),
}
# Records with an `extra` column for an organisation's own questions (stored_in: <record>.extra.<name>)
EXTRA_RECORDS = ("organisation", "strategic_plan", "activity", "pop", "goal")
EXTRA_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")
# Kinds an own question can have; lists and speerpunten need the engine's own code; a choice brings its buttons
EXTRA_KINDS = ("open", "short", "int", "money", "year", "yesno", "period", "kind", "choice")
# Places the engine treats on its own (a list, the loops' "nog een?", the plan's year, the chosen team member):
# never a plain attribute. The engine finds their questions by place (the catalogue's ``places``), never by key.
ORGANISATION_NAME = "organisation.name"
SPEERPUNTEN = "strategic_plan.speerpunten"
PLAN_YEAR = "year_plan.year"
BUDGET = "year_plan.budget_cents"
ACTIVITIES_DONE = "year_plan.activities_complete"
GOALS_DONE = "pop.goals_complete"
SUBJECT = "interview_state.subject_id"
CHOSEN_YEAR = "interview_state.year"
# Records asked about once per item: their questions form a repeating group, with where the items come from
# (bot/interviews/items.py) and the place of the "nog een?" question that closes the list
REPEATED = {"goal": "learning_goals", "activity": "plan_activities", "agreement": "shared_goals",
            "activity_evaluation": "evaluated_activities"}
DONE_PLACES = {"pop.goals_complete": "goal", "year_plan.activities_complete": "activity"}
SPECIAL_PLACES = {ORGANISATION_NAME, SPEERPUNTEN, PLAN_YEAR, BUDGET, ACTIVITIES_DONE, GOALS_DONE, SUBJECT, CHOSEN_YEAR}
# Records the whole organisation shares (starting such an interview over empties them for colleagues too), and
# records a person has once per year (an interview storing there without asking a year is about this year)
SHARED_RECORDS = ("strategic_plan", "year_plan", "activity", "activity_evaluation", "year_evaluation")
YEARLY_PERSONAL_RECORDS = ("pop", "goal", "agreement")
# Places the engine needs a question for (loops and their logic); a form may relabel or rename them, not leave them out
ACTIVITY_TITLE = "activity.title"
ACTIVITY_COST = "activity.cost_cents"
GOAL_TEXT = "goal.text"
DECISION = "agreement.decision"
EVALUATION_STATUS = "activity_evaluation.eval_status"
REQUIRED = {"strategie": {SPEERPUNTEN}, "jaarplan": {PLAN_YEAR, BUDGET, ACTIVITY_TITLE, ACTIVITY_COST, ACTIVITIES_DONE},
            "pop": {GOAL_TEXT, GOALS_DONE}, "popgesprek": {SUBJECT, DECISION},
            "evaluatie": {CHOSEN_YEAR, EVALUATION_STATUS}, "subsidie": set()}


class ButtonSpec(BaseModel, extra=Extra.forbid):
    title: constr(strip_whitespace=True, min_length=1, max_length=60)  # type: ignore[valid-type]
    value: constr(strip_whitespace=True, min_length=1, max_length=120)  # type: ignore[valid-type]


class VariantSpec(BaseModel, extra=Extra.forbid):
    """Another text (and buttons) for the question while a condition holds (bot/interviews/named.py)."""

    when: str
    response: constr(regex=r"^[a-z][a-z_]{1,80}$")  # type: ignore[valid-type]
    buttons: list[ButtonSpec] | None = None
    params_from: str | None = None


class QuestionSpec(BaseModel, extra=Extra.forbid):
    key: constr(regex=r"^[a-z][a-z_]{1,60}$")  # type: ignore[valid-type]
    label: constr(min_length=1, max_length=120)  # type: ignore[valid-type]
    kind: Literal[KINDS]  # type: ignore[valid-type]
    min_words: conint(ge=0, le=50) | None = None  # type: ignore[valid-type]  # older files; not used any more
    optional: bool = False
    choices: Literal[tuple(CHOICES)] | None = None  # type: ignore[valid-type]
    stored_in: str
    topic_words: list[str] = []
    why: Literal["own"] | None = None
    # What the question means, with an example answer: said when someone asks "wat bedoel je?" (B1, je-form)
    uitleg: constr(strip_whitespace=True, min_length=10, max_length=600) | None = None  # type: ignore[valid-type]
    text: constr(strip_whitespace=True, min_length=3, max_length=500) | None = None  # type: ignore[valid-type]
    # Buttons: fixed ones, or from a named source (bot/interviews/named.py), with extra ones after them
    buttons: list[ButtonSpec] | None = None
    buttons_from: str | None = None
    extra_buttons: list[ButtonSpec] = []
    params_from: str | None = None  # values for the question's text, from a named source
    variant: VariantSpec | None = None
    ask_if: str | None = None  # a named condition (bot/interviews/named.py): asked only while it holds
    estimates: bool = False  # an estimate ("ongeveer 300") is stored at once and said back, not asked about
    total: bool = False  # money for everyone together: a price per person, day or place alone is not stored
    after: list[str] = []  # named hooks run after the answer is stored (bot/interviews/named.py)

    @validator("stored_in")
    def _known_place(cls, value: str) -> str:  # noqa: N805 - pydantic validator
        record, _, attribute = value.partition(".")
        if record == "item":  # a question of an own repeating group: a field of its item (groups.py)
            if not EXTRA_NAME.match(attribute):
                raise ValueError(f"onbekende plek '{value}'; een vraag in een groep gaat naar item.<naam> met <naam> "
                                 "kleine letters")
        elif attribute.startswith("extra."):
            if record not in EXTRA_RECORDS or not EXTRA_NAME.match(attribute[len("extra."):]):
                raise ValueError(f"onbekende plek '{value}'; een eigen vraag gaat naar <plek>.extra.<naam> met "
                                 f"<plek> een van {', '.join(EXTRA_RECORDS)} en <naam> kleine letters")
        elif attribute not in RECORDS.get(record, ()):
            raise ValueError(f"onbekende plek '{value}'; kies uit {', '.join(sorted(RECORDS))} (bot/storage/models.py)")
        return value

    @validator("text", always=True)
    def _own_question_has_text(cls, value, values):  # noqa: N805 - pydantic validator
        place = values.get("stored_in") or ""
        if ".extra." in place or place.startswith("item."):
            if not value:
                raise ValueError("een eigen vraag (bewaard in .extra.) heeft 'text' nodig: de vraag zoals de bot hem stelt")
            if values.get("kind") not in EXTRA_KINDS:
                raise ValueError(f"een eigen vraag heeft een van deze soorten: {', '.join(EXTRA_KINDS)}")
            if values.get("why") == "own":
                raise ValueError("'why: own' kan alleen bij de vaste vragen; een eigen vraag krijgt de algemene uitleg")
        return value

    @validator("buttons", always=True)
    def _choices_for_choice(cls, value, values):  # noqa: N805 - pydantic validator
        if values.get("kind") == "choice" and values.get("choices") is None and not value:
            raise ValueError("een vraag van soort 'choice' heeft 'choices' of 'buttons' nodig")
        return value


class GroupSpec(BaseModel, extra=Extra.forbid):
    """An organisation's own repeating group: its questions asked per item, "nog een?" after each (groups.py)."""

    group: constr(regex=r"^[a-z][a-z0-9_]{1,40}$")  # type: ignore[valid-type]
    label: constr(min_length=1, max_length=120)  # type: ignore[valid-type]
    start: constr(strip_whitespace=True, min_length=3, max_length=500)  # type: ignore[valid-type]
    more: constr(strip_whitespace=True, min_length=3, max_length=500)  # type: ignore[valid-type]
    maximum: conint(ge=1, le=20) = 5  # type: ignore[valid-type]
    questions: list[QuestionSpec]

    @validator("questions")
    def _items_only(cls, value):  # noqa: N805 - pydantic validator
        if not value:
            raise ValueError("een groep heeft minstens één vraag")
        for q in value:
            if not q.stored_in.startswith("item."):
                raise ValueError(f"'{q.key}': een vraag in een groep wordt bewaard in item.<naam>")
        return value


class InterviewSpec(BaseModel, extra=Extra.forbid):
    interview: Literal[INTERVIEWS] | None = None  # type: ignore[valid-type]
    label: str | None = None
    profile: list[str] = []
    # what is said when the last question is answered, instead of a summary (bot/interviews/named.py AT_END);
    # an interview with one starts a new round each time it is opened after it ended
    at_end: str | None = None
    questions: list[QuestionSpec | GroupSpec]

    @validator("questions")
    def _groups_in_the_pop(cls, value, values):  # noqa: N805 - pydantic validator
        for q in value:
            if isinstance(q, GroupSpec) and values.get("interview") != "pop":
                raise ValueError(f"groep '{q.group}': een eigen groep kan (nu) alleen in de POP")
            if isinstance(q, QuestionSpec) and q.stored_in.startswith("item."):
                raise ValueError(f"'{q.key}': item.<naam> kan alleen in een groep")
        return value
