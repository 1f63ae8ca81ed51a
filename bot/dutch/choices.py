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


_SMALL_WORDS = frozenset({"de", "het", "een", "van", "voor", "die", "dat", "deze", "bij", "in", "op", "met", "en", "of",
                          "ik", "bedoel", "graag", "maar", "dan", "over"})


def match_by_own_words(text: str, buttons: list[dict] | None) -> dict | None:
    """A short reply that names what sets one button apart ("die voor later, over 3 tot 5 jaar" for "Ambitie voor de
    komende 3 tot 5 jaar" beside "Ambitie voor het komende jaar"): that button; None when it fits none or several."""
    words = set(re.findall(r"\w+", fold(text))) - _SMALL_WORDS
    if not words or len(words) > 6 or not buttons or len(buttons) < 2:
        return None
    own = [set(re.findall(r"\w+", fold(str(b.get("title") or "")))) - _SMALL_WORDS for b in buttons]
    shared = set.intersection(*own) if own else set()
    fits = [b for b, title in zip(buttons, own, strict=True) if _telling((title - shared) & words)]
    return fits[0] if len(fits) == 1 else None


def _telling(overlap: set[str]) -> bool:
    """Two words in common, or one real word ("3" alone could be "een cursus van 3 dagen")."""
    return len(overlap) >= 2 or any(len(w) >= 4 and not w.isdigit() for w in overlap)
