"""Understanding Dutch answers: numbers, money, years, periods, yes/no and choices.

Every parser returns ``None`` when it does not understand the text; the caller asks again.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from bot import clock
from bot.vocabulary import KINDS_OF_LEARNING, SECTORS

_UNITS = {
    "nul": 0, "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13,
    "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
}
_TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
    "tachtig": 80, "negentig": 90,
}

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
_MONTH_ABBR = {m[:3]: m for m in MONTHS} | {"mrt": "maart", "okt": "oktober"}


def normalize(text: str) -> str:
    """Lower case, accents folded (except where needed), spaces squeezed."""
    text = unicodedata.normalize("NFKC", text or "").strip().lower()
    return re.sub(r"\s+", " ", text)


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def dutch_number_word(word: str) -> int | None:
    """'tweeduizendvijfhonderd' -> 2500, 'vijfentwintig' -> 25, 'achthonderd' -> 800."""
    w = _fold(normalize(word)).replace(" ", "").replace("-", "")
    if not w:
        return None
    return _parse_words(w)


def _parse_words(w: str) -> int | None:
    if w == "":
        return 0
    for big, factor in (("miljoen", 1_000_000), ("duizend", 1000), ("honderd", 100)):
        if big in w:
            left, _, right = w.partition(big)
            left_value = 1 if left == "" else _parse_words(left)
            right = right[2:] if right.startswith("en") and big != "honderd" and right[2:] else right
            right_value = 0 if right == "" else _parse_words(right)
            if left_value is None or right_value is None:
                return None
            return left_value * factor + right_value
    if w in _UNITS:
        return _UNITS[w]
    if w in _TENS:
        return _TENS[w]
    for tens_word, tens_value in _TENS.items():
        if w.endswith(tens_word):
            head = w[: -len(tens_word)]
            if head.endswith("en"):
                unit = head[:-2]
                if unit in _UNITS and 0 < _UNITS[unit] < 10:
                    return tens_value + _UNITS[unit]
    return None


_NUM_RE = re.compile(r"\d[\d.,]*")


def _parse_numeral(token: str) -> float | None:
    """Dutch notation: '2.500' is two thousand five hundred, '2,5' is two and a half."""
    token = token.strip(".,")
    if not token:
        return None
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", token):
        return float(token.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d{1,2})?", token):  # English style 2,500.00
        return float(token.replace(",", ""))
    if re.fullmatch(r"\d+,\d+", token):
        return float(token.replace(",", "."))
    if re.fullmatch(r"\d+\.\d{1,2}", token):
        return float(token)
    if re.fullmatch(r"\d+", token):
        return float(token)
    return None


def parse_number(text: str) -> float | None:
    """A number in digits or Dutch words, with 'k', 'duizend' or 'miljoen' as multiplier."""
    t = normalize(text)
    if not t:
        return None
    t = t.replace("€", " ").replace("eur ", " ")
    t = re.sub(r"\b(euro|eur|ongeveer|circa|ca\.?|zo'n|rond|de|het|in totaal|totaal|maximaal|max\.?)\b", " ", t)
    t = re.sub(r"(\d)\s*k\b", r"\1 duizend", t)
    t = re.sub(r"(\d)\s*m\b", r"\1 miljoen", t)
    match = _NUM_RE.search(t)
    if match:
        value = _parse_numeral(match.group())
        if value is None:
            return None
        rest = t[match.end():].strip()
        if rest.startswith("miljoen"):
            value *= 1_000_000
        elif rest.startswith("duizend"):
            value *= 1000
        elif rest.startswith("honderd"):
            value *= 100
        return value
    words = [w for w in re.split(r"[\s,]+", t) if w]
    # join the words: 'twee duizend vijf honderd' -> 'tweeduizendvijfhonderd'
    joined = "".join(w for w in words if w not in ("en", "ongeveer"))
    value = dutch_number_word(joined) if joined else None
    if value is not None:
        return float(value)
    for w in words:
        value = dutch_number_word(w)
        if value is not None:
            return float(value)
    return None


def parse_money_cents(text: str) -> int | None:
    """'€ 2.500', '2500 euro', 'tweeduizend', '2,5k' -> cents. Negative amounts are refused."""
    if re.search(r"-\s*\d", text or ""):
        return None
    value = parse_number(text)
    if value is None or value < 0 or value > 1_000_000_000:
        return None
    return int(round(value * 100))


_ONLY_AN_AMOUNT = re.compile(r"(?:ongeveer|zo'n|circa|ca\.?|rond)?\s*(?:(?:€|eur|euro)\s*[\d.,]+\s*(?:k|duizend)?(?:,-)?|"
                            r"[\d.,]+\s*(?:k|duizend)?\s*(?:euro|eur|€))(?:\s*(?:per|p\.)\s*\w+)?")


def only_an_amount(text: str) -> bool:
    """'3000 euro', '€ 2.500', '2,5k euro': an amount and nothing else (for a question that asks for a name)."""
    return bool(_ONLY_AN_AMOUNT.fullmatch(normalize(text).strip(" .!?")))


def parse_int(text: str, minimum: int = 0, maximum: int = 10_000_000) -> int | None:
    value = parse_number(text)
    if value is None or value != int(value) or not minimum <= value <= maximum:
        return None
    return int(value)


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


_YES = {"ja", "jazeker", "jawel", "zeker", "klopt", "yes", "ok", "oke", "oké", "prima", "graag", "jep", "ja hoor",
        "ja graag", "ja, graag", "natuurlijk", "goed", "is goed", "doe maar", "ja dat klopt", "yep", "jup"}
_NO = {"nee", "neen", "nope", "no", "niet", "nee hoor", "nee dank je", "nee bedankt", "liever niet", "nog niet",
       "nee, nog niet", "helaas niet", "nee dat klopt niet", "nein"}


def parse_yes_no(text: str) -> bool | None:
    t = normalize(text).strip(" .!?")
    if t in _YES or t.startswith(("ja ", "ja,", "jazeker", "zeker ")):
        return True
    if t in _NO or t.startswith(("nee ", "nee,", "neen")):
        return False
    return None


_HAS = re.compile(r"\b(hebben|heb|hebt|heeft|is|zijn)\s+(er\s+)?(wel|nog|ook)?\s*(een|eentje|twee|drie|meerdere)\b|^wel\b")
_OTHER_BODY = re.compile(r"\bpvt\b|personeelsvertegenwoordiging|medezeggenschapsraad|\bmr\b|personeelsvergadering")
_HAS_NOT = re.compile(r"\b(hebben|heb|hebt|heeft|is|zijn)\s+(er\s+)?(nog\s+|ook\s+)?geen\b|^geen\b")


def parse_yes_no_sentence(text: str) -> bool | None:
    """An answer to a question of an interview such as 'Is er een OR?' or 'Nog een leerdoel?', also as a sentence:
    'wij hebben wel een OR, maar die is nog niet betrokken' is yes, 'we hebben geen OR, wel een PVT' is no.
    Only for such questions: a confirmation (deleting, sharing) asks for the plain word."""
    plain = parse_yes_no(text)
    if plain is not None:
        return plain
    t = normalize(text).strip(" .!?")
    if _OTHER_BODY.search(t) and not re.search(r"\bor\b|ondernemingsraad", t):
        return None  # 'we hebben een PVT' says nothing about an OR
    has, has_not = bool(_HAS.search(t)), bool(_HAS_NOT.search(t))
    return has if has != has_not else None


def match_choice(text: str, choices: dict[str, tuple[str, ...]]) -> str | None:
    """Pick the choice whose synonyms occur in the text (first synonym match wins, longest first)."""
    if text.strip() in choices:  # a button's payload is the choice's key
        return text.strip()
    t = _fold(normalize(text))
    best: tuple[int, str] | None = None
    for key, synonyms in choices.items():
        for syn in synonyms:
            s = _fold(syn.lower())
            if re.search(rf"(?<![a-z]){re.escape(s)}", t):
                if best is None or len(s) > best[0]:
                    best = (len(s), key)
    return best[1] if best else None


KIND_OF_LEARNING_CHOICES: dict[str, tuple[str, ...]] = {k.key: k.words for k in KINDS_OF_LEARNING.values()}
SECTOR_CHOICES: dict[str, tuple[str, ...]] = {s.key: s.words for s in SECTORS.values()}
SECTOR_LABELS = {s.key: s.label for s in SECTORS.values()}

COOPERATION_CHOICES: dict[str, tuple[str, ...]] = {
    "alleen": ("alleen", "zelf", "intern", "eigen organisatie", "niet samen"),
    "samen": ("samen", "met andere", "samenwerking", "gezamenlijk", "regio", "met een school", "met het mbo"),
}

WORKS_COUNCIL_CHOICES: dict[str, tuple[str, ...]] = {
    "ja": ("ja", "betrokken", "zeker", "heeft ingestemd", "instemming"),
    "gepland": ("gepland", "nog niet", "binnenkort", "gaan we doen", "straks", "later"),
    "nee": ("nee", "niet", "niet betrokken", "geen or", "geen ondernemingsraad"),
}

# The POP-gesprek: what was decided about a learning goal, and who pays (bot/storage/models.py DECISIONS, PAYERS)
DECISION_CHOICES: dict[str, tuple[str, ...]] = {
    "afgesproken": ("afgesproken", "akkoord", "eens", "zo doen", "goedgekeurd", "ja", "prima", "doen we"),
    "aangepast": ("aangepast afgesproken", "aangepast", "aanpassen", "met aanpassingen", "aanpassingen", "anders", "veranderd", "gewijzigd",
                  "met een wijziging"),
    "niet_nu": ("niet nu", "later", "niet dit jaar", "volgend jaar", "nee", "afgewezen", "geen", "niet"),
}
PAYER_CHOICES: dict[str, tuple[str, ...]] = {
    "werkgever": ("werkgever", "organisatie", "wij", "de baas", "opleidingsbudget", "budget", "gemeente", "school"),
    "medewerker": ("medewerker", "zelf", "eigen kosten", "ikzelf", "hij zelf", "zij zelf", "eigen geld"),
    "samen": ("samen", "allebei", "beiden", "gedeeld", "deels", "half"),
    "subsidie": ("subsidie", "fonds", "regeling", "a&o", "slim", "stap"),
}
# The evaluation: was a planned activity carried out?
EVALUATION_CHOICES: dict[str, tuple[str, ...]] = {
    "gedaan": ("gedaan", "uitgevoerd", "afgerond", "klaar", "gehouden", "ja", "gelukt"),
    "niet_gedaan": ("niet gedaan", "niet uitgevoerd", "niet doorgegaan", "afgelast", "geschrapt", "nee", "niet"),
    "verschoven": ("verschoven", "uitgesteld", "later", "volgend jaar", "loopt nog", "nog bezig", "bezig"),
}
LABELS_DECISION = {"afgesproken": "afgesproken", "aangepast": "afgesproken met aanpassingen", "niet_nu": "niet nu"}
LABELS_PAYER = {"werkgever": "de werkgever", "medewerker": "de medewerker", "samen": "werkgever en medewerker samen",
                "subsidie": "subsidie of fonds"}
LABELS_EVALUATION = {"gedaan": "gedaan", "niet_gedaan": "niet gedaan", "verschoven": "verschoven"}

SKIP_WORDS = {"geen", "niets", "nvt", "n.v.t.", "niet van toepassing", "weet ik niet", "geen idee", "nee",
              "niks", "sla over", "overslaan", "geen wens", "geen wensen"}


# Words that carry no content of their own: an answer made only of these says nothing ("ja", "weet niet",
# "ok hoor", "iets"). "Teamleider worden", "Coaching" and "Excel" say something.
_EMPTY_WORDS = {"ja", "nee", "ok", "oke", "okay", "okee", "hoor", "weet", "niet", "nie", "ik", "het", "geen", "idee",
                "misschien", "tja", "hmm", "hm", "eh", "uh", "iets", "dingen", "ding", "van", "alles", "niks",
                "niets", "nvt", "wat", "dat", "dit", "de", "een", "en", "of", "zo", "ook", "nog", "goed", "prima",
                "zeker", "mwah", "jawel", "nou", "euh", "test", "bla", "blabla", "xxx", "etc", "enzo", "gewoon"}


def says_nothing(text: str) -> bool:
    """True when an answer carries no meaning: only filler words, one letter, or no letters at all."""
    words = re.findall(r"[a-zà-ÿ]+", normalize(strip_markup(_CODE_RE.sub(" ", text or ""))))
    content = [w for w in words if len(w) >= 2 and w not in _EMPTY_WORDS]
    return not content


_DONT_KNOW = re.compile(r"^(ik )?(weet|wet) (ik |het |ik het |het ik )?(nog |echt |even )?(niet|nie)( precies| zeker| goed)?$|"
                        r"^(geen|gn) (flauw )?idee$|^(nog )?onbekend$|^(nog )?onduidelijk$|^twijfel$|^geen flauw benul$")


def dont_know(text: str) -> bool:
    """"weet ik niet", "weet ik nog niet", "geen idee": no choice at all (never "nee" or "niet nu")."""
    return _DONT_KNOW.match(normalize(text).strip(" .!?,")) is not None


def is_skip(text: str) -> bool:
    return normalize(text).strip(" .!") in SKIP_WORDS


_TAG_RE = re.compile(r"<[^>]*>")


_CODE_RE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def without_control_characters(text: str) -> str:
    """Text without control characters (line breaks and tabs stay): they break XML documents and spreadsheets."""
    return _CONTROL.sub("", text) if isinstance(text, str) else text


def strip_markup(text: str) -> str:
    """Text without HTML-like tags (the text itself is always stored and shown as plain text)."""
    return _TAG_RE.sub(" ", text or "")


def word_count(text: str) -> int:
    """Words with at least one letter, not counting markup."""
    return len([w for w in re.findall(r"[\w'’-]+", strip_markup(text), flags=re.UNICODE)
                if any(c.isalpha() for c in w)])


_ENGLISH = {"the", "is", "this", "what", "i", "my", "you", "and", "of", "to", "it", "with", "for", "are", "be",
            "want", "would", "like", "can", "how", "your", "have", "not", "do", "does", "a", "an", "that", "am"}
_DUTCH = {"de", "het", "een", "ik", "je", "jij", "mijn", "en", "van", "wil", "is", "dat", "niet", "met", "voor",
          "op", "te", "wat", "we", "wij", "ons", "onze", "zijn", "naar", "kan", "meer", "graag", "om", "er", "bij"}


def looks_english(text: str) -> bool:
    """A rough check: mostly English function words and (almost) no Dutch ones."""
    words = re.findall(r"[a-z']+", normalize(text))
    if len(words) < 3:
        return False
    english = sum(w in _ENGLISH for w in words)
    dutch = sum(w in _DUTCH and w not in _ENGLISH for w in words)
    return english >= max(2, len(words) * 0.4) and dutch == 0


def has_deadline(text: str) -> bool:
    t = normalize(text)
    return bool(
        parse_period(t)
        or re.search(r"\b(20\d\d|binnen \w+|voor de zomer|eind|einde|uiterlijk|deadline|over \w+ (maanden|weken|jaar))\b", t)
    )


def has_measurable_result(text: str) -> bool:
    t = normalize(text)
    return bool(re.search(
        r"\b(diploma|certificaat|examen|behaald|gehaald|afgerond|kan ik|zelfstandig|\d+ ?%|\d+ (keer|uur|sessies)|"
        r"meetbaar|resultaat|beoordeling|feedback van)\b", t))
