"""Issue 17, item 1 (the data and the rules; the conversation comes next): agreements of the POP-gesprek."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.identity import Identity
from bot.services import documents, popgesprek, privacy
from bot.services import interviews as service
from bot.storage.db import session_scope
from bot.storage.models import Agreement, AgreementLog
from tests.integration.popgesprek_helpers import EVA, HR, MARK, prepared_and_shared


def test_the_manager_records_the_employee_confirms_and_the_pop_shows_both(db_url, today):
    service.sync_identity(MARK)
    prepared_and_shared(today)
    [member] = popgesprek.team("mark", today.year)
    assert (member.person_id, member.prepared, member.shared, member.agreed, member.open) == \
        ("eva", True, True, 0, 0)

    popgesprek.record("mark", "eva", 1, "afgesproken", "Training presenteren", "voorjaar 2027", 125000,
                       "werkgever", year=today.year)
    assert popgesprek.team("mark", today.year)[0].open == 1
    [waiting] = popgesprek.mine("eva", today.year)
    assert waiting.employee_confirmed_at is None and waiting.manager_confirmed_at is not None
    assert popgesprek.confirm("eva", today.year) == 1
    assert popgesprek.team("mark", today.year)[0].agreed == 1

    # a change by the manager asks the employee again; the history keeps every step
    popgesprek.record("mark", "eva", 1, "aangepast", "Training presenteren, kort", "najaar 2027", 60000,
                       "samen", year=today.year)
    assert popgesprek.mine("eva", today.year)[0].employee_confirmed_at is None
    popgesprek.confirm("eva", today.year)
    with session_scope() as s:
        events = [(row.person_id, row.event) for row in s.execute(select(AgreementLog).order_by(AgreementLog.id))
                  .scalars()]
    assert events == [("mark", "vastgelegd"), ("eva", "bevestigd"), ("mark", "gewijzigd"), ("eva", "bevestigd")]

    doc = documents.pop_document("eva", today.year, today)
    [lines] = [body for title, body in doc.sections if title == "Afspraken uit het POP-gesprek"]
    assert "afgesproken met aanpassingen" in lines[0] and "€ 600" in lines[0] and "betaald door werkgever en medewerker samen" in lines[0]
    assert "Bevestigd door leidinggevende op" in lines[0] and "door medewerker op" in lines[0]


OTHER_TEAM = Identity("nora", "Nora", "manager", "Gemeente Zeist", organisation_id="gm0355")
OTHER_ORG = Identity("mark2", "Mark", "manager", "Gemeente Houten", organisation_id="gm0321")


@pytest.mark.parametrize("viewer", [OTHER_TEAM, OTHER_ORG, HR, EVA])
def test_nobody_but_the_own_manager_records_agreements(db_url, today, viewer):
    service.sync_identity(MARK)
    prepared_and_shared(today)
    service.sync_identity(viewer)
    with pytest.raises(popgesprek.NotAllowed):
        popgesprek.record(viewer.person_id, "eva", 1, "afgesproken", "iets", "morgen", 100, "werkgever",
                           year=today.year)
    if viewer.role == "manager":
        assert popgesprek.team(viewer.person_id, today.year) == []
    else:
        with pytest.raises(popgesprek.NotAllowed):
            popgesprek.team(viewer.person_id, today.year)
    assert popgesprek.mine("eva", today.year) == []


def test_a_pop_that_is_not_shared_stays_closed_to_the_own_manager(db_url, today):
    service.sync_identity(MARK)
    prepared_and_shared(today, share=False)
    assert popgesprek.team("mark", today.year)[0].shared is False
    with pytest.raises(popgesprek.NotAllowed, match="niet met je gedeeld"):
        popgesprek.record("mark", "eva", 1, "niet_nu", year=today.year)


def test_agreements_are_exported_and_deleted_with_the_person(db_url, today):
    import json

    service.sync_identity(MARK)
    prepared_and_shared(today)
    popgesprek.record("mark", "eva", 1, "niet_nu", "wordt gewist", year=today.year)
    [exported] = json.loads(privacy.export("eva"))["pops"]
    assert exported["agreements"][0]["decision"] == "niet_nu" and exported["agreements"][0]["activity"] is None
    privacy.delete_person("eva")
    with session_scope() as s:
        assert s.execute(select(Agreement)).first() is None and s.execute(select(AgreementLog)).first() is None


def _ask_team(monkeypatch, person: Identity, text: str = "POP-gesprekken van mijn team"):
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.sharing import ActionSharedPops
    from tests.helpers import domain_yaml

    monkeypatch.setenv("LEERKOERS_JWT_SECRET", "test-geheim-van-het-intranet-32-tekens!")
    metadata = {"identity": person.to_dict()}
    message = {"text": text, "intent": {"name": "gedeelde_pops", "confidence": 0.99},
               "entities": [], "metadata": metadata}
    tracker = Tracker(person.person_id, {}, message, [{"event": "user", "text": message["text"],
                                                       "parse_data": message, "metadata": metadata}],
                      False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionSharedPops().run(dispatcher, tracker, domain_yaml()))
    return dispatcher.messages


def test_the_manager_sees_the_state_of_the_own_team_in_the_chat(db_url, today, monkeypatch):
    piet = Identity("piet", "Piet", "employee", "Gemeente Zeist", organisation_id="gm0355", manager_id="mark")
    service.sync_identity(MARK)
    service.sync_identity(piet)
    prepared_and_shared(today)
    popgesprek.record("mark", "eva", 1, "afgesproken", "Training", "voorjaar", 50000, "werkgever",
                       year=today.year)
    messages = _ask_team(monkeypatch, MARK)
    [stand] = [m["stand"] for m in messages if m.get("response") == "utter_team_pop_stand"]
    assert "- Eva: POP gedeeld; geen afspraken bevestigd, 1 afspraak nog niet bevestigd" in stand
    assert "- Piet: nog geen POP voorbereid" in stand
    assert any(m.get("response") == "utter_gedeelde_pop" for m in messages)  # the link to read Eva's POP
    other = _ask_team(monkeypatch, OTHER_TEAM)
    assert not [m for m in other if m.get("response") == "utter_team_pop_stand"]
    assert "Eva" not in str(other)


def _agreement() -> tuple:
    with session_scope() as s:
        a = s.execute(select(Agreement)).scalar_one()
        return a.decision, a.activity, a.period, a.cost_cents, a.payer


def test_a_decision_with_the_whole_agreement_in_one_message_is_read_back_and_stored_when_confirmed(db_url, today):
    """Found over make run: a first message with decision, activity, period and cost kept only the decision."""
    service.sync_identity(MARK)
    prepared_and_shared(today)
    service.start("mark", "popgesprek", today)
    service.turn("mark", "popgesprek", "Eva de Vries", ranking=[("antwoord", 0.9)], today=today)
    turn = service.turn("mark", "popgesprek",
                        "afgesproken, ze gaat in maart een training timemanagement volgen, die kost 650 euro",
                        ranking=[("antwoord", 0.9)], today=today)
    assert [m.response for m in turn.messages] == ["genoteerd", "details_gelezen"]
    assert turn.prompt.response == "voorstel_delen"
    said = turn.prompt.params["wat"]
    assert "training timemanagement" in said and "€ 650" in said and "maart" in said
    assert _agreement() == ("afgesproken", None, None, None, None)  # nothing but the decision before the yes
    turn = service.turn("mark", "popgesprek", "ja", ranking=[("antwoord", 0.9)], today=today)
    assert turn.prompt.response == "vraag_afspraak_betaalt"
    decision, activity, period, cost, payer = _agreement()
    assert (decision, activity, cost, payer) == ("afgesproken", "training timemanagement", 65000, None)
    assert period.startswith("maart")


def test_a_decision_with_a_remark_after_it_is_not_lost(db_url, today):
    service.sync_identity(MARK)
    prepared_and_shared(today)
    service.start("mark", "popgesprek", today)
    service.turn("mark", "popgesprek", "Eva de Vries", ranking=[("antwoord", 0.9)], today=today)
    turn = service.turn("mark", "popgesprek", "niet nu, eerst moet ze haar inwerkperiode goed afronden en daarna "
                        "kijken we in het najaar opnieuw naar dit doel", ranking=[("antwoord", 0.9)], today=today)
    assert _agreement()[0] == "niet_nu"
    assert "details_niet_bewaard" in [m.response for m in turn.messages]


def test_a_manager_asking_for_someone_elses_pop_gets_none_and_no_other_pop(db_url, today, monkeypatch):
    """Found over make run: "laat de pop van sanne zien" showed the team and a link to Joris's POP."""
    service.sync_identity(MARK)
    prepared_and_shared(today)
    said = _ask_team(monkeypatch, MARK, "laat de pop van sanne zien")
    assert [m["response"] for m in said] == ["utter_geen_pop_van"] and said[0]["naam"] == "Sanne"
    said = _ask_team(monkeypatch, MARK, "laat de pop van eva zien")
    assert [m["response"] for m in said] == ["utter_gedeelde_pop"]


def test_a_manager_cannot_share_an_employees_pop_and_hears_who_can(db_url, today, monkeypatch):
    """Found over make run: "deel de pop van joris met hr" (a manager) got "Je hebt nog geen POP ingevuld"."""
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.sharing import ActionSharePop
    from tests.helpers import domain_yaml

    service.sync_identity(MARK)
    prepared_and_shared(today)
    monkeypatch.setenv("LEERKOERS_JWT_SECRET", "test-geheim-van-het-intranet-32-tekens!")
    metadata = {"identity": MARK.to_dict()}
    message = {"text": "deel de pop van eva met hr", "intent": {"name": "pop_delen", "confidence": 0.95},
               "entities": [], "metadata": metadata}
    tracker = Tracker("mark", {}, message, [{"event": "user", "text": message["text"], "parse_data": message,
                                             "metadata": metadata}], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionSharePop().run(dispatcher, tracker, domain_yaml()))
    assert [m["response"] for m in dispatcher.messages] == ["utter_pop_alleen_eigenaar_deelt"]
    with session_scope() as s:
        from bot.storage.models import Pop

        assert s.execute(select(Pop.shared_with_hr)).scalar_one() is False


@pytest.mark.parametrize("text", ["afgesproken, zo gaan we het doen", "aangepast, het wordt een kortere training"])
def test_a_remark_after_the_decision_is_not_read_as_the_activity(db_url, today, text):
    """The in-context set: the words after the decision were offered as the learning activity."""
    service.sync_identity(MARK)
    prepared_and_shared(today)
    service.start("mark", "popgesprek", today)
    service.turn("mark", "popgesprek", "Eva de Vries", ranking=[("antwoord", 0.9)], today=today)
    turn = service.turn("mark", "popgesprek", text, ranking=[("antwoord", 0.9)], today=today)
    assert turn.prompt.response == "vraag_afspraak_activiteit"
    assert "details_gelezen" not in [m.response for m in turn.messages]
