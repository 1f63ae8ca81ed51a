"""Amounts of money and counts in Dutch answers, read without guessing.

Dutch number words ("achtduizend driehonderd", "vijfenveertig", "negentienhonderd") are read by text2num
(`alpha2digit`): a maintained library with Dutch rules and its own tests, where a hand-written word parser kept
missing forms. It is called with threshold=0, so that "twee" and "drie" become digits too; the article "een" is
hidden from it first, since it would make "een stuk of twintig" into "1 stuk of 20".

What text2num does not do, and this module does by hand (with its own tests, tests/unit/test_numbers.py):
- Dutch digits: "2.500" is two thousand five hundred, "2.500,50", "€ 2.500,-", "2,5k", "1 mln", "drie ton";
- halves and parts: "anderhalve ton", "tweeënhalfduizend", "een half miljoen", "de helft van", "een derde van";
- estimates ("zo'n", "ruim", "een stuk of") and vague words without a number ("een paar", "enkele duizenden");
- what a number is: money, a year ("in 2027"), a duration ("twee dagen"), a percentage, a count of people;
- sums: count × price ("18 deelnemers à € 400"), a part of an amount, a total over several years, "45 + 5".
A reading never guesses: what is computed, estimated or read out of a longer sentence is marked, so that the bot
says it back before storing it; two possible values come back as options for buttons.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction

from text_to_num import alpha2digit

from bot.dutch.formatting import format_euro, format_number

MAX_EUROS = 1_000_000_000


@dataclass(frozen=True)
class NumberReading:
    value: int | None  # money: cents; a count: the number. None: nothing usable (then `problem` says why)
    whole: bool = False  # the text is only this value (with a currency, unit or estimate word around it)
    estimate: bool = False  # "zo'n", "ongeveer", "ruim", "een stuk of": always said back
    how: str | None = None  # how it was computed, for saying back: "18 × € 400", "de helft van € 15.000"
    options: tuple[int, ...] = ()  # two or more equally plausible values: the bot asks with buttons
    year_like: bool = False  # the only number looks like a year (2000-2099)
    problem: str | None = None  # "jaartal", "negatief", "te_groot", "geen_getal", "percentage"

    @property
    def sure(self) -> bool:
        """Stored without asking: the whole text, no estimate, no computation, one reading."""
        return (self.value is not None and self.whole and not self.estimate and self.how is None
                and not self.options and not self.year_like and self.problem is None)


# --- words -------------------------------------------------------------------------------------------------------

_ESTIMATE = re.compile(
    r"\b(?:zo ?'?n|zo'?n beetje|ongeveer|ong\.|circa|ca\.?|pakweg|rond(?:om)?(?: de)?|ergens rond|plusminus|"
    r"grofweg|ruwweg|globaal|ruim|krap|bijna|(?:een )?stuk of|een kleine|een dikke|dik|een goede|tegen de|"
    r"om en nabij|in de buurt van|iets (?:meer|minder) dan|meer dan|minder dan|minstens|minimaal|zeker|"
    r"naar schatting|geschat|(?:ik )?schat(?: ik)?|(?:ik )?denk(?: ik)?|verwacht(?: ik)?|waarschijnlijk|"
    r"misschien|zowat|(?:een )?man of)\b|~")
_VAGUE = re.compile(r"\b(?:een )?(?:paar|aantal|enkele|tiental|tientallen|honderden|duizenden|heel wat|flink wat|"
                    r"veel|weinig)(?: (?:honderd|duizend|ton))?(?: euro'?s?)?\b")
_ZERO = re.compile(r"\b(?:niets|niks|nihil|gratis|kosteloos|geen (?:kosten|cent|budget|geld)|kost niks|kost niets)\b")
_FRACTIONS = [(r"(?<!eerste )(?<!tweede )(?<!1e )(?<!2e )\b(?:de )?helft\b|(?<![\w,])half(?! ?\d)\b",
               Fraction(1, 2), "de helft"),
              (r"\btwee ?derde\b|\b2/3\b", Fraction(2, 3), "twee derde"),
              (r"\b(?:een|1) ?derde\b|\bderde (?:deel|van)\b|\b1/3\b", Fraction(1, 3), "een derde"),
              (r"\bdrie ?kwart\b|\b3/4\b", Fraction(3, 4), "driekwart"),
              (r"\b(?:een )?kwart\b|\b1/4\b", Fraction(1, 4), "een kwart")]
_PEOPLE = (r"deelnemers?|mensen|mens|(?:zorg)?medewerkers?|collega'?s|collega|personen|persoon|man|werknemers?|"
           r"cursist(?:en)?|stagiair(?:e?s)?|leerling(?:en)?|student(?:en)?|docent(?:en)?|leidinggevenden?|fte|"
           r"(?:team)?leiders?|managers?|trainees?|vrijwilligers?|ambtena(?:a|re)n?|leerkracht(?:en)?|(?:personeels|team)?"
           r"leden|koppen|kandidaten|bbl'?ers|werkenden|verpleegkundigen?|begeleiders?|coach(?:es)?|mentor(?:en)?|gasten")
_GROUP = r"teams?|groep(?:en|jes)?|klassen|klas|afdelingen|afdeling|locaties?|vestigingen?|ploegen|ploeg|scholen"
_THING = (r"plek(?:ken)?|plaats(?:en)?|licenties?|stuks?|sessies?|training(?:en)?|cursus(?:sen)?|workshops?|modules?|"
          r"bijeenkomst(?:en)?|les(?:sen)?|opleiding(?:en)?|examens?|deelnames?|boeken")
_DURATION = r"uur|uren|dag(?:en)?|dagde(?:el|len)|weken|week|maand(?:en)?|jaar|jaren|kwarta(?:al|len)|minuten|avond(?:en)?"
_UNITS = {"people": _PEOPLE, "group": _GROUP, "thing": _THING, "duration": _DURATION}
_PER_PERIOD = r"per (?:jaar|maand|week|kwartaal|halfjaar)|p/j|p\.j\.|per jaar"
_PER_UNIT = re.compile(rf"^\s*(?:euro'?s?|eur|,-)?\s*(?:({_PER_PERIOD})|(per (?!\d)\w+|p\.? ?p\.?(?!\w)|pp\b|p/p))")
_CURRENCY_BEFORE = re.compile(r"(?:€|\beur\b\.?|\beuro)\s*$")
_CURRENCY_AFTER = re.compile(r"^\s*(?:,-|euro'?s?\b|eur\b\.?|€)")
_YEAR_CONTEXT = re.compile(r"\b(?:in|voor|sinds|vanaf|tot|na|per|t/m|jaar|eind|begin|medio|over|jaarplan|begroting|"
                           r"(?:boek|kalender)jaar|halverwege|zomer|najaar|voorjaar|winter|kwartaal|januari|februari|"
                           r"maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s*$")
_STOP = {"per", "van", "voor", "met", "en", "of", "x", "keer", "maal", "à", "a", "á", "tot", "in", "op", "de", "het",
         "een", "euro", "eur", "te", "is", "zijn", "plus", "dit", "dat", "die", "om", "uit", "bij", "aan"}
_NUM = re.compile(r"(?<![\w.,/])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(,-|,=)?"
                  r"(?:\s?(k|mln|mio|mld|m|ton)\b)?(?![\w/])")
_MULT = {"k": 1000, "duizend": 1000, "mille": 1000, "ton": 100_000, "mln": 1_000_000, "mio": 1_000_000, "m": 1_000_000,
         "miljoen": 1_000_000, "mld": 1_000_000_000, "miljard": 1_000_000_000}
_SHORT = {"duizend": "k", "mille": "k", "miljoen": "mln", "miljard": "mld", "ton": "ton", "k": "k", "mln": "mln"}
_PARTS = [(r"(?:een )?hal(?:f|ve)", "0,5"), (r"(?:een )?kwart", "0,25"), (r"drie ?kwart", "0,75"),
          (r"anderhal(?:f|ve)", "1,5"), (r"een", "1")] + [
    (rf"{word}[eë]nhal(?:f|ve)", f"{n},5") for n, word in enumerate("twee drie vier vijf zes zeven acht negen".split(), 2)]


def parse_numeral(token: str) -> float | None:
    """Digits in Dutch notation: '2.500' is two thousand five hundred, '2,5' two and a half ('2,500.00' too)."""
    token = token.strip(".,")
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d{1,2})?", token):  # English style 2,500.00
        return float(token.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?|\d+,\d+", token):
        return float(token.replace(".", "").replace(",", "."))
    return float(token) if re.fullmatch(r"\d+(\.\d{1,2})?", token) else None


def word_value(word: str) -> float | None:
    """One number in digits or Dutch words: '2,5' -> 2.5, 'vijfentwintig' -> 25, 'een' -> None (an article)."""
    converted = _words_to_digits(word.strip().lower())
    return parse_numeral(converted) if re.fullmatch(r"[\d.,]+", converted) else None


def _words_to_digits(text: str) -> str:
    text = re.sub(r"\b(twee|drie)en(?=twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|half)",
                  r"\1ën", text)
    hidden = re.sub(r"\been\b", "eeen", text)  # the article: never the number 1
    try:
        converted = alpha2digit(hidden, "nl", threshold=0)
    except (ValueError, IndexError, KeyError):  # text2num rejects some odd sequences: keep the words
        converted = hidden
    return converted.replace("eeen", "een")


# --- scanning a text ---------------------------------------------------------------------------------------------

@dataclass
class _Num:
    value: float
    start: int
    end: int  # the digits with multiplier and ",-"
    span: tuple[int, int]  # with the currency sign or word around it
    currency: bool = False
    kind: str = "bare"  # amount, price, bare, people, group, thing, duration, times, percent, year
    per: str | None = None  # "per persoon", "per jaar"
    year_like: bool = False


@dataclass
class _Scan:
    text: str  # lower case, number words as digits
    nums: list[_Num] = field(default_factory=list)
    estimate: bool = False
    zero: bool = False
    negative: bool = False
    fraction: tuple[Fraction, str] | None = None


def _together(m: re.Match) -> str:
    value = word_value(re.sub(r"(.)\1$", r"\1", re.sub(r"v$", "f", m.group(1))))
    return f"{int(value)} personen" if value else m.group(0)


def _distribute(match: re.Match) -> str:
    """'tussen de 5 en 8 duizend' -> '5 k en 8 k': the multiplier counts for both ends of a range."""
    low, conn, high, short = match["low"], match["conn"], match["high"], _SHORT[match["mult"]]
    low_value, high_value = word_value(low), word_value(high)
    if low_value is None or high_value is None or low_value >= high_value or not (match["between"] or conn != "en"):
        return match.group(0)
    return f"{match['between']}{low} {short} {conn} {high} {short}"


def _scan(text: str) -> _Scan:
    """The numbers of a text, each with what it is: money, a price per person, a count, a duration, a year."""
    t = re.sub(r"\s+", " ", re.sub(r"[’‘`´]", "'", unicodedata.normalize("NFKC", text or "").lower())).strip()
    scan = _Scan("")
    t = re.sub(r"\+ ?/ ?-|\+-|±|\bplus ?minus\b|\bmin of meer\b", " ongeveer ", t)
    if _VAGUE.search(t):  # "een paar honderd": an estimate without a number
        scan.estimate, t = True, _VAGUE.sub(" ", t)
    t = re.sub(r"\b(?:met )?(?:z'?n|zijn) (\w+?)'?(?:ën|en)\b", _together, t)  # "met z'n twaalven": 12 personen
    for words, part in _PARTS:  # halves and quarters of big units, before text2num sees them
        t = re.sub(rf"\b{words} ?(ton|miljoen|miljard|duizend)\b", lambda m, p=part: f"{p} {_SHORT[m.group(1)]}", t)
    for pattern, fraction, word in _FRACTIONS:
        if re.search(pattern, t):
            scan.fraction = scan.fraction or (fraction, word)
            t = re.sub(pattern, " deel ", t)
    t = re.sub(r"(?P<between>(?:tussen (?:de )?)?)(?P<low>\d+(?:,\d+)?|[a-zë]+)\s?(?P<conn>en|tot|tot en met|t/m|à|á|a|of|-)\s?"
               r"(?P<high>\d+(?:,\d+)?|[a-zë]+)\s?(?P<mult>duizend|miljoen|k|mln)\b", _distribute, t)
    t = re.sub(r"(\d)\s?(duizend|mille|miljoen|miljard)\b", lambda m: f"{m.group(1)} {_SHORT[m.group(2)]}", t)
    t = re.sub(r"(\d)\s*[x×*]\s*(?=\d|€|\b)", r"\1 x ", t)
    t = re.sub(r"(\d)(euro|eur)\b", r"\1 \2", t)
    original, c = t, _words_to_digits(t)
    c = scan.text = re.sub(r"\b(\d) ton (\d\d?)\b", lambda m: f"{int(m.group(1)) * 100 + int(m.group(2))} k", c)
    scan.estimate = scan.estimate or bool(_ESTIMATE.search(c))
    scan.zero = bool(_ZERO.search(c))
    for m in _NUM.finditer(c):
        value = parse_numeral(m.group(1))
        if value is None:
            continue
        mult = m.group(3)
        value *= _MULT.get(mult or "", 1)
        before, after = c[: m.start()], c[m.end():]
        n = _Num(value, m.start(), m.end(), (m.start(), m.end()))
        cur_before, cur_after = _CURRENCY_BEFORE.search(before), _CURRENCY_AFTER.match(after)
        n.currency = bool(cur_before or cur_after or m.group(2))
        n.span = (cur_before.start() if cur_before else m.start(), m.end() + (cur_after.end() if cur_after else 0))
        after_number = scan.nums and re.fullmatch(r"\s*(?:euro|eur)?\s*-\s*(?:€\s*)?", c[scan.nums[-1].end: m.start()])
        if re.search(r"(?:^|[\s(:])-\s*(?:€\s*)?$|\bmin\s*(?:€\s*)?$", before) and not after_number:
            scan.negative = True
        per = _PER_UNIT.match(after)
        per_before = re.search(r"()(per (?!jaar|maand|week)[a-z]+|p\.? ?p\.?|pp)\s*(?:€|eur|euro)?\s*$", before)
        if re.match(r"^\s*(?:%|procent\b|pct\b)", after):
            n.kind = "percent"
        elif per and per.group(1):
            n.kind, n.per = ("amount" if n.currency else "bare"), per.group(1)
        elif per or per_before:
            n.kind, n.per = "price", (per or per_before).group(2)
        elif n.currency:
            n.kind = "amount"
        elif re.match(r"^\s*(?:x|keer|maal)\b(?!\s*(?:€\s*)?\d)", after):
            n.kind = "times"
        else:
            n.kind = _unit_kind(after)
        n.year_like = (n.kind == "bare" and not mult and re.fullmatch(r"20\d\d", m.group(1)) is not None
                       and re.search(rf"(?<![\d.,]){m.group(1)}(?![\d.,]\d)", original) is not None)
        if n.year_like and (_YEAR_CONTEXT.search(before) or re.search(r"20\d\d\s*(?:en|-|t/m|of)\s*$", before)):
            n.kind = "year"
        scan.nums.append(n)
    others = [n for n in scan.nums if n.kind in ("bare", "amount", "price") and not n.year_like]
    for n in scan.nums:
        if n.year_like and n.kind == "bare" and others and not any(_connected(scan, n, o) for o in others):
            n.kind = "year"
    return scan


def _unit_kind(after: str) -> str:
    """The kind of the word after a number, or after one word more: '18 nieuwe deelnemers', '2 hele dagen'."""
    words = re.findall(r"[a-zà-ÿ']+|\S", after)[:2]
    for position, word in enumerate(words):
        kind = next((k for k, pattern in _UNITS.items() if re.fullmatch(pattern, word)), None)
        if kind:
            return kind
        if position == 0 and (word in _STOP or not word.isalpha()):
            break
    return "bare"


def _between(scan: _Scan, a: _Num, b: _Num) -> str:
    return scan.text[a.end: b.start] if a.end <= b.start else scan.text[b.end: a.start]


def _connected(scan: _Scan, a: _Num, b: _Num) -> bool:
    """Two ends of a range: '5.000 à 8.000', 'tussen 40 en 50', '8000 of misschien 10.000'."""
    return re.fullmatch(r"\s*(?:euro|eur)?\s*(?:en|of|tot|t/m|tot en met|à|á|a|-)\s*(?:misschien|zelfs)?\s*"
                        r"(?:€|eur|euro)?\s*", _between(scan, a, b)) is not None


def _whole(scan: _Scan, used: list[_Num], allowed: str = "") -> bool:
    """Nothing else is said than the value(s): a currency, a unit, an estimate word may stand around it."""
    rest = scan.text
    for n in sorted(used, key=lambda n: n.span[0], reverse=True):
        rest = rest[: n.span[0]] + " " + rest[n.span[1]:]
    rest = _ESTIMATE.sub(" ", rest)
    rest = re.sub(rf"\b(?:euro'?s?|eur|in totaal|totaal|maximaal|max|{allowed or 'euro'})\b|€|,-", " ", rest)
    return not re.sub(r"[\s.!?,;:()'\"-]+", "", rest)


def _cents(euros: float) -> int:
    return int(round(euros * 100))


def _euro(euros: float) -> str:
    return format_euro(_cents(euros))


def _count_text(value: float) -> str:
    return format_number(int(value)) if value == int(value) else f"{value:g}".replace(".", ",")


def format_how(count: float, price_euros: float | None = None, *, times: float | None = None,
               plus: float | None = None) -> str:
    """'18 × € 400' (count × price), '3 × 10' (count × count), '45 + 5' (a sum of counts)."""
    if plus is not None:
        return f"{_count_text(count)} + {_count_text(plus)}"
    if times is not None:
        return f"{_count_text(count)} × {_count_text(times)}"
    return f"{_count_text(count)} × {_euro(price_euros or 0)}"


def _result(scan: _Scan, value: float | None, *, whole=False, how=None, options=(), money=True, **kw) -> NumberReading:
    values = list(options or ([value] if value is not None else []))
    if money and any(v > MAX_EUROS for v in values):
        return NumberReading(None, estimate=scan.estimate, problem="te_groot")
    as_int = _cents if money else int
    if len(set(values)) > 1:
        return NumberReading(None, estimate=scan.estimate, options=tuple(dict.fromkeys(as_int(v) for v in values)))
    if not values:
        return NumberReading(None, estimate=scan.estimate, **({"problem": "geen_getal"} | kw))
    return NumberReading(as_int(values[0]), whole=whole, estimate=scan.estimate, how=how, **kw)


# --- money -------------------------------------------------------------------------------------------------------

_PER_KIND = {"people": r"p\.? ?p|pp|p/p|pers|deelnemer|medewerker|collega|cursist|student|leerling|man|kop|mens|"
                       r"deelname|persoon|hoofd",
             "duration": r"dag|dagdeel|uur|avond|week|sessie|bijeenkomst|les",
             "thing": r"stuk|plek|plaats|licentie|training|cursus|module|workshop|examen|boek"}


def _product(scan: _Scan, kinds: tuple[str, ...]) -> tuple[_Num, _Num] | None:
    """'18 x 400', '18 deelnemers à € 400', 'achttien keer vierhonderd', '3 teams van 10': (count, other)."""
    for a, b in zip(scan.nums, scan.nums[1:], strict=False):
        between = _between(scan, a, b)
        op = re.fullmatch(r"\s*(?:[a-zà-ÿ']+\s+)?(x|keer|maal|à|á|a|van|met)\s*(?:€|eur|euro)?\s*", between)
        if not op or a.kind not in kinds or b.kind not in ("bare", "amount", "people", "price") or a.currency:
            continue
        if op.group(1) in ("van", "met") and a.kind != "group":
            continue
        if op.group(1) in ("à", "á", "a") and a.kind == "bare" and (a.value > 500 or b.value < 3 * a.value):
            continue  # '5.000 à 8.000' and '20 à 30' are ranges
        if a.value == int(a.value):
            return a, b
    return None


def _each_or_all(scan: _Scan) -> tuple[_Num, _Num] | None:
    """'3 sessies van 1.200 euro', 'twee dagen van € 900': a count of sessions or things and an amount after "van"."""
    if len(scan.nums) != 2:
        return None
    a, b = scan.nums
    between = re.fullmatch(r"\s*[a-zà-ÿ']+\s+(?:van|à|a)\s*(?:€|eur|euro)?\s*", _between(scan, a, b))
    if between and a.kind in ("duration", "thing") and (b.currency or b.kind in ("amount", "bare") and b.value >= 10) \
            and a.value == int(a.value) and 1 < a.value <= 50 \
            and "à" not in between.group(0) and " a " not in between.group(0):
        return a, b
    return None


def _chain(scan: _Scan) -> tuple[_Num, _Num, _Num] | None:
    """'6 teamleiders keer 5 sessies van € 150', '6 x 5 sessies à 150 euro': a count times a count times a price."""
    for a, b, c in zip(scan.nums, scan.nums[1:], scan.nums[2:], strict=False):
        first = re.fullmatch(r"\s*(?:[a-zà-ÿ']+\s+)?(?:x|keer|maal)\s*", _between(scan, a, b))
        second = re.fullmatch(r"\s*(?:[a-zà-ÿ']+\s+)?(?:van|à|á|a|x|keer|maal)\s*(?:€|eur|euro)?\s*", _between(scan, b, c))
        if first and second and not a.currency and not b.currency and c.kind in ("amount", "price", "bare") \
                and a.value == int(a.value) and b.value == int(b.value) and (c.currency or c.kind == "price"):
            return a, b, c
    return None


def read_money(text: str) -> NumberReading:
    """An amount in euros (value in cents), with what the bot must say back; see the module's docstring."""
    scan = _scan(text)
    if scan.negative:
        return NumberReading(None, estimate=scan.estimate, problem="negatief")
    nums, amounts = scan.nums, [n for n in scan.nums if n.kind in ("amount", "bare")]
    each = _each_or_all(scan)  # "3 sessies van 1.200 euro": 3 × € 1.200, or € 1.200 for the three?
    if each is not None:
        return _result(scan, None, options=(each[0].value * each[1].value, each[1].value))
    chain = _chain(scan)  # "zes teamleiders keer vijf sessies van 150 euro"
    if chain is not None:
        a, b, c = chain
        return _result(scan, a.value * b.value * c.value,
                       how=f"{_count_text(a.value)} × {_count_text(b.value)} × {_euro(c.value)}")
    # "18 deelnemers à € 400"; only then "4 groepen à € 1.850" ("3 groepen van 12 à € 250" is 3 × 12 × € 250)
    pair = _product(scan, ("bare", "people", "thing", "duration", "times")) or _product(scan, ("group",))
    prices = [n for n in nums if n.kind == "price"]
    if pair or len(prices) == 1:
        return _count_times_price(scan, pair, prices, amounts)
    percents = [n for n in nums if n.kind == "percent"]
    for p in percents:  # "10% van 20.000"
        following = [n for n in amounts if n.start > p.end]
        if following and re.fullmatch(r"\s*(?:%|procent|pct)\s+van\s+(?:het |ons |de |een |jullie )?(?:totale |hele )?"
                                      r"(?:budget |bedrag |totaal )?(?:van )?(?:€|eur|euro)?\s*",
                                      _between(scan, p, following[0])):
            base = following[0].value
            return _result(scan, base * p.value / 100, how=f"{_count_text(p.value)}% van {_euro(base)}")
    if percents and not amounts:
        return NumberReading(None, estimate=scan.estimate, problem="percentage")
    if scan.fraction and len(amounts) == 1:  # "de helft van 15.000"
        return _result(scan, float(amounts[0].value * scan.fraction[0]),
                       how=f"{scan.fraction[1]} van {_euro(amounts[0].value)}")
    if len(amounts) == 2 and re.fullmatch(r"\s*(?:euro|eur)?\s*(?:\+|plus|en nog|,? en daarnaast|en daarbij)\s*"
                                          r"(?:€|eur|euro)?\s*", _between(scan, *amounts)):
        a, b = amounts
        return _result(scan, a.value + b.value, how=f"{_euro(a.value)} + {_euro(b.value)}")
    times = [n for n in nums if n.kind == "times"]  # "2x per jaar een training van 500"
    if len(times) == 1 and len(amounts) == 1 and times[0].value == int(times[0].value):
        return _result(scan, times[0].value * amounts[0].value, how=format_how(times[0].value, amounts[0].value))
    if len(amounts) == 1 and not amounts[0].per and _years_spread(scan) >= 2:  # the total or per year?
        return _result(scan, None, options=(amounts[0].value, amounts[0].value / _years_spread(scan)))
    if len(amounts) == 1:
        n = amounts[0]
        return _result(scan, n.value, whole=_whole(scan, [n]) and not n.per, how=n.per, year_like=n.year_like)
    if amounts:
        return _result(scan, None, options=tuple(n.value for n in amounts))
    if scan.zero or re.fullmatch(r"\s*(?:€\s*)?0(?:,-|,00)?\s*(?:euro)?\s*", scan.text):
        return _result(scan, 0, whole=_whole(scan, [], r"niets|niks|nihil|gratis|kosteloos|kost|het|is|helemaal|nul"))
    return _nothing(scan)


def _nothing(scan: _Scan) -> NumberReading:
    """No value: only a year ("het budget voor 2027"), or no number at all ("veel", "een paar", "3 uur")."""
    if any(n.kind == "year" for n in scan.nums):
        return NumberReading(None, estimate=scan.estimate, year_like=True, problem="jaartal")
    return NumberReading(None, estimate=scan.estimate, problem="geen_getal")


def _count_times_price(scan: _Scan, pair, prices: list[_Num], amounts: list[_Num]) -> NumberReading:
    """"18 deelnemers à € 400", "€ 400 per persoon, 18 mensen", "400 p.p. en we zijn met 18": count × price.
    Another amount said with it is offered too ("€ 200 voor de zaal": with or without it)."""
    if pair:
        count, price = pair
    else:
        price = prices[0]
        wanted = next((k for k, words in _PER_KIND.items() if re.search(rf"\b(?:{words})", price.per or "")), "people")
        counts = [n for n in scan.nums if n.kind == wanted] or [n for n in scan.nums if n.kind in ("people", "times")] \
            or [n for n in amounts if not n.currency and n.value == int(n.value) and not _a_total(scan, n)]
        count = counts[0] if len(counts) == 1 else None
    others = [n.value for n in amounts if n is not price and n is not count]
    if count is None:  # "€ 400 per persoon": said back with 'per persoon'; a total said with it wins
        per = re.sub(r"^p\.? ?p\.?$|^pp$|^p/p$", "per persoon", price.per or "")
        return _result(scan, None, options=tuple(others)) if len(others) > 1 else \
            _result(scan, others[0]) if others else _result(scan, price.value, how=per)
    groups = _groups_of(scan, count)  # "drie groepen van 12 à € 250"
    product = groups * count.value * price.value
    others = [o for o in others if not (groups > 1 and o == groups)]
    extras = [e for e in others if e != product]
    if extras:  # a total of its own ('of € 8.000'), or something to add ('en € 200 voor de zaal')
        return _result(scan, None, options=(product, *(e if e >= product / 2 else product + e for e in extras)))
    how = format_how(count.value, price.value)
    return _result(scan, product, how=f"{_count_text(groups)} × {how}" if groups > 1 else how)


def _a_total(scan: _Scan, n: _Num) -> bool:
    """'totaal 8000', 'samen 8000': a total, not how many."""
    return re.search(r"\b(?:totaal|samen|bij elkaar|alles bij elkaar)\s*(?:is|van|:)?\s*(?:€|euro)?\s*$",
                     scan.text[: n.start]) is not None


def _groups_of(scan: _Scan, count: _Num) -> float:
    """How many groups of ``count``: '3 groepen van 12', 'twee klassen met 25'; 1 when none are named."""
    before = [n for n in scan.nums if n.end <= count.start and n.kind == "group"]
    if before and re.fullmatch(r"\s*(?:[a-zà-ÿ']+\s+)?(?:van|met|à|x)\s*", _between(scan, before[-1], count)):
        return before[-1].value
    return 1


def _years_spread(scan: _Scan) -> int:
    """'voor twee jaar', 'over 3 jaar verdeeld', 'voor 2026 en 2027': over how many years an amount is spread."""
    for n in scan.nums:
        if n.kind == "duration" and re.match(r"^\s*(?:jaar|jaren)\b", scan.text[n.end:]) and n.value >= 2 \
                and re.search(r"\b(?:voor|over|in|verdeeld over|gedurende|looptijd van)\s*(?:de |het )?"
                              r"(?:komende |eerstvolgende |volgende )?$", scan.text[: n.start]):
            return int(n.value)
    years = [n for n in scan.nums if n.kind == "year"]
    if len(years) == 2 and re.fullmatch(r"\s*(?:en|t/m|-)\s*", _between(scan, *years)):
        return int(abs(years[1].value - years[0].value)) + 1
    return 0


# --- counts ------------------------------------------------------------------------------------------------------

def read_count(text: str) -> NumberReading:
    """A whole number of people or things: '300', 'zo'n dertig', 'twaalf man', '3 teams van 10'."""
    scan = _scan(text)
    if scan.negative:
        return NumberReading(None, estimate=scan.estimate, problem="negatief")
    nums = [n for n in scan.nums if n.kind in ("bare", "people", "group", "thing", "times")]
    if any(n.value != int(n.value) for n in nums):
        return NumberReading(None, estimate=scan.estimate, problem="geen_getal")
    pair = _product(scan, ("group", "times", "bare", "people"))
    if pair and pair[1].kind in ("bare", "people"):
        a, b = pair
        return _result(scan, a.value * b.value, how=format_how(a.value, times=b.value), money=False)
    for a, b in zip(nums, nums[1:], strict=False):
        between = _between(scan, a, b)
        plus = re.fullmatch(r"\s*(?:[a-zà-ÿ']+)?\s*,?\s*(?:plus|\+|en nog|en daarnaast|daarnaast)\s*", between)
        both = a.kind == b.kind == "people" and re.fullmatch(r"\s*[a-zà-ÿ']+\s*(?:,|en|,\s*en)\s*", between)
        if plus or both:
            return _result(scan, a.value + b.value, how=format_how(a.value, plus=b.value), money=False)
    if len(nums) == 1:
        n = nums[0]
        return _result(scan, n.value, whole=_whole(scan, [n], _PEOPLE), year_like=n.year_like, money=False)
    if len(nums) > 1:
        return _result(scan, None, options=tuple(n.value for n in nums), money=False)
    return _nothing(scan)
