import pytest

from bot.commands import detect_command


@pytest.mark.parametrize("text,intent,conf,expected", [
    ("stop", None, None, "stoppen"),
    ("Stop!", "groet", 0.2, "stoppen"),
    ("terug", None, None, "terug"),
    ("wat heb ik ingevuld?", None, None, "toon_antwoorden"),
    ("ik wil even pauze", "stoppen", 0.95, "stoppen"),
    ("wat is een POP?", "faq", 0.9, "faq"),
    ("wijzig mijn antwoord over het budget", "wijzig_antwoord", 0.9, "wijzig_antwoord"),
    ("ik wil mijn POP voorbereiden", "start_pop", 0.92, "start_pop"),
])
def test_commands_are_recognised(text, intent, conf, expected):
    assert detect_command(text, intent, conf) == expected


@pytest.mark.parametrize("text,intent,conf", [
    # an answer that the NLU thinks is a question: no evidence words
    ("Gemeente Zeist", "faq", 0.7),
    # too unsure
    ("ik wil stoppen met roken", "stoppen", 0.4),
    # long answers are answers, whatever the NLU says
    ("Ik wil terug naar school om mijn hbo-diploma te halen en daarna wil ik graag doorgroeien naar een "
     "functie als teamleider bij de afdeling", "terug", 0.95),
    ("beleidsmedewerker", "start_strategie", 0.8),
    ("Digitale dienstverlening", "start_jaarplan", 0.9),
    ("strategisch", "start_strategie", 0.95),
    ("pop", "start_pop", 0.95),
])
def test_answers_stay_answers(text, intent, conf):
    assert detect_command(text, intent, conf) is None


@pytest.mark.parametrize("text,intent", [
    ("Ik help mee aan betere digitale dienstverlening", "help"),
    ("Later wil ik graag teamleider worden", "stoppen"),
    ("In mijn vorige baan deed ik veel projecten", "terug"),
    ("Ik wil terug naar school voor mijn diploma", "terug"),
    ("Ik wil verder groeien in mijn vak als jurist", "hervatten"),
    ("Ik wil opnieuw een cursus Excel doen", "opnieuw_beginnen"),
    ("Ik geef antwoorden op vragen van inwoners", "toon_antwoorden"),
    ("Wat ging goed: het project over de Omgevingswet", "faq"),
    ("Ik weet niet precies waarom het lastig was", "waarom_vraag"),
    ("Ik wil de manier van werken in ons team veranderen", "wijzig_antwoord"),
    ("Ik wil graag zien hoe andere teams het doen", "pop_delen"),
    ("Een cursus Excel en Word", "pop_downloaden"),
    ("Training Excel", "jaarplan_downloaden"),
    ("Kennis delen met collega's", "pop_delen"),
])
def test_realistic_answers_are_not_commands(text, intent):
    assert detect_command(text, intent, 0.9) is None


def test_plausible_only_with_evidence():
    from bot.commands import plausible

    assert plausible("start_pop", "/start_pop")
    assert plausible("start_pop", "ik wil mijn POP voorbereiden")
    assert plausible("subsidie_zoeken", "welke potjes zijn er voor opleiding")
    assert not plausible("start_pop", "<script>alert('x')</script>")
    assert not plausible("subsidie_zoeken", "qwpoeiruty zxmcnvb")
    assert plausible("groet", "<b>hoi</b>")  # intents that only answer need no evidence
