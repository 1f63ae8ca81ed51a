from datetime import date

import pytest

from bot.dutch import formatting, parsing


@pytest.mark.parametrize("text,cents", [
    ("€ 2.500", 250000), ("2500 euro", 250000), ("tweeduizend", 200000), ("2,5k", 250000),
    ("€2.500,50", 250050), ("tweeduizendvijfhonderd", 250000), ("twee duizend vijf honderd", 250000),
    ("1.250", 125000), ("EUR 12500", 1250000), ("ongeveer 800 euro", 80000), ("vijfentwintigduizend", 2500000),
    ("€ 0", 0), ("honderdvijftig", 15000), ("2 duizend", 200000),
])
def test_money_in_dutch_forms(text, cents):
    assert parsing.parse_money_cents(text) == cents


@pytest.mark.parametrize("text", ["", "veel", "geen idee", "-500", "abc", "😀"])
def test_money_not_understood(text):
    assert parsing.parse_money_cents(text) is None


@pytest.mark.parametrize("text,label", [
    ("in het voorjaar", "voorjaar"), ("Q3", "3e kwartaal"), ("september", "september"),
    ("derde kwartaal", "3e kwartaal"), ("in okt en nov", "oktober en november"), ("het hele jaar door", "het hele jaar"),
    ("najaar 2027", "najaar"),
])
def test_periods(text, label):
    assert parsing.parse_period(text) == label


def test_period_not_understood():
    assert parsing.parse_period("als het uitkomt") is None


def test_year():
    today = date(2026, 11, 26)
    assert parsing.parse_year("2027", today) == 2027
    assert parsing.parse_year("volgend jaar", today) == 2027
    assert parsing.parse_year("dit jaar", today) == 2026
    assert parsing.parse_year("1999", today) is None
    assert parsing.parse_year("ooit", today) is None


def test_int_words_and_digits():
    assert parsing.parse_int("ongeveer 800") == 800
    assert parsing.parse_int("achthonderd") == 800
    assert parsing.parse_int("1.200") == 1200
    assert parsing.parse_int("veel") is None
    assert parsing.parse_int("0", minimum=1) is None


def test_yes_no():
    assert parsing.parse_yes_no("Ja") is True
    assert parsing.parse_yes_no("ja, graag") is True
    assert parsing.parse_yes_no("nee hoor") is False
    assert parsing.parse_yes_no("misschien") is None


def test_choice_longest_synonym_wins():
    assert parsing.match_choice("wij zijn een muziekschool", parsing.SECTOR_CHOICES) == "kunsteducatie"
    assert parsing.match_choice("Gemeente", parsing.SECTOR_CHOICES) == "gemeente"
    assert parsing.match_choice("privaat bedrijf", parsing.SECTOR_CHOICES) == "privaat"
    assert parsing.match_choice("iets anders", parsing.SECTOR_CHOICES) is None


def test_formatting_is_dutch():
    assert formatting.format_euro(125000) == "€ 1.250"
    assert formatting.format_euro(125050) == "€ 1.250,50"
    assert formatting.format_euro(0) == "€ 0"
    assert formatting.format_date(date(2026, 3, 1)) == "1 maart 2026"
    assert formatting.format_euro(123456789) == "€ 1.234.567,89"
    assert formatting.format_euro(-125000) == "-€ 1.250"
    assert formatting.format_euro(None) == "onbekend"
    assert formatting.format_date(date(2027, 12, 31)) == "31 december 2027"


def test_word_count_ignores_markup_and_emoji():
    assert parsing.word_count("<script>alert(1)</script>") == 1
    assert parsing.word_count("😀😀😀") == 0
    assert parsing.word_count("Ik wil beter leren plannen") == 5


def test_english_is_noticed():
    assert parsing.looks_english("I want to learn project management")
    assert not parsing.looks_english("Ik wil mijn POP prepen")
    assert not parsing.looks_english("Het jaar ging goed")


def test_smart_checks():
    assert parsing.has_deadline("Voor de zomer van 2027 kan ik presenteren")
    assert not parsing.has_deadline("Ik wil beter presenteren")
    assert parsing.has_measurable_result("Ik heb mijn certificaat behaald")
    assert not parsing.has_measurable_result("Ik wil beter presenteren")


def test_the_decision_button_in_plain_words_and_its_old_title_both_mean_adjusted():
    """Issue 30: the button "Aangepast afgesproken" became "Afgesproken met aanpassingen"; typed, both still mean
    'aangepast' (not 'afgesproken')."""
    from bot.dutch.parsing import DECISION_CHOICES, match_choice

    for text in ("Afgesproken met aanpassingen", "aangepast afgesproken", "met aanpassingen"):
        assert match_choice(text, DECISION_CHOICES) == "aangepast", text


@pytest.mark.parametrize("text, expected", [("weet ik niet", True), ("Weet ik nog niet.", True), ("geen idee", True),
                                            ("ik weet het niet precies", True), ("nog niet", False),
                                            ("niet betrokken", False), ("nee", False), ("niet gedaan", False),
                                            ("Ik weet niet of het budget genoeg is voor iedereen", False)])
def test_dont_know_is_no_choice(text, expected):
    from bot.dutch.parsing import dont_know

    assert dont_know(text) is expected


def test_a_typo_of_weet_niet_says_nothing():
    from bot.dutch.parsing import says_nothing

    assert says_nothing("ik weet nie") and not says_nothing("ik weet nu wat ik wil")


@pytest.mark.parametrize("text,meaning", [
    ("wij hebben wel een OR maar die is nog niet betrokken", True), ("er is een OR", True),
    ("ik heb er nog een", True), ("we hebben geen OR, wel een PVT", False), ("Er is geen ondernemingsraad.", False),
    ("geen OR", False), ("ik heb er geen meer", False), ("nee", False), ("ja hoor", True),
    ("we hebben een personeelsvertegenwoordiging", None), ("Dat weet ik niet", None), ("de OR is er sinds 2010", None),
    ("Wij willen de komende jaren digitaler werken", None),
])
def test_yes_or_no_said_in_a_sentence(text, meaning):
    assert parsing.parse_yes_no_sentence(text) is meaning


def test_a_confirmation_still_needs_the_plain_word():
    assert parsing.parse_yes_no("ik heb een vraag") is None and parsing.parse_yes_no("er is een fout") is None


@pytest.mark.parametrize("text,amount", [("3000 euro", True), ("€ 2.500", True), ("ongeveer 3000 euro", True),
                                         ("€500 per persoon", True), ("Extern bureau", False), ("20", False),
                                         ("Bureau 2000", False), ("Stichting 1000 euro fonds", False)])
def test_only_an_amount(text, amount):
    assert parsing.only_an_amount(text) is amount
