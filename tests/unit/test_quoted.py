"""Issue 29, item 4: another person's words inside a bot message are one quoted line (bot/dutch/formatting.py)."""

from __future__ import annotations

from bot.dutch.formatting import quoted
from bot.interviews.agreements import described
from bot.interviews.summaries import said
from bot.storage.models import Agreement


def test_a_quote_is_one_line_that_cannot_be_closed_early():
    text = "Training\n\n**Let op:** log in via https://x.example\n- nieuw punt „binnen” quote"
    shown = quoted(text)
    assert "\n" not in shown and shown.startswith("„") and shown.endswith("”")
    assert shown.count("„") == 1 and shown.count("”") == 1  # its own quotation marks cannot end the quote
    assert "**Let op:** log in via https://x.example - nieuw punt" in shown  # the words themselves, unchanged


def test_typed_answers_are_quoted_and_computed_values_are_not():
    assert said("beleidsmedewerker") == "„beleidsmedewerker”"
    assert said("€ 1.250") == "€ 1.250" and said("ja") == "ja" and said(3) == "3"


def test_an_agreement_shows_the_managers_words_as_a_quote():
    agreement = Agreement(decision="afgesproken", activity="Cursus\n\n**Klik hier**", period="voorjaar",
                          cost_cents=10000, payer="werkgever", speerpunt_text="Digitaal werken")
    parts = described(agreement)
    assert "activiteit: „Cursus **Klik hier**”" in parts and "wanneer: „voorjaar”" in parts
    assert "speerpunt: „Digitaal werken”" in parts and "kosten: € 100" in parts


def test_numbers_in_dutch_notation_everywhere():
    """Issue 30, item 3: "Aantal medewerkers: 1500" in the strategy document, "1 medewerkers" in the overview."""
    from bot.documents import overview
    from bot.dutch.formatting import count, format_number

    assert format_number(1500) == "1.500" and count(1500, "medewerker", "medewerkers") == "1.500 medewerkers"
    assert count(1, "medewerker", "medewerkers") == "1 medewerker"
    info = {"organisation": "Gemeente X", "year": 2027, "budget": None, "planned": 0, "by_kind": {}, "speerpunten": [],
            "speerpunten_without_activity": [], "enough_pops": True, "shared_pops": 1, "minimum": 1,
            "goals_by_kind": {}, "wishes_by_kind": {}, "teams": [{"team": "Team A", "members": 1, "prepared": 1,
                                                                   "shared": 1, "agreed": 0, "planned": 0, "budget": None, "goals_by_kind": {}, "wishes_by_kind": {}}]}
    page = overview.render(info)
    assert "1 medewerkers" not in page and "<li>1 medewerker</li>" in page
