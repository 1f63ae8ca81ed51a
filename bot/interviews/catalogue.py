"""The questions of the interviews, as data: bot/interviews/questions/*.yml, validated when loaded.

One YAML file per interview (and one for the organisation profile they share): the order of the questions,
their labels, how an answer is read (kind), where it is stored, and the words people use to correct it. An
organisation adapts its forms there (docs/interviews.md); `LEERKOERS_INTERVIEWS_DIR` points at its own copy.
The texts of the built-in questions are responses in the domain (``utter_vraag_<key>``); an organisation's own
question brings its text in the file (``text``) and is stored in the record's ``extra`` column
(``stored_in: pop.extra.<name>``), so adding a question needs no code, no migration and no training.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.interviews import named
from bot.interviews.specs import (  # noqa: F401 - the places are read from here by the engine
    ACTIVITIES_DONE,
    ACTIVITY_COST,
    ACTIVITY_TITLE,
    BUDGET,
    CHOICES,
    CHOSEN_YEAR,
    DONE_PLACES,
    GOALS_DONE,
    INTERVIEWS,
    ORGANISATION_NAME,
    PLAN_YEAR,
    REPEATED,
    REQUIRED,
    SHARED_RECORDS,
    SPECIAL_PLACES,
    SPEERPUNTEN,
    SUBJECT,
    YEARLY_PERSONAL_RECORDS,
    GroupSpec,
    InterviewSpec,
    QuestionSpec,
    VariantSpec,
)
from bot.vocabulary import KINDS_OF_LEARNING

DEFAULT_DIR = Path(__file__).resolve().parent / "questions"
# Files added after organisations made their own copies: taken from the built-in folder when a copy lacks them
OPTIONAL_FILES = ("popgesprek", "evaluatie", "subsidie")
LABELS_KIND = {k.key: k.label for k in KINDS_OF_LEARNING.values()}


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
    params_from: str | None = None
    ask_if: str | None = None
    after: tuple[str, ...] = ()
    group: str | None = None  # the own repeating group it belongs to (groups.py)
    loop: str | None = None  # "start" or "more": the yes/no question before an item of that group
    uitleg: str = ""  # what the question means, with an example ("wat bedoel je?")
    estimates: bool = False  # an estimate is stored at once and said back (the question asks for one)
    total: bool = False  # money for everyone together: "€ 650 per persoon" alone asks for the count


@dataclass(frozen=True)
class Group:
    """Questions asked once per item: an organisation's own group (``items`` None: kept in ``<record>.extra``,
    groups.py), or the questions stored on a repeated record (goal, activity, ...: items.py)."""

    name: str
    label: str
    record: str  # own group: the record whose extra column keeps the items; built-in: the repeated record
    start: str | None  # own group: key of the yes/no question before the first item
    more: str | None  # key of the yes/no question after each item; None: the items come from the database
    keys: tuple[str, ...]  # its questions, in asking order
    maximum: int | None
    items: str | None = None  # built-in: the named source of its items (bot/interviews/items.py)


@dataclass(frozen=True)
class Catalogue:
    questions: dict[str, Question]
    order: dict[str, list[str]]  # per interview: profile questions, then its own, in asking order
    labels: dict[str, str]
    groups: dict[str, Group]
    places: dict[str, str]  # stored_in -> key, for the questions outside a group
    steps: dict[str, list]  # per interview: question keys and groups, in asking order
    at_end: dict[str, str] = field(default_factory=dict)  # per interview: what it says at its end (named.AT_END)

    def ends_with(self, interview: str) -> str | None:
        """What the interview says when its last question is answered, instead of a summary (None: a summary);
        such an interview starts a new round each time it is opened after it ended."""
        return self.at_end.get(interview)

    def places_of(self, interview: str) -> frozenset[str]:
        """Where the answers of an interview go (``stored_in`` of all its questions, its profile's included): what
        an interview asks decides how the engine treats it, never its name."""
        return self._derived["places"][interview]

    def records_of(self, interview: str) -> frozenset[str]:
        return frozenset(place.partition(".")[0] for place in self.places_of(interview))

    def shared(self, interview: str) -> bool:
        """Its answers belong to the whole organisation (the policy, the yearly plan, its evaluation)."""
        return bool(self.records_of(interview) & set(SHARED_RECORDS))

    def yearly_for_person(self, interview: str) -> bool:
        """Its answers are a person's for one year (the POP, the agreements of a POP-gesprek) and it asks no year."""
        return bool(self.records_of(interview) & set(YEARLY_PERSONAL_RECORDS)) and not (
            self.places_of(interview) & {PLAN_YEAR, CHOSEN_YEAR})

    def group_of(self, key: str) -> Group | None:
        """The repeating group a question belongs to (also its "nog een?" question), or None."""
        return self._derived["group_of"].get(key)

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
            group_of = {key: group for steps in self.steps.values() for group in steps if isinstance(group, Group)
                        for key in (*group.keys, group.start, group.more) if key}
            places = {name: frozenset(self.questions[key].stored_in for key in keys) for name, keys in self.order.items()}
            cache = {"fields": fields, "topics": {k: q.topic_words for k, q in self.questions.items()},
                     "group_of": group_of, "places": places}
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
        missing = REQUIRED[name] - {questions[key].stored_in for key in keys_of[name]}
        if unknown or missing:
            raise CatalogueError(f"{folder / (name + '.yml')}: onbekend in profile: {unknown}; geen vraag bewaard "
                                 f"in: {sorted(missing)}")
        if spec.at_end is not None and spec.at_end not in named.AT_END:
            raise CatalogueError(f"{folder / (name + '.yml')}: onbekend einde '{spec.at_end}' (kies uit "
                                 f"{', '.join(named.AT_END)})")
        order[name] = [*spec.profile, *keys_of[name]]
        labels[name] = spec.label or name
    steps = {name: _steps(order[name], questions, groups) for name in INTERVIEWS}
    at_end = {name: specs[name].at_end for name in INTERVIEWS if specs[name].at_end}
    return Catalogue(questions, order, labels, groups, places, steps, at_end)


def _steps(order: list[str], questions: dict[str, Question], own: dict[str, Group]) -> list:
    """The interview as the engine walks it: single questions, and each repeating group once, where it starts."""
    steps: list = []  # keys, own groups, and for a built-in group its record name wrapped in a tuple
    built: dict[str, dict] = {}
    for key in order:
        q = questions[key]
        if q.group:
            if q.loop == "start":
                steps.append(own[q.group])
            continue
        record = q.stored_in.partition(".")[0]
        repeated = record if record in REPEATED else DONE_PLACES.get(q.stored_in)
        if repeated is None:
            steps.append(key)
            continue
        if repeated not in built:
            built[repeated] = {"keys": [], "more": None}
            steps.append((repeated,))
        if repeated == record:
            built[repeated]["keys"].append(key)
        else:
            built[repeated]["more"] = key
    made = {name: Group(name, name, name, None, parts["more"], tuple(parts["keys"]), None, REPEATED[name])
            for name, parts in built.items()}
    return [made[step[0]] if isinstance(step, tuple) else step for step in steps]


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
                    q.variant, q.params_from, q.ask_if, tuple(q.after), group, uitleg=q.uitleg or "",
                    estimates=q.estimates, total=q.total)


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
