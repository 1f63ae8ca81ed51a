"""Funding advice for the conversation: what we know of the person's organisation, and the answers."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

from bot import clock, funding
from bot.dutch.facts import Facts, employer_refuses
from bot.dutch.facts import extract as extract_facts
from bot.dutch.facts import sentence as facts_sentence
from bot.dutch.formatting import format_date, listing
from bot.dutch.parsing import SECTOR_CHOICES, match_choice, normalize
from bot.dutch.values import parse_int
from bot.funding import aspects
from bot.funding.words import explain
from bot.messages import Message
from bot.vocabulary import PURPOSES, SECTORS

ASPECT_KEYS = frozenset(key for key, _ in aspects.OPENING + aspects.ASPECTS)

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
            lines.append(f"Ook mogelijk: {listing(self.more)}. Vraag bijvoorbeeld 'wat is {_short(self.more[0])}?'.")
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


def helps(names: list[str]) -> str:
    """'kan het levenlanglerenkrediet helpen', 'kunnen het IKB en het levenlanglerenkrediet helpen'."""
    return f"{'kan' if len(names) == 1 else 'kunnen'} {listing(names)} helpen"


def advise(sector: str | None, employees: int | None, situations: set[str] | frozenset[str],
           kind: str | None = None, age: int | None = None, today: date | None = None,
           employer_may_pay: bool = True) -> Advice:
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
            labels = listing([SECTOR_WORK[s] for s in sectors], "of")
            notes.append(f"Werk je {labels}? Zeg het, dan noem ik ook de regelingen voor jullie sector.")
    own_business = "zzp" in situations
    if own_business:  # a zzp'er has no employer and no organisation to name
        notes = [n for n in notes if not n.startswith("Werk je")]
        notes.append(_ended_for_people(kb))
    # advice without money is no scheme that "fits best" (found over make run: Cultuurconnectie was the second of
    # three cards for a music school); it is named apart
    counsel = [f.scheme for f in fits if f.scheme.kind == "advies"]
    fits = [f for f in fits if f.scheme.kind != "advies"]
    if counsel:
        notes.append(f"Zoek je advies en hulp, maar geen geld? Dan {helps([s.said_as for s in counsel])}.")
    cards = [funding.card(f, today, kb.words) for f in fits[:CARDS]]
    if individual and not own_business and employer_may_pay and len(cards) < CARDS:
        cards += [_via_employer(s, today, kb.words) for s in kb.schemes.values()
                  if s.available and s.kind == "fiscaal" and "werkgever" in s.applicants][:CARDS - len(cards)]
    if "oudere" in situations and not any("oudere" in f.scheme.target_groups for f in result.fits):
        notes.insert(0, "In de kennisbank van Leerkoers staat geen aparte regeling voor de scholing van oudere "
                        "medewerkers. De WVA wordt daar soms voor genoemd, maar die bestaat sinds 2014 niet meer.")
    misfits = [m for m in result.misfits if m.scheme.max_age is not None and age is not None]
    misfits += [m for m in result.misfits if m not in misfits and (
        set(m.scheme.target_groups) & set(situations)
        or m.scheme.excluded_sectors and sector and not m.scheme.requires_any  # a scheme only for teachers: only
        or m.scheme.max_employees is not None and employees is not None)]    # when teachers were asked about
    notes += [f"{_short(m.scheme.name)} past niet: {m.reason.split(': ', 1)[-1]}." for m in misfits[:2]]
    if cards:
        intro = ("Deze regeling past het best:" if len(cards) == 1
                 else f"Deze {len(cards)} regelingen passen het best:")
    else:
        intro = "Ik vond geen regeling die zeker past."
    return Advice(intro, cards, [f.scheme.name for f in fits[CARDS:]], notes)


def _ended_for_people(kb: funding.KnowledgeBase) -> str:
    """What ended for someone who pays a course themselves: said to a zzp'er who may still count on it."""
    ended = [s for s in (kb.get("studiekostenaftrek"), kb.get("stap")) if s is not None and s.ended_on]
    said = [f"{s.in_sentence} (sinds {format_date(s.ended_on)})" for s in ended]
    return f"Wat niet meer bestaat: {listing(said)}." if said else ""


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
    names = [f.scheme.in_sentence + (f" ({f.scheme.tip_condition})" if f.scheme.tip_condition else "")
             for f in result.fits
             if f.scheme.kind in EMPLOYER_MONEY and "werkgever" in f.scheme.applicants
             and (set(f.scheme.activity_types) & TIP_ACTIVITIES or f.scheme.tip_condition)
             and (not f.scheme.sectors or sector in f.scheme.sectors)
             and (f.scheme.min_participants is None or participants is not None
                  and participants >= f.scheme.min_participants)  # a tip only where the rule plainly holds
             and (f.scheme.max_employees is None or employees is not None)]
    return listing(names[:2]) or None


def personal_tip(sector: str | None, activity: str | None) -> list[str]:
    """Money a person can use for their own learning goal (names in a sentence, at most two): only when the goal
    is a course or a study."""
    text = normalize(activity or "")
    if not _COURSE.search(text):
        return []
    kb = funding.load()
    need = funding.Need(situations=frozenset({"individueel"}))
    result = funding.match(kb, funding.Profile(sector=sector), need)
    names = [f.scheme.in_sentence for f in result.fits
             if "individu" in f.scheme.applicants and f.scheme.kind not in ("wet", "fiscaal")
             and (not f.scheme.sectors or sector in f.scheme.sectors)
             and (f.scheme.kind != "lening" or _DEGREE.search(text))]
    return names[:2]


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


# "Meer uitleg: Lerarenbeurs" typed after its button is gone, "info over de SLIM-regeling": about that scheme
_MORE_ABOUT = re.compile(r"(?i)^\s*(?:meer\s+(?:uitleg|info\w*|over)|uitleg|info\w*|vertel\s+(?:meer|over))\b")


def about_a_scheme(text: str, asked: bool) -> bool:
    """A message about a scheme of the knowledge base: a question that names one ("wat zijn de voorwaarden van het
    levenlanglerenkrediet"), a card's button title typed ("Meer uitleg: SLIM-regeling"), or a question about how to
    apply ("wie vraagt dat aan?"); ``asked``: the message has the form of a question."""
    if _MORE_ABOUT.match(text or "") and funding.load().find(text) is not None:
        return True
    return asked and (funding.load().find(text) is not None or aspects.aspect_of(text) in _APPLYING)


_APPLYING = ("wie_vraagt", "hoe")


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
    if data.get("aspect") in ASPECT_KEYS:  # "wie vraagt dat aan?" after several schemes, then one chosen
        part = "aspect:" + data["aspect"]
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


def named_scheme(text: str, last_scheme: str | None = None) -> funding.Scheme | None:
    """The scheme a question is about: its button, its name in the text, or (for a question about an aspect without
    a name, "moet ik dat zelf aanvragen?") the scheme the conversation was just about."""
    kb = funding.load()
    named = kb.find_all(text)
    if aspects.aspect_of(text) in ("opvolger", "bestaat"):  # "de Impuls van het A+O fonds": the ended one
        named.sort(key=lambda found: not found.ended)
    scheme = scheme_from_payload(text)[0] or (named[0] if named else None)
    if scheme is None and last_scheme and aspects.aspect_of(text) and not names_something_else(text):
        scheme = kb.get(last_scheme)
    return scheme


def which_scheme(aspect: str, shown: tuple[str, ...]) -> Message:
    """"wie vraagt dat aan?" right after advice with several schemes: which one, with those schemes as buttons that
    ask the same question about the one chosen."""
    kb = funding.load()
    schemes = [kb.get(i) for i in shown if kb.get(i) is not None]
    if len(schemes) < 2:
        return Message("regeling_welke")
    return Message("regeling_welke_getoond", buttons=[
        {"title": funding.short_name(s.name), "payload": scheme_payload(s.id, aspect)} for s in schemes[:4]])


_ORDINAL = {"eerste": 0, "1e": 0, "tweede": 1, "2e": 1, "derde": 2, "3e": 2, "vierde": 3, "4e": 3, "laatste": -1}
_PICKED = re.compile(r"\b(?:de|het|die)\s+(" + "|".join(_ORDINAL) + r")\b(?:\s+(?:regeling|kaart|subsidie|fonds|optie))?")


def picked_scheme(text: str, shown: tuple[str, ...]) -> str | None:
    """"en de tweede?", "ik bedoel de tweede regeling, hoeveel is die?" right after advice with several cards: the
    scheme of that card, or None (a short message only: "de tweede activiteit" in a long one is no card)."""
    norm = normalize(text)
    found = _PICKED.search(norm)
    if not shown or found is None or len(norm.split()) > 12 or re.search(r"\bactiviteit|\bleerdoel|\bspeerpunt", norm):
        return None
    index = _ORDINAL[found.group(1)]
    return shown[index] if -len(shown) <= index < len(shown) else None


def scheme_payload(scheme_id: str, aspect: str | None) -> str:
    """The message a card's button would send, with the part asked ("hoeveel is die?": the amount)."""
    return "/regeling_vraag" + json.dumps({"regeling": scheme_id, **({"aspect": aspect} if aspect else {})})


def shown_schemes(messages: list[Message]) -> tuple[str, ...]:
    """The schemes of the cards among ``messages`` (advice), in the order shown."""
    found = [scheme_from_payload(b.get("payload") or "")[0] for m in messages if m.response == "subsidie_kaart"
             for b in m.buttons or []]
    return tuple(dict.fromkeys(s.id for s in found if s is not None))


def names_something_else(text: str) -> bool:
    """'en de lerarenbeurs, wie vraagt die aan?', 'het opleidingsfonds van de bouw' name a scheme; 'die regeling'
    and 'dat' point back to the last one."""
    t = normalize(text)
    named = [m for m in re.finditer(r"\w*(regeling|subsidie|fonds|beurs|budget|krediet|potje)\w*", t)
             if not re.search(r"\b(die|deze|dat|dit|zo'?n|zelfde)\s+$", t[:m.start()])]
    return bool(named)


_LEARNING_MONEY = re.compile(r"(leer|scholings?|opleidings?|studie|ontwikkel)\w*\s?(rekening|regeling|fonds|beurs|budget|"
                             r"krediet|voucher|subsidie|potje)")


def names_an_unknown_scheme(text: str) -> bool:
    """'wat is de Brabantse leerrekening?': a question about money for learning under a name the knowledge base
    does not hold (a regional or sector scheme), not a question outside the field. 'mijn verlofbudget' is not."""
    t = normalize(text)
    return funding.load().find(text) is None and bool(_LEARNING_MONEY.search(t)) and (
        t.rstrip().endswith("?") or aspects.aspect_of(text) is not None or re.match(r"(wat|ken|bestaat)\b", t))


def funding_replies(text: str, facts: Facts, sector: str | None, employees: int | None,
                    scheme_question: bool, last_scheme: str | None = None, shown: tuple[str, ...] = ()) -> list[Message]:
    """What the bot answers to a funding question, inside or outside an interview.

    A question about one aspect of a scheme ("wie vraagt de subsidie praktijkleren aan?") gets that part first, in
    one or two sentences (aspects.py). A question about one scheme (or its 'meer uitleg' button) gets its facts;
    any other funding question gets advice that uses the facts of the message first and then what is known of the
    organisation. Someone who pays a course themselves, or works for themselves, gets advice for a person.
    """
    kb = funding.load()
    from_button, part = scheme_from_payload(text)
    scheme = named_scheme(text, last_scheme) if scheme_question or kb.find(text) else None
    aspect = part.removeprefix("aspect:") if part.startswith("aspect:") else \
        None if from_button is not None else aspects.aspect_of(text)
    if scheme is not None and (scheme_question or aspect):
        too_old = facts.age is not None and scheme.max_age is not None and facts.age > scheme.max_age
        # "kan ik het levenlanglerenkrediet gebruiken, ik ben 57?": the answer for that age first
        first = [Message("regeling_leeftijd", {"regeling": funding.short_name(scheme.name), "leeftijd": facts.age,
                                               "grens": scheme.max_age + 1})] if too_old else []
        if aspect and not (too_old and aspect == "voor_wie"):
            return first + aspects.aspect_replies(kb, scheme, aspects.aspects_of(text) or [aspect],
                                                  sector=facts.sector or sector)
        if aspect:
            return first
        return first + scheme_replies(scheme, part if part in ("kort", "voorwaarden") else "kort")
    if scheme_question and facts.empty:
        if aspects.aspect_of(text) and not names_something_else(text):  # "moet ik dat zelf aanvragen?"
            return [which_scheme(aspects.aspect_of(text), shown)]
        return [Message("regeling_onbekend")]
    individual = facts.payer == "zelf" or "zzp" in facts.purposes
    replies = []
    understood = facts_sentence(facts)
    if understood:
        replies.append(Message("feiten_begrepen", {"feiten": understood}))
    situations = message_purposes(text, facts)
    result = advise(None if "zzp" in facts.purposes else facts.sector or sector,
                    None if individual else facts.employees or employees, situations, age=facts.age,
                    employer_may_pay=not employer_refuses(text))
    return replies + result.messages()
