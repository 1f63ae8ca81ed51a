"""A typed choice is a choice: the title of a button the person saw, typed instead of clicked.

"Private organisatie", "private organisatie.", "prive organisatie", "Privte organisatie" and "pop gesprekken
van mijn team" all mean the button with that title: case, punctuation, accents, hyphens and a small typo do
not matter. Only the whole message counts, so a real answer that merely contains a title stays an answer.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

# How close a typed message must be to a title (difflib's ratio) to count as that title, and how much closer
# it must be than the next title: "Ja" and "Nee" are never confused, "Loopbaan" and "Loopbaam" are the same.
MIN_SIMILARITY = 0.86
MIN_MARGIN = 0.08
MIN_FUZZY_LENGTH = 5  # shorter titles ("Ja", "Nee", "2027") must be typed exactly (after folding)


def fold(text: str) -> str:
    """Lower case, no accents, punctuation and hyphens as spaces, one space between words."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[’'`]", "", text)
    text = re.sub(r"[^\w€]+", " ", text)
    return " ".join(text.split())


def match_button(text: str, buttons: list[dict] | None) -> dict | None:
    """The button whose title the person typed, or None."""
    typed = fold(text)
    if not typed or not buttons or (text or "").strip().startswith("/"):
        return None
    titles = [(fold(str(b.get("title") or "")), b) for b in buttons if b.get("title") and b.get("payload")]
    exact = [b for title, b in titles if title == typed or title.replace(" ", "") == typed.replace(" ", "")]
    if exact:
        return exact[0]
    scored = sorted(((difflib.SequenceMatcher(None, typed, title).ratio(), title, b) for title, b in titles),
                    key=lambda t: -t[0])
    if not scored:
        return None
    best, title, button = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    if len(title) >= MIN_FUZZY_LENGTH and best >= MIN_SIMILARITY and best - runner_up >= MIN_MARGIN:
        return button
    return None
