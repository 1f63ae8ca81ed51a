"""Funding advice for the conversation: what we know of the person's organisation, and the answers."""

from __future__ import annotations

import re

from bot import funding
from bot.dutch.facts import Facts
from bot.dutch.facts import extract as extract_facts
from bot.dutch.facts import sentence as facts_sentence
from bot.dutch.parsing import SECTOR_CHOICES, match_choice, normalize, parse_int

# What the money is for, as buttons and as words people type.
DOEL_CHOICES: dict[str, tuple[str, ...]] = {
    "groep": ("groep", "team", "hele organisatie", "afdeling", "medewerkers opleiden", "training"),
    "loopbaanadvies": ("loopbaanadvies", "ontwikkeladvies", "loopbaangesprek", "loopbaancoach"),
    "werkleerplaats": ("leerwerkplek", "werkleerplaats", "bbl", "stagiair", "leerling", "praktijkleren"),
    "mbo_samenwerking": ("mbo", "roc", "mbo-school"),
    "hbo_samenwerking": ("hbo", "hogeschool"),
    "laagopgeleid": ("laagopgeleid", "lage opleiding", "laaggeletterd", "basisvaardigheden", "mbo-2", "laag inkomen"),
    "ontslag_dreiging": ("ontslag", "boventallig", "van werk naar werk", "baan verliezen", "reorganisatie"),
    "individueel": ("zelf betalen", "betaal zelf", "ik betaal", "eigen opleiding", "mijn opleiding", "voor mezelf",
                    "eigen rekening"),
    "oudere": ("oudere", "ouderen", "55+", "60+", "senior medewerker", "oudere medewerkers"),
    "ontwikkelpad": ("ontwikkelpad", "zorg en welzijn", "kinderopvang", "techniek", "groen", "bouw", "energie"),
    "onbekend": ("weet ik niet", "weet niet", "nog niet", "geen idee", "alles", "maakt niet uit"),
}


def situations_from_text(text: str) -> set[str]:
    """What the money is for, as far as the text says (bot/dutch/facts.py), plus the words of the buttons."""
    t = normalize(text)
    found = set(extract_facts(text).purposes)
    for key, words in DOEL_CHOICES.items():
        if key in ("groep", "onbekend"):
            continue
        if any(re.search(rf"(?<![a-z]){re.escape(w)}", t) for w in words):
            found.add(key)
    if re.search(r"\b(mbo|hbo)\b", t) and re.search(r"samen|school|onderwijs", t):
        found.add("mbo_samenwerking" if "mbo" in t else "hbo_samenwerking")
    return found


def parse_doel(text: str) -> set[str] | None:
    """The answer to 'waarvoor zoek je geld?': a set of situations (possibly empty), or None."""
    found = situations_from_text(text)
    if found:
        return found
    choice = match_choice(text, DOEL_CHOICES)
    if choice in ("groep", "onbekend"):
        return set()
    return None


def parse_sector(text: str) -> str | None:
    return match_choice(text, SECTOR_CHOICES)


def parse_employees(text: str) -> int | None:
    return parse_int(text, minimum=1, maximum=1_000_000)


# Purposes that are activity types of the schemes rather than situations.
ACTIVITY_PURPOSES = {"loopbaanadvies": "loopbaanadvies", "groep": "groepstraining"}
PURPOSES = set(funding.SITUATIONS) | set(ACTIVITY_PURPOSES)


def advise(sector: str | None, employees: int | None, situations: set[str] | frozenset[str],
           kind: str | None = None, limit: int = 4, age: int | None = None) -> str:
    kb = funding.load()
    need = funding.Need(kind_of_learning=kind,
                        situations=frozenset(s for s in situations if s in funding.SITUATIONS),
                        activities=frozenset(ACTIVITY_PURPOSES[s] for s in situations if s in ACTIVITY_PURPOSES))
    result = funding.match(kb, funding.Profile(sector=sector, employees=employees, age=age), need)
    fits = [f for f in result.fits if f.scheme.kind != "wet"][:limit]
    lines: list[str] = []
    if "oudere" in situations and not any("oudere" in f.scheme.target_groups for f in result.fits):
        lines.append("Er is op dit moment geen aparte regeling voor de scholing van oudere medewerkers. "
                     "(De WVA wordt daar soms voor genoemd, maar die bestaat sinds 2014 niet meer.) "
                     "Deze regelingen kunnen wel passen:")
    elif fits:
        lines.append("Deze regelingen kunnen passen:")
    for number, fit in enumerate(fits, 1):
        lines.append(funding.describe_fit(fit, number))
    if not fits:
        lines.append("Ik vond geen regeling die zeker past.")
    by_age = [m for m in result.misfits if m.scheme.max_age is not None and age is not None]
    relevant = by_age + [m for m in result.misfits if m not in by_age and (
        set(m.scheme.target_groups) & situations or m.scheme.sectors or m.scheme.max_employees is not None)]
    relevant = relevant[:3]
    if relevant:
        lines.append("Past niet:\n" + "\n".join(f"- {m.reason}" for m in relevant))
    lines.append("Let op: regelingen veranderen vaak. Kijk altijd op de officiële pagina voordat je iets aanvraagt.")
    return "\n\n".join(lines)


def short_tip(sector: str | None, employees: int | None, situations: set[str], kind: str | None) -> str | None:
    """Names of the best fitting schemes, for a tip after an activity or a learning goal."""
    kb = funding.load()
    need = funding.Need(kind_of_learning=kind, situations=frozenset(situations))
    result = funding.match(kb, funding.Profile(sector=sector, employees=employees), need)
    specific = [f.scheme.name for f in result.fits if f.scheme.kind not in ("wet", "fiscaal", "advies")]
    names = (specific or [f.scheme.name for f in result.fits if f.scheme.kind == "fiscaal"])[:2]
    return ", ".join(names) if names else None


def scheme_info(text: str) -> str | None:
    kb = funding.load()
    scheme = kb.find(text)
    return funding.describe_scheme(kb, scheme) if scheme else None


def known_scheme_names() -> str:
    kb = funding.load()
    return ", ".join(sorted(s.name for s in kb.schemes.values() if s.available and s.kind != "advies"))


def funding_replies(text: str, facts: Facts, sector: str | None, employees: int | None,
                    scheme_question: bool) -> list[tuple[str, dict]]:
    """What the bot answers to a funding question, inside or outside an interview: (response, params) pairs.

    A question about one scheme gets its facts; any other funding question gets advice that uses the facts of
    the message first and then what is known of the organisation. Someone who pays a course themselves gets
    advice for a person, whatever the organisation.
    """
    if scheme_question:
        info = scheme_info(text)
        if info:
            return [("regeling_info", {"info": info})]
        if facts.empty:
            return [("regeling_onbekend", {"regelingen": known_scheme_names()})]
    individual = facts.payer == "zelf"
    replies = []
    understood = facts_sentence(facts)
    if understood:
        replies.append(("feiten_begrepen", {"feiten": understood}))
    advice = advise(None if individual else facts.sector or sector, None if individual else facts.employees or employees,
                    facts.purposes | situations_from_text(text), age=facts.age)
    replies.append(("subsidie_advies", {"advies": advice}))
    return replies
