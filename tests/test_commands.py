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
])
def test_answers_stay_answers(text, intent, conf):
    assert detect_command(text, intent, conf) is None
