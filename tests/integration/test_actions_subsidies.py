"""Funding adapters with real trackers and the real domain."""

from __future__ import annotations

from sqlalchemy import select

from actions import interview as act
from actions import subsidies as sub
from bot.identity import Identity
from bot.services import interviews as service
from bot.storage.db import session_scope
from bot.storage.models import InterviewState, Person
from tests.helpers import STRATEGIE
from tests.integration.action_helpers import responses, run, tracker


def funding_answer(text, sender="m1", intent=None):
    """A message while a funding question is open: it goes to the interview form, as every answer does."""
    trk = tracker(sender, text, intent, slots={"actief_interview": "subsidie"}, loop="interview_form",
                  slot_events={"interview_antwoord": text})
    return run(act.ValidateInterviewForm(), trk)


def asked(messages):
    return [r for r in responses(messages) if r.startswith("utter_vraag_")]


def cards(messages):
    return [m["kaart"] for m in messages if m["response"] == "utter_subsidie_kaart"]


def test_start_uses_the_stored_profile(db_url, today):
    service.start("m1", "strategie", today)
    for _key, text in STRATEGIE[:3]:
        service.answer("m1", "strategie", text, today)
    messages, slots = run(sub.ActionFundingStart(), tracker("m1", "welke subsidies passen?", "subsidie_zoeken"))
    assert responses(messages) == ["utter_start_subsidie", "utter_vraag_subsidie_doel"]  # sector and size known
    assert slots == {"actief_interview": "subsidie", "interview_open": True, "interview_antwoord": None}


def test_start_without_profile_reads_the_question(db_url):
    trk = tracker("x", "is er subsidie voor een cursus voor oudere medewerkers?", "subsidie_zoeken")
    messages, _ = run(sub.ActionFundingStart(), trk)
    assert asked(messages) == ["utter_vraag_subsidie_sector"]
    messages, _ = funding_answer("gemeente", "x")
    assert asked(messages) == ["utter_vraag_subsidie_medewerkers"]
    messages, slots = funding_answer("ongeveer 120", "x")  # an estimate is what the question asks for: stored
    assert "utter_genoteerd" in responses(messages) and not asked(messages)  # what it was for: said at the start
    assert slots["interview_antwoord"] == act.DONE and cards(messages)
    assert any("A&O fonds Gemeenten" in c for c in cards(messages))


def test_a_person_paying_a_course_gets_advice_without_the_loan_for_studies(db_url):
    """Found trying issue 30 with make run: the funding form read only the facts of the message, so 'een cursus
    fotografie' that someone pays themselves got the levenlanglerenkrediet (hbo, wo, mbo-bol only) first."""
    trk = tracker("z", "ik wil zelf een cursus fotografie betalen, is daar iets voor?", "subsidie_zoeken")
    messages, slots = run(sub.ActionFundingStart(), trk)
    assert not asked(messages) and slots["interview_open"] is False  # nothing to ask: the advice at once
    assert cards(messages) and not any(c.startswith("Levenlanglerenkrediet") for c in cards(messages))
    said = " ".join(m.get("advies", "") for m in messages)
    assert "Levenlanglerenkrediet past niet: de regeling betaalt geen cursussen" in said


def test_funding_answers_are_read_as_the_other_questions_read_them(db_url):
    run(sub.ActionFundingStart(), tracker("v", "/subsidie_zoeken", "subsidie_zoeken"))
    messages, _ = funding_answer("wij zijn een muziekschool", "v")
    assert asked(messages) == ["utter_vraag_subsidie_medewerkers"]
    messages, _ = funding_answer("veel", "v")
    assert responses(messages) == ["utter_geen_aantal", "utter_vraag_subsidie_medewerkers"]
    messages, _ = funding_answer("zo'n veertig", "v")
    assert asked(messages) == ["utter_vraag_subsidie_doel"]
    buttons = next(m for m in messages if m["response"] == "utter_vraag_subsidie_doel")["buttons"]
    assert [b["title"] for b in buttons][-1] == "Weet ik nog niet"
    messages, _ = funding_answer("Opleiding voor een team of groep", "v")
    assert cards(messages)[0].startswith("Stichting OAK") and "A&O" not in " ".join(cards(messages))
    with session_scope() as s:  # what the person told is the organisation's profile now, and the round's answers
        state = s.execute(select(InterviewState).where(InterviewState.person_id == "v",
                                                       InterviewState.interview == "subsidie")).scalar_one()
        assert state.answers == {"sector": "kunsteducatie", "employees": 40, "purposes": "groep"}
        assert state.status == "done"
    summary = service.summary("v", "subsidie")  # "wat heb ik ingevuld?": in words, not keys
    assert "Soort organisatie: kunst- of cultuureducatie" in summary and "40" in summary and "een training voor een groep" in summary


def test_a_kind_of_business_is_a_company_and_nonsense_is_asked_again(db_url):
    run(sub.ActionFundingStart(), tracker("b", "/subsidie_zoeken", "subsidie_zoeken"))
    messages, _ = funding_answer("een blauwe?", "b")
    assert "utter_vraag_subsidie_sector" in responses(messages) and "utter_vraag_subsidie_medewerkers" not in \
        responses(messages)
    messages, _ = funding_answer("een bakkerij", "b")
    assert asked(messages) == ["utter_vraag_subsidie_medewerkers"]


def test_not_knowing_what_the_money_is_for_is_not_a_training_for_a_group(db_url):
    """'Weet ik nog niet' was stored as 'groep', so a company of 30 that did not know yet heard that SLIM does not
    pay a training for a group."""
    run(sub.ActionFundingStart(), tracker("b30", "/subsidie_zoeken", "subsidie_zoeken"))
    funding_answer("Private organisatie", "b30")
    funding_answer("30", "b30")
    messages, _ = funding_answer("Weet ik nog niet", "b30")
    assert cards(messages)[0].startswith("SLIM-regeling"), cards(messages)
    assert "betaalt geen" not in " ".join(m.get("advies", "") for m in messages)


def test_stop_pauses_the_funding_questions_and_a_new_question_starts_anew(db_url):
    run(sub.ActionFundingStart(), tracker("s", "/subsidie_zoeken", "subsidie_zoeken"))
    funding_answer("gemeente", "s")
    messages, slots = funding_answer("stop", "s", intent="stoppen")
    assert responses(messages) == ["utter_gepauzeerd"] and slots["interview_open"] is False
    # asked anew: a new round, that still knows the sector said in the round that stopped (not asked twice)
    messages, _ = run(sub.ActionFundingStart(), tracker("s", "welke subsidies zijn er?", "subsidie_zoeken"))
    assert asked(messages) == ["utter_vraag_subsidie_medewerkers"]


def test_a_new_round_knows_what_the_organisation_told_before(db_url, today):
    service.start("g", "strategie", today)
    service.answer("g", "strategie", "Organisatie De Linde", today)  # a profile still empty
    service.pause("g", "strategie")
    run(sub.ActionFundingStart(), tracker("g", "welke subsidies passen bij een gemeente met 300 medewerkers?",
                                          "subsidie_zoeken"))
    messages, _ = funding_answer("groep", "g")
    assert cards(messages)
    with session_scope() as s:
        person = s.get(Person, "g")
        assert (person.organisation.sector, person.organisation.employees) == ("gemeente", 300)
    messages, _ = run(sub.ActionFundingStart(), tracker("g", "/subsidie_zoeken", "subsidie_zoeken"))
    assert asked(messages) == ["utter_vraag_subsidie_doel"]


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
    assert not asked(messages) and slots["interview_open"] is False  # no organisation to ask about: the advice
    assert any("zelfstandige (zzp'er)" in (m.get("feiten") or "") for m in messages)
    assert any("Opleiding als kosten van je eigen bedrijf" in c for c in cards(messages))


def test_saying_you_are_self_employed_at_a_funding_question_ends_the_questions(db_url):
    run(sub.ActionFundingStart(), tracker("zz", "/subsidie_zoeken", "subsidie_zoeken"))
    messages, slots = funding_answer("ik heb geen werknemers, ik ben zzp'er. ik werk alleen", "zz")
    assert not asked(messages) and slots["interview_antwoord"] == act.DONE  # no size, no sector: the advice
    assert any("zelfstandige (zzp'er)" in (m.get("feiten") or "") for m in messages)
    assert any("Opleiding als kosten van je eigen bedrijf" in c for c in cards(messages))


def test_the_facts_of_one_answer_fill_the_other_questions(db_url):
    run(sub.ActionFundingStart(), tracker("f", "/subsidie_zoeken", "subsidie_zoeken"))
    messages, _ = funding_answer("een gemeente met ongeveer 300 medewerkers", "f")
    assert asked(messages) == ["utter_vraag_subsidie_doel"]


def test_advice_for_a_gemeente_shows_cards_with_their_facts(db_url):
    run(sub.ActionFundingStart(), tracker("m2", "wat is er voor een gemeente met 800 mensen?", "subsidie_zoeken"))
    messages, _ = funding_answer("Opleiding voor een team of groep", "m2")
    shown = [m for m in messages if m["response"] == "utter_subsidie_kaart"]
    assert 1 <= len(shown) <= 3 and shown[0]["kaart"].startswith("A&O fonds Gemeenten")
    assert shown[0]["buttons"][0]["payload"] == '/regeling_vraag{"regeling": "aeno_stimulering"}'
    card = shown[0]["custom"]  # the same facts as a card for the widget
    assert card["type"] == "card" and card["title"] == shown[0]["kaart"].split("\n")[0]
    assert [label for label, _ in card["fields"]][0] == "Waarom" and card["fields"][-1][0] == "Bron"
    assert all(f"{label}: {value}" in shown[0]["kaart"] for label, value in card["fields"])
    assert "Stichting OAK" not in " ".join(c["kaart"] for c in shown)


def test_a_funding_question_the_nlu_placed_elsewhere_is_answered(db_url):
    """Issue 41, item 5: found over make run, a funding question outside an interview was read as an answer without
    a question, as progress or as outside the field."""
    messages, _ = run(act.ActionAnswerAfterComingBack(),
                      tracker("q1", "dus wij als gemeente kunnen dat niet zelf aanvragen?", "antwoord",
                              slots={"laatste_regeling": "praktijkleren"}))
    assert "utter_antwoord_zonder_vraag" not in responses(messages)
    assert "Subsidieregeling praktijkleren" in messages[0]["info"] and "aan" in messages[0]["info"]
    messages, _ = run(act.ActionShowAnswers(), tracker("q1", "hoeveel is dat?", "voortgang",
                                                       slots={"laatste_regeling": "slim"}))
    assert messages[0]["info"].startswith("De SLIM-regeling") or "SLIM" in messages[0]["info"], messages
    messages, _ = run(act.ActionShowAnswers(), tracker("q1", "hoe ver ben ik?", "voortgang",
                                                       slots={"laatste_regeling": "slim"}))
    assert responses(messages) == ["utter_nog_niets_ingevuld"]  # progress is still progress
    messages, _ = run(act.ActionNotUnderstood(), tracker(
        "q2", "we zijn geen gemeente maar een bibliotheek, welke fondsen passen?", "buiten_bereik"))
    shown = " ".join(m.get("advies", "") + m.get("kaart", "") + m.get("feiten", "") for m in messages)
    assert "utter_buiten_bereik" not in responses(messages) and "A&O fonds Gemeenten" not in shown
    assert any(r in ("utter_subsidie_advies", "utter_subsidie_kaart") for r in responses(messages)), messages
    messages, _ = run(act.ActionNotUnderstood(), tracker("q2", "wie betaalt mijn reiskosten?", "buiten_bereik"))
    assert responses(messages) == ["utter_andere_hr_vraag"]  # travel costs are HR's, not a funding question
    messages, _ = run(act.ActionAnswerAfterComingBack(), tracker("q3", "Team Vergunningen", "antwoord"))
    assert responses(messages) == ["utter_antwoord_zonder_vraag"]  # no question, no money: said so


def test_a_follow_up_read_as_a_goodbye_or_a_remark_is_answered_about_the_scheme(db_url):
    """Found over make run: "en tot wanneer kan dat?" got "Tot ziens!", "moet ik dat zelf aanvragen?" got "Geen
    probleem"; both just after a scheme was discussed."""
    messages, slots = run(sub.ActionGoodbye(), tracker("g1", "en tot wanneer kan dat?", "afscheid",
                                                       slots={"laatste_regeling": "praktijkleren"}))
    assert responses(messages) == ["utter_regeling_info"] and "aanvragen kan" in messages[0]["info"]
    assert slots == {"laatste_regeling": "praktijkleren"}
    messages, _ = run(sub.ActionGoodbye(), tracker("g1", "doei", "afscheid", slots={"laatste_regeling": "praktijkleren"}))
    assert responses(messages) == ["utter_afscheid"]
    messages, _ = run(sub.ActionRemarkOutside(), tracker("g1", "moet ik dat zelf aanvragen?", "opmerking",
                                                         slots={"laatste_regeling": "levenlanglerenkrediet"}))
    assert responses(messages) == ["utter_regeling_info"] and "DUO" in messages[0]["info"]
    messages, _ = run(sub.ActionRemarkOutside(), tracker("g1", "hmm oke", "opmerking",
                                                         slots={"laatste_regeling": "levenlanglerenkrediet"}))
    assert responses(messages) == ["utter_opmerking_algemeen"]


def test_someone_who_pays_a_course_themselves_still_tells_about_the_employer(db_url, today):
    """Found over make run: the size answered in a round where the person pays themselves was not kept, so the next
    round asked it again."""
    service.start("j", "strategie", today)
    service.answer("j", "strategie", "Organisatie De Klankkast", today)
    service.pause("j", "strategie")
    run(sub.ActionFundingStart(), tracker("j", "/subsidie_zoeken", "subsidie_zoeken"))
    funding_answer("kunst- of cultuureducatie", "j")
    funding_answer("een stuk of twintig", "j")
    funding_answer("ik betaal zelf", "j")
    messages, _ = run(sub.ActionFundingStart(), tracker("j", "/subsidie_zoeken", "subsidie_zoeken"))
    assert asked(messages) == ["utter_vraag_subsidie_doel"]


def test_an_employer_who_does_not_pay_is_not_offered_in_the_funding_round(db_url):
    """Found over make run: after 'mijn werkgever betaalt niet mee' the round's advice still ended with the card
    'Betaalt je werkgever de opleiding? Vraag het dus eerst aan je werkgever' (the tax exemption)."""
    trk = tracker("wr", "mijn werkgever betaalt niet mee aan mijn cursus, is er subsidie?", "subsidie_zoeken")
    refused, _ = run(sub.ActionFundingStart(), trk)
    trk = tracker("wp", "ik betaal de cursus zelf, is er subsidie?", "subsidie_zoeken")
    paying, _ = run(sub.ActionFundingStart(), trk)
    assert not any("Vraag het dus eerst aan je werkgever" in c for c in cards(refused))
    assert any(m.get("feiten") == "Je betaalt de opleiding zelf. Het gaat om een losse cursus." for m in refused)
    assert any("Vraag het dus eerst aan je werkgever" in c for c in cards(paying))  # the card can be shown


def test_a_size_corrected_at_the_next_funding_question_is_taken(db_url):
    """Found over make run: "nee wacht, we zijn met ongeveer 400" at the question what the money is for got "Kies een
    van de knoppen" and the round kept 250."""
    run(sub.ActionFundingStart(), tracker("n4", "/subsidie_zoeken", "subsidie_zoeken"))
    funding_answer("gemeente", "n4")
    funding_answer("ongeveer 250", "n4")
    messages, _ = funding_answer("nee wacht, we zijn met ongeveer 400", "n4")
    assert any("ongeveer 400 mensen" in (m.get("feiten") or "") for m in messages)  # said back, so it can be corrected
    assert asked(messages) == ["utter_vraag_subsidie_doel"]
    with session_scope() as s:
        state = s.execute(select(InterviewState).where(InterviewState.person_id == "n4")).scalar_one()
        assert state.answers["employees"] == 400


def test_a_follow_up_after_several_schemes_asks_which_one_with_buttons(db_url):
    """Found over make run: "wie vraagt dat aan?" right after advice with three cards had no scheme to refer to
    ("Over welke regeling gaat je vraag? Noem de naam"); it now offers the schemes shown, and a click answers the
    question about the one chosen."""
    trk = tracker("w1", "ik ben leraar op een basisschool en wil een master doen, welke subsidies zijn er?",
                  "subsidie_zoeken")
    messages, slots = run(sub.ActionFundingStart(), trk)
    while asked(messages):  # answer what the round still asks with its first button
        button = next(m for m in messages if responses([m])[0].startswith("utter_vraag_"))["buttons"][0]
        messages, more = funding_answer(button["payload"], "w1")
        slots.update(more)
    shown = slots["getoonde_regelingen"]
    assert len(shown) > 1 and "lerarenbeurs" in shown and slots["laatste_regeling"] is None
    messages, _ = run(act.ActionNotUnderstood(), tracker("w1", "wie vraagt dat aan?", "nlu_fallback",
                                                          slots={"getoonde_regelingen": shown}))
    assert responses(messages) == ["utter_regeling_welke_getoond"]
    choice = next(b for b in messages[0]["buttons"] if b["title"] == "Lerarenbeurs")
    messages, slots = run(sub.ActionSchemeInfo(), tracker("w1", choice["payload"], "regeling_vraag"))
    assert responses(messages)[0] == "utter_regeling_info"
    assert messages[0]["info"].startswith("Je vraagt de lerarenbeurs zelf aan.")  # the question, about the one chosen
    assert slots == {"laatste_regeling": "lerarenbeurs"}


def _speaking_as(identity: Identity):
    """(a tracker as that person, an answer in the open funding round as that person)."""
    person = identity.to_dict()

    def as_them(trk):
        trk.latest_message["metadata"] = {"identity": person}
        return trk

    def answer(text):
        trk = tracker(identity.person_id, text, None, slots={"actief_interview": "subsidie"}, loop="interview_form",
                      slot_events={"interview_antwoord": text})
        return run(act.ValidateInterviewForm(), as_them(trk))

    return as_them, answer


def test_an_employees_own_facts_stay_for_the_next_round_and_stay_out_of_the_organisations_profile(db_url, today):
    """Found over make run: an employee's corrected size (60) went back to the first estimate (30) and her age was
    lost when a new question started a new round; her estimate was written into the organisation's profile."""
    as_her, answer = _speaking_as(Identity("e7", "Ria", "employee", "Installatiebedrijf Kraan", organisation_id="kraan"))

    run(sub.ActionFundingStart(), as_her(tracker("e7", "ik ben 58, welke subsidies passen bij ons bedrijf?",
                                                 "subsidie_zoeken")))
    answer("een stuk of dertig")
    answer("wacht, we zijn met zestig man")
    answer("groep")
    run(sub.ActionFundingStart(), as_her(tracker("e7", "welke subsidies passen bij ons?", "subsidie_zoeken")))
    with session_scope() as s:
        state = s.execute(select(InterviewState).where(InterviewState.person_id == "e7",
                                                       InterviewState.interview == "subsidie")).scalar_one()
        assert (state.answers.get("employees"), state.answers.get("age")) == (60, 58)
        assert s.get(Person, "e7").organisation.employees is None  # an employee's estimate is not the profile


def test_a_cards_button_title_typed_later_is_a_question_about_that_scheme(db_url):
    """Found over make run: "Meer uitleg: Lerarenbeurs" typed after other messages got "Dat lijkt een antwoord,
    maar er staat geen vraag open"."""
    messages, slots = run(act.ActionAnswerAfterComingBack(), tracker("u1", "Meer uitleg: Lerarenbeurs", "antwoord"))
    assert responses(messages)[0] == "utter_regeling_info" and slots.get("laatste_regeling") == "lerarenbeurs"


def test_a_question_about_the_scheme_just_shown_during_the_pop_is_answered_about_it(db_url):
    """Found over make run: "wie vraagt dat aan?" during the POP got the whole advice again."""
    run(act.ActionStartInterview(), tracker("h1", "/start_pop", "start_pop"))
    trk = tracker("h1", "wie vraagt dat aan?", "nlu_fallback", loop="interview_form",
                  slots={"actief_interview": "pop", "laatste_regeling": "lerarenbeurs"},
                  slot_events={"interview_antwoord": "wie vraagt dat aan?"})
    messages, slots = run(act.ValidateInterviewForm(), trk)
    assert responses(messages)[0] == "utter_regeling_info"
    assert messages[0]["info"].startswith("Je vraagt de lerarenbeurs zelf aan.")
    assert responses(messages)[-1].startswith("utter_vraag_") and slots["laatste_regeling"] == "lerarenbeurs"


def test_a_size_given_as_a_range_is_kept_as_its_middle_and_said_back(db_url):
    """Found over make run: "tussen de 50 en 250" at the size question offered the buttons [50 | 250]."""
    run(sub.ActionFundingStart(), tracker("r5", "/subsidie_zoeken", "subsidie_zoeken"))
    funding_answer("gemeente", "r5")
    messages, _ = funding_answer("tussen de 50 en 250", "r5")
    assert any(m.get("wat") == "ongeveer 150 (tussen 50 en 250)" for m in messages)
    assert asked(messages) == ["utter_vraag_subsidie_doel"]


def test_a_card_named_by_its_place_is_that_scheme(db_url):
    """Found over make run: "en de tweede?" and "ik bedoel de tweede regeling, hoeveel is die?" after advice with
    several cards got "Sorry, dat begrijp ik niet goed" and a summary of the answers."""
    shown = ["lerarenbeurs", "onderwijsassistent_leraar", "zij_instroom"]
    messages, slots = run(act.ActionNotUnderstood(), tracker("o1", "en de tweede?", "nlu_fallback",
                                                             slots={"getoonde_regelingen": shown}))
    assert responses(messages)[0] == "utter_regeling_info" and slots == {"laatste_regeling": "onderwijsassistent_leraar"}
    messages, slots = run(sub.ActionSchemeInfo(), tracker("o1", "ik bedoel de eerste regeling, hoeveel is die?",
                                                           "regeling_vraag", slots={"getoonde_regelingen": shown}))
    assert "€ 7.000" in messages[0]["info"] and slots == {"laatste_regeling": "lerarenbeurs"}


def test_what_an_employee_told_in_a_round_is_known_to_a_later_question(db_url):
    """Found over make run: a shop employee whose round knew 'private organisatie' was asked "Werk je bij een
    gemeente?" by a later funding question (an employee's answers no longer fill the organisation's profile)."""
    from bot.services.funding import known_profile

    run(sub.ActionFundingStart(), tracker("k9", "/subsidie_zoeken", "subsidie_zoeken"))
    funding_answer("een winkel", "k9")
    funding_answer("ongeveer 300", "k9")
    assert known_profile("k9") == ("privaat", 300)


def test_a_fact_asked_about_after_advice_is_advice_again_with_that_fact(db_url):
    """Found over make run: after the advice, "ik ben tweeënvijftig, maakt dat uit?" got "Sorry, dat begrijp ik
    niet goed"; without advice just before, the same sentence is no funding question."""
    text = "ik ben tweeënvijftig, maakt dat uit?"
    messages, _ = run(act.ActionNotUnderstood(), tracker("a1", text, "nlu_fallback",
                                                         slots={"laatste_regeling": "levenlanglerenkrediet"}))
    assert responses(messages)[:2] == ["utter_feiten_begrepen", "utter_subsidie_advies"]
    assert "52 jaar" in str(messages[0])  # said back, so a misreading can be corrected
    messages, _ = run(act.ActionNotUnderstood(), tracker("a2", text, "nlu_fallback"))
    assert "52" not in " ".join(str(m) for m in messages)


def test_an_hr_question_after_a_scheme_card_is_referred_not_read_as_about_the_scheme(db_url):
    """Found over make run: right after a card, "Wanneer moet ik de bedrijfsarts inschakelen?" got the opening dates
    of the scheme shown."""
    slots = {"laatste_regeling": "aeno_stimulering"}
    messages, _ = run(act.ActionNotUnderstood(), tracker(
        "h1", "Een medewerker is nu drie weken ziek. Wanneer moet ik de bedrijfsarts inschakelen?", "buiten_bereik",
        slots=slots))
    assert responses(messages) == ["utter_andere_hr_vraag"]
    messages, _ = run(act.ActionNotUnderstood(), tracker("h1", "wanneer kan ik die regeling aanvragen?", "buiten_bereik",
                                                         slots=slots))
    assert responses(messages) != ["utter_andere_hr_vraag"]


def test_a_planners_corrected_size_in_a_round_is_the_organisations_size(db_url, today):
    """Found over make run: an HR adviser corrected the size from 300 to 320 in a funding round; the round used 320,
    the organisation (and so the yearly plan's summary) kept 300."""
    as_her, answer = _speaking_as(Identity("h7", "Fatima", "hr", "Omgevingsdienst Rivierenland", organisation_id="odr"))

    run(sub.ActionFundingStart(), as_her(tracker("h7", "we zijn een omgevingsdienst met ruim driehonderd mensen, "
                                                 "welke subsidies passen?", "subsidie_zoeken")))
    answer("groep")
    with session_scope() as s:
        assert s.get(Person, "h7").organisation.employees == 300
    service.correction("h7", "het aantal medewerkers klopt niet, het is 320", "subsidie")
    answer("ja")
    with session_scope() as s:
        assert s.get(Person, "h7").organisation.employees == 320


def test_a_size_corrected_elsewhere_is_not_set_back_by_the_next_funding_round(db_url, today):
    """Found over make run: an HR adviser's round said 45; she corrected the size to 48 in the policy; the next
    round took 45 from the round before and wrote it back into the organisation's profile."""
    as_her, answer = _speaking_as(Identity("h8", "Marieke", "hr", "Muziekschool De Klankkast", organisation_id="mk"))
    run(sub.ActionFundingStart(), as_her(tracker("h8", "we zijn een muziekschool met 45 medewerkers, welke subsidies "
                                                 "passen?", "subsidie_zoeken")))
    answer("groep")
    with session_scope() as s:
        s.get(Person, "h8").organisation.employees = 48  # corrected in the strategic policy
    run(sub.ActionFundingStart(), as_her(tracker("h8", "is er subsidie voor scholing van onze docenten?",
                                                 "subsidie_zoeken")))
    answer("groep")
    with session_scope() as s:
        assert s.get(Person, "h8").organisation.employees == 48
        state = s.execute(select(InterviewState).where(InterviewState.person_id == "h8",
                                                       InterviewState.interview == "subsidie")).scalar_one()
        assert state.answers["employees"] == 48


def test_the_hr_referral_fits_the_role_in_the_token(db_url):
    """Found over make run: an HR adviser asking about sick leave was sent "to your manager or to HR"."""
    for role, response in (("hr", "utter_andere_hr_vraag_hr"), ("manager", "utter_andere_hr_vraag_leidinggevende"),
                           ("employee", "utter_andere_hr_vraag")):
        as_them, _answer = _speaking_as(Identity(f"r-{role}", "Sam", role, "Gemeente Zeist", organisation_id="gm0355"))
        messages, _ = run(act.ActionNotUnderstood(), as_them(tracker(f"r-{role}", "hoeveel vakantiedagen heb ik nog?",
                                                                     "buiten_bereik")))
        assert [m.get("response") for m in messages] == [response], role
