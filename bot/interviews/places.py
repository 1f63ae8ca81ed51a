"""Where a single question's answer is kept (``stored_in``), read and written for the engine.

Most places are an attribute of a record (``pop.team``, ``strategic_plan.competences``) or an organisation's own
field in a record's ``extra`` column. A few places mean more than an attribute, always the same, whatever the
question that asks for them is called: the organisation's name links the person to an organisation, the list of
speerpunten is filled item by item until "klaar", a plan's year opens that yearly plan, the chosen year and the
chosen team member belong to the person's interview.
"""

from __future__ import annotations

import re

from bot.dutch import formatting, parsing
from bot.dutch.facts import Facts
from bot.interviews import funding, popgesprek
from bot.interviews.answers import DONE_WORDS, ENOUGH, split_list
from bot.interviews.catalogue import (
    CHOSEN_YEAR,
    ORGANISATION_NAME,
    PLAN_YEAR,
    SPEERPUNTEN,
    SUBJECT,
)
from bot.interviews.context import Message
from bot.interviews.fields import read, write
from bot.storage import repository as repo
from bot.storage.models import Speerpunt


def record(engine, place: str, create: bool = False):
    """The record a place is on, or None when it is not there (yet)."""
    ctx = engine.ctx
    name = place.partition(".")[0]
    if name == "organisation":
        return ctx.org
    if name == "strategic_plan":
        if ctx.org is None:
            return None
        return repo.get_or_create_strategic_plan(engine.session, ctx.org) if create else ctx.plan()
    if name in ("year_plan", "year_evaluation"):
        return ctx.year_plan()
    if name == "pop":
        return ctx.pop()
    if name == "interview_state":
        return engine.state
    if name == "funding":
        return funding.answers(engine)
    raise KeyError(place)


def available(engine, place: str) -> bool:
    """Whether the question can be asked now: the organisation's name first, a plan's questions once it has
    a plan, the yearly plan's once its year is chosen."""
    name = place.partition(".")[0]
    if place in (ORGANISATION_NAME, CHOSEN_YEAR, SUBJECT) or name in ("pop", "interview_state", "funding"):
        return True
    if place == PLAN_YEAR or name in ("organisation", "strategic_plan"):
        return engine.ctx.org is not None
    return engine.ctx.year_plan() is not None


def answered(engine, place: str) -> bool:
    """Whether the interview can go past the question: it has its answer (the list of speerpunten: complete)."""
    if place == ORGANISATION_NAME:
        return engine.ctx.org is not None
    if place == SPEERPUNTEN:
        plan = engine.ctx.plan()
        return plan is not None and bool(plan.speerpunten_complete)
    if place in (PLAN_YEAR, CHOSEN_YEAR):
        return engine.ctx.year_plan() is not None
    if place == SUBJECT:
        return popgesprek.subject_pop(engine) is not None
    found = record(engine, place)
    return found is not None and read(found, place.partition(".")[2]) is not None


def value(engine, place: str):
    """The answer kept at ``place``, or None (the list of speerpunten: its items joined)."""
    if place == ORGANISATION_NAME:
        return engine.ctx.org.name if engine.ctx.org is not None else None
    if place == SPEERPUNTEN:
        plan = engine.ctx.plan()
        return "; ".join(sp.text for sp in plan.speerpunten) if plan is not None and plan.speerpunten else None
    if place in (PLAN_YEAR, CHOSEN_YEAR):
        plan = engine.ctx.year_plan()
        return plan.year if plan is not None else None
    if place == SUBJECT:
        pop = popgesprek.subject_pop(engine)
        return (pop.person.display_name or pop.person.id) if pop is not None else None
    found = record(engine, place) if available(engine, place) else None
    return read(found, place.partition(".")[2]) if found is not None else None


def has_answer(engine, place: str) -> bool:
    """Whether there is an answer to correct (the list of speerpunten: at least one)."""
    if place == SPEERPUNTEN:
        plan = engine.ctx.plan()
        return plan is not None and bool(plan.speerpunten)
    return answered(engine, place)


def check(engine, place: str, value, text: str) -> tuple[object, Message | None]:
    """The value to store, or the message that says why it cannot be (a name outside the team, a year without
    a yearly plan)."""
    if place == SUBJECT:
        person = popgesprek.member(engine, str(value))
        return person, None if person is not None else Message("popgesprek_wie_onbekend")
    if place == ORGANISATION_NAME and _renaming(engine):
        other = repo.find_organisation(engine.session, str(value))
        if other is not None and other.id != engine.ctx.org.id:
            return value, Message("organisatie_naam_bestaat", {"organisatie": other.name})
    if place == CHOSEN_YEAR and engine.ctx.org is not None:
        if repo.get_year_plan(engine.session, engine.ctx.org, value) is None:
            return value, Message("evaluatie_geen_jaarplan", {"jaar": value})
    return value, None


def store(engine, place: str, value, messages: list[Message]):
    """Keep ``value`` at ``place``; returns the record it went to."""
    ctx = engine.ctx
    if place == ORGANISATION_NAME:
        if engine.organisation_fixed:
            return None  # never asked then; and never moved by what someone types
        if _renaming(engine):  # a correction of the name: the same organisation, with its policy, plans and people
            repo.rename_organisation(engine.session, engine.ctx.org, value)
            return engine.ctx.org
        org = repo.get_or_create_organisation(engine.session, value)
        engine.person.organisation = org
        if org.strategic_plan and org.strategic_plan.speerpunten:
            messages.append(Message("organisatie_bekend", {"organisatie": org.name}))
        understood = engine.use_facts(Facts())  # a name that says the sector: "Gemeente Oostmeer"
        if understood:
            messages.append(understood)
        return org
    if place == PLAN_YEAR:
        plan = repo.get_or_create_year_plan(engine.session, ctx.org, value)
        engine.state.year = ctx.year = value
        return plan
    if place == CHOSEN_YEAR:
        engine.state.year = ctx.year = value
        return ctx.year_plan()
    if place == SUBJECT:
        popgesprek.choose(engine, value, messages)
        return None
    found = record(engine, place, create=True)
    write(found, place.partition(".")[2], value)
    return found


def _renaming(engine) -> bool:
    """The person corrects the organisation's name (it was typed in the chat, not given by the token)."""
    from bot.interviews.catalogue import Q

    pending = engine.state.pending_question
    return (engine.ctx.org is not None and pending is not None and pending in Q
            and Q[pending].stored_in == ORGANISATION_NAME)


_ORDINAL = re.compile(r"(?i)^(?:(?:het|de|ons|mijn)\s+)?(?:eerste|tweede|derde|vierde|vijfde|volgende|laatste|andere)"
                      r"(?:\s+speerpunt)?\s+(?:is|wordt|:)\s*:?\s*")


_LEAD = re.compile(r"(?i)^(?:(?:wij|we)\s+(?:willen\s+)?(?:(?:richten|focussen|concentreren)\s+ons|inzetten|focussen)\s+"
                   r"(?:vooral\s+)?(?:op|met)\s+|"
                   r"(?:onze|de)\s+speerpunten\s+zijn\s*:?\s*|ten eerste\s+)")
_NEXT = re.compile(r"(?i)\s*[,;]?\s*(?:en\s+)?(?:daarnaast|verder|tot slot|ten slotte|als laatste|ten tweede|ten derde|"
                   r"ten vierde)\s*,?\s+(?:(?:richten we ons |gaat het )?(?:op|om)\s+)?")


def _enumerated(text: str) -> list[str]:
    """"Wij richten ons op A, daarnaast op B en tot slot op C": the points one by one (said back with the list)."""
    parts = [p.strip(" .,;") for p in _NEXT.split(_LEAD.sub("", text.strip()))]
    return parts if len(parts) >= 2 and all(parsing.word_count(p) >= 1 for p in parts) else []


_ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7, "achtste": 8,
             "laatste": -1}
_REMOVE = re.compile(r"\b(?:verwijder\w*|schrap\w*|haal\w*|wis|weghalen|eruit|(?:mag|moet|kan)\s+(?:er\s*uit|weg))\b")


# "de speerpunten kloppen niet, ik wil ze opnieuw invullen", "verwijder die speerpunten": about the list, no new one
_ABOUT_THE_LIST = re.compile(r"\bspeerpunt(?:en)?\b.*\b(?:klop\w* niet|fout|verkeerd|opnieuw)\b|"
                             r"\b(?:klop\w* niet|fout|verkeerd)\b.*\bspeerpunt(?:en)?\b")


def about_the_list(norm: str) -> bool:
    return bool(_REMOVE.search(norm) or _ABOUT_THE_LIST.search(norm))


_POINTED = re.compile(r"\b(?:haal|gooi)\s+(?:die|dat|deze|het)\s+(?:er\s*uit|weg)\b|"
                      r"\b(?:die|dat|deze)\s+(?:mag|moet|kan)\s+(?:er\s*uit|weg)\b")


def to_remove(norm: str, texts: list[str]) -> set[int]:
    """The positions "verwijder speerpunt 3, 4 en 5" / "schrap het laatste speerpunt" / "verwijder alle speerpunten" /
    "het speerpunt 'db' moet weg" names (``texts``: the speerpunten in their order); empty when none."""
    count = len(texts)
    if not count or not _REMOVE.search(norm):
        return set()
    if _POINTED.search(norm) and not re.search(r"\d|" + "|".join(_ORDINALS), norm):
        return {count}  # "huh, dat is geen speerpunt. haal die weg": the one just added
    if "speerpunt" not in norm:
        return set()
    if re.search(r"\b(?:alle|allemaal|al die|al de)\b", norm):
        return set(range(1, count + 1))
    named = {i for i, text in enumerate(texts, 1) if len(parsing.normalize(text)) >= 2
             and re.search(rf"(?<![\w]){re.escape(parsing.normalize(text).strip(' .'))}(?![\w])", norm)}
    if named and not re.search(r"\b\d{1,2}\b", norm):  # "verwijder speerpunt db", "het speerpunt 'db' moet weg"
        return named
    # only the sentence that removes: "verwijder speerpunt 6. En verander speerpunt 2 in: ..." removes 6
    norm = next(c for c in re.split(r"[.;!?]\s+|,?\s+en\s+(?=verander|wijzig|pas\b)", norm) if _REMOVE.search(c))
    numbers = {int(n) for n in re.findall(r"\b(\d{1,2})\b", norm)}
    numbers |= {count if _ORDINALS[w] == -1 else _ORDINALS[w] for w in re.findall(r"\b(" + "|".join(_ORDINALS) + r")\b",
                                                                                norm)}
    return {n for n in numbers if 1 <= n <= count}


def _remove_speerpunten(engine, plan, key: str, text: str, gone: set[int], messages: list[Message]) -> None:
    old = [sp.text for sp in plan.speerpunten]
    for point in [sp for sp in plan.speerpunten if sp.position in gone]:
        plan.speerpunten.remove(point)
    engine.session.flush()
    for i, point in enumerate(plan.speerpunten, 1):
        point.position = i
    repo.log_answer(engine.session, engine.person.id, engine.interview, key, text,
                    " | ".join(sp.text for sp in plan.speerpunten), True)
    engine.state.last_change = {"key": key, "item": None, "old": old, "correction": True,
                                "complete": plan.speerpunten_complete}
    numbers = sorted(gone)
    said = ", ".join(str(n) for n in numbers[:-1]) + " en " + str(numbers[-1]) if len(numbers) > 1 else str(numbers[0])
    messages.append(Message("speerpunten_verwijderd", {"nummers": said}))


_NO_MORE = re.compile(r"^(?:nee|neen|nope|nah)\b[\s,.!]*(?:hoor\s*,?\s*)?(?:" + "|".join(ENOUGH) + r")\b")


def _no_more(norm: str) -> bool:
    """"nee dat waren ze wel", "nee hoor, dat was het": no next speerpunt (found over make run)."""
    return parsing.word_count(norm) <= 8 and _NO_MORE.search(norm) is not None


def add_speerpunten(engine, key: str, text: str, messages: list[Message]) -> bool:
    """One or more speerpunten, or "klaar" when the list is complete; False when nothing could be kept."""
    plan = repo.get_or_create_strategic_plan(engine.session, engine.ctx.org)
    norm = parsing.normalize(text).strip(" .!")
    first = re.split(r"[,.!;]", norm)[0].strip()  # "Dat waren ze, dank u."
    short_no = parsing.parse_yes_no(text) is False and parsing.word_count(text) <= 3  # not "Nee, dat bedoelde ik niet"
    done = norm in DONE_WORDS or first in ENOUGH or short_no or _no_more(norm)
    gone = to_remove(norm, [sp.text for sp in plan.speerpunten])
    if gone:  # "Verwijder speerpunt 3, 4 en 5": those go, the others keep their order ("zet het terug" undoes it)
        _remove_speerpunten(engine, plan, key, text, gone, messages)
        return True
    if about_the_list(norm):  # "verwijder die ene", "de speerpunten kloppen niet": never a speerpunt itself
        lijst = "; ".join(f"{sp.position}. {sp.text}" for sp in plan.speerpunten)
        messages.append(Message("speerpunten_welke" if lijst else "speerpunten_welke_geen", {"lijst": lijst}))
        return False
    if engine.state.pending_question == key and engine.state.pending_item is not None:
        if not done:
            return _replace_speerpunt(engine, plan, key, text, messages)
        # "Klaar, dat waren ze" while one speerpunt was being changed: that one stays, and the list is complete
        messages.append(Message("correctie_gestopt", {"vraag_label": f"speerpunt {engine.state.pending_item}"}))
        engine.state.pending_question = engine.state.pending_item = None
    if done:
        if not plan.speerpunten:
            messages.append(Message("speerpunt_minstens_een"))
            return False
        plan.speerpunten_complete = True
        repo.log_answer(engine.session, engine.person.id, engine.interview, key, text,
                        " | ".join(sp.text for sp in plan.speerpunten))
        return True
    items = [_ORDINAL.sub("", i).strip() or i for i in _enumerated(text) or split_list(text)
             if not i.rstrip().endswith(":")]  # "eerste is ...", and no "Onze speerpunten zijn:" above a list
    if not items or any(parsing.word_count(i) == 0 for i in items):
        messages.append(Message("antwoord_leeg"))
        return False
    # "zet het terug" right after takes these away again (the list as it was, still open)
    engine.state.last_change = {"key": key, "item": None, "old": [sp.text for sp in plan.speerpunten],
                                "correction": True, "complete": False}
    for item in items:
        plan.speerpunten.append(Speerpunt(position=len(plan.speerpunten) + 1, text=item[:500]))
        repo.log_answer(engine.session, engine.person.id, engine.interview, "speerpunt", item, item)
    engine.session.flush()
    messages.append(Message("speerpunten_opgeslagen", {"aantal": formatting.count(len(items), "speerpunt",
                                                                                   "speerpunten"),
                                                       "lijst": "; ".join(items)})
                    if len(items) > 1 else Message("speerpunt_opgeslagen"))
    return True


def _replace_speerpunt(engine, plan, key: str, text: str, messages: list[Message]) -> bool:
    """"Het eerste speerpunt moet ... zijn": that one speerpunt gets the new text; the others stay."""
    position = engine.state.pending_item
    point = next((sp for sp in plan.speerpunten if sp.position == position), None)
    if point is None or parsing.says_nothing(text):
        messages.append(Message("antwoord_leeg"))
        return False
    old = point.text
    point.text = text.strip()[:500]
    if point.id is not None:  # the yearly plans' activities linked to it follow (found over make run)
        repo.rename_speerpunt(engine.session, point.id, old, point.text)
    repo.log_answer(engine.session, engine.person.id, engine.interview, "speerpunt", text, text, True)
    engine.state.last_change = {"key": key, "item": position, "old": old, "correction": True}
    engine.state.pending_question = engine.state.pending_item = None  # the change is made: the list goes on
    messages.append(Message("correctie_opgeslagen_van_naar", {
        "vraag_label": f"speerpunt {position}", "oud": formatting.quoted(old), "nieuw": formatting.quoted(point.text)}))
    return True


def speerpunt_text(engine, position: int) -> str | None:
    plan = engine.ctx.plan()
    point = next((sp for sp in plan.speerpunten if sp.position == position), None) if plan else None
    return point.text if point else None


def clear_speerpunten(engine, key: str) -> None:
    """"Wijzig de speerpunten": the list is filled in again (the old one stays in the answer log, and "zet het
    terug" brings it back)."""
    plan = engine.ctx.plan()
    old = [sp.text for sp in plan.speerpunten]
    repo.log_answer(engine.session, engine.person.id, engine.interview, key, "(lijst opnieuw invullen)",
                    " | ".join(old), True)
    engine.state.last_change = {"key": key, "item": None, "old": old, "correction": True}
    plan.speerpunten.clear()
    plan.speerpunten_complete = False


def restore_speerpunten(engine, old: list[str], complete: bool = True) -> None:
    plan = repo.get_or_create_strategic_plan(engine.session, engine.ctx.org)
    plan.speerpunten.clear()
    engine.session.flush()
    for i, text in enumerate(old, 1):
        plan.speerpunten.append(Speerpunt(position=i, text=text))
    plan.speerpunten_complete = complete and bool(old)
