"""Every text the bot says is plain Dutch: no text gets harder to read, and English only as an accepted loan word.

Readability is measured with Flesch-Douma, the Dutch version of the Flesch reading ease (textstat, language
"nl"): higher is easier; B1 texts usually score above 60. Short texts score erratically, so every text is held
to its own score of the day it was measured (tests/unit/readability_baseline.json): it may get easier, never
harder. A new text of ten words or more scores at least NEW_TEXT_MINIMUM. No text of five
words or more, also none built in Python (tests/unit/python_texts.py), scores under FLOOR. After making texts easier you may
record the new scores:

    .venv/bin/python -m tests.unit.test_readability

See docs/content.md for how to write the texts.
"""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path

import textstat

from bot import funding
from tests.helpers import domain_yaml
from tests.unit.python_texts import code_sentences, python_texts, scored_text

BASELINE = Path(__file__).with_name("readability_baseline.json")
NEW_TEXT_MINIMUM = 45.0
TOLERANCE = 0.5  # rounding in the formula

# English words that may appear in a reply: accepted in Dutch (Van Dale) or the names of file types and roles.
LOAN_WORDS = {"pdf", "word", "excel", "link", "links", "e-learning", "coaching", "coach", "hr", "manager",
              "managers", "chatbot", "chat", "intranet", "sorry", "feedback", "online", "e-mail", "privacy",
              "mentor", "workshop", "deadline", "team", "teams", "training", "trainingen"}
# Words that are English and not Dutch: a reply that uses one not in LOAN_WORDS has English in it.
ENGLISH = {"the", "and", "you", "your", "please", "click", "here", "there", "what", "which", "when", "where", "why",
           "how", "who", "this", "that", "these", "those", "with", "without", "from", "for", "about", "into", "our",
           "their", "they", "them", "his", "she", "its", "were", "been", "being", "have", "has", "does", "did",
           "done", "will", "would", "should", "could", "cannot", "not", "yes", "to", "hello", "thanks", "thank",
           "welcome", "error", "download", "downloads", "upload", "submit", "send", "save", "cancel", "skip",
           "next", "previous", "continue", "settings", "account", "login", "logout", "button", "form", "question",
           "questions", "answer", "answers", "learning", "goal", "goals", "widget", "card", "cards", "browser",
           "token", "app", "office", "meeting", "meetings", "skills", "skill", "job", "jobs", "career",
           "development", "review", "performance", "assessment", "appraisal", "okay", "ok", "hi", "bye", "get",
           "got", "update", "email", "website"} | LOAN_WORDS


def _plain(text: str) -> str:
    return re.sub(r"\{[a-z_]+\}", "dit", text).strip()


def bot_texts() -> dict[str, str]:
    """Every fixed text a user can see: the domain's responses and buttons, and the funding knowledge base."""
    texts: dict[str, str] = {}
    for name, variants in domain_yaml()["responses"].items():
        for number, variant in enumerate(variants):
            if _plain(variant.get("text", "")):
                texts[f"{name}[{number}]"] = _plain(variant["text"])
            for button in variant.get("buttons", []):
                texts[f"{name}[{number}] knop {button['title']}"] = button["title"]
    for scheme in funding.load().schemes.values():
        texts[f"regeling {scheme.id}: summary"] = scheme.summary
        if scheme.amount_text:
            texts[f"regeling {scheme.id}: amounts"] = scheme.amount_text
        for number, condition in enumerate(scheme.conditions):
            texts[f"regeling {scheme.id}: conditions[{number}]"] = condition.text
        for number, doubt in enumerate(scheme.uncertain):
            texts[f"regeling {scheme.id}: uncertain[{number}]"] = doubt
    return texts


MIN_WORDS = 5  # issue 30: shorter texts (buttons, labels) score erratically and are not measured


def scores() -> dict[str, float]:
    textstat.set_lang("nl")
    return {key: textstat.flesch_reading_ease(text) for key, text in bot_texts().items()
            if len(text.split()) >= MIN_WORDS}


def python_scores() -> dict[str, float]:
    """The texts built in Python (tests/unit/python_texts.py), each line as a person sees it."""
    textstat.set_lang("nl")
    scored = {key: scored_text(text) for key, text in python_texts().items()}
    return {key: textstat.flesch_reading_ease(text) for key, text in scored.items()
            if len(text.split()) >= MIN_WORDS}


def test_no_text_gets_harder_to_read():
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    now = scores()
    harder = [f"{key}: {score:.1f} (was {baseline['texts'][key]:.1f})" for key, score in now.items()
              if key in baseline["texts"] and score < baseline["texts"][key] - TOLERANCE]
    assert not harder, "Moeilijker geworden (kortere zinnen of woorden, zie docs/content.md):\n" + "\n".join(harder)
    texts = bot_texts()
    new = [f"{key}: {score:.1f}" for key, score in now.items() if key not in baseline["texts"]
           and len(texts[key].split()) >= 10 and score < NEW_TEXT_MINIMUM]
    assert not new, f"Nieuwe teksten onder {NEW_TEXT_MINIMUM}:\n" + "\n".join(new)
    assert statistics.mean(now.values()) >= baseline["average"] - TOLERANCE
    assert statistics.mean(python_scores().values()) >= baseline["python_average"] - TOLERANCE


FLOOR = 50.0  # issue 30: no text of five words or more below this (Flesch-Douma); shorter texts score erratically


def test_no_text_of_five_words_or_more_is_hard_to_read():
    textstat.set_lang("nl")
    hard = [f"{key}: {textstat.flesch_reading_ease(text):.1f}: {text[:80]}" for key, text in bot_texts().items()
            if len(text.split()) >= MIN_WORDS and textstat.flesch_reading_ease(text) < FLOOR]
    assert not hard, f"Teksten onder {FLOOR}:\n" + "\n".join(hard)


def test_texts_built_in_python_are_easy_to_read_too():
    """Issue 30, item 4: cards, 'meer uitleg', the sharing log and every sentence written in the code."""
    texts = python_texts()
    hard = [f"{key}: {score:.1f}: {texts[key][:80]}" for key, score in python_scores().items() if score < FLOOR]
    assert not hard, f"Teksten uit de code onder {FLOOR}:\n" + "\n".join(hard)


def test_the_python_texts_are_really_collected():
    texts = python_texts()
    assert len(code_sentences()) > 50 and len(python_scores()) > 200
    assert any(key.startswith("advies bbl-werkgever") for key in texts)
    assert any(text.startswith("Waarom: ") for text in texts.values())  # the cards' lines
    assert "Regels voor geld veranderen vaak." in " ".join(texts.values())
    assert scored_text("Bron: aeno.nl/x (stand 2022). Gelezen op 1 maart 2026.") == "Bron: (stand 2022). Gelezen op 1 maart 2026."
    assert scored_text("Bronnen: Burgerlijk Wetboek, artikel 7:611a.") == ""


def test_the_measure_tells_easy_from_hard_dutch():
    textstat.set_lang("nl")
    easy = "Je kunt het hele jaar aanvragen. Kijk eerst op de website. Vraag het aan je leidinggevende."
    hard = ("Medezeggenschapsorganen dienen voorafgaand aan de implementatie van opleidingsbeleidsvoornemens "
            "geconsulteerd te worden overeenkomstig de toepasselijke wettelijke bepalingen.")
    assert textstat.flesch_reading_ease(easy) > 60 > textstat.flesch_reading_ease(hard)


def test_english_only_as_an_accepted_loan_word():
    found = []
    for key, text in bot_texts().items():
        for word in re.findall(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*", text):
            if word.lower() in ENGLISH and word.lower() not in LOAN_WORDS:
                found.append(f"{key}: {word}")
    assert not found, "Engels in een antwoord:\n" + "\n".join(found)


def test_the_loan_words_of_the_issue_are_allowed():
    assert {"pdf", "word", "excel", "link", "e-learning", "coaching", "hr", "manager"} <= LOAN_WORDS


if __name__ == "__main__":
    measured = scores()
    BASELINE.write_text(json.dumps({"average": round(statistics.mean(measured.values()), 2),
                                    "python_average": round(statistics.mean(python_scores().values()), 2),
                                    "texts": {k: round(v, 2) for k, v in sorted(measured.items())}},
                                   ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(measured)} teksten, gemiddeld {statistics.mean(measured.values()):.1f}: {BASELINE}")
