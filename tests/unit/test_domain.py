"""The domain and the code agree: every response the code sends exists, and every response is used."""

from __future__ import annotations

import re

from tests.helpers import domain_yaml
from tests.responses_used import (
    form_questions,
    responses_in_code,
    responses_in_training_data,
    string_literals_in_code,
)


def domain() -> dict:
    return domain_yaml()


def test_every_response_the_code_sends_exists():
    defined = set(domain()["responses"])
    missing = sorted(responses_in_code() - defined)
    assert not missing, f"responses used in code but missing in domain/: {missing}"


def test_every_response_is_used():
    defined = {r for r in domain()["responses"] if "/" not in r}
    used = responses_in_code() | string_literals_in_code() | responses_in_training_data() | form_questions()
    unused = sorted(defined - used - {"utter_default"})
    assert not unused, f"responses in domain/ that nothing uses: {unused}"


def test_every_action_is_implemented():
    import importlib
    import pkgutil

    from rasa_sdk.interfaces import Action

    import actions

    for module in pkgutil.iter_modules(actions.__path__):  # importing a module registers its actions
        importlib.import_module(f"actions.{module.name}")

    implemented = {cls().name() for cls in _subclasses(Action) if cls.__module__.startswith("actions.")}
    declared = {a for a in domain()["actions"]}
    assert declared <= implemented, declared - implemented


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_replies_are_dutch_and_plain():
    """No English words leak into replies; je-form, not u-form."""
    english = re.compile(r"\b(the|please|sorry, I|click|submit|error|yes|no)\b", re.I)
    u_form = re.compile(r"\b(u|uw)\b")
    for name, variants in domain()["responses"].items():
        for variant in variants:
            text = variant.get("text", "")
            assert not english.search(text.replace("Sorry, dat", "")), (name, text)
            assert not u_form.search(text), (name, text)
            for button in variant.get("buttons", []):
                assert not english.search(button["title"]), (name, button)


def test_no_text_counts_with_brackets_and_a_count_is_said_once():
    """Issue 18 (plain Dutch): "Je hebt nu 1 speerpunt(en)" was shown twice after each speerpunt."""
    import re

    from bot.dutch.formatting import count

    texts = [v["text"] for responses in domain()["responses"].values() for v in responses if "text" in v]
    assert not [t for t in texts if re.search(r"\w\((en|s|n)\)", t)]
    assert count(1, "speerpunt", "speerpunten") == "1 speerpunt"
    assert count(3, "speerpunt", "speerpunten") == "3 speerpunten"
    saved = domain()["responses"]["utter_speerpunt_opgeslagen"][0]["text"]
    assert "{aantal}" not in saved  # the next question says how many there are


def test_the_pop_is_always_de_pop():
    """Issue 18 (plain Dutch): "het POP" next to "de POP"; the texts say "de POP" (het POP-gesprek stays)."""
    import re

    texts = [v["text"] for responses in domain()["responses"].values() for v in responses if "text" in v]
    assert not [t for t in texts if re.search(r"\b(het|dit) POP\b(?!-)", t, re.I)]


def test_texts_found_in_the_language_review_are_plain_and_consistent():
    """Issue 18 (plain Dutch): "Dit kan niet ongedaan worden", "Goed zo." to a manager, and a tip that praises a
    goal while asking to make it more concrete."""
    texts = " ".join(v["text"] for responses in domain()["responses"].values() for v in responses if "text" in v)
    for phrase in ("ongedaan", "Goed zo", "Goed leerdoel!"):
        assert phrase not in texts


def test_the_works_council_texts_cite_the_right_article_and_what_happens_without_consent():
    """Issue 18 (legal facts): "artikel 27" alone, and "zonder instemming is het besluit niet geldig" (it is nietig
    only when the OR invokes that in writing within a month)."""
    import re

    texts = [v["text"] for responses in domain()["responses"].values() for v in responses if "text" in v]
    cited = [t for t in texts if "artikel 27" in t]
    assert cited and all("artikel 27 lid 1 onder f" in t for t in cited)
    assert not [t for t in texts if re.search(r"niet geldig", t)]
    assert any("binnen een maand" in t and "kantonrechter" in t and "lid 3" in t for t in cited)


def test_texts_do_not_point_to_a_document_or_a_count_the_user_has_not_seen():
    """Issue 18 (plain Dutch): "Vraag 1 van 4" while up to ten questions follow; "(tip 1)" and "de handreiking"
    point to a document the user has not seen; "ben jij een mens?" was answered "Ja, ik ben een chatbot"."""
    import re

    responses = domain()["responses"]
    texts = [v["text"] for answers in responses.values() for v in answers if "text" in v]
    assert not [t for t in texts if re.search(r"\bVraag \d+ van \d+|\btip \d\b|handreiking", t, re.I)]
    assert not responses["utter_bot_vraag"][0]["text"].startswith("Ja")


def test_no_technical_words_reach_users():
    """Issue 18 (plain Dutch): "JSON", "CSV" and "Q1 tot en met Q4" reached users."""
    import re

    texts = [v["text"] for responses in domain()["responses"].values() for v in responses if "text" in v]
    assert not [t for t in texts if re.search(r"\b(JSON|CSV|Q[1-4])\b", t)]


def test_the_grammar_found_in_the_review_of_issue_30_is_gone_everywhere():
    """'elk POP' (elke POP), 'tot je het zelf deelt' (hem: de POP), 'een kwartier' beside '15 minuten', the stiff
    'nog welkom' and the button 'Aangepast afgesproken', in the domain and in the texts built in Python. The help
    text for employees still said 'tot je het zelf deelt' after the first round."""
    from tests.unit.python_texts import python_texts

    texts = [v["text"] for responses in domain()["responses"].values() for v in responses if "text" in v]
    texts += [b["title"] for responses in domain()["responses"].values() for v in responses
              for b in v.get("buttons", [])]
    texts += list(python_texts().values())
    wrong = re.compile(r"\belk POP\b|\bje het (zelf )?deelt\b|POP[^.]{0,60}\bhet\b[^.]{0,20}\bdeelt\b|"
                       r"\been kwartier\b|\bnog welkom\b|Aangepast afgesproken", re.I)
    assert not [t[:120] for t in texts if wrong.search(t)]
