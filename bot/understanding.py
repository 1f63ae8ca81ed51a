"""Answer or request: the one decision for every message typed while a question is open.

A message is a *request* ("stop", "welke subsidies passen?", "verwijder mijn gegevens") or the *answer* to
the question the person saw. The decision uses three things together (docs/dialogue.md):

1. the NLU's intent ranking, which includes the intent ``antwoord`` learned from realistic answers that
   contain the words of requests ("Beleidsmedewerker subsidies", "Meer weten over het verwijderen van
   persoonsgegevens");
2. the question that is open: a valid answer to a closed question (a choice, a number, yes/no) is an answer;
3. the form of the message: a request asks (a question), orders (an imperative aimed at the bot) or
   wishes something of the bot ("ik wil mijn gegevens verwijderen"); an answer states or names something.

Requests that leave or destroy (deleting data, starting over, another interview, the subsidy search) need an
explicit request form. When the NLU and the form disagree on a short message, the bot asks with buttons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot import requests
from bot.dutch.parsing import normalize, word_count
from bot.requests import REQUESTS

MIN_CONFIDENCE = 0.6
MAX_COMMAND_WORDS = 12

# Exact phrases that are always a command, whatever the NLU says.
EXACT: dict[str, str] = {
    "stop": "stoppen", "stoppen": "stoppen", "pauze": "stoppen", "later verder": "stoppen", "pauzeer": "stoppen",
    "ga verder": "hervatten", "verder": "hervatten", "doorgaan": "hervatten", "hervatten": "hervatten",
    "terug": "terug", "vorige": "terug", "vorige vraag": "terug", "ga terug": "terug",
    "wat heb ik ingevuld": "toon_antwoorden", "overzicht": "toon_antwoorden", "samenvatting": "toon_antwoorden",
    "mijn antwoorden": "toon_antwoorden",
    "waarom vraag je dit": "waarom_vraag", "waarom": "waarom_vraag", "waarom vraag je dat": "waarom_vraag",
    "opnieuw beginnen": "opnieuw_beginnen", "begin opnieuw": "opnieuw_beginnen", "reset": "opnieuw_beginnen",
    "help": "help", "hulp": "help",
    "wat bedoel je": "verduidelijking", "wat bedoel je daarmee": "verduidelijking", "hoe bedoel je": "verduidelijking",
    "wat bedoelt u": "verduidelijking", "hoe ver ben ik": "voortgang", "hoeveel vragen nog": "voortgang",
    "zet het terug": "terugzetten", "zet het maar terug": "terugzetten", "terugzetten": "terugzetten",
    "maak dat ongedaan": "terugzetten",
    "laat maar": "hervatten", "laat maar zitten": "hervatten", "toch niet": "hervatten",
}

# What each request needs (evidence, length, whether it leaves or is handed off) lives in the registry
# (bot/requests.py); these views of it are what the decision below reads.
EVIDENCE: dict[str, str] = {r.intent: r.evidence for r in REQUESTS}
MAX_WORDS: dict[str, int] = {r.intent: r.max_words for r in REQUESTS}

# Starting another interview also needs a verb: "strategisch" alone is an answer, not a command.
_START_VERB = r"\b(wil|wilt|start|starten|begin|beginnen|maken|voorbereiden|invullen|doen|werken|naar|gaan)\b"

ANSWER = "antwoord"  # the learned intent of answers (data/nlu/antwoorden.yml); "/antwoord" is the answer button
COMMANDS = set(EVIDENCE)
HANDOFF = {r.intent for r in REQUESTS if r.handoff}
LEAVING = {r.intent for r in REQUESTS if r.leaves}
PHRASE_OK = {r.intent for r in REQUESTS if r.phrase_ok}

# -- the form of a message ------------------------------------------------------------------------------
_PRONOUNS = r"(ik|je|jij|jullie|u|we|wij|ze|zij|hij|men|er|mijn|ons|onze|de|het|een|dit|dat|deze|die)"
_WH = r"(wat|welke|welk|hoe|hoeveel|waar|waarom|waarvoor|waarmee|wanneer|wie)"
_V1 = (r"(kan|kun|kunt|kunnen|mag|mogen|moet|moeten|wil|wilt|willen|zou|zouden|heb|hebt|heeft|hebben|is|zijn|"
       r"bestaat|bestaan|geldt|gelden|krijg|krijgen|weet|ken|past|passen|doe|doen)")
# Verbs of what the bot does for a person, as an order or an infinitive ("download mijn pop", "pop downloaden").
_ORDER = (r"(zoek|toon|laat|geef|stuur|download|verwijder|wis|stop|start|begin|ga|deel|open|help|exporteer|print|"
          r"vergeet|pauzeer|wijzig|verander|corrigeer|trek|verberg|maak|vertel|leg|noem|bekijk|herstel)")
_ORDER_OBJECT = (r"(me|mij|ons|mijn|onze|het|de|alles|al|alle|dit|dat|nu|maar|even|eens|opnieuw|terug|verder|"
                 r"uit|weg|welke|wat|hoe|over)")
_BOT_INFINITIVE = (r"(zoeken|opzoeken|vinden|downloaden|verwijderen|wissen|stoppen|pauzeren|beginnen|starten|delen|"
                   r"bekijken|zien|tonen|inzien|printen|exporteren|invullen|opslaan|hervatten|wijzigen|aanpassen|"
                   r"veranderen|corrigeren|intrekken|krijgen|hebben|gaan|doen|weten|voorbereiden|maken|opstellen|vastleggen|"
                   r"invoeren|noteren|evalueren|bevestigen)")
_WISH = (r"^(ik wil|ik zou|wil ik|ik wil graag|graag|mag ik|kan ik|kun je|kunt u|kunt je|wil je|wilt u|kunnen we|"
         r"laten we|ik moet|ik ga|we gaan)\b")
_NOT_FOR_THE_BOT = r"\b(leren|worden|om|te|meer weten|weten over|beter|kunnen)\b"


_INTERJECTION = re.compile(r"^(?:(?:nee|neen|ja|sorry|eh|euh|uh|hm+|oh|o|nou|oke|ok|wacht|hoor|toch)[,!.]?\s+)+")


def stopped_with_more(text: str) -> bool:
    """"Dat weet ik nog niet. stop": a stop at the end of a message that says more (that part is not stored)."""
    return EXACT.get(_last_sentence(text).strip(" .!?")) == "stoppen" and \
        normalize(text).strip(" .!?") not in EXACT


def _last_sentence(text: str) -> str:
    """The last sentence, without the interjections it starts with ("Nee, ik wil eerst het jaarplan invullen")."""
    parts = [p for p in re.split(r"(?<=[.!?])\s+", normalize(text).strip()) if any(c.isalnum() for c in p)]
    return _INTERJECTION.sub("", parts[-1]) if parts else ""


def request_form(text: str) -> str | None:
    """The grammatical form of a request in the last sentence: "vraag", "opdracht", "wens" or None.

    "Kan ik mijn pop downloaden?", "verwijder mijn gegevens", "ik wil stoppen", "subsidies zoeken" have it;
    "Beleidsmedewerker subsidies", "Ik kan zelfstandig een subsidieaanvraag schrijven" and "Wat is mijn
    volgende stap? Dat wil ik uitzoeken met een coach" (the question is not the last sentence) do not.
    """
    last = _last_sentence(text)
    if not last:
        return None
    if last.rstrip().endswith("?"):
        return "vraag"
    words = re.findall(r"[\w'’+-]+", last)
    if not words:
        return None
    first, second = words[0], (words[1] if len(words) > 1 else "")
    if re.fullmatch(_WH, first) and not re.fullmatch(r"(ik|je|jij|we|wij|ze|zij|hij|men|u)", second):
        return "vraag"
    if re.fullmatch(_V1, first) and re.fullmatch(_PRONOUNS, second):
        return "vraag"
    if re.fullmatch(_ORDER, first) and (len(words) <= 2 or re.fullmatch(_ORDER_OBJECT, second)):
        return "opdracht"
    if re.search(r"^(ik wil|ik zou willen|ik wil graag|graag) dat (je|jij|u)\b", last):
        return "wens"  # "ik wil dat je al mijn gegevens wist"
    ends_with_bot_verb = re.fullmatch(_BOT_INFINITIVE, words[-1]) is not None
    if re.search(_WISH, last) and (ends_with_bot_verb or re.search(r"\bweten (welke|wat|of|hoe|waar)\b", last)):
        between = " ".join(words[2:-1])
        if not re.search(_NOT_FOR_THE_BOT, between):
            return "wens"
    if ends_with_bot_verb and 2 <= len(words) <= 4 and not re.search(r"\b(het|te|om)\s+\w+$", last):
        return "opdracht"  # "subsidies zoeken", "mijn pop downloaden"
    return None


_TO_THE_BOT = re.compile(r"^(kun|kunt|kan|wil|wilt|weet|heb|hebt|zou|zoudt|mag|moet|moet)\s+(je|jij|u)\b")


def asks_the_bot(text: str) -> bool:
    """The last sentence is a question to the bot itself: "kun je ...?", "weet u ...?", "wilt u ...?"."""
    last = _last_sentence(text)
    return last.rstrip().endswith("?") and _TO_THE_BOT.search(last) is not None


@dataclass(frozen=True)
class Decision:
    """``kind`` is "answer", "request", "unsure" (ask with buttons: the answer, or the request ``intent``) or
    "hold" (not an answer as it stands: kept aside, the person is told why and may still choose to store it;
    ``intent`` is the reason: "vraag", "opmerking", "onaf")."""

    kind: str
    intent: str | None = None


ANSWERED = Decision("answer")


def decide(text: str, ranking: list[tuple[str, float]] | None, closed_answer: bool = False,
           interview: str | None = None, names_an_answer: bool = False) -> Decision:
    """Is ``text``, typed while a question is open, the answer to it or a request?

    ``ranking`` is the NLU's intent ranking (best first); ``closed_answer`` is True when the text is a valid
    answer to the open question because that question has fixed answers; ``interview`` is the interview
    that is open (asking to start it again is no request to leave it); ``names_an_answer`` is True when the words
    point at an answer the person gave (bot/interviews/corrections.py): "de toekomst van de organisatie klopt niet".
    """
    stripped = (text or "").strip()
    if names_an_answer:  # "... klopt niet", "de kosten van activiteit 2 moeten 2500 zijn": a correction
        return Decision("request", CORRECTION)
    if stripped.startswith("/"):  # a button
        intent = stripped[1:].split("{", 1)[0].strip()
        return Decision("request", intent) if intent in COMMANDS else ANSWERED
    t = normalize(stripped).strip(" .!?")
    last = _last_sentence(stripped).strip(" .!?")
    if t in EXACT or last in EXACT and last not in ("verder", "terug", "help", "hulp", "overzicht"):
        # "Oei, de rest is weg. Zet het terug."; "Daar moet ik even over nadenken. Stop": what came before is not
        # stored (said so: STOPPED_WITH_MORE)
        return Decision("request", EXACT[t] if t in EXACT else EXACT[last])
    if _SHOW_MINE.search(t):  # "laat mijn pop zien", "wat heb ik tot nu toe allemaal ingevuld": never an answer
        return Decision("request", "toon_antwoorden")
    own = requests.get(f"start_{interview}") if interview else None
    if own is not None and t == normalize(own.button):
        return Decision("request", "hervatten")  # the menu button of this very interview, typed: ask again
    if closed_answer and not (stripped.endswith("?") and re.match(rf"{_WH}\b", t)):
        return ANSWERED  # not "wat bedoel je met leerwerkplekken?": a question that holds one of the choices
    button = next((r.intent for r in REQUESTS if r.button and t == normalize(r.button).strip(" .!?")
                   and (r.intent.startswith("start_") or r.intent == "subsidie_zoeken")), None)
    if button is not None:  # the title of a menu button typed ("Opleidingsjaarplan"): that request, never an answer
        return Decision("request", button)
    decision = _decide(stripped, ranking, interview) if ranking else ANSWERED
    if decision == ANSWERED and asks_the_bot(stripped):
        # "Kunt u mij vertellen welke competenties nodig zijn?" can read like an answer, but asks the bot
        return Decision("hold", "vraag")
    if decision == ANSWERED and unfinished(stripped):
        return Decision("hold", "onaf")  # "We willen vooral dat de teams" ... (left in mid-sentence)
    return decision


_DANGLING = re.compile(r"(\.\.\.|…|,|\b(en|maar|of|want|omdat|zodat|waardoor|dat|als|de|een|om|te|onze|ons|mijn|"
                       r"jouw|zijn eigen))\s*$")
# A preposition at the end is only dangling when no "daar", "er", "waar" or "hier" takes it: "Daar ga ik voor".
# (Not "aan", "op", "voor", "bij", "in": they end a sentence as part of a verb: "vragen we subsidie aan".)
_DANGLING_PREPOSITION = re.compile(r"\b(met|van|naar)\s*$")
_TAKES_PREPOSITION = re.compile(r"\b(daar|er|waar|hier)\b")


def unfinished(text: str) -> bool:
    """A sentence that stops halfway: "We willen vooral dat de", "meer aandacht voor ...". One word is not, and a
    Dutch sentence may end in a verb or a pronoun ("Over vijf jaar wil ik teamleider zijn", "Dat wil ik")."""
    t = normalize(text).strip()
    if word_count(t) < 2:
        return False
    if _DANGLING.search(t):
        return True
    return _DANGLING_PREPOSITION.search(t) is not None and _TAKES_PREPOSITION.search(t) is None


def _decide(stripped: str, ranking: list[tuple[str, float]], interview: str | None) -> Decision:
    norm = normalize(stripped)
    words = word_count(stripped)
    form = request_form(stripped)
    ranking = [(i, c) for i, c in ranking if i != f"start_{interview}"]
    top, confidence = ranking[0] if ranking else (None, 0.0)
    asked = _asked(stripped, ranking)
    if asked:  # "Voordat ik verder ga: is hier subsidie voor? Dit soort trajecten is duur."
        return Decision("request", asked)
    if _LEAVING_NOW.search(norm):  # "ik moet even weg, er is een melding binnengekomen": a pause, whatever follows
        return Decision("request", "stoppen")
    if words <= GOODBYE_WORDS and _GOODBYE.search(norm):  # the words, not the NLU: "één avond" is no goodbye
        return Decision("request", "stoppen")  # "bedankt, doei", "ik ga stoppen, doei": leaving, never an answer
    if top == "bedankt" and confidence >= 0.9 and words <= 4:
        return Decision("hold", REMARK)  # "bedankt!": kept aside, not stored as the answer
    if form == "vraag" and _asks(stripped):
        # A question is never stored as an answer without asking: a request it backs, or held ("is dit je antwoord?")
        return Decision("hold", "vraag")
    if _ASIDE.search(norm) and (top not in COMMANDS or top == REMARK):
        return Decision("hold", REMARK)  # "o wacht, ...", "... trouwens ...": a reaction or an aside, asked about
    if top == REMARK and (confidence >= 0.9 and words <= REMARK_WORDS
                          or confidence >= 0.5 and words <= 14 and _SOUNDS_LIKE_A_REMARK.search(norm)):
        return Decision("hold", REMARK)  # "hmm, goeie vraag eigenlijk": not the answer, and not lost either
    if top == ANSWER and confidence >= MIN_CONFIDENCE:
        return ANSWERED
    if top == CORRECTION and confidence >= 0.8 and sounds_like_a_correction(stripped):
        return Decision("request", CORRECTION)  # "de kosten van activiteit 6 moeten 2500 zijn": never an answer
    # The request: the best guess of the NLU, or with the form of a request also a runner-up it is unsure of.
    candidates = ranking[:1] if not form else [(i, c) for i, c in ranking[:3] if c >= 0.15]
    intent = next((i for i, c in candidates if _backed(i, bool(form) or c >= MIN_CONFIDENCE, norm, words)), None)
    if intent is None:
        pointed = _pointed_at(ranking, norm, words) or _leaving_unbacked(top, confidence, norm)
        return Decision("unsure", pointed) if pointed else ANSWERED
    if form:
        return Decision("request", intent)
    if intent in PHRASE_OK and intent not in LEAVING and confidence >= 0.8:
        return Decision("request", intent)  # "even pauze", "ik heb me vergist bij de vorige vraag"
    if _bare(norm, words):
        return Decision("unsure", intent)  # "subsidies", "mijn gegevens": ask
    return ANSWERED


def _asked(text: str, ranking: list[tuple[str, float]]) -> str | None:
    """The request a question in the message makes, also when it is not the last sentence ("pff lastig. Waarom
    vraagt u dat eigenlijk?", "Voordat ik verder ga: is hier subsidie voor? ..."): a request the NLU ranks and the
    question's own words back up; for a harmless request that only explains (why, what do you mean, how far, help)
    its words are enough."""
    sentences = re.split(r"(?<=[.!?])\s+", normalize(text))
    questions = [s for s in sentences if s.rstrip().endswith("?") or _asks(s)]
    money = next((s for s in sentences if (s.rstrip().endswith("?") or _VERB_FIRST.match(s) or _INDIRECT.search(s)
                                           or _WHAT_ABOUT.match(s)) and _MONEY_QUESTION.search(s)
                  and not _BUDGET_LEFT.search(s)), None)
    if money is not None:  # "Voor ik verder ga: is er een potje voor opleidingen? ik wil een hbo-opleiding doen"
        return "subsidie_zoeken"
    if questions and questions[-1] != sentences[-1] and ranking and ranking[0][0] == ANSWER and ranking[0][1] >= 0.8:
        questions = []  # "Hoe schrijf ik een subsidieaanvraag? Dat wil ik leren.": an answer the NLU is sure of
    for sentence in questions:
        words = word_count(sentence)
        any_question = sentence == sentences[-1]  # earlier in the message only a request its own words name
        for intent, confidence in ranking[:3]:
            if confidence >= 0.15 and intent != REMARK and _backed(intent, True, sentence, words) and (
                    any_question or intent not in ("faq", "regeling_vraag")):
                return intent
        for intent in EXPLAINING:
            if _backed(intent, True, _INTERJECTION.sub("", sentence), words) and re.search(EVIDENCE[intent], sentence):
                return intent
    return None


EXPLAINING = ("waarom_vraag", "verduidelijking", "voortgang", "toon_antwoorden")
# A question to the bot about money for learning, also before the answer it comes with: never stored as the answer.
# Whole words only: "Hoe schrijf ik een subsidieaanvraag?" is something to learn, not a question about money.
# "hoeveel budget heb ik nog over?": how far the plan is, not a question about funding (found over make run)
_BUDGET_LEFT = re.compile(r"\bbudget\b.{0,30}\b(?:over|resteert|rest|overblijft|besteed|uitgegeven|op)\b|\bnog over\b")
_MONEY_QUESTION = re.compile(r"\b(subsidies?|potjes?|fondsen|fonds|regelingen|\w*budget|vergoed\w*|betaalt|betalen|"
                             r"financier\w*|lerarenbeurs|levenlanglerenkrediet|ikb|geld|aanvragen|aanvraag|"
                             r"vraagt? (?:\w+ ){0,3}aan)\b")


# A question told as a wish to know ("ik wil eerst weten of ik geld kan krijgen"), and "en de lerarenbeurs dan?"
_INDIRECT = re.compile(r"\b(?:ik wil|ik zou|ik wil graag|ik zou graag)\s+(?:eerst\s+|graag\s+|even\s+|nog\s+)*weten\s+"
                       r"(?:of|hoe|wat|wie|wanneer|welke|waar)\b|\bik vraag me af\b")
_WHAT_ABOUT = re.compile(r"^(?:en|maar)\s+(?:de|het|die|dat|een)\s+[^,.]{2,40}\s+dan\b")
# The word order of a question without its question mark: "betaalt de school dat of moet ik het zelf doen"
_VERB_FIRST = re.compile(r"^(?:en |maar |dus |of |nog een vraag:? |vraagje:? )?(?:betaalt|betalen|vergoedt|vergoeden|"
                         r"bekostigt|financiert|krijg ik|krijgen we|krijgen wij|is er|zijn er|bestaat er|bestaan er|"
                         r"heb ik recht|hebben we recht|kan ik|kunnen we|kunnen wij|mag ik|moet ik|moeten we|wie betaalt)\b")


def sounds_like_a_correction(text: str) -> bool:
    """The words of a correction: "wijzig", "pas ... aan", "klopt niet", "moet ... zijn"."""
    return bool(re.search(EVIDENCE[CORRECTION] + r"|\bmoet(en)? .{1,200} (zijn|worden)\b|\bmoet(en)? (zijn|worden) ?:|"
                          r"\bklop(t|pen|te) (ook |echt |helemaal |toch )?niet\b|\bveranderen in\b|"
                          r"\b(is|zijn|staat|staan) (fout|verkeerd)\b|\banders formuleren\b|\bherformuleren\b|"
                          r"\bwil ik anders\b", normalize(text)))


_ALREADY = r"(?:dat\s+)?(?:zei|zeg|had|heb)\s+ik\s+(?:toch|net|al|daarnet|eerder)(?:\s+(?:toch|net|al))*(?:\s+(?:gezegd|genoemd))?"
_SAID_BEFORE = re.compile(rf"^(?:nou\s*,?\s*)?{_ALREADY}(?:\s+(?:haha|hoor|joh|he|hè|toch))*\s*[,:.!?-]+\s*|"
                          rf"\s*[,.;-]+\s*{_ALREADY}(?:\s+(?:haha|hoor|joh|toch))*\s*[.!?]*$", re.I)


def without_said_already(text: str) -> str:
    """"teamleiders, had ik toch al gezegd", "zei ik net, het KCC": the answer without the sigh around it."""
    return _SAID_BEFORE.sub("", text or "").strip()


def contrasts_a_value(text: str) -> str | None:
    """"mijn team is niet groen maar wegen": the value said to be wrong ("groen"), or None."""
    found = re.search(r"\bniet\s+([^,.:;]{1,40}?)\s+maar\b", normalize(text))
    return found.group(1).strip(" '\"„”") if found else None


_EXCLAIMS = re.compile(r"^(?:wat|hoe)\s+(?:een|veel|leuk|mooi|fijn|lastig|moeilijk|ingewikkeld|raar|stom|jammer|"
                       r"vervelend|irritant|gek|apart|saai|lang)\b")


def _asks(text: str) -> bool:
    """Clearly a question: it ends in "?", starts with a question word, or asks "you" ("kun je ...", "weet u ...").
    "Weet ik nog niet" and "kan ik niet zeggen" have the word order of a question but state something."""
    last = _last_sentence(text)
    words = re.findall(r"[\w'’+-]+", last)
    if not last.rstrip().endswith("?") and _EXCLAIMS.match(normalize(last)):
        return False  # "wat een gedoe", "hoe lastig is dat": an exclamation, not a question
    return last.rstrip().endswith("?") or bool(words and re.fullmatch(_WH, words[0])) or (
        len(words) > 1 and words[1] in ("je", "jij", "u", "jullie")) or (
        len(words) > 2 and re.fullmatch(_ASKING_VERB, words[0]) is not None and re.fullmatch(_SUBJECT, words[1]) is not None
        and not _STATES.search(last))  # "moet mijn school daar nog iets voor tekenen", not "weet ik nog niet"


# The subject after a verb that opens a question ("moet mijn school ...", "kan de cursus ..."); words that make the
# same word order a statement ("heb ik al gedaan", "weet ik niet", "kan ik niet zeggen")
_SUBJECT = r"(ik|we|wij|jullie|hij|zij|ze|mijn|m'n|onze|ons|de|het|dat|die|dit|er|men)"
# Verbs that open a question without "?"; not "wil", "doe", "ga": "Wil de opleiding tot teamleider volgen" is an answer
_ASKING_VERB = r"(kan|kun|kunt|kunnen|mag|mogen|moet|moeten|is|zijn|bestaat|bestaan|geldt|gelden|krijg|krijgen|heeft|telt|valt)"
_STATES = re.compile(r"\b(niet|geen|nooit|al|wel)\b")


def is_question(text: str) -> bool:
    """A sentence or a clause of the message is a question: "en mijn ikb, kan ik daar een opleiding van betalen"."""
    return any(_asks(part) for part in re.split(r"[,;]\s*|(?<=[.!?])\s+", text or "") if part.strip())


UNKNOWN = {"nlu_fallback", "buiten_bereik", "bot_vraag"}
QUESTION = "vraag"  # a question the bot cannot answer; the interview waits at its question
REMARK = "opmerking"  # a remark or aside at a question ("even denken"): kept aside, never stored unasked
# A reaction or an aside, not an answer: "o wacht, die 1200 is inclusief de inhuur", "we hebben trouwens al ..."
_ASIDE = re.compile(r"^(?:o+h? |ow )?wacht\b|^oeps\b|^foutje\b|^sorry,|^zo,|\btrouwens\b|\boverigens\b|"
                    r"\btussen haakjes\b|\beven tussendoor\b|\bbtw\b|"
                    r"^(?:wel |best |beetje |erg |nogal |echt )?(?:irritant|onhandig|vervelend|omslachtig)\b")
# Words of a reaction: without one, a short phrase the NLU is not sure of is content ("drie bijeenkomsten met oefenen");
# "lastige" before a noun describes the content ("werken bij lastige ondernemers"), "hmm, lastige (vraag)" reacts
_SOUNDS_LIKE_A_REMARK = re.compile(
    r"\b(hm+|uh+m*|pf+|tja|ha(ha)+|hihi|joh|goeie|goede vraag|lastig|moeilijk|(?:lastige|moeilijke)(?=\s*$|\s+vra|\s*[,.!?])|makkelijk|even|momentje|moment|"
    r"oei|oef|poeh|pfoe|jeetje|wauw|nou|denk|denken|dacht|nadenk\w*|nagedacht|interessant\w*|grappig|spannend|jammer|"
    r"vervelend|irritant|onhandig|omslachtig|ingewikkeld|gedoe|snap\w*|bedoel\w*|zei|duidelijk|mooi|ok[eé]?|sorry|"
    r"oeps|foutje|zeg|hoor|eigenlijk|toch|vraag|vragen|opnieuw|traag|wacht|ah|oh|o|zo|ja ja|wat een|geen idee|rare?|"
    r"gek)\b")
# A longer message is an answer more often than a remark: "Ik schrijf korte en duidelijke antwoorden in de webchat"
# (9 words) is a learning goal, however sure the NLU is of a remark, unless it has the words of one.
REMARK_WORDS = 8
GOODBYE_WORDS = 8  # a goodbye is short: "bedankt, doei"; a longer message with "tot ziens" in it may be an answer
_GOODBYE = re.compile(r"\b(doei|doeg|dag dag|tot ziens|tot later|tot de volgende keer|tot morgen|fijne dag|ciao)\b")
_MINE = r"(?:mijn|m'n) (?:pop|antwoorden|ingevulde antwoorden|overzicht|samenvatting)"
_SHOW_MINE = re.compile(rf"^(?:(?:kun|kan|wil) (?:je|jij|u) (?:me |mij )?|mag ik )?(?:(?:laat|toon|geef) (?:me |mij )?{_MINE}"
                        rf"(?: (?:nog )?(?:eens|even))?(?: zien| tonen| geven)?|{_MINE} (?:(?:nog )?(?:eens|even) )?"
                        rf"(?:zien|tonen|bekijken|inzien|laten zien))$|^wat heb ik (?:tot nu toe |tot nu |al |nou )*"
                        rf"(?:allemaal )?(?:ingevuld|geantwoord|ingetypt|gezegd)$")
# Leaving now, with a reason after it; not "ik moet weg uit mijn comfortzone" (an answer)
_LEAVING_NOW = re.compile(r"^(?:(?:sorry|oeps|oh|o|he|hé|sorry hoor)[,!.]?\s+)?(?:ik|we)\s+(?:moet|moeten|ga|gaan)\s+"
                          r"(?:nu\s+|even\s+|eventjes\s+|zo\s+|snel\s+|er\s+|helaas\s+|echt\s+)*(?:weg|ervandoor|vandoor)"
                          r"(?=\s*(?:[,.!;]|$)|\s+(?:want|omdat|er|ik|we|de|het)\b)")
CORRECTION = "wijzig_antwoord"


def _backed(intent: str, sure_enough: bool, norm: str, words: int) -> bool:
    """Do the words back up the NLU's guess of a request?"""
    if intent not in COMMANDS or not sure_enough:
        return False
    if not re.search(EVIDENCE[intent], norm) or words > MAX_WORDS.get(intent, MAX_COMMAND_WORDS):
        return False
    return not intent.startswith("start_") or bool(re.search(_START_VERB, norm))


def _pointed_at(ranking: list[tuple[str, float]], norm: str, words: int) -> str | None:
    """A few words that point at something of the bot ("die pop van mij", "mijn pop") while the NLU is not sure
    enough: the request it probably means, to ask about instead of storing the words as the answer."""
    if words > 4 or not (re.match(r"(mijn|m'n|die|dat|deze|onze)\b", norm) or re.search(r"\bvan mij\b", norm)):
        return None
    return next((i for i, c in ranking[:3] if i in COMMANDS and c >= 0.2 and re.search(EVIDENCE[i], norm)), None)


# Requests about the way through the interview: a message the NLU is sure means one of them is asked about, never
# stored unasked, also when its words are not the usual ones ("moet nu naar een overleg, ik kom later terug").
_WAY_THROUGH = ("stoppen", "terug", "terugzetten")


def _leaving_unbacked(top: str | None, confidence: float, norm: str) -> str | None:
    if top not in _WAY_THROUGH:  # the words of stopping, whatever the NLU thinks: "eerst even koffie, ik kom zo terug"
        return "stoppen" if top != ANSWER and re.search(EVIDENCE["stoppen"], norm) else None
    sure = 0.8 if top == "stoppen" else 0.9  # "Ik wil terug naar school voor mijn diploma" is an answer
    return top if confidence >= sure or confidence >= 0.5 and re.search(EVIDENCE[top], norm) else None


def _bare(norm: str, words: int) -> bool:
    """A message of only the words of a request: "subsidies", "mijn gegevens", "de download"."""
    return words == 1 or (words <= 3 and re.match(r"(mijn|de|het|onze|m'n|alle)\b", norm) is not None)


def ranking_of(parse: dict | None) -> list[tuple[str, float]]:
    """The intent ranking of an NLU result (Rasa's parse data), best first."""
    parse = parse or {}
    ranking = [(r.get("name"), float(r.get("confidence") or 0.0)) for r in parse.get("intent_ranking") or []
               if r.get("name")]
    intent = parse.get("intent") or {}
    if not ranking and intent.get("name"):
        ranking = [(intent["name"], float(intent.get("confidence") or 0.0))]
    return ranking


# Outside an interview a topic word is enough (nothing is being answered that could be misread).
TOPIC: dict[str, str] = {r.intent: r.topic for r in REQUESTS if r.topic}


def plausible(intent: str | None, text: str) -> bool:
    """Outside an interview: does the text back up the NLU's guess for an intent that starts something?

    Buttons send "/intent" and are always plausible. "<script>alert(1)</script>" is not a request to start
    the POP interview, whatever the classifier says.
    """
    request = requests.get(intent)
    return text.strip().startswith("/") or request is None or request.backed_by(text)
