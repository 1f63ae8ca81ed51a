"""Numbers in a Dutch text: number words and digits, and what each number is (for numbers.py).

Dutch number words ("achtduizend driehonderd", "vijfenveertig", "negentienhonderd") are read by text2num
(`alpha2digit`): a maintained library with Dutch rules and its own tests, where a hand-written word parser kept
missing forms. It is called with threshold=0, so that "twee" and "drie" become digits too; the article "een" is
hidden from it first, since it would make "een stuk of twintig" into "1 stuk of 20".

`_scan` finds every number of a text with what it is: money, a price per person or per year, a count of people,
groups or things, a duration, a percentage, a year; estimate words, "niets" and fractions ("de helft van") are
noted with it. What value the numbers make together (a product, a sum, options) is decided in numbers.py.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from fractions import Fraction

from text_to_num import alpha2digit

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
    converted = as_digits(word.strip().lower())
    return parse_numeral(converted) if re.fullmatch(r"[\d.,]+", converted) else None


def as_digits(text: str) -> str:
    """``text`` with its number words as digits: "ik ben achtenvijftig" -> "ik ben 58"."""
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
    original, c = t, as_digits(t)
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
