"""Periods with their dates (bot/dutch/periods.py): a yearly plan's year, or the next one from a fixed today."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dutch.periods import PeriodReading, read_period

TODAY = date(2026, 11, 26)  # never date.today(): the tests pass their own day
PLAN = 2027


def d(text: str) -> date:
    y, m, day = (int(x) for x in text.split("-"))
    return date(y, m, day)


@pytest.mark.parametrize("text", ["Q4", "Q 4", "q4", "kw4", "K4", "kwartaal 4", "4e kwartaal", "vierde kwartaal",
                                  "het laatste kwartaal", "in Q4", "ergens in het vierde kwartaal"])
def test_a_quarter(text):
    r = read_period(text, TODAY, PLAN)
    assert (r.label, r.start, r.end, r.whole) == ("4e kwartaal 2027", d("2027-10-01"), d("2027-12-31"), True), r


def test_said_back_in_dutch_notation():
    assert read_period("Q4", TODAY, PLAN).said == \
        "het 4e kwartaal van 2027, van 1 oktober tot en met 31 december 2027"
    assert read_period("15 maart", TODAY, PLAN).said == "15 maart 2027"
    assert read_period("november t/m januari", TODAY, PLAN).said == \
        "november 2027 t/m januari 2028, van 1 november 2027 tot en met 31 januari 2028"


@pytest.mark.parametrize("text,label,start,end", [
    ("q4 2027", "4e kwartaal 2027", "2027-10-01", "2027-12-31"),
    ("Q4 '27", "4e kwartaal 2027", "2027-10-01", "2027-12-31"),
    ("2e kw", "2e kwartaal 2027", "2027-04-01", "2027-06-30"),
    ("Q1 en Q2", "1e en 2e kwartaal 2027", "2027-01-01", "2027-06-30"),
    ("Q2-Q3", "2e t/m 3e kwartaal 2027", "2027-04-01", "2027-09-30"),
    ("maart", "maart 2027", "2027-03-01", "2027-03-31"),
    ("mrt", "maart 2027", "2027-03-01", "2027-03-31"),
    ("sept", "september 2027", "2027-09-01", "2027-09-30"),
    ("in maart en april", "maart en april 2027", "2027-03-01", "2027-04-30"),
    ("maart-april", "maart t/m april 2027", "2027-03-01", "2027-04-30"),
    ("maart t/m mei", "maart t/m mei 2027", "2027-03-01", "2027-05-31"),
    ("tussen maart en mei", "maart t/m mei 2027", "2027-03-01", "2027-05-31"),
    ("jan-mrt", "januari t/m maart 2027", "2027-01-01", "2027-03-31"),
    ("okt/nov", "oktober en november 2027", "2027-10-01", "2027-11-30"),
    ("juni, juli en augustus", "juni, juli en augustus 2027", "2027-06-01", "2027-08-31"),
    ("begin maart", "begin maart 2027", "2027-03-01", "2027-03-10"),
    ("half maart", "half maart 2027", "2027-03-11", "2027-03-20"),
    ("medio maart", "medio maart 2027", "2027-03-11", "2027-03-20"),
    ("eind maart", "eind maart 2027", "2027-03-21", "2027-03-31"),
    ("voorjaar", "voorjaar 2027", "2027-03-01", "2027-05-31"),
    ("in de lente", "voorjaar 2027", "2027-03-01", "2027-05-31"),
    ("zomer", "zomer 2027", "2027-06-01", "2027-08-31"),
    ("in het najaar", "najaar 2027", "2027-09-01", "2027-11-30"),
    ("herfst", "najaar 2027", "2027-09-01", "2027-11-30"),
    ("voor de zomer", "vóór de zomer 2027", "2027-01-01", "2027-06-30"),
    ("na de zomer", "na de zomer 2027", "2027-09-01", "2027-12-31"),
    ("na de zomervakantie", "na de zomer 2027", "2027-09-01", "2027-12-31"),
    ("na de vakantie", "na de zomer 2027", "2027-09-01", "2027-12-31"),
    ("voor de kerst", "vóór de kerst 2027", "2027-01-01", "2027-12-24"),
    ("na de kerstvakantie", "januari 2027 (na de kerstvakantie)", "2027-01-01", "2027-01-31"),
    ("na de herfstvakantie", "na de herfstvakantie 2027", "2027-11-01", "2027-11-30"),
    ("na de meivakantie", "na de meivakantie 2027", "2027-05-10", "2027-06-30"),
    ("rond pasen", "rond Pasen 2027", "2027-03-21", "2027-04-04"),  # Easter 2027: 28 March
    ("na Pasen", "na Pasen 2027", "2027-03-30", "2027-06-30"),
    ("eerste helft", "eerste helft 2027", "2027-01-01", "2027-06-30"),
    ("de 2e helft van het jaar", "tweede helft 2027", "2027-07-01", "2027-12-31"),
    ("H2", "tweede helft 2027", "2027-07-01", "2027-12-31"),
    ("halverwege het jaar", "halverwege 2027", "2027-06-01", "2027-07-31"),
    ("eind van het jaar", "eind 2027", "2027-11-01", "2027-12-31"),
    ("het hele jaar", "het hele jaar 2027", "2027-01-01", "2027-12-31"),
    ("doorlopend", "het hele jaar 2027", "2027-01-01", "2027-12-31"),
    ("het jaar door", "het hele jaar 2027", "2027-01-01", "2027-12-31"),
    ("15 maart", "15 maart 2027", "2027-03-15", "2027-03-15"),
    ("voor 1 juni", "vóór 1 juni 2027", "2027-01-01", "2027-05-31"),
    ("vóór 1-6", "vóór 1 juni 2027", "2027-01-01", "2027-05-31"),
    ("vanaf 1 maart", "vanaf 1 maart 2027", "2027-03-01", "2027-12-31"),
    ("in week 12", "week 12 2027", "2027-03-22", "2027-03-28"),
    ("na maart", "na maart 2027", "2027-04-01", "2027-12-31"),
    ("voor Q3", "vóór het 3e kwartaal 2027", "2027-01-01", "2027-06-30"),
])
def test_a_period_in_the_plan_year(text, label, start, end):
    r = read_period(text, TODAY, PLAN)
    assert (r.label, r.start, r.end, r.whole) == (label, d(start), d(end), True), r


def test_winter_in_a_yearly_plan_is_asked():
    r = read_period("in de winter", TODAY, PLAN)
    assert r.label is None and r.whole
    assert [(o.label, o.start, o.end) for o in r.options] == [
        ("januari en februari 2027 (winter)", d("2027-01-01"), d("2027-02-28")),
        ("december 2027 (winter)", d("2027-12-01"), d("2027-12-31"))]


def test_either_period_is_asked():
    r = read_period("in september of oktober", TODAY, PLAN)
    assert [o.label for o in r.options] == ["september 2027", "oktober 2027"]
    assert [o.label for o in read_period("voorjaar of najaar", TODAY, PLAN).options] == ["voorjaar 2027", "najaar 2027"]


@pytest.mark.parametrize("text,label,start,end", [
    ("maart", "maart 2027", "2027-03-01", "2027-03-31"),  # March 2026 has ended
    ("september", "september 2027", "2027-09-01", "2027-09-30"),
    ("december", "december 2026", "2026-12-01", "2026-12-31"),
    ("Q1", "1e kwartaal 2027", "2027-01-01", "2027-03-31"),
    ("voorjaar", "voorjaar 2027", "2027-03-01", "2027-05-31"),
    ("winter", "winter 2026-2027", "2026-12-01", "2027-02-28"),
    ("voor de zomer", "vóór de zomer 2027", "2026-11-26", "2027-06-30"),
    ("na de kerstvakantie", "januari 2027 (na de kerstvakantie)", "2027-01-01", "2027-01-31"),
    ("voor 1 juni", "vóór 1 juni 2027", "2026-11-26", "2027-05-31"),
    ("uiterlijk 1 juni 2027", "uiterlijk 1 juni 2027", "2026-11-26", "2027-06-01"),
    ("1-6-2027", "1 juni 2027", "2027-06-01", "2027-06-01"),
    ("15 maart", "15 maart 2027", "2027-03-15", "2027-03-15"),
    ("begin volgend jaar", "begin 2027", "2027-01-01", "2027-03-31"),
    ("eind dit jaar", "eind 2026", "2026-11-01", "2026-12-31"),
    ("voor het eind van het jaar", "vóór eind 2026", "2026-11-26", "2026-12-31"),
    ("over drie maanden", "rond 26 februari 2027", "2027-02-26", "2027-02-26"),
    ("over 2 weken", "rond 10 december 2026", "2026-12-10", "2026-12-10"),
    ("binnen een half jaar", "uiterlijk 26 mei 2027", "2026-11-26", "2027-05-26"),
    ("binnen 6 weken", "uiterlijk 7 januari 2027", "2026-11-26", "2027-01-07"),
    ("in 2027", "2027", "2027-01-01", "2027-12-31"),
    ("ergens in 2028", "2028", "2028-01-01", "2028-12-31"),
    ("volgend jaar", "2027", "2027-01-01", "2027-12-31"),
    ("dit jaar", "2026", "2026-01-01", "2026-12-31"),
    ("volgende maand", "december 2026", "2026-12-01", "2026-12-31"),
    ("dit kwartaal", "4e kwartaal 2026", "2026-10-01", "2026-12-31"),
    ("medio 2027", "halverwege 2027", "2027-06-01", "2027-07-31"),
    ("december 2027 en januari 2028", "december 2027 en januari 2028", "2027-12-01", "2028-01-31"),
])
def test_a_deadline_without_a_plan_year(text, label, start, end):
    r = read_period(text, TODAY)
    assert (r.label, r.start, r.end) == (label, d(start), d(end)), r


def test_a_deadline_in_january_offers_this_winter_first():
    """The winter is under way: this one or next year's is asked (issue 39: doubt is asked, never guessed)."""
    options = [o.label for o in read_period("winter", date(2027, 1, 10)).options]
    assert options == ["winter 2026-2027", "winter 2027-2028"]


def test_relative_phrases_count_from_today_also_in_a_plan():
    assert read_period("begin volgend jaar", TODAY, PLAN).label == "begin 2027"
    assert read_period("1 juni a.s.", TODAY, PLAN).label == "1 juni 2027"
    assert read_period("komende zomer", date(2027, 9, 1), 2027).label == "zomer 2028"
    assert read_period("Q3 2027", TODAY, 2028).label == "3e kwartaal 2027"  # its own year wins


def test_as_soon_as_possible():
    r = read_period("zo snel mogelijk", TODAY)
    assert (r.label, r.start, r.end, r.whole) == ("zo snel mogelijk (vanaf 26 november 2026)", TODAY, None, True)
    assert r.said == "zo snel mogelijk (vanaf 26 november 2026), vanaf 26 november 2026"
    assert read_period("zsm", TODAY).start == TODAY


@pytest.mark.parametrize("text,label", [
    ("misschien in maart", "maart 2027"), ("ik denk in het najaar", "najaar 2027"),
    ("we willen dat in het voorjaar doen met het hele team", "voorjaar 2027"),
    ("In Q4, als het budget rond is", "4e kwartaal 2027"), ("na de zomer, denk ik", "na de zomer 2027"),
    ("waarschijnlijk Q2", "2e kwartaal 2027"), ("in maart, als de trainer kan", "maart 2027"),
])
def test_unsure_or_in_a_sentence_is_said_back(text, label):
    r = read_period(text, TODAY, PLAN)
    assert (r.label, r.whole) == (label, False), r


@pytest.mark.parametrize("text", ["als het uitkomt", "weet ik nog niet", "geen idee", "", "zodra het kan qua rooster",
                                  "Jan gaat de cursus volgen"])
def test_no_period(text):
    assert read_period(text, TODAY, PLAN) == PeriodReading(None)


def test_prepositions_and_ergens_leave_it_whole():
    for text in ("ergens in mei", "in de maand mei", "rond mei", "tijdens mei"):
        r = read_period(text, TODAY, PLAN)
        assert (r.label, r.whole) == ("mei 2027", True), text


def test_a_period_under_way_is_asked_about_and_one_nearly_over_means_next_years():
    """Found in the conversation tests: "na de zomer" on 26 November was read as the summer that is nearly over."""
    r = read_period("Q4", TODAY)  # under way: this one or next year's? asked with buttons
    assert r.label is None and [o.label for o in r.options] == ["4e kwartaal 2026", "4e kwartaal 2027"]
    assert read_period("na de zomer", TODAY).label == "na de zomer 2027"  # more than two thirds has passed
    assert read_period("in het najaar", TODAY).label == "najaar 2027"
    assert read_period("december", TODAY).label == "december 2026"  # not begun yet
