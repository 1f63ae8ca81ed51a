"""Answers stay answers (issue 13): stored only under the question the person saw, never lost or shifted."""

from sqlalchemy import select

from bot.services import interviews as service
from bot.storage.db import session_scope
from bot.storage.models import Activity, AnswerLog
from tests.helpers import JAARPLAN, POP, STRATEGIE


def _log(person):
    with session_scope() as s:
        return [tuple(r) for r in s.execute(select(AnswerLog.question, AnswerLog.text)
                                            .where(AnswerLog.person_id == person).order_by(AnswerLog.id))]


def _to(person, interview, script, today, upto):
    service.start(person, interview, today)
    for key, text in script:
        if key == upto:
            return
        service.answer(person, interview, text, today)


def test_an_answer_to_a_question_that_moved_on_is_not_stored_under_the_new_question(db_url, today):
    """Two windows: the person answers 'functie' in one while the other already moved to 'team'."""
    _to("e", "pop", POP, today, "pop_functie")
    assert service.current_question("e", "pop", today) == "pop_functie"
    service.answer("e", "pop", "beleidsmedewerker", today)  # window 1; window 2 still shows 'functie'
    service.prompt("e", "pop", today)  # window 1 now shows 'team'
    # window 2 still shows the question about the job title: its answer must not land under 'team'.
    with session_scope() as s:
        from bot.storage import repository as repo
        repo.get_state(s, "e", "pop").asked_question = "pop_functie"
    turn = service.turn("e", "pop", "Sociaal Domein", ranking=[("antwoord", 0.9)], today=today)
    assert [m.response for m in turn.messages] == ["vraag_veranderd"]
    assert turn.prompt.response == "vraag_pop_team"
    assert ("pop_team", "Sociaal Domein") not in _log("e")


def test_a_request_leaves_the_interview_at_the_same_question(db_url, today):
    _to("e", "pop", POP, today, "pop_functie")
    turn = service.turn("e", "pop", "welke subsidies passen bij mijn opleiding?",
                        ranking=[("subsidie_zoeken", 0.97)], today=today)
    assert turn.request == "subsidie_zoeken" and not turn.accepted
    assert turn.messages[0].response == "subsidie_advies"
    assert turn.prompt.response == "vraag_pop_functie"
    turn = service.turn("e", "pop", "Beleidsmedewerker subsidies", ranking=[("subsidie_zoeken", 0.95)], today=today)
    assert turn.accepted and turn.prompt.response == "vraag_pop_team"
    assert _log("e")[-1] == ("pop_functie", "Beleidsmedewerker subsidies")


def test_unsure_asks_with_buttons_and_stores_under_the_question_seen(db_url, today):
    _to("e", "pop", POP, today, "pop_functie")
    turn = service.turn("e", "pop", "subsidies", ranking=[("subsidie_zoeken", 0.95)], today=today)
    assert turn.unsure == "subsidie_zoeken" and turn.prompt is None
    message = turn.messages[0]
    assert message.response == "antwoord_of_verzoek" and message.params["vraag_label"] == "'Functie'"
    assert [b["payload"] for b in message.buttons] == ["/antwoord", "/subsidie_zoeken"]
    turn = service.turn("e", "pop", "/antwoord", ranking=[("antwoord", 1.0)], today=today)
    assert turn.accepted and _log("e")[-1] == ("pop_functie", "subsidies")
    assert turn.prompt.response == "vraag_pop_team"


def test_unsure_then_the_request_button_stores_nothing(db_url, today):
    _to("e", "pop", POP, today, "pop_functie")
    service.turn("e", "pop", "subsidies", ranking=[("subsidie_zoeken", 0.95)], today=today)
    before = _log("e")
    turn = service.turn("e", "pop", "/subsidie_zoeken", ranking=[("subsidie_zoeken", 1.0)], today=today)
    assert turn.request == "subsidie_zoeken" and turn.prompt.response == "vraag_pop_functie"
    assert _log("e") == before
    # the held message is gone: the answer button now stores nothing
    turn = service.turn("e", "pop", "/antwoord", ranking=[("antwoord", 1.0)], today=today)
    assert not turn.accepted and _log("e") == before


def test_an_activity_in_one_message_fills_every_question_it_answers(db_url, today):
    _to("m", "strategie", STRATEGIE, today, None)
    _to("m", "jaarplan", JAARPLAN, today, "act_wat")
    turn = service.turn("m", "jaarplan", "Training datagedreven werken voor alle beleidsmedewerkers, in het "
                        "tweede kwartaal, door Hogeschool Utrecht, € 12.500", ranking=[("start_jaarplan", 0.7)],
                        today=today)
    # every part is said back first, with the period's dates (issue 39); "ja" stores them all
    assert not turn.accepted and turn.prompt.response == "voorstel_delen"
    assert "€ 12.500" in turn.prompt.params["wat"] and "1 april tot en met 30 juni 2027" in turn.prompt.params["wat"]
    turn = service.turn("m", "jaarplan", "ja", ranking=[("bevestigen", 0.9)], today=today)
    assert turn.accepted and "activiteit_delen_opgeslagen" in [m.response for m in turn.messages]
    with session_scope() as s:
        act = s.execute(select(Activity)).scalars().one()
        assert (act.title, act.target_group, act.period, act.provider, act.cost_cents) == (
            "Training datagedreven werken", "alle beleidsmedewerkers", "2e kwartaal 2027", "Hogeschool Utrecht",
            1_250_000)
    asked = []
    while (key := service.current_question("m", "jaarplan", today)) != "act_nog_een":
        asked.append(key)
        service.answer("m", "jaarplan", dict(JAARPLAN)[key], today)
    assert asked == ["act_soort", "act_speerpunt", "act_doel", "act_vorm", "act_samen"]


def test_an_organisation_answer_with_more_facts_fills_those_questions_too(db_url, today):
    _to("m", "strategie", [("org_naam", "Stichting De Brug")] + STRATEGIE[1:], today, "org_sector")
    turn = service.turn("m", "strategie", "we zijn een gemeente met ongeveer 300 medewerkers",
                        ranking=[("antwoord", 0.9)], today=today)
    assert turn.accepted and turn.prompt.response == "vraag_org_or"  # the number of employees is not asked
    assert turn.messages[0].response == "genoteerd"  # the kind read from a sentence is said back (issue 39)
    assert turn.messages[-1].response == "feiten_begrepen"
    assert "300 mensen" in turn.messages[-1].params["feiten"]


def test_facts_of_the_first_message_fill_the_organisation_questions(db_url, today):
    from bot.dutch.facts import extract
    from bot.identity import Identity

    service.sync_identity(Identity("hr", "HR", "hr", "Gemeente Baarn"))
    turn = service.start("hr", "strategie", today,
                         facts=extract("wij zijn een gemeente met 250 medewerkers, help me met het opleidingsbeleid"))
    assert turn.prompt.response == "vraag_org_or"
    assert [m.response for m in turn.messages] == ["feiten_begrepen"]
    assert turn.messages[0].params["feiten"] == "Je werkt bij een gemeente met ongeveer 250 mensen."


def test_a_few_words_pointing_at_the_pop_are_not_stored_as_the_organisation_name(db_url, today):
    """Found by trying it: "die pop van mij" at "Bij welke organisatie werk je?" became the organisation's name."""
    service.start("m", "strategie", today)
    assert service.current_question("m", "strategie", today) == "org_naam"
    turn = service.turn("m", "strategie", "die pop van mij",
                        ranking=[("nlu_fallback", 0.4), ("gegevens_inzien", 0.31), ("start_pop", 0.27)], today=today)
    assert turn.unsure == "start_pop" and not turn.accepted and _log("m") == []
    assert [b["payload"] for b in turn.messages[0].buttons] == ["/antwoord", "/start_pop"]
    turn = service.turn("m", "strategie", "Gemeente Zeist", ranking=[("antwoord", 0.7)], today=today)
    assert turn.accepted and _log("m") == [("org_naam", "Gemeente Zeist")]


def test_a_scheme_question_inside_an_interview_keeps_its_conditions_button_and_knows_the_sector(db_url, today):
    """Tried with make run: inside the POP of someone at 'Gemeente Zeist', funding advice asked for the sector."""
    _to("e", "pop", POP, today, "pop_functie")
    turn = service.turn("e", "pop", "wat is slim?", ranking=[("regeling_vraag", 0.95)], today=today)
    assert turn.extra == {"handoff": "regeling_vraag"}  # its adapter answers, with the scheme of the conversation
    turn = service.turn("e", "pop", "welke subsidies passen?", ranking=[("subsidie_zoeken", 0.95)], today=today)
    said = " ".join(str(v) for m in turn.messages for v in m.params.values())
    cards = [m.params["kaart"] for m in turn.messages if m.response == "subsidie_kaart"]
    assert "Werk je bij een gemeente" not in said and cards[0].startswith("A&O fonds Gemeenten")
    assert not any(c.startswith("SLIM") for c in cards)
