"""End to end over the REST webhook (issue 13): answers with the words of requests stay answers.

The real action server and Rasa server with the trained model; Dutch messages as a person types them.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.storage.db import session_scope
from bot.storage.models import AnswerLog, Pop
from tests.e2e.rest import say, texts

pytestmark = pytest.mark.e2e

# A POP in which the job title, a learning wish, a learning goal and the support needed contain the words of
# requests: subsidie, verwijderen, help and download.
POP_WITH_REQUEST_WORDS = [
    ("org_naam", "Gemeente Houten"),
    ("pop_functie", "Beleidsmedewerker subsidies"),
    ("pop_team", "Team Subsidies en Fondsen"),
    ("pop_terugblik", "Ik heb geleerd om subsidie aan te vragen bij het fonds"),
    ("pop_bijdrage", "Ik help collega's met het verwijderen van oude dossiers"),
    ("pop_sterk", "Overzicht houden en anderen helpen"),
    ("pop_ontwikkelpunten", "Sneller om hulp vragen"),
    ("pop_ambitie_kort", "Zelfstandig subsidieaanvragen behandelen"),
    ("pop_ambitie_lang", "Teamleider worden van het subsidieteam"),
    ("pop_wens_strategisch", "Meer weten over de AVG en het verwijderen van persoonsgegevens"),
    ("pop_wens_loopbaan", "een cursus over de nieuwe subsidieregels"),
    ("pop_wens_vakgebied", "Help desk vaardigheden en klantcontact"),
    ("doel_tekst", "Ik kan zelfstandig een subsidieaanvraag voor ESF+ schrijven"),
    ("doel_deadline", "voor de zomer van 2027"),
    # "Ik kan zelfstandig ..." is measurable: the bot does not ask how you notice the goal is reached
    ("doel_soort", "vakgebied"),
    ("doel_activiteit", "Een cursus subsidieschrijven volgen"),
    ("doel_nog_een", "nee"),
    ("pop_steun", "Tijd, en hulp van mijn leidinggevende bij het downloaden van de formulieren"),
]


def test_a_pop_full_of_request_words_stores_every_answer_under_its_question(servers):
    sender = "woorden-e2e"
    say(servers, sender, "/start_pop")
    for _key, text in POP_WITH_REQUEST_WORDS:
        replies = texts(say(servers, sender, text))
        assert not any("Weet je het zeker" in r or "Deze regelingen kunnen passen" in r for r in replies), \
            (text, replies)
    summary = next(r for r in replies if "POP-gesprek" in r)
    with session_scope(servers.settings.database_url) as s:
        logged = [(a.question, a.text) for a in s.execute(
            select(AnswerLog).where(AnswerLog.person_id == sender).order_by(AnswerLog.id)).scalars()]
        pop = s.execute(select(Pop).where(Pop.person_id == sender)).scalar_one()
        assert (pop.function, pop.support_needed) == ("Beleidsmedewerker subsidies", POP_WITH_REQUEST_WORDS[-1][1])
        assert pop.goals[0].text == "Ik kan zelfstandig een subsidieaanvraag voor ESF+ schrijven"
    assert logged == POP_WITH_REQUEST_WORDS
    # the summary shows each answer under its own question
    for label, answer in (("Functie", "Beleidsmedewerker subsidies"),
                          ("Leerwens strategisch beleid", "Meer weten over de AVG en het verwijderen"),
                          ("Leerdoel", "Ik kan zelfstandig een subsidieaanvraag voor ESF+ schrijven"),
                          ("Steun die je nodig hebt", "hulp van mijn leidinggevende bij het downloaden")):
        line = next(line for line in summary.splitlines() if line.lstrip("- ").startswith(label))
        assert answer in line, (label, line)


def test_a_request_during_the_pop_is_answered_and_the_question_stays(servers):
    sender = "verzoek-e2e"
    say(servers, sender, "/start_pop")
    say(servers, sender, "Gemeente Houten")
    replies = texts(say(servers, sender, "welke subsidies zijn er voor mijn opleiding?"))
    assert any("regelingen" in r for r in replies) and replies[-1] == "Wat is je functie?"
    replies = texts(say(servers, sender, "subsidies"))
    assert replies[-1].startswith("Is dit je antwoord op de vraag 'Functie'?")
    replies = texts(say(servers, sender, "/antwoord"))
    assert replies[-1] == "In welk team of op welke afdeling werk je?"
    with session_scope(servers.settings.database_url) as s:
        logged = [(a.question, a.text) for a in s.execute(
            select(AnswerLog).where(AnswerLog.person_id == sender).order_by(AnswerLog.id)).scalars()]
    assert logged[-1] == ("pop_functie", "subsidies")


def test_facts_in_a_first_message_are_not_asked_again(servers):
    replies = texts(say(servers, "feiten-e2e", "wij zijn een centrum voor de kunsten met 40 medewerkers onder de "
                                               "CAO Kunsteducatie en willen onze docenten trainen, welke subsidies "
                                               "passen?"))
    joined = "\n".join(replies)
    assert "40 mensen" in joined and "Cao Kunsteducatie" in joined
    assert "Wat voor organisatie" not in joined and "Hoeveel mensen werken" not in joined
    assert "regelingen passen het best" in joined and "Stichting OAK" in joined


def test_an_older_person_paying_a_course_is_not_offered_the_levenlanglerenkrediet(servers):
    replies = texts(say(servers, "zestig-e2e", "ik ben 60 jaar en betaal zelf mijn cursus, is er een regeling?"))
    joined = "\n".join(replies)
    assert "Wat voor organisatie" not in joined and "60 jaar" in joined
    cards = [r for r in replies if r.startswith(("Levenlanglerenkrediet", "Gerichte vrijstelling"))]
    assert cards and not any(c.startswith("Levenlanglerenkrediet") for c in cards)
    assert "Levenlanglerenkrediet past niet: alleen voor mensen jonger dan 57 jaar" in joined


def test_no_to_deleting_during_the_pop_continues_at_the_same_question(servers):
    sender = "verwijder-nee-e2e"
    say(servers, sender, "/start_pop")
    say(servers, sender, "Gemeente Houten")
    replies = texts(say(servers, sender, "verwijderen"))  # one word: is it an answer or a request?
    assert replies[-1].startswith("Is dit je antwoord op de vraag 'Functie'?")
    replies = texts(say(servers, sender, "verwijder al mijn gegevens"))
    assert replies[-1].startswith("Weet je het zeker?")
    replies = texts(say(servers, sender, "nee"))
    assert replies[-1] == "Wat is je functie?"
    say(servers, sender, "Privacy officer")
    with session_scope(servers.settings.database_url) as s:
        pop = s.execute(select(Pop).where(Pop.person_id == sender)).scalar_one()
        assert pop.function == "Privacy officer"
