"""Periods in Dutch answers, with their dates: "Q4", "maart t/m mei", "na de zomer", "begin volgend jaar",
"vóór 1 juni", "binnen een half jaar".

A period without its own year falls in `year`, the year the question is about (an activity of the yearly plan
2027), or else in the first such period from `today` that is not over or mostly over (the deadline of a POP goal). Phrases such
as "volgend jaar", "over drie maanden" and "zo snel mogelijk" count from `today`, which the caller passes: this
module never asks the clock. A reading says whether the text was only the period (`whole`); "misschien in maart"
or a longer sentence is said back first, "winter" in a yearly plan gives two options. No library reads Dutch
periods; Easter comes from dateutil, dates are written by Babel (formatting.py).
The pieces a text names (a month, a quarter, a season, a holiday, "over drie maanden") are found with their dates
in period_pieces.py; this module makes one reading of them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date

from babel.dates import format_date as _babel_date

from bot.dutch.formatting import LOCALE, format_date
from bot.dutch.period_pieces import _months, _Piece, _pieces, _years


@dataclass(frozen=True)
class PeriodReading:
    label: str | None  # the stored text, with its year: "4e kwartaal 2027", "na de zomer 2027", "vóór 1 juni 2027"
    start: date | None = None
    end: date | None = None
    whole: bool = False  # the text is only the period (with prepositions, articles, "ergens", "rond")
    options: tuple[PeriodReading, ...] = ()  # two readings: the bot asks with buttons
    said: str | None = None  # for saying back: "het 4e kwartaal van 2027, van 1 oktober tot en met 31 december 2027"


_FILLER = {"in", "het", "de", "van", "ergens", "rond", "rondom", "om", "tijdens", "gedurende", "op", "en", "of", "t/m",
           "tm", "tot", "met", "-", "jaar", "maand", "periode", "in de loop van", "loop", "al", "aan", "vanaf", "dan",
           "nog", "wel", "graag", "s", "ongeveer", "zo", "deadline", "per", "jaarplan", "plan", "tussen"}
_UNSURE = re.compile(r"\b(?:misschien|waarschijnlijk|wellicht|mogelijk|denk|hopelijk|liefst|verwacht|schat)\b")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower().replace("’", "'")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", text).strip(" .!?")


def _range(start: date | None, end: date | None) -> str:
    if start is None or end is None:
        return f"vanaf {format_date(start)}" if start else ""
    if start == end:
        return format_date(start)
    first = _babel_date(start, "d MMMM", locale=LOCALE) if start.year == end.year else format_date(start)
    return f"van {first} tot en met {format_date(end)}"


def _label(name: str, y: int) -> str:
    return name.format(y=y, y1=y + 1) if "{y}" in name else f"{name} {y}"


def _reading(pieces: list[_Piece], joins: list[str], y: int, base: date, whole: bool) -> PeriodReading:
    spans, years = [], []
    for i, p in enumerate(pieces):
        py = p.year or y
        if i and not p.year and not p.fixed and p.dates(py)[0] and spans[-1][0] and p.dates(py)[0] < spans[-1][0]:
            py += 1  # "november t/m januari"
        s, e = p.dates(py)
        spans.append((s or base, e))
        years.append(py)
    start = min(s for s, _ in spans)
    ends = [e for _, e in spans if e]
    end = max(ends) if ends else None
    if len(pieces) == 1:
        p = pieces[0]
        label = p.name if p.fixed and "{y}" not in p.name else _label(p.name, years[0])
        said_name = (p.say if p.fixed else _label(p.say, years[0])) if p.say else label
    else:
        same = len(set(years)) == 1 and all("{y}" not in p.name and not p.fixed for p in pieces)
        group = pieces[0].group if same and all(p.group == pieces[0].group and p.short for p in pieces) else ""
        parts = [p.short if group else p.name if same else _label(p.name, py) for p, py in zip(pieces, years, strict=False)]
        text = parts[0] + "".join(f"{',' if j == 'en' and k < len(joins) - 1 else f' {j}'} {part}"
                                  for k, (j, part) in enumerate(zip(joins, parts[1:], strict=False)))
        label = f"{text}{' kwartaal' if group == 'quarter' else ''}{f' {years[0]}' if same else ''}"
        said_name = label
    said = said_name if start == end and start is not None and format_date(start) in label else \
        ", ".join(x for x in (said_name, _range(start, end)) if x)
    return PeriodReading(label, start, end, whole=whole, said=said)


def read_period(text: str, today: date, year: int | None = None) -> PeriodReading:
    """'Q4', 'na de zomer', 'vóór 1 juni', 'begin volgend jaar' -> a label with its year and its dates."""
    t = _fold(text).replace("vóór", "voor")
    pieces, years = _pieces(t, today), _years(t, today)
    if not pieces and not years:
        return PeriodReading(None)
    rest = t
    for a, b in sorted([(p.at, p.to) for p in pieces] + [(a, b) for a, b, _ in years], reverse=True):
        rest = rest[:a] + " " + rest[b:]
    rest = re.sub(r"\b(?:in de loop van|t/m)\b|[,.;:!?()'\"/–-]", " ", rest)
    whole = not _UNSURE.search(rest) and all(w in _FILLER for w in rest.split())
    if not pieces:  # "in 2027", "volgend jaar": the whole year
        y = years[0][2]
        return PeriodReading(str(y), date(y, 1, 1), date(y, 12, 31), whole=whole,
                             said=f"{y}, {_range(date(y, 1, 1), date(y, 12, 31))}")
    for p in pieces:  # a year right after a period belongs to it ("december 2027 en januari 2028")
        after = [y for a, _, y in years if 0 <= a - p.to <= 9 and re.fullmatch(r"\s*(?:van\s*)?", t[p.to:a])]
        p.year = p.year or (after[0] if after else None)
    if len({y for _, _, y in years}) == 1:
        for p in pieces:
            p.year = p.year or years[0][2]
    joins = []
    for a, b in zip(pieces, pieces[1:], strict=False):
        between = re.sub(r"\b(?:20\d\d|het|de|in)\b", " ", t[a.to:b.at]).strip(" ,")
        ranged = re.search(r"t/m|tot|-|–", between) or (not joins and re.search(r"\btussen\s+(?:de\s+|het\s+)?$",
                                                                                 t[: a.at]) and between == "en")
        joins.append("of" if re.search(r"\bof\b", between) else "t/m" if ranged else "en")
    if any(p.from_today for p in pieces):
        year = None
    base_year = year if year is not None else today.year
    if year is None and len(pieces) == 1 and pieces[0].winter and not pieces[0].year and today.month <= 2:
        base_year -= 1  # in January the winter that started in December has not ended
    base = date(year, 1, 1) if year is not None else today
    if "of" in joins or (len(pieces) == 1 and pieces[0].winter and (year is not None or pieces[0].year)):
        if pieces[0].winter:
            y = pieces[0].year or base_year
            pieces = [_Piece(0, 0, _months(1, 2), "januari en februari {y} (winter)"),
                      _Piece(0, 0, _months(12, 12), "december {y} (winter)")]
            pieces[0].year = pieces[1].year = y
        options = tuple(_single([p], year, today, base) for p in pieces)
        return PeriodReading(None, whole=whole, options=options)
    reading = _reading(pieces, joins, base_year, base, whole)
    if year is None and not any(p.year for p in pieces):
        past = _past(reading, today)
        if past > MOSTLY_PAST:  # the next one: this one is (nearly) over
            reading = _reading(pieces, joins, base_year + 1, base, whole)
        elif past > 0 and not any(p.fixed or p.from_today for p in pieces):  # under way: this one or the next?
            later = _reading(pieces, joins, base_year + 1, base, whole)
            return PeriodReading(None, whole=whole, options=(reading, later))
    return reading


MOSTLY_PAST = 2 / 3  # in late November "na de zomer" and "het najaar" mean next year's; "Q4" is asked


def _past(reading: PeriodReading, today: date) -> float:
    """How much of the period has passed on ``today``: 0 before it starts, 1 or more once it has ended."""
    if reading.end is None:
        return 0.0
    if reading.end < today:
        return 1.0
    start = reading.start or today
    if start >= today:
        return 0.0
    return (today - start).days / max((reading.end - start).days, 1)


def _single(pieces: list[_Piece], year: int | None, today: date, base: date) -> PeriodReading:
    y = pieces[0].year or (year if year is not None else today.year)
    reading = _reading(pieces, [], y, base, True)
    if year is None and not pieces[0].year and _past(reading, today) > MOSTLY_PAST:
        reading = _reading(pieces, [], y + 1, base, True)
    return replace(reading, whole=True)
