"""The guided interviews as state machines over the stored answers.

The next question is always derived from what is stored: the first question without an answer,
or a question the person asked to correct. That makes resuming (also after a restart) trivial.
Texts of questions and replies live in the Rasa domain as responses named ``utter_<response>``;
this module only returns response names and parameters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from bot import parsing
from bot import repository as repo
from bot.activity_text import split_activity
from bot.facts import Facts
from bot.facts import extract as extract_facts
from bot.facts import sentence as facts_sentence
from bot.models import Activity, LearningGoal, Organisation, Person, Pop, Speerpunt, StrategicPlan, YearPlan

MAX_GOALS = 4
RESTART = "__opnieuw__"  # pseudo question: "weet je zeker dat je opnieuw wilt beginnen?"
# Questions with their own "waarom vraag je dit?" text (utter_waarom_<key>); others use utter_waarom_<interview>.
WHY_KEYS = {"org_sector", "org_medewerkers", "org_or", "speerpunten", "act_soort", "act_kosten", "pop_bijdrage",
            "doel_tekst"}
def max_answer_length() -> int:
    """One answer is at most one message: LEERKOERS_MAX_MESSAGE_LENGTH (bot/settings.py)."""
    from bot.settings import get_settings

    return get_settings().max_message_length

INTERVIEW_LABELS = {
    "strategie": "het strategisch opleidingsbeleid",
    "jaarplan": "het opleidingsjaarplan",
    "pop": "de voorbereiding van je POP-gesprek",
}
LABELS_KIND = {"strategisch": "strategisch beleid", "loopbaan": "loopbaan", "vakgebied": "vakgebied"}


@dataclass
class Message:
    response: str
    params: dict = field(default_factory=dict)
    buttons: list[dict] = field(default_factory=list)


@dataclass
class Reply:
    messages: list[Message]
    accepted: bool
    done: bool


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    kind: str  # open, short, choice, int, money, year, yesno, period, kind, speerpunt, list
    min_words: int = 1
    optional: bool = False
    choices: dict | None = None


@dataclass
class Ctx:
    session: Session
    person: Person
    interview: str
    today: date
    year: int | None = None

    @property
    def org(self) -> Organisation | None:
        return self.person.organisation

    def plan(self) -> StrategicPlan | None:
        return self.org.strategic_plan if self.org else None

    def year_plan(self) -> YearPlan | None:
        if self.org is None or self.year is None:
            return None
        return repo.get_year_plan(self.session, self.org, self.year)

    def pop(self) -> Pop:
        return repo.get_or_create_pop(self.session, self.person, self.year or self.today.year)


def _buttons(pairs: list[tuple[str, str]]) -> list[dict]:
    return [{"title": title, "payload": payload} for title, payload in pairs]


SECTOR_BUTTONS = _buttons([("Gemeente", "gemeente"), ("Kunst- of cultuureducatie", "kunsteducatie"),
                           ("Andere publieke organisatie", "andere publieke organisatie"),
                           ("Private organisatie", "privaat bedrijf")])
YES_NO_BUTTONS = _buttons([("Ja", "ja"), ("Nee", "nee")])
KIND_BUTTONS = _buttons([("Strategisch beleid", "strategisch"), ("Loopbaan", "loopbaan"), ("Vakgebied", "vakgebied")])

Q: dict[str, Question] = {q.key: q for q in [
    # organisation profile (asked only when unknown)
    Question("org_naam", "Organisatie", "short"),
    Question("org_sector", "Soort organisatie", "choice", choices=parsing.SECTOR_CHOICES),
    Question("org_medewerkers", "Aantal medewerkers", "int"),
    Question("org_or", "Heeft de organisatie een OR", "yesno"),
    # strategisch opleidingsbeleid
    Question("strategie_toekomst", "Waar staat de organisatie over 3 jaar", "open", min_words=4),
    Question("speerpunten", "Speerpunten voor de komende 3 jaar", "list"),
    Question("strategie_competenties", "Competenties die dit vraagt", "open", min_words=3),
    Question("strategie_rol_leren", "Rol van leren en opleiden", "open", min_words=3),
    Question("strategie_draagvlak", "Draagvlak bij medewerkers", "open", min_words=3),
    Question("strategie_or", "Betrokkenheid van de ondernemingsraad", "choice", choices=parsing.WORKS_COUNCIL_CHOICES),
    # opleidingsjaarplan
    Question("jaarplan_jaar", "Jaar", "year"),
    Question("jaarplan_budget", "Budget", "money"),
    Question("act_wat", "Activiteit", "short"),
    Question("act_doelgroep", "Functiegroep of team", "short"),
    Question("act_soort", "Soort leren", "kind"),
    Question("act_speerpunt", "Speerpunt", "speerpunt"),
    Question("act_doel", "Doel en inhoud", "open", min_words=3),
    Question("act_vorm", "Vorm", "short"),
    Question("act_wanneer", "Wanneer", "period"),
    Question("act_aanbieder", "Door wie", "short"),
    Question("act_samen", "Alleen of samen met andere organisaties", "choice", choices=parsing.COOPERATION_CHOICES),
    Question("act_kosten", "Kosten", "money"),
    Question("act_nog_een", "Nog een activiteit", "yesno"),
    # POP
    Question("pop_functie", "Functie", "short"),
    Question("pop_team", "Team of afdeling", "short"),
    Question("pop_terugblik", "Terugblik", "open", min_words=3),
    Question("pop_bijdrage", "Bijdrage aan de doelen van de organisatie", "open", min_words=3),
    Question("pop_sterk", "Sterke punten", "open", min_words=2),
    Question("pop_ontwikkelpunten", "Ontwikkelpunten", "open", min_words=2),
    Question("pop_ambitie_kort", "Ambitie voor het komende jaar", "open", min_words=3),
    Question("pop_ambitie_lang", "Ambitie voor de komende 3 tot 5 jaar", "open", min_words=3),
    Question("pop_wens_strategisch", "Leerwens strategisch beleid", "open", min_words=2, optional=True),
    Question("pop_wens_loopbaan", "Leerwens loopbaan", "open", min_words=2, optional=True),
    Question("pop_wens_vakgebied", "Leerwens vakgebied", "open", min_words=2, optional=True),
    Question("doel_tekst", "Leerdoel", "open", min_words=3),
    Question("doel_deadline", "Wanneer bereikt", "open", min_words=1),
    Question("doel_resultaat", "Hoe merk je dat je het doel hebt bereikt", "open", min_words=3),
    Question("doel_soort", "Soort leren", "kind"),
    Question("doel_activiteit", "Hoe ga je dit leren", "open", min_words=2),
    Question("doel_nog_een", "Nog een leerdoel", "yesno"),
    Question("pop_steun", "Steun die je nodig hebt", "open", min_words=2, optional=True),
]}

# Which questions belong to which interview (for corrections and "waarom vraag je dit?").
INTERVIEW_QUESTIONS = {
    "strategie": ["org_naam", "org_sector", "org_medewerkers", "org_or", "strategie_toekomst", "speerpunten",
                  "strategie_competenties", "strategie_rol_leren", "strategie_draagvlak", "strategie_or"],
    "jaarplan": ["org_naam", "org_sector", "org_medewerkers", "org_or", "jaarplan_jaar", "jaarplan_budget",
                 "act_wat", "act_doelgroep", "act_soort", "act_speerpunt", "act_doel", "act_vorm", "act_wanneer",
                 "act_aanbieder", "act_samen", "act_kosten", "act_nog_een"],
    "pop": ["org_naam", "pop_functie", "pop_team", "pop_terugblik", "pop_bijdrage", "pop_sterk",
            "pop_ontwikkelpunten", "pop_ambitie_kort", "pop_ambitie_lang", "pop_wens_strategisch",
            "pop_wens_loopbaan", "pop_wens_vakgebied", "doel_tekst", "doel_deadline", "doel_resultaat",
            "doel_soort", "doel_activiteit", "doel_nog_een", "pop_steun"],
}

# Words people use for a topic when they ask to correct it ("wijzig mijn antwoord over het budget").
TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "org_naam": ("organisatie", "naam"), "org_sector": ("sector", "soort organisatie"),
    "org_medewerkers": ("medewerkers", "aantal", "grootte"), "org_or": ("ondernemingsraad heeft",),
    "strategie_toekomst": ("toekomst", "3 jaar", "drie jaar", "visie"), "speerpunten": ("speerpunt",),
    "strategie_competenties": ("competentie",), "strategie_rol_leren": ("rol van leren", "rol", "leren en opleiden"),
    "strategie_draagvlak": ("draagvlak",), "strategie_or": ("or", "ondernemingsraad"),
    "jaarplan_jaar": ("jaar",), "jaarplan_budget": ("budget",), "act_wat": ("activiteit", "wat"),
    "act_doelgroep": ("doelgroep", "functiegroep", "team"), "act_soort": ("soort", "soort leren"),
    "act_speerpunt": ("speerpunt",), "act_doel": ("doel", "inhoud"), "act_vorm": ("vorm", "hoe"),
    "act_wanneer": ("wanneer", "periode", "planning"), "act_aanbieder": ("aanbieder", "door wie", "trainer"),
    "act_samen": ("samen", "samenwerking"), "act_kosten": ("kosten", "prijs", "bedrag"),
    "pop_functie": ("functie",), "pop_team": ("team", "afdeling"), "pop_terugblik": ("terugblik", "terugkijken"),
    "pop_bijdrage": ("bijdrage",), "pop_sterk": ("sterk", "sterke punten", "kwaliteiten"),
    "pop_ontwikkelpunten": ("ontwikkelpunt", "verbeterpunt"), "pop_ambitie_kort": ("ambitie", "korte termijn"),
    "pop_ambitie_lang": ("lange termijn", "ambitie lang"), "pop_wens_strategisch": ("leerwens strategisch",),
    "pop_wens_loopbaan": ("leerwens loopbaan", "loopbaan"), "pop_wens_vakgebied": ("leerwens vakgebied", "vakgebied"),
    "doel_tekst": ("leerdoel", "doel"), "doel_deadline": ("deadline",), "doel_resultaat": ("resultaat",),
    "doel_activiteit": ("leeractiviteit",), "pop_steun": ("steun", "ondersteuning", "hulp"),
}


# --------------------------------------------------------------------------------------------------
# What is stored for each question: a getter (None = not answered yet) and a setter.
# --------------------------------------------------------------------------------------------------

def _current_activity(ctx: Ctx) -> Activity | None:
    plan = ctx.year_plan()
    if plan is None:
        return None
    for act in plan.activities:
        if not act.complete:
            return act
    return None


def _last_activity(ctx: Ctx) -> Activity | None:
    plan = ctx.year_plan()
    if plan is None or not plan.activities:
        return None
    return _current_activity(ctx) or plan.activities[-1]


def _new_activity(ctx: Ctx) -> Activity:
    plan = ctx.year_plan()
    act = Activity(position=len(plan.activities) + 1, complete=False)
    plan.activities.append(act)
    ctx.session.flush()
    return act


def _activity_situations(act: Activity) -> set[str]:
    from bot.advice import situations_from_text

    text = " ".join(filter(None, [act.title, act.target_group, act.goal, act.cooperation and act.provider]))
    found = situations_from_text(text)
    if act.cooperation == "samen" and re.search(r"\bmbo\b|roc", parsing.normalize(text)):
        found.add("mbo_samenwerking")
    return found


def _current_goal(ctx: Ctx) -> LearningGoal | None:
    for goal in ctx.pop().goals:
        if not goal.complete:
            return goal
    return None


def _last_goal(ctx: Ctx) -> LearningGoal | None:
    goals = ctx.pop().goals
    return _current_goal(ctx) or (goals[-1] if goals else None)


ACT_FIELDS = {"act_wat": "title", "act_doelgroep": "target_group", "act_soort": "kind", "act_speerpunt": "speerpunt_text",
              "act_doel": "goal", "act_vorm": "form", "act_wanneer": "period", "act_aanbieder": "provider",
              "act_samen": "cooperation", "act_kosten": "cost_cents"}
POP_FIELDS = {"pop_functie": "function", "pop_team": "team", "pop_terugblik": "looking_back",
              "pop_bijdrage": "contribution", "pop_sterk": "strengths", "pop_ontwikkelpunten": "development_points",
              "pop_ambitie_kort": "ambition_short", "pop_ambitie_lang": "ambition_long",
              "pop_wens_strategisch": "wish_strategisch", "pop_wens_loopbaan": "wish_loopbaan",
              "pop_wens_vakgebied": "wish_vakgebied", "pop_steun": "support_needed"}
GOAL_FIELDS = {"doel_tekst": "text", "doel_deadline": "deadline", "doel_resultaat": "result", "doel_soort": "kind",
               "doel_activiteit": "activity"}
PLAN_FIELDS = {"strategie_toekomst": "future_vision", "strategie_competenties": "competences",
               "strategie_rol_leren": "role_of_learning", "strategie_draagvlak": "support_base",
               "strategie_or": "works_council_involved"}
ORG_FIELDS = {"org_sector": "sector", "org_medewerkers": "employees", "org_or": "has_works_council"}


def _next_strategie(ctx: Ctx) -> str | None:
    profile = _next_profile(ctx, full=True)
    if profile:
        return profile
    plan = repo.get_or_create_strategic_plan(ctx.session, ctx.org)
    for key in ("strategie_toekomst", "speerpunten", "strategie_competenties", "strategie_rol_leren",
                "strategie_draagvlak", "strategie_or"):
        if key == "speerpunten":
            if not plan.speerpunten_complete:
                return key
            continue
        if key == "strategie_or" and not ctx.org.has_works_council:
            continue
        if getattr(plan, PLAN_FIELDS[key]) is None:
            return key
    return None


def _next_profile(ctx: Ctx, full: bool) -> str | None:
    if ctx.org is None:
        return "org_naam"
    if not full:
        return None
    for key, attr in ORG_FIELDS.items():
        if getattr(ctx.org, attr) is None:
            return key
    return None


def _next_jaarplan(ctx: Ctx) -> str | None:
    profile = _next_profile(ctx, full=True)
    if profile:
        return profile
    plan = ctx.year_plan()
    if plan is None:
        return "jaarplan_jaar"
    if plan.budget_cents is None:
        return "jaarplan_budget"
    if plan.activities_complete:
        return None
    act = _current_activity(ctx)
    if act is None:
        return "act_wat" if not plan.activities else "act_nog_een"
    for key, attr in ACT_FIELDS.items():
        if key == "act_speerpunt" and not _speerpunten(ctx):
            continue
        if getattr(act, attr) is None:
            return key
    return None  # unreachable: a complete activity is marked complete when its cost is stored


def _next_pop(ctx: Ctx) -> str | None:
    profile = _next_profile(ctx, full=False)
    if profile:
        return profile
    pop = ctx.pop()
    for key in ("pop_functie", "pop_team", "pop_terugblik", "pop_bijdrage", "pop_sterk", "pop_ontwikkelpunten",
                "pop_ambitie_kort", "pop_ambitie_lang", "pop_wens_strategisch", "pop_wens_loopbaan",
                "pop_wens_vakgebied"):
        if getattr(pop, POP_FIELDS[key]) is None:
            return key
    if not pop.goals_complete:
        goal = _current_goal(ctx)
        if goal is None:
            return "doel_tekst" if not pop.goals else "doel_nog_een"
        for key, attr in GOAL_FIELDS.items():
            if getattr(goal, attr) is None:
                return key
    if pop.support_needed is None:
        return "pop_steun"
    return None


NEXT: dict[str, Callable[[Ctx], str | None]] = {
    "strategie": _next_strategie, "jaarplan": _next_jaarplan, "pop": _next_pop,
}


def _speerpunten(ctx: Ctx) -> list:
    plan = ctx.plan()
    return list(plan.speerpunten) if plan else []


# --------------------------------------------------------------------------------------------------
# Parsing an answer for a question
# --------------------------------------------------------------------------------------------------

@dataclass
class Parsed:
    ok: bool
    value: object = None
    error: str | None = None  # response name (without utter_) for the problem


def parse_answer(q: Question, text: str, ctx: Ctx) -> Parsed:
    t = text.strip()
    if q.optional and parsing.is_skip(t):
        return Parsed(True, "")
    if q.kind in ("open", "short"):
        if parsing.looks_english(t):
            return Parsed(False, error="alleen_nederlands")
        if parsing.word_count(t) < q.min_words or parsing.word_count(t) == 0:
            return Parsed(False, error="antwoord_te_kort" if q.kind == "open" else "antwoord_leeg")
        return Parsed(True, t)
    if q.kind == "list":
        return Parsed(True, t)
    if q.kind == "choice":
        value = parsing.match_choice(t, q.choices or {})
        return Parsed(value is not None, value, None if value else "kies_een_optie")
    if q.kind == "kind":
        value = parsing.match_choice(t, parsing.KIND_OF_LEARNING_CHOICES)
        return Parsed(value is not None, value, None if value else "kies_soort_leren")
    if q.kind == "int":
        value = parsing.parse_int(t, minimum=1, maximum=1_000_000)
        return Parsed(value is not None, value, None if value else "geen_aantal")
    if q.kind == "money":
        value = parsing.parse_money_cents(t)
        return Parsed(value is not None, value, None if value is not None else "geen_bedrag")
    if q.kind == "year":
        value = parsing.parse_year(t, ctx.today)
        return Parsed(value is not None, value, None if value else "geen_jaar")
    if q.kind == "yesno":
        value = parsing.parse_yes_no(t)
        return Parsed(value is not None, value, None if value is not None else "ja_of_nee")
    if q.kind == "period":
        value = parsing.parse_period(t)
        return Parsed(value is not None, value, None if value else "geen_periode")
    if q.kind == "speerpunt":
        if parsing.is_skip(t):
            return Parsed(True, "")
        points = _speerpunten(ctx)
        m = re.fullmatch(r"\s*(?:speerpunt\s*)?(\d+)\s*", t, flags=re.I)
        if m and 1 <= int(m.group(1)) <= len(points):
            return Parsed(True, points[int(m.group(1)) - 1])
        norm = parsing.normalize(t)
        for sp in points:
            if parsing.normalize(sp.text) == norm or norm in parsing.normalize(sp.text):
                return Parsed(True, sp)
        return Parsed(False, error="kies_speerpunt")
    raise ValueError(f"onbekend soort vraag: {q.kind}")


# --------------------------------------------------------------------------------------------------
# The service used by the Rasa actions and the CLI
# --------------------------------------------------------------------------------------------------

def _split_items(text: str) -> list[str]:
    parts = re.split(r"\s*(?:\n|;|\u2022|(?:^|\s)\d+[.)]\s)\s*", text)
    return [p.strip(" -*\t") for p in parts if p and p.strip(" -*\t")]


_DONE_WORDS = {"klaar", "nee", "dat was het", "dat is alles", "geen", "niets", "geen andere", "nee hoor",
               "nee, dat was het", "dat waren ze", "verder niet", "stop lijst"}


class InterviewEngine:
    def __init__(self, session: Session, person: Person, interview: str, today: date | None = None):
        if interview not in NEXT:
            raise ValueError(f"onbekend interview: {interview}")
        self.today = today or date.today()
        self.session = session
        self.person = person
        self.interview = interview
        self.state = repo.get_or_create_state(session, person.id, interview)
        year = self.state.year
        if interview == "pop" and year is None:
            year = self.state.year = self.today.year
        self.ctx = Ctx(session, person, interview, self.today, year)

    # -- navigation -------------------------------------------------------------------------------
    def current_key(self) -> str | None:
        pending = self.state.pending_question
        if pending == RESTART:
            return RESTART
        if pending and self._is_applicable(pending):
            return pending
        return NEXT[self.interview](self.ctx)

    def _is_applicable(self, key: str) -> bool:
        if key in ACT_FIELDS:
            return _last_activity(self.ctx) is not None
        if key in GOAL_FIELDS:
            return _last_goal(self.ctx) is not None
        if key in PLAN_FIELDS or key == "speerpunten":
            return self.ctx.org is not None
        if key == "jaarplan_budget":
            return self.ctx.year_plan() is not None
        if key in ORG_FIELDS:
            return self.ctx.org is not None
        return True

    def accepts_closed(self, text: str) -> bool:
        key = self.current_key()
        if key is None or key == RESTART or key == "speerpunten":
            return False
        q = Q[key]
        if q.kind in ("open", "short"):
            return False
        return parse_answer(q, text, self.ctx).ok

    def use_facts(self, facts: Facts) -> Message | None:
        """Fill the organisation's questions that are still open from facts the person gave in free text.

        Returns the sentence that repeats what was filled ("Je werkt bij een gemeente met ongeveer 300
        medewerkers. Klopt iets niet? ..."), or None when nothing was.
        """
        org = self.ctx.org
        if org is None or self.interview == "pop":  # the POP does not ask about the organisation's profile
            return None
        filled = Facts()
        if facts.sector and org.sector is None:
            org.sector = facts.sector
            filled = Facts(sector=facts.sector)
        if facts.employees and org.employees is None:
            org.employees = facts.employees
            filled = Facts(sector=filled.sector, employees=facts.employees)
        understood = facts_sentence(filled)
        return Message("feiten_begrepen", {"feiten": understood}) if understood else None

    def hold(self, text: str, request: str) -> None:
        """Keep a message that may be the answer while the bot asks "is dit je antwoord?"."""
        self.state.unsure_text, self.state.unsure_request = text, request

    def take_held(self) -> tuple[str | None, str | None]:
        held = (self.state.unsure_text, self.state.unsure_request)
        self.state.unsure_text = self.state.unsure_request = None
        return held

    def is_done(self) -> bool:
        return self.current_key() is None

    def prompt(self) -> Message | None:
        """The message that asks the current question."""
        key = self.current_key()
        self.state.asked_question = key  # an answer is only ever stored for the question the person saw
        if key is None:
            return None
        if key == RESTART:
            return Message("opnieuw_zeker", {"interview_naam": INTERVIEW_LABELS[self.interview]},
                           _buttons([("Ja, opnieuw beginnen", "ja"), ("Nee, ga verder", "nee")]))
        q = Q[key]
        params: dict = {}
        buttons: list[dict] = []
        response = f"vraag_{key}"
        if key == "org_sector":
            buttons = SECTOR_BUTTONS
        elif q.kind == "yesno" or key == "org_or":
            buttons = YES_NO_BUTTONS
        elif q.kind == "kind":
            buttons = KIND_BUTTONS
        elif key == "act_samen":
            buttons = _buttons([("Alleen", "alleen"), ("Samen met andere organisaties", "samen met andere organisaties")])
        elif key == "strategie_or":
            buttons = _buttons([("Ja, de OR is betrokken", "ja"), ("Nog niet, maar dat is gepland", "gepland"),
                                ("Nee", "nee")])
        elif key == "speerpunten":
            points = _speerpunten(self.ctx)
            if points and self.state.pending_question != "speerpunten":
                response = "vraag_speerpunten_volgende"
                params["aantal"] = len(points)
                buttons = _buttons([("Klaar, dat waren ze", "klaar")])
        elif key == "act_speerpunt":
            points = _speerpunten(self.ctx)
            buttons = _buttons([(sp.text[:60], f"speerpunt {i}") for i, sp in enumerate(points, 1)])
            buttons.append({"title": "Geen speerpunt", "payload": "geen"})
        elif key == "pop_bijdrage":
            points = _speerpunten(self.ctx)
            if points:
                response = "vraag_pop_bijdrage_met_speerpunten"
                params["speerpunten"] = "\n".join(f"- {sp.text}" for sp in points)
        elif key in ("act_wat",):
            plan = self.ctx.year_plan()
            params["nummer"] = len(plan.activities) + (0 if _current_activity(self.ctx) else 1) if plan else 1
        elif key == "doel_tekst":
            params["nummer"] = len(self.ctx.pop().goals) + (0 if _current_goal(self.ctx) else 1)
        elif key == "jaarplan_jaar":
            buttons = _buttons([(str(self.today.year), str(self.today.year)),
                                (str(self.today.year + 1), str(self.today.year + 1))])
        if q.optional:
            buttons = buttons + [{"title": "Geen", "payload": "geen"}]
        return Message(response, params, buttons)

    # -- answering --------------------------------------------------------------------------------
    def answer(self, text: str) -> Reply:
        key = self.current_key()
        if key is None:
            return Reply([], accepted=False, done=True)
        text = (text or "").strip()
        if not text:
            return Reply([Message("antwoord_leeg")], accepted=False, done=False)
        if len(text) > max_answer_length():
            return Reply([Message("antwoord_te_lang", {"maximum": f"{max_answer_length():,}".replace(",", ".")})],
                         accepted=False, done=False)
        asked = self.state.asked_question
        if asked is not None and asked != key:
            # The question moved on since the person saw it (another window, a correction elsewhere).
            return Reply([Message("vraag_veranderd")], accepted=False, done=False)
        if key == RESTART:
            return self._answer_restart(text)
        q = Q[key]
        messages: list[Message] = []
        correcting = self.state.pending_question == key
        if key == "speerpunten":
            accepted = self._answer_speerpunten(text, messages)
        else:
            parsed = parse_answer(q, text, self.ctx)
            if not parsed.ok:
                return Reply([Message(parsed.error or "antwoord_onduidelijk")], accepted=False, done=False)
            correcting = correcting or self._has_value(key)
            self._store(key, parsed.value, messages)
            if key in ORG_FIELDS:  # "een gemeente met 300 medewerkers" answers two questions
                more = self.use_facts(extract_facts(text))
                if more:
                    messages.append(more)
            accepted = True
            value = parsed.value
            stored = value.text if hasattr(value, "text") else ("" if value is None else str(value))
            repo.log_answer(self.session, self.person.id, self.interview, key, text, stored, correcting)
        if accepted and self.state.pending_question == key and (key != "speerpunten"
                                                                or self.ctx.plan().speerpunten_complete):
            self.state.pending_question = None
            messages.append(Message("correctie_opgeslagen"))
        self.state.status = "active"
        if accepted:
            self.state.asked_question = None  # the next prompt names the next question
        self.session.flush()
        done = self.is_done()
        if done:
            self.state.status = "done"
        return Reply(messages, accepted=accepted, done=done)

    def _answer_speerpunten(self, text: str, messages: list[Message]) -> bool:
        plan = repo.get_or_create_strategic_plan(self.session, self.ctx.org)
        norm = parsing.normalize(text).strip(" .!")
        if norm in _DONE_WORDS or parsing.parse_yes_no(text) is False:
            if not plan.speerpunten:
                messages.append(Message("speerpunt_minstens_een"))
                return False
            plan.speerpunten_complete = True
            repo.log_answer(self.session, self.person.id, self.interview, "speerpunten", text,
                            " | ".join(sp.text for sp in plan.speerpunten))
            return True
        items = _split_items(text)
        if not items or any(parsing.word_count(i) == 0 for i in items):
            messages.append(Message("antwoord_leeg"))
            return False
        for item in items:
            plan.speerpunten.append(Speerpunt(position=len(plan.speerpunten) + 1, text=item[:500]))
            repo.log_answer(self.session, self.person.id, self.interview, "speerpunt", item, item)
        self.session.flush()
        messages.append(Message("speerpunt_opgeslagen", {"aantal": len(plan.speerpunten)}))
        return True

    def _has_value(self, key: str) -> bool:
        ctx = self.ctx
        if key in PLAN_FIELDS:
            plan = ctx.plan()
            return plan is not None and getattr(plan, PLAN_FIELDS[key]) is not None
        if key in POP_FIELDS:
            return getattr(ctx.pop(), POP_FIELDS[key]) is not None
        if key in ORG_FIELDS:
            return ctx.org is not None and getattr(ctx.org, ORG_FIELDS[key]) is not None
        if key in ACT_FIELDS:
            act = _current_activity(ctx)
            return act is not None and getattr(act, ACT_FIELDS[key]) is not None
        if key in GOAL_FIELDS:
            goal = _current_goal(ctx)
            return goal is not None and getattr(goal, GOAL_FIELDS[key]) is not None
        return False

    def _store(self, key: str, value, messages: list[Message]) -> None:  # noqa: C901 - one table of cases
        ctx = self.ctx
        if key == "org_naam":
            if self.organisation_fixed:
                return  # never asked then; and never moved by what someone types
            org = repo.get_or_create_organisation(self.session, value)
            self.person.organisation = org
            if org.strategic_plan and org.strategic_plan.speerpunten:
                messages.append(Message("organisatie_bekend", {"organisatie": org.name}))
        elif key in ORG_FIELDS:
            setattr(ctx.org, ORG_FIELDS[key], value)
        elif key in PLAN_FIELDS:
            plan = repo.get_or_create_strategic_plan(self.session, ctx.org)
            setattr(plan, PLAN_FIELDS[key], value)
            if key == "strategie_or":
                messages.append(Message("tip_or_instemming" if value == "ja" else "tip_or_betrekken"))
        elif key == "jaarplan_jaar":
            repo.get_or_create_year_plan(self.session, ctx.org, value)
            self.state.year = ctx.year = value
        elif key == "jaarplan_budget":
            ctx.year_plan().budget_cents = value
            self._budget_message(messages, after_activity=False)
        elif key in ACT_FIELDS:
            act = _current_activity(ctx)
            if act is None:
                act = _last_activity(ctx) if self.state.pending_question == key else None
            if act is None:
                act = _new_activity(ctx)
            if key == "act_speerpunt":
                act.speerpunt_id = value.id if value else None
                act.speerpunt_text = value.text if value else ""
            elif key == "act_wat" and not self._has_value(key):
                self._store_activity_parts(act, value, messages)
            else:
                setattr(act, ACT_FIELDS[key], value)
            if not act.complete and all(getattr(act, a) is not None for k, a in ACT_FIELDS.items()
                                        if k != "act_speerpunt" or _speerpunten(ctx)):
                act.complete = True
                self._budget_message(messages, after_activity=True)
                self._funding_tip(messages, act.kind, _activity_situations(act))
        elif key == "act_nog_een":
            if value:
                _new_activity(ctx)
            else:
                ctx.year_plan().activities_complete = True
        elif key in POP_FIELDS:
            setattr(ctx.pop(), POP_FIELDS[key], value)
        elif key in GOAL_FIELDS:
            goal = _current_goal(ctx)
            if goal is None and self.state.pending_question == key:
                goal = _last_goal(ctx)
            if goal is None:
                pop = ctx.pop()
                goal = LearningGoal(position=len(pop.goals) + 1)
                pop.goals.append(goal)
            setattr(goal, GOAL_FIELDS[key], value)
            if key == "doel_tekst":
                self._smart_check(goal, value, messages)
            if all(getattr(goal, a) is not None for a in GOAL_FIELDS.values()) and not goal.complete:
                goal.complete = True
                messages.append(Message("leerdoel_opgeslagen", {"nummer": goal.position}))
                self._funding_tip(messages, goal.kind, set())
                if len(ctx.pop().goals) >= MAX_GOALS:
                    ctx.pop().goals_complete = True
                    messages.append(Message("leerdoelen_maximum", {"maximum": MAX_GOALS}))
        elif key == "doel_nog_een":
            pop = ctx.pop()
            if value:
                pop.goals.append(LearningGoal(position=len(pop.goals) + 1))
            else:
                pop.goals_complete = True
        else:
            raise KeyError(key)
        self.session.flush()

    def _store_activity_parts(self, act: Activity, text: str, messages: list[Message]) -> None:
        """An activity described in one message fills every question it answers; the rest is asked."""
        parts = split_activity(text)
        act.title = parts.pop("act_wat")
        filled = []
        for key, part in sorted(parts.items(), key=lambda item: list(ACT_FIELDS).index(item[0])):
            parsed = parse_answer(Q[key], part, self.ctx)
            if parsed.ok and getattr(act, ACT_FIELDS[key]) is None:
                setattr(act, ACT_FIELDS[key], parsed.value)
                filled.append(Q[key].label.lower())
        if filled:
            messages.append(Message("activiteit_delen_opgeslagen", {"velden": ", ".join(filled)}))

    def _funding_tip(self, messages: list[Message], kind: str | None, situations: set[str]) -> None:
        from bot.advice import short_tip  # the knowledge base is only read when a tip is due

        org = self.ctx.org
        names = short_tip(org.sector if org else None, org.employees if org else None, situations, kind)
        if names:
            messages.append(Message("subsidie_tip", {"regelingen": names}))

    def _smart_check(self, goal: LearningGoal, text: str, messages: list[Message]) -> None:
        """A gentle SMART check: fill deadline and result from the goal text when they are in it."""
        if parsing.has_deadline(text):
            goal.deadline = parsing.parse_period(text) or "zie leerdoel"
        if parsing.has_measurable_result(text):
            goal.result = "zie leerdoel"
        if goal.deadline is None or goal.result is None:
            messages.append(Message("smart_tip"))

    def _budget_message(self, messages: list[Message], after_activity: bool) -> None:
        plan = self.ctx.year_plan()
        total = sum(a.cost_cents or 0 for a in plan.activities if a.cost_cents is not None)
        budget = plan.budget_cents or 0
        params = {"totaal": parsing.format_euro(total), "budget": parsing.format_euro(budget),
                  "rest": parsing.format_euro(budget - total), "over": parsing.format_euro(total - budget)}
        if not after_activity:
            messages.append(Message("budget_opgeslagen", params))
        elif total > budget:
            messages.append(Message("budget_overschreden", params))
        else:
            messages.append(Message("budget_stand", params))

    # -- corrections and restart ------------------------------------------------------------------
    def go_back(self) -> str | None:
        """Step back to the previous question of this interview (one that has an answer)."""
        self.state.asked_question = None  # the person's own request: the next prompt sets it
        current = self.current_key()
        order = INTERVIEW_QUESTIONS[self.interview]
        idx = order.index(current) if current in order else len(order)
        for key in reversed(order[:idx]):
            if key in ("act_nog_een", "doel_nog_een") or key == "org_naam" and self.organisation_fixed:
                continue
            if key == "speerpunten" and self.ctx.plan() and self.ctx.plan().speerpunten:
                return self.correct("speerpunten")
            if self._has_value_any(key):
                return self.correct(key)
        return None

    def _has_value_any(self, key: str) -> bool:
        ctx = self.ctx
        if key == "org_naam":
            return ctx.org is not None
        if key == "speerpunten":
            return ctx.plan() is not None and bool(ctx.plan().speerpunten)
        if key == "jaarplan_jaar":
            return ctx.year_plan() is not None
        if key == "jaarplan_budget":
            return ctx.year_plan() is not None and ctx.year_plan().budget_cents is not None
        if key in ACT_FIELDS:
            act = _last_activity(ctx)
            return act is not None and getattr(act, ACT_FIELDS[key]) is not None
        if key in GOAL_FIELDS:
            goal = _last_goal(ctx)
            return goal is not None and getattr(goal, GOAL_FIELDS[key]) is not None
        return self._has_value(key)

    def find_topic(self, topic: str | None) -> str | None:
        if not topic:
            return None
        t = parsing.normalize(topic)
        best: tuple[int, str] | None = None
        for key in INTERVIEW_QUESTIONS[self.interview]:
            for word in TOPIC_WORDS.get(key, ()) + (parsing.normalize(Q[key].label),):
                if re.search(rf"(?<![a-z]){re.escape(word)}", t) and (best is None or len(word) > best[0]):
                    best = (len(word), key)
        return best[1] if best else None

    @property
    def organisation_fixed(self) -> bool:
        """The organisation comes from the verified token: the conversation can never change it."""
        return self.ctx.org is not None and self.ctx.org.external_id is not None

    def correct(self, key: str) -> str | None:
        self.state.asked_question = None  # the person's own request: the next prompt sets it
        if key not in INTERVIEW_QUESTIONS[self.interview] or not self._has_value_any(key):
            return None
        if key == "org_naam" and self.organisation_fixed:
            return None
        if key == "speerpunten":
            plan = self.ctx.plan()
            repo.log_answer(self.session, self.person.id, self.interview, "speerpunten", "(lijst opnieuw invullen)",
                            " | ".join(sp.text for sp in plan.speerpunten), True)
            plan.speerpunten.clear()
            plan.speerpunten_complete = False
        self.state.pending_question = key
        self.state.status = "active"
        self.session.flush()
        return key

    def restart(self) -> None:
        self.state.asked_question = None  # the person's own request: the next prompt sets it
        ctx = self.ctx
        repo.log_answer(self.session, self.person.id, self.interview, "opnieuw_beginnen", "(opnieuw begonnen)")
        if self.interview == "strategie" and ctx.plan() is not None:
            ctx.org.strategic_plan = None
        elif self.interview == "jaarplan" and ctx.year_plan() is not None:
            self.session.delete(ctx.year_plan())
            self.state.year = ctx.year = None
        elif self.interview == "pop":
            pop = repo.get_pop(self.session, self.person, ctx.year)
            if pop is not None:
                self.session.delete(pop)
        self.state.pending_question = None
        self.state.status = "active"
        self.session.flush()
        self.session.expire_all()

    def ask_restart(self) -> None:
        self.state.asked_question = None  # the person's own request: the next prompt sets it
        self.state.pending_question = RESTART
        self.session.flush()

    def _answer_restart(self, text: str) -> Reply:
        choice = parsing.parse_yes_no(text)
        if choice is None:
            return Reply([Message("ja_of_nee")], accepted=False, done=False)
        self.state.pending_question = None
        if choice:
            self.restart()
            return Reply([Message("opnieuw_begonnen")], accepted=True, done=self.is_done())
        return Reply([Message("opnieuw_niet")], accepted=True, done=self.is_done())

    def pause(self) -> None:
        if self.state.status != "done":
            self.state.status = "paused"

    # -- summaries --------------------------------------------------------------------------------
    def summary(self) -> str:
        return SUMMARIES[self.interview](self.ctx)


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
    lines.append(_line(Q["pop_steun"].label, pop.support_needed))
    return "\n".join(lines)


SUMMARIES: dict[str, Callable[[Ctx], str]] = {
    "strategie": _summary_strategie, "jaarplan": _summary_jaarplan, "pop": _summary_pop,
}
