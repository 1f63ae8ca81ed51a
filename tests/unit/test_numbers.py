"""Amounts and counts as managers type them (bot/dutch/numbers.py): what is read, and what must be said back."""

from __future__ import annotations

import pytest

from bot.dutch.numbers import NumberReading, format_how, read_count, read_money

# --- money: the whole answer is an amount, stored without asking ---------------------------------------------------

@pytest.mark.parametrize("text,cents", [
    ("2.500", 250000), ("2.500,50", 250050), ("€ 2.500,-", 250000), ("€2500", 250000), ("2500 euro", 250000),
    ("EUR 2500", 250000), ("eur 3.000", 300000), ("7500,-", 750000), ("2,5k", 250000), ("2,5 K", 250000),
    ("25k", 2500000), ("25 duizend", 2500000), ("vijfentwintigduizend", 2500000), ("achtduizend driehonderd", 830000),
    ("tweeënhalfduizend", 250000), ("tweeenhalfduizend", 250000), ("anderhalve ton", 15000000),
    ("drie ton", 30000000), ("1,5 ton", 15000000), ("een ton", 10000000), ("een half miljoen", 50000000),
    ("een kwart miljoen", 25000000), ("anderhalf miljoen", 150000000), ("1,2 miljoen", 120000000),
    ("1 mln", 100000000), ("Vijfduizend euro.", 500000), ("elfhonderd euro", 110000), ("€ 12,50", 1250),
    ("twee duizend vijf honderd", 250000), ("2027 euro", 202700), ("€ 2.027", 202700), ("999.999.999", 99999999900),
])
def test_an_amount_alone_is_sure(text, cents):
    r = read_money(text)
    assert (r.value, r.whole, r.sure) == (cents, True, True), r


# --- estimates: always said back -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,cents", [
    ("ongeveer 40.000", 4000000), ("zo'n 45 duizend euro", 4500000), ("ruim elfhonderd", 110000),
    ("een stuk of twintig duizend", 2000000), ("ca. 8000", 800000), ("circa 8.000 euro", 800000),
    ("pakweg 3k", 300000), ("rond de 10.000", 1000000), ("+/- 5000", 500000), ("± 2500 euro", 250000),
    ("plusminus 6000", 600000), ("grofweg 20 duizend", 2000000), ("een kleine 5000 euro", 500000),
    ("bijna 9000", 900000), ("tegen de 9000", 900000), ("10.000 schat ik", 1000000), ("15000 denk ik", 1500000),
    ("min of meer 4000", 400000), ("Ongeveer vijftigduizend.", 5000000),
])
def test_an_estimate_is_said_back(text, cents):
    r = read_money(text)
    assert r.value == cents and r.estimate and not r.sure, r


def test_an_estimate_alone_is_still_the_whole_answer():
    """Only the amount and how sure it is: whole, but an estimate, so not sure."""
    r = read_money("ik denk ruim 20k")
    assert (r.value, r.whole, r.estimate, r.sure) == (2000000, True, True, False)


def test_an_amount_in_a_sentence_is_said_back():
    for text, cents in [("we hebben dit jaar 12.500 euro voor opleidingen", 1250000),
                        ("Budget: € 7.500,-", 750000), ("u kunt rekenen op 6000 euro", 600000),
                        ("€ 1.250,50 ex btw", 125050), ("Wij hebben ca. 8000 euro", 800000)]:
        r = read_money(text)
        assert r.value == cents and not r.whole and not r.sure, (text, r)


# --- a year is no amount ---------------------------------------------------------------------------------------------

def test_a_year_next_to_an_amount_is_left_out():
    r = read_money("In 2027 hebben we ongeveer 40.000 euro te besteden")
    assert (r.value, r.estimate, r.whole, r.year_like) == (4000000, True, False, False)
    r = read_money("Voor 2027 is het budget 30k")
    assert (r.value, r.whole, r.sure) == (3000000, False, False)
    assert read_money("2027 hebben we 5000 nodig").value == 500000


@pytest.mark.parametrize("text", ["het budget voor 2027 weet ik nog niet", "in 2030", "Voor 2028."])
def test_only_a_year_is_no_amount(text):
    assert read_money(text) == NumberReading(None, year_like=True, problem="jaartal")


def test_a_bare_year_is_asked():
    """'2027' alone may be € 2.027: the value is there, but the bot asks."""
    r = read_money("2027")
    assert (r.value, r.whole, r.year_like, r.sure) == (202700, True, True, False)
    assert read_money("ongeveer 2050").year_like
    assert read_money("2027 euro").sure and read_money("€2027").sure


def test_tweeduizend_in_words_is_no_year():
    assert read_money("tweeduizend").sure and read_money("2 duizend").sure and read_money("2k").sure


# --- count × price ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "18 deelnemers à € 400", "18 x 400", "18×400 euro", "18x400", "achttien keer vierhonderd",
    "€ 400 per persoon, 18 mensen", "400 euro p.p. en we zijn met 18", "voor 18 collega's, 400 per persoon",
    "18 medewerkers a 400 euro", "per persoon 400 euro, met zijn achttienen", "€ 400 pp, 18 deelnemers",
])
def test_count_times_price(text):
    r = read_money(text)
    assert (r.value, r.how, r.sure) == (720000, "18 × € 400", False), r


def test_other_counts_times_price():
    assert read_money("4 sessies à €250").how == "4 × € 250"
    assert read_money("3 dagdelen à 450 euro").value == 135000
    assert (read_money("€ 95 per uur, 10 uur").value, read_money("€ 95 per uur, 10 uur").how) == (95000, "10 × € 95")
    r = read_money("we gaan met 6 man naar een cursus van 1200 per persoon")
    assert (r.value, r.how) == (720000, "6 × € 1.200")
    assert read_money("2x per jaar een training van 500").how == "2 × € 500"


def test_a_price_per_person_without_a_count_says_so():
    r = read_money("vijfhonderd per deelnemer")
    assert (r.value, r.how, r.sure) == (50000, "per deelnemer", False)
    assert read_money("€ 350 p.p.").how == "per persoon"
    assert read_money("€ 400 per persoon, in totaal 7.200").value == 720000  # the total said


def test_count_times_price_with_another_amount_gives_options():
    assert read_money("18 deelnemers à 400 euro en 200 euro voor de zaal").options == (720000, 740000)


def test_an_amount_per_year_or_month_is_said_back_with_it():
    r = read_money("2500 euro per jaar")
    assert (r.value, r.how) == (250000, "per jaar")
    assert read_money("€ 50 per maand").how == "per maand"


# --- fractions and totals over years ---------------------------------------------------------------------------------

def test_a_part_of_an_amount():
    r = read_money("vijftienduizend voor twee jaar, de helft dit jaar")
    assert (r.value, r.how, r.sure) == (750000, "de helft van € 15.000", False)
    assert (read_money("een derde van 9000").value, read_money("een derde van 9000").how) == \
        (300000, "een derde van € 9.000")
    assert read_money("twee derde van 12000").value == 800000
    assert read_money("driekwart van 8000").value == 600000
    assert read_money("de helft van 10k").value == 500000
    assert read_money("25% van 40.000").how == "25% van € 40.000"


def test_an_amount_for_several_years_asks_total_or_per_year():
    assert read_money("15.000 voor twee jaar").options == (1500000, 750000)
    assert read_money("30k voor drie jaar").options == (3000000, 1000000)
    assert read_money("30.000 over 3 jaar verdeeld").options == (3000000, 1000000)
    assert read_money("voor 2026 en 2027 samen 10.000").options == (1000000, 500000)


def test_a_quarter_is_no_fraction():
    assert read_money("in het derde kwartaal 5000").value == 500000


# --- durations, percentages and counts are no amounts ----------------------------------------------------------------

def test_a_duration_is_no_amount():
    r = read_money("een training van twee dagen voor € 1.200")
    assert (r.value, r.whole) == (120000, False)
    assert read_money("3 uur") == NumberReading(None, problem="geen_getal")
    assert read_money("cursus van 2 dagen").problem == "geen_getal"
    assert read_money("het gaat om 20 mensen").problem == "geen_getal"


def test_a_percentage_is_no_amount():
    assert read_money("10% van het budget") == NumberReading(None, problem="percentage")
    assert read_money("5 procent").problem == "percentage"
    assert read_money("10% van ons budget, zo'n 4000 euro").value == 400000


# --- two amounts -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,options", [
    ("tussen 5.000 en 8.000 euro", (500000, 800000)), ("8000 of misschien 10.000", (800000, 1000000)),
    ("tussen de 5 en 8 duizend", (500000, 800000)), ("tussen de vijf en acht duizend", (500000, 800000)),
    ("5.000 - 8.000", (500000, 800000)), ("10-15k", (1000000, 1500000)), ("5000 à 8000", (500000, 800000)),
    ("20 à 25k", (2000000, 2500000)), ("ergens tussen de 3 en 4 duizend euro", (300000, 400000)),
    ("€ 2.500 of € 3.000 of € 4.000", (250000, 300000, 400000)),
])
def test_two_amounts_give_options(text, options):
    r = read_money(text)
    assert (r.value, r.options, r.sure) == (None, options, False), r


def test_two_amounts_added_up():
    r = read_money("€ 500 + € 300 reiskosten")
    assert (r.value, r.how) == (80000, "€ 500 + € 300")


# --- nothing usable --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,problem", [
    ("-500", "negatief"), ("min 500", "negatief"), ("€ -200", "negatief"), ("- 300 euro", "negatief"),
    ("2 miljard", "te_groot"), ("1.000.000.001", "te_groot"), ("veel", "geen_getal"), ("geen idee", "geen_getal"),
    ("abc", "geen_getal"), ("😀", "geen_getal"), ("", "geen_getal"), ("een paar duizend", "geen_getal"),
])
def test_no_amount(text, problem):
    r = read_money(text)
    assert (r.value, r.problem, r.sure) == (None, problem, False), r


def test_vague_words_are_an_estimate_without_a_number():
    assert read_money("een paar honderd euro").estimate and read_money("heel veel").estimate


@pytest.mark.parametrize("text,whole", [("€ 0", True), ("0", True), ("niets", True), ("gratis", True),
                                        ("kost niks", True), ("nul euro", True), ("het is gratis", True),
                                        ("we hebben geen budget", False)])
def test_nothing_costs_zero(text, whole):
    r = read_money(text)
    assert (r.value, r.whole) == (0, whole), r


def test_the_reading_is_frozen_and_sure_needs_everything():
    assert NumberReading(500, whole=True).sure
    assert not NumberReading(500).sure
    assert not NumberReading(500, whole=True, estimate=True).sure
    assert not NumberReading(500, whole=True, how="18 × € 400").sure
    assert not NumberReading(500, whole=True, year_like=True).sure
    assert not NumberReading(None, whole=True).sure
    with pytest.raises(AttributeError):
        NumberReading(1).value = 2  # type: ignore[misc]


def test_format_how_is_dutch():
    assert format_how(18, 400) == "18 × € 400"
    assert format_how(1200, 12.5) == "1.200 × € 12,50"
    assert format_how(3, times=10) == "3 × 10"
    assert format_how(45, plus=5) == "45 + 5"


# --- counts ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,value", [("300", 300), ("twaalf man", 12), ("300 fte", 300), ("150", 150),
                                        ("honderdvijftig", 150), ("1.200", 1200), ("1200 medewerkers", 1200),
                                        ("met z'n twaalven", 12), ("met zijn vieren", 4), ("met z'n 8en", 8),
                                        ("zes", 6), ("twee", 2), ("één", 1), ("0", 0)])
def test_a_count_alone_is_sure(text, value):
    r = read_count(text)
    assert (r.value, r.sure) == (value, True), r


@pytest.mark.parametrize("text,value", [("ongeveer 300", 300), ("een stuk of twintig", 20), ("zo'n dertig", 30),
                                        ("ruim elfhonderd", 1100), ("zo'n 150 medewerkers", 150),
                                        ("ca 40 fte", 40), ("ruim 200 collega's", 200), ("ongeveer 12 man", 12),
                                        ("dertig, denk ik", 30), ("bijna 100", 100)])
def test_an_estimated_count(text, value):
    r = read_count(text)
    assert (r.value, r.estimate, r.sure) == (value, True, False), r


def test_counts_computed():
    assert (read_count("3 teams van 10").value, read_count("3 teams van 10").how) == (30, "3 × 10")
    assert read_count("3 groepen van 12").value == 36
    assert read_count("2 klassen van 25 leerlingen").value == 50
    assert read_count("drie keer tien").how == "3 × 10"
    r = read_count("we zijn met 45 mensen, plus 5 stagiairs")
    assert (r.value, r.how, r.sure) == (50, "45 + 5", False)
    assert read_count("10 docenten en 3 stagiairs").how == "10 + 3"


@pytest.mark.parametrize("text,options", [("tussen de 40 en 50", (40, 50)), ("15-20", (15, 20)),
                                          ("20 à 30 deelnemers", (20, 30)), ("15 of 16", (15, 16))])
def test_two_counts_give_options(text, options):
    assert read_count(text).options == options


def test_a_count_in_a_sentence_leaves_out_money_years_and_days():
    assert read_count("18 deelnemers à € 400").value == 18
    assert read_count("in 2027 ongeveer 40").value == 40
    assert read_count("20 mensen voor 3 dagen").value == 20
    assert not read_count("wij zijn met een man of vijftig").sure


@pytest.mark.parametrize("text", ["veel", "een paar", "een", "iedereen", "de hele afdeling", "een tiental",
                                  "tientallen", "2,5 fte"])
def test_no_count(text):
    r = read_count(text)
    assert r.value is None and r.problem == "geen_getal", r


def test_the_article_een_is_never_one():
    assert read_count("een stuk of twintig").value == 20
    r = read_count("een paar")
    assert (r.value, r.estimate, r.problem) == (None, True, "geen_getal")


def test_a_negative_count_and_a_bare_year():
    assert read_count("-5").problem == "negatief"
    r = read_count("2027")
    assert (r.value, r.year_like, r.sure) == (2027, True, False)


@pytest.mark.parametrize("text,cents,how", [
    ("zo'n 4 mille", 400_000, None),  # found in a conversation test: read as € 4
    ("35 euro per licentie en we hebben er 38 nodig", 133_000, "38 × € 35"),  # was € 38
    ("drie groepen van 12 à € 250", 900_000, "3 × 12 × € 250"),  # was 12 × € 250
    ("4 groepen à 1.850", 740_000, "4 × € 1.850"),  # was € 1.850
    ("zes teamleiders keer vijf sessies van 150 euro", 450_000, "6 × 5 × € 150"),  # make run: was € 150
    ("6 x 5 sessies à 150 euro", 450_000, "6 × 5 × € 150"),  # was a choice of € 750 or € 756
])
def test_amounts_found_in_the_conversation_tests(text, cents, how):
    r = read_money(text)
    assert (r.value, r.how) == (cents, how) and not r.sure
