"""Facts read from a sentence's structure (issue 41, item 4): the set of tests/nlu/facts.yml, scored as
`make nlu-report` prints it, and the kinds of sentence the regex window read backwards."""

from __future__ import annotations

import pytest

from bench import facts_report
from bot.dutch.facts import extract
from bot.dutch.parsing import normalize


def test_the_fact_sentences_meet_the_target_and_the_set_is_large_enough():
    result = facts_report.report()
    assert result["sentences"] >= 60
    assert result["share_right"] >= facts_report.MIN_SENTENCES_RIGHT, result["wrong"]


def test_the_fact_sentences_are_not_training_examples():
    from tests.model.nlu_texts import normalised, training_texts

    texts = training_texts()
    assert not [s["text"] for s in facts_report.sentences() if normalised(s["text"]) in texts]


@pytest.mark.parametrize(("text", "read"), [
    # a denial ends at a contrast
    ("ik werk niet bij de gemeente maar bij een museum", {"sector": "overig_publiek"}),
    ("we zijn geen gemeente, we zijn een stichting voor cultuureducatie", {"sector": "kunsteducatie"}),
    # split verbs and the verb at the end
    ("Die cursus wil ik eigenlijk zelf betalen.", {"payer": "zelf"}),
    ("De kosten worden niet door mijn werkgever betaald", {"payer": "zelf", "employer_refuses": True}),
    ("Niet mijn werkgever betaalt, wel ikzelf.", {"payer": "zelf", "employer_refuses": False}),
    ("ik hoef het niet zelf te betalen, mijn werkgever betaalt", {"payer": "werkgever"}),
    # not now, not of the speaker, not stated
    ("Vroeger werkte ik bij de gemeente, nu heb ik een eigen bedrijfje.", {"sector": None}),
    ("Mijn zus is 34 en werkt bij een bakkerij.", {"sector": None, "age": None}),
    ("Betaalt de werkgever dit of moet ik het zelf doen?", {"payer": None}),
    ("in 2026 willen we 40 collega's laten bijscholen", {"employees": None}),
    # numbers in words and typos
    ("bij ons op het gemeentehuis werken zo'n vierhonderd mensen", {"sector": "gemeente", "employees": 400}),
    ("ik werk bij de gemeentte en ben 49", {"sector": "gemeente", "age": 49}),
    ("we zijn met een paar duizend man", {"employees": 2000}),
    # found over make run: the group to be trained was read as the organisation's size
    ("We zoeken ook iets voor onze teamleiders, een stuk of acht mensen, die een leiderschapstraject gaan volgen.",
     {"employees": None}),
    ("een gemeente van 300 medewerkers, we zoeken een cursus", {"employees": 300}),
    ("Die cursus betaalt de gemeente niet, dus ik moet hem zelf betalen.", {"payer": "zelf", "employer_refuses": True}),
])
def test_facts_follow_the_sentence(text, read):
    facts = extract(text)
    for name, value in read.items():
        assert getattr(facts, name) == value, (text, name, facts)


def test_every_message_of_the_nlu_sets_is_read_without_an_error():
    """Found in a conversation test: a past form crashed the reading of a POP answer ("Er ging iets mis")."""
    from tests.model.nlu_texts import training_texts

    texts = sorted(training_texts())[::3] + [s["text"] for s in facts_report.sentences()] + [
        "was een goed jaar, veel geleerd van de oudere collega's. die nieuwe maaimachine vond ik lastig in het begin",
        "", "   ", "?!", "😀😀", "<b>niet</b> geen nooit", "'; DROP TABLE pops; --", "x" * 5000, "niet " * 300]
    for text in texts:
        extract(text)


def test_the_copy_rasa_loaded_reads_every_fact_sentence_as_a_copy_of_our_own(monkeypatch):
    """In the Rasa server the parse uses the model SpacyNLP loaded (issue 40, item 6: one copy per process). Rasa
    loads it without running its parser; the clauses read through that copy are the same as through our own."""
    from rasa.nlu.utils.spacy_utils import SpacyNLP

    from bot.dutch import scope

    texts = [s["text"] for s in facts_report.sentences()]

    def clauses(model_list):
        monkeypatch.setattr(scope, "_model", model_list)
        scope._read.cache_clear()
        out = [(scope.read(t).clauses, [(w.dep_, w.head.i) for w in scope.read(t).doc]) for t in map(normalize, texts)]
        scope._read.cache_clear()
        return out

    own = clauses([])
    rasa_copy = SpacyNLP.load_model("nl_core_news_sm").model
    assert "parser" in rasa_copy.disabled
    shared: list = []
    monkeypatch.setattr(scope, "_model", shared)
    scope.share(rasa_copy)
    assert shared == [rasa_copy]
    assert clauses(shared) == own


def test_the_facts_component_gets_the_model_spacy_nlp_loaded():
    """The trained graph hands SpacyNLP's model to rasa_addons.facts (no second copy in the Rasa server)."""
    from pathlib import Path

    import yaml
    from rasa.engine.recipes.default_recipe import DefaultV1Recipe
    from rasa.shared.data import TrainingType

    config = yaml.safe_load(Path("config.yml").read_text(encoding="utf-8"))
    graphs = DefaultV1Recipe().graph_config_for_recipe(config, {}, TrainingType.BOTH)
    nodes = graphs.predict_schema.nodes
    facts = next(node for name, node in nodes.items() if name.startswith("run_rasa_addons.facts"))
    provider = facts.needs.get("model")
    assert provider is not None and nodes[provider].uses.__name__ == "SpacyNLP"


@pytest.mark.parametrize(("text", "sector"), [
    ("we zijn een gemeente hoor, geen omgevingsdienst", "gemeente"),
    ("Een gemeente zijn we, geen waterschap!", "gemeente"),
    ("ik werk bij een gemeente, niet bij een school", "gemeente"),
    ("Wij zijn een muziekschool met ongeveer veertig docenten.", "kunsteducatie"),
    ("we vallen onder de cao gemeenten", "gemeente"),
    # says more than what the organisation is: an answer
    ("We zijn een gemeente die over 5 jaar volledig digitaal werkt", None),
    ("we zijn een gemeente en willen over drie jaar digitaal werken", None),
    ("over 3 jaar zijn we een moderne gemeente", None),
    ("de gemeente", None),
    ("we werken veel samen met de bibliotheek", None),
])
def test_a_message_that_only_says_what_the_organisation_is(text, sector):
    from bot.dutch.facts import only_about_us

    found = only_about_us(text)
    assert (found.sector if found else None) == sector
