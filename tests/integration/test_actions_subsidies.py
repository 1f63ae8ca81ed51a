"""Funding adapters with real trackers and the real domain."""

from __future__ import annotations

from actions import subsidies as sub
from bot.services import interviews as service
from tests.helpers import STRATEGIE
from tests.integration.action_helpers import responses, run, tracker


def form_tracker(slot, value, sender="m1", intent=None):
    return tracker(sender, value, intent, slots={"requested_slot": slot}, loop="subsidie_form",
                   slot_events={slot: value})


def test_start_uses_the_stored_profile(db_url, today):
    service.start("m1", "strategie", today)
    for _key, text in STRATEGIE[:3]:
        service.answer("m1", "strategie", text, today)
    messages, slots = run(sub.ActionFundingStart(), tracker("m1", "welke subsidies passen?", "subsidie_zoeken"))
    assert responses(messages) == ["utter_subsidie_start"]
    assert slots == {"subsidie_sector": "gemeente", "subsidie_medewerkers": "800", "subsidie_doel": None,
                     "subsidie_leeftijd": None}


def test_start_without_profile_reads_the_question(db_url):
    trk = tracker("x", "is er subsidie voor een cursus voor oudere medewerkers?", "subsidie_zoeken")
    _, slots = run(sub.ActionFundingStart(), trk)
    assert slots == {"subsidie_sector": None, "subsidie_medewerkers": None, "subsidie_doel": "cursus,oudere",
                     "subsidie_leeftijd": None}


def test_a_person_paying_a_course_gets_advice_without_the_loan_for_studies(db_url):
    """Found trying issue 30 with make run: the funding form read only the facts of the message, so 'een cursus
    fotografie' that someone pays themselves got the levenlanglerenkrediet (hbo, wo, mbo-bol only) first."""
    trk = tracker("z", "ik wil zelf een cursus fotografie betalen, is daar iets voor?", "subsidie_zoeken")
    _, slots = run(sub.ActionFundingStart(), trk)
    assert slots["subsidie_doel"] == "cursus,individueel" and slots["subsidie_sector"] == sub.NOT_NEEDED
    messages, _ = run(sub.ActionFundingAdvice(), tracker("z", "", slots=slots))
    cards = [m["kaart"] for m in messages if m["response"] == "utter_subsidie_kaart"]
    assert cards and not any(c.startswith("Levenlanglerenkrediet") for c in cards)
    said = " ".join(m.get("advies", "") for m in messages)
    assert "Levenlanglerenkrediet past niet: de regeling betaalt geen cursussen" in said


def test_form_validation(db_url):
    messages, slots = run(sub.ValidateFundingForm(), form_tracker("subsidie_sector", "wij zijn een muziekschool"))
    assert slots == {"subsidie_sector": "kunsteducatie"} and messages == []
    messages, slots = run(sub.ValidateFundingForm(), form_tracker("subsidie_sector", "een bakkerij?"))
    assert slots == {"subsidie_sector": "privaat"} and messages == []  # a kind of business is a company
    messages, slots = run(sub.ValidateFundingForm(), form_tracker("subsidie_sector", "een blauwe?"))
    assert responses(messages) == ["utter_geen_sector"] and slots == {"subsidie_sector": None}
    messages, slots = run(sub.ValidateFundingForm(), form_tracker("subsidie_medewerkers", "zo'n veertig"))
    assert slots == {"subsidie_medewerkers": "40"}
    messages, slots = run(sub.ValidateFundingForm(), form_tracker("subsidie_medewerkers", "veel"))
    assert responses(messages) == ["utter_geen_aantal"]
    _, slots = run(sub.ValidateFundingForm(), form_tracker("subsidie_doel", "leerwerkplek"))
    assert slots == {"subsidie_doel": "werkleerplaats"}
    _, slots = run(sub.ValidateFundingForm(), form_tracker("subsidie_doel", "weet ik niet"))
    assert slots == {"subsidie_doel": "onbekend"}
    _, slots = run(sub.ValidateFundingForm(), form_tracker("subsidie_doel", "Opleiding voor een team of groep"))
    assert slots == {"subsidie_doel": "groep"}


def test_not_knowing_what_the_money_is_for_is_not_a_training_for_a_group(db_url):
    """'Weet ik nog niet' was stored as 'groep', so a company of 30 that did not know yet heard that SLIM does not
    pay a training for a group."""
    _, slots = run(sub.ValidateFundingForm(), form_tracker("subsidie_doel", "Weet ik nog niet"))
    trk = tracker("b30", "", slots={"subsidie_sector": "privaat", "subsidie_medewerkers": "30", **slots})
    messages, _ = run(sub.ActionFundingAdvice(), trk)
    cards = [m["kaart"] for m in messages if m["response"] == "utter_subsidie_kaart"]
    assert cards[0].startswith("SLIM-regeling"), cards
    assert "betaalt geen" not in " ".join(m.get("advies", "") for m in messages)
    _, slots = run(sub.ValidateFundingForm(), form_tracker("subsidie_doel", "stop", intent="stoppen"))
    assert slots["subsidie_doel"] == "gestopt"


def test_advice_for_gemeente_and_kunstencentrum(db_url):
    trk = tracker("m1", "", slots={"subsidie_sector": "gemeente", "subsidie_medewerkers": "800", "subsidie_doel": "groep"})
    messages, slots = run(sub.ActionFundingAdvice(), trk)
    cards = [m for m in messages if m["response"] == "utter_subsidie_kaart"]
    assert 1 <= len(cards) <= 3 and cards[0]["kaart"].startswith("A&O fonds Gemeenten")
    assert cards[0]["buttons"][0]["payload"] == '/regeling_vraag{"regeling": "aeno_stimulering"}'
    card = cards[0]["custom"]  # the same facts as a card for the widget
    assert card["type"] == "card" and card["title"] == cards[0]["kaart"].split("\n")[0]
    assert [label for label, _ in card["fields"]][0] == "Waarom" and card["fields"][-1][0] == "Bron"
    assert all(f"{label}: {value}" in cards[0]["kaart"] for label, value in card["fields"])
    assert "Stichting OAK" not in " ".join(c["kaart"] for c in cards)
    assert slots == {"subsidie_sector": None, "subsidie_medewerkers": None, "subsidie_doel": None,
                     "subsidie_leeftijd": None}
    trk = tracker("k1", "", slots={"subsidie_sector": "kunsteducatie", "subsidie_medewerkers": "40",
                                   "subsidie_doel": "groep"})
    messages, _ = run(sub.ActionFundingAdvice(), trk)
    cards = [m["kaart"] for m in messages if m["response"] == "utter_subsidie_kaart"]
    assert cards[0].startswith("Stichting OAK") and "A&O" not in " ".join(cards)
    messages, _ = run(sub.ActionFundingAdvice(), tracker("k1", "", slots={"subsidie_sector": "gestopt"}))
    assert responses(messages) == ["utter_subsidie_gestopt"]


def test_scheme_questions(db_url):
    messages, _ = run(sub.ActionSchemeInfo(), tracker("m1", "bestaat de WVA nog?", "regeling_vraag"))
    assert "bestaat niet meer sinds 1 januari 2014" in messages[0]["info"]
    assert "Subsidieregeling praktijkleren" in messages[0]["info"]
    messages, _ = run(sub.ActionSchemeInfo(), tracker("m1", '/regeling_vraag{"regeling": "slim"}', "regeling_vraag"))
    assert messages[0]["info"].startswith("SLIM-regeling") and "Bron:" in messages[0]["info"]
    (button,) = messages[0]["buttons"]
    assert button["title"] == "Voorwaarden van SLIM-regeling"
    messages, _ = run(sub.ActionSchemeInfo(), tracker("m1", button["payload"], "regeling_vraag"))
    assert messages[0]["info"].startswith("Voorwaarden van SLIM-regeling:\n- ") and "Bronnen:" in messages[0]["info"]
    messages, _ = run(sub.ActionSchemeInfo(), tracker("m1", "wat is de zwemregeling?", "regeling_vraag"))
    assert responses(messages) == ["utter_regeling_onbekend"]  # said honestly, no list of twenty names (issue 42)
    # the asked part first, and the scheme is remembered for a follow-up without its name
    messages, slots = run(sub.ActionSchemeInfo(), tracker("m1", "wie vraagt praktijkleren aan?", "regeling_vraag"))
    assert messages[0]["info"].startswith("De werkgever vraagt de Subsidieregeling praktijkleren aan")
    assert slots == {"laatste_regeling": "praktijkleren"}
    messages, _ = run(sub.ActionSchemeInfo(), tracker("m1", "en tot wanneer kan dat?", "regeling_vraag",
                                                      slots={"laatste_regeling": "praktijkleren"}))
    assert messages[0]["info"].startswith("De Subsidieregeling praktijkleren: aanvragen kan")


def test_reset_slots_are_not_validated(db_url):
    """action_subsidie_start sets unknown slots to None; the form must ask, not complain."""
    trk = tracker("x", "/subsidie_zoeken", "subsidie_zoeken", loop="subsidie_form",
                  slot_events={"subsidie_sector": None, "subsidie_medewerkers": None, "subsidie_doel": None})
    messages, slots = run(sub.ValidateFundingForm(), trk)
    assert messages == []
    assert slots == {"subsidie_sector": None, "subsidie_medewerkers": None, "subsidie_doel": None}


def test_what_was_said_just_before_the_funding_button_counts(db_url):
    """Found over make run: "ik ben zzp'er en zoek een cursus" (read as an answer without a question) and then a
    click on "Subsidies zoeken": the bot asked how many people work "bij jullie" and what the money was for."""
    from bot.dutch.facts import extract

    earlier = "ik ben zzp'er en wil een cursus projectmanagement doen"
    entities = [{"entity": k, "value": v, "extractor": "FactsEntityExtractor"}
                for k, v in extract(earlier).as_entities().items()]
    trk = tracker("z1", "/subsidie_zoeken", "subsidie_zoeken")
    trk.events.insert(0, {"event": "user", "text": earlier, "parse_data": {"text": earlier, "entities": entities}})
    messages, slots = run(sub.ActionFundingStart(), trk)
    assert slots["subsidie_sector"] == sub.NOT_NEEDED and slots["subsidie_medewerkers"] == sub.NOT_NEEDED
    assert "zzp" in slots["subsidie_doel"].split(",")
    assert any("zelfstandige (zzp'er)" in (m.get("feiten") or "") for m in messages)


def test_saying_you_are_self_employed_at_a_funding_question_ends_the_questions(db_url):
    messages, slots = run(sub.ValidateFundingForm(),
                          form_tracker("subsidie_medewerkers", "ik heb geen werknemers, ik ben zzp'er. ik werk alleen"))
    assert slots["subsidie_sector"] == sub.NOT_NEEDED and slots["subsidie_medewerkers"] == sub.NOT_NEEDED
    assert set(slots["subsidie_doel"].split(",")) >= {"zzp", "individueel"} and not messages
