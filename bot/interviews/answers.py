"""Reading an answer for a question of a given kind (bot/dutch/ does the Dutch).

A reading says how sure it is. A value that is the whole answer ("€ 2.500", "Q4", "vakgebied") is stored at once;
a value read out of a longer sentence, an estimate, a computed value ("18 × € 400") or a choice found in a
sentence is said back first ("Ik noteer € 7.200 (18 × € 400). Klopt dat?"), and two readings are offered as
buttons (bot/interviews/proposals.py). Nothing is guessed silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.dutch import formatting, numbers, parsing, periods, values
from bot.interviews.catalogue import PLAN_YEAR, Question, current
from bot.interviews.context import Ctx
from bot.interviews.flow import speerpunten


@dataclass
class Parsed:
    ok: bool
    value: object = None
    error: str | None = None  # response name (without utter_) for the problem
    sure: bool = True  # stored without asking: the text is the value and nothing more
    said: str | None = None  # the value as the bot says it back ("€ 7.200 (18 × € 400)")
    options: list[tuple[str, object]] = field(default_factory=list)  # (button title, value): two readings
    rest: str = ""  # a yes or no with details: the details ("ja, en die is al betrokken")
    echo: bool = False  # read from a sentence with one clear reading: stored, and said back ("Genoteerd: ...")


NOT_YET = "weet ik nog niet"
PER_UNIT = "prijs_per_eenheid"  # a price per person kept until the count follows (bot/interviews/answering.py)
_NAMED = re.compile(r"(?i)\b(?:de naam is|de naam wordt|de naam moet zijn|het heet|noem het)\s*:?\s*"
                    r"(?:(?:gewoon|dan|maar)\s*:?\s+)?"
                    r"(['\"„][^'\"”]{2,80}['\"”]|[^.,;!?]{2,80})")
_EMPTY_IT = re.compile(r"^(?:wis\b|maak\b.{0,40}\bleeg\b|leeg\b|laat\b.{0,40}\bleeg\b|.{0,40}\bmoet leeg\b)")
# "nee niet aanpassen, helemaal leeg maken", "haal mijn antwoord weg": emptying, said anywhere in a short message
_MAKE_EMPTY = re.compile(r"^(?=.{0,60}$).*\b(?:(?:helemaal\s+)?leeg\s*(?:maken|laten)|leegmaken|wis\s+(?:het|dat|dit|"
                         r"mijn antwoord)|haal\s+(?:het|dat|dit|mijn antwoord)\s+weg)\b")
_MONEY_PROBLEMS = {"jaartal": "bedrag_alleen_jaartal", "percentage": "bedrag_percentage", "negatief": "geen_bedrag",
                   "te_groot": "bedrag_te_groot"}


def _money(t: str, total: bool = False) -> Parsed:
    r = numbers.read_money(t)
    if total and numbers.per_unit(r):  # "650 per persoon" where the whole cost is asked: how many is asked first
        return Parsed(False, error="bedrag_per_persoon")
    if r.options:
        return Parsed(True, None, sure=False, options=[(formatting.format_euro(v), v) for v in r.options])
    if r.value is None:
        return Parsed(False, error=_MONEY_PROBLEMS.get(r.problem or "", "geen_bedrag"))
    return Parsed(True, r.value, sure=r.sure, said=_said_number(formatting.format_euro(r.value), r))


_RANGE = re.compile(r"\b(?:tussen\s+(?:de\s+)?)?(\d[\d.]*|[a-z]+)\s*(?:en|tot|à|a|-|–)\s*(\d[\d.]*|[a-z]+)\b")


def _count(t: str, estimate: bool = False) -> Parsed:
    r = numbers.read_count(t)
    if estimate and len(r.options) == 2 and r.options[0] < r.options[1] and _RANGE.search(parsing.normalize(t)):
        # "tussen de 50 en 250" where an estimate is asked: the middle, said with the range it comes from
        low, high = r.options
        middle = round((low + high) / 2)
        return Parsed(True, middle, sure=False, said=f"ongeveer {formatting.format_number(middle)} (tussen "
                      f"{formatting.format_number(low)} en {formatting.format_number(high)})")
    if r.options:
        return Parsed(True, None, sure=False, options=[(formatting.format_number(v), v) for v in r.options])
    if r.value is None or not 1 <= r.value <= 1_000_000:
        return Parsed(False, error="geen_aantal")
    return Parsed(True, r.value, sure=r.sure, said=_said_number(formatting.format_number(r.value), r))


UNKNOWN_PURPOSE = "onbekend"  # 'weet ik nog niet': every scheme may fit (not 'a training for a group')


def _purposes(t: str) -> Parsed:
    """What someone seeks money for ("een opleiding voor het team", "weet ik nog niet": every scheme may fit)."""
    from bot.funding.advice import parse_doel

    found = parse_doel(t)
    if found is None:
        return Parsed(False, error="geen_doel")
    return Parsed(True, ",".join(sorted(found)) or UNKNOWN_PURPOSE)


def _said_number(shown: str, r: numbers.NumberReading) -> str:
    if r.how:
        shown += f" ({r.how})"
    if r.estimate:
        shown += ", als schatting"
    return shown


def _period(t: str, ctx: Ctx) -> Parsed:
    year = ctx.year if PLAN_YEAR in current().places_of(ctx.interview) else None  # a plan's periods: its year
    r = periods.read_period(t, ctx.today, year)
    if r.options:
        return Parsed(True, None, sure=False, options=[(o.label, o.label) for o in r.options if o.label])
    if r.label is None:
        return Parsed(False, error="geen_periode")
    return Parsed(True, r.label, sure=r.whole, said=r.said or r.label)


_ORG_WORD = (r"(?:gemeente|stichting|provincie|bibliotheek|muziekschool|kunstencentrum|centrum voor de kunsten|"
             r"waterschap|omgevingsdienst|veiligheidsregio|theater|museum|school|academie|vereniging|bv|b\.v\.)")
_NAME_PART = r"(?:[A-ZÀ-Ý][\w'&.-]*|van|de|der|den|voor|aan|op|en|in|'t|het|[0-9]+)"


def _looks_like_a_name(text: str) -> bool:
    """"Muziek- en Dansschool De Toonladder": mostly capitals, no sentence around it."""
    words = re.findall(r"[\wÀ-ÿ'&.-]+", text)
    capitals = sum(1 for w in words if w[:1].isupper())
    return bool(words) and capitals / len(words) >= 0.5 and not re.search(r"[.!?]\s|,", text.strip(" .!?"))


def organisation_name(text: str) -> str | None:
    """The organisation's name in a sentence: "Ik werk bij Gemeente Oostervaart, een gemeente met 340 mensen" ->
    "Gemeente Oostervaart" (a word that names a kind of organisation, or capitals after "bij"/"voor")."""
    m = re.search(rf"(?i:\b{_ORG_WORD})(?:\s+{_NAME_PART})*", text) or \
        re.search(rf"\b(?:bij|voor)\s+((?:de |het )?[A-ZÀ-Ý][\w'&.-]*(?:\s+{_NAME_PART})*)", text)
    if m is None:
        return None
    name = (m.group(1) if m.lastindex else m.group(0)).strip()
    name = re.sub(r"(?:\s+(?:van|de|der|den|voor|aan|op|en|in|het))+$", "", name).strip(" ,.")
    if not name or len(name) > 120 or not any(c.isupper() for c in name[1:] + name[:1]):
        return None  # "een kleine gemeente": a kind, no name
    return name[0].upper() + name[1:]


def _only_a_period(t: str, ctx: Ctx) -> bool:
    r = periods.read_period(t, ctx.today)
    return r.label is not None and r.whole and parsing.word_count(t) <= 5


def _choice(q: Question, t: str, choices: dict, error: str) -> Parsed:
    if parsing.dont_know(t):  # "weet ik niet" is no "nee" and no "niet gedaan": ask again
        return Parsed(False, error="keuze_weet_niet")
    typed = parsing.normalize(t).strip(" .!")
    for title, value in q.buttons:  # a button's title or value, typed: that choice
        if typed in (parsing.normalize(title), parsing.normalize(value)):
            found = parsing.read_choice(value, choices).value or (value if value in choices else None)
            if found is not None:
                return Parsed(True, found, said=choice_title(q, found))
    r = parsing.read_choice(t, choices)
    if r.options:
        return Parsed(True, None, sure=False, options=[(choice_title(q, o), o) for o in r.options])
    if r.value is None:
        return Parsed(False, error=error)
    # one clear reading: stored, and said back when it came from a sentence ("doorgeschoven naar maart": verschoven)
    return Parsed(True, r.value, said=choice_title(q, r.value), echo=not r.whole, rest=_after_the_choice(t, r.value,
                                                                                                        choices))


def _after_the_choice(t: str, value: str, choices: dict) -> str:
    """"Afgesproken, ze gaat in maart een training volgen": what follows the choice, when the choice stands alone
    before it; the next questions may take it (answering._details)."""
    whole = parsing.read_choice(t, choices)
    if whole.value == value and whole.whole:  # "samen met andere organisaties": the button's title, typed
        return ""
    # "samen met de buurgemeente Hoogeveld, ...": the partner is no part of the choice (found over make run: it
    # was dropped without a word)
    m = re.match(r"^\s*(.{1,40}?)\s*(?:[,;:.!]|\s-\s|\s(?:en|want|dus)\s|\smet\s(?!(?:haar|hem|hen|mij|me|ons|jou|u|elkaar)\b))\s*(.+)$",
                 t, flags=re.S)
    if m is None:
        return ""
    first = parsing.read_choice(m.group(1), choices)
    return m.group(2).strip() if first.value == value and first.whole else ""


def choice_title(q: Question, value: str) -> str:
    """How a choice is named to the person: its button's title, else its label in the list it belongs to."""
    from bot.interviews.catalogue import LABELS_KIND

    for title, choice in q.buttons:
        if choice == value or q.choices and parsing.read_choice(choice, q.choices).value == value:
            return title
    if q.kind == "kind":
        return LABELS_KIND.get(value, value)
    for labels in (parsing.SECTOR_LABELS, parsing.LABELS_DECISION, parsing.LABELS_PAYER, parsing.LABELS_EVALUATION):
        if q.choices and set(q.choices) == set(labels):
            return labels.get(value, value)
    return value


_YEAR_ONLY = re.compile(r"^(in |voor |het jaar |jaar )?(20\d\d|(dit|het huidige|volgend|volgende|komend|komende) jaar)$")


def _year(t: str, ctx: Ctx) -> Parsed:
    value = values.parse_year(t, ctx.today)
    if value is None:
        return Parsed(False, error="geen_jaar")
    sure = bool(_YEAR_ONLY.match(parsing.normalize(t).strip(" .!")))
    rest = "" if sure else re.sub(rf"\b{value}\b", "", t).strip(" ,.")
    # "voor 2027 hebben we zo'n zestigduizend euro": the amount is for the next question, said back there
    return Parsed(True, value, sure=sure, said=str(value),
                  rest=rest if rest and numbers.read_money(rest).value else "")


def _yes_no(t: str) -> Parsed:
    value, rest = parsing.split_yes_no(t)
    if value is None and parsing.normalize(t).startswith(ENOUGH):  # "dat was het voor nu" at "nog een?"
        value, rest = False, ""
    if value is None:
        return Parsed(False, error="ja_of_nee")
    rest = _FILLER.sub("", rest).strip()  # "ja, en dan nog de e-learning AVG": the e-learning
    if parsing.says_nothing(rest) or parsing.normalize(rest).strip(" .!").startswith(ENOUGH):
        rest = ""  # "ja hoor", "nee, dat was het"
    if value and _RESERVATION.match(parsing.normalize(rest)):  # "ja, maar alleen de training": not a plain yes
        return Parsed(False, error="ja_met_voorbehoud")
    plain = parsing.parse_yes_no(t) is not None
    return Parsed(True, value, said="ja" if value else "nee", rest=rest, echo=not plain and not rest)


# A yes for only a part: "ja, maar alleen A en B", "ja, behalve de e-learning", "ja, op de cursus na"
_RESERVATION = re.compile(r"^(?:maar\s+)?(?:alleen|enkel|slechts|behalve|uitgezonderd|op\s+.{1,60}?\s+na\b|"
                          r"niet\s+(?:de|het|die|dat|alle|voor)\b)|^maar\s+niet\b")


_FILLER = re.compile(r"^(?:(?:en|dan|nog|ook|graag|verder|daarnaast|dus|eh|even|er ?bij|wel)\b[\s,]*)+", re.I)
# before a name ("ja, en dan nog de e-learning AVG", "ja, dat is een meester-gezel traject"): the name itself
NAME_FILLER = re.compile(r"^(?:(?:en|dan|nog|ook|graag|verder|daarnaast|dus|eh|even|er ?bij|wel|de|het|een|gewoon|"
                         r"(?:dat|het|die|dit) (?:is|wordt|zijn)|we willen|ik wil|"
                         r"(?:eerste|tweede|derde|vierde|vijfde|volgende|laatste|nieuwe)(?: activiteit)? (?:is|wordt)|"
                         r"de naam is)\b[\s,:]*|(?:één|een|eentje)\s*:\s*)+", re.I)


def _speerpunt(t: str, ctx: Ctx) -> Parsed:
    if parsing.is_skip(t):
        return Parsed(True, "")
    points = speerpunten(ctx)
    m = re.fullmatch(r"\s*(?:speerpunt\s*)?(\d+)\s*", t, flags=re.I)
    if m and 1 <= int(m.group(1)) <= len(points):
        return Parsed(True, points[int(m.group(1)) - 1])
    norm = parsing.normalize(t).strip(" .!")
    for sp in points:
        if parsing.normalize(sp.text) == norm:
            return Parsed(True, sp)
    if re.search(r"\b(geen|geen enkel|niet bij een)\b.{0,20}speerpunt|\bbij geen\b|^geen\b", norm):
        return Parsed(True, "", said="geen speerpunt", sure=False)  # "eigenlijk bij geen enkel speerpunt"
    m = re.search(r"\b(eerste|tweede|derde|vierde|vijfde|zesde|laatste)\b", norm)
    if m and len(points) > 1:  # "de derde", "bij het tweede speerpunt"
        order = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "laatste": len(points)}
        n = order[m.group(1)]
        if n <= len(points):
            return Parsed(True, points[n - 1], sure=False, said=formatting.quoted(points[n - 1].text))
    found = [sp for sp in points if norm and (norm in parsing.normalize(sp.text) or parsing.normalize(sp.text) in norm)]
    if not found:  # "bij de digitale vaardigheden": the speerpunt that shares its telling words
        words = _telling(norm)
        scored = sorted(((len(words & _telling(parsing.normalize(sp.text))), sp) for sp in points), key=lambda x: -x[0])
        if scored and scored[0][0] >= 1 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            found = [scored[0][1]]
    if len(found) == 1:
        return Parsed(True, found[0], sure=False, said=formatting.quoted(found[0].text))
    if len(found) > 1:
        return Parsed(True, None, sure=False, options=[(sp.text[:60], sp) for sp in found])
    return Parsed(False, error="kies_speerpunt")


# Saying one is done, not answering (found over make run: "klaar" became activity 1, "dat is alles" a policy answer)
_ONLY_DONE = re.compile(r"^(?:(?:nee|neen|ok[eé]?|oke|nou|ja)[,.!]*\s+)?(?:ik ben |we zijn )?(?:klaar|dat was het|dat is alles|"
                        r"dat waren ze|dat was alles|verder niet|verder niks|verder niets|niets meer|niks meer|genoeg)"
                        r"(?:\s+(?:hoor|wel|dan|voor nu|zo|ermee))*$")


def _telling(text: str) -> set[str]:
    """The telling words of a text: five letters or more, without their plural ending."""
    return {re.sub(r"(en|s)$", "", w) for w in re.findall(r"[a-zà-ÿ]{5,}", text)} - {"speerpunt", "bijvoorbeeld"}


_OPENING_REMARK = re.compile(
    r"^\s*(?:(?:hm+|pf+|tja+|eh+m?|nou|oei|oh)[,\s]+)?"  # "hmm lastig.", "pff, moeilijk hoor."
    r"(?:(?:goeie|goede|lastige|moeilijke|pittige|interessante|leuke|mooie)\s+vraag(?:\s+(?:eigenlijk|hoor|zeg))?|"
    r"pf+|tja+|hm+|eh+m?|even denken|effe denken|ok[eé]?(?:\s+(?:verder|dan))?|oké?\s+verder|goed dan)"
    r"\s*[.!:]+\s+(?=\S)|"
    r"^\s*(?:(?:hm+|pf+|tja+|eh+m?|nou|oei|oh)[,\s]+)?(?:lastig|moeilijk|pittig)(?:\s+(?:hoor|zeg|eigenlijk))?"
    r"\s*[.!]+\s+(?=\S)", re.I)  # not "Lastig: de roosters ...", where it names what was hard


def _without_opening_remark(text: str) -> str:
    """"goeie vraag. Over drie jaar ...": the answer without the remark before it (found over make run)."""
    rest = _OPENING_REMARK.sub("", text, count=1)
    return rest if rest != text and not parsing.says_nothing(rest) else text


def parse_answer(q: Question, text: str, ctx: Ctx) -> Parsed:
    t = text.strip()
    if q.optional and q.kind in ("open", "short") and parsing.dont_know(t):
        # "geen idee": no wish, or not known yet? Asked with two buttons, never guessed
        return Parsed(True, None, sure=False, options=[("Ik heb geen wens", ""), ("Ik weet het nog niet", NOT_YET)])
    if q.optional and (parsing.is_skip(t) or _EMPTY_IT.match(parsing.normalize(t))):  # "wis ambitie 3 tot 5 jaar"
        return Parsed(True, "")
    if not q.optional and (_EMPTY_IT.match(parsing.normalize(t)) or _MAKE_EMPTY.search(parsing.normalize(t))):
        return Parsed(False, error="antwoord_kan_niet_leeg")  # "nee niet aanpassen, helemaal leeg maken": no answer
    if q.stored_in == "organisation.name" and parsing.word_count(t) > 4 and not _looks_like_a_name(t):
        name = organisation_name(t)  # "Ik werk bij Gemeente Oostervaart, een middelgrote gemeente ..."
        if name:
            return Parsed(True, name, sure=False, said=formatting.quoted(name))
        return Parsed(False, error="geen_organisatienaam")  # "wij zijn een kleine gemeente in het noorden"
    if parsing.looks_like_code(t) and parsing.word_count(t) <= 6:  # only code; with a sentence around it, as typed
        return Parsed(False, error="antwoord_code")
    if q.kind in ("open", "short"):
        if parsing.looks_english(t):
            return Parsed(False, error="alleen_nederlands")
        if _ONLY_DONE.match(parsing.normalize(t).strip(" .!")):
            return Parsed(False, error="antwoord_is_klaar")  # "klaar", "nee dat was het wel": no name, no answer
        if parsing.says_nothing(t):  # "ja", "weet niet", one letter, only markup: "Teamleider worden" is an answer
            return Parsed(False, error="antwoord_te_kort" if q.kind == "open" else "antwoord_leeg")
        named = _NAMED.search(t) if q.kind == "short" else None
        if named and named.group(1).strip(" '\"„”") != t:  # "..., en de naam is gewoon Leiderschapstraject": that name
            name = named.group(1).strip(" '\"„”")
            return Parsed(True, name, sure=False, said=formatting.quoted(name))
        if q.kind == "short" and values.only_an_amount(t):  # "3000 euro" as the provider: the costs come later
            return Parsed(False, error="antwoord_is_bedrag")
        if q.kind == "short" and _only_a_period(t, ctx):  # "na de zomer" as the provider: when is asked apart
            return Parsed(False, error="antwoord_is_periode")
        return Parsed(True, _without_opening_remark(t))
    if q.kind == "list":
        return Parsed(True, t)
    if q.kind == "choice":
        return _choice(q, t, q.choices or {}, "kies_een_optie")
    if q.kind == "kind":
        return _choice(q, t, parsing.KIND_OF_LEARNING_CHOICES, "kies_soort_leren")
    if q.kind == "int":
        return _count(t, q.estimates)
    if q.kind == "money":
        return _money(t, q.total)
    if q.kind == "year":
        return _year(t, ctx)
    if q.kind == "yesno":
        return _yes_no(t)
    if q.kind == "period":
        return _period(t, ctx)
    if q.kind == "speerpunt":
        return _speerpunt(t, ctx)
    if q.kind == "purposes":
        return _purposes(t)
    raise ValueError(f"onbekend soort vraag: {q.kind}")


def described_parts(q: Question, text: str, ctx: Ctx) -> tuple[object, dict[str, object], str] | None:
    """"Training Excel voor het secretariaat in Q4, € 3.000": the activity's name, the other questions of the same
    item the message answers (only values read with certainty), and how to say it all back; None when the message
    answers nothing besides its own question."""
    from bot.dutch.activity_text import split_activity
    from bot.interviews.catalogue import Q

    record, _, own = q.stored_in.partition(".")
    asked = current().fields(record)  # the item's questions: key -> attribute
    by_attribute = {attribute: key for key, attribute in asked.items()}
    parts = split_activity(text, ctx.today)
    if own not in parts and "title" in parts:  # an agreement's "activity" is what an activity calls its title
        parts[own] = parts.pop("title")
    if len(parts) < 2 or own not in parts:
        return None
    title = parts.pop(own)
    said = [f"{q.label.lower()} {formatting.quoted(title)}"]
    found: dict[str, object] = {}
    for attribute, part in parts.items():
        key = by_attribute.get(attribute)
        if key is None:  # a form without that question
            continue
        parsed = parse_answer(Q[key], part, ctx)
        if parsed.ok and not parsed.options and parsed.value not in (None, ""):  # all of it is said back
            found[key] = parsed.value
            shown = parsed.said or (formatting.quoted(parsed.value) if isinstance(parsed.value, str) else parsed.value)
            said.append(f"{formatting.in_sentence(Q[key].label)} {shown}")
    if not found:
        return None
    return title, found, "; ".join(said)


def split_items(text: str) -> list[str]:
    parts = re.split(r"\s*(?:\n|;|\u2022|(?:^|\s)\d+[.)]\s)\s*", text)
    return [p.strip(" -*\t") for p in parts if p and p.strip(" -*\t")]


_CLAUSE = re.compile(r"^(zodat|want|omdat|maar|die|dat|waardoor|vooral|zoals|bijvoorbeeld|met name|ook|om|door|"
                     r"waarbij|als|wat|en)\b")


def split_list(text: str) -> list[str]:
    """Items of a list answer: also 'A, B en C' when every part is a short phrase, not a clause of one sentence."""
    items = split_items(text)
    if len(items) != 1 or "," not in items[0]:
        return items
    # not at a comma or "en" between brackets: "duurzaam bouwen (warmtepompen, isolatie)" is one item
    outside = r"(?![^()]*\))"
    parts = [p.strip(" .") for p in re.split(rf"\s*,{outside}\s*|\s+en\s+{outside}(?=[^,]+$)", items[0]) if p.strip(" .")]
    limit = 6 if " en " not in items[0].split(",")[-1] else 4
    if len(parts) >= 2 and all(1 <= parsing.word_count(p) <= limit and not _CLAUSE.match(parsing.normalize(p))
                               for p in parts):
        return [p[0].upper() + p[1:] for p in parts]
    return items


ENOUGH = ("dat was het", "dat is alles", "dat waren ze", "dat was alles", "verder niet", "klaar", "niets meer",
           "niks meer", "geen meer", "genoeg")
DONE_WORDS = {"klaar", "nee", "dat was het", "dat is alles", "geen", "niets", "geen andere", "nee hoor",
               "nee, dat was het", "dat waren ze", "verder niet", "stop lijst"}
