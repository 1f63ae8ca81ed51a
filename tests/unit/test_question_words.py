"""The words of the question files (bot/interviews/questions/*.yml): what the bot says at "wat bedoel je?" and the
words people use to name a question when they correct an answer.

- Every question has an ``uitleg``: plain Dutch (Flesch-Douma at least UITLEG_MINIMUM, measured as
  tests/unit/test_readability.py measures every text: textstat with language "nl"), in the je-form, with one
  example answer ("Bijvoorbeeld: ...").
- Its ``topic_words`` can tell it from the other questions of its interview: a word named by more than two
  questions of one interview points at nothing, and a bare function word ("wat", "hoe", "jaar") is in almost
  every correction (bot/interviews/corrections.py weighs the words).
"""

from __future__ import annotations

import re
from collections import defaultdict

import textstat
import yaml

from bot.interviews.catalogue import DEFAULT_DIR, load

UITLEG_MINIMUM = 60.0  # B1: Flesch-Douma 60 or more (docs/content.md)
MAX_QUESTIONS_PER_WORD = 2
# Words that name no question: articles, pronouns, prepositions, question words and the like, and "jaar", which
# is in "dit jaar", "over drie jaar" and "volgend jaar" alike
FUNCTION_WORDS = {
    "de", "het", "een", "van", "in", "op", "aan", "bij", "naar", "over", "voor", "met", "door", "om", "te", "tot",
    "uit", "en", "of", "maar", "als", "dan", "dat", "die", "dit", "deze", "er", "hier", "daar", "wat", "hoe", "wie",
    "waar", "waarom", "welk", "welke", "ik", "je", "jij", "jouw", "u", "uw", "we", "wij", "ons", "onze", "mijn",
    "jullie", "zij", "ze", "hij", "is", "zijn", "was", "wordt", "worden", "heb", "hebt", "heeft", "hebben", "kan",
    "kun", "kunnen", "moet", "moeten", "wil", "wilt", "willen", "niet", "geen", "ja", "nee", "nog", "ook", "al",
    "wel", "nu", "zo", "iets", "alles", "ding", "dingen", "jaar", "antwoord", "vraag",
}


def _questions() -> dict:
    return load(DEFAULT_DIR).questions


def _explained():
    """The questions with a text of their own to explain (an own group's yes/no questions come from the group)."""
    return {key: q for key, q in _questions().items() if q.loop is None}


def _reading_ease(text: str) -> float:
    textstat.set_lang("nl")
    return textstat.flesch_reading_ease(text)


def test_every_question_explains_itself_with_an_example():
    missing = [key for key, q in _explained().items() if "Bijvoorbeeld: " not in (q.uitleg or "")]
    assert not missing, "Zonder uitleg met 'Bijvoorbeeld: ...':\n" + "\n".join(missing)


def test_every_uitleg_is_plain_dutch():
    hard = [f"{key}: {_reading_ease(q.uitleg):.1f}" for key, q in _explained().items()
            if q.uitleg and _reading_ease(q.uitleg) < UITLEG_MINIMUM]
    assert not hard, f"Uitleg onder {UITLEG_MINIMUM} (kortere zinnen en woorden, zie docs/content.md):\n" + "\n".join(hard)


def test_every_uitleg_says_je_not_u():
    formal = [key for key, q in _explained().items() if re.search(r"\b(u|uw|U|Uw)\b", q.uitleg or "")]
    assert not formal, "Uitleg in de u-vorm:\n" + "\n".join(formal)


def test_a_topic_word_names_at_most_two_questions_of_an_interview():
    catalogue = load(DEFAULT_DIR)
    crowded = []
    for interview, keys in catalogue.order.items():
        named: dict[str, set[str]] = defaultdict(set)
        for key in keys:
            for word in catalogue.questions[key].topic_words:
                named[word].add(key)
        crowded += [f"{interview}: '{word}' bij {', '.join(sorted(found))}" for word, found in named.items()
                    if len(found) > MAX_QUESTIONS_PER_WORD]
    assert not crowded, "Woorden die te veel vragen noemen:\n" + "\n".join(crowded)


def test_no_topic_word_is_a_bare_function_word():
    bare = [f"{key}: '{word}'" for key, q in _questions().items() for word in q.topic_words
            if word.strip() in FUNCTION_WORDS or not word.strip()]
    assert not bare, "Woorden die geen vraag aanwijzen:\n" + "\n".join(bare)


def test_topic_words_are_written_in_lower_case_in_the_files():
    upper = []
    for path in sorted(DEFAULT_DIR.glob("*.yml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            for q in entry.get("questions", [entry]):
                upper += [f"{path.name}: {q['key']}: '{w}'" for w in q.get("topic_words") or [] if w != w.lower()]
    assert not upper, "Woorden met hoofdletters:\n" + "\n".join(upper)


def test_the_measure_is_that_of_the_readability_test():
    """The same Flesch-Douma as tests/unit/test_readability.py: easy Dutch above 60, official Dutch below."""
    assert _reading_ease("Je kunt het hele jaar aanvragen. Kijk eerst op de website.") > UITLEG_MINIMUM
    assert _reading_ease("Medezeggenschapsorganen dienen voorafgaand aan de implementatie van "
                         "opleidingsbeleidsvoornemens geconsulteerd te worden.") < UITLEG_MINIMUM
