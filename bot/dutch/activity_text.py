"""A yearly-plan activity described in one message.

"Training datagedreven werken voor alle beleidsmedewerkers, in het tweede kwartaal, door Hogeschool Utrecht,
€ 12.500" answers five questions at once: what, for whom, when, by whom and the cost. The interview stores
every part it finds and asks only the rest.
"""

from __future__ import annotations

import re
from datetime import date

from bot.dutch.parsing import KIND_OF_LEARNING_CHOICES, match_choice
from bot.dutch.periods import read_period
from bot.dutch.values import parse_int, parse_period

# Comma-separated parts that name a field by themselves: "…, vakgebied, klassikaal, extern bureau, …".
_PROVIDER = re.compile(r"^(een |het |de )?(extern|externe|intern|interne|eigen)\s+(bureau|opleider|opleidingsbureau|"
                       r"academie|trainer|trainers|aanbieder|organisatie|coach|docent|school|hogeschool)$|"
                       r"^(extern|intern|zelf|eigen organisatie|eigen mensen|collega'?s)$|^(?:extern|intern)\s+(?:bij|via|door)\s+.{1,40}$",
                       re.I)
_FORM = re.compile(r"^(klassikaal|klassikale training|e-?learning|online|online training|workshop|coaching|"
                   r"intervisie|training op de werkplek|on the job|webinar|blended|incompany|in-company)$", re.I)

_MONEY = (r"(?:(?:kosten|kost|kostte|prijs|budget|voor|à|a|in totaal|totaal|zo'n|ongeveer|circa|ca\.|rond|ruim|bijna)"
          r"\s*:?\s*){0,3}(?:€\s*\d[\d.,]*(?:\s*(?:k|duizend))?|"
          r"\d[\d.,]*\s*(?:euro|eur)\b|(?:[a-z]*(?:honderd|duizend)[a-z]*|[a-z]+tig)\s+(?:euro|eur)\b)(?:\s*(?:per\s+(?:persoon|deelnemer|plek|stuk)|pp\b|p\.p\.?|in totaal|totaal))?")
_EACH = re.compile(r"(?i)per\s+(?:persoon|deelnemer|plek|stuk)|\bpp\b|p\.p\.?")
# "voor 4 docenten", "voor zes mensen": how many the price per person is for
_HOW_MANY = re.compile(r"(?i)\bvoor\s+(?:de\s+|alle\s+|onze\s+)?(\d{1,4}|[a-z]+)\s+(?!euro|eur\b|uur|dagen|weken|maanden|"
                       r"jaar|keer|sessies|dagdelen|bijeenkomsten)([a-z][\w'-]+)\b|"
                       r"(?:^|[\s,])(\d{1,4}|[a-z]+)\s+(mensen|man|personen|deelnemers|medewerkers)\b|"
                       r"\s(?:en\s+)?(?:het\s+)?(?:zijn|worden|gaan)\s+er\s+(\d{1,4}|[a-z]+)(?:\s+(?:mee|bij))?\b")
_STOP = r"(?=\s*,|\s+voor\s|\s+door\s|\s+in\s|\s+op\s|\s+vanaf\s|\s+na\s|\s+rond\s|\s+kosten\b|\s*$)"
_PERIOD_LEAD = r"(?:in|op|vanaf|rond|na|voor|tijdens)?\s*(?:het|de)?\s*"


# "voor acht docenten à 450 euro per persoon": the count goes with the price (bot/dutch/numbers.py reads both)
_COUNT_TIMES_PRICE = (r"(?:voor\s+)?(?:(?:zo'n|ongeveer|circa|rond|ruim|een stuk of)\s+)?(?:[\w-]+\s+(?:groepen|klassen|"
                      r"teams|sessies)\s+(?:van|met)\s+)?[\w-]+\s+(?:[a-z]+\s+)?(?:à|á|a|x|×)\s*(?:€\s*)?\d[\d.,]*\s*"
                      r"(?:euro|eur)?(?:\s+per\s+(?:persoon|deelnemer|stuk|plek|licentie))?|"
                      r"[\w-]+\s+(?:sessies|dagen|dagdelen|bijeenkomsten|lessen|workshops|licenties|plekken|stuks)\s+van\s*"
                      r"(?:€\s*)?\d[\d.,]*"
                      r"\s*(?:euro|eur)?")
# "De eerste activiteit is een training ...": the words that introduce the activity are no part of its name
_LEAD = re.compile(r"(?i)^(?:(?:de\s+)?(?:eerste|tweede|derde|vierde|volgende|laatste|andere|nieuwe)\s+(?:activiteit\s+)?"
                   r"(?:is|wordt)\s+(?:een\s+)?|(?:daarnaast|verder|dan|en)\s+(?:nog\s+)?(?:de\s+|het\s+|een\s+)?)")
_TRAILING = re.compile(r"(?i)[,\s]+(?:te volgen|te geven|te doen|start|begint|starten|gaat van|gaan van)$")
# "ze gaat in maart een training volgen", "Eva wil de cursus Excel doen": who does it and the verb are no part of
# the name (a POP-gesprek's agreement is told like this)
_FRAME = re.compile(r"(?i)^\s*(?:ze|zij|hij|die|ik|we|wij|(?!training|cursus|opleiding|coaching|workshop|leergang|"
                    r"traject|webinar|module)(?-i:[A-Z][a-z]+))\s+(?:gaat|gaan|ga|wil|wilt|willen|zal|zullen|"
                    r"mag|mogen|kan|kunnen|moet|moeten)\s+(?:dan\s+|nu\s+|graag\s+)?")
_FRAME_VERB = re.compile(r"(?i)\s+(?:volgen|doen|halen|lopen|bijwonen|krijgen|maken|starten|beginnen)(?:\s+van)?"
                         r"(?=\s*(?:,|$)|\s+(?:bij|via|aan|op)\s)")  # "... volgen bij de hogeschool": where stays
_NOT_LAST = frozenset({"de", "het", "een", "van", "en", "met", "voor", "aan"})  # "in het voorjaar de training"
_PRONOUN_ONLY = re.compile(r"(?i)^(?:die|dat|wat|en die|en dat|dit)$")

_PEOPLE = re.compile(r"\b(team|teams|afdeling|medewerkers?|collega'?s|alle|iedereen|docenten|leidinggevenden|"
                     r"managers?|[a-z]*medewerkers|balie|secretariaat|groep|functiegroep|staf|directie)\b", re.I)


def _target_group(rest: str) -> re.Match | None:
    """"… voor <wie> …": with two, the one that names people ("Excel voor gevorderden voor het team Financiën")."""
    found = list(re.finditer(r"\svoor\s+(.+?)" + _STOP, rest, flags=re.I))
    people = [m for m in found if _PEOPLE.search(m.group(1))]
    return (people or found[-1:] or [None])[0]


def _a_period(candidate: str, today: date | None) -> bool:
    """Only a period ("in het tweede kwartaal", "rond de kerst"), not "in maart een training timemanagement"."""
    if today is not None:
        reading = read_period(candidate, today)
        if reading.label is not None or reading.options:  # "het vierde kwartaal" in November: this year or next
            return reading.whole
    return (today is None or len(candidate.split()) <= 3) and bool(parse_period(candidate))


def split_activity(text: str, today: date | None = None) -> dict[str, str]:
    """The parts of a one-message activity, by the activity's attribute (bot/storage/models.py); only ``title`` when there is nothing more.

    A part is only taken when the message names at least one other field besides the activity itself, so a
    plain title ("Training voor leidinggevenden") is the title as typed.
    """
    told = _LEAD.sub("", (text or "").strip().rstrip("."))
    framed = _FRAME.match(told)
    if framed:
        told = _FRAME_VERB.sub("", told[framed.end():])
    rest = " " + told + " "
    parts: dict[str, str] = {}
    each = False  # the count was taken from "voor 4 docenten": the target group stays as it is said
    money = re.search(_COUNT_TIMES_PRICE, rest, flags=re.I) or re.search(_MONEY, rest, flags=re.I)
    if money:
        parts["cost_cents"] = money.group(0).strip()
        rest = rest[:money.start()] + " " + rest[money.end():]
        if _EACH.search(parts["cost_cents"]) and not re.search(r"(?:à|á|\sa|x|×)\s*(?:€\s*)?\d", parts["cost_cents"]):
            # "450 euro per persoon" is no total: with "voor 4 docenten" it is 4 × 450, else the cost is asked apart
            count = next((m for m in _HOW_MANY.finditer(rest)
                          if parse_int(m.group(1) or m.group(3) or m.group(5), minimum=1, maximum=10_000)), None)
            price = re.sub(r"(?i)^(?:kosten|kost|prijs|budget|voor|à|a|in totaal|totaal)\s*:?\s*", "", parts["cost_cents"])
            if count:
                number = count.group(1) or count.group(3) or count.group(5)
                people = count.group(2) or count.group(4) or "mensen"
                parts["cost_cents"], each = f"{number} {people} à {price}", True
                if count.group(3):  # ", 8 mensen," on its own: no part of the name
                    rest = rest[:count.start(3)] + rest[count.end(4):]
                elif count.group(5):  # "en het zijn er tien": no part of the name either
                    rest = rest[:count.start()] + " " + rest[count.end():]
            else:
                del parts["cost_cents"]
    if framed:  # "de cursus Excel doen van zo'n 400 euro": the verb stood before the cost
        rest = _FRAME_VERB.sub("", rest.rstrip()) + " "
    provider = re.search(r"\sdoor\s+(.+?)" + _STOP, rest, flags=re.I)
    if provider:
        parts["provider"] = provider.group(1).strip()
        rest = rest[:provider.start()] + " " + rest[provider.end():]
    for segment in re.finditer(r"(?:^|,|\s)(" + _PERIOD_LEAD + r"[^,]+?)" + _STOP, rest, flags=re.I):
        candidate = segment.group(1).strip()
        words = candidate.split()
        if words and words[0].lower() in ("start", "begint", "starten", "gepland"):  # "start in het voorjaar"
            candidate, words = " ".join(words[1:]), words[1:]
        if not words or words[0].lower() not in ("in", "op", "vanaf", "rond", "na", "tijdens", "eind", "begin",
                                                 "half", "medio") and not parse_period(words[0]):
            continue
        # the longest run of its first six words that is wholly a period
        whole = next((n for n in range(min(len(words), 6), 0, -1) if words[n - 1].lower() not in _NOT_LAST
                      and _a_period(" ".join(words[:n]), today)), None)
        if whole is not None:  # "in maart een training volgen": the period is "maart", the rest stays
            taken = " ".join(words[:whole])
            parts["period"] = re.sub(r"^(in|op|tijdens)\s+(het\s+|de\s+)?", "", taken, flags=re.I)
            start = rest.index(taken, segment.start(1))
            rest = rest[:start] + " " + rest[start + len(taken):]
            break
    kept = []
    for segment in (p.strip() for p in rest.split(",")):
        words = segment.split()
        if 0 < len(words) <= 3 and "kind" not in parts and match_choice(segment, KIND_OF_LEARNING_CHOICES) \
                and not re.search(r"\b(training|cursus|opleiding)\b", segment, re.I):
            parts["kind"] = segment
        elif "provider" not in parts and _PROVIDER.match(segment):
            parts["provider"] = segment
        elif "form" not in parts and _FORM.match(segment) and kept:
            parts["form"] = segment
        elif not _PRONOUN_ONLY.match(segment):  # ", die kost 650 euro": "die" is left of the cost
            kept.append(segment)
    rest = " " + ", ".join(kept) + " "
    counted = None if each else re.match(r"(?i)(?:voor\s+)?[\w-]+\s+([a-z]+)\s+(?:à|á|a|x)\b", parts.get("cost_cents", ""))
    group = None if counted and _PEOPLE.search(counted.group(1)) else _target_group(rest)
    if counted and _PEOPLE.search(counted.group(1)):  # "voor acht docenten à 450 euro": the docenten
        parts["target_group"] = counted.group(1)
    if group:
        parts["target_group"] = group.group(1).strip()
        rest = rest[:group.start()] + " " + rest[group.end():]
    if each and "target_group" in parts:  # "voor 12 medewerkers van team klantcontact": the count is in the cost
        parts["target_group"] = re.sub(r"^(?:\d{1,4}|[a-z]+)\s+(?=\S)", lambda m: "" if parse_int(
            m.group(0).strip(), minimum=1, maximum=10_000) else m.group(0), parts["target_group"])
    title = re.sub(r"\s*,\s*(,\s*)*", ", ", re.sub(r"\s+", " ", rest)).strip(" ,")
    while _TRAILING.search(title):  # "Training gaat in maart van start": "gaat van start" goes
        title = _TRAILING.sub("", title).strip(" ,")
    if framed:  # "ze gaat een training timemanagement volgen": the training's name
        title = re.sub(r"(?i)^(?:een|de|het)\s+(?=\S)", "", title)
    if len(parts) < 2 or not title:
        return {"title": (text or "").strip()}
    parts["title"] = title
    return parts
