"""The interview engine and its storage, through the service layer (one unit of work per call)."""

import pytest
from sqlalchemy import func, select

from bot.services import interviews as service
from bot.storage import repository as repo
from bot.storage.db import session_scope
from bot.storage.models import (
    Activity,
    AnswerLog,
    InterviewState,
    LearningGoal,
    Organisation,
    Pop,
    Speerpunt,
    YearPlan,
)
from tests.helpers import JAARPLAN, POP, STRATEGIE


def complete(person, interview, script, today):
    turn = service.start(person, interview, today)
    assert turn.prompt is not None
    for expected_key, text in script:
        assert service.current_question(person, interview, today) == expected_key, text
        turn = service.answer(person, interview, text, today)
        assert turn.accepted, (expected_key, text, turn.messages)
    assert turn.done
    return turn


def answer_until(person, interview, script, key, today):
    """Start the interview and answer from the script until the question `key` is asked."""
    service.start(person, interview, today)
    for step, text in script:
        if step == key:
            return
        service.answer(person, interview, text, today)
    raise AssertionError(f"{key} is not in the script")


def test_strategic_interview_stores_everything(db_url, today):
    turn = complete("manager-1", "strategie", STRATEGIE, today)
    assert "Digitale dienstverlening" in turn.summary
    assert "Nog niet, maar dat is gepland" in turn.summary
    with session_scope() as s:
        org = s.execute(select(Organisation)).scalar_one()
        assert (org.name, org.sector, org.employees, org.has_works_council) == ("Gemeente Zeist", "gemeente", 800, True)
        texts = [sp.text for sp in s.execute(select(Speerpunt).order_by(Speerpunt.position)).scalars()]
        assert texts == ["Digitale dienstverlening", "Inclusief werkgeverschap", "Duurzame inzetbaarheid"]
        plan = org.strategic_plan
        assert plan.future_vision.startswith("Over drie jaar")
        assert plan.works_council_involved == "gepland"
        logged = s.execute(select(func.count()).select_from(AnswerLog)).scalar_one()
        assert logged >= len(STRATEGIE)
        state = repo.get_state(s, "manager-1", "strategie")
        assert state.status == "done"


def test_works_council_reminder(db_url, today):
    complete("m", "strategie", STRATEGIE[:-1] + [("strategie_or", "ja")], today)
    service.correct("m", "strategie", "de betrokkenheid van de ondernemingsraad", today)
    turn = service.answer("m", "strategie", "nee", today)
    assert [m.response for m in turn.messages][0] == "tip_or_betrekken"


def test_yearly_plan_budget_and_speerpunten(db_url, today):
    complete("m", "strategie", STRATEGIE, today)
    service.start("m", "jaarplan", today)
    messages = []
    for key, text in JAARPLAN:
        if key == "act_speerpunt":
            prompt = service.prompt("m", "jaarplan", today)
            titles = [b["title"] for b in prompt.buttons]
            assert titles[:3] == ["Digitale dienstverlening", "Inclusief werkgeverschap", "Duurzame inzetbaarheid"]
            assert titles[-1] == "Geen speerpunt"
        turn = service.answer("m", "jaarplan", text, today)
        assert turn.accepted, (key, text)
        messages += turn.messages
    budget = [m for m in messages if m.response.startswith("budget_")]
    assert [m.response for m in budget] == ["budget_opgeslagen", "budget_stand", "budget_stand", "budget_overschreden"]
    assert budget[1].params["rest"] == "€ 2.500"
    assert budget[3].params["totaal"] == "€ 11.250" and budget[3].params["over"] == "€ 1.250"
    assert turn.done and "€ 1.250 boven het budget" in turn.summary
    with session_scope() as s:
        acts = list(s.execute(select(Activity).order_by(Activity.position)).scalars())
        assert [a.cost_cents for a in acts] == [750000, 250000, 125000]
        assert [a.kind for a in acts] == ["strategisch", "loopbaan", "vakgebied"]
        assert [a.period for a in acts] == ["voorjaar 2027", "3e kwartaal 2027", "september 2027"]
        assert acts[0].speerpunt_text == "Digitale dienstverlening" and acts[1].speerpunt_text == ""
        assert acts[1].cooperation == "samen"


def test_pop_shows_speerpunten_and_asks_smart_questions(db_url, today):
    complete("m", "strategie", STRATEGIE, today)
    service.start("e", "pop", today)
    for key, text in POP:
        if key == "pop_bijdrage":
            prompt = service.prompt("e", "pop", today)
            assert prompt.response == "vraag_pop_bijdrage_met_speerpunten"
            assert "Duurzame inzetbaarheid" in prompt.params["speerpunten"]
        turn = service.answer("e", "pop", text, today)
        assert turn.accepted
        if key == "doel_tekst":
            assert "smart_tip" in [m.response for m in turn.messages]
    assert turn.done
    with session_scope() as s:
        pop = s.execute(select(Pop)).scalar_one()
        assert pop.person_id == "e" and pop.year == today.year
        assert pop.wish_strategisch == "" and pop.wish_loopbaan.startswith("Een opleiding")
        goal = s.execute(select(LearningGoal)).scalar_one()
        assert (goal.deadline, goal.kind) == ("voor de zomer", "vakgebied")


def test_smart_goal_with_deadline_and_result_skips_questions(db_url, today):
    service.start("e", "pop", today)
    for _key, text in POP[:12]:
        service.answer("e", "pop", text, today)
    turn = service.answer("e", "pop", "Voor juni 2027 heb ik mijn certificaat Prince2 behaald", today)
    assert "smart_tip" not in [m.response for m in turn.messages]
    assert service.current_question("e", "pop", today) == "doel_soort"


def test_at_most_four_goals(db_url, today):
    service.start("e", "pop", today)
    for _key, text in POP[:12]:
        service.answer("e", "pop", text, today)
    for i in range(4):
        for text in (f"Voor juni 2027 heb ik certificaat {i} behaald", "vakgebied", "Een cursus volgen"):
            turn = service.answer("e", "pop", text, today)
        if i < 3:
            assert service.current_question("e", "pop", today) == "doel_nog_een"
            service.answer("e", "pop", "ja", today)
    assert "leerdoelen_maximum" in [m.response for m in turn.messages]
    assert service.current_question("e", "pop", today) == "pop_steun"


def test_short_answer_to_open_question_is_not_stored(db_url, today):
    complete_until = STRATEGIE[:3]
    service.start("m", "strategie", today)
    for _key, text in complete_until:
        service.answer("m", "strategie", text, today)
    for bad in ["ja", "", "   ", "😀😀", "<script>alert(1)</script>", "What is this about?"]:
        turn = service.answer("m", "strategie", bad, today)
        assert not turn.accepted, bad
        assert turn.messages and turn.messages[0].response in (
            "antwoord_te_kort", "antwoord_leeg", "alleen_nederlands", "antwoord_code")
        assert service.current_question("m", "strategie", today) == "strategie_toekomst"
    turn = service.answer("m", "strategie", "x" * 5000, today)
    assert turn.messages[0].response == "antwoord_te_lang" and turn.messages[0].params["maximum"] == "2.000"
    turn = service.answer("m", "strategie", "'; drop table pops;--", today)  # only code: said so, not stored
    assert not turn.accepted and turn.messages[0].response == "antwoord_code"
    sql = "Robert'); DROP TABLE persons; -- zegt dat we over drie jaar digitaal werken"
    assert service.answer("m", "strategie", sql, today).accepted
    with session_scope() as s:
        assert s.execute(select(Organisation)).scalar_one().strategic_plan.future_vision == sql


def test_invalid_typed_answers_get_specific_help(db_url, today):
    service.start("m", "jaarplan", today)
    for _key, text in STRATEGIE[:3]:
        service.answer("m", "jaarplan", text, today)
    assert service.answer("m", "jaarplan", "ooit", today).messages[0].response == "geen_jaar"
    service.answer("m", "jaarplan", "2027", today)
    assert service.answer("m", "jaarplan", "veel geld", today).messages[0].response == "geen_bedrag"


def test_pause_and_resume_in_a_new_session(db_url, today):
    service.start("e", "pop", today)
    for _key, text in POP[:5]:
        service.answer("e", "pop", text, today)
    service.pause("e", "pop")
    with session_scope() as s:
        assert repo.get_state(s, "e", "pop").status == "paused"
    assert service.unfinished_interview("e") == "pop"
    turn = service.start("e", "pop", today)
    assert turn.extra["resumed"] is True
    assert turn.prompt.response == "vraag_pop_sterk"


def test_correction_keeps_history(db_url, today):
    service.start("e", "pop", today)
    for _key, text in POP[:4]:
        service.answer("e", "pop", text, today)
    assert service.correct("e", "pop", "mijn functie", today) == "pop_functie"
    assert service.current_question("e", "pop", today) == "pop_functie"
    turn = service.answer("e", "pop", "senior beleidsadviseur", today)
    changed = next(m for m in turn.messages if m.response == "correctie_opgeslagen_van_naar")
    assert (changed.params["oud"], changed.params["nieuw"]) == ("„beleidsmedewerker”", "„senior beleidsadviseur”")
    assert service.current_question("e", "pop", today) == "pop_bijdrage"
    with session_scope() as s:
        history = repo.answer_history(s, "e", "pop_functie")
        assert [h.text for h in history] == ["beleidsmedewerker", "senior beleidsadviseur"]
        assert [h.is_correction for h in history] == [False, True]
        assert s.execute(select(Pop)).scalar_one().function == "senior beleidsadviseur"


def test_go_back_and_unknown_topic(db_url, today):
    service.start("e", "pop", today)
    for _key, text in POP[:3]:
        service.answer("e", "pop", text, today)
    assert service.go_back("e", "pop", today) == "pop_team"
    assert service.correct("e", "pop", "het weer", today) is None


def test_correcting_speerpunten_replaces_the_list(db_url, today):
    complete("m", "strategie", STRATEGIE, today)
    assert service.correct("m", "strategie", "speerpunten", today) == "speerpunten"
    for text in ["Digitaal werken", "klaar"]:
        service.answer("m", "strategie", text, today)
    with session_scope() as s:
        assert [sp.text for sp in s.execute(select(Speerpunt)).scalars()] == ["Digitaal werken"]
        old = [h.value for h in repo.answer_history(s, "m", "speerpunten") if h.is_correction]
        assert "Digitale dienstverlening" in old[0]


def test_restart_needs_confirmation(db_url, today):
    service.start("e", "pop", today)
    for _key, text in POP[:4]:
        service.answer("e", "pop", text, today)
    turn = service.turn("e", "pop", "opnieuw beginnen", today=today)
    assert turn.prompt.response == "opnieuw_zeker"
    assert service.answer("e", "pop", "misschien", today).messages[0].response == "ja_of_nee"
    turn = service.answer("e", "pop", "nee", today)
    assert turn.messages[0].response == "opnieuw_niet" and turn.prompt.response == "vraag_pop_bijdrage"
    service.turn("e", "pop", "opnieuw beginnen", today=today)
    turn = service.answer("e", "pop", "ja", today)
    assert turn.messages[0].response == "opnieuw_begonnen" and turn.prompt.response == "vraag_pop_functie"
    with session_scope() as s:
        assert s.execute(select(func.count()).select_from(AnswerLog)).scalar_one() >= 4  # history kept


def test_commands_during_an_interview(db_url, today):
    service.start("e", "pop", today)
    service.answer("e", "pop", "Gemeente Zeist", today)
    turn = service.turn("e", "pop", "waarom vraag je dit?", ranking=[("waarom_vraag", 0.99)], today=today)
    assert turn.messages[0].response == "waarom_pop" and turn.prompt.response == "vraag_pop_functie"
    turn = service.turn("e", "pop", "wat is een POP?", ranking=[("faq", 0.9)], faq_response="faq/pop", today=today)
    assert turn.messages[0].response == "faq/pop"
    turn = service.turn("e", "pop", "wat heb ik ingevuld?", today=today)
    assert "Gemeente Zeist" in turn.messages[0].params["samenvatting"]
    turn = service.turn("e", "pop", "stop", today=today)
    assert turn.extra == {"paused": True}
    with session_scope() as s:
        assert repo.get_state(s, "e", "pop").status == "paused"
    # an answer that the NLU mistook for a question is still an answer
    turn = service.turn("e", "pop", "Adviseur", ranking=[("faq", 0.7)], faq_response="faq/pop", today=today)
    assert turn.accepted and turn.prompt.response == "vraag_pop_team"


@pytest.mark.parametrize(("interview", "text", "answer"), [
    ("jaarplan", "is dit verplicht trouwens?", "plan_verplicht"),
    ("strategie", "moet dit eigenlijk?", "plan_verplicht"),
    ("jaarplan", "is een popgesprek verplicht?", "faq/pop_gesprek_verplicht"),
    ("pop", "is dit verplicht trouwens?", "faq/pop_gesprek_verplicht"),
])
def test_is_this_required_is_answered_about_the_plan_being_made(db_url, today, interview, text, answer):
    """Found over make run: "is dit verplicht trouwens?" while making the yearly plan got the answer about the POP
    conversation; in a policy, plan or evaluation it asks about that plan, unless the POP is named."""
    if interview == "pop":
        service.start("v", "pop", today)
    else:
        service.start("v", "strategie", today)
        if interview == "jaarplan":
            for _key, text_ in STRATEGIE:
                service.answer("v", "strategie", text_, today)
            service.start("v", "jaarplan", today)
    key = service.current_question("v", interview, today)
    turn = service.turn("v", interview, text, ranking=[("faq", 0.9)], faq_response="faq/pop_gesprek_verplicht",
                        today=today)
    assert turn.messages[0].response == answer and not turn.accepted
    assert service.current_question("v", interview, today) == key


@pytest.mark.parametrize(("text", "year"), [("oke nu het opleidingsjaarplan voor 2027", 2027),
                                          ("laten we het jaarplan voor volgend jaar maken", 2027),
                                          ("ik wil een jaarplan maken", None)])
def test_the_year_said_in_the_message_that_opens_the_plan_is_not_asked_again(db_url, today, text, year):
    """Found over make run: "oke nu het opleidingsjaarplan voor 2027" was answered with "Voor welk jaar?"."""
    service.start("y", "strategie", today)
    for _key, answer in STRATEGIE:
        service.answer("y", "strategie", answer, today)
    turn = service.start("y", "jaarplan", today, text=text)
    with session_scope() as s:
        stored = s.execute(select(YearPlan.year)).scalars().all()
    if year is None:
        assert turn.prompt.response == "vraag_jaarplan_jaar" and stored == []
    else:
        assert turn.prompt.response == "vraag_jaarplan_budget" and stored == [year]
        assert [(m.response, m.params["wat"]) for m in turn.messages] == [("genoteerd", str(year))]


@pytest.mark.parametrize(("text", "referral"), [
    ("hoeveel vakantiedagen heb ik nog", "andere_hr_vraag"),
    ("ik heb een klacht over een collega, waar kan ik daarmee terecht?", "andere_hr_vraag"),
    ("mijn laptop start niet meer op, wie kan me helpen?", "buiten_bereik"),
    ("hoe vraag ik ouderschapsverlof aan", "andere_hr_vraag"),
])
def test_a_question_outside_the_field_at_a_pop_question_is_referred_not_stored(db_url, today, text, referral):
    """Found over make run (issue 41, item 3): at a POP question, pay, leave and IT questions got "Daar weet ik
    helaas geen antwoord op" or were stored (a complaint about a colleague became a learning goal's deadline)."""
    service.start("r", "pop", today)
    service.answer("r", "pop", "Gemeente Zeist", today)
    key = service.current_question("r", "pop", today)
    turn = service.turn("r", "pop", text, ranking=[("buiten_bereik", 0.97), ("antwoord", 0.02)], today=today)
    assert [m.response for m in turn.messages] == [referral] and not turn.accepted
    assert turn.prompt.response == f"vraag_{key}" and service.current_question("r", "pop", today) == key
    with session_scope() as s:
        assert s.execute(select(func.count()).select_from(AnswerLog).where(AnswerLog.question == key)).scalar_one() == 0


@pytest.mark.parametrize("text", ["Minder klachten over het KCC en kortere wachttijden", "voor de zomer vakantie",
                                  "een audioloog van het ziekenhuis", "computer. die nieuwe meldingen-app"])
def test_an_answer_the_nlu_put_outside_the_field_is_still_an_answer(db_url, today, text):
    """Found by the conversation tests: answers that name complaints, a holiday, a hospital or a computer, which the
    NLU put outside the field, were referred instead of stored. Only a question is referred."""
    service.start("r", "pop", today)
    service.answer("r", "pop", "Gemeente Zeist", today)
    turn = service.turn("r", "pop", text, ranking=[("buiten_bereik", 0.99)], today=today)
    assert not any(m.response.startswith(("andere_hr_vraag", "buiten_bereik")) for m in turn.messages)


def test_a_question_about_learning_that_the_nlu_put_outside_the_field_is_not_referred(db_url, today):
    service.start("r", "pop", today)
    service.answer("r", "pop", "Gemeente Zeist", today)
    turn = service.turn("r", "pop", "mag ik mijn studieverlof gebruiken voor de cursus?",
                        ranking=[("buiten_bereik", 0.9)], today=today)
    assert not any(m.response.startswith(("andere_hr_vraag", "buiten_bereik")) for m in turn.messages)


def test_the_evaluation_offers_the_years_that_have_a_plan(db_url, today):
    """Found over make run: the evaluation offered this year and last year while only next year's plan existed."""
    service.start("ev", "strategie", today)
    for _key, answer in STRATEGIE:
        service.answer("ev", "strategie", answer, today)
    for year in (today.year - 1, today.year + 1):
        service.start("ev", "jaarplan", today, text=f"het jaarplan voor {year}")
        service.answer("ev", "jaarplan", "€ 10.000", today)
        service.pause("ev", "jaarplan")
    turn = service.start("ev", "evaluatie", today)
    assert turn.prompt.response == "vraag_evaluatie_jaar"
    assert [b["title"] for b in turn.prompt.buttons] == [str(today.year - 1)]


def test_the_yearly_plan_summary_shows_every_answer_of_an_activity(db_url, today):
    """Found over make run: "laat zien wat ik heb ingevuld" left out the goal, the form and the cooperation, so a
    goal stored in the wrong place could not be seen."""
    service.start("sm", "strategie", today)
    for _key, answer in STRATEGIE:
        service.answer("sm", "strategie", answer, today)
    complete("sm", "jaarplan", JAARPLAN, today)
    text = service.summary("sm", "jaarplan", today)
    for said in ("doel en inhoud: „Medewerkers kunnen inwoners online goed helpen”", "vorm: „klassikale training”",
                 "alleen of samen met andere organisaties: „Samen met andere organisaties”"):
        assert said in text, text


def test_switching_interviews_pauses_the_first(db_url, today):
    service.start("m", "pop", today)
    service.answer("m", "pop", "Gemeente Zeist", today)
    turn = service.turn("m", "pop", "ik wil het opleidingsjaarplan maken", ranking=[("start_jaarplan", 0.95)], today=today)
    assert turn.extra["switched"] == "jaarplan"
    assert turn.prompt.response == "vraag_org_medewerkers"  # "Gemeente Zeist" says the sector
    with session_scope() as s:
        assert repo.get_state(s, "m", "pop").status == "paused"


def test_people_do_not_share_interview_state(db_url, today):
    service.start("a", "pop", today)
    service.answer("a", "pop", "Gemeente Zeist", today)
    service.answer("a", "pop", "jurist", today)
    service.start("b", "pop", today)
    assert service.current_question("b", "pop", today) == "org_naam"
    with session_scope() as s:
        states = s.execute(select(InterviewState).order_by(InterviewState.person_id)).scalars().all()
        assert [(st.person_id, st.interview) for st in states] == [("a", "pop"), ("b", "pop")]


def test_a_valid_closed_answer_is_never_a_command(db_url, today):
    complete("m", "strategie", STRATEGIE, today)
    service.start("m", "jaarplan", today)
    for _key, text in JAARPLAN[:4]:
        service.answer("m", "jaarplan", text, today)
    assert service.current_question("m", "jaarplan", today) == "act_soort"
    turn = service.turn("m", "jaarplan", "ik wil strategisch", ranking=[("start_strategie", 0.97)], today=today)
    assert turn.accepted and "switched" not in turn.extra
    assert service.current_question("m", "jaarplan", today) == "act_speerpunt"


def test_speerpunten_separated_by_commas_are_stored_apart(db_url, today):
    """Issue 18: "A, B en C" was stored as one speerpunt; a sentence with a comma stays one."""
    script = [(k, v) for k, v in STRATEGIE if k != "speerpunten"]
    at = [k for k, _ in script].index("strategie_competenties")
    script[at:at] = [("speerpunten", "Digitale dienstverlening, inclusief werkgeverschap en duurzame inzetbaarheid"),
                     ("speerpunten", "Meer samenwerken in de regio, zodat inwoners sneller geholpen worden"),
                     ("speerpunten", "klaar")]
    service.start("m", "strategie", today)
    replies = []
    for _key, text in script:
        replies += service.answer("m", "strategie", text, today).messages
    with session_scope() as s:
        texts = [sp.text for sp in s.execute(select(Speerpunt).order_by(Speerpunt.position)).scalars()]
    assert texts == ["Digitale dienstverlening", "Inclusief werkgeverschap", "Duurzame inzetbaarheid",
                     "Meer samenwerken in de regio, zodat inwoners sneller geholpen worden"]
    said = [m for m in replies if m.response == "speerpunten_opgeslagen"]
    assert said[0].params["aantal"] == "3 speerpunten" and "Duurzame inzetbaarheid" in said[0].params["lijst"]


@pytest.mark.parametrize("text", ["weet ik niet", "Weet ik nog niet.", "geen idee"])
def test_dont_know_at_a_choice_is_asked_again_and_never_stored_as_no(db_url, today, text):
    """Found with make run: "weet ik nog niet" at the OR question was stored as "gepland", "weet ik niet" as "nee"
    (and at the evaluation as "niet gedaan"): a choice nobody made."""
    service.start("m", "strategie", today)
    turn = None
    for key, answer in STRATEGIE:
        if key == "strategie_or":
            break
        turn = service.turn("m", "strategie", answer, ranking=[("antwoord", 0.9)], today=today)
    assert turn.prompt.response == "vraag_strategie_or"
    again = service.turn("m", "strategie", text, ranking=[("antwoord", 0.9)], today=today)
    assert not again.accepted and again.messages[0].response == "keuze_weet_niet"
    assert again.prompt.response == "vraag_strategie_or"
    with session_scope() as s:
        assert s.execute(select(AnswerLog).where(AnswerLog.question == "strategie_or")).first() is None


@pytest.mark.parametrize("text,stored", [("wij hebben wel een OR maar die is nog niet betrokken", True),
                                         ("Nee, we hebben geen OR, wel een PVT", False),
                                         ("er is geen ondernemingsraad bij ons", False)])
def test_a_sentence_that_says_yes_or_no_at_the_or_question_is_that_answer(db_url, today, text, stored):
    """Found with make run: 'wij hebben wel een OR maar die is nog niet betrokken' got 'Antwoord met ja of nee.'"""
    answer_until("m", "strategie", STRATEGIE, "org_or", today)
    turn = service.turn("m", "strategie", text, ranking=[("antwoord", 0.9)], today=today)
    assert turn.accepted
    with session_scope() as s:
        assert s.execute(select(Organisation.has_works_council)).scalar_one() is stored


def test_another_body_is_no_answer_to_the_or_question(db_url, today):
    answer_until("m", "strategie", STRATEGIE, "org_or", today)
    turn = service.turn("m", "strategie", "we hebben een personeelsvertegenwoordiging", ranking=[("antwoord", 0.9)],
                        today=today)
    assert not turn.accepted and turn.messages[0].response == "ja_of_nee"
    assert turn.prompt.response == "vraag_org_or"


def test_an_amount_typed_at_the_provider_question_is_not_stored_as_the_provider(db_url, today):
    """Found with make run: '3000 euro' at 'Door wie wordt de activiteit gegeven?' was kept as the provider; the
    costs are asked two questions later."""
    complete("m", "strategie", STRATEGIE, today)
    answer_until("m", "jaarplan", JAARPLAN, "act_aanbieder", today)
    turn = service.answer("m", "jaarplan", "3000 euro", today)
    assert not turn.accepted and turn.messages[0].response == "antwoord_is_bedrag"
    assert service.current_question("m", "jaarplan", today) == "act_aanbieder"
    assert service.answer("m", "jaarplan", "Bureau 2000", today).accepted  # a name with a number is a name
    with session_scope() as s:
        assert s.execute(select(Activity.provider)).scalar_one() == "Bureau 2000"


@pytest.mark.parametrize("text", ["dat was het voor nu", "klaar hoor", "Dat is alles, dank je"])
def test_enough_said_in_words_at_another_activity_is_no(db_url, today, text):
    """Found with make run: 'dat was het voor nu' at 'Wil je nog een activiteit toevoegen?' was asked again."""
    complete("m", "strategie", STRATEGIE, today)
    answer_until("m", "jaarplan", JAARPLAN, "act_nog_een", today)
    turn = service.answer("m", "jaarplan", text, today)
    assert turn.accepted and turn.done
