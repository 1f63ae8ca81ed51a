"""Issue 30, item 5: the training data speaks in more voices, and each phrase belongs to one intent only."""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest
import yaml

from bot import requests

ROOT = Path(__file__).resolve().parents[2]
MARKUP = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


def examples() -> dict[str, list[str]]:
    out: dict[str, list[str]] = collections.defaultdict(list)
    for path in sorted((ROOT / "data/nlu").glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "intent" in item:
                out[item["intent"]] += [MARKUP.sub(r"\1", line.strip()[2:]) for line in item["examples"].splitlines()
                                        if line.strip().startswith("- ")]
    return out


def _normal(text: str) -> str:
    return re.sub(r"[^\w\s]", "", text.lower()).strip()


def test_each_phrase_belongs_to_one_intent():
    where = collections.defaultdict(set)
    for intent, texts in examples().items():
        for text in texts:
            where[_normal(text)].add(intent)
    twice = {text: sorted(intents) for text, intents in where.items() if len(intents) > 1}
    assert not twice, twice


def test_the_data_speaks_in_more_voices():
    """Before issue 30: 15 examples in u-form, 19 questions with '?', 39 of twelve words or more."""
    texts = [text for texts in examples().values() for text in texts]
    u_form = [t for t in texts if re.search(r"\b(u|uw)\b", t, re.I)]
    questions = [t for t in texts if t.rstrip().endswith("?")]
    long = [t for t in texts if len(t.split()) >= 12]
    assert len(u_form) >= 30 and len(questions) >= 50 and len(long) >= 45, (len(u_form), len(questions), len(long))


def test_the_smallest_intents_have_room_to_learn():
    """The classifier sees every faq/... as one intent 'faq'; the smallest intents got examples first."""
    sizes = collections.Counter()
    for intent, texts in examples().items():
        sizes[intent.split("/")[0]] += len(texts)
    assert min(sizes.values()) >= 22, sorted(sizes.items(), key=lambda kv: kv[1])[:5]


@pytest.mark.parametrize("text", ["wat weet je van mij", "wat weet je al van mij?", "wat weet je allemaal van mij"])
def test_what_do_you_know_about_me_is_one_request(text):
    """It was an example of two intents and matched the evidence of two requests."""
    # any question has the form of these; a remark has no words of its own: the words decide which request
    question_form = {"faq", "regeling_vraag", "opmerking"}
    matching = [r.intent for r in requests.REQUESTS
                if r.intent not in question_form and re.search(r.evidence, text.lower())]
    assert matching == ["gegevens_inzien"]
    assert text.rstrip("?") not in [t.rstrip("?") for t in examples()["toon_antwoorden"]]


def test_a_tip_number_is_no_training_example():
    assert not any(re.search(r"\btip \d", t) for texts in examples().values() for t in texts)
