"""Corrections by name and item: "de kosten van de tweede activiteit moeten 2500 zijn", "de toekomst klopt niet".

A correction names its target in the person's own words. The words are matched against what the question files
say of each question (its ``label`` and ``topic_words``), weighing a word less the more questions share it, and
against the items the person has ("activiteit 6", "het tweede leerdoel", "de training Excel"). One clear target
opens that question for that item; two plausible ones are offered as buttons; a correction never starts a new
item. A new value in the same message is said back with the old one before it is stored (proposals.py); "zet
het terug" restores the value from before the last correction.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass

from bot.dutch import formatting, parsing
from bot.interviews.catalogue import INTERVIEW_QUESTIONS, LABELS_KIND, ORGANISATION_NAME, Q, current
from bot.interviews.correction_words import (  # noqa: F401
    _VALUE,
    first_of_several,
    lets_go,
    names_nothing,
    value_part,
)
from bot.interviews.items import ITEMS

PAYLOAD = "/wijzig_antwoord"
_ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7,
             "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11, "twaalfde": 12}
_NUMBERS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
            "negen": 9, "tien": 10, "elf": 11, "twaalf": 12}
# the words that name an item of a group, per record the group is stored on
_NOUNS = {"activity": r"activiteit(?:en)?|training|cursus|opleiding", "activity_evaluation": r"activiteit(?:en)?|training|cursus",
          "goal": r"leerdoel(?:en)?|doel", "agreement": r"afspraak|afspraken|leerdoel|doel"}
_STOP = {"de", "het", "een", "van", "bij", "over", "mijn", "ons", "onze", "jullie", "je", "ik", "wij", "we", "is",
         "zijn", "dat", "die", "dit", "deze", "klopt", "niet", "moet", "moeten", "anders", "wijzig", "wijzigen",
         "verander", "veranderen", "aanpassen", "pas", "aan", "corrigeer", "graag", "wil", "kan", "kun", "naar",
         "wordt", "worden", "antwoord", "vraag", "in", "op", "voor", "en", "of", "nog", "toch", "even", "maar",
         "want", "er", "staat", "stond", "heb", "hebben", "ingevuld", "gezegd", "fout", "verkeerd", "goed", "zo",
         "eigenlijk", "nee", "ja", "oeps", "sorry", "hoort", "te", "om", "met", "wat", "hoe", "wie", "wacht", "ho",
         "foutje", "vergist", "bedoel", "bedoelde"}


@dataclass(frozen=True)
class Target:
    key: str
    item: int | None = None


@dataclass
class Found:
    """What a correction points at: one target, or several to choose from (``options``), with a new value
    named in the same message (``value_text``) when there is one."""

    target: Target | None = None
    options: list[Target] | None = None
    value_text: str | None = None
    by_words: bool = True  # False: no question was named; the answer given last ("dat klopt niet")

    @property
    def names_something(self) -> bool:
        return self.target is not None or bool(self.options)


def _stems(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9à-ÿ&']+", parsing.normalize(text))
    return [_stem(w) for w in words if w not in _STOP]


def _stem(word: str) -> str:
    for end in ("en", "s", "e"):
        if len(word) > 5 and word.endswith(end):
            return word[: -len(end)]
    return word


def _keys(engine) -> list[str]:
    keys = []
    for key in INTERVIEW_QUESTIONS[engine.interview]:
        group = current().group_of(key)
        if group is not None and key in (group.start, group.more):
            continue
        if Q[key].stored_in == ORGANISATION_NAME and engine.organisation_fixed:
            continue
        keys.append(key)
    return keys


def _phrases(key: str) -> list[list[str]]:
    """What names a question: each topic word or phrase (all its words), and each word of its label."""
    q = Q[key]
    return [p for p in (_stems(w) for w in q.topic_words) if p] + [[w] for w in _stems(q.label)]


def _scores(engine, words: list[str]) -> dict[str, float]:
    keys = _keys(engine)
    phrases = {key: _phrases(key) for key in keys}
    df: dict[str, int] = {}
    for key in keys:
        for word in {w for p in phrases[key] for w in p}:
            df[word] = df.get(word, 0) + 1
    present = set(words)
    scores: dict[str, float] = {}
    for key in keys:
        matched = {w for p in phrases[key] if set(p) <= present for w in p}
        if matched:
            scores[key] = sum(math.log((len(keys) + 1) / (df[w] + 0.5)) for w in matched)
    return scores


def _item_reference(engine, norm: str) -> tuple[int | None, str]:
    """The item named by number or order ("activiteit 6", "de tweede activiteit", "het laatste leerdoel"), and the
    text without those words."""
    records = {g.record for g in _groups(engine)}
    nouns = "|".join(_NOUNS[r] for r in records if r in _NOUNS)
    if not nouns:
        return None, norm
    words = "|".join([*_NUMBERS, r"\d+"])
    m = re.search(rf"\b(?:{nouns})\s*(?:nummer|nr\.?)?\s*({words})\b", norm)
    if m:
        number = m.group(1)
        return (int(number) if number.isdigit() else _NUMBERS[number]), norm[:m.start()] + " " + norm[m.end():]
    m = re.search(rf"\b({'|'.join(_ORDINALS)}|\d+e|laatste)\s+(?:{nouns})\b", norm)
    if m:
        word = m.group(1)
        if word == "laatste":
            items = [i for g in _groups(engine) for i in ITEMS[g.items].all(engine)]
            number = max((i.position for i in items), default=None)
        else:
            number = int(word[:-1]) if word[:-1].isdigit() else _ORDINALS[word]
        return number, norm[:m.start()] + " " + norm[m.end():]
    return None, norm


def _speerpunt_reference(engine, norm: str) -> tuple[str, int] | None:
    """("speerpunten", 2) for "het tweede speerpunt", "speerpunt 2" in an interview that asks the speerpunten."""
    from bot.interviews import places
    from bot.interviews.catalogue import SPEERPUNTEN

    key = next((k for k in _keys(engine) if Q[k].stored_in == SPEERPUNTEN), None)
    if key is None:
        return None
    words = "|".join([*_NUMBERS, r"\d+"])
    m = re.search(rf"\bspeerpunt\s*(?:nummer|nr\.?)?\s*({words})\b", norm) or \
        re.search(rf"\b({'|'.join(_ORDINALS)}|\d+e)\s+speerpunt\b", norm)
    if m is None:
        return None
    word = m.group(1)
    number = int(word) if word.isdigit() else int(word[:-1]) if word[:-1].isdigit() else \
        _ORDINALS.get(word) or _NUMBERS.get(word)
    return (key, number) if number and places.speerpunt_text(engine, number) is not None else None


def _groups(engine) -> list:
    return [step for step in current().steps[engine.interview]
            if not isinstance(step, str) and step.items is not None]


# words in many items' names: they name no item of their own ("twee dagen training met een acteur")
_GENERIC = {_stem(w) for w in ("training", "trainingen", "cursus", "cursussen", "opleiding", "workshop", "activiteit",
                               "leerdoel", "team", "medewerkers", "collega's", "leren", "beter", "goed", "nieuwe")}


_COMPOUND_END = re.compile(r"(?:s|e)?(?:activiteit|training|traject|cursus|opleiding|workshop|sessie|dag)$")


def _parts(words) -> set[str]:
    """Words with the generic end of a compound taken off: "coachingsactiviteit" and "coachingstraject" both give
    "coaching"."""
    out = set(words)
    for w in words:
        core = _COMPOUND_END.sub("", w)
        if core != w and len(core) >= 4:
            out.add(_stem(core))
    return out


def _item_by_title(engine, words: list[str]) -> int | None:
    """The item whose name shares a telling word with the correction ("de training Excel", "de BHV", "de
    coachingsactiviteit"); a generic word ("de workshop") only when one name has it."""
    telling = _parts({w for w in words if len(w) >= 3}) - _GENERIC
    generic = {w for w in words if w in _GENERIC}
    for present in (telling, generic):
        found = []
        for group in _groups(engine):
            source = ITEMS[group.items]
            for item in source.all(engine):
                title = source.title(item)
                if title and present & _parts(_stems(title)):
                    found.append(item.position)
        if found:
            return found[0] if len(found) == 1 else None
    return None


def find(engine, text: str) -> Found:
    """What ``text`` asks to correct in this interview."""
    norm = parsing.normalize(text)
    if norm.startswith(PAYLOAD):
        return _from_payload(engine, text)
    point = _speerpunt_reference(engine, norm)
    if point is not None:  # "het eerste speerpunt moet ... zijn": that one, the others stay
        return Found(Target(point[0], point[1]), value_text=value_part(text))
    item, rest = _item_reference(engine, norm)
    named = _VALUE.search(rest)  # the new value names no question: "... moet docenten zijn"
    words = _stems(rest[:named.start()] if named else rest)
    if item is None:
        item = _item_by_title(engine, words)
    scores = _scores(engine, words)
    answered = {key: s for key, s in scores.items() if _has_answer(engine, key, item)}
    if answered:
        best = max(answered.values())
        keys = [k for k, s in sorted(answered.items(), key=lambda kv: -kv[1]) if s >= 0.6 * best]
    elif item is not None:  # "het tweede leerdoel moet anders": the item itself, its first question
        keys = [k for k in _group_keys(engine) if _has_answer(engine, k, item)][:1]
    else:
        keys = []
    if not keys:
        return _last_answer(engine, text) if not words else Found()
    targets = [t for key in keys for t in _with_item(engine, key, item)]
    if len(targets) == 1:
        return Found(targets[0], value_text=value_part(text) if named else None)
    return Found(options=targets[:6], value_text=value_part(text) if named else None)


def _last_answer(engine, text: str) -> Found:
    """"Dat klopt niet, het is het secretariaat": no question named, so the answer given last."""
    change = engine.state.last_change or {}
    key, item = change.get("key"), change.get("item")
    if key not in _keys(engine) or not _has_answer(engine, key, item):
        return Found()
    return Found(Target(key, item), value_text=value_part(text), by_words=False)


def _group_keys(engine) -> list[str]:
    return [k for g in _groups(engine) for k in g.keys]


def _with_item(engine, key: str, item: int | None) -> list[Target]:
    """The target for ``key``; in a repeating group without a named item, every item that has an answer."""
    group = current().group_of(key)
    if group is None or group.items is None:
        return [Target(key)]
    if item is not None:
        return [Target(key, item)]
    from bot.interviews import navigation

    positions = [i.position for i in ITEMS[group.items].all(engine)
                 if navigation.value(engine, key, i.position) is not None]
    return [Target(key, p) for p in positions]


def _has_answer(engine, key: str, item: int | None) -> bool:
    from bot.interviews import navigation

    group = current().group_of(key)
    if group is None or group.items is None:
        return item is None and navigation.has_answer(engine, key)
    if item is not None:
        return navigation.value(engine, key, item) is not None
    return any(navigation.value(engine, key, i.position) is not None for i in ITEMS[group.items].all(engine))


MAX_CHOICES = 24  # every answer of a POP with a few learning goals, or a policy and a plan of some activities


def _from_payload(engine, text: str) -> Found:
    try:
        data = json.loads(text.strip()[len(PAYLOAD):] or "{}")
    except ValueError:
        return Found()
    key, item = data.get("vraag"), data.get("item")
    if key is None:  # the button "Iets wijzigen": which answer? every one there is to choose from
        return Found(options=_every_answer(engine))
    if key not in _keys(engine):
        return Found()
    item = int(item) if str(item or "").isdigit() else None
    value = data.get("waarde") if isinstance(data.get("waarde"), str) else None
    return Found(Target(key, item), value_text=value) if _has_answer(engine, key, item) else Found()


def _every_answer(engine) -> list[Target]:
    """The answers of this interview as targets to choose from: each single question, and each item's name."""
    found = []
    for step in current().steps[engine.interview]:
        if isinstance(step, str):
            if step in _keys(engine) and _has_answer(engine, step, None):
                found.append(Target(step))
        elif step.items is not None and step.keys:
            found += [Target(step.keys[0], i.position) for i in ITEMS[step.items].all(engine)
                      if _has_answer(engine, step.keys[0], i.position)]
    return found[:MAX_CHOICES]


def payload(target: Target, value: str | None = None) -> str:
    """The button of a correction; ``value``: the new value the person already named ("dat is strategisch")."""
    data = {"vraag": target.key, **({"item": str(target.item)} if target.item is not None else {}),
            **({"waarde": value[:200]} if value else {})}
    return PAYLOAD + json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def label(engine, key: str, item: int | None = None) -> str:
    """How a message names the answer: its label between quotes, with the item it belongs to ("'Kosten' van
    activiteit 6", "'Budget'"), so that any label reads well in a sentence ("Ik pas 'Door wie' van activiteit 3 aan")."""
    from bot.interviews.catalogue import SPEERPUNTEN

    name = f"'{Q[key].label}'"
    if Q[key].stored_in == SPEERPUNTEN and item is not None:
        return f"speerpunt {item}"
    group = current().group_of(key)
    if item is None or group is None or group.items is None:
        return name
    return f"{name} van {ITEMS[group.items].noun} {item}"


def option_title(engine, target: Target) -> str:
    """The button of a target: "Kosten van activiteit 2"; an item's own name: "Activiteit 2: Coaching leiding…"."""
    group = current().group_of(target.key)
    if group is not None and group.items is not None and target.item is not None and target.key == group.keys[0]:
        source = ITEMS[group.items]
        item = source.at(engine, target.item)
        name = source.title(item) if item is not None else None
        title = f"{source.noun} {target.item}" + (f": {name}" if name else "")
    else:
        title = label(engine, target.key, target.item).replace("'", "")
    return formatting.short(title[0].upper() + title[1:], 60)


def shown(engine, key: str, item: int | None = None) -> str | None:
    """The stored answer as the person reads it: money in euros, a choice by its name, typed words quoted."""
    from bot.interviews import navigation, places
    from bot.interviews.answers import choice_title
    from bot.interviews.catalogue import SPEERPUNTEN

    if Q[key].stored_in == SPEERPUNTEN and item is not None:
        text = places.speerpunt_text(engine, item)
        return formatting.quoted(text) if text else None
    value = navigation.value(engine, key, item)
    if value is None:
        return None
    q = Q[key]
    if value == "":
        return "geen"
    if hasattr(value, "text"):
        return formatting.quoted(value.text)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if q.kind == "money":
        return formatting.format_euro(value)
    if q.kind == "int":
        return formatting.format_number(value)
    if q.kind in ("choice", "kind"):
        return LABELS_KIND.get(value, choice_title(q, value)) if q.kind == "kind" else choice_title(q, value)
    if q.kind == "year":
        return str(value)
    if q.kind == "purposes":  # "een training voor een groep en medewerkers die ouder zijn"
        from bot.interviews.funding import purposes_said

        return purposes_said(value)
    return formatting.quoted(value)


def apply(engine, text: str) -> list | None:
    """Carry out a correction in this interview: the messages to say (the question, or the value said back, comes
    with the next prompt), or None when the words point at nothing here."""
    from bot.interviews.answers import parse_answer
    from bot.interviews.context import Message
    from bot.interviews.context import buttons as make_buttons
    from bot.interviews.proposals import make

    found = find(engine, text)
    if found.options:  # (after choosing an item's name, the person can name what else to change of it)
        return [Message("correctie_welke", {}, make_buttons([(option_title(engine, t), payload(t, found.value_text))
                                                               for t in found.options]))]  # the new value kept
    if found.target is None:
        return None
    target = found.target
    old = shown(engine, target.key, target.item)
    if engine.correct(target.key, target.item) is None:
        return None
    item = engine.state.pending_item
    if found.value_text and Q[target.key].stored_in == "strategic_plan.speerpunten" and item is not None:
        return engine.answer_question(target.key, found.value_text).messages  # shown with old and new
    if found.value_text and Q[target.key].stored_in != "strategic_plan.speerpunten":
        parsed = parse_answer(Q[target.key], found.value_text, engine.ctx)
        if parsed.ok and (parsed.value not in (None, "") or parsed.options):
            parsed.said = parsed.said or formatting.quoted(found.value_text)
            make(engine, target.key, found.value_text, parsed, correction=True, old=old)
            return []
    return [Message("correctie_start_waarde" if old else "correctie_start",
                    {"vraag_label": label(engine, target.key, item), "oud": old or ""})]


def named_question(engine, text: str) -> str | None:
    """The question of this interview that ``text`` names by its own words ("wat bedoel je met draagvlak?"), or
    None: one clear best match only."""
    words = _stems(parsing.normalize(text))
    current = engine.current_key()
    if current in Q and _in_its_words(engine, Q[current], words):  # "hoe bedoel je buiten de organisatie?"
        return current
    scores = _scores(engine, words)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or len(ranked) > 1 and ranked[1][1] >= 0.6 * ranked[0][1]:
        return None
    return ranked[0][0]


def _in_its_words(engine, q, words: list[str]) -> bool:
    """A word of the message (five letters or more) is in the open question's own words (label, topic words,
    explanation) and names no other question ("draagvlak" is a question of its own)."""
    own = set(_stems(" ".join([q.label, *(q.topic_words or ()), q.uitleg or ""])))
    others = {w for k in _keys(engine) if k != q.key for w in _stems(Q[k].label)}
    return any(len(w) >= 5 and w in own and w not in others for w in words)
