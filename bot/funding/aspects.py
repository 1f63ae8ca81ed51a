"""The asked part first: which aspect of a scheme a question asks about, and its answer in one or two sentences.

"Wie kan de subsidie praktijkleren aanvragen?" asks who applies, not for the whole card. The answer comes from the
knowledge base with its certainty at the fact and its source; a button "Meer over …" gives the whole card.
Aspects: who applies, for whom, when, how much, conditions, how to apply, whether it still exists, its successor.
"""

from __future__ import annotations

import json
import re
from datetime import date

from bot import clock
from bot.dutch.formatting import format_date, listing
from bot.dutch.parsing import normalize
from bot.funding.knowledge_base import APPLICANT_LABELS, KnowledgeBase, Scheme
from bot.funding.matching import SECTOR_GROUPS, sector_list
from bot.funding.presenting import (
    NO_APPLICATION,
    amount_line,
    certainty_line,
    sentence,
    short_name,
    who_may_apply,
    window_status,
)
from bot.funding.words import explain
from bot.messages import Message

_APPLY = r"aan ?(te )?vragen|aanvra(ag|gen)|aangevraagd"
_SCHEME_WORDS = r"(dat|het|die|deze|dit|hem|ze|zij|de regeling|de subsidie|de lening|het fonds)"
# Most specific first: "wie vraagt het aan en wanneer?" is about who applies.
ASPECTS: tuple[tuple[str, str], ...] = (
    ("opvolger", r"opvolger|in de plaats|vervangen|ervoor terug|wat is er nu voor|wat kwam (er )?na|wat komt (er )?na"),
    ("bestaat", r"\bbestaa?t\b.{0,40}\bnog\b|\bnog\b.{0,12}\bbestaa?t\b|\bnog (steeds )?(geldig|actief|open|mogelijk|te krijgen|beschikbaar)|"
                r"\b(afgeschaft|gestopt|opgeheven|vervallen|verdwenen|beeindigd|stopgezet)\b|\bloopt\b.{0,40}\bnog\b|"
                r"\bis er nog\b|\bkan (dat|het) nog\b|\bbestaat (die|dat|het|deze)\b"),
    ("wie_vraagt", rf"\bwie\b.{{0,50}}({_APPLY}|indienen)|\bwie vraagt\b|\bvia wie\b|"
                   rf"\b(moet|kan|mag) (ik|je|u|de medewerker|een medewerker|de werknemer)\b.{{0,30}}\bzelf\b.{{0,25}}({_APPLY}|regelen)|"
                   rf"\bzelf\b.{{0,12}}({_APPLY})|\b(vraagt|doet) (mijn |de |onze )?(werkgever|school|gemeente|baas)\b.{{0,25}}\baan\b|"
                   r"\bdoet (de|mijn|onze) (werkgever|school|baas) (de|die) aanvraag|"
                   r"\b(moet|kan) (mijn|de|onze) (werkgever|baas|school)\b.{0,30}(aan ?vragen|aanvraag)"),
    ("hoe", rf"\bhoe\b.{{0,30}}({_APPLY}|indienen)|\b(hoe|waar)\b.{{0,12}}\bvraagt? (ik|je|we|u|wij|men)\b|\bwaar\b.{{0,30}}({_APPLY}|indienen)|\baanvraag (doen|indienen)|"
            r"\beherkenning\b|\bformulier\b|\bwelk loket\b|\bhoe (kom|krijg) (ik|je|we|u)\b.{0,15}\b(eraan|het|die|dat)\b|"
            r"\bhoe werkt (de aanvraag|het aanvragen)|\bwelke stappen\b"),
    ("wanneer", r"\bwanneer\b|\btot wanneer\b|\bdeadline\b|\bsluit(ingsdatum|datum|t)?\b|\baanvraagperiode|"
                r"\baanvraagtermijn|\bperiode\b|\bronde\b|\bwelke datum\b|\bop tijd\b|\bnu (al )?(aan ?vragen|open)\b|"
                r"\bis (de aanvraag|het loket|de regeling|die|het|dat) (nu )?open\b"),
    ("bedrag", r"\bhoeveel\b.{0,30}\b(geld|krijg|krijgen|subsidie|euro|vergoed|bedrag|betaalt|betalen|lenen|geeft|procent)|"
               r"\bhoeveel is (het|dat|die|de)\b|\bbedrag\b|\bhoe (hoog|groot)\b|\bmaximaal\b|\bmaximum\b|\bprocent\b|%|"
               r"\bwat (krijg|kan ik krijgen|levert|geeft)\b|\bhoeveel\??$"),
    ("voorwaarden", r"\bvoorwaarde|\beisen\b|\bregels\b|\bvoldoen\b|\bwaar moet(en)? (ik|je|we|u)\b.{0,20}\baan\b"),
    ("voor_wie", r"\bvoor wie\b|\bwie (kan|mag|komt)\b|\bin aanmerking\b|\bgeldt\b.{0,40}\b(ook|voor|als)\b|"
                 r"\b(mag|kan) (ik|je|u|we|wij|onze|mijn)\b.{0,50}\b(krijgen|gebruiken|inzetten|aanvragen|lenen|gebruik maken)|"
                 r"\b(mag|kan)\b.{0,50}\bgebruik maken\b|\bis\b.{0,40}\b(ook )?voor (een|ons|onze|mij|mensen|iemand|\w+en)\b|"
                 r"\b(tot|vanaf) welke leeftijd\b|\bis (dat|het|die) (ook )?voor\b|\bparttime|\bdeeltijd\b|\bzzp"),
)


# A question that opens with its question word asks that: "wanneer kan de school … aanvragen?" is about when.
OPENING = (("wanneer", r"^(en |maar )?(tot |vanaf )?wanneer\b"), ("bedrag", r"^(en |maar )?hoeveel\b(?! (medewerkers|mensen))"),
           ("voor_wie", r"^(en |maar )?voor wie\b"))


def aspect_of(text: str) -> str | None:
    """The aspect a question about a scheme asks for, or None for a general question ("wat is X?")."""
    t = normalize(text)
    for aspect, pattern in OPENING + ASPECTS:
        if re.search(pattern, t):
            return aspect
    return None


def aspects_of(text: str) -> list[str]:
    """The aspects of a message with more than one question ("wie vraagt het aan? en hoe?"), at most two, in
    order; one question gives one aspect."""
    found = [aspect_of(part) for part in re.split(r"\?+", text) if part.strip()]
    found = [a for a in dict.fromkeys(found) if a]
    return found[:2] if len(found) > 1 else ([aspect_of(text)] if aspect_of(text) else [])


def _subject(scheme: Scheme) -> str:
    name = scheme.in_sentence
    return name[0].upper() + name[1:]


def _who_applies(scheme: Scheme) -> str:
    said = scheme.in_sentence
    if scheme.kind in NO_APPLICATION:
        return f"Voor {said} vraag je niets aan."
    if scheme.kind == "advies":
        return f"Bij {said} vraag je geen geld aan, maar advies."
    who = set(scheme.applicants)
    if who == {"individu"}:
        return f"Je vraagt {said} zelf aan" + (f", bij {scheme.funder}." if scheme.kind == "lening" else ".")
    if "individu" in who:
        others = listing([APPLICANT_LABELS[a] for a in scheme.applicants if a != "individu"], "of")
        return f"Je vraagt {said} zelf aan. Ook {others} kan dat doen."
    labels = listing([APPLICANT_LABELS[a] for a in scheme.applicants], "of")
    if not labels:
        return f"Wie {said} aanvraagt, weet ik niet. Kijk op {scheme.official_page}"
    if who == {"werkgever"}:
        return f"De werkgever vraagt {said} aan, niet de medewerker zelf."
    return f"{labels[0].upper()}{labels[1:]} vraagt {said} aan. Een werkgever of een medewerker kan dat niet alleen."


def _exists(kb: KnowledgeBase, scheme: Scheme, today: date) -> str:
    if not scheme.ended:
        return f"Ja, {scheme.in_sentence} bestaat nog. {_apply_when(scheme, today)}"
    return _successor(kb, scheme)


def _apply_when(scheme: Scheme, today: date) -> str:
    """'Aanvragen kan nu niet. De volgende ronde opent …', said of the scheme by name."""
    status = window_status(scheme, today)
    if scheme.kind in NO_APPLICATION:
        return f"Voor {scheme.in_sentence} vraag je niets aan."
    if status.startswith("wanneer"):
        return f"Wanneer je {scheme.in_sentence} kunt aanvragen, staat niet vast."
    return f"Aanvragen {status}"


def _successor(kb: KnowledgeBase, scheme: Scheme) -> str:
    if not scheme.ended:
        return f"{_subject(scheme)} bestaat nog. Er is dus geen opvolger."
    when = f" sinds {format_date(scheme.ended_on)}" if scheme.ended_on else ""
    verb = "heeft een nieuwe naam" if scheme.status == "hernoemd" else "bestaat niet meer"
    first = f"{_subject(scheme)} {verb}{when}."
    successor = kb.get(scheme.successor) if scheme.successor else None
    probably = " waarschijnlijk" if scheme.confidence == "L" else ""
    if successor:
        label = "De nieuwe naam" if scheme.status == "hernoemd" else "De opvolger"
        return f"{first} {label} is{probably} {successor.in_sentence}."
    if scheme.alternatives:
        names = listing([kb.get(a).in_sentence for a in scheme.alternatives], "of")
        return f"{first} Er is geen directe opvolger. Kijk eens naar {names}."
    return f"{first} Er is geen directe opvolger."


def _conditions(scheme: Scheme, limit: int = 3) -> str:
    if not scheme.conditions:
        return f"Ik ken geen voorwaarden van {scheme.in_sentence}. Kijk op {scheme.official_page}"
    lines = [f"- {sentence(c.text)}" + ("" if c.certain else " Dit is niet zeker.") for c in scheme.conditions[:limit]]
    title = "De belangrijkste voorwaarden" if len(scheme.conditions) > limit else "De voorwaarden"
    return f"{title} van {scheme.in_sentence}:\n" + "\n".join(lines)


def _when(scheme: Scheme, today: date) -> str:
    text = _apply_when(scheme, today)
    if text.startswith("Aanvragen"):
        return f"{_subject(scheme)}: a{text[1:]}"
    if text.startswith("Wanneer") and scheme.application_periods:  # no dates to compute: what the source says
        said = re.split(r"(?<=[.!?])\s+", sentence(scheme.application_periods))
        return f"{_subject(scheme)}: {said[0][0].lower()}{said[0][1:]} {' '.join(said[1:2])}".strip()
    return text


def _how(scheme: Scheme) -> str:
    if scheme.kind in NO_APPLICATION:
        return _who_applies(scheme)
    if scheme.apply_how:
        how = sentence(scheme.apply_how)
        return how if scheme.in_sentence.lower() in how.lower() else f"{_subject(scheme)}: {how[0].lower()}{how[1:]}"
    return f"{_who_applies(scheme)} Hoe dat gaat, staat op {scheme.official_page}"


def _for_whom(scheme: Scheme, sector: str | None) -> str:
    """'Nee. De SLIM-regeling is niet voor gemeenten …' when what the person said decides it; else for whom it is."""
    said = who_may_apply(scheme) or sentence(scheme.summary)
    said = re.sub(r"^Dit is voor", f"{_subject(scheme)} is voor", said)
    if sector in scheme.excluded_sectors:
        reason = f", want {scheme.excluded_reason}" if scheme.excluded_reason else ""
        return f"Nee. {_subject(scheme)} is niet voor {SECTOR_GROUPS[sector]}{reason}."
    if sector and scheme.sectors and sector not in scheme.sectors:
        return f"Nee. {_subject(scheme)} is alleen voor {sector_list(scheme.sectors)}."
    if sector and sector in scheme.sectors:
        return f"Jullie soort organisatie past erbij. {said}"
    return said


def aspect_text(kb: KnowledgeBase, scheme: Scheme, aspect: str, today: date | None = None,
                sector: str | None = None) -> str:
    """One or two sentences that answer ``aspect`` of ``scheme``, then its source and the day it was checked.
    ``sector``: the person's kind of organisation, when known: "geldt dat voor ons?" gets a yes or a no."""
    today = today or clock.today()
    if scheme.ended and aspect not in ("opvolger", "bestaat"):
        body = _successor(kb, scheme)  # the first thing to know of an ended scheme
    elif aspect == "wie_vraagt":
        body = _who_applies(scheme)
    elif aspect == "voor_wie":
        body = _for_whom(scheme, sector)
    elif aspect == "wanneer":
        body = _when(scheme, today)
    elif aspect == "bedrag":
        amount = amount_line(scheme)
        body = f"{_subject(scheme)}: {amount[0].lower()}{amount[1:]}" if amount else \
            f"Hoeveel {scheme.in_sentence} geeft, weet ik niet zeker. Kijk op {scheme.official_page}"
    elif aspect == "voorwaarden":
        body = _conditions(scheme)
    elif aspect == "hoe":
        body = _how(scheme)
    elif aspect == "bestaat":
        body = _exists(kb, scheme, today)
    else:
        body = _successor(kb, scheme)
    (body,) = explain([body], kb.words)
    return f"{body}\nBron: {certainty_line(scheme)}"


def aspect_replies(kb: KnowledgeBase, scheme: Scheme, aspect: str | list[str], today: date | None = None,
                   sector: str | None = None) -> list[Message]:
    button = {"title": f"Meer over {short_name(scheme.name)}",
              "payload": "/regeling_vraag" + json.dumps({"regeling": scheme.id})}
    asked = [aspect] if isinstance(aspect, str) else aspect
    texts = [aspect_text(kb, scheme, a, today, sector) for a in asked]
    bodies = [t.rsplit("\nBron: ", 1)[0] for t in texts]  # two answers, one source line
    bodies = [b for i, b in enumerate(bodies) if not any(b.rstrip(".") in o for j, o in enumerate(bodies) if j != i)]
    info = "\n".join(bodies) + "\nBron: " + texts[-1].rsplit("\nBron: ", 1)[1]
    return [Message("regeling_info", {"info": info}, [button])]
