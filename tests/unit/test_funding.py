"""The funding knowledge base and the matcher."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
import yaml

from bot import clock, funding
from bot.funding import Need, Profile, advice
from tests.unit.funding_helpers import valid_entry, write_funding_file

KB = funding.load()
ALL_ENDED = {s.id for s in KB.schemes.values() if s.ended}


def N(*situations, kind=None):
    return Need(kind_of_learning=kind, situations=frozenset(situations))


# (description, profile, need, must appear, must not appear)
CASES = [
    ("gemeente of 800 employees", Profile("gemeente", 800), N(),
     {"aeno_stimulering", "aeno_stimulering_plus", "fiscale_vrijstelling"}, {"slim", "oak", "levenlanglerenkrediet"}),
    ("kunstencentrum, CAO Kunsteducatie, 40 employees", Profile("kunsteducatie", 40), N(),
     {"oak", "slim", "cultuurconnectie", "fiscale_vrijstelling"}, {"aeno_stimulering", "ikb_gemeenten"}),
    ("private SME of 30", Profile("privaat", 30), N(), {"slim", "fiscale_vrijstelling"},
     {"aeno_stimulering", "oak", "praktijkleren", "esf_plus"}),
    ("private company of 400", Profile("privaat", 400), N(), {"fiscale_vrijstelling"}, {"slim"}),
    ("school partnership with mbo", Profile("overig_publiek", 120), N("mbo_samenwerking"), {"rif"},
     {"innovatiearrangement", "aeno_stimulering"}),
    ("individual employee paying for a course", Profile(None, None), N("individueel"),
     {"levenlanglerenkrediet"}, {"stap", "aeno_stimulering_plus", "rif"}),
    ("gemeente employee paying a course herself", Profile("gemeente", 800), N("individueel"),
     {"levenlanglerenkrediet", "ikb_gemeenten"}, {"oak", "slim"}),
    ("SME with BBL students", Profile("privaat", 30), N("werkleerplaats"), {"praktijkleren", "slim"}, {"wva"}),
    ("gemeente with work-study places", Profile("gemeente", 300), N("werkleerplaats"),
     {"praktijkleren", "aeno_stimulering"}, {"slim", "wva"}),
    ("low-skilled employees at a gemeente", Profile("gemeente", 800), N("laagopgeleid"), {"esf_plus", "aeno_stimulering"},
     {"slim"}),
    # issue 42: ESF+ is for people with little education or a low wage and jobseekers, not for a threat of dismissal
    ("employees facing dismissal in a private firm", Profile("privaat", 500), N("ontslag_dreiging"), set(),
     {"slim", "esf_duurzame_inzetbaarheid", "esf_plus"}),
    ("older employees at an SME", Profile("privaat", 60), N("oudere"), {"slim"}, {"wva", "mdieu"}),
    ("care organisation with an ontwikkelpad course", Profile("overig_publiek", 200), N("ontwikkelpad"),
     {"slim_ontwikkelpaden", "slim"}, {"aeno_stimulering"}),
    ("large care organisation, ontwikkelpad", Profile("overig_publiek", 900), N("ontwikkelpad"),
     {"slim_ontwikkelpaden"}, {"slim"}),
    ("kunstencentrum with hbo partnership", Profile("kunsteducatie", 40), N("hbo_samenwerking"), {"oak"},
     {"rif", "innovatiearrangement"}),
    ("gemeente, strategic learning", Profile("gemeente", 800), N(kind="strategisch"),
     {"aeno_stimulering", "scholingsplicht"}, {"levenlanglerenkrediet"}),
    ("muziekschool of 12, keeping up in the field", Profile("kunsteducatie", 12), N(kind="vakgebied"), {"oak"},
     {"aeno_stimulering", "slim"}),
    ("unknown organisation", Profile(None, None), N(), {"fiscale_vrijstelling"}, {"levenlanglerenkrediet"}),
    ("provincie of 1200", Profile("overig_publiek", 1200), N(), {"fiscale_vrijstelling"},
     {"slim", "aeno_stimulering", "oak"}),
    ("SME of exactly 249", Profile("privaat", 249), N(), {"slim"}, set()),
    ("private company of exactly 250", Profile("privaat", 250), N(), set(), {"slim"}),
    ("shared service centre of gemeenten with mbo", Profile("gemeente", 150), N("mbo_samenwerking"),
     {"rif", "aeno_stimulering"}, {"slim"}),
]


@pytest.mark.parametrize("description,profile,need,must,must_not", CASES, ids=[c[0] for c in CASES])
def test_matcher(description, profile, need, must, must_not):
    result = funding.match(KB, profile, need)
    fitting = {f.scheme.id for f in result.fits}
    assert must <= fitting, f"{description}: missing {must - fitting}"
    assert not (must_not & fitting), f"{description}: should not fit {must_not & fitting}"
    assert not (ALL_ENDED & fitting), "ended schemes are never suggested"
    assert {s.id for s in result.ended} == ALL_ENDED
    for fit in result.fits:
        assert fit.reasons and all(isinstance(r, str) and r for r in fit.reasons)


def test_at_least_twenty_profiles():
    assert len(CASES) >= 20


def test_misfit_reasons_are_explained():
    result = funding.match(KB, Profile("privaat", 400), N())
    reasons = {m.scheme.id: m.reason for m in result.misfits}
    assert reasons["slim"].endswith("alleen voor organisaties met minder dan 250 mensen in dienst")
    result = funding.match(KB, Profile("gemeente", 100), N())
    reasons = {m.scheme.id: m.reason for m in result.misfits}
    assert "de regeling is voor bedrijven" in reasons["slim"]
    assert "alleen voor de kunst- en cultuureducatie" in reasons["oak"]


def test_ranking_puts_sector_and_target_group_first():
    fits = funding.match(KB, Profile("gemeente", 800), N()).fits
    assert fits[0].scheme.id.startswith("aeno_")
    fits = funding.match(KB, Profile("privaat", 30), N("werkleerplaats")).fits
    assert fits[0].scheme.id == "praktijkleren"


def test_every_scheme_of_the_fact_sheet_is_there():
    expected = {"aeno_stimulering", "aeno_stimulering_plus", "aeno_impuls", "sfkv", "oak", "kunstconnectie",
                "cultuurconnectie", "wva", "esf_duurzame_inzetbaarheid", "esf_plus", "innovatiearrangement", "rif",
                "agentschap_szw", "slim", "slim_ontwikkelpaden", "praktijkleren", "levenlanglerenkrediet",
                "fiscale_vrijstelling", "scholingsplicht", "ikb_gemeenten", "stap", "nl_leert_door", "mdieu"}
    assert expected <= set(KB.schemes)


@pytest.mark.parametrize("question,scheme,phrases", [
    ("bestaat de WVA nog?", "wva", ["bestaat niet meer sinds 1 januari 2014", "Subsidieregeling praktijkleren"]),
    ("kan ik nog STAP aanvragen?", "stap", ["bestaat niet meer sinds 1 januari 2024", "geen directe opvolger",
                                            "Levenlanglerenkrediet"]),
    ("wat is het innovatiearrangement?", "innovatiearrangement", ["bestaat niet meer", "Regionaal Investeringsfonds"]),
    ("bestaat Kunstconnectie nog?", "kunstconnectie", ["heeft een nieuwe naam", "Cultuurconnectie"]),
    ("is agentschap SZW er nog?", "agentschap_szw", ["Uitvoering van Beleid SZW"]),
    ("wat is SLIM?", "slim", ["minder dan 250", "nagekeken op 26 november 2026", "https://",
                             "Niet voor gemeenten"]),
    ("wat is het A&O fonds?", "aeno_stimulering", ["gemeenten", "https://www.aeno.nl"]),
])
def test_questions_about_one_scheme(question, scheme, phrases):
    found = KB.find(question)
    assert found is not None and found.id == scheme
    text = funding.describe_scheme(KB, found)
    for phrase in phrases:
        assert phrase in text, (phrase, text)


def test_unknown_scheme():
    assert KB.find("wat is de zwemregeling?") is None


def test_a_name_with_regeling_after_it_is_that_scheme():
    """Found over make run: "is de STAP-regeling er nog?" got "Die regeling ken ik niet"."""
    assert KB.find("is de STAP-regeling er nog?").id == "stap"
    assert KB.find("bestaat de stap regeling nog").id == "stap"
    assert KB.find("de stappenregeling") is None


def test_advice_text_for_older_employees_is_honest():
    text = advice.advise("privaat", 30, {"oudere"}).text()
    assert "geen aparte regeling" in text and "WVA" in text and "bestaat sinds 2014 niet meer" in text
    assert "Kijk dus altijd op de pagina van de regeling zelf" in text


def test_advice_gemeente_and_kunstencentrum_differ():
    gemeente = [c.scheme_id for c in advice.advise("gemeente", 800, set()).cards]
    kunst = [c.scheme_id for c in advice.advise("kunsteducatie", 40, set()).cards]
    assert gemeente[0] == "aeno_stimulering" and "oak" not in gemeente
    assert kunst[0] == "oak" and not any(c.startswith("aeno") for c in kunst)


def test_situations_from_text():
    assert advice.situations_from_text("is er subsidie voor een cursus voor oudere medewerkers?") == {"oudere", "cursus"}
    assert advice.situations_from_text("ik betaal zelf een cursus fotografie") == {"cursus", "individueel"}
    assert "cursus" not in advice.situations_from_text("ik betaal zelf een hbo-opleiding met een training erin")
    assert "cursus" not in advice.situations_from_text("wij willen een training voor ons team")
    assert advice.situations_from_text("we willen samen met het ROC een project") == {"mbo_samenwerking"}
    assert advice.parse_doel("Weet ik nog niet") == set()
    assert advice.parse_doel("groep") == {"groep"}
    assert advice.parse_doel("blabla") is None


# ------------------------------------------------------------------------ validation of the file

@pytest.mark.parametrize("changes,message", [
    ({"status": "weg"}, "regeling 'test', veld 'status'"),
    ({"last_checked": "gisteren"}, "regeling 'test', veld 'last_checked'"),
    ({"official_page": "www.example.org"}, "regeling 'test', veld 'official_page'"),
    ({"name": ""}, "regeling 'test', veld 'name'"),
    ({"eligibility": {"sectors": ["ziekenhuis"]}}, "regeling 'test', veld 'eligibility.sectors'"),
    ({"eligibility": {"max_employees": -3}}, "regeling 'test', veld 'eligibility.max_employees'"),
    ({"amounts": {"percentage": 150}}, "regeling 'test', veld 'amounts.percentage'"),
    ({"status": "beëindigd"}, "regeling 'test', veld 'successor'"),
    ({"successor": "bestaat_niet"}, "regeling 'test', veld 'successor'"),
])
def test_broken_entry_names_scheme_and_field(tmp_path, changes, message):
    entry = valid_entry(**changes)
    if "last_checked" in changes:
        entry["last_checked"] = changes["last_checked"]
    with pytest.raises(funding.KnowledgeBaseError) as exc:
        funding.load(write_funding_file(tmp_path, [entry]))
    assert message in str(exc.value)


def test_missing_field_and_duplicate(tmp_path):
    entry = valid_entry()
    del entry["summary"]
    with pytest.raises(funding.KnowledgeBaseError, match="regeling 'test', veld 'summary': ontbreekt"):
        funding.load(write_funding_file(tmp_path, [entry]))
    with pytest.raises(funding.KnowledgeBaseError, match="komt twee keer voor"):
        funding.load(write_funding_file(tmp_path, [valid_entry(), valid_entry()]))


def test_editing_the_file_changes_advice_without_restart(tmp_path, monkeypatch):
    path = write_funding_file(tmp_path, [valid_entry(eligibility={"sectors": ["gemeente"]})])
    monkeypatch.setenv("LEERKOERS_FUNDING_FILE", str(path))
    assert "Testregeling" in advice.advise("gemeente", 10, set()).text()
    import os
    import time
    time.sleep(0.01)
    path.write_text(yaml.safe_dump({"schemes": [valid_entry(name="Nieuwe regeling",
                                                            eligibility={"sectors": ["gemeente"]})]},
                                   allow_unicode=True), encoding="utf-8")
    os.utime(path, (time.time() + 5, time.time() + 5))
    assert "Nieuwe regeling" in advice.advise("gemeente", 10, set()).text()


def test_stale_check_command(tmp_path):
    path = write_funding_file(tmp_path, [valid_entry(id="oud", last_checked=date(2020, 1, 1)),
                                         valid_entry(id="nieuw", last_checked=clock.today())])
    cmd = [sys.executable, "-m", "ops.cli", "subsidies", "controleer", "--bestand", str(path), "--max-dagen", "365"]
    result = subprocess.run(cmd + ["--streng"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "- oud:" in result.stdout and "- nieuw:" not in result.stdout
    assert "1 januari 2020" in result.stdout
    assert subprocess.run(cmd, capture_output=True, text=True).returncode == 0
    broken = write_funding_file(tmp_path, [valid_entry(status="x")])
    result = subprocess.run(cmd[:-4] + ["--bestand", str(broken)], capture_output=True, text=True)
    assert result.returncode == 2 and "veld 'status'" in result.stderr


def test_the_nlu_lookup_of_scheme_names_is_current():
    """data/nlu/regelingen.yml is made from the knowledge base; after editing funding.yml run
    `leerkoers subsidies nlu` (and `make train`)."""
    assert funding.NLU_FILE.read_text(encoding="utf-8") == funding.nlu_training_data(funding.load())
