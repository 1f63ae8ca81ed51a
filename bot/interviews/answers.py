"""Reading an answer for a question of a given kind (bot/dutch/parsing.py does the Dutch)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.dutch import parsing
from bot.interviews.catalogue import Question
from bot.interviews.context import Ctx
from bot.interviews.flow import speerpunten


@dataclass
class Parsed:
    ok: bool
    value: object = None
    error: str | None = None  # response name (without utter_) for the problem


def parse_answer(q: Question, text: str, ctx: Ctx) -> Parsed:
    t = text.strip()
    if q.optional and parsing.is_skip(t):
        return Parsed(True, "")
    if q.kind in ("open", "short"):
        if parsing.looks_english(t):
            return Parsed(False, error="alleen_nederlands")
        if parsing.says_nothing(t):  # "ja", "weet niet", one letter, only markup: "Teamleider worden" is an answer
            return Parsed(False, error="antwoord_te_kort" if q.kind == "open" else "antwoord_leeg")
        if q.kind == "short" and parsing.only_an_amount(t):  # "3000 euro" as the provider: the costs come later
            return Parsed(False, error="antwoord_is_bedrag")
        return Parsed(True, t)
    if q.kind == "list":
        return Parsed(True, t)
    if q.kind == "choice":
        if parsing.dont_know(t):  # "weet ik niet" is no "nee" and no "niet gedaan": ask again
            return Parsed(False, error="keuze_weet_niet")
        value = parsing.match_choice(t, q.choices or {})
        return Parsed(value is not None, value, None if value else "kies_een_optie")
    if q.kind == "kind":
        value = parsing.match_choice(t, parsing.KIND_OF_LEARNING_CHOICES)
        return Parsed(value is not None, value, None if value else "kies_soort_leren")
    if q.kind == "int":
        value = parsing.parse_int(t, minimum=1, maximum=1_000_000)
        return Parsed(value is not None, value, None if value else "geen_aantal")
    if q.kind == "money":
        value = parsing.parse_money_cents(t)
        return Parsed(value is not None, value, None if value is not None else "geen_bedrag")
    if q.kind == "year":
        value = parsing.parse_year(t, ctx.today)
        return Parsed(value is not None, value, None if value else "geen_jaar")
    if q.kind == "yesno":
        value = parsing.parse_yes_no_sentence(t)
        if value is None and parsing.normalize(t).startswith(_ENOUGH):  # "dat was het voor nu" at "nog een?"
            value = False
        return Parsed(value is not None, value, None if value is not None else "ja_of_nee")
    if q.kind == "period":
        value = parsing.parse_period(t)
        return Parsed(value is not None, value, None if value else "geen_periode")
    if q.kind == "speerpunt":
        if parsing.is_skip(t):
            return Parsed(True, "")
        points = speerpunten(ctx)
        m = re.fullmatch(r"\s*(?:speerpunt\s*)?(\d+)\s*", t, flags=re.I)
        if m and 1 <= int(m.group(1)) <= len(points):
            return Parsed(True, points[int(m.group(1)) - 1])
        norm = parsing.normalize(t)
        for sp in points:
            if parsing.normalize(sp.text) == norm or norm in parsing.normalize(sp.text):
                return Parsed(True, sp)
        return Parsed(False, error="kies_speerpunt")
    raise ValueError(f"onbekend soort vraag: {q.kind}")


def split_items(text: str) -> list[str]:
    parts = re.split(r"\s*(?:\n|;|\u2022|(?:^|\s)\d+[.)]\s)\s*", text)
    return [p.strip(" -*\t") for p in parts if p and p.strip(" -*\t")]


_CLAUSE = re.compile(r"^(zodat|want|omdat|maar|die|dat|waardoor|vooral|zoals|bijvoorbeeld|met name|ook|om|door|"
                     r"waarbij|als|wat|en)\b")


def split_list(text: str) -> list[str]:
    """Items of a list answer: also 'A, B en C' when every part is a short phrase, not a clause of one sentence."""
    items = split_items(text)
    if len(items) != 1 or "," not in items[0]:
        return items
    parts = [p.strip(" .") for p in re.split(r"\s*,\s*|\s+en\s+(?=[^,]+$)", items[0]) if p.strip(" .")]
    limit = 6 if " en " not in items[0].split(",")[-1] else 4
    if len(parts) >= 2 and all(1 <= parsing.word_count(p) <= limit and not _CLAUSE.match(parsing.normalize(p))
                               for p in parts):
        return [p[0].upper() + p[1:] for p in parts]
    return items


_ENOUGH = ("dat was het", "dat is alles", "dat waren ze", "dat was alles", "verder niet", "klaar", "niets meer",
           "niks meer", "geen meer", "genoeg")
DONE_WORDS = {"klaar", "nee", "dat was het", "dat is alles", "geen", "niets", "geen andere", "nee hoor",
               "nee, dat was het", "dat waren ze", "verder niet", "stop lijst"}
