"""The Rasa SDK adapters with real trackers, a real dispatcher and the real domain (domain/)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from actions import interview as act
from actions.sharing import ActionSharedPops
from bot.identity import Identity
from bot.services import interviews as service
from bot.storage.db import session_scope
from bot.storage.models import Pop
from tests.integration.action_helpers import DOMAIN, responses, run, tracker


def answer(text, sender="e1", interview="pop", **kw):
    trk = tracker(sender, text, kw.pop("intent", None), kw.pop("confidence", 1.0),
                  slots={"actief_interview": interview}, loop="interview_form",
                  slot_events={"interview_antwoord": text}, **kw)
    return run(act.ValidateInterviewForm(), trk)


def test_start_sets_slots_and_introduces(db_url):
    messages, slots = run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop"))
    assert responses(messages) == ["utter_start_pop", "utter_vraag_org_naam"]
    assert slots == {"actief_interview": "pop", "interview_open": True, "interview_antwoord": None,
                     "laatste_regeling": None}


def test_start_and_each_answer_send_the_current_question_with_buttons(db_url):
    messages, _ = run(act.ActionStartInterview(), tracker(text="/start_strategie", intent="start_strategie",
                                                          sender="m1"))
    assert responses(messages) == ["utter_start_strategie", "utter_vraag_org_naam"]
    messages, _ = answer("Stichting De Brug", sender="m1", interview="strategie")  # the name says no sector
    assert responses(messages)[-1] == "utter_vraag_org_sector"
    assert [b["payload"] for b in messages[-1]["buttons"]][0] == "gemeente"
    messages, _ = answer("een bakkerij", sender="m1", interview="strategie")  # not a sector: asked again
    assert responses(messages)[-1] == "utter_vraag_org_sector" and len(messages) == 2


def test_the_form_has_no_ask_action_of_its_own():
    """One action-server call per message: a second (ask) call would double the latency under load."""
    names = DOMAIN["actions"] + list(DOMAIN["responses"])
    assert not [n for n in names if n.startswith(("action_ask_interview", "utter_ask_interview"))]


def test_validation_stores_and_asks_again(db_url):
    run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop"))
    messages, slots = answer("Gemeente Zeist")
    assert slots == {"interview_antwoord": None}  # not done: the form asks the next question
    messages, slots = answer("")
    assert responses(messages) == ["utter_antwoord_leeg", "utter_vraag_pop_functie"]
    with session_scope() as s:
        assert s.execute(select(Pop)).scalar_one().function is None
    answer("jurist")
    with session_scope() as s:
        assert s.execute(select(Pop)).scalar_one().function == "jurist"


def test_validation_ignores_a_reset_slot(db_url):
    trk = tracker(slots={"actief_interview": "pop"}, loop="interview_form", slot_events={"interview_antwoord": None})
    messages, slots = run(act.ValidateInterviewForm(), trk)
    assert messages == [] and slots.get("interview_antwoord") is None


def test_stop_inside_the_form_ends_it_without_summary(db_url):
    run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop"))
    messages, slots = answer("stop", intent="stoppen", confidence=0.99)
    assert responses(messages) == ["utter_gepauzeerd"]
    assert slots == {"interview_antwoord": "klaar", "interview_open": False}
    messages, slots = run(act.ActionFinishInterview(), tracker(slots={"actief_interview": "pop"}))
    assert messages == []  # paused, so no summary
    assert service.unfinished_interview("e1") == "pop"


def test_faq_inside_the_form(db_url):
    run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop"))
    messages, slots = answer("wat is een POP?", intent="faq", confidence=0.95, faq="utter_faq/pop")
    assert responses(messages) == ["utter_faq/pop", "utter_vraag_org_naam"] and slots == {"interview_antwoord": None}


def test_resume_outside_the_form(db_url):
    messages, slots = run(act.ActionResumeInterview(), tracker(text="ga verder", intent="hervatten"))
    assert responses(messages) == ["utter_niets_te_hervatten"] and slots == {"interview_open": False}
    run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop"))
    answer("stop", intent="stoppen")
    messages, slots = run(act.ActionResumeInterview(), tracker(text="ga verder", intent="hervatten"))
    assert responses(messages) == ["utter_hervat", "utter_vraag_org_naam"]
    assert slots["actief_interview"] == "pop" and slots["interview_open"] is True


def test_correction_outside_the_form(db_url):
    run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop"))
    answer("Gemeente Zeist")
    answer("jurist")
    answer("stop", intent="stoppen")
    trk = tracker(text="wijzig mijn functie", intent="wijzig_antwoord")
    messages, slots = run(act.ActionCorrectAnswer(), trk)
    assert responses(messages) == ["utter_correctie_start_waarde", "utter_vraag_pop_functie"]
    assert (messages[0]["vraag_label"], messages[0]["oud"]) == ("'Functie'", "„jurist”")  # the answer it changes
    assert slots["interview_open"] is True
    assert service.current_question("e1", "pop") == "pop_functie"
    messages, slots = run(act.ActionCorrectAnswer(), tracker(text="wijzig het weer", intent="wijzig_antwoord"))
    assert responses(messages) == ["utter_correctie_onbekend"] and slots["interview_open"] is False


def test_correction_topic_is_read_from_the_message_without_an_entity(db_url):
    # The topic words of the message itself are used ("functie"), in any word order.
    run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop"))
    answer("Gemeente Zeist")
    answer("jurist")
    answer("stop", intent="stoppen")
    messages, slots = run(act.ActionCorrectAnswer(), tracker(text="ik wil mijn functie wijzigen", intent="wijzig_antwoord"))
    assert responses(messages) == ["utter_correctie_start_waarde", "utter_vraag_pop_functie"]
    assert service.current_question("e1", "pop") == "pop_functie"
    answer("stop", intent="stoppen")
    messages, slots = run(act.ActionCorrectAnswer(), tracker(text="wijzig het weer", intent="wijzig_antwoord"))
    assert responses(messages) == ["utter_correctie_onbekend"] and slots["interview_open"] is False


def test_a_correction_the_nlu_did_not_place_is_offered_never_carried_out_unasked(db_url):
    """Found with make run: "de naam van de organisatie moet ... zijn" got the general fallback (issue 39)."""
    run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop"))
    answer("Gemeente Zeist")
    answer("jurist")
    answer("stop", intent="stoppen")
    text = "mijn functie moet senior jurist zijn"
    messages, _ = run(act.ActionNotUnderstood(), tracker(text=text, intent="nlu_fallback", confidence=0.4))
    assert responses(messages) == ["utter_correctie_bedoel_je"]
    # the button carries the new value the person named
    assert [b["payload"] for b in messages[0]["buttons"]] == ['/wijzig_antwoord{"vraag":"pop_functie","waarde":"senior jurist"}']
    assert service.current_question("e1", "pop") == "pop_team"  # nothing changed before the click
    messages, slots = run(act.ActionCorrectAnswer(), tracker(text=messages[0]["buttons"][0]["payload"],
                                                             intent="wijzig_antwoord"))
    assert responses(messages) == ["utter_voorstel_wijziging"]  # "Nu staat er „jurist”. Dat wordt ..."
    assert messages[0]["wat"] == "„senior jurist”"


def test_an_answer_after_the_chat_session_ended_goes_to_the_question_the_person_saw(db_url):
    run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop"))
    answer("Gemeente Zeist")
    messages, slots = run(act.ActionAnswerAfterComingBack(), tracker(text="jurist", intent="antwoord"))
    assert responses(messages) == ["utter_vraag_pop_team"] and slots["interview_open"] is True
    assert service.current_question("e1", "pop") == "pop_team"
    answer("stop", intent="stoppen")  # said stop: a later answer-like message is not taken as an answer
    messages, slots = run(act.ActionAnswerAfterComingBack(), tracker(text="Sociaal Domein", intent="antwoord"))
    assert responses(messages) == ["utter_antwoord_zonder_vraag"] and slots["interview_open"] is False


def test_review_outside_the_form(db_url):
    messages, _ = run(act.ActionShowAnswers(), tracker(text="wat heb ik ingevuld"))
    assert responses(messages) == ["utter_nog_niets_ingevuld"]
    run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop"))
    answer("Gemeente Zeist")
    messages, _ = run(act.ActionShowAnswers(), tracker(text="wat heb ik ingevuld"))
    assert "Gemeente Zeist" in messages[0]["samenvatting"]
    # "waar was ik?" after a break (found over `make run`: only the summary, not where to go on)
    assert messages[-1]["response"] == "utter_verder_met"
    assert messages[-1]["interview_naam"] == "de voorbereiding van je POP-gesprek"


@pytest.mark.parametrize("text,expected", [
    ("", "utter_leeg_bericht"), ("   ", "utter_leeg_bericht"), ("😀😀", "utter_leeg_bericht"),
    ("x" * 5000, "utter_bericht_te_lang"), ("blub blab", "utter_fallback"),
])
def test_fallback_outside_an_interview(db_url, text, expected):
    messages, _ = run(act.ActionNotUnderstood(), tracker(text=text, intent="nlu_fallback"))
    assert responses(messages) == [expected]


def test_restart_from_outside_asks_for_confirmation(db_url):
    messages, slots = run(act.ActionConfirmRestart(), tracker(text="opnieuw", intent="opnieuw_beginnen"))
    assert responses(messages) == ["utter_geen_interview_actief"] and slots["interview_open"] is False
    run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop"))
    answer("Gemeente Zeist")
    answer("stop", intent="stoppen")
    messages, slots = run(act.ActionConfirmRestart(), tracker(text="opnieuw", intent="opnieuw_beginnen"))
    assert slots["interview_open"] is True
    assert responses(messages) == ["utter_opnieuw_zeker"]
    assert [b["title"] for b in messages[0]["buttons"]] == ["Ja, opnieuw beginnen", "Nee, ga verder"]


def test_data_request_during_an_interview_is_answered_and_the_interview_waits(db_url):
    run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop"))
    answer("Gemeente Zeist")
    messages, slots = answer("welke gegevens heb je van mij?", intent="gegevens_inzien", confidence=0.97)
    assert responses(messages) == ["utter_gegevens_overzicht", "utter_vraag_pop_functie"] and slots == {"interview_antwoord": None}
    assert service.current_question("e1", "pop") == "pop_functie"  # not stored as the answer
    messages, slots = answer("verwijder mijn gegevens", intent="gegevens_verwijderen", confidence=0.97)
    assert responses(messages) == ["utter_verwijderen_zeker"]
    assert slots["bevestig_verwijderen"] is True and slots["interview_antwoord"] == "klaar"



def test_requests_need_words_that_back_up_the_guess(db_url):
    from actions import documents

    messages, slots = run(documents.ActionShowMyData(),
                          tracker(text="spelen jullie ook voetbal op vrijdag", intent="gegevens_inzien"))
    assert responses(messages) == ["utter_fallback"]
    messages, slots = run(documents.ActionAskDeletion(), tracker(text="blabla", intent="gegevens_verwijderen"))
    assert responses(messages) == ["utter_fallback"] and slots == {}
    messages, _ = run(documents.ActionShowMyData(), tracker(text="welke gegevens heb je van mij?",
                                                                intent="gegevens_inzien"))
    assert responses(messages) == ["utter_gegevens_overzicht"]


def test_two_people_naming_the_same_new_organisation_at_once_both_get_stored(db_url, monkeypatch):
    """The second insert of the organisation hits the unique key; the retry finds the first one's row."""
    from bot.storage import repository

    run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop", sender="a"))
    run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop", sender="b"))
    answer("Gemeente Zeist", sender="a")
    real, calls = repository.find_organisation, []

    def not_yet_visible(session, name):  # b looked before a's insert was committed
        calls.append(name)
        return None if len(calls) == 1 else real(session, name)

    monkeypatch.setattr(repository, "find_organisation", not_yet_visible)
    messages, _ = answer("gemeente Zeist", sender="b")
    assert len(calls) >= 2  # the conflict happened and was retried
    assert responses(messages)[-1] == "utter_vraag_pop_functie"
    with session_scope() as s:
        pops = s.execute(select(Pop)).scalars().all()
        assert len({p.person.organisation_id for p in pops}) == 1


@pytest.mark.parametrize("text, intent, expected", [
    ("Can you help me with my training plan for next year?", "nlu_fallback", "utter_spreekt_nederlands"),
    ("hoeveel vakantiedagen heb ik nog?", "buiten_bereik", "utter_andere_hr_vraag"),
    ("ik wil me ziekmelden", "buiten_bereik", "utter_andere_hr_vraag"),
    ("wanneer wordt mijn salaris betaald", "buiten_bereik", "utter_andere_hr_vraag"),
    ("mijn laptop start niet meer op", "buiten_bereik", "utter_buiten_bereik"),
    # a word of HR in a message not understood is no referral (issue 41): it may be about learning
    ("mag ik mijn studieverlof hiervoor gebruiken?", "nlu_fallback", "utter_fallback"),
    ("spelen jullie ook voetbal?", "buiten_bereik", "utter_buiten_bereik"),
    ("blablabla qwerty", "nlu_fallback", "utter_fallback"),
])
def test_messages_outside_the_field_get_a_pointer(text, intent, expected):
    """Issue 18 findings: an English message got no sentence that Leerkoers speaks Dutch; HR questions outside
    Leerkoers' field (verlof, ziekmelden, salaris) got no pointer to where to go."""
    messages, _ = run(act.ActionNotUnderstood(), tracker(text=text, intent=intent))
    assert responses(messages) == [expected]


def _not_understood(text: str, ranking: list[tuple[str, float]], role: str):
    """ActionNotUnderstood for a person with ``role`` in a verified token."""
    from bot.identity import Identity

    trk = tracker(text=text, intent="nlu_fallback", confidence=0.4)
    trk.latest_message["intent_ranking"] = [{"name": n, "confidence": c} for n, c in ranking]
    trk.latest_message["metadata"] = {"identity": Identity("e1", "Eva", role, "Gemeente Zeist",
                                                           organisation_id="gm0355").to_dict()}
    return run(act.ActionNotUnderstood(), trk)[0]


def test_a_message_not_understood_gets_its_likely_meaning_as_a_button(db_url):
    """Issue 28, item 3: never a bare 'sorry'; 'Bedoel je: POP voorbereiden?' and then the topics."""
    ranking = [("nlu_fallback", 0.4), ("start_pop", 0.32), ("start_jaarplan", 0.2)]
    [message] = _not_understood("ik heb volgende week mijn pop gesprek", ranking, "employee")
    assert message["response"] == "utter_bedoel_je" and message["bedoeling"] == "POP voorbereiden"
    assert [b["payload"] for b in message["buttons"]] == ["/start_pop", "/help"]
    [message] = _not_understood("welke cursussen gaan we dit jaar doen, kun je helpen dat op te schrijven",
                                [("nlu_fallback", 0.4), ("start_jaarplan", 0.33), ("start_pop", 0.2)], "manager")
    assert [b["payload"] for b in message["buttons"]][0] == "/start_jaarplan"


def test_without_a_likely_meaning_the_topics_fit_the_role(db_url):
    ranking = [("nlu_fallback", 0.4), ("bevestigen", 0.3)]
    [message] = _not_understood("qwpoeiruty zxmcnvb", ranking, "employee")
    assert message["response"] == "utter_fallback_medewerker"
    [message] = _not_understood("qwpoeiruty zxmcnvb", ranking, "manager")
    assert message["response"] == "utter_fallback"


def test_a_manager_without_an_organisation_asking_for_the_team_gets_an_answer_not_an_error(db_url):
    """Found trying issue 28's typed menu title: 'POP-gesprekken van mijn team' crashed the action (NotAllowed)."""
    messages, _ = run(ActionSharedPops(), tracker(sender="nieuwe-manager", text="/gedeelde_pops",
                                                      intent="gedeelde_pops"))
    assert len(messages) == 1 and messages[0]["response"].startswith("utter_")


def test_the_greeting_tells_an_employee_whose_manager_changed_that_her_pop_is_not_shared(db_url, today):
    """Issue 29, item 5: a new manager sees nothing until she shares again, and she is told so."""
    from actions import guidance
    from bot.identity import Identity
    from bot.services import sharing
    from tests.integration.cycle_helpers import EVA, pop_with_two_goals

    pop_with_two_goals(today)
    assert sharing.share_pop("eva", True) == "gedeeld"

    def greet(manager_id):
        trk = tracker(sender="eva", text="hallo", intent="groet")
        person = Identity("eva", EVA.name, "employee", EVA.organisation, organisation_id="gm0355",
                          manager_id=manager_id)
        trk.latest_message["metadata"] = {"identity": person.to_dict()}
        return responses(run(guidance.ActionGreet(), trk)[0])

    assert "utter_pop_nieuwe_leidinggevende" not in greet("mark")
    assert "utter_pop_nieuwe_leidinggevende" in greet("nora")


def test_a_question_about_other_peoples_pops_starts_no_pop_of_ones_own(db_url):
    """Found over `make run`: "welke medewerkers hebben al een pop gemaakt?" started the HR adviser's own POP."""
    messages, slots = run(act.ActionStartInterview(), tracker(text="welke medewerkers hebben al een pop gemaakt?",
                                                              intent="start_pop", confidence=0.54))
    assert responses(messages) == ["utter_bedoel_je_twee"] and slots == {"interview_open": False}
    assert [b["payload"] for b in messages[0]["buttons"]][:2] == ["/start_pop", "/gedeelde_pops"]
    assert service.started_interviews("e1") == []


def test_who_can_read_my_pop_is_answered_with_who_can(db_url):
    """Found over `make run`: "wat ziet Petra van mijn pop?" got "Sorry, dat begrijp ik niet goed"."""
    run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop"))
    answer("Gemeente Zeist")
    messages, _ = run(act.ActionNotUnderstood(), tracker(text="wat ziet Petra van mijn pop?", intent="nlu_fallback"))
    assert responses(messages) == ["utter_pop_wie_ziet"] and messages[0]["wie"] == "alleen jij"


def test_a_first_message_that_names_the_policy_and_then_the_plan_starts_the_policy(db_url):
    """Found over `make run`: "graag eerst het strategisch opleidingsbeleid en daarna het opleidingsjaarplan" started
    the yearly plan (the NLU's pick)."""
    text = "Goedemiddag, ik wil graag eerst ons strategisch opleidingsbeleid vastleggen en daarna het opleidingsjaarplan"
    messages, slots = run(act.ActionStartInterview(), tracker(text=text, intent="start_jaarplan", confidence=0.6))
    assert slots["actief_interview"] == "strategie" and responses(messages)[0] == "utter_start_strategie"


def test_a_question_whether_hr_may_read_the_pop_is_answered_and_shares_nothing(db_url):
    """Found over `make run`: "Mag HR mijn POP zien? Dat wil ik namelijk niet" was carried out as "share my POP",
    and "wie kan mijn pop zien?" listed all the answers."""
    from actions.sharing import ActionSharePop

    run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop"))
    answer("Gemeente Zeist")
    messages, _ = run(ActionSharePop(), tracker(text="Mag HR mijn POP zien? Dat wil ik namelijk niet",
                                                intent="pop_delen", confidence=0.8))
    assert responses(messages) == ["utter_pop_wie_ziet"] and messages[0]["wie"] == "alleen jij"
    messages, _ = run(act.ActionShowAnswers(), tracker(text="wie kan mijn pop zien?", intent="toon_antwoorden"))
    assert responses(messages) == ["utter_pop_wie_ziet"]


def test_sharing_with_a_colleague_is_refused_and_changes_nothing(db_url):
    """Found over make run (7 December 2026): "deel mijn pop met mijn collega Ahmed" shared it with the manager."""
    from actions.sharing import ActionSharePop

    run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop"))
    answer("Gemeente Zeist")
    messages, _ = run(ActionSharePop(), tracker(text="deel mijn pop met mijn collega Ahmed", intent="pop_delen"))
    assert responses(messages) == ["utter_pop_alleen_leidinggevende"]
    messages, _ = run(ActionSharePop(), tracker(text="wie kan mijn pop zien?", intent="pop_delen"))
    assert messages[0]["wie"] == "alleen jij"


def test_a_question_whether_a_colleague_may_read_the_pop_is_answered_without_a_share_button(db_url):
    """Found over make run: "mag mijn collega het ook zien?" got "Geen probleem" inside the POP and, outside it,
    the buttons "Mijn POP delen" (a click shares it with the manager)."""
    run(act.ActionStartInterview(), tracker(text="/start_pop", intent="start_pop"))
    answer("Gemeente Zeist")
    messages, _ = run(act.ActionNotUnderstood(), tracker(text="mag mijn collega het ook zien?", intent="nlu_fallback"))
    assert responses(messages) == ["utter_pop_wie_ziet", "utter_pop_niet_met_collega"]
    assert not any(m.get("buttons") for m in messages) and messages[0]["wie"] == "alleen jij"
    messages, _ = run(act.ActionNotUnderstood(), tracker(text="kan mijn leidinggevende dit straks lezen?",
                                                         intent="nlu_fallback"))
    assert responses(messages) == ["utter_pop_wie_ziet"]
    messages, _ = run(act.ActionNotUnderstood(), tracker(text="mag mijn collega het ook zien?", sender="nieuw",
                                                         intent="nlu_fallback"))
    assert responses(messages) == ["utter_pop_niet_met_collega"]  # no POP yet: still no button that shares


@pytest.mark.parametrize("role,titles", [
    ("employee", ["POP voorbereiden", "Subsidies zoeken"]),
    ("manager", ["Strategisch opleidingsbeleid", "Opleidingsjaarplan", "POP voorbereiden", "Subsidies zoeken"]),
])
def test_the_menus_offer_only_what_the_role_may_start(db_url, role, titles):
    """Found over make run (7 December 2026): after finishing her POP an employee saying "verder" was offered the
    policy and the yearly plan, and refused when she clicked one."""
    from actions.guidance import ActionMainMenu
    from bot.identity import Identity

    person = Identity("e1", "Eva", role, "Gemeente Zeist", organisation_id="gm0355").to_dict()
    for action, text in ((act.ActionResumeInterview(), "verder"), (act.ActionPauseInterview(), "stop"),
                         (ActionMainMenu(), "nee")):
        trk = tracker(text=text, intent="hervatten")
        trk.latest_message["metadata"] = {"identity": person}
        messages, _ = run(action, trk)
        assert [b["title"] for b in messages[-1]["buttons"]] == titles, (action.name(), messages)


@pytest.mark.parametrize("text, intent, says", [
    ("wat zijn de voorwaarden van de lerarenbeurs?", "buiten_bereik", "De belangrijkste voorwaarden van de lerarenbeurs"),
    ("hoe vraag ik de lerarenbeurs aan?", "nlu_fallback", "Mijn DUO"),
    ("hoeveel is het rotterdams scholingsfonds?", "buiten_bereik", "€ 2.500"),
])
def test_a_scheme_question_the_nlu_did_not_place_is_answered(db_url, text, intent, says):
    """Issue 42: measured on the aspect set, questions about schemes new in the knowledge base went to the
    referral or the fallback; a message that names a scheme gets a second look."""
    messages, slots = run(act.ActionNotUnderstood(), tracker(text=text, intent=intent))
    assert responses(messages) == ["utter_regeling_info"] and says in messages[0]["info"], messages
    assert slots.get("laatste_regeling")
    # a follow-up about the scheme just asked about, whatever the NLU made of it
    messages, _ = run(act.ActionNotUnderstood(), tracker(text="en wie vraagt het aan?", intent="nlu_fallback",
                                                         slots={"laatste_regeling": "lerarenbeurs"}))
    assert "Je vraagt de lerarenbeurs zelf aan" in messages[0]["info"]
    # a common word that is also a scheme's name is no question about it
    messages, _ = run(act.ActionNotUnderstood(), tracker(text="ik ben niet zo slim in plannen", intent="nlu_fallback"))
    assert responses(messages) != ["utter_regeling_info"]


@pytest.mark.parametrize("text, expected", [
    ("wat is de Brabantse leerrekening?", "utter_regeling_onbekend"),
    ("ken je het opleidingsfonds van de bouw?", "utter_regeling_onbekend"),
    ("hoe zit het met mijn verlofbudget?", "utter_andere_hr_vraag"),  # an HR matter stays referred
])
def test_an_unknown_name_for_money_for_learning_is_said_to_be_unknown_not_referred(db_url, text, expected):
    """Issue 42: a name Leerkoers does not know gets an honest answer; the NLU read "wat is de Brabantse
    leerrekening?" as outside the field (buiten_bereik 1.00) and the person was sent to the ICT desk."""
    messages, _ = run(act.ActionNotUnderstood(), tracker(text=text, intent="buiten_bereik"))
    assert responses(messages) == [expected]



def _as(identity, text, intent):
    trk = tracker(sender=identity.person_id, text=text, intent=intent)
    trk.latest_message["metadata"] = {"identity": identity.to_dict()}
    return trk


def test_who_sees_questions_are_answered_before_any_referral_and_no_hr_offer_after_no_hr(db_url, today):
    """Found over make run: "kan de directeur het ook zien? of mijn collega's ...?" got the referral to the IT desk
    (the NLU said: outside the field); "deel het met Joost. Maar niet met HR hoor" was answered with "Wil je hem ook
    delen met HR?"."""
    from actions.sharing import ActionSharePop
    from tests.integration.cycle_helpers import EVA, pop_with_two_goals

    pop_with_two_goals(today)
    messages, _ = run(act.ActionNotUnderstood(), _as(EVA, "kan de directeur het ook zien? of mijn collega's uit het "
                                                          "muziekteam?", "buiten_bereik"))
    assert "utter_buiten_bereik" not in responses(messages) and "utter_pop_wie_ziet" in responses(messages)
    messages, _ = run(ActionSharePop(), _as(EVA, "ik wil het graag delen met mijn leidinggevende. Maar niet met HR "
                                                 "hoor", "pop_delen"))
    assert responses(messages) == ["utter_pop_gedeeld_niet_hr"]
    assert "ook met HR" not in DOMAIN["responses"]["utter_pop_gedeeld_niet_hr"][0]["text"]


def test_adding_an_activity_to_a_finished_plan_from_a_message_the_nlu_did_not_place(db_url, today):
    """Found over make run: the plan's summary says "zeg 'voeg een activiteit toe'", and exactly that got "Sorry,
    dat begrijp ik niet goed"; the plan opened again started with the introduction of a new plan."""
    from tests.helpers import JAARPLAN, STRATEGIE
    from tests.integration.cycle_helpers import MARK

    service.sync_identity(MARK)
    service.start("mark", "strategie", today)
    for _key, text in STRATEGIE[1:]:
        service.answer("mark", "strategie", text, today)
    service.start("mark", "jaarplan", today)
    for _key, text in JAARPLAN:
        service.answer("mark", "jaarplan", text, today)
    messages, slots = run(act.ActionNotUnderstood(), _as(MARK, "voeg een activiteit toe", "nlu_fallback"))
    assert responses(messages) == ["utter_activiteit_erbij", "utter_vraag_act_wat"]
    assert slots["actief_interview"] == "jaarplan" and slots["interview_open"] is True


def test_the_summary_of_a_shared_pop_says_who_reads_it_not_that_it_is_private(db_url, today):
    """Found over make run: after a change in a POP shared with the manager, the summary said "Je antwoorden zijn
    alleen voor jou"."""
    from bot.services import sharing
    from tests.integration.cycle_helpers import EVA, pop_with_two_goals

    pop_with_two_goals(today)
    sharing.share_pop("eva", False)
    messages, _ = run(act.ActionStartInterview(), _as(EVA, "/start_pop", "start_pop"))
    assert responses(messages) == ["utter_interview_al_klaar", "utter_samenvatting_pop"]
    assert sharing.share_pop("eva", True) == "gedeeld"
    messages, _ = run(act.ActionStartInterview(), _as(EVA, "/start_pop", "start_pop"))
    assert responses(messages) == ["utter_interview_al_klaar", "utter_samenvatting_pop_gedeeld"]
    assert messages[1]["wie"].startswith("jij en je leidinggevende")


def test_a_manager_asking_for_agreements_gets_the_teams_not_the_employees_answer(db_url, today):
    """Found over make run: "welke afspraken staan er nu voor ilse?" (the manager) got "Er zijn nog geen afspraken
    ... voor je vastgelegd. Je leidinggevende doet dat ..."; a colleague still sees nothing of hers."""
    from actions.agreements import ActionShowAgreements
    from tests.integration.cycle_helpers import EVA, MARK, pop_with_two_goals, record_agreements

    pop_with_two_goals(today)
    record_agreements(today)
    messages, _ = run(ActionShowAgreements(), _as(MARK, "welke afspraken staan er nu voor eva?", "afspraken_bekijken"))
    assert responses(messages) == ["utter_afspraken_team"] and "Eva de Vries:" in messages[0]["afspraken"]
    assert "Training presenteren" in messages[0]["afspraken"]
    piet = Identity("piet", "Piet", "employee", EVA.organisation, organisation_id="gm0355", manager_id="mark")
    messages, _ = run(ActionShowAgreements(), _as(piet, "wat heeft mark met eva afgesproken?", "afspraken_bekijken"))
    assert responses(messages) == ["utter_geen_afspraken"]
