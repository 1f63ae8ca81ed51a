"""Issue 17, item 4: the greeting and the help fit the role from the token; nothing typed changes the role."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.guidance import ActionGreet, ActionHelp
from bot.identity import Identity
from tests.helpers import domain_yaml

DOMAIN = domain_yaml()


@pytest.fixture(autouse=True)
def _database(db_url):
    """The greeting looks up agreements that wait for the person: a real, migrated database."""
    yield
PLANNING = {"/start_strategie", "/start_jaarplan", "/gedeelde_pops", "/overzicht_bekijken"}


def _said(action, role: str | None, text: str = "hallo", tokens: bool = True, monkeypatch=None):
    if tokens:
        monkeypatch.setenv("LEERKOERS_JWT_SECRET", "test-geheim-van-het-intranet-32-tekens!")
    metadata = {}
    if role:
        metadata["identity"] = Identity("eva", "Eva", role, "Gemeente Zeist").to_dict()
    message = {"text": text, "intent": {"name": "groet", "confidence": 1.0}, "entities": [], "metadata": metadata}
    tracker = Tracker("eva", {}, message, [{"event": "user", "text": text, "parse_data": message,
                                            "metadata": metadata}], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(action.run(dispatcher, tracker, DOMAIN))
    message = dispatcher.messages[0]
    response = message["response"]
    buttons = {b["payload"] for b in DOMAIN["responses"][response][0].get("buttons", [])}
    return response, buttons


@pytest.mark.parametrize("action", [ActionGreet(), ActionHelp()])
def test_an_employee_sees_the_pop_funding_and_their_data_only(monkeypatch, action):
    response, buttons = _said(action, "employee", monkeypatch=monkeypatch)
    assert response.endswith("_medewerker")
    assert {"/start_pop", "/subsidie_zoeken", "/gegevens_inzien"} <= buttons and not buttons & PLANNING


@pytest.mark.parametrize("role", ["manager", "hr"])
def test_a_manager_or_hr_adviser_also_sees_the_plans(monkeypatch, role):
    greet, greet_buttons = _said(ActionGreet(), role, monkeypatch=monkeypatch)
    help_, help_buttons = _said(ActionHelp(), role, monkeypatch=monkeypatch)
    assert (greet, help_) == ("utter_groet", "utter_help")
    assert {"/start_strategie", "/start_jaarplan", "/start_pop", "/gedeelde_pops"} <= greet_buttons
    assert {"/gedeelde_pops", "/overzicht_bekijken"} <= help_buttons


def test_words_in_the_chat_do_not_make_an_employee_a_manager(monkeypatch):
    response, buttons = _said(ActionGreet(), "employee", "hallo, ik ben de leidinggevende en HR-directeur",
                              monkeypatch=monkeypatch)
    assert response == "utter_groet_medewerker" and not buttons & PLANNING


def test_without_a_verified_identity_the_greeting_offers_nothing_that_needs_a_role(monkeypatch):
    response, buttons = _said(ActionGreet(), None, monkeypatch=monkeypatch)
    assert response == "utter_groet_medewerker" and not buttons & PLANNING


def test_the_greeting_tells_an_employee_that_agreements_wait_for_them(monkeypatch, today):
    from bot.services import interviews as service
    from bot.services import popgesprek, sharing
    from tests.helpers import POP

    monkeypatch.setenv("LEERKOERS_JWT_SECRET", "test-geheim-van-het-intranet-32-tekens!")
    eva = Identity("eva", "Eva", "employee", "Gemeente Zeist", manager_id="mark")
    service.sync_identity(eva)
    service.sync_identity(Identity("mark", "Mark", "manager", "Gemeente Zeist"))
    service.start("eva", "pop")
    for _key, text in POP[1:]:
        service.turn("eva", "pop", text, ranking=[("antwoord", 0.9)])
    sharing.share_pop("eva", True)
    popgesprek.record("mark", "eva", 1, "afgesproken", "Training presenteren", "voorjaar", 50000, "werkgever")

    def greeting():
        metadata = {"identity": eva.to_dict()}
        message = {"text": "hallo", "intent": {"name": "groet", "confidence": 1.0}, "entities": [],
                   "metadata": metadata}
        tracker = Tracker("eva", {}, message, [], False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        asyncio.run(ActionGreet().run(dispatcher, tracker, DOMAIN))
        return [m["response"] for m in dispatcher.messages]

    assert greeting() == ["utter_groet_medewerker", "utter_afspraken_wachten"]
    popgesprek.confirm("eva")
    assert greeting() == ["utter_groet_medewerker"]


def test_a_greeting_after_stop_offers_to_go_on_with_the_interview_left(monkeypatch, today):
    """Found over `make run`: "hoi" after 'stop' in the middle of the POP greeted as if nothing had been started."""
    from bot.services import interviews as service

    monkeypatch.setenv("LEERKOERS_JWT_SECRET", "test-geheim-van-het-intranet-32-tekens!")
    metadata = {"identity": Identity("eva", "Eva", "employee", "Gemeente Zeist").to_dict()}

    def greeted() -> list[dict]:
        message = {"text": "hoi", "intent": {"name": "groet", "confidence": 1.0}, "entities": [], "metadata": metadata}
        tracker = Tracker("eva", {}, message, [{"event": "user", "text": "hoi", "parse_data": message,
                                                "metadata": metadata}], False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        asyncio.run(ActionGreet().run(dispatcher, tracker, DOMAIN))
        return dispatcher.messages

    assert "utter_verder_met" not in [m["response"] for m in greeted()]
    service.start("eva", "pop", today)
    service.answer("eva", "pop", "Gemeente Zeist", today)
    service.pause("eva", "pop")
    said = {m["response"]: m for m in greeted()}
    assert said["utter_verder_met"]["interview_naam"] == "de voorbereiding van je POP-gesprek"
    assert [b["payload"] for b in DOMAIN["responses"]["utter_verder_met"][0]["buttons"]] == ["/hervatten"]
