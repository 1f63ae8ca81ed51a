"""How a message typed at an open question reads, before it is stored: the title of the answer button typed, a plain
yes to a message kept aside, a correction said as a statement that names another answer, a count after a price per
person, and a question whether a stored answer is what the person thinks. Used once per turn by
bot/services/interviews.turn.
"""

from __future__ import annotations

import re

from bot.dutch.parsing import normalize
from bot.interviews import InterviewEngine, Message, Q, corrections, progress
from bot.interviews.catalogue import BUDGET, INTERVIEW_QUESTIONS, TOPIC_WORDS
from bot.interviews.context import RESTART
from bot.interviews.navigation import item_position
from bot.understanding import contrasts_a_value, sounds_like_a_correction

ANSWER_BUTTON = "Ja, dit is mijn antwoord"


def is_answer_button(text: str) -> bool:
    """The title of the button typed, also when the message it belonged to is no longer the last one."""
    return normalize(text).strip(" .!'\"") == normalize(ANSWER_BUTTON)


def agrees(text: str) -> bool:
    """A plain yes ("ja", "ok, bedankt", "klopt") and nothing that answers anything itself."""
    from bot.dutch.parsing import normalize, parse_yes_no, says_nothing, split_yes_no

    if not _YES_FIRST.match(normalize(text)):  # "we zijn een gemeente die ...": a sentence, not a yes
        return False
    value, rest = split_yes_no(text)
    if value is None:  # "ok. bedankt"
        first, _, rest = normalize(text).partition(next((c for c in normalize(text) if c in ",.!"), "\0"))
        value = parse_yes_no(first)
    said = re.match(r"^(?:dat klopt|dat is het|precies)\b[\s,.!]*", normalize(text))
    if value is None and said:
        value, rest = True, normalize(text)[said.end():]
    return value is True and (says_nothing(rest) or bool(_CONFIRMS.fullmatch(normalize(rest).strip(" .!"))))


_CONFIRMS = re.compile(r"(?:dat|het|dit) (?:is|was) (?:toch |wel |gewoon )*(?:mijn|het) antwoord|dat klopt|klopt|"
                       r"bewaar (?:het|dat|dit|maar)(?: maar)?|sla (?:het|dat|dit) (?:maar )?op")
_YES_FIRST = re.compile(r"^(?:ja|jawel|jazeker|jep|jup|yes|yep|klopt|ok|oke|oké|okay|prima|goed|is goed|zeker|"
                        r"natuurlijk|graag|doe maar|dat klopt|dat is het|precies)\b")


def names_an_answer(engine: InterviewEngine, text: str, ranking, key: str | None) -> bool:
    """A correction said as a statement ("de toekomst van de organisatie klopt niet, we gaan ...", "nee wacht, de
    kosten van de tweede activiteit moeten 2500 zijn"): the words of a correction, and words that name an answer the
    person gave, not the open question. Not while a value waits for "klopt dat?"."""
    contrast = contrasts_a_value(text)
    if key in (None, RESTART):
        return False
    if not (sounds_like_a_correction(text) and not _only_someone_elses_edit(text) or contrast):
        # "wacht, mijn sterke punten zijn geduld en overzicht": taking back, then another answer by its name
        # "15.000 voor twee jaar" names a question, corrects nothing
        return _takes_back_by_name(engine, text, key) or _states_another_by_name(engine, text, key)
    found = corrections.find(engine, text)
    targets = [found.target] if found.target else found.options or []
    if not sounds_like_a_correction(text):  # only "niet X maar Y": X must be what that answer holds now
        targets = [t for t in targets if contrast in normalize(corrections.shown(engine, t.key, t.item) or "")]
    # another question, or another item of this one: at "nog een speerpunt?" (or while speerpunt 3 is being
    # changed), "het eerste speerpunt klopt niet, dat moet ... zijn" is a correction of speerpunt 1
    here = (key, engine.state.pending_item if engine.state.pending_question == key else None)
    # "nee wacht, dat klopt niet, team communicatie": no question named, but plainly the answer given just before
    last = not found.by_words and _THE_LAST_ONE.search(normalize(text)) is not None and found.value_text
    return (found.by_words or bool(last)) and any((t.key, t.item) != here for t in targets)


def _takes_back_by_name(engine: InterviewEngine, text: str, key: str) -> bool:
    """"wacht, mijn sterke punten zijn ...", "oeps, ik bedoelde: het team is ...": the words of taking something back,
    a question answered before named by its words, and a new value after "is", "zijn" or ":"."""
    if not _TAKING_BACK.search(normalize(text)):
        return False
    found = corrections.find(engine, text)
    here = (key, engine.state.pending_item if engine.state.pending_question == key else None)
    return bool(found.by_words and found.target and found.value_text
                and (found.target.key, found.target.item) != here)


def _states_another_by_name(engine: InterviewEngine, text: str, key: str) -> bool:
    """"de doelgroep van de training schrijven is het hele klantcontactcentrum", "het doel van activiteit 3 is: ..."
    at another question: an answer given before, named with whose it is, and its new value (found over make run:
    both were stored as the answer to the open question)."""
    named = _NAMED_STATEMENT.match(normalize(text))
    if not named:
        return False
    found = corrections.find(engine, text)
    if not (found.by_words and found.target and found.value_text and found.target.item is not None):
        return False
    # the words before "van" name the question changed ("het doel van de coaching is ..." at the coaching's own
    # goal names the goal, not the coaching's title), and it is not the open question of the item being filled
    if corrections.named_question(engine, named.group("question")) != found.target.key:
        return False
    here = (key, engine.state.pending_item if engine.state.pending_question == key else item_position(engine, key))
    return (found.target.key, found.target.item) != here


# "(en) de doelgroep van ... is ...": a question's name, whose it is, and a new value after "is", "zijn" or ":"
_NAMED_STATEMENT = re.compile(r"^(?:en |ok[eé]?,? |o ja,? |trouwens,? |verder,? )?(?P<question>(?:de|het|mijn|onze) "
                              r"[\w' -]{2,40}?) van "
                              r"[\w' -]{2,60}?(?: (?:is|zijn|wordt|worden|moet|moeten)\b|\s*:)")
_TAKING_BACK = re.compile(r"^(?:nee,? ?|o+,? ?|oh,? ?|ho,? ?)?(?:wacht|oeps|sorry|foutje|ik bedoelde|ik bedoel|"
                          r"(?:dat|dit|het) was (?:geen|niet (?:mijn|het)) antwoord)\b")
# "mijn leeftijd klopt niet, het is 58" where no question of the interview is named: no answer to the open question
SAYS_WRONG = re.compile(r"\bklop(?:t|pen|te) (?:ook |echt |helemaal |toch )?niet\b|\b(?:is|zijn|staat|staan) "
                         r"(?:fout|verkeerd)\b")
_THE_LAST_ONE = re.compile(r"^(?:nee,? ?wacht|oeps|sorry|foutje|ho)\b|\b(?:dat|die|het) (?:klopt|klopte) niet\b")


def only_a_count(text: str) -> bool:
    """"twaalf teamleiders", "voor 8 mensen", "10": how many, no amount of money."""
    from bot.dutch import numbers

    return numbers.read_count(text).value is not None and not re.search(r"€|\beur(?:o|os)?\b", text.lower()) \
        and len(text.split()) <= 6


def checked(engine: InterviewEngine, text: str) -> list[Message] | None:
    """The answer to a question whether a stored answer is what the person thinks, or None; about the budget also
    what is planned and left ("klopt het dat we nu boven budget zitten?")."""
    if not checks(text) and not _OVER_BUDGET.search(normalize(text or "")):
        return None
    found = corrections.find(engine, text)
    if found.target is None or not found.by_words:
        return None
    said = [Message("antwoord_nu", {"vraag_label": corrections.label(engine, found.target.key, found.target.item),
                                    "waarde": corrections.shown(engine, found.target.key, found.target.item)
                                    or "nog niets"})]
    if Q[found.target.key].stored_in == BUDGET:
        said += [m for m in progress.messages(engine) if m.response.startswith("budget")]
    return said


_OVER_BUDGET = re.compile(r"\b(boven|binnen|over|onder) (het |ons |de )?budget\b.*\?$")


def checks(text: str) -> bool:
    """A question whether an answer is what the person thinks, without the words of a correction."""
    flat = normalize(text or "").strip()
    return flat.endswith("?") and bool(re.match(r"(klopt het|is het zo|staat er|staat (nu |dus )?bij|(wat |hoeveel )?kost)\b", flat)) \
        and not sounds_like_a_correction(text)


# The words of a correction other than an edit verb: "klopt niet", "moet ... zijn", "is fout", "anders formuleren"
_WRONG = re.compile(r"\bklop(?:t|pen|te) (?:ook |echt |helemaal |toch )?niet\b|\bmoet(?:en)? .{1,200} (?:zijn|worden)\b|"
                    r"\bmoet(?:en)? (?:zijn|worden) ?:|\b(?:is|zijn|staat|staan) (?:fout|verkeerd)\b|\banders\b|"
                    r"\bherformuleren\b|\bveranderen in\b|\b(?:terug|vorige)\b")
# An edit the speaker asks for: "wijzig ...", "pas ... aan", "ik wil ... aanpassen", "kun je ... veranderen"
_MY_EDIT = re.compile(r"^(?:\w+[,!]?\s+){0,3}?(?:wijzig|verander|pas|corrigeer)\b|\bpas\b.{1,30}\baan\b|"
                      r"\b(?:ik|we|wij|je|jij|u)\b(?:\s+\S+){0,10}?\s+(?:wijzigen|aanpassen|veranderen|corrigeren)\b|"
                      r"\b(?:wijzigen|aanpassen|veranderen|corrigeren)[.!?]*$|"
                      r"\b(?:gewijzigd|aangepast|veranderd|gecorrigeerd)\s+(?:worden|hebben)\b")


def _only_someone_elses_edit(text: str) -> bool:
    """"docenten leren hoe ze hun les aanpassen voor kinderen met autisme": an edit verb that belongs to the answer,
    not a correction the person asks for (found over make run: the goal was taken for a correction and lost)."""
    flat = normalize(text)
    return not _WRONG.search(flat) and not _MY_EDIT.search(flat)



_LABELLED = re.compile(r"^\s*(?:mijn|m'n|onze|ons|de|het)?\s*([a-z][\w' -]{1,40}?)\s*:\s*\S")


def labelled_for_another(engine: InterviewEngine, text: str, key: str | None) -> str | None:
    """"Mijn sterke punten: ik blijf rustig ..." where the team is asked: the key of the other question of this
    interview that the label before the colon names; None when it names the open one or none."""
    m = _LABELLED.match(normalize(text))
    if m is None or key in (None, RESTART):
        return None
    label = m.group(1).strip()
    for other in INTERVIEW_QUESTIONS[engine.interview]:
        names = {normalize(Q[other].label)} | {normalize(w) for w in TOPIC_WORDS.get(other, ())}
        if label in names:
            return None if other == key else other
    return None
