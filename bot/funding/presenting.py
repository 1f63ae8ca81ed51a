"""The Dutch texts about schemes: a short card for advice, "meer uitleg" and the scheme's conditions.

A card says in five short lines what a scheme is, why it fits (in whole sentences), how much it gives, whether
you can apply today and how sure that is. "Meer uitleg" (at most 100 words) adds who may apply and the source on
one line; its button shows the conditions, when to apply, what is not sure, and their sources on one line.
Amounts or periods that are not confirmed are said to be so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot import clock
from bot.dutch.formatting import format_date, listing
from bot.funding.knowledge_base import APPLICANT_LABELS, SITUATION_LABELS, KnowledgeBase, Scheme, Window
from bot.funding.matching import SECTOR_GROUPS, Fit, sector_list
from bot.funding.words import explain

NO_APPLICATION = ("fiscaal", "wet")
CONFIDENCE_TEXT = {
    "H": "Meer bronnen zeggen hetzelfde.",
    "M": "Niet helemaal: er is één bron, of de bron is ouder.",
    "L": "Niet bevestigd. Dit is afgeleid uit wat we vonden.",
}


def sentence(text: str) -> str:
    """The text as a sentence: one full stop at the end, never '..'."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _on(window_day: tuple[int, int], year: int) -> date:
    month, day = window_day
    if (month, day) == (2, 29):
        try:
            return date(year, 2, 29)
        except ValueError:
            return date(year, 2, 28)
    return date(year, month, day)


def _periods(window: Window, today: date) -> list[tuple[date, date]]:
    """The dates of this window around today (last year, this year, next year)."""
    out = []
    for year in (today.year - 1, today.year, today.year + 1):
        opens, closes = _on(window.opens, year), _on(window.closes, year)
        if closes < opens:  # runs over the new year
            closes = _on(window.closes, year + 1)
        out.append((opens, closes))
    return out


def window_status(scheme: Scheme, today: date) -> str:
    """What follows 'Aanvragen:': 'kan nu, tot en met 30 november 2026.', 'kan nu niet. De volgende ronde
    opent op 2 juni 2027.', and so on, computed from today's date."""
    if scheme.kind in NO_APPLICATION:
        return "niet nodig."
    if scheme.kind == "advies":
        return "je vraagt geen geld aan, maar advies."
    if scheme.always_open:
        return "kan het hele jaar."
    if not scheme.windows and scheme.application_periods and scheme.windows_certain:  # no dates to compute: what the source says
        return scheme.application_periods[0].lower() + sentence(scheme.application_periods)[1:]
    periods = sorted(p for w in scheme.windows for p in _periods(w, today))
    for opens, closes in periods:
        if opens <= today <= closes:
            if scheme.windows_certain:
                return f"kan nu, tot en met {format_date(closes)}."
            return f"kan nu, waarschijnlijk tot en met {format_date(closes)}. Dat staat niet vast: vraag op tijd aan."
    upcoming = [(opens, closes) for opens, closes in periods if opens > today]
    if upcoming:
        opens, closes = upcoming[0]
        if scheme.windows_certain:
            return f"kan nu niet. De volgende ronde loopt van {format_date(opens)} tot en met {format_date(closes)}."
        return (f"kan nu niet. De volgende ronde opent waarschijnlijk rond {format_date(opens)} en sluit rond "
                f"{format_date(closes)}.")
    return "wanneer dat kan, staat niet vast."


def certainty_line(scheme: Scheme) -> str:
    """Where the card's facts come from and when they were checked, in one sentence. What is not sure is said at
    the fact itself (the amount, the window, a condition), never as a paragraph on every card."""
    of_date = f" (stand {scheme.source_date})" if scheme.source_date else ""
    return f"{first_source(scheme)}{of_date}, nagekeken op {format_date(scheme.last_checked)}."


def first_source(scheme: Scheme) -> str:
    """The scheme's main source as a reader names it: 'aeno.nl/subsidie-voorwaarden'."""
    return scheme.source.split(";")[0].strip()


def amount_line(scheme: Scheme) -> str | None:
    if not scheme.amount_text:
        return None
    text = sentence(scheme.amount_text)
    return text if scheme.amount_certain else f"{text} Dit bedrag is niet bevestigd."


@dataclass(frozen=True)
class Card:
    """One scheme in a funding answer: four short lines and the scheme's id for 'meer uitleg'."""

    scheme_id: str
    name: str
    why: str
    amount: str | None
    apply: str
    sure: str = ""

    def fields(self) -> list[tuple[str, str]]:
        lines = [("Waarom", self.why)]
        if self.amount:
            lines.append(("Bedrag", self.amount))
        lines.append(("Aanvragen", self.apply))
        return [*lines, ("Bron", self.sure)] if self.sure else lines

    def text(self) -> str:
        return "\n".join([self.name, *(f"{label}: {value}" for label, value in self.fields())])

    def payload(self) -> dict:
        """The card for a chat widget: {"type": "card", "title", "fields": [[label, value], ...]}."""
        return {"type": "card", "title": self.name, "fields": [list(f) for f in self.fields()]}


def card(fit: Fit, today: date, words: dict[str, str] | None = None) -> Card:
    s = fit.scheme
    reasons = fit.reasons[:2] if fit.reasons != ["jullie organisatie kan hiervoor in aanmerking komen"] else []
    if reasons:
        why = " ".join(_whole_sentence(s, reason, i == 0) for i, reason in enumerate(reasons))
    else:
        who = who_may_apply(s, short=True)
        why = who or sentence(fit.reasons[0].capitalize())
    status = window_status(s, today)
    apply = status[0].upper() + status[1:]
    via = applies_via(s)
    if via:
        apply = f"{via} {apply}"
    why, amount, apply = explain([why, amount_line(s) or "", apply], words or {})
    return Card(s.id, s.name, why, amount or None, apply, certainty_line(s))


def applies_via(scheme: Scheme) -> str | None:
    """'Jullie kunnen niet zelf aanvragen: dat doet de centrumgemeente van de regio of een O&O-fonds.' when neither an employer nor the
    person applies; None when they can, or when nobody applies (a law, a tax rule)."""
    if scheme.kind in NO_APPLICATION or not scheme.applicants or {"werkgever", "individu"} & set(scheme.applicants):
        return None
    who = listing([APPLICANT_LABELS[a] for a in scheme.applicants], "of")
    return f"Jullie kunnen niet zelf aanvragen: dat doet {who}."


SUBJECT = {"fonds": "Het fonds", "lening": "De lening", "subsidie": "De subsidie", "fiscaal": "De vrijstelling",
           "cao": "Het budget", "wet": "De wet", "advies": "De organisatie"}


def _whole_sentence(scheme: Scheme, reason: str, first: bool = True) -> str:
    """A reason of matching ("betaalt groepstraining", "bedoeld voor gemeenten") as a whole sentence for a card."""
    subject = "De aftrek" if "aftrek" in scheme.in_sentence else SUBJECT.get(scheme.kind, "De regeling")
    if not first:
        subject = "Het" if subject.startswith("Het") else "Ze"
    if reason.startswith(("betaalt ", "past bij ", "geldt ")):
        return sentence(f"{subject} {reason}")
    if reason.startswith("bedoeld voor "):
        return sentence(f"{subject} is {reason}")
    if reason.startswith("geen geld"):
        return "Je krijgt hier geen geld, maar wel advies en ondersteuning."
    return sentence(reason[0].upper() + reason[1:])


def who_may_apply(scheme: Scheme, short: bool = False) -> str | None:
    """Who the scheme is for and who applies, in whole sentences ("Voor gemeenten en hun organisaties. De
    medewerker zelf vraagt het aan."); short: the first two sentences."""
    groups = []
    if scheme.sectors:
        groups.append(sector_list(scheme.sectors))
    if scheme.max_employees is not None:
        groups.append(f"organisaties met minder dan {scheme.max_employees + 1} mensen in dienst")
    if scheme.requires_any:
        groups.append(listing([SITUATION_LABELS[s] for s in scheme.requires_any], "of"))
    sentences = [f"Dit is voor {', en voor '.join(groups)}."] if groups else []
    if scheme.excluded_sectors:
        reason = f", want {scheme.excluded_reason}" if scheme.excluded_reason else ""
        sentences.append("Niet voor " + listing([SECTOR_GROUPS[s] for s in scheme.excluded_sectors], "of") + reason + ".")
    if scheme.max_age is not None:
        sentences.append(f"Je moet jonger zijn dan {scheme.max_age + 1} jaar.")
    if scheme.applicants == ("individu",) and scheme.kind not in NO_APPLICATION:
        sentences.append("Je vraagt het zelf aan.")
    elif scheme.applicants and scheme.applicants != ("werkgever",) and scheme.kind not in NO_APPLICATION:
        who = listing([APPLICANT_LABELS[a] for a in scheme.applicants], "of")
        sentences.append(f"De aanvraag komt van {who}.")
    return " ".join(sentences[:2] if short else sentences) or None


def source_line(scheme: Scheme) -> str:
    """Where the facts come from, in one line: the source with its date and the day it was checked, then the
    official page to read before applying."""
    of_date = f" (stand {scheme.source_date})" if scheme.source_date else ""
    return (f"Bron: {scheme.source}{of_date}, nagekeken op {format_date(scheme.last_checked)}. "
            + (f"De precieze regels staan op {scheme.official_page}" if scheme.kind in NO_APPLICATION
               else f"Kijk voor je iets aanvraagt op {scheme.official_page}"))


MORE_WORDS = 100  # issue 30: 'meer uitleg' stays short; the conditions follow on request


def describe_scheme(kb: KnowledgeBase, scheme: Scheme, today: date | None = None) -> str:
    """An honest, short answer to "wat is X?", "bestaat X nog?" and "meer uitleg" (at most MORE_WORDS words).

    The conditions, the application periods and what is not sure follow with describe_conditions."""
    today = today or clock.today()
    if scheme.ended:
        return _describe_ended(kb, scheme)
    lines = [f"{scheme.name}. {sentence(scheme.summary)}"]
    who = who_may_apply(scheme, short=True)
    if who:
        lines.append(who)
    amount = amount_line(scheme)
    if amount:
        lines.append(f"Bedrag: {amount}")
    status = window_status(scheme, today)
    lines.append("Aanvragen: " + status[0].upper() + status[1:])
    return "\n".join(explain(lines, kb.words) + [source_line(scheme)])


def has_conditions(scheme: Scheme) -> bool:
    return bool(not scheme.ended and (scheme.conditions or scheme.doubts() or scheme.application_periods))


def describe_conditions(kb: KnowledgeBase, scheme: Scheme, today: date | None = None) -> str:
    """The second part of 'meer uitleg': every condition, when to apply, what is not sure, and the sources."""
    today = today or clock.today()
    lines = []
    if scheme.conditions:
        lines.append(f"Voorwaarden van {short_name(scheme.name)}:\n" + "\n".join(
            f"- {sentence(c.text)}" + ("" if c.certain else " Dit is niet zeker.") for c in scheme.conditions))
    in_status = not scheme.windows and scheme.windows_certain  # window_status already said it
    if scheme.application_periods and not in_status:
        lines.append(f"Wanneer: {sentence(scheme.application_periods)}")
    doubts = scheme.doubts()
    if doubts:
        lines.append("Niet zeker:\n" + "\n".join(f"- {d}" for d in doubts))
    sources = list(dict.fromkeys(c.source for c in scheme.conditions)) or [scheme.source]
    return "\n".join(explain(lines, kb.words) + [f"Bronnen: {'; '.join(sources)}."])


def short_name(name: str) -> str:
    """'SLIM-regeling (Stimuleringsregeling …)' → 'SLIM-regeling'; 'A&O fonds – Stimuleringsregeling' stays."""
    return re.split(r" \(", name)[0]


def _describe_ended(kb: KnowledgeBase, scheme: Scheme) -> str:
    when = f" sinds {format_date(scheme.ended_on)}" if scheme.ended_on else ""
    verb = "heeft een nieuwe naam" if scheme.status == "hernoemd" else "bestaat niet meer"
    lines = [f"{scheme.name} {verb}{when}. {sentence(scheme.summary)}"]
    successor = kb.get(scheme.successor) if scheme.successor else None
    probably = " waarschijnlijk" if scheme.confidence == "L" else ""
    if successor:
        lines.append(f"{'De nieuwe naam' if scheme.status == 'hernoemd' else 'De opvolger'} is{probably}: "
                     f"{successor.name}. {sentence(successor.summary)}")
        lines.append(f"Officiële pagina: {successor.official_page}")
    elif scheme.alternatives:
        lines.append("Er is geen directe opvolger. Kijk eens naar:")
        lines += [f"- {_alternative(scheme, kb.get(a))}" for a in scheme.alternatives]
    else:
        lines.append("Er is geen directe opvolger.")
    of_date = f" (stand {scheme.source_date})" if scheme.source_date else ""
    sure = f" {CONFIDENCE_TEXT[scheme.confidence]}" if scheme.confidence == "L" else ""
    return "\n".join(explain(lines, kb.words) + [f"Bron: {scheme.source}{of_date}.{sure}"])


def _alternative(ended: Scheme, other: Scheme) -> str:
    """An alternative for an ended scheme, with who applies when that is not who applied for the ended one: a
    former STAP user reads that the employer applies for the scheme for ontwikkelpaden."""
    first = other.conditions[0].text if other.requires_any and other.conditions else ""
    only = f" Voorwaarde: {first[0].lower()}{first[1:]}" if first else ""  # "... ontwikkelpad: zorg, groen ..."
    if "individu" in ended.applicants and "individu" not in other.applicants:
        who = listing([APPLICANT_LABELS[a].replace("de werkgever", "je werkgever") for a in other.applicants], "of")
        return f"{other.name}. Die vraag je niet zelf aan: {who or 'een organisatie'} kan dat doen.{only}"
    return f"{other.name}.{only}"

