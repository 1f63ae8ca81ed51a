"""Plain values in a short Dutch answer: a number, an amount of money, a year, a period's label.

Every parser returns ``None`` when it does not understand the text; the caller asks again. Amounts and counts are
read in numbers.py (number words in number_words.py), periods with their dates in periods.py; these functions give
the value only, without saying how sure it is. `has_deadline` and `has_measurable_result` check whether a learning
goal says when and with what result.
"""

from __future__ import annotations

import re
from datetime import date

from bot import clock
from bot.dutch import number_words, numbers
from bot.dutch.parsing import _fold, normalize

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
_MONTH_ABBR = {m[:3]: m for m in MONTHS} | {"mrt": "maart", "okt": "oktober"}


def dutch_number_word(word: str) -> int | None:
    """'tweeduizendvijfhonderd' -> 2500, 'vijfentwintig' -> 25, 'achthonderd' -> 800 (text2num, in number_words.py)."""
    value = number_words.word_value(_fold(normalize(word)).replace(" ", "").replace("-", "")) if word else None
    return int(value) if value is not None and value == int(value) else None


def parse_number(text: str) -> float | None:
    """A number in digits or Dutch words, with 'k', 'duizend' or 'miljoen' as multiplier (an amount, in euros)."""
    cents = numbers.read_money(text).value
    return None if cents is None else cents / 100


def parse_money_cents(text: str) -> int | None:
    """'€ 2.500', '2500 euro', 'tweeduizend', '2,5k' -> cents; None for a negative amount, a year alone, two amounts.
    The interview reads numbers.read_money itself, which also says what must be said back."""
    return numbers.read_money(text).value


_ONLY_AN_AMOUNT = re.compile(r"(?:ongeveer|zo'n|circa|ca\.?|rond)?\s*(?:(?:€|eur|euro)\s*[\d.,]+\s*(?:k|duizend)?(?:,-)?|"
                            r"[\d.,]+\s*(?:k|duizend)?\s*(?:euro|eur|€))(?:\s*(?:per|p\.)\s*\w+)?")


_AROUND = {"ongeveer", "zo'n", "zon", "circa", "ca", "rond", "ruim", "bijna", "euro", "eur", "iets", "van", "een",
           "stuk", "of"}


def only_an_amount(text: str) -> bool:
    """'3000 euro', '€ 2.500', '2,5k euro': an amount and nothing else (for a question that asks for a name)."""
    flat = normalize(text).strip(" .!?")
    if _ONLY_AN_AMOUNT.fullmatch(flat):
        return True
    # "zo'n drieduizend", "iets van twaalfhonderd euro": an amount in words and nothing else
    words = [w for w in re.findall(r"[a-zà-ÿ']+", flat) if w not in _AROUND]
    return bool(words) and not re.search(r"\d", flat) and all(number_words.word_value(w) is not None for w in words) \
        and numbers.read_money(flat).value is not None and numbers.read_money(flat).value >= 100 * 100


def parse_int(text: str, minimum: int = 0, maximum: int = 10_000_000) -> int | None:
    """A whole number ('ongeveer 800', 'achthonderd', '1.200') between minimum and maximum (numbers.read_count)."""
    value = numbers.read_count(text).value
    return value if value is not None and minimum <= value <= maximum else None


def parse_year(text: str, today: date | None = None) -> int | None:
    today = today or clock.today()
    t = normalize(text)
    match = re.search(r"\b(20\d\d)\b", t)
    if match:
        year = int(match.group(1))
        return year if today.year - 1 <= year <= today.year + 10 else None
    if re.search(r"\b(dit|huidige|lopende) jaar\b", t):
        return today.year
    if re.search(r"\b(volgend|volgende|komend|komende) jaar\b", t):
        return today.year + 1
    return None


_PERIOD_WORDS = [
    (r"\bvoorjaar|lente\b", "voorjaar"),
    (r"\bnajaar|herfst\b", "najaar"),
    (r"\bzomer", "zomer"),
    (r"\bwinter", "winter"),
    (r"\bhele jaar|heel het jaar|doorlopend|het jaar door|jaarrond\b", "het hele jaar"),
    (r"\beerste helft\b", "eerste helft van het jaar"),
    (r"\btweede helft\b", "tweede helft van het jaar"),
]
_QUARTER_WORDS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "1e": 1, "2e": 2, "3e": 3, "4e": 4}


def parse_period(text: str) -> str | None:
    """'in het voorjaar', 'Q3', 'september', 'derde kwartaal' -> a normalized Dutch label."""
    t = normalize(text)
    found: list[str] = []
    for m in re.finditer(r"\b(?:q|kw)\s*([1-4])\b", t):
        found.append(f"{m.group(1)}e kwartaal")
    for m in re.finditer(r"\b(eerste|tweede|derde|vierde|1e|2e|3e|4e) kwartaal\b", t):
        label = f"{_QUARTER_WORDS[m.group(1)]}e kwartaal"
        if label not in found:
            found.append(label)
    for pattern, label in _PERIOD_WORDS:
        if re.search(pattern, t) and label not in found:
            found.append(label)
    for word in re.findall(r"[a-z]+", _fold(t)):
        month = word if word in MONTHS else _MONTH_ABBR.get(word) if len(word) == 3 else None
        if month and month not in found:
            found.append(month)
    if not found:
        return None
    return " en ".join(found) if len(found) <= 3 else ", ".join(found)


def has_deadline(text: str) -> bool:
    t = normalize(text)
    return bool(
        parse_period(t)
        or re.search(r"\b(20\d\d|binnen \w+|voor de zomer|eind|einde|uiterlijk|deadline|over \w+ (maanden|weken|jaar))\b", t)
    )


def has_measurable_result(text: str) -> bool:
    t = normalize(text)
    return bool(re.search(
        r"\b(diploma|certificaat|examen|behaald|gehaald|afgerond|kan ik|zelfstandig|\d+ ?%|meetbaar|resultaat|"
        r"beoordeling)\b", t))  # not "4 uur per week" or "feedback van": what it takes, not how success shows
