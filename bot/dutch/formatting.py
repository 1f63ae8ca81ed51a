"""Dates and money in Dutch notation, through Babel (CLDR, locale nl_NL): `1 maart 2026`, `€ 1.250`, `€ 1.250,50`.

Whole euros are written without cents, as Dutch texts about budgets do; Babel's own currency format would add
",00". Reading Dutch amounts and dates, which no library covers, stays in parsing.py.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from babel.dates import format_date as _babel_date
from babel.numbers import format_currency

LOCALE = "nl_NL"


def format_euro(cents: int | None) -> str:
    """€ 1.250 or € 1.250,50; "onbekend" for an unknown amount."""
    if cents is None:
        return "onbekend"
    pattern = "¤ #,##0" if cents % 100 == 0 else "¤ #,##0.00"
    return format_currency(Decimal(cents) / 100, "EUR", format=pattern, locale=LOCALE, currency_digits=False)


def format_number(n: int) -> str:
    """1.500: Dutch thousands separator."""
    return f"{n:,}".replace(",", ".")


def count(n: int, singular: str, plural: str) -> str:
    """'1 speerpunt', '3 speerpunten', '1.500 medewerkers', 'geen activiteiten': never 'speerpunt(en)' (B1)."""
    if n == 0:
        return f"geen {plural}"
    return f"{format_number(n)} {singular if n == 1 else plural}"


def there_are(n: int, singular: str, plural: str) -> str:
    """'Er is 1 activiteit', 'Er zijn 2 activiteiten', 'Er zijn geen activiteiten': the verb agrees with the count."""
    return f"Er {'is' if n == 1 else 'zijn'} {count(n, singular, plural)}"


def listing(items, last: str = "en") -> str:
    """Names in a Dutch sentence: 'A', 'A en B', 'A, B en C' (no comma before 'en'); 'of' for a choice."""
    items = [str(i) for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def short(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut after a whole word with "…" (a button's title)."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def format_date(d: date) -> str:
    """1 maart 2026."""
    return _babel_date(d, "d MMMM y", locale=LOCALE)


QUOTE_OPEN, QUOTE_CLOSE = "„", "”"


def quoted(text) -> str:
    """Words a person typed, inside a bot message: one line between Dutch quotation marks.

    One line, so no blank line starts a new message and no "- " starts a list; the widget shows what stands between
    „ and ” as plain text (no bold, no links), so someone's words never look like the bot's own message.
    """
    flat = " ".join(str(text).split()).replace(QUOTE_OPEN, '"').replace(QUOTE_CLOSE, '"')
    return f"{QUOTE_OPEN}{flat}{QUOTE_CLOSE}"


_NOT_IN_A_NAME = re.compile(r"[<>\[\](){}*_`#|\\~\x00-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def person_name(text: str | None) -> str:
    """A name from a token or an HR export as Leerkoers shows it to others: without the signs of markup (links,
    bold, HTML), control characters and marks that turn text around, which no name needs."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", re.sub(r"<[^>]*>", " ", text or ""))  # a link: its words
    return " ".join(_NOT_IN_A_NAME.sub(" ", text).split())[:200]


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+!<>|~-])")
_SCRIPT_LINK = re.compile(r"(?i)(\]\(\s*|<\s*)(?:javascript|vbscript|data|file)\s*:")


def for_markdown_client(text: str) -> str:
    """A bot message for a client that renders Markdown (rasa-webchat): what stands between „ and ” (someone's
    words) is escaped, so it shows as typed; a link to a script is never a link."""
    parts = re.split(f"({QUOTE_OPEN}[^{QUOTE_CLOSE}]*{QUOTE_CLOSE})", text)
    escaped = "".join(_MARKDOWN.sub(r"\\\1", part) if part.startswith(QUOTE_OPEN) else part for part in parts)
    return _SCRIPT_LINK.sub(lambda m: m.group(1) + "#", escaped)


def in_sentence(label: str) -> str:
    """A question's label inside a sentence: its first letter small, abbreviations kept ('een OR', 'POP', 'AVG')."""
    return " ".join(w if sum(c.isupper() for c in w) > 1 or w.isupper() and len(w) > 1 else w.lower()
                    for w in label.split())
