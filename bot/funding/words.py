"""Jargon the knowledge base keeps, and its short explanation said where the word is first used in a message.

The words and their explanations are in bot/data/funding.yml under `woorden` (one short phrase each, without
brackets). `explain` puts the explanation in brackets after the first use of a word in a message, unless the
message already explains it.
"""

from __future__ import annotations

import re


class WordsError(ValueError):
    pass


def parse_words(data: object) -> dict[str, str]:
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise WordsError("'woorden' moet per woord een korte uitleg hebben (woord: uitleg)")
    for word, explanation in data.items():
        if "(" in explanation or ")" in explanation or len(explanation.split()) > 10:
            raise WordsError(f"woorden.{word}: de uitleg is hooguit tien woorden, zonder haakjes")
    return dict(data)


def word_pattern(word: str) -> re.Pattern[str]:
    """The word with a Dutch ending or a compound tail: 'O&O-fonds' also finds 'O&O-fondsen', 'mkb' 'mkb-bedrijf'."""
    return re.compile(r"(?<![\w-])" + re.escape(word) + r"(?:en|s|-[\w]+)?(?![\w-])", re.IGNORECASE)


def explain(texts: list[str], words: dict[str, str]) -> list[str]:
    """The texts of one message, with each jargon word explained once, at its first use."""
    out = list(texts)
    for word, explanation in words.items():
        if any(explanation.lower() in t.lower() for t in out):
            continue
        for number, text in enumerate(out):
            found = word_pattern(word).search(text)
            if not found:
                continue
            if text[found.end():].startswith((" (", ", een ", ": ")) or _inside_brackets(text, found.start()):
                break  # explained right there already, or a bracket in a bracket would be hard to read
            out[number] = f"{text[:found.end()]} ({explanation}){text[found.end():]}"
            break
    return out


def _inside_brackets(text: str, position: int) -> bool:
    before = text[:position]
    return before.count("(") > before.count(")")
