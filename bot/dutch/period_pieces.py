"""The pieces of a Dutch period, each with its dates in a given year (for periods.py, which reads the whole).

A piece is one thing a text names: a date ("vóór 1 juni"), a month ("begin maart"), a quarter ("Q4"), a season
("na de zomer"), a school holiday or Easter ("na de meivakantie", "rond Pasen"), a part of the year ("eerste
helft"), a week ("week 12"), or a span counted from today ("over drie maanden", "zo snel mogelijk"). `_pieces`
finds them in a folded text, longest first and without overlaps; `_years` finds the years named with them.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from bot.dutch import number_words
from bot.dutch.formatting import format_date
from bot.dutch.values import MONTHS

_MONTH = (r"(?P<m>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
          r"jan(?=\.?\s*(?:20\d\d|'\d\d|-|t/m|tot|en|$))|febr?|mrt|apr|jun|jul|aug|sept?|okt|nov|dec)\b\.?")
_ABBREVIATION = {"mrt": 3, "okt": 10, "mei": 5}
_ORDINAL = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": 4}


@dataclass
class _Piece:
    at: int
    to: int
    dates: Callable[[int], tuple[date | None, date | None]]  # (start, end) in a year; start None: from now on
    name: str  # the label, "{y}" for its year when not at the end: "januari {y} (na de kerstvakantie)"
    say: str | None = None  # "het 4e kwartaal van {y}"
    short: str = ""  # "4e", "maart": for "4e en 1e kwartaal", "maart t/m mei"
    group: str = ""  # "quarter", "month"
    fixed: bool = False  # counted from today: its dates do not depend on a year
    from_today: bool = False  # "volgende zomer", "deze winter": the next one from today, whatever the question's year
    winter: bool = False
    year: int | None = None


def _month_number(word: str) -> int:
    word = word.rstrip(".")
    return _ABBREVIATION.get(word) or next(i for i, m in enumerate(MONTHS, 1) if m.startswith(word[:3]))


def _last(y: int, m: int) -> date:
    return date(y, m, monthrange(y, m)[1])


def _months(first: int, last: int, day_from: int = 1, day_to: int | None = None):
    return lambda y: (date(y, first, day_from), date(y, last, day_to) if day_to else _last(y, last))


def _before(dates):  # "vóór de zomer": from now until the day before
    return lambda y: (None, dates(y)[0] - timedelta(days=1))


def _after(dates):  # "na maart": from the day after until the end of the year
    return lambda y: (dates(y)[1] + timedelta(days=1), date(y, 12, 31))


def _from(dates):  # "vanaf januari": from its first day until the end of the year
    return lambda y: (dates(y)[0], date(y, 12, 31))


_PRE = {"voor": "vóór", "na": "na", "vanaf": "vanaf"}
_PRE_DATES = {"voor": _before, "na": _after, "vanaf": _from}
_SEASONS = {"voorjaar": (3, 5, "het voorjaar"), "lente": (3, 5, "het voorjaar"), "zomer": (6, 8, "de zomer"),
            "najaar": (9, 11, "het najaar"), "herfst": (9, 11, "het najaar")}


def _season(m: re.Match, today: date) -> _Piece:
    piece = _season_piece("zomer" if m["s"].startswith("zomer") else m["s"], m["pre"])
    piece.from_today = bool(m["rel"])  # "volgend voorjaar", "deze winter"
    return piece


def _season_piece(word: str, pre: str | None) -> _Piece:
    if word == "winter":
        return _Piece(0, 0, lambda y: (date(y, 12, 1), _last(y + 1, 2)), "winter {y}-{y1}", winter=True)
    first, last, say = _SEASONS[word]
    name = "voorjaar" if word == "lente" else "najaar" if word == "herfst" else word
    dates = _months(first, last)
    if pre == "voor" and name == "zomer":  # the summer holidays start in July
        return _Piece(0, 0, lambda y: (None, date(y, 6, 30)), "vóór de zomer")
    if pre == "na" and name == "zomer":
        return _Piece(0, 0, _months(9, 12), "na de zomer")
    if pre in _PRE_DATES:
        return _Piece(0, 0, _PRE_DATES[pre](dates), f"{_PRE[pre]} {say}")
    return _Piece(0, 0, dates, name, say=f"{say} van {{y}}")


_HOLIDAYS = {  # (word, preposition) -> dates in a year and label
    ("zomervakantie", "voor"): (lambda y: (None, date(y, 6, 30)), "vóór de zomer"),
    ("zomervakantie", "na"): (_months(9, 12), "na de zomer"),
    ("zomervakantie", "in"): (_months(7, 8), "zomervakantie"),
    ("kerst", "voor"): (lambda y: (None, date(y, 12, 24)), "vóór de kerst"),
    ("kerst", "in"): (_months(12, 12, 18), "rond de kerst"),
    ("kerst", "na"): (_months(1, 1), "januari {y} (na de kerstvakantie)"),
    ("herfstvakantie", "voor"): (lambda y: (None, date(y, 10, 15)), "vóór de herfstvakantie"),
    ("herfstvakantie", "na"): (_months(11, 11), "na de herfstvakantie"),
    ("herfstvakantie", "in"): (_months(10, 10, 15), "herfstvakantie"),
    ("meivakantie", "voor"): (lambda y: (None, date(y, 4, 25)), "vóór de meivakantie"),
    ("meivakantie", "na"): (lambda y: (date(y, 5, 10), date(y, 6, 30)), "na de meivakantie"),
    ("meivakantie", "in"): (lambda y: (date(y, 4, 25), date(y, 5, 9)), "meivakantie"),
    ("voorjaarsvakantie", "voor"): (lambda y: (None, date(y, 2, 14)), "vóór de voorjaarsvakantie"),
    ("voorjaarsvakantie", "na"): (_months(3, 3), "na de voorjaarsvakantie"),
    ("voorjaarsvakantie", "in"): (_months(2, 2, 15), "voorjaarsvakantie"),
    ("pasen", "voor"): (lambda y: (None, easter(y) - timedelta(days=1)), "vóór Pasen"),
    ("pasen", "in"): (lambda y: (easter(y) - timedelta(days=7), easter(y) + timedelta(days=7)), "rond Pasen"),
    ("pasen", "na"): (lambda y: (easter(y) + timedelta(days=2), date(y, 6, 30)), "na Pasen"),
}
_HOLIDAY_WORDS = {"zomervakantie": "zomervakantie", "vakantie": "zomervakantie", "zomerstop": "zomervakantie",
                  "zomerreces": "zomervakantie", "bouwvak": "zomervakantie", "kerstvakantie": "kerst",
                  "kerst": "kerst", "kerstmis": "kerst", "feestdagen": "kerst", "jaarwisseling": "kerst",
                  "oud en nieuw": "kerst", "herfstvakantie": "herfstvakantie", "meivakantie": "meivakantie",
                  "voorjaarsvakantie": "voorjaarsvakantie", "krokusvakantie": "voorjaarsvakantie",
                  "pasen": "pasen", "paasvakantie": "pasen", "paasdagen": "pasen"}


def _holiday(m: re.Match, today: date) -> _Piece | None:
    pre = {"voor": "voor", "na": "na", "vanaf": "na"}.get(m["pre"] or "", "in")
    dates, name = _HOLIDAYS[(_HOLIDAY_WORDS[m["h"]], pre)]
    return _Piece(0, 0, dates, name)


def _quarter(m: re.Match, today: date) -> _Piece:
    n = int(next(g for g in (m["a"], m["b"], m["c"], m["d"], m["e"]) if g) if not m["f"] else _ORDINAL[m["f"]])
    dates = _months(3 * n - 2, 3 * n)
    if m["pre"]:
        return _Piece(0, 0, _PRE_DATES[m["pre"]](dates), f"{_PRE[m['pre']]} het {n}e kwartaal")
    return _Piece(0, 0, dates, f"{n}e kwartaal", say=f"het {n}e kwartaal van {{y}}", short=f"{n}e", group="quarter")


def _month(m: re.Match, today: date) -> _Piece:
    n, mod, pre = _month_number(m["m"]), (m["mod"] or "").replace(" van", ""), m["pre"]
    days = {"begin": (1, 10), "half": (11, 20), "medio": (11, 20), "midden": (11, 20), "halverwege": (11, 20),
            "eind": (21, None), "einde": (21, None)}.get(mod, (1, None))
    dates = _months(n, n, *days)
    name = f"{'eind' if mod == 'einde' else mod} {MONTHS[n - 1]}".strip()
    if pre:
        return _Piece(0, 0, _PRE_DATES[pre](dates), f"{_PRE[pre]} {name}")
    return _Piece(0, 0, dates, name, short=name if not mod else "", group="" if mod else "month")


def _date(m: re.Match, today: date) -> _Piece | None:
    day, month = int(m["day"] or m["day2"]), _month_number(m["m"]) if m["m"] else int(m["mon"])
    own = int(m["yr"]) if m["yr"] and len(m["yr"]) == 4 else 2000 + int(m["yr"]) if m["yr"] else None
    if not 1 <= month <= 12 or not 1 <= day <= monthrange(own or 2028, month)[1]:
        return None
    pre = m["pre"] or ""
    word = {"voor": "vóór", "tot": "tot"}.get(pre, "uiterlijk" if pre in ("uiterlijk", "ten laatste", "deadline",
            "niet later dan", "tot en met", "t/m") else "vanaf" if pre in ("vanaf", "per", "met ingang van")
            else "na" if pre == "na" else "")

    def dates(y: int):
        d = date(y, month, min(day, monthrange(y, month)[1]))
        return {"vóór": (None, d - timedelta(days=1)), "tot": (None, d - timedelta(days=1)), "uiterlijk": (None, d),
                "vanaf": (d, date(y, 12, 31)), "na": (d + timedelta(days=1), date(y, 12, 31))}.get(word, (d, d))
    piece = _Piece(0, 0, dates, f"{word} {day} {MONTHS[month - 1]}".strip(), year=own)
    if m["as"]:  # "1 juni a.s.": the next one from today
        piece.year = today.year + (date(today.year, month, min(day, monthrange(today.year, month)[1])) < today)
    return piece


def _week(m: re.Match, today: date) -> _Piece | None:
    n = int(m["wk"])
    if not 1 <= n <= 52:
        return None
    return _Piece(0, 0, lambda y: (date.fromisocalendar(y, n, 1), date.fromisocalendar(y, n, 7)), f"week {n}",
                  say=f"week {n} van {{y}}")


def _year_part(m: re.Match, today: date) -> _Piece:
    """"begin 2027", "eind van het jaar", "eerste helft", "H2", "halverwege het jaar", "het hele jaar"."""
    word = m["w"] or m["w2"] or m["w3"] or ("midden" if m["w4"] else "heel")
    if m["pre"] and word.startswith("eind"):
        return _Piece(0, 0, lambda y: (None, date(y, 12, 31)), "vóór eind")
    first_half, second_half = (_months(1, 6), "eerste helft"), (_months(7, 12), "tweede helft")
    dates, name = {"begin": (_months(1, 3), "begin"), "eind": (_months(11, 12), "eind"),
                   "einde": (_months(11, 12), "eind"), "eerste": first_half, "1e": first_half, "1": first_half,
                   "tweede": second_half, "2e": second_half, "2": second_half,
                   "midden": (_months(6, 7), "halverwege"), "heel": (_months(1, 12), "het hele jaar")}[word]
    say = {"eerste helft": "de eerste helft van {y}", "tweede helft": "de tweede helft van {y}"}.get(name)
    return _Piece(0, 0, dates, name, say=say)


def _relative(m: re.Match, today: date) -> _Piece | None:
    if m["asap"]:
        label = "binnenkort" if m["asap"] == "binnenkort" else "zo snel mogelijk"
        return _Piece(0, 0, lambda y: (today, None), f"{label} (vanaf {format_date(today)})", fixed=True)
    if m["which"]:  # "volgende maand", "dit kwartaal"
        step = 0 if m["which"] in ("deze", "dit", "huidige") else 1
        if m["unit2"] == "maand":
            first = today.replace(day=1) + relativedelta(months=step)
            return _Piece(0, 0, lambda y: (first, _last(first.year, first.month)),
                          f"{MONTHS[first.month - 1]} {first.year}", fixed=True)
        q = (today.month - 1) // 3 + step
        y0, q = today.year + q // 4, q % 4 + 1
        return _Piece(0, 0, lambda y: _months(3 * q - 2, 3 * q)(y0), f"{q}e kwartaal {y0}",
                      say=f"het {q}e kwartaal van {y0}", fixed=True)
    count = {"een": 1, "een half": 0.5, "half": 0.5, "anderhalf": 1.5}.get(m["n"]) or number_words.word_value(m["n"])
    if not count:
        return None
    unit = m["unit"]
    months = count * 12 if unit == "jaar" else count if unit.startswith("maand") else None
    target = today + (relativedelta(months=int(months)) if months else timedelta(weeks=count) if unit.startswith("we")
                      else timedelta(days=count))
    if m["k"] == "binnen":
        return _Piece(0, 0, lambda y: (today, target), f"uiterlijk {format_date(target)}", fixed=True)
    return _Piece(0, 0, lambda y: (target, target), f"rond {format_date(target)}", fixed=True)


_N = r"\d+|een half|half|anderhalf|een|[a-z]+"
_PATTERNS: list[tuple[re.Pattern, Callable]] = [(re.compile(p), f) for p, f in [
    (r"(?:(?P<pre>voor|uiterlijk(?: op)?|ten laatste|deadline|niet later dan|tot en met|t/m|tot|vanaf|per|na|"
     r"met ingang van|op)\s+)?(?:(?P<day>\d{1,2})(?:e|ste|de)?\s+" + _MONTH + r"|(?P<day2>\d{1,2})[-/.](?P<mon>\d{1,2}))"
     r"(?:[-/.\s]+(?P<yr>20\d\d|\d\d)\b)?(?:\s*(?P<as>a\.?s\.?|aanstaande))?", _date),
    (r"(?:(?P<pre>voor|vanaf|na)\s+)?(?:(?P<mod>begin|eind|einde|half|medio|midden|halverwege)(?: van)?\s+)?"
     + _MONTH, _month),
    (r"(?:(?P<pre>voor|na|vanaf)\s+)?(?:het\s+)?(?:q\s?(?P<a>[1-4])|kw\s?(?P<b>[1-4])|k(?P<c>[1-4])|kwartaal\s?"
     r"(?P<d>[1-4])|(?P<e>[1-4])\s?(?:e|de|ste)?\s?(?:kwartaal|kw)|(?P<f>eerste|tweede|derde|vierde|laatste)\s+kwartaal)\b",
     _quarter),
    (r"(?:(?P<rel>volgend|volgende|komend|komende|deze|dit)\s+)?(?:(?P<pre>voor|na|in|tijdens)\s+)?(?:het\s+|de\s+)?"
     r"(?P<s>voorjaar|lente|zomer(?:periode|maanden|seizoen)?|najaar|herfst|winter)\b", _season),
    (r"(?:(?P<pre>voor|na|in|tijdens|rond|met|vanaf)\s+)?(?:de\s+)?(?P<h>zomervakantie|vakantie|zomerstop|zomerreces|"
     r"bouwvak|kerstvakantie|kerstmis|kerst|feestdagen|jaarwisseling|oud en nieuw|herfstvakantie|meivakantie|"
     r"voorjaarsvakantie|krokusvakantie|pasen|paasvakantie|paasdagen)\b", _holiday),
    (r"(?P<pre>voor\s+)?(?:aan\s+)?(?:het\s+)?(?P<w>begin|eind|einde)\s+(?:van\s+)?(?:het\s+|dit\s+|volgend\s+|"
     r"komend\s+|komende\s+|volgende\s+)?(?:jaar\b|(?=20\d\d))|(?:de\s+)?(?P<w2>eerste|tweede|1e|2e)\s+(?:helft|"
     r"jaarhelft|halfjaar|half jaar)(?:\s+van\s+(?:het\s+)?jaar)?|\bh(?P<w3>[12])\b|(?P<w4>halverwege(?: het jaar)?|"
     r"midden (?:van |in )?het jaar|medio(?= 20\d\d|$)|half(?= 20\d\d)|mid(?= 20\d\d))|(?P<w5>(?:het\s+)?(?:gehele|hele|"
     r"heel)\s+(?:het\s+)?jaar(?:\s+door)?|het jaar door|doorlopend|jaarrond|gedurende het jaar|continu|"
     r"heel(?= 20\d\d))", _year_part),
    (r"\bweek\s?(?P<wk>\d{1,2})\b", _week),
    (r"(?P<asap>zo snel mogelijk|zo spoedig mogelijk|zo gauw mogelijk|zsm|z\.s\.m\.?|asap|per direct|(?:meteen|direct)(?!\s+(?:na|voor|vanaf|in|aan|bij|rond|begin|eind))|"
     r"binnenkort)|(?P<which>volgende|komende|deze|dit|huidige)\s+(?P<unit2>maand|kwartaal)|(?P<k>over|binnen)\s+"
     rf"(?P<n>{_N})\s+(?P<unit>dagen|dag|weken|week|maanden|maand|jaar)\b", _relative),
]]


_YEARS = re.compile(r"\b(?P<y>20\d\d)\b|'(?P<yy>\d\d)\b|(?P<next>volgend|volgende|komend|komende) jaar|"
                    r"(?P<this>dit|het huidige|huidige|lopende) jaar|(?P<last>vorig|vorige) jaar")


def _years(t: str, today: date) -> list[tuple[int, int, int]]:
    found = []
    for m in _YEARS.finditer(t):
        y = int(m["y"]) if m["y"] else 2000 + int(m["yy"]) if m["yy"] else today.year + (
            1 if m["next"] else -1 if m["last"] else 0)
        found.append((m.start(), m.end(), y))
    return found


def _pieces(t: str, today: date) -> list[_Piece]:
    found = []
    for pattern, make in _PATTERNS:
        for m in pattern.finditer(t):
            if m.end() == m.start():
                continue
            piece = make(m, today)
            if piece:
                piece.at, piece.to = m.start(), m.end()
                found.append(piece)
    chosen: list[_Piece] = []
    for p in sorted(found, key=lambda p: p.at - p.to):  # longest first, no overlaps
        if all(p.to <= q.at or q.to <= p.at for q in chosen):
            chosen.append(p)
    return sorted(chosen, key=lambda p: p.at)

