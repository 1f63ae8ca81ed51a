"""Issue 30, item 3: every jargon word the knowledge base keeps is explained where a message first uses it."""

from __future__ import annotations

from datetime import date

import pytest

from bot import funding
from bot.funding import advice
from bot.funding.words import WordsError, explain, parse_words, word_pattern

KB = funding.load()
TODAY = date(2026, 12, 4)
PERSONAS = [("gemeente", 300, {"groep"}), ("kunsteducatie", 40, set()), ("privaat", 30, {"loopbaanadvies"}),
            (None, None, {"individueel"}), ("privaat", 400, {"werkleerplaats"}), (None, None, {"laagopgeleid"}),
            ("overig_publiek", 80, {"mbo_samenwerking"})]


def _messages() -> list[tuple[str, str]]:
    out = []
    for scheme in KB.schemes.values():
        out.append((f"{scheme.id} meer uitleg", funding.describe_scheme(KB, scheme, TODAY)))
        if funding.has_conditions(scheme):
            out.append((f"{scheme.id} voorwaarden", funding.describe_conditions(KB, scheme, TODAY)))
    for sector, employees, situations in PERSONAS:
        for card in advice.advise(sector, employees, situations, today=TODAY).cards:
            out.append((f"kaart {card.scheme_id} voor {sector}", card.text()))
    return out


def test_the_words_of_the_review_have_an_explanation_or_are_gone():
    for word in ("NLQF-niveau", "O&O-fonds", "centrumgemeente", "eHerkenning", "vrije ruimte"):
        assert word in KB.words, word
    assert not any("BNVU" in text or "cofinanciering" in text for _key, text in _messages())


@pytest.mark.parametrize("key,text", _messages(), ids=[key for key, _text in _messages()])
def test_every_jargon_word_in_a_message_is_explained_there(key, text):
    for word, explanation in KB.words.items():
        if word_pattern(word).search(text.rsplit("\n", 1)[0] if "Bron" in text.rsplit("\n", 1)[-1] else text):
            assert explanation in text, f"{word} zonder uitleg in: {text}"


def test_the_explanation_comes_once_after_the_first_use():
    words = {"O&O-fonds": "het opleidingsfonds van een sector"}
    first, second = explain(["Vraag het O&O-fonds.", "Of een ander O&O-fonds."], words)
    assert first == "Vraag het O&O-fonds (het opleidingsfonds van een sector)."
    assert second == "Of een ander O&O-fonds."
    assert explain(["De O&O-fondsen helpen."], words) == ["De O&O-fondsen (het opleidingsfonds van een sector) helpen."]
    said = "Je vraagt aan met eHerkenning, een inlogmiddel voor bedrijven."
    assert explain([said], {"eHerkenning": "een inlogmiddel voor bedrijven"}) == [said]
    assert explain(["Geen vakwoord hier."], words) == ["Geen vakwoord hier."]


@pytest.mark.parametrize("data", [{"x": "uitleg (met haakjes)"}, {"x": " ".join(["woord"] * 11)}, ["x"], {"x": 3}])
def test_a_broken_word_list_is_refused(data):
    with pytest.raises(WordsError):
        parse_words(data)
