"""Doubt is asked, never guessed: a value read from a sentence waits for "klopt dat?" before it is stored.

A proposal is kept on the person's interview state (``interview_states.proposal``), so it survives leaving and
coming back: "Ik noteer € 7.200 (18 × € 400) bij de kosten. Klopt dat?" with the buttons Ja and Nee, or two
readings as buttons ("Bedoel je € 15.000 of € 7.500?"). What the person says next decides:
- yes (the button, "ja", "klopt"): the value is stored under the question the person saw;
- no ("nee"): nothing is stored, the question is asked again;
- one of the readings (its button or its title typed): that value is stored;
- a new value for the same question: read as that answer;
- anything else (the answer to the next question, a remark): the value waits and is said back again.
"""

from __future__ import annotations

import re
from typing import Any

from bot.dutch import formatting, parsing
from bot.interviews.answers import parse_answer
from bot.interviews.catalogue import Q
from bot.interviews.context import Message, Reply
from bot.interviews.context import buttons as make_buttons
from bot.storage.models import Speerpunt
from bot.understanding import is_question

YES, NO = "ja", "nee"
_STARTS_YES_NO = re.compile(r"^\s*(ja|jawel|jazeker|nee|neen|klopt|correct|yes|ok|oke|oké|okay|prima|goed|nope|zeker)\b",
                            re.I)


def to_json(value: Any) -> Any:
    """A value as the proposal keeps it: a speerpunt by its id, everything else as it is (str, int, bool)."""
    if isinstance(value, Speerpunt):
        return {"speerpunt": value.id}
    return value


def from_json(engine, value: Any) -> Any:
    if isinstance(value, dict) and "speerpunt" in value:
        return engine.session.get(Speerpunt, value["speerpunt"])
    return value


def make(engine, key: str, text: str, parsed, correction: bool = False, old: str | None = None,
         also: dict | None = None) -> None:
    """Keep what was read from ``text`` for ``key`` until the person says whether it is right; ``also``: the
    answers to other questions of the same item read from the same message."""
    engine.state.proposal = {
        "key": key, "text": text[:2000], "value": to_json(parsed.value), "said": parsed.said,
        "options": [[title, to_json(value)] for title, value in parsed.options], "correction": correction,
        "old": old, "also": {k: to_json(v) for k, v in (also or {}).items()},
        "item": engine.state.pending_item if correction else None, "rest": parsed.rest or "",
    }


def prompt(engine) -> Message:
    """The question that says the proposal back."""
    p = engine.state.proposal
    label = engine.label_of(p["key"], p.get("item"))
    if p["options"]:
        return Message("voorstel_kies", {"vraag_label": label},
                       make_buttons([(title[:60], title) for title, _value in p["options"]]))
    if p.get("also"):
        return Message("voorstel_delen", {"wat": p["said"]}, make_buttons([("Ja, klopt", YES), ("Nee", NO)]))
    if p.get("correction") and p.get("old") is not None:
        return Message("voorstel_wijziging", {"vraag_label": label, "oud": p["old"], "wat": p["said"]},
                       make_buttons([("Ja, klopt", YES), ("Nee", NO)]))
    return Message("voorstel", {"vraag_label": label, "wat": p["said"]},
                   make_buttons([("Ja, klopt", YES), ("Nee", NO)]))


def answer(engine, text: str) -> Reply:
    """The person's reply to a proposal."""
    p = engine.state.proposal
    key = p["key"]
    norm = parsing.normalize(text).strip(" .!?")
    for title, value in p["options"]:
        if norm in (parsing.normalize(title), parsing.normalize(str(value))):
            engine.state.proposal = None
            return engine.keep(key, p["text"], from_json(engine, value), said=title)
    if p["options"]:
        engine.state.proposal = None
        if parsing.parse_yes_no(text) is not None:
            return Reply([Message("voorstel_kies_knop")], accepted=False, done=False)
        return engine.answer_question(key, text)
    # only a message that starts with yes or no says yes or no here ("Over drie jaar ... heeft een vast aanspreekpunt"
    # is a new answer, not a "yes" because it "has" something)
    choice, rest = parsing.split_yes_no(text) if _STARTS_YES_NO.match(text) else (None, text)
    details = ""
    without = _WITHOUT.match(rest or "") if choice is False else None
    if without and isinstance(p["value"], str) and without.group(1).lower() in p["value"].lower():
        # "nee, zonder 'ik ben' natuurlijk": the same value without those words, said back again
        value = re.sub(re.escape(without.group(1)), "", p["value"], count=1, flags=re.I)
        value = re.sub(r"\s{2,}", " ", value).strip(" ,.")
        engine.state.proposal = {**p, "value": value, "said": formatting.quoted(value), "text": value}
        return Reply([], accepted=False, done=False)
    if p.get("also") and choice is not None and not parsing.says_nothing(rest) and _about_a_part(p, rest):
        # about one part of a one-message activity (found over make run: the sentence became the activity's name):
        # "ja maar de doelgroep is ..." keeps what was read waiting, with how to change one part after "Ja, klopt";
        # "nee de kosten zijn 570" keeps nothing, and the questions come one by one
        if choice is True:
            return Reply([Message("voorstel_ja_maar")], accepted=False, done=False)
        engine.state.proposal = None
        return Reply([Message("voorstel_stap_voor_stap")], accepted=False, done=False)
    if choice is False and _ABOUT_WHAT_WAS_SAID.search(parsing.normalize(rest)):
        rest = ""  # "nee natuurlijk niet, dat was een vraag": a no and why, no new value (found over make run)
    asked = ""
    if choice is True and rest and is_question(rest) and Q[key].kind in ("open", "short", "list"):
        asked, rest = rest, ""  # "ja klopt. moet ik die pop eigenlijk delen?": a yes, then a question of its own
    if choice is not None and not parsing.says_nothing(rest):  # "ja maar dan 7000", "nee, het is docent"
        if choice is True and not _replaces(engine, key, text, rest):
            details = rest  # "ja, en er komt nog een tweede activiteit": a yes with details, not a new value
        else:
            engine.state.proposal = None
            return engine.answer_question(key, rest)
    choice = parsing.parse_yes_no(text) if choice is None else choice
    if choice is True:
        engine.state.proposal = None
        also = {k: from_json(engine, v) for k, v in (p.get("also") or {}).items()}
        reply = engine.keep(key, p["text"], from_json(engine, p["value"]), said=p["said"],
                            rest=details or p.get("rest") or "", also=also)
        if asked:  # found over make run: the question became the answer; it is said to be no answer, not stored
            reply.messages.insert(0, Message("ja_en_een_vraag", {"wat": formatting.quoted(asked)}))
        return reply
    if choice is None and Q[key].kind not in ("open", "short", "list") and not parse_answer(Q[key], text, engine.ctx).ok:
        # not a yes, a no or a new value ("nog niet bekend, we vragen offertes op" while a period waits, the
        # answer to the next question): the value said back stays and is asked again
        return Reply([Message("voorstel_wacht")], accepted=False, done=False)
    engine.state.proposal = None
    if choice is False:
        return Reply([Message("voorstel_niet_bewaard")], accepted=False, done=False)
    return engine.answer_question(key, text)  # anything else is a new answer to the same question



_PART_WORDS = re.compile(r"\b(?:kost\w*|prijs|bedrag|euro|per persoon|pp|totaal|wanneer|maand|periode|doelgroep|"
                         r"voor wie|aanbieder|door wie|naam|titel)\b|€")


def _about_a_part(p: dict, rest: str) -> bool:
    """After a one-message activity said back: the reply speaks of one of its parts ("de kosten zijn 570", "zonder
    dat totaal in de naam"), not of a new name for it."""
    norm = parsing.normalize(rest)
    words = {w for k in p.get("also") or {} for w in [*Q[k].topic_words, Q[k].label.lower()]}
    return bool(_PART_WORDS.search(norm)) or any(re.search(rf"\b{re.escape(w)}\b", norm) for w in words if w)


# What the earlier message was, said after a no: no new value
_ABOUT_WHAT_WAS_SAID = re.compile(r"^(?:dat|het|dit|die) (?:was|is) (?:een |geen |maar een )?(?:vraag|antwoord|grap\w*|opmerking|"
                                  r"zijsprong|test)\b|^(?:dat|het|dit) bedoel\w*\b|^ik (?:vroeg|bedoel\w*|stelde)\b|"
                                  r"^(?:dat|het|dit) (?:klopt|is) (?:helemaal |echt )?(?:niet|fout|verkeerd)\b|^(?:fout|verkeerd)$")
_WITHOUT = re.compile(r"(?i)^zonder\s+['\"„‘“]?(.+?)['\"”’]?(?:\s+(?:natuurlijk|graag|aub|alsjeblieft|erbij|ervoor))*$")
_BUT = re.compile(r"\b(maar|toch|eigenlijk|liever)\b", re.I)


def _replaces(engine, key: str, text: str, rest: str) -> bool:
    """After a yes, is the rest a new value? At a question with a fixed kind of answer (an amount, a period, a
    count) when it reads as one ("ja maar dan 7000"); at an open question when it is said as one ("ja, maar
    noem het ..."). Anything else ("ja, en er komt nog een tweede activiteit") is a yes with details."""
    q = Q[key]
    if q.kind in ("open", "short", "list"):
        return bool(_BUT.search(text))
    parsed = parse_answer(q, rest, engine.ctx)  # "de aanbieder van activiteit 1 is ..." names no new amount
    return parsed.ok and parsed.value is not None and not parsed.options
