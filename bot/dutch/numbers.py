"""Amounts of money and counts in Dutch answers, read without guessing.

The numbers of a text, each with what it is, are found by number_words.py (number words through text2num).
What text2num does not do, number_words.py and this module do by hand (tests: tests/unit/test_numbers.py):
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
from dataclasses import dataclass

from bot.dutch.formatting import format_euro, format_number
from bot.dutch.number_words import _PEOPLE, _between, _Num, _Scan, _scan, _whole

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


_NOT_A_HEAD_COUNT = 1000  # a bare number this large, above the price per person, is the total


def _count_times_price(scan: _Scan, pair, prices: list[_Num], amounts: list[_Num]) -> NumberReading:
    """"18 deelnemers à € 400", "€ 400 per persoon, 18 mensen", "400 p.p. en we zijn met 18": count × price.
    Another amount said with it is offered too ("€ 200 voor de zaal": with or without it)."""
    if pair:
        count, price = pair
    else:
        price = prices[0]
        wanted = next((k for k, words in _PER_KIND.items() if re.search(rf"\b(?:{words})", price.per or "")), "people")
        counts = [n for n in scan.nums if n.kind == wanted] or [n for n in scan.nums if n.kind in ("people", "times")] \
            or [n for n in amounts if not n.currency and n.value == int(n.value) and not _a_total(scan, n)
                and not (n.value >= _NOT_A_HEAD_COUNT and n.value > price.value)]  # "achttienduizend, dat is
        # € 1.285 per persoon": a total with the price per person, not 18.000 people (found over make run)
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


def per_unit(reading: NumberReading) -> bool:
    """A price per person, day or place without how many ("€ 650 per persoon"): not a total."""
    return reading.value is not None and bool(reading.how) and re.fullmatch(
        rf"per\s+(?:{'|'.join(_PER_KIND.values())})\w*", reading.how) is not None


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
