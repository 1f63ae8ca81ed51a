"""Understanding Dutch answers: yes/no, choices, and answers that say nothing; plain-text checks.

Every parser returns ``None`` when it does not understand the text; the caller asks again. Numbers, money, years
and period labels are read in values.py; amounts and counts in numbers.py, periods with their dates in periods.py;
the `read_...` functions also say how sure a reading is, so that the interview says back what it did not read as
the whole answer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.vocabulary import KINDS_OF_LEARNING, SECTORS


def normalize(text: str) -> str:
    """Lower case, accents folded (except where needed), spaces squeezed."""
    text = unicodedata.normalize("NFKC", text or "").strip().lower()
    return re.sub(r"\s+", " ", text)


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


_STRETCHED = re.compile(r"^(ja|nee)[ae]+\b")
_YES = {"ja", "jazeker", "jawel", "zeker", "klopt", "yes", "ok", "oke", "oké", "prima", "graag", "jep", "ja hoor",
        "ja graag", "ja, graag", "natuurlijk", "goed", "is goed", "doe maar", "ja dat klopt", "yep", "jup"}
_NO = {"nee", "neen", "nope", "no", "niet", "nee hoor", "nee dank je", "nee bedankt", "liever niet", "nog niet",
       "nee, nog niet", "helaas niet", "nee dat klopt niet", "nein"}


def parse_yes_no(text: str) -> bool | None:
    t = _STRETCHED.sub(lambda m: m.group(1), normalize(text).strip(" .!?"))  # "jaa", "jaaa!", "neee"
    if re.match(r"(zeker|klopt|natuurlijk|graag|echt) niet\b", t):  # "zeker niet" is no
        return False
    if t in _YES or t.startswith(("ja ", "ja,", "jazeker", "zeker ")):
        return True
    if t in _NO or t.startswith(("nee ", "nee,", "neen")):
        return False
    return None


_HAS = re.compile(r"\b(hebben|heb|hebt|heeft|is|zijn)\s+(er\s+)?(wel|nog|ook)?\s*(een|eentje|twee|drie|meerdere)\b|^wel\b")
_OTHER_BODY = re.compile(r"\bpvt\b|personeelsvertegenwoordiging|medezeggenschapsraad|\bmr\b|personeelsvergadering")
_HAS_NOT = re.compile(r"\b(hebben|heb|hebt|heeft|is|zijn)\s+(er\s+)?(nog\s+|ook\s+)?geen\b|^geen\b")
_LEAD = re.compile(r"^(?:(ja|jazeker|jawel|jep|jup|yes|yep|klopt|zeker|natuurlijk|graag)|(nee|neen|nope))"
                   r"(?:[\s,.!:;-]+(niet\b)?|$)", re.I)


def parse_yes_no_sentence(text: str) -> bool | None:
    """An answer to a question of an interview such as 'Is er een OR?' or 'Nog een leerdoel?', also as a sentence:
    'wij hebben wel een OR, maar die is nog niet betrokken' is yes, 'we hebben geen OR, wel een PVT' is no.
    Only for such questions: a confirmation (deleting, sharing) asks for the plain word."""
    if dont_know(text):  # "geen idee" is no "geen"
        return None
    plain = parse_yes_no(text)
    if plain is not None:
        return plain
    t = normalize(text).strip(" .!?")
    lead = _LEAD.match(t)
    if lead:  # "klopt, maar het is 8000", "zeker, een cursus Excel"
        return bool(lead.group(1)) and not lead.group(3)
    if _OTHER_BODY.search(t) and not re.search(r"\bor\b|ondernemingsraad", t):
        return None  # 'we hebben een PVT' says nothing about an OR
    has, has_not = bool(_HAS.search(t)), bool(_HAS_NOT.search(t))
    return has if has != has_not else None


_FILLER = re.compile(r"^(?:[\s,.!:;-]+|(?:en|maar|hoor|graag|dat klopt|klopt|dank je(?: wel)?|bedankt|natuurlijk|"
                     r"zeker|inderdaad|want|dus)\b)+", re.I)


def split_yes_no(text: str) -> tuple[bool | None, str]:
    """A yes or no with the details that come with it: "ja, en die is al betrokken" -> (True, "die is al betrokken"),
    "we hebben geen OR, wel een PVT" -> (False, "wel een PVT"). The boolean is parse_yes_no_sentence's."""
    value = parse_yes_no_sentence(text)
    flat = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "")).strip()
    if value is None:
        return None, "" if dont_know(flat) else flat
    lead = re.match(r"^(?:ja(?:zeker|wel)?|jep|jup|yes|yep|klopt|zeker|natuurlijk|graag|nee|neen|nope)"
                    r"(?:\s+(?:hoor|graag|dat klopt|dank je|bedankt))?(?:[\s,.!:;-]+(?:(?:natuurlijk|zeker|echt|helemaal|absoluut)\s+)?niet\b)?"
                    r"(?=[\s,.!:;-]|$)", flat, re.I)
    if lead:
        rest = flat[lead.end():]
    else:  # "wij hebben wel een OR maar die is nog niet betrokken": the rest after the clause with the yes or no
        clause = (_HAS if value else _HAS_NOT).search(flat.lower())
        after = flat[clause.end():] if clause else ""
        separator = re.search(r",|;|\s(?:maar|en|want|dus)\s", after)
        rest = after[separator.start():] if separator else ""
    return value, _FILLER.sub("", rest).strip(" .!?")


def match_choice(text: str, choices: dict[str, tuple[str, ...]]) -> str | None:
    """Pick the choice whose synonyms occur in the text (first synonym match wins, longest first)."""
    if text.strip() in choices:  # a button's payload is the choice's key
        return text.strip()
    t = _fold(normalize(text))
    best: tuple[int, str] | None = None
    for key, synonyms in choices.items():
        for syn in synonyms:
            s = _fold(syn.lower())
            if re.search(rf"(?<![a-z]){re.escape(s)}" + (r"(?![a-z])" if len(s) <= 3 else ""), t):
                if best is None or len(s) > best[0]:
                    best = (len(s), key)
    return best[1] if best else None


@dataclass(frozen=True)
class ChoiceReading:
    value: str | None  # the choice key
    whole: bool = False  # the text is a key, a synonym or a button title, and nothing more
    options: tuple[str, ...] = ()  # two choices fit (ask with buttons)


def _plain(text: str) -> str:
    return re.sub(r"[\s,.!?;:]+", " ", _fold(normalize(text))).strip()


def read_choice(text: str, choices: dict[str, tuple[str, ...]]) -> ChoiceReading:
    """Like match_choice, but honest: "niet doorgegaan" and "nog niet betrokken" are read with their negation, and
    words that fit two choices give options. Short synonyms must be whole words ("ja" is not in "jaar"); longer
    ones may start a compound ("samenwerking" in "samenwerkingsverband")."""
    if text.strip() in choices:  # a button's payload is the choice's key
        return ChoiceReading(text.strip(), whole=True)
    if dont_know(text):  # "weet ik niet" is no "niet"
        return ChoiceReading(None)
    t = _plain(text)
    either = EITHER.get(frozenset(choices), {})
    found: list[tuple[int, int, tuple[str, ...], str]] = []  # start, end, keys, synonym
    for keys, synonyms in [((k,), syns) for k, syns in choices.items()] + [(v, (p,)) for p, v in either.items()]:
        for syn in synonyms:
            s = _plain(syn)
            # three letters only as a whole word ("wet" is not in "weten", "vak" not in "vakantie")
            tail = "" if len(s) >= 5 else r"(?:s|'s)?(?![a-z0-9])" if len(s) <= 3 else r"(?:e|en|s|'s|n)?(?![a-z0-9])"
            for m in re.finditer(rf"(?<![a-z0-9]){re.escape(s)}{tail}", t):
                found.append((m.start(), m.end(), either.get(s, keys), s))
    found = [f for f in found if not any(o[0] <= f[0] and f[1] <= o[1] and o[1] - o[0] > f[1] - f[0] for o in found)]
    found = [f for f in found if re.match(r"(?:niet|geen|nooit|nog niet)\b", f[3])
             or not _NEGATION.search(t[: f[0]])]  # "niet gelukt": not 'gelukt'
    strong = [f for f in found if f[3] not in _WEAK]
    if not strong and len(t.split()) > 5:  # "dat was geen antwoord op je vraag": one weak word in a long sentence
        return ChoiceReading(None)
    strong = strong or found
    singles = {f[2][0] for f in strong if len(f[2]) == 1}
    keys = singles if len(singles) == 1 else singles | {k for f in strong for k in f[2]}
    if any(f[3] in _PARTLY for f in strong):  # "gedeeltelijk uitgevoerd": partly is not done, asked with buttons
        keys = {k for f in strong for k in f[2]}
    ordered = tuple(k for k in choices if k in keys)
    if not ordered:
        return ChoiceReading(None)
    if len(ordered) > 1:
        return ChoiceReading(None, options=ordered)
    whole = any(t == _plain(x) for x in (ordered[0], ordered[0].replace("_", " "), *choices[ordered[0]]))
    return ChoiceReading(ordered[0], whole=whole)


KIND_OF_LEARNING_CHOICES: dict[str, tuple[str, ...]] = {k.key: k.words for k in KINDS_OF_LEARNING.values()}
SECTOR_CHOICES: dict[str, tuple[str, ...]] = {s.key: s.words for s in SECTORS.values()}
SECTOR_LABELS = {s.key: s.label for s in SECTORS.values()}

COOPERATION_CHOICES: dict[str, tuple[str, ...]] = {
    "alleen": ("alleen", "zelf", "intern", "eigen organisatie", "niet samen", "alleen wij", "in ons eentje",
               "op eigen houtje", "zelfstandig", "met eigen mensen", "in eigen huis", "incompany", "in-company",
               "geen samenwerking", "zonder anderen"),
    "samen": ("samen", "met andere", "samenwerking", "gezamenlijk", "regio", "met een school", "met het mbo",
              "samen met andere organisaties", "buurgemeente", "andere gemeenten", "met twee", "met drie",
              "partner", "met een roc", "met het roc", "met een hogeschool", "met de buren", "consortium",
              "samen met"),
}

WORKS_COUNCIL_CHOICES: dict[str, tuple[str, ...]] = {
    "ja": ("ja", "betrokken", "zeker", "heeft ingestemd", "instemming gekregen", "instemming gegeven", "ingestemd",
           "instemming verleend", "akkoord", "positief advies",
           "advies gegeven", "ja, de or is betrokken", "meegepraat", "meegedacht", "besproken met de or",
           "al besproken", "is betrokken"),
    "gepland": ("gepland", "nog niet", "binnenkort", "gaan we doen", "straks", "later", "nog niet, wel gepland",
                "nog niet, maar dat is gepland", "gaan we", "doen we", "na de zomer", "volgende vergadering",
                "op de agenda", "ingepland", "komt nog", "moet nog", "voorleggen"),
    "nee": ("nee", "niet", "niet betrokken", "geen or", "geen ondernemingsraad", "niet nodig"),
}

# The POP-gesprek: what was decided about a learning goal, and who pays (bot/storage/models.py DECISIONS, PAYERS)
DECISION_CHOICES: dict[str, tuple[str, ...]] = {
    "afgesproken": ("afgesproken", "akkoord", "eens", "zo doen", "goedgekeurd", "ja", "prima", "doen we",
                    "gaan we doen", "zoals voorgesteld", "toegezegd", "is goed", "zo afgesproken"),
    "aangepast": ("aangepast afgesproken", "aangepast", "aanpassen", "met aanpassingen", "aanpassingen", "anders",
                  "veranderd", "gewijzigd", "met een wijziging", "afgesproken met aanpassingen", "aanpassing",
                  "in aangepaste vorm", "iets anders", "een andere", "goedkoper", "korter", "kleiner"),
    "niet_nu": ("niet nu", "later", "niet dit jaar", "volgend jaar", "nee", "afgewezen", "geen", "niet", "nu niet",
                "even niet", "uitgesteld", "geparkeerd", "parkeren", "on hold", "niet akkoord", "niet goedgekeurd"),
}
PAYER_CHOICES: dict[str, tuple[str, ...]] = {
    "werkgever": ("werkgever", "organisatie", "wij", "de baas", "opleidingsbudget", "budget", "gemeente", "school",
                  "betalen we zelf", "betalen wij zelf", "doen we zelf", "wij betalen", "we betalen", "betalen we",
                  "betalen wij", "ons budget", "de zaak", "het bedrijf", "vergoed"),
    "medewerker": ("medewerker", "zelf", "eigen kosten", "ikzelf", "hij zelf", "zij zelf", "eigen geld",
                   "betaalt ze zelf", "eigen rekening", "eigen zak", "privé", "prive", "betaalt de medewerker"),
    "samen": ("samen", "allebei", "beiden", "gedeeld", "deels", "half", "werkgever en medewerker samen",
              "fifty-fifty", "fifty fifty", "50/50", "50-50", "ieder de helft", "half om half", "de helft", "delen"),
    "subsidie": ("subsidie", "fonds", "regeling", "a&o", "slim", "stap", "subsidie of fonds", "sectorfonds", "esf",
                 "o&o"),
}
# The evaluation: was a planned activity carried out?
EVALUATION_CHOICES: dict[str, tuple[str, ...]] = {
    "gedaan": ("gedaan", "uitgevoerd", "afgerond", "klaar", "gehouden", "ja", "gelukt", "doorgegaan", "is geweest",
               "geweest", "gehaald", "behaald", "voltooid", "gegeven", "plaatsgevonden", "gevolgd"),
    "niet_gedaan": ("niet gedaan", "niet uitgevoerd", "niet doorgegaan", "afgelast", "geschrapt", "nee", "niet",
                    "ging niet door", "gaat niet door", "gecanceld", "gecanceled", "gecancelled", "geannuleerd",
                    "afgeblazen", "vervallen", "er niet van gekomen", "niet aan toegekomen", "niet gelukt"),
    "verschoven": ("verschoven", "uitgesteld", "later", "volgend jaar", "loopt nog", "nog bezig", "bezig",
                   "doorgeschoven", "geschoven", "opgeschoven", "verplaatst", "gestart", "begonnen", "nog niet klaar",
                   "nog niet af", "nog niet afgerond", "in uitvoering", "lopend", "nog gaande", "komt nog"),
}
# Words that fit two choices of one table equally (the table is known by its keys): the bot asks with buttons.
EITHER: dict[frozenset[str], dict[str, tuple[str, ...]]] = {
    frozenset(EVALUATION_CHOICES): {
        "half": ("gedaan", "verschoven"), "deels": ("gedaan", "verschoven"), "gedeeltelijk": ("gedaan", "verschoven"),
        "half gedaan": ("gedaan", "verschoven"), "voor de helft": ("gedaan", "verschoven"),
        "niet helemaal": ("gedaan", "verschoven"), "een deel": ("gedaan", "verschoven"),
        "nog niet": ("niet_gedaan", "verschoven")},
    frozenset(WORKS_COUNCIL_CHOICES): {"nog niet betrokken": ("gepland", "nee")},
    frozenset(PAYER_CHOICES): {"zelf": ("werkgever", "medewerker"), "betalen ze zelf": ("werkgever", "medewerker")},
}
_PARTLY = {"half", "deels", "gedeeltelijk", "half gedaan", "voor de helft", "niet helemaal", "een deel"}
# Generic words: they decide only when nothing more telling is said ("ja, met aanpassingen" is aangepast).
# words that say little on their own: a more telling word beside them decides ("dat betalen we uit de subsidie")
_WEAK = {"ja", "nee", "niet", "geen", "zeker", "prima", "eens", "later", "akkoord", "samen", "half", "budget", "wij",
         "we betalen", "betalen we", "wij betalen", "betalen wij"}
_NEGATION = re.compile(r"\b(?:niet|geen|nooit)\s+(?:\w+\s+)?$")
LABELS_DECISION = {"afgesproken": "afgesproken", "aangepast": "afgesproken met aanpassingen", "niet_nu": "niet nu"}
LABELS_PAYER = {"werkgever": "de werkgever", "medewerker": "de medewerker", "samen": "werkgever en medewerker samen",
                "subsidie": "subsidie of fonds"}
LABELS_EVALUATION = {"gedaan": "gedaan", "niet_gedaan": "niet gedaan", "verschoven": "verschoven"}

SKIP_WORDS = {"geen", "niets", "nvt", "n.v.t.", "niet van toepassing", "weet ik niet", "geen idee", "nee",
              "niks", "sla over", "overslaan", "geen wens", "geen wensen", "skip", "skippen", "sla maar over",
              "laat leeg", "leeg laten", "leeg", "deze sla ik over", "die sla ik over", "pas"}


# Words that carry no content of their own: an answer made only of these says nothing ("ja", "weet niet",
# "ok hoor", "iets"). "Teamleider worden", "Coaching" and "Excel" say something.
_EMPTY_WORDS = {"ja", "nee", "ok", "oke", "okay", "okee", "hoor", "weet", "niet", "nie", "ik", "het", "geen", "idee",
                "misschien", "tja", "hmm", "hm", "eh", "uh", "iets", "dingen", "ding", "van", "alles", "niks",
                "niets", "nvt", "wat", "dat", "dit", "de", "een", "en", "of", "zo", "ook", "nog", "goed", "prima",
                "zeker", "mwah", "jawel", "nou", "euh", "test", "bla", "blabla", "xxx", "etc", "enzo", "gewoon",
                "eentje", "één", "meer", "erbij", "graag", "maar", "toevoegen", "bedankt", "dank", "dankje",
                "dankjewel", "thanks", "top", "super", "fijn", "mooi", "klopt", "correct", "precies", "inderdaad",
                "akkoord", "juist"}


def says_nothing(text: str) -> bool:
    """True when an answer carries no meaning: only filler words, one letter, or no letters at all. A number with
    letters or a year says something: "Q3", "2027", "week 12"."""
    words = re.findall(r"[a-zà-ÿ0-9]+", normalize(strip_markup(_CODE_RE.sub(" ", text or ""))))
    content = [w for w in words if (len(w) >= 2 or w.isdigit()) and w not in _EMPTY_WORDS
               and not (w.isdigit() and len(w) < 2)]
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


_CODE = re.compile(r";\s*--|\b(?:drop|truncate|alter)\s+table\b|\bselect\s+\*?\s*\w*\s*from\b|\bunion\s+select\b|"
                   r"\bdelete\s+from\b|\binsert\s+into\b|'\s*or\s+'?1'?\s*=\s*'?1|<\s*script\b|\$\{|\{\{|"
                   r"\bjavascript:", re.I)


def looks_like_code(text: str) -> bool:
    """Commands for a database or a web page ("'; drop table pops;--", "<script>"): no answer in words."""
    return _CODE.search(text or "") is not None


def looks_english(text: str) -> bool:
    """A rough check: mostly English function words and (almost) no Dutch ones."""
    words = re.findall(r"[a-z']+", normalize(text))
    if len(words) < 3:
        return False
    english = sum(w in _ENGLISH for w in words)
    dutch = sum(w in _DUTCH and w not in _ENGLISH for w in words)
    return english >= max(2, len(words) * 0.4) and dutch == 0
