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
from bot.dutch.formatting import format_date
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
    upcoming = [opens for opens, _closes in periods if opens > today]
    if upcoming:
        if scheme.windows_certain:
            return f"kan nu niet. De volgende ronde opent op {format_date(upcoming[0])}."
        return f"kan nu niet. De volgende ronde opent waarschijnlijk rond {format_date(upcoming[0])}."
    return "wanneer dat kan, staat niet vast."


def certainty_line(scheme: Scheme) -> str:
    """How sure the card is, in one sentence; said on the card itself, not only in 'meer uitleg'."""
    if scheme.certain and scheme.official_page_read:
        return f"Op {format_date(scheme.last_checked)} nagekeken op de pagina van de regeling zelf."
    if scheme.certain:
        return "Meer bronnen zeggen hetzelfde. Kijk ook op de pagina van de regeling zelf."
    return "Niet alles is zeker. 'Meer uitleg' zegt wat. Kijk ook op de officiële pagina."


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
        return [*lines, ("Hoe zeker", self.sure)] if self.sure else lines

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
    why, amount, apply = explain([why, amount_line(s) or "", status[0].upper() + status[1:]], words or {})
    return Card(s.id, s.name, why, amount or None, apply, certainty_line(s))


SUBJECT = {"fonds": "Het fonds", "lening": "De lening", "subsidie": "De subsidie", "fiscaal": "De vrijstelling",
           "cao": "Het budget", "wet": "De wet", "advies": "De organisatie"}


def _whole_sentence(scheme: Scheme, reason: str, first: bool = True) -> str:
    """A reason of matching ("betaalt groepstraining", "bedoeld voor gemeenten") as a whole sentence for a card."""
    subject = SUBJECT.get(scheme.kind, "De regeling")
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
        groups.append(" of ".join(SITUATION_LABELS[s] for s in scheme.requires_any))
    sentences = [f"Dit is voor {', en voor '.join(groups)}."] if groups else []
    if scheme.excluded_sectors:
        reason = f", want {scheme.excluded_reason}" if scheme.excluded_reason else ""
        sentences.append("Niet voor " + " of ".join(SECTOR_GROUPS[s] for s in scheme.excluded_sectors) + reason + ".")
    if scheme.applicants and scheme.applicants != ("werkgever",):
        who = " of ".join(APPLICANT_LABELS[a] for a in scheme.applicants)
        sentences.append(f"De aanvraag komt van {who}.")
    return " ".join(sentences[:2] if short else sentences) or None


def source_line(scheme: Scheme) -> str:
    """Where the facts come from, in one line: the source and its date, when it was copied, the official page."""
    of_date = f" (stand {scheme.source_date})" if scheme.source_date else " (datum onbekend)"
    read = "ook door ons gelezen" if scheme.official_page_read else "niet door ons gelezen"
    return (f"Bron: {scheme.source}{of_date}, overgenomen op {format_date(scheme.last_checked)}. "
            f"Kijk op {scheme.official_page} ({read}).")


def sure_line(scheme: Scheme) -> str:
    if scheme.confidence == "H" and not scheme.certain:
        return "Hoe zeker: Meer bronnen zeggen hetzelfde. Maar niet alles is zeker: zie de voorwaarden."
    return f"Hoe zeker: {CONFIDENCE_TEXT[scheme.confidence]}"


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
    return "\n".join(explain([*lines, sure_line(scheme)], kb.words) + [source_line(scheme)])


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
    return "\n".join(explain(lines, kb.words)
                     + [f"Bron: {scheme.source}{of_date}. Hoe zeker: {CONFIDENCE_TEXT[scheme.confidence]}"])


def _alternative(ended: Scheme, other: Scheme) -> str:
    """An alternative for an ended scheme, with who applies when that is not who applied for the ended one: a
    former STAP user reads that the employer applies for the scheme for ontwikkelpaden."""
    first = other.conditions[0].text if other.requires_any and other.conditions else ""
    only = f" Voorwaarde: {first[0].lower()}{first[1:]}" if first else ""  # "... ontwikkelpad: zorg, groen ..."
    if "individu" in ended.applicants and "individu" not in other.applicants:
        who = " of ".join(APPLICANT_LABELS[a].replace("de werkgever", "je werkgever") for a in other.applicants)
        return f"{other.name}. Die vraag je niet zelf aan: {who or 'een organisatie'} kan dat doen.{only}"
    return f"{other.name}.{only}"

