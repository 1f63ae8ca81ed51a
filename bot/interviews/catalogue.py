"""The questions of the interviews, as data: bot/interviews/questions/*.yml, validated when loaded.

One YAML file per interview (and one for the organisation profile they share): the order of the questions,
their labels, how an answer is read (kind), where it is stored, and the words people use to correct it. An
organisation adapts its forms there (docs/interviews.md); `LEERKOERS_INTERVIEWS_DIR` points at its own copy.
The texts of the built-in questions are responses in the domain (``utter_vraag_<key>``); an organisation's own
question brings its text in the file (``text``) and is stored in the record's ``extra`` column
(``stored_in: pop.extra.<name>``), so adding a question needs no code, no migration and no training.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Extra, conint, constr, validator

from bot.dutch import parsing
from bot.interviews import named

DEFAULT_DIR = Path(__file__).resolve().parent / "questions"
INTERVIEWS = ("strategie", "jaarplan", "pop", "popgesprek", "evaluatie")
# Files added after organisations made their own copies: taken from the built-in folder when a copy lacks them
OPTIONAL_FILES = ("popgesprek", "evaluatie")
KINDS = ("open", "short", "choice", "int", "money", "year", "yesno", "period", "kind", "speerpunt", "list")
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
}
# Records with an `extra` column for an organisation's own questions (stored_in: <record>.extra.<name>)
EXTRA_RECORDS = ("organisation", "strategic_plan", "activity", "pop", "goal")
EXTRA_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")
# Kinds an own question can have; lists and speerpunten need the engine's own code; a choice brings its buttons
EXTRA_KINDS = ("open", "short", "int", "money", "year", "yesno", "period", "kind", "choice")
# Places the engine treats on its own (a list, the loops' "nog een?", the plan's year, the chosen team member):
# never a plain attribute. The engine finds their questions by place (key_at), never by key.
ORGANISATION_NAME = "organisation.name"
SPEERPUNTEN = "strategic_plan.speerpunten"
PLAN_YEAR = "year_plan.year"
BUDGET = "year_plan.budget_cents"
ACTIVITIES_DONE = "year_plan.activities_complete"
GOALS_DONE = "pop.goals_complete"
SUBJECT = "interview_state.subject_id"
CHOSEN_YEAR = "interview_state.year"
SPECIAL_PLACES = {ORGANISATION_NAME, SPEERPUNTEN, PLAN_YEAR, BUDGET, ACTIVITIES_DONE, GOALS_DONE, SUBJECT, CHOSEN_YEAR}
# Questions the engine needs by key (loops and their logic); a form may relabel them but not leave them out
REQUIRED = {"strategie": {"speerpunten"}, "jaarplan": {"jaarplan_jaar", "jaarplan_budget", "act_wat", "act_kosten",
                                                       "act_nog_een"},
            "pop": {"doel_tekst", "doel_nog_een"}, "popgesprek": {"gesprek_medewerker", "afspraak_besluit"},
            "evaluatie": {"evaluatie_jaar", "eval_status"}}
LABELS_KIND = {"strategisch": "strategisch beleid", "loopbaan": "loopbaan", "vakgebied": "vakgebied"}


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
    text: constr(strip_whitespace=True, min_length=3, max_length=500) | None = None  # type: ignore[valid-type]
    # Buttons: fixed ones, or from a named source (bot/interviews/named.py), with extra ones after them
    buttons: list[ButtonSpec] | None = None
    buttons_from: str | None = None
    extra_buttons: list[ButtonSpec] = []
    variant: VariantSpec | None = None
    ask_if: str | None = None  # a named condition (bot/interviews/named.py): asked only while it holds
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
    questions: list[QuestionSpec | GroupSpec]

    @validator("questions")
    def _groups_in_the_pop(cls, value, values):  # noqa: N805 - pydantic validator
        for q in value:
            if isinstance(q, GroupSpec) and values.get("interview") != "pop":
                raise ValueError(f"groep '{q.group}': een eigen groep kan (nu) alleen in de POP")
            if isinstance(q, QuestionSpec) and q.stored_in.startswith("item."):
                raise ValueError(f"'{q.key}': item.<naam> kan alleen in een groep")
        return value


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    kind: str  # open, short, choice, int, money, year, yesno, period, kind, speerpunt, list
    optional: bool = False
    choices: dict | None = None
    stored_in: str = ""
    topic_words: tuple[str, ...] = ()
    why_own: bool = False
    text: str = ""  # an organisation's own question: its text (built-in questions: utter_vraag_<key>)
    buttons: tuple[tuple[str, str], ...] = ()  # (title, value)
    buttons_from: str | None = None
    extra_buttons: tuple[tuple[str, str], ...] = ()
    variant: VariantSpec | None = None
    ask_if: str | None = None
    after: tuple[str, ...] = ()
    group: str | None = None  # the own repeating group it belongs to (groups.py)
    loop: str | None = None  # "start" or "more": the yes/no question before an item of that group


@dataclass(frozen=True)
class Group:
    name: str
    label: str
    record: str  # where the items are kept: <record>.extra.<name>
    start: str  # key of the yes/no question before the first item
    more: str  # key of the yes/no question after each item
    keys: tuple[str, ...]  # its questions, in asking order
    maximum: int


@dataclass(frozen=True)
class Catalogue:
    questions: dict[str, Question]
    order: dict[str, list[str]]  # per interview: profile questions, then its own, in asking order
    labels: dict[str, str]
    groups: dict[str, Group]
    places: dict[str, str]  # stored_in -> key, for the questions outside a group

    def fields(self, record: str) -> dict[str, str]:
        """Question key -> attribute, for the plain questions stored on ``record``, in asking order."""
        return self.field_maps.get(record, {})

    @property
    def field_maps(self) -> dict[str, dict[str, str]]:
        return self._derived["fields"]

    @property
    def topic_words(self) -> dict[str, tuple[str, ...]]:
        return self._derived["topics"]

    @property
    def _derived(self) -> dict:
        """Computed once per catalogue: the engine looks these up many times in every turn."""
        cache = self.__dict__.get("_cache")
        if cache is None:
            fields: dict[str, dict[str, str]] = {}
            for q in self.questions.values():
                record, _, attribute = q.stored_in.partition(".")
                if q.stored_in not in SPECIAL_PLACES and q.group is None:
                    fields.setdefault(record, {})[q.key] = attribute
            cache = {"fields": fields, "topics": {k: q.topic_words for k, q in self.questions.items()}}
            object.__setattr__(self, "_cache", cache)
        return cache


class CatalogueError(ValueError):
    """A questions file is not valid; the message names the file and the problem (in Dutch)."""


def load(folder: Path | None = None) -> Catalogue:
    folder = Path(folder or DEFAULT_DIR)
    specs: dict[str, InterviewSpec] = {}
    for name in ("organisatie", *INTERVIEWS):
        path = folder / f"{name}.yml"
        if name in OPTIONAL_FILES and not path.exists():
            path = DEFAULT_DIR / f"{name}.yml"
        try:
            specs[name] = InterviewSpec.parse_obj(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
        except (OSError, yaml.YAMLError, ValueError) as exc:
            raise CatalogueError(f"{path}: {exc}") from exc
    questions: dict[str, Question] = {}
    places: dict[str, str] = {}
    groups: dict[str, Group] = {}
    keys_of: dict[str, list[str]] = {}
    for name, spec in specs.items():
        keys_of[name] = []
        for entry in spec.questions:
            members = entry.questions if isinstance(entry, GroupSpec) else [entry]
            if isinstance(entry, GroupSpec):
                group = _group(entry, spec.interview or name)
                if group.name in groups:
                    raise CatalogueError(f"{folder / (name + '.yml')}: groep '{group.name}' staat er twee keer in")
                groups[group.name] = group
                for loop, key, text in (("start", group.start, entry.start), ("more", group.more, entry.more)):
                    questions[key] = Question(key, entry.label if loop == "start" else f"Nog een: {entry.label}",
                                              "yesno", stored_in=f"group.{group.name}.{loop}", text=text,
                                              group=group.name, loop=loop)
                keys_of[name].append(group.start)
            for q in members:
                where = f"{entry.group}.{q.stored_in}" if isinstance(entry, GroupSpec) else q.stored_in
                if q.key in questions:
                    raise CatalogueError(f"{folder / (name + '.yml')}: vraag '{q.key}' staat er twee keer in")
                if where in places:
                    raise CatalogueError(f"{folder / (name + '.yml')}: '{q.key}' en '{places[where]}' worden "
                                         f"allebei bewaard in {q.stored_in}")
                places[where] = q.key
                problem = named.unknown_names(q)
                if problem:
                    raise CatalogueError(f"{folder / (name + '.yml')}: vraag '{q.key}': {problem}")
                questions[q.key] = _question(q, entry.group if isinstance(entry, GroupSpec) else None)
                keys_of[name].append(q.key)
            if isinstance(entry, GroupSpec):
                keys_of[name].append(groups[entry.group].more)
    order, labels = {}, {}
    for name in INTERVIEWS:
        spec = specs[name]
        unknown = [k for k in spec.profile if k not in questions]
        missing = REQUIRED[name] - set(keys_of[name])
        if unknown or missing:
            raise CatalogueError(f"{folder / (name + '.yml')}: onbekend in profile: {unknown}; ontbreekt: "
                                 f"{sorted(missing)}")
        order[name] = [*spec.profile, *keys_of[name]]
        labels[name] = spec.label or name
    return Catalogue(questions, order, labels, groups, places)


def _pairs(buttons) -> tuple[tuple[str, str], ...]:
    return tuple((b.title, b.value) for b in buttons or ())


def _group(spec: GroupSpec, record: str) -> Group:
    return Group(spec.group, spec.label, record, f"{spec.group}_start", f"{spec.group}_nog_een",
                 tuple(q.key for q in spec.questions), spec.maximum)


def _question(q: QuestionSpec, group: str | None = None) -> Question:
    choices = CHOICES[q.choices] if q.choices else None
    if choices is None and q.kind == "choice":  # an own choice: its buttons are the choices
        choices = {b.value: (b.value, b.title) for b in q.buttons or ()}
    return Question(q.key, q.label, q.kind, q.optional, choices, q.stored_in, tuple(w.lower() for w in q.topic_words),
                    q.why == "own", q.text or "", _pairs(q.buttons), q.buttons_from, _pairs(q.extra_buttons),
                    q.variant, q.ask_if, tuple(q.after), group)


_lock = threading.Lock()
_loaded: dict[Path, Catalogue] = {}
_last: list = [None]  # (settings, catalogue) of the latest call: most calls skip the folder lookup


def current() -> Catalogue:
    """The catalogue of LEERKOERS_INTERVIEWS_DIR (or the default), loaded once per folder."""
    from bot.settings import get_settings

    settings = get_settings()  # the same object while the environment stays the same
    last = _last[0]
    if last is not None and last[0] is settings:
        return last[1]
    folder = Path(settings.interviews_dir or DEFAULT_DIR)
    with _lock:
        if folder not in _loaded:
            _loaded[folder] = load(folder)
        _last[0] = (settings, _loaded[folder])
        return _loaded[folder]


def key_at(place: str) -> str:
    """The key of the question whose answer is kept at ``place`` (``organisation.name``)."""
    return current().places[place]


class _View(Mapping):
    """A read-only view on a part of the current catalogue, looked up when used (nothing loads on import)."""

    def __init__(self, pick) -> None:
        self._pick = pick

    def __getitem__(self, key):
        return self._pick(current())[key]

    def __iter__(self) -> Iterator:
        return iter(self._pick(current()))

    def __len__(self) -> int:
        return len(self._pick(current()))

    # one lookup of the catalogue per call, not one per key (these run in every turn)
    def __contains__(self, key: object) -> bool:
        return key in self._pick(current())

    def get(self, key, default=None):
        return self._pick(current()).get(key, default)

    def items(self):
        return self._pick(current()).items()

    def keys(self):
        return self._pick(current()).keys()

    def values(self):
        return self._pick(current()).values()


Q: Mapping[str, Question] = _View(lambda c: c.questions)
INTERVIEW_QUESTIONS: Mapping[str, list[str]] = _View(lambda c: c.order)
INTERVIEW_LABELS: Mapping[str, str] = _View(lambda c: c.labels)
TOPIC_WORDS: Mapping[str, tuple[str, ...]] = _View(lambda c: c.topic_words)
ACT_FIELDS: Mapping[str, str] = _View(lambda c: c.fields("activity"))
POP_FIELDS: Mapping[str, str] = _View(lambda c: c.fields("pop"))
GOAL_FIELDS: Mapping[str, str] = _View(lambda c: c.fields("goal"))
PLAN_FIELDS: Mapping[str, str] = _View(lambda c: c.fields("strategic_plan"))
ORG_FIELDS: Mapping[str, str] = _View(lambda c: c.fields("organisation"))
AGREEMENT_FIELDS: Mapping[str, str] = _View(lambda c: c.fields("agreement"))
EVAL_FIELDS: Mapping[str, str] = _View(lambda c: c.fields("activity_evaluation"))
YEAR_EVAL_FIELDS: Mapping[str, str] = _View(lambda c: c.fields("year_evaluation"))


class _WhyKeys:
    def __contains__(self, key: object) -> bool:
        q = current().questions.get(key)  # type: ignore[arg-type]
        return bool(q and q.why_own)

    def __iter__(self) -> Iterator[str]:
        return iter([k for k, q in current().questions.items() if q.why_own])


WHY_KEYS = _WhyKeys()
