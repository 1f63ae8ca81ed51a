"""A typed choice is a choice (issue 28, item 5): every button defined in the data, typed instead of clicked."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dutch.choices import match_button
from bot.funding import advice
from bot.interviews import catalogue, parts
from bot.interviews.context import buttons as make_buttons
from rasa_addons.typed_buttons import typed_button_payload
from tests.helpers import domain_yaml, typed_versions


def domain_button_sets() -> list[tuple[str, list[dict]]]:
    """(response, its buttons) for every response of the domain that shows buttons."""
    sets = []
    for name, variants in domain_yaml()["responses"].items():
        for variant in variants:
            if variant.get("buttons"):
                sets.append((name, variant["buttons"]))
    return sets


def question_button_sets() -> list[tuple[str, list[dict]]]:
    """(question, its buttons) for every question file's fixed buttons, and the buttons a kind of question gets."""
    sets = [("ja/nee", make_buttons(list(parts.YES_NO))), ("soort leren", make_buttons(list(parts.KINDS))),
            ("soort organisatie", parts.SOURCES["sectors"](None)[0])]
    for q in catalogue.load().questions.values():
        if q.buttons:
            sets.append((q.key, make_buttons(list(q.buttons) + list(q.extra_buttons))))
        if q.variant and q.variant.buttons:
            sets.append((q.key + " (variant)", make_buttons([(b.title, b.value) for b in q.variant.buttons])))
    return sets


YES_NO_BUTTONS = make_buttons(list(parts.YES_NO))
SECTOR_BUTTONS = parts.SOURCES["sectors"](None)[0]
BUTTON_SETS = domain_button_sets() + question_button_sets()


def test_the_data_defines_buttons_to_check():
    names = {name for name, _ in BUTTON_SETS}
    assert {"utter_help", "utter_help_medewerker", "utter_fallback"} <= names
    assert {"soort organisatie", "subsidie_doel", "subsidie_medewerkers", "strategie_or", "afspraak_besluit", "eval_status", "ja/nee"} <= names


@pytest.mark.parametrize("response, buttons", BUTTON_SETS, ids=[name for name, _ in BUTTON_SETS])
def test_typing_every_title_is_clicking_that_button(response, buttons):
    for button in buttons:
        for typed in typed_versions(button["title"]):
            found = match_button(typed, buttons)
            assert found is not None and found["payload"] == button["payload"], (response, typed, found)


def test_a_real_answer_that_contains_a_title_stays_an_answer():
    assert match_button("Ja, maar alleen als het budget het toelaat", YES_NO_BUTTONS) is None
    assert match_button("Ik werk bij een gemeente en wil teamleider worden", SECTOR_BUTTONS) is None
    assert match_button("jaa", YES_NO_BUTTONS) is None  # short titles only exactly: "ja" and "nee" never mix up
    assert match_button("/start_pop", [{"title": "start pop", "payload": "/x"}]) is None


@pytest.mark.parametrize("typed", ["Private organisatie", "Andere publieke organisatie", "prive organisatie"])
def test_the_funding_sector_question_reads_its_own_titles(typed):
    """Issue 28 finding: the bot named the choice and then rejected it."""
    assert advice.parse_sector(typed) in ("privaat", "overig_publiek")


def _tracker_after(buttons: list[dict]) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("eva", [
        ActionExecuted("action_listen"), UserUttered("help", {"name": "help", "confidence": 1.0}),
        BotUttered("Ik kan je helpen met:", {"buttons": buttons}), ActionExecuted("action_listen")])


def test_a_title_typed_after_the_help_menu_is_that_buttons_payload():
    """Issue 28 finding: 'POP-gesprekken van mijn team' typed got 'Sorry', lower case started the own POP."""
    help_buttons = next(b for name, b in BUTTON_SETS if name == "utter_help")
    tracker = _tracker_after(help_buttons)
    for typed in ("POP-gesprekken van mijn team", "pop gesprekken van mijn team", "Popgesprekken van mijn team"):
        assert typed_button_payload(typed, tracker) == "/gedeelde_pops"
    assert typed_button_payload("ik wil mijn POP voorbereiden voor volgende week", tracker) is None


def test_only_the_buttons_since_the_last_message_count():
    tracker = _tracker_after([{"title": "Ja", "payload": "/bevestigen"}])
    tracker.update(UserUttered("nee", {"name": "ontkennen", "confidence": 1.0}))
    assert typed_button_payload("ja", tracker) is None


def test_yes_to_a_message_that_offers_one_thing_is_that_thing():
    """Found in a conversation test: "ja" to "Wil je een antwoord aanpassen?" [one button] got the main menu."""
    offer = {"title": "Soort leren van leerdoel 2", "payload": '/wijzig_antwoord{"vraag":"doel_soort","item":"2"}'}
    assert typed_button_payload("ja", _tracker_after([offer])) == offer["payload"]
    assert typed_button_payload("ja hoor", _tracker_after([offer, {"title": "Iets anders", "payload": "/help"}])) == \
        offer["payload"]
    two = [offer, {"title": "Kosten van activiteit 1", "payload": "/wijzig_antwoord{}"}]
    assert typed_button_payload("ja", _tracker_after(two)) is None  # which one? still asked
    assert typed_button_payload("nee", _tracker_after([offer])) is None
    # found over make run: "ja" to an open question with one answer button ("Geen") was stored as that answer
    assert typed_button_payload("ja", _tracker_after([{"title": "Geen", "payload": "geen"}])) is None
    assert typed_button_payload("Geen", _tracker_after([{"title": "Geen", "payload": "geen"}])) == "geen"


def test_every_name_a_question_file_may_use_has_its_part():
    from bot.interviews import named

    assert set(named.SOURCES) == set(parts.SOURCES)
    assert set(named.CONDITIONS) == set(parts.CONDITIONS)
    assert set(named.HOOKS) == set(parts.HOOKS)


def test_a_plan_to_ask_the_works_council_for_consent_is_planned():
    """Found over `make run`: "nog niet, we willen het ... aan de OR voorleggen ter instemming" offered "Ja, de OR is
    betrokken" as a reading because of the word "instemming"."""
    from bot.dutch.parsing import WORKS_COUNCIL_CHOICES, read_choice

    text = "nog niet, we willen het na de zomervakantie aan de OR voorleggen ter instemming"
    assert read_choice(text, WORKS_COUNCIL_CHOICES).value == "gepland"
    assert read_choice("de OR heeft instemming gegeven", WORKS_COUNCIL_CHOICES).value == "ja"


def test_a_reply_that_names_what_sets_one_answer_apart_picks_that_answer():
    """Found over make run: after "mijn ambitie klopt niet, het is ..." the bot asked which ambition; "die voor later,
    over 3 tot 5 jaar" was stored as the answer to the question still open (the strategic learning wish)."""
    short = {"title": "Ambitie voor het komende jaar", "payload": '/wijzig_antwoord{"vraag":"pop_ambitie_kort"}'}
    long = {"title": "Ambitie voor de komende 3 tot 5 jaar", "payload": '/wijzig_antwoord{"vraag":"pop_ambitie_lang"}'}
    shown = [short, long, {"title": "Geen", "payload": "geen"}]
    assert typed_button_payload("die voor later, over 3 tot 5 jaar", _tracker_after(shown)) == long["payload"]
    assert typed_button_payload("de 3 tot 5 jaar", _tracker_after(shown)) == long["payload"]
    for reply in ("geen idee eigenlijk", "de ambitie", "een training over klantcontact voor het hele team volgend jaar",
                  "een cursus van 3 dagen"):
        assert typed_button_payload(reply, _tracker_after(shown)) is None, reply  # nothing sets one apart: no click
