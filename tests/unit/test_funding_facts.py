"""Issue 30, item 1: each fact the editor found wrong, as the knowledge base and the bot now say it. Each test
fails on the knowledge base of before."""

from __future__ import annotations

from datetime import date

from bot import funding
from bot.funding import advice

KB = funding.load(funding.DEFAULT_PATH)
TODAY = date(2026, 12, 4)


def _text(scheme_id: str) -> str:
    """Both parts of 'meer uitleg': the short answer and the conditions."""
    scheme = KB.get(scheme_id)
    more = funding.describe_conditions(KB, scheme, TODAY) if funding.has_conditions(scheme) else ""
    return funding.describe_scheme(KB, scheme, TODAY) + "\n" + more


def test_esf_plus_says_who_pays_what_and_that_its_call_is_old():
    esf = KB.get("esf_plus")
    assert "ESF 40 %" in esf.amount_text and "60 %" in esf.amount_text and not esf.amount_certain
    assert "cofinanciering" not in _text("esf_plus") and "Nieuwe oproepen zijn nog niet bekend" not in _text("esf_plus")
    assert "2023" in _text("esf_plus")


def test_ao_fonds_second_window_ends_31_july_and_15_people_is_not_a_hard_rule():
    aeno = KB.get("aeno_stimulering")
    assert [(w.opens, w.closes) for w in aeno.windows][1] == ((5, 1), (7, 31))
    assert "15 augustus" in _text("aeno_stimulering")
    small = funding.match(KB, funding.Profile(sector="gemeente", employees=300), funding.Need(participants=12))
    assert "aeno_stimulering" in [f.scheme.id for f in small.fits]  # exceptions are possible when explained
    assert "uitzondering" in _text("aeno_stimulering")
    assert "nieuw is voor jullie gemeente" in advice.plan_tip("gemeente", 300, set(), "vakgebied", 20)


def test_praktijkleren_dates_are_not_said_without_doubt_and_the_places_are_complete():
    status = funding.window_status(KB.get("praktijkleren"), TODAY)
    assert "waarschijnlijk rond" in status and "opent op" not in status
    text = _text("praktijkleren")
    for word in ("landbouw", "zorg", "gedrag en maatschappij", "praktijkonderwijs", "toio"):
        assert word in text, word
    assert "hbo techniek" not in text and "Dit is niet zeker." in text  # its source is not the regulation itself


def test_levenlanglerenkrediet_has_no_old_interest_rate_and_covers_hbo_wo_and_mbo_bol_only():
    text = _text("levenlanglerenkrediet")
    assert "2,57" not in text and "bol" in text and "Niet voor bbl" in text
    llk = "het levenlanglerenkrediet"
    assert llk not in advice.personal_tip(None, "een mbo-opleiding in de bbl")
    assert llk not in advice.personal_tip(None, "een cursus Excel")
    assert llk in advice.personal_tip(None, "een hbo-opleiding in deeltijd")


def test_rif_has_rounds_in_january_and_june():
    status = funding.window_status(KB.get("rif"), TODAY)
    assert "1 januari 2027" in status and "BWBR0050611" in _text("rif")


def test_nl_leert_door_ended_on_31_december_2022():
    scheme = KB.get("nl_leert_door")
    assert scheme.ended_on == date(2022, 12, 31) and "31 december 2022" in _text("nl_leert_door") and "BWBR0043943" in scheme.source


def test_ended_schemes_say_how_sure_and_where_from():
    sfkv = _text("sfkv")
    # a derived entry says so once; a sure one names its source only
    assert "De opvolger is waarschijnlijk: Stichting OAK" in sfkv and "Niet bevestigd" in sfkv and "Bron:" in sfkv
    assert "Bron: rendement.nl; hrpraktijk.nl." in _text("wva") and "Niet bevestigd" not in _text("wva")


def test_ikb_and_other_claims_are_not_stated_beyond_the_sources():
    ikb = KB.get("ikb_gemeenten")
    assert "DUO" not in ikb.summary and any("DUO" in u for u in ikb.uncertain) and not ikb.always_open
    assert "kan het hele jaar" not in _text("ikb_gemeenten")
    older = advice.advise(None, 30, {"oudere"}, today=TODAY).text()
    assert "In de kennisbank van Leerkoers staat geen aparte regeling" in older
    assert "niet gevonden" not in KB.get("wva").summary
    assert "€ 125.000" not in KB.get("slim").summary
    assert "lid 2 onder b" not in _text("fiscale_vrijstelling")


def test_the_stap_successor_has_its_own_name_and_says_the_employer_applies():
    scheme = KB.get("slim_ontwikkelpaden")
    assert not scheme.name.startswith("SLIM-scholingssubsidie") and "werkgever" in scheme.summary
    assert "niet de medewerker zelf" in scheme.summary


def test_a_former_stap_user_reads_that_the_employer_applies_for_the_successor():
    """The issue: 'a former STAP user must be told "je werkgever kan…"'; the answer named the scheme only."""
    text = funding.describe_scheme(KB, KB.get("stap"), TODAY)
    assert ("Scholingssubsidie voor ontwikkelpaden (2025–2027). Die vraag je niet zelf aan: je werkgever of een "
            "O&O-fonds") in text
    assert "- Levenlanglerenkrediet." in text  # a loan the person applies for: nothing added


def test_every_card_says_how_sure_it_is():
    for situation in (set(), {"werkleerplaats"}, {"individueel"}):
        for card in advice.advise("gemeente", 300, situation, today=TODAY).cards:
            assert card.fields()[-1][0] == "Bron", card


def test_cards_say_why_in_whole_sentences():
    """Issue 30, item 3: "Waarom: Betaalt groepstraining en bedoeld voor gemeenten" was a fragment."""
    import re

    personas = [("gemeente", 300, {"groep"}), ("kunsteducatie", 40, set()), ("privaat", 30, {"loopbaanadvies"}),
                (None, None, {"individueel"}), (None, None, {"mbo_samenwerking"}), ("privaat", 400, {"werkleerplaats"})]
    for sector, employees, situations in personas:
        for card in advice.advise(sector, employees, situations, today=TODAY).cards:
            for sentence in re.split(r"(?<=[.?!])\s+", card.why):
                assert sentence[0].isupper() and sentence.endswith((".", "?")), card.why
                assert not sentence.startswith(("Betaalt groep", "Bedoeld", "Past ", "Geen geld")), card.why
