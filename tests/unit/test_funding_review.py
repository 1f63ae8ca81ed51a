"""Issue 42, item 4 and 6: the review of the funding texts against the official pages, each finding checked on the
text the person is shown (a card, 'meer uitleg', its conditions), and certainty said once, at the fact."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot import funding
from bot.funding import advice
from tests.helpers import domain_yaml

TODAY = date(2026, 12, 7)
KB = funding.load()


def _more(scheme_id: str) -> str:
    """'Meer uitleg' and its conditions, as the person reads them one after the other."""
    scheme = KB.get(scheme_id)
    text = funding.describe_scheme(KB, scheme, TODAY)
    if funding.has_conditions(scheme):
        text += "\n" + funding.describe_conditions(KB, scheme, TODAY)
    return text


def _cards(sector, employees, situations) -> dict[str, str]:
    return {c.scheme_id: c.text() for c in advice.advise(sector, employees, situations, today=TODAY).cards}


def test_esf_plus_is_for_little_education_low_wages_and_jobseekers_and_nobody_applies_alone():
    text = _more("esf_plus")
    assert "weinig opleiding of een laag loon" in text and "werk zoeken" in text
    assert "baan kunnen verliezen" not in text
    card = _cards("privaat", 300, {"laagopgeleid"})["esf_plus"]
    assert "Jullie kunnen niet zelf aanvragen" in card  # built by the matcher before, never shown
    assert "esf_plus" not in _cards("privaat", 300, {"ontslag_dreiging"})


def test_the_gemeenten_fund_pays_projects_on_its_themes_not_group_trainings():
    card = _cards("gemeente", 300, {"groepstraining"})["aeno_stimulering"]
    assert "groepstraining" not in card and "projecten" in card
    text = _more("aeno_stimulering")
    assert "vijf thema's" in text and "leren en ontwikkelen" in text and "hooguit 5 projecten" in text
    assert "Niet voor één losse cursus of training" in text


def test_the_ontwikkelpaden_subsidy_is_part_of_slim_with_its_2026_window_not_yet_known():
    text = _more("slim_ontwikkelpaden")
    assert "SLIM-regeling" in text and "O&O-fonds" in text
    assert "Loopt tot en met 2027" not in text and "2026" in text and "nog niet bekendgemaakt" in text
    assert "Aanvragen: Wanneer dat kan, staat niet vast." in text


def test_article_611a_covers_training_for_the_job_and_is_never_said_to_apply_always():
    text = _more("scholingsplicht")
    assert "altijd" not in text
    assert "nodig is voor je functie" in text and "Voor zover dat redelijk is" in text
    assert "gratis" in text and "werktijd" in text and "1 augustus 2022" in text


def test_nothing_to_apply_for_never_says_who_applies():
    for scheme in KB.schemes.values():
        if scheme.kind in ("fiscaal", "wet") and not scheme.ended:
            text = funding.describe_scheme(KB, scheme, TODAY)
            assert "Aanvragen: Niet nodig." in text and "De aanvraag komt van" not in text, scheme.id


def test_the_tax_exemption_holds_under_its_conditions():
    card = _cards(None, None, {"cursus"})["fiscale_vrijstelling"]
    assert "elke werkgever" not in card and "voor het werk of de loopbaan" in card
    text = _more("fiscale_vrijstelling")
    assert "onder voorwaarden" in text and "Niemand anders betaalt deze kosten al" in text


def test_the_rif_amount_is_the_subsidy_and_the_school_applies():
    text = _more("rif")
    assert "Een subsidie van € 200.000 tot € 2 miljoen per project" in text and "een derde van de kosten" in text
    assert "De mbo-school vraagt het aan." in text and "samenwerkingsverband" not in text


def test_praktijkleren_names_its_groups():
    text = _more("praktijkleren")
    for group in ("bbl", "vmbo", "praktijkonderwijs", "voortgezet speciaal onderwijs", "promovendi",
                  "techniek, landbouw en natuurlijke omgeving", "Niet voor de bol"):
        assert group in text, group
    assert "derde leerweg" in text and "49161" in text


def test_the_levenlanglerenkrediet_covers_a_recognised_private_school_too():
    text = _more("levenlanglerenkrediet")
    assert "particuliere school telt mee" in text and "niet voor cursussen van particuliere aanbieders" not in text


def test_oak_has_its_own_site_and_its_lower_premium_was_for_2023_only():
    text = _more("oak")
    assert "stichtingoak.nl" in text and "0,65 %" in text and "Alleen in 2023 was het tijdelijk 0,55 %" in text


def test_ended_schemes_say_their_real_end_and_figures():
    assert "bestaat niet meer sinds 31 december 2022" in _more("nl_leert_door")
    mdieu = _more("mdieu")
    assert "50 %" in mdieu and "25 %" in mdieu and "(RVU)" in mdieu


def test_the_cao_kunsteducatie_asks_for_a_works_council_from_35():
    texts = " ".join(v["text"] for v in domain_yaml()["responses"]["utter_faq/personeelsvertegenwoordiging"])
    assert "Cao Kunsteducatie" in texts and "vanaf 35 medewerkers een OR" in texts


@pytest.mark.parametrize("situations", [set(), {"groepstraining"}, {"individueel"}, {"werkleerplaats"}])
@pytest.mark.parametrize("sector", [None, "gemeente", "kunsteducatie", "privaat"])
def test_no_card_repeats_a_paragraph_of_doubt_or_says_not_read(sector, situations):
    """Item 6: what is not sure is said at the fact (amount, window, condition), once; the card's last line names
    the source with the day it was checked."""
    result = advice.advise(sector, 40, situations, today=TODAY)
    for card in result.cards:
        text = card.text()
        assert "Niet alles is zeker" not in text and "gelezen" not in text, text
        assert card.fields()[-1][0] == "Bron" and re.search(r"nagekeken op \d+ \w+ 2026\.$", card.sure), card
        assert "werkgever" not in card.text() or "zzp" not in situations
    shown = "\n".join(m.params.get("advies", "") + m.params.get("kaart", "") for m in result.messages())
    assert shown.count("Kijk dus altijd op de pagina van de regeling zelf") <= 1


def test_meer_uitleg_names_its_source_with_the_day_it_was_checked():
    for scheme in KB.schemes.values():
        if scheme.ended:
            continue
        text = funding.describe_scheme(KB, scheme, TODAY)
        last = text.splitlines()[-1]
        assert last.startswith("Bron: ") and "nagekeken op" in last and "gelezen" not in last, scheme.id


# ------------------------------------------------------------------ item 5: sentences built from names and counts

def test_lists_of_names_read_as_dutch():
    from bot.dutch.formatting import listing

    assert listing([]) == "" and listing(["het IKB"]) == "het IKB"
    assert listing(["het IKB", "het levenlanglerenkrediet"]) == "het IKB en het levenlanglerenkrediet"
    assert listing(["A", "B", "C"]) == "A, B en C" and listing(["A", "B", "C"], "of") == "A, B of C"


def test_a_tip_names_schemes_with_their_articles_and_a_verb_that_agrees():
    one = advice.helps(advice.personal_tip(None, "een hbo-opleiding rechten"))
    assert one == "kan het levenlanglerenkrediet helpen"
    two = advice.helps(advice.personal_tip("gemeente", "een hbo-opleiding rechten"))
    assert two.startswith("kunnen het individueel keuzebudget (IKB) van de Cao Gemeenten en ")
    tip = domain_yaml()["responses"]["utter_subsidie_tip_pop"][0]["text"].format(regelingen_helpen=two)
    assert "Dan kunnen het individueel keuzebudget" in tip and "Dan kan Individueel" not in tip
    assert advice.plan_tip("gemeente", 300, set(), "vakgebied", 20).startswith("de Stimuleringsregeling van het A&O")


@pytest.mark.parametrize("n, said", [(0, "Er zijn geen activiteiten niet afgerond."),
                                     (1, "Er is 1 activiteit niet afgerond."),
                                     (2, "Er zijn 2 activiteiten niet afgerond.")])
def test_the_evaluation_counts_unfinished_activities_in_a_whole_sentence(n, said):
    """Found in review: 'Niet afgerond: 2 activiteiten zijn.' — the verb travelled inside the count."""
    from bot.dutch.formatting import there_are

    template = domain_yaml()["responses"]["utter_vraag_eval_meenemen"][0]["text"]
    text = template.format(er_zijn=there_are(n, "activiteit", "activiteiten"), volgend_jaar=2027)
    assert text.startswith(said)
