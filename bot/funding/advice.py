"""Funding advice for the conversation: what we know of the person's organisation, and the answers."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

from bot import clock, funding
from bot.dutch.facts import Facts
from bot.dutch.facts import extract as extract_facts
from bot.dutch.facts import sentence as facts_sentence
from bot.dutch.parsing import SECTOR_CHOICES, match_choice, normalize
from bot.dutch.values import parse_int
from bot.funding.words import explain
from bot.messages import Message
from bot.vocabulary import PURPOSES, SECTORS

# What the money is for, as buttons and as words people type.
DOEL_CHOICES: dict[str, tuple[str, ...]] = {
    **{p.key: p.words for p in PURPOSES.values()},
    "onbekend": ("weet ik niet", "weet niet", "nog niet", "geen idee", "alles", "maakt niet uit"),
}


def situations_from_text(text: str) -> set[str]:
    """What the money is for, as far as the text says (bot/dutch/facts.py), plus the words of the buttons."""
    t = normalize(text)
    found = set(extract_facts(text).purposes)
    for key, words in DOEL_CHOICES.items():
        if key in ("groep", "onbekend", "cursus"):
            continue
        if any(re.search(rf"(?<![a-z]){re.escape(w)}", t) for w in words):
            found.add(key)
    if re.search(r"\b(mbo|hbo)\b", t) and re.search(r"samen|school|onderwijs", t):
        found.add("mbo_samenwerking" if "mbo" in t else "hbo_samenwerking")
    if _SHORT_COURSE.search(t) and not _DEGREE.search(t) and "groep" not in found:  # not a study (hbo, wo, bol)
        found.add("cursus")
    return found


def parse_doel(text: str) -> set[str] | None:
    """The answer to 'waarvoor zoek je geld?': a set of situations (possibly empty), or None."""
    found = situations_from_text(text)
    if found:
        return found
    choice = match_choice(text, DOEL_CHOICES)
    if choice == "groep":
        return {"groep"}
    if choice == "onbekend":
        return set()  # not known yet: every scheme may fit
    return None


def parse_sector(text: str) -> str | None:
    return match_choice(text, SECTOR_CHOICES) or extract_facts(text).sector  # also "ons installatiebedrijf"


def parse_employees(text: str) -> int | None:
    return parse_int(text, minimum=1, maximum=1_000_000)


# Purposes that are activity types of the schemes rather than situations.
ACTIVITY_PURPOSES = {p.key: p.activity for p in PURPOSES.values() if p.activity}
PURPOSES = set(funding.SITUATIONS) | set(ACTIVITY_PURPOSES)
SECTOR_WORK = {s.key: s.work for s in SECTORS.values()}
CARDS = 3  # a funding answer shows the best three; the rest are named
TIP_ACTIVITIES = {"groepstraining", "cursus", "opleiding", "werkleerplaats"}  # employer money for a plan activity
EMPLOYER_MONEY = ("subsidie", "fonds")
_COURSE = re.compile(r"opleiding|studie|diploma|certificaat|\bmbo\b|\bhbo\b|bachelor|master|associate degree|"
                     r"post-?hbo|cursus|training|leergang|\bwo\b|universiteit|hogeschool")
# the levenlanglerenkrediet: hbo or wo (also part-time, dual or a module) or full-time mbo (bol); not bbl, not a course
_SHORT_COURSE = re.compile(r"cursus|workshop")  # "training": for an employer mostly one for a group
_DEGREE = re.compile(r"\bhbo\b|bachelor|\bmaster(?:s|opleiding)?\b|associate degree|post-?hbo|\bwo\b|universiteit|hogeschool|\bbol\b|"
                     r"voltijd\s*mbo|mbo\s*voltijd")


@dataclass
class Advice:
    """A funding answer: an opening line, the best schemes as cards, the others by name, and short notes."""

    intro: str
    cards: list[funding.Card] = field(default_factory=list)
    more: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def closing(self) -> str:
        lines = list(self.notes)
        if self.more:
            lines.append(f"Ook mogelijk: {_names(self.more)}. Vraag bijvoorbeeld 'wat is {_short(self.more[0])}?'.")
        lines.append("Regels voor geld veranderen vaak. Kijk dus altijd op de pagina van de regeling zelf voor je iets "
                     "aanvraagt.")
        return "\n".join(lines)

    def messages(self) -> list[Message]:
        out = [Message("subsidie_advies", {"advies": self.intro})]
        for c in self.cards:
            out.append(Message("subsidie_kaart", {"kaart": c.text()},
                               [{"title": f"Meer uitleg: {c.name.split(' (')[0]}",
                                 "payload": "/regeling_vraag" + json.dumps({"regeling": c.scheme_id})}],
                               card=c.payload()))
        out.append(Message("subsidie_advies", {"advies": self.closing()}))
        return out

    def text(self) -> str:
        return "\n\n".join([self.intro, *(c.text() for c in self.cards), self.closing()])


def _short(name: str) -> str:
    return re.split(r" \(| – ", name)[0]


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def advise(sector: str | None, employees: int | None, situations: set[str] | frozenset[str],
           kind: str | None = None, age: int | None = None, today: date | None = None) -> Advice:
    """The best schemes for what we know. Nothing that depends on an unknown sector is shown as if it fits."""
    today = today or clock.today()
    kb = funding.load()
    individual = "individueel" in situations
    need = funding.Need(kind_of_learning=kind,
                        situations=frozenset(s for s in situations if s in funding.SITUATIONS),
                        activities=frozenset(ACTIVITY_PURPOSES[s] for s in situations if s in ACTIVITY_PURPOSES))
    result = funding.match(kb, funding.Profile(sector=sector, employees=employees, age=age), need)
    fits = [f for f in result.fits if f.scheme.kind != "wet"]
    notes: list[str] = []
    if sector is None:
        by_sector = [f for f in fits if f.scheme.sectors]
        fits = [f for f in fits if not f.scheme.sectors]
        if by_sector:
            sectors = sorted({s for f in by_sector for s in f.scheme.sectors}, key=list(funding.SECTORS).index)
            labels = " of ".join(SECTOR_WORK[s] for s in sectors)
            notes.append(f"Werk je {labels}? Zeg het, dan noem ik ook de regelingen voor jullie sector.")
    cards = [funding.card(f, today, kb.words) for f in fits[:CARDS]]
    if individual and len(cards) < CARDS:
        cards += [_via_employer(s, today, kb.words) for s in kb.schemes.values()
                  if s.available and s.kind == "fiscaal"][:CARDS - len(cards)]
    if "oudere" in situations and not any("oudere" in f.scheme.target_groups for f in result.fits):
        notes.insert(0, "In de kennisbank van Leerkoers staat geen aparte regeling voor de scholing van oudere "
                        "medewerkers. De WVA wordt daar soms voor genoemd, maar die bestaat sinds 2014 niet meer.")
    misfits = [m for m in result.misfits if m.scheme.max_age is not None and age is not None]
    misfits += [m for m in result.misfits if m not in misfits and (
        set(m.scheme.target_groups) & set(situations) or m.scheme.excluded_sectors and sector
        or m.scheme.max_employees is not None and employees is not None)]
    notes += [f"{_short(m.scheme.name)} past niet: {m.reason.split(': ', 1)[-1]}." for m in misfits[:2]]
    if cards:
        intro = ("Deze regeling past het best:" if len(cards) == 1
                 else f"Deze {len(cards)} regelingen passen het best:")
    else:
        intro = "Ik vond geen regeling die zeker past."
    return Advice(intro, cards, [f.scheme.name for f in fits[CARDS:]], notes)


def _via_employer(scheme: funding.Scheme, today: date, words: dict[str, str]) -> funding.Card:
    (why,) = explain(["Betaalt je werkgever de opleiding, of een deel? Dan hoeft je werkgever daar geen "
                      "belasting over te betalen. Vraag het dus eerst aan je werkgever."], words)
    return funding.Card(scheme.id, scheme.name, why, None, funding.window_status(scheme, today).capitalize(),
                        funding.certainty_line(scheme))


def plan_tip(sector: str | None, employees: int | None, situations: set[str], kind: str | None,
             participants: int | None) -> str | None:
    """Employer money for one activity of the yearly plan: only schemes whose conditions are known to hold."""
    kb = funding.load()
    need = funding.Need(kind_of_learning=kind, situations=frozenset(situations), participants=participants)
    result = funding.match(kb, funding.Profile(sector=sector, employees=employees), need)
    names = [f.scheme.name + (f" ({f.scheme.tip_condition})" if f.scheme.tip_condition else "") for f in result.fits
             if f.scheme.kind in EMPLOYER_MONEY and "werkgever" in f.scheme.applicants
             and set(f.scheme.activity_types) & TIP_ACTIVITIES
             and (not f.scheme.sectors or sector in f.scheme.sectors)
             and (f.scheme.min_participants is None or participants is not None
                  and participants >= f.scheme.min_participants)  # a tip only where the rule plainly holds
             and (f.scheme.max_employees is None or employees is not None)]
    return _names(names[:2]) if names else None


def personal_tip(sector: str | None, activity: str | None) -> str | None:
    """Money a person can use for their own learning goal: only when the goal is a course or a study."""
    text = normalize(activity or "")
    if not _COURSE.search(text):
        return None
    kb = funding.load()
    need = funding.Need(situations=frozenset({"individueel"}))
    result = funding.match(kb, funding.Profile(sector=sector), need)
    names = [f.scheme.name for f in result.fits
             if "individu" in f.scheme.applicants and f.scheme.kind not in ("wet", "fiscaal")
             and (not f.scheme.sectors or sector in f.scheme.sectors)
             and (f.scheme.kind != "lening" or _DEGREE.search(text))]
    return _names(names[:2]) if names else None


def scheme_replies(scheme: funding.Scheme, part: str = "kort") -> list[Message]:
    """'Meer uitleg' about one scheme: a short answer with a button for its conditions, or the conditions."""
    kb, more = funding.load(), funding.has_conditions(scheme)
    if part == "voorwaarden" and more:
        return [Message("regeling_info", {"info": funding.describe_conditions(kb, scheme)})]
    buttons = [{"title": f"Voorwaarden van {funding.short_name(scheme.name)}",
                "payload": "/regeling_vraag" + json.dumps({"regeling": scheme.id, "deel": "voorwaarden"})}] if more else []
    return [Message("regeling_info", {"info": funding.describe_scheme(kb, scheme)}, buttons)]


def about_funding(text: str) -> bool:
    """Does a question name a scheme or speak of money ("kan dat met de slim-regeling?", "wie betaalt dat?")?
    "weet niet, met p&o praten?" does neither: it is no question about a scheme."""
    from bot.requests import get

    return funding.load().find(text) is not None or get("subsidie_zoeken").backed_by(text)


def known_scheme_names() -> str:
    kb = funding.load()
    return ", ".join(sorted(s.name for s in kb.schemes.values() if s.available and s.kind != "advies"))


def scheme_from_payload(text: str) -> tuple[funding.Scheme | None, str]:
    """The scheme and part of a button: /regeling_vraag{"regeling": "<id>", "deel": "voorwaarden"}."""
    stripped = text.strip()
    if not stripped.startswith("/") or "{" not in stripped:
        return None, "kort"
    try:
        data = json.loads(stripped[stripped.index("{"):])
    except ValueError:
        return None, "kort"
    if not isinstance(data, dict):
        return None, "kort"
    scheme_id = data.get("regeling")
    part = "voorwaarden" if data.get("deel") == "voorwaarden" else "kort"
    return (funding.load().get(scheme_id) if isinstance(scheme_id, str) else None), part


def message_purposes(text: str, facts: Facts) -> set[str]:
    """What one message says the money is for: its facts, the words of the buttons, and who pays. The same for a
    funding question inside an interview and for the funding form outside it."""
    found = situations_from_text(text)
    if facts.payer == "zelf":
        found.add("individueel")
        if re.search(r"\btraining", normalize(text)) and not _DEGREE.search(normalize(text)):
            found.add("cursus")  # a training someone pays themselves is a course, not a study
    return set(facts.purposes) | found


def funding_replies(text: str, facts: Facts, sector: str | None, employees: int | None,
                    scheme_question: bool) -> list[Message]:
    """What the bot answers to a funding question, inside or outside an interview.

    A question about one scheme (or its 'meer uitleg' button) gets its facts; any other funding question gets
    advice that uses the facts of the message first and then what is known of the organisation. Someone who
    pays a course themselves gets advice for a person: only schemes a person can use, such as their sector's
    individual budget.
    """
    if scheme_question:
        scheme, part = scheme_from_payload(text)
        scheme = scheme or funding.load().find(text)
        if scheme:
            too_old = facts.age is not None and scheme.max_age is not None and facts.age > scheme.max_age
            # "kan ik het levenlanglerenkrediet gebruiken, ik ben 57?": the answer for that age first
            return ([Message("regeling_leeftijd", {"regeling": funding.short_name(scheme.name), "leeftijd": facts.age,
                                                   "grens": scheme.max_age + 1})] if too_old else []) \
                + scheme_replies(scheme, part)
        if facts.empty:
            return [Message("regeling_onbekend", {"regelingen": known_scheme_names()})]
    individual = facts.payer == "zelf"
    replies = []
    understood = facts_sentence(facts)
    if understood:
        replies.append(Message("feiten_begrepen", {"feiten": understood}))
    situations = message_purposes(text, facts)
    result = advise(facts.sector or sector,
                    None if individual else facts.employees or employees, situations, age=facts.age)
    return replies + result.messages()
