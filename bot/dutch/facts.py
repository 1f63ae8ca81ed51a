"""Facts that people give in free text: organisation, CAO, number of employees, age, who pays, what for.

"wij zijn een centrum voor de kunsten met 40 medewerkers onder de CAO Kunsteducatie en willen onze docenten
trainen" holds the type of organisation, the number of employees, the CAO and the purpose. They are used to
fill the subsidy questions and the interviews' organisation questions, so only what is still unknown is
asked. The Rasa component ``rasa_addons.facts.FactsEntityExtractor`` reports them as entities.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace

from bot.dutch import scope
from bot.dutch.formatting import format_number
from bot.dutch.number_words import as_digits
from bot.dutch.parsing import SECTOR_LABELS, normalize
from bot.dutch.values import parse_int
from bot.vocabulary import PURPOSES, SECTORS

# Words for a type of organisation inside a sentence (whole words; "kunst" alone is too vague here): vocabulary.py
SECTOR_WORDS: dict[str, str] = {s.key: s.pattern for s in SECTORS.values()}
CAO_WORDS: dict[str, str] = {
    "gemeenten": r"cao gemeenten|cao van de gemeenten|car-uwo",
    "kunsteducatie": r"cao kunsteducatie|cao kunst-? en cultuureducatie",
}
CAO_LABELS = {"gemeenten": "de Cao Gemeenten", "kunsteducatie": "de Cao Kunsteducatie"}
CAO_SECTOR = {"gemeenten": "gemeente", "kunsteducatie": "kunsteducatie"}
_PEOPLE = (r"medewerkers|werknemers|mensen|man|personeelsleden|collega'?s|docenten|fte|leerkrachten|"
           r"ambtenaren|personen|krachten|banen")
_ABOUT = r"(?:ongeveer|zo'?n|circa|ca\.?|rond(?:om)?|bijna|ruim|meer dan|minder dan|een kleine|plusminus|\+/-)?"

# What the money is for (bot/vocabulary.py). Situations are those of the funding knowledge base; "groep" and
# "loopbaanadvies" are purposes that the matcher scores through the schemes' activity types.
PURPOSE_WORDS: dict[str, str] = {p.key: p.pattern for p in PURPOSES.values() if p.pattern}
# Who pays, read per clause (bot/dutch/scope.py): a paying verb, and the employer or the person as who pays.
_PAYS = (r"\b(?:betaal\w*|betal\w*|vergoed\w*|bekostig\w*|financier\w*|draag\w*|meebetal\w*|schiet\w*\b.*\bvoor|"
         r"voor (?:zijn|haar|hun|onze|de) rekening|op kosten van|uit eigen zak|eigen geld|eigen rekening|"
         r"particulier|(?:doe|doet|doen)\b.{0,20}\bmee)\b")
_EMPLOYER = (r"\b(?:werkge\w*|baas|organisatie|leidinggevende|school|gemeente|bestuur|directie|instelling|"
             r"afdeling|zaak|bedrijf)\b")
_SELF = r"\b(?:zelf|ikzelf|mezelf|mijzelf|uit eigen zak|eigen geld|eigen rekening|particulier)\b|\bik betaal|\bbetaal ik\b"
# "niet mijn werkgever betaalt": that employer is not who pays (the denial is of the payer, not of paying)
_NOT_THIS_PAYER = re.compile(rf"\b(?:niet|geen)\s+(?:mijn|m'n|de|onze|het)?\s*{_EMPLOYER}")
_CARRIES_ON = ("wel", "maar", "dus")  # "..., wel ikzelf": the verb of the clause before goes on

# Asking whether one pays oneself is not saying so: "moet ik dat zelf betalen", "of moet ik dat zelf doen"
_ASKS_WHETHER_SELF = re.compile(r"\b(?:moet|moeten|kan|kunnen|mag|mogen|hoef|hoeven)\s+(?:ik|we|wij|je|u|jij)\b"
                                r"[^.!]{0,40}?\bzelf\b")
# A teacher at a school ("docent", "ik geef les"): a muziekschool or a hogeschool is no school of the lerarenbeurs
_TEACHES = r"\b(docent(e|en)?|ik geef les|geef ik les|geef les|les geven|lesgeven|onderwijzer(es)?)\b"
_SCHOOL = (r"\b(v?mbo|havo|vwo|basisschool|middelbare school|school|scholengemeenschap|lyceum|gymnasium|roc|"
           r"voortgezet onderwijs|basisonderwijs|primair onderwijs|speciaal onderwijs)\b")


@dataclass(frozen=True)
class Facts:
    sector: str | None = None
    employees: int | None = None
    cao: str | None = None
    age: int | None = None
    payer: str | None = None  # "zelf" or "werkgever"
    purposes: frozenset[str] = field(default_factory=frozenset)
    employer_refuses: bool = False  # "mijn werkgever betaalt niet mee": no card that starts with asking the employer

    @property
    def empty(self) -> bool:
        return self == Facts()

    def as_entities(self) -> dict[str, str]:
        """Entity name -> value, as the NLU component reports them."""
        out = {"organisatie_soort": self.sector, "medewerkers": self.employees, "cao": self.cao,
               "leeftijd": self.age, "betaler": self.payer}
        result = {k: str(v) for k, v in out.items() if v is not None}
        if self.purposes:
            result["doel"] = ",".join(sorted(self.purposes))
        if self.employer_refuses:
            result["werkgever_betaalt_niet"] = "ja"
        return result

    @classmethod
    def from_entities(cls, entities: list[dict]) -> Facts:
        values = {e.get("entity"): str(e.get("value")) for e in entities or [] if e.get("value") is not None}
        return cls(sector=values.get("organisatie_soort") if values.get("organisatie_soort") in SECTOR_LABELS else None,
                   employees=_int(values.get("medewerkers")), cao=values.get("cao") if values.get("cao") in CAO_LABELS
                   else None, age=_int(values.get("leeftijd")),
                   payer=values.get("betaler") if values.get("betaler") in ("zelf", "werkgever") else None,
                   purposes=frozenset(p for p in (values.get("doel") or "").split(",")
                                      if p in PURPOSE_WORDS or p == "individueel"),
                   employer_refuses=values.get("werkgever_betaalt_niet") == "ja")


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _find(patterns: dict[str, str], text: str, sentence: _Lazy) -> str | None:
    """The first key whose words occur in the text, said now, of the speaker, not denied: "geen gemeente maar een
    stichting" is no gemeente, "vroeger werkte ik bij de gemeente" is not now, "mijn zus werkt bij ..." is not us."""
    for key, pattern in patterns.items():
        for match in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w])", text):
            s = sentence()
            clause = s.clause_at(match.start())
            if s.denied(match.start()) or s.of_someone_else(match.start()) or \
                    clause is not None and (clause.before or clause.other):
                continue
            return key
    return None


# One-word names of a kind of organisation that a typo may hide ("gemeentte", "bibliotheeek")
_TYPO_PRONE = {"gemeente": "gemeente", "muziekschool": "kunsteducatie", "kunstencentrum": "kunsteducatie",
               "bibliotheek": "overig_publiek", "provincie": "overig_publiek", "waterschap": "overig_publiek",
               "ziekenhuis": "overig_publiek"}


def _misspelt_sector(text: str, sentence: _Lazy) -> str | None:
    """A kind of organisation with one letter too many, too few or swapped, said of the speaker, not denied."""
    for match in re.finditer(r"[a-z]{7,}", text):
        close = difflib.get_close_matches(match.group(0), _TYPO_PRONE, n=1, cutoff=0.88)
        if close and _find({"x": re.escape(match.group(0))}, text, sentence):
            return _TYPO_PRONE[close[0]]
    return None


class _Lazy:
    """The sentence's parse, made at the first question about it (most messages name no fact)."""

    def __init__(self, text: str) -> None:
        self.text, self.read = text, None

    def __call__(self) -> scope.Sentence:
        if self.read is None:
            self.read = scope.read(self.text)
        return self.read


def _payer(text: str, sentence: _Lazy) -> tuple[str | None, bool]:
    """Who pays, and whether the employer does not, from each clause that has a paying verb: "mijn werkgever
    betaalt niet mee" (the person; the employer refuses), "die master wil ik zelf betalen", "niet mijn werkgever
    betaalt, wel ikzelf", "ik hoef het niet zelf te betalen, mijn werkgever betaalt". Questions say nothing."""
    if not re.search(_PAYS, text):
        return None, False
    s = sentence()
    said: list[str] = []
    refuses, paying = False, False
    for clause in s.clauses:
        part = clause.text(text)
        pays = bool(re.search(_PAYS, part))
        paying = pays or paying and clause.words[0][1] in _CARRIES_ON
        if not paying or clause.asked or _ASKS_WHETHER_SELF.search(part):
            continue
        employer = re.search(_EMPLOYER, part) and not _NOT_THIS_PAYER.search(part)
        own = re.search(_SELF, part)
        denied = s.negated(clause) and not _NOT_THIS_PAYER.search(part)
        if employer and not own and denied or employer and own and denied:
            refuses = True
            said.append("zelf")
        elif own and not denied:
            said.append("zelf")
        elif employer and not denied:
            said.append("werkgever")
    payer = "zelf" if refuses else said[-1] if said else None
    return payer, refuses


# "een paar duizend man", "enkele honderden medewerkers": about twice that (said back as "ongeveer")
_A_FEW = r"(?:een )?paar (?:honderd|duizend)|enkele (?:honderden|duizenden)"
_TRAINED = re.compile(r"\b(?:bijscholen|bijscholing|trainen|training|opleiden|opleiding|cursus|scholen|sturen|laten)\b")
_FOR_A_GROUP = re.compile(r"\b(?:voor|iets voor)\s+(?:onze|de|ons|mijn|alle)\s+[a-z'-]+\b|"
                         r"\b(?:traject|training|cursus|opleiding|leiderschapstraject)\w*\b")
_ORGANISATION = "|".join([*SECTOR_WORDS.values(), r"organisatie|dienst|instelling|bedrijf|club|vereniging|stichting"])
_SIZE = re.compile(r"\b(?:hebben|heeft|hebt|zijn|is|werken|werkt|tellen|telt|dienst|personeel|met)\b")


def _employees(text: str, sentence: _Lazy) -> int | None:
    for match in re.finditer(rf"{_ABOUT}\s*({_A_FEW}|\d{{1,3}}(?:\.\d{{3}})+|\d+|[a-z]+)\s+(?:{_PEOPLE})\b", text):
        if re.search(r"\b(voor|aan|groep van|(?:teams?|groepen|klassen|ploegen) van)\s*$", text[:match.start()]):
            continue  # "een training voor 20 medewerkers", "4 teams van 10 mensen": who take part, not all there are
        clause = sentence().clause_at(match.start())
        if clause is not None:
            part = clause.text(text)
            sized = _SIZE.search(part) or re.search(rf"\b(?:{_ORGANISATION})\b", text[clause.start:match.start()])
            if clause.other or (_TRAINED.search(part) or _FOR_A_GROUP.search(text)) and not sized:
                continue  # "in 2026 willen we 40 collega's laten bijscholen", "voor onze teamleiders, een stuk of
                # acht mensen, die ...": who are trained, not how many work there
        few = re.fullmatch(_A_FEW, match.group(1))
        number = 2 * (1000 if "duizend" in few.group(0) else 100) if few else \
            parse_int(match.group(1), minimum=1, maximum=1_000_000)
        if number is not None:
            return number
    # "we zijn met ongeveer 400", "wij zijn met z'n twintigen": the number of people who are "we"
    match = re.search(rf"\b(?:we|wij) zijn (?:hier |nu |bij ons )?met (?:z'?n |ons )?{_ABOUT}\s*(\d{{1,3}}(?:\.\d{{3}})+|\d+|"
                      rf"[a-z]+?)(?:en)?\b(?!\s*(?:jaar|euro|procent|%|uur|teams|afdelingen|locaties|vestigingen))", text)
    if match:
        return parse_int(match.group(1), minimum=1, maximum=1_000_000)
    return None


def _age(text: str) -> int | None:
    text = as_digits(text)  # "ik ben tweeënvijftig"
    patterns = (r"\bik ben (\d{2})(?: jaar)?\b(?! (?:medewerkers|werknemers|mensen|uur|euro))",
                r"\b(\d{2}) jaar oud\b", r"\bleeftijd (?:is |van )?(\d{2})\b", r"\bals (\d{2})-jarige\b",
                r"\bben (?:al |bijna )?(\d{2}) jaar\b", r"\bik word (?:\w+ \w+ )?(\d{2})\b(?! (?:medewerkers|euro))",
                r"\ben ben (\d{2})\b(?! (?:jaar geleden|medewerkers|uur|euro))")
    for pattern in patterns:
        match = re.search(pattern, text)
        if match and 15 <= int(match.group(1)) <= 80:
            return int(match.group(1))
    return None


def extract(text: str) -> Facts:
    """The facts in ``text``; what is not there stays None (or empty)."""
    t = normalize(text)
    if not t:
        return Facts()
    sentence = _Lazy(t)
    cao = _find(CAO_WORDS, t, sentence)
    sector = _find(SECTOR_WORDS, t, sentence) or (CAO_SECTOR[cao] if cao else None) or _misspelt_sector(t, sentence)
    payer, refuses = _payer(t, sentence)
    purposes = {key for key, pattern in PURPOSE_WORDS.items() if re.search(rf"(?<![\w])(?:{pattern})", t)}
    if "leraar" not in purposes and re.search(_TEACHES, t) and re.search(_SCHOOL, t):
        purposes.add("leraar")  # "ik ben docent op een vmbo-school", "ik geef les op een middelbare school"
    if "zzp" in purposes and not any(not sentence().denied(m.start()) and sentence().stated(m.start())
                                     for m in re.finditer(PURPOSE_WORDS["zzp"], t)):
        purposes.discard("zzp")  # "ik ben geen zzp'er", "niet als freelancer", "mijn zus is zzp'er"
    if "zzp" in purposes and re.search(r"\b(een|onze|die|de|hun|zijn|haar)\s+(zzp\S*|freelancers?|zelfstandigen?)\b", t) and not \
            re.search(rf"\b(ik ben|ben ik|als|werk als)\s+(een\s+)?(?:{PURPOSE_WORDS['zzp']})", t):
        purposes.discard("zzp")  # "ik huur een zzp-docent in": someone else works for themselves
    if payer == "zelf" or "zzp" in purposes:
        purposes.add("individueel")
    if "zzp" in purposes and sector == "privaat":
        sector = None  # "mijn eigen bedrijf" is no employer
    return Facts(sector=sector, employees=_employees(t, sentence), cao=cao, age=_age(t), payer=payer,
                 purposes=frozenset(purposes), employer_refuses=refuses)


def employer_refuses(text: str) -> bool:
    """"mijn werkgever betaalt niet mee": no card that starts with asking the employer."""
    return extract(text).employer_refuses


def merge(first: Facts, then: Facts) -> Facts:
    """Facts of two messages together; the later message wins where both say something."""
    return Facts(sector=then.sector or first.sector, employees=then.employees or first.employees,
                 cao=then.cao or first.cao, age=then.age or first.age, payer=then.payer or first.payer,
                 purposes=first.purposes | then.purposes,
                 employer_refuses=then.employer_refuses or first.employer_refuses and then.payer != "werkgever")


SECTOR_PHRASES = {s.key: s.phrase for s in SECTORS.values()}
PURPOSE_PHRASES = {p.key: p.said for p in PURPOSES.values()}


def sentence(facts: Facts) -> str | None:
    """What was understood, in one or two short sentences; None when nothing was."""
    parts: list[str] = []
    if facts.age:
        parts.append(f"je bent {facts.age} jaar")
    if "zzp" in facts.purposes:
        parts.append("je werkt als zelfstandige (zzp'er)")
    if facts.payer:
        parts.append("je betaalt de opleiding zelf" if facts.payer == "zelf" else "je werkgever betaalt")
    if facts.sector or facts.employees:
        org = SECTOR_PHRASES.get(facts.sector or "", "een organisatie")
        if facts.employees:
            org += f" met ongeveer {format_number(facts.employees)} mensen"
        parts.append("je werkt bij " + org)
    if facts.cao:
        parts.append(f"onder {CAO_LABELS[facts.cao]}")
    purposes = [PURPOSE_PHRASES[p] for p in sorted(facts.purposes) if p != "zzp"
                and (p != "individueel" or not facts.payer and "zzp" not in facts.purposes)]
    sentences = []
    if parts:
        first = ", ".join(parts[:-1]) + (" en " if len(parts) > 1 and not parts[-1].startswith("onder") else
                                         ", " if len(parts) > 1 else "") + parts[-1]
        sentences.append(first[0].upper() + first[1:] + ".")
    if purposes:
        sentences.append("Het gaat om " + " en ".join(purposes) + ".")
    return " ".join(sentences) or None


def about_us(facts: Facts, known_sector: str | None) -> Facts:
    """The facts of a message about one's own organisation: a sector the organisation is known to have decides, so
    "we werken samen met een ROC" does not make a gemeente a school."""
    if known_sector and facts.sector and facts.sector != known_sector:
        return replace(facts, sector=None)
    return facts


# -- a message that only says who or what the organisation is ------------------------------------------------
_US = frozenset({"we", "wij", "ik", "ons", "onze"})
_STATEMENT_WORDS = _US | frozenset({
    "zijn", "is", "ben", "werk", "werken", "werkt", "vallen", "val", "onder", "bij",
    "een", "de", "het", "hier", "gewoon", "eigenlijk", "trouwens", "overigens", "hoor", "he", "hè", "toch", "dus",
    "nee", "ja", "maar", "wel", "al", "en", "met", "van", "in", "dienst", "organisatie", "cao", "z'n", "zo'n",
    "ongeveer", "circa", "ruim", "bijna", "rond", "zowat", "man", "mensen", "medewerkers", "werknemers", "collega's",
    "personeelsleden", "fte", "docenten", "als", "sorry", "oh", "o", "nou", "even", "voor",
    "duidelijkheid", "kleine", "klein", "grote", "groot", "middelgrote", "gewone"})


def only_about_us(text: str) -> Facts | None:
    """The facts of a message that says nothing but what the person's organisation is ("we zijn een gemeente
    hoor, geen omgevingsdienst", "wij zijn trouwens een muziekschool met 40 man"): a remark at an open question,
    not its answer. None when the message says anything else, or names no kind, size or CAO of its own."""
    t = normalize(text)
    facts = extract(t)
    if not (facts.sector or facts.employees or facts.cao) or len(t) > 200:
        return None
    words = re.findall(r"[\w'’-]+", t)
    if not _US & set(words) or not any(w in ("zijn", "is", "ben", "werk", "werken", "werkt", "vallen", "val")
                                        for w in words):
        return None
    fact_spans = [m.span() for pattern in (*SECTOR_WORDS.values(), *CAO_WORDS.values())
                  for m in re.finditer(rf"\b(?:{pattern})\b", t)]
    position, denied = 0, False
    for word in words:
        start = t.index(word, position)
        position = start + len(word)
        if denied:  # "geen omgevingsdienst", "niet een school": the word that is denied
            denied = word in ("een", "de", "het", "bij")
            continue
        if word in ("geen", "niet"):
            denied = True
            continue
        if word in _STATEMENT_WORDS or any(a <= start < b for a, b in fact_spans) \
                or parse_int(word, minimum=1, maximum=1_000_000) is not None:
            continue
        return None
    return facts
