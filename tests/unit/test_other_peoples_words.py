"""Issue 43, L3: other people's text (a name claim, a speerpunt) is shown as their words, never as markup."""

from __future__ import annotations

import pytest

from bot.dutch.formatting import QUOTE_CLOSE, QUOTE_OPEN, for_markdown_client, person_name, quoted


@pytest.mark.parametrize("claim, shown", [
    ("<b>Eva</b> de Vries", "Eva de Vries"),
    ("[Eva](javascript:alert(1))", "Eva"),
    ("Eva\u202e seirV ed", "Eva seirV ed"),
    ("Eva\x1b[31m", "Eva 31m"),
    ("**Eva**", "Eva"),
    ("Anne-Marie O'Neill-Çelik", "Anne-Marie O'Neill-Çelik"),
    ("José d. Abreu", "José d. Abreu"),
])
def test_a_name_loses_markup_and_control_characters_and_keeps_its_letters(claim, shown):
    assert person_name(claim) == shown


def test_only_quoted_words_are_escaped_for_a_markdown_client():
    text = "**Let op:** je speerpunt is " + quoted("*groen* [x](https://a.nl)") + "."
    out = for_markdown_client(text)
    assert out.startswith("**Let op:**")  # the bot's own bold stays
    inside = out.split(QUOTE_OPEN)[1].split(QUOTE_CLOSE)[0]
    assert inside == "\\*groen\\* \\[x\\]\\(https://a.nl\\)"


@pytest.mark.parametrize("link", ["[a](javascript:alert(1))", "[a]( JavaScript:alert(1))", "<javascript:alert(1)>",
                                  "[a](data:text/html;base64,xx)", "[a](vbscript:x)"])
def test_a_link_to_a_script_is_never_a_link(link):
    assert not any(s in for_markdown_client(link).lower() for s in ("](javascript", "](data", "](vbscript",
                                                                     "< javascript", "<javascript", "( javascript"))
