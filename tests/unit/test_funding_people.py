"""Issue 42, items 2 and 3: the schemes people name (the lerarenbeurs and other schemes for teachers, regional
schemes, what ended for people who pay themselves), and self-employed people, who have no organisation to name."""

from __future__ import annotations

from datetime import date

import pytest

from bot import funding
from bot.dutch.facts import Facts, extract, sentence
from bot.funding import advice

TODAY = date(2026, 12, 7)
KB = funding.load()


def _shown(messages) -> str:
    return "\n".join(str(m.params.get(k, "")) for m in messages for k in ("feiten", "advies", "kaart", "info"))


@pytest.mark.parametrize("text", [
    "ik ben zzp'er en wil een cursus fotografie doen, is daar geld voor?",
    "Als freelancer zoek ik een potje voor een opleiding tot coach",
    "ik heb een eenmanszaak als schilder, kan ik subsidie krijgen voor een vakcursus",
    "Ik werk voor mezelf als muziekdocent. Welke regelingen zijn er voor mijn scholing?",
    "sinds vorig jaar heb ik mijn eigen praktijk, wie betaalt mijn opleiding?",
])
def test_a_self_employed_person_is_read_as_such(text):
    facts = extract(text)
    assert "zzp" in facts.purposes and "individueel" in facts.purposes and facts.sector != "privaat"
    assert "zelfstandige (zzp'er)" in sentence(facts)


@pytest.mark.parametrize("text", ["ik ben geen zzp'er, ik werk bij de gemeente",
                                  "we huren soms een freelancer in maar ik ben zelf in loondienst bij een bedrijf"])
def test_not_self_employed_is_not_read_as_self_employed(text):
    facts = extract(text)
    assert "zzp" not in facts.purposes or "freelancer in" in text  # hiring one is not being one
    if "geen zzp" in text:
        assert "zzp" not in facts.purposes and facts.sector == "gemeente"


def test_a_self_employed_person_gets_what_applies_to_them():
    text = "ik ben zzp'er en wil een cursus fotografie volgen, welke subsidie past?"
    shown = _shown(advice.funding_replies(text, extract(text), "gemeente", 300, False))
    assert "Opleiding als kosten van je eigen bedrijf" in shown and "meestal" in shown
    assert "Betaalt je werkgever" not in shown and "Werk je bij" not in shown and "A&O" not in shown
    assert ("Wat niet meer bestaat: de aftrek van studiekosten (sinds 1 januari 2022) en het STAP-budget (sinds 1 "
            "januari 2024).") in shown
    study = "ik ben zzp'er en wil een hbo-opleiding in deeltijd doen"
    assert "Levenlanglerenkrediet" in _shown(advice.funding_replies(study, extract(study), None, None, False))


def test_the_lerarenbeurs_is_known_with_its_facts_and_doubts():
    scheme = KB.find("kan ik de lerarenbeurs aanvragen")
    assert scheme.id == "lerarenbeurs" and scheme.available
    text = funding.describe_scheme(KB, scheme, TODAY) + funding.describe_conditions(KB, scheme, TODAY)
    assert "bevoegd leraar" in text and "€ 7.000" in text and "niet bevestigd" in text and "Mijn DUO" not in text
    assert "post-hbo" in text and "zzp'er" in text and "2017–2018" in text
    (how,) = advice.funding_replies("hoe vraag ik de lerarenbeurs aan?", extract(""), None, None, True)
    assert "Mijn DUO" in how.params["info"]


def test_a_teacher_gets_the_lerarenbeurs_unless_self_employed():
    text = "ik ben leraar op een basisschool en wil een master doen, is daar geld voor?"
    cards = [m.params["kaart"] for m in advice.funding_replies(text, extract(text), None, None, False)
             if "kaart" in m.params]
    assert cards and cards[0].startswith("Lerarenbeurs")
    text = "ik ben zzp'er en leraar, welke subsidie is er voor mijn master?"
    cards = [m.params["kaart"] for m in advice.funding_replies(text, extract(text), None, None, False)
             if "kaart" in m.params]
    assert not any(card.startswith("Lerarenbeurs") for card in cards), cards  # not for a self-employed teacher


@pytest.mark.parametrize("question, scheme_id, says", [
    ("wat is de subsidie zij-instroom?", "zij_instroom", "De school vraagt het aan"),
    ("wat is het rotterdams scholingsfonds", "rotterdams_scholingsfonds", "niet van het Rijk"),
    ("bestaat de studiekostenaftrek nog?", "studiekostenaftrek", "bestaat niet meer sinds 1 januari 2022"),
    ("wat doet het leerwerkloket?", "leerwerkloket", "gratis advies"),
])
def test_schemes_people_name_get_an_honest_answer(question, scheme_id, says):
    assert KB.find(question).id == scheme_id
    (reply,) = advice.funding_replies(question, extract(question), None, None, True)
    assert says in reply.params["info"], reply.params["info"]


def test_regional_schemes_are_never_offered_as_national_advice():
    for situations in (set(), {"individueel"}, {"individueel", "zzp"}):
        for sector in (None, "gemeente", "privaat"):
            shown = _shown(advice.advise(sector, 40, situations, today=TODAY).messages())
            assert "Rotterdams" not in shown and "Leerwerkloket" not in shown


@pytest.mark.parametrize("text, payer", [
    ("mijn werkgever betaalt niet mee aan de opleiding", "zelf"),
    ("De baas vergoedt niks, dus ik moet het zelf doen", "zelf"),
    ("ik wil een master doen maar mijn werkgever betaalt die niet", "zelf"),
    ("mijn werkgever betaalt de cursus helemaal", "werkgever"),
])
def test_an_employer_who_does_not_pay_is_not_read_as_paying(text, payer):
    """Issue 41's example, still open before: "werkgever betaalt niet mee" showed the werkkostenregeling."""
    assert extract(text).payer == payer
    entities = [{"entity": k, "value": v} for k, v in extract(text).as_entities().items()]
    assert Facts.from_entities(entities).employer_refuses == (payer == "zelf")  # what the NLU passes on keeps it
    shown = _shown(advice.funding_replies(text, extract(text), None, None, False))
    assert ("Je werkgever betaalt" in shown) == (payer == "werkgever")


@pytest.mark.parametrize("text, payer", [
    ("moet ik dat zelf betalen", None),
    ("moet ik die cursus zelf betalen of mijn baas", None),
    ("mijn baas betaalt niks, moet ik het dan zelf betalen?", "zelf"),
    ("ik betaal het zelf", "zelf"),
])
def test_asking_whether_one_pays_oneself_is_not_saying_so(text, payer):
    """Found over make run: "moet ik dat zelf betalen" got "Je betaalt de opleiding zelf"."""
    assert extract(text).payer == payer


@pytest.mark.parametrize("text, sector", [
    ("we zijn geen gemeente maar een adviesbureau met 30 mensen", "privaat"),
    ("Wij zijn niet een gemeente, wel een installatiebedrijf", "privaat"),
    ("ik werk bij de gemeente Zwolle", "gemeente"),
])
def test_an_organisation_denied_is_not_read(text, sector):
    assert extract(text).sector == sector


def test_the_people_a_training_is_for_are_not_the_organisations_size():
    """Found over make run: "een training voor 20 medewerkers van Burgerzaken" at a gemeente of 600 was said back
    as "een organisatie met ongeveer 20 mensen"."""
    assert extract("welke subsidies passen voor een training voor 20 medewerkers van Burgerzaken?").employees is None
    assert extract("wij zijn een gemeente met 600 medewerkers").employees == 600
