"""The Dutch texts about schemes: a short card for advice, and the full explanation ("meer uitleg").

A card says in five short lines what a scheme is, why it fits (in whole sentences), how much it gives, whether
you can apply today and how sure that is. The full explanation adds who may apply, every condition with its source, what is not sure, and what
was checked against which source and when. Amounts or periods that are not confirmed are said to be so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot import clock
from bot.dutch.formatting import format_date
from bot.funding.knowledge_base import APPLICANT_LABELS, SITUATION_LABELS, KnowledgeBase, Scheme, Window
from bot.funding.matching import SECTOR_GROUPS, Fit, sector_list

NO_APPLICATION = ("fiscaal", "wet")
CONFIDENCE_TEXT = {
    "H": "Meerdere bronnen zeggen hetzelfde.",
    "M": "Er is één bron, of de informatie is ouder. Dit is dus niet helemaal zeker.",
    "L": "Dit is afgeleid uit wat we vonden. Het is niet bevestigd.",
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
            return (f"kan nu, waarschijnlijk tot en met {format_date(closes)}. De precieze datum staat niet vast: "
                    f"vraag op tijd aan.")
    upcoming = [opens for opens, _closes in periods if opens > today]
    if upcoming:
        if scheme.windows_certain:
            return f"kan nu niet. De volgende ronde opent op {format_date(upcoming[0])}."
        return (f"kan nu niet. De volgende ronde opent naar verwachting rond {format_date(upcoming[0])}. "
                f"De precieze datum staat nog niet vast.")
    return "wanneer dat kan, staat niet vast. Kijk op de officiële pagina."


def certainty_line(scheme: Scheme) -> str:
    """How sure the card is, in one sentence; said on the card itself, not only in 'meer uitleg'."""
    if scheme.certain and scheme.official_page_read:
        return f"Gecontroleerd op de officiële pagina op {format_date(scheme.last_checked)}."
    if scheme.certain:
        return "Meerdere bronnen zeggen hetzelfde. Kijk ook op de officiële pagina."
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


def card(fit: Fit, today: date) -> Card:
    s = fit.scheme
    reasons = fit.reasons[:2] if fit.reasons != ["jullie organisatie kan hiervoor in aanmerking komen"] else []
    if reasons:
        why = " ".join(_whole_sentence(s, reason, i == 0) for i, reason in enumerate(reasons))
    else:
        who = who_may_apply(s, short=True)
        why = f"Dit is voor {who}." if who else sentence(fit.reasons[0].capitalize())
    return Card(s.id, s.name, why, amount_line(s),
                window_status(s, today)[0].upper() + window_status(s, today)[1:], certainty_line(s))


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
    parts = []
    if scheme.sectors:
        parts.append(sector_list(scheme.sectors))
    if scheme.max_employees is not None:
        parts.append(f"organisaties met minder dan {scheme.max_employees + 1} medewerkers")
    if scheme.excluded_sectors:
        excluded = "niet voor " + " of ".join(SECTOR_GROUPS[s] for s in scheme.excluded_sectors)
        parts.append(excluded + (f", want {scheme.excluded_reason}" if scheme.excluded_reason else ""))
    if scheme.requires_any:
        parts.append(" of ".join(SITUATION_LABELS[s] for s in scheme.requires_any))
    if scheme.applicants and scheme.applicants != ("werkgever",):
        parts.append("aanvragen door " + " of ".join(APPLICANT_LABELS[a] for a in scheme.applicants))
    return "; ".join(parts[:2] if short else parts) or None


def source_lines(scheme: Scheme) -> list[str]:
    """What was checked, against which source of which date, and how sure it is."""
    of_date = f" (stand {scheme.source_date})" if scheme.source_date else " (datum van de bron onbekend)"
    lines = [f"Bron: {scheme.source}{of_date}. Uit die bron overgenomen op {format_date(scheme.last_checked)}."]
    if scheme.official_page_read:
        lines.append(f"De officiële pagina is die dag ook gelezen: {scheme.official_page}")
    else:
        lines.append(f"De officiële pagina zelf is niet gelezen. Kijk daar voordat je aanvraagt: {scheme.official_page}")
    if scheme.confidence == "H" and not scheme.certain:
        lines.append("Hoe zeker: Meerdere bronnen zeggen hetzelfde over de regeling zelf. Wat niet zeker is, staat "
                     "hierboven.")
    else:
        lines.append(f"Hoe zeker: {CONFIDENCE_TEXT[scheme.confidence]}")
    return lines


def describe_scheme(kb: KnowledgeBase, scheme: Scheme, today: date | None = None) -> str:
    """An honest answer to "wat is X?", "bestaat X nog?" and "meer uitleg"."""
    today = today or clock.today()
    if scheme.ended:
        return _describe_ended(kb, scheme)
    lines = [f"{scheme.name}. {sentence(scheme.summary)}", f"Van: {scheme.funder}."]
    who = who_may_apply(scheme)
    if who:
        lines.append(f"Voor wie: {who}.")
    amount = amount_line(scheme)
    if amount:
        lines.append(f"Bedrag: {amount}")
    in_status = not scheme.windows and scheme.windows_certain  # window_status already said it
    periods = sentence(scheme.application_periods) if scheme.application_periods and not in_status else None
    lines.append("Aanvragen: " + " ".join(filter(None, [window_status(scheme, today), periods])))
    if scheme.conditions:
        lines.append("Voorwaarden:\n" + "\n".join(
            f"- {sentence(c.text)} Bron: {c.source}." + ("" if c.certain else " Dit is niet zeker.")
            for c in scheme.conditions))
    doubts = scheme.doubts()
    if doubts:
        lines.append("Niet zeker:\n" + "\n".join(f"- {d}" for d in doubts))
    lines += source_lines(scheme)
    return "\n".join(lines)


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
        alts = [kb.get(a).name for a in scheme.alternatives]
        lines.append("Er is geen directe opvolger. Kijk eens naar: " + ", ".join(alts) + ".")
    else:
        lines.append("Er is geen directe opvolger.")
    of_date = f" (stand {scheme.source_date})" if scheme.source_date else ""
    lines.append(f"Bron: {scheme.source}{of_date}. Hoe zeker: {CONFIDENCE_TEXT[scheme.confidence]}")
    return "\n".join(lines)
