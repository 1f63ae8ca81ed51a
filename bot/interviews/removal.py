"""Taking one activity out of the yearly plan: "verwijder activiteit 4", "de tweede activiteit moet weg"; and
adding one to a plan that was finished ("ik wil nog een activiteit toevoegen aan het jaarplan").

The other activities keep their order and are numbered again; the budget that is left is said. "Zet het terug"
right after brings the activity back in its place (its fields are kept in ``interview_states.last_change``). An
activity that stands for an agreement of a POP-gesprek is not removed here: its agreement decides.
"""

from __future__ import annotations

import re

from bot.dutch import formatting, parsing
from bot.interviews.catalogue import ACTIVITY_TITLE, current
from bot.interviews.context import Message
from bot.storage.models import Activity

_REMOVE = re.compile(r"\b(?:verwijder\w*|schrap\w*|weghalen|haal\b.{0,40}\bweg|(?:moet|mag|kan)\s+(?:er\s*)?(?:uit|weg)|"
                     r"eruit)\b")
_ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7, "achtste": 8,
             "negende": 9, "tiende": 10}
_FIELDS = ("title", "target_group", "kind", "speerpunt_id", "speerpunt_text", "goal", "form", "period", "provider",
           "cooperation", "cost_cents", "complete", "extra")


def has_activities(interview: str) -> bool:
    """The interview asks the plan's activities one by one ("verwijder activiteit 4" is about them)."""
    return ACTIVITY_TITLE in current().places_of(interview)


def named(text: str) -> int | None:
    """The position of the activity a request to remove names ("verwijder activiteit 4", "haal de laatste activiteit
    weg" is -1), or None. A question how to do it ("hoe kan ik ... verwijderen?") names none."""
    norm = parsing.normalize(text).strip()
    if not _REMOVE.search(norm) or "activiteit" not in norm or norm.endswith("?"):
        return None
    number = re.search(r"\bactiviteit\s+(?:nummer\s+|nr\.?\s*)?(\d{1,2})\b", norm)
    if number:
        return int(number.group(1))
    ordinal = re.search(r"\b(" + "|".join(_ORDINALS) + r"|laatste)\s+activiteit\b", norm)
    if ordinal:
        return -1 if ordinal.group(1) == "laatste" else _ORDINALS[ordinal.group(1)]
    if re.search(r"\b(?:haal|gooi)\s+(?:die|deze|dat|hem|het)\s+(?:maar\s+)?weg\b|\b(?:die|deze)\s+(?:moet|mag)\s+weg\b", norm):
        return -1  # "klaar is geen activiteit. haal die weg": the one just added
    return None


def remove(engine, position: int) -> Message:
    """Remove activity ``position`` of the plan the interview is about."""
    plan = engine.ctx.year_plan()
    activities = sorted((a for a in plan.activities if a.title), key=lambda a: a.position) if plan else []
    if position == -1 and activities:
        position = activities[-1].position
    act = next((a for a in activities if a.position == position), None)
    if act is None:
        return Message("activiteit_onbekend", {"nummer": position})
    if act.agreement_id is not None:
        return Message("activiteit_van_afspraak", {"nummer": position})
    old = {f: getattr(act, f) for f in _FIELDS}
    last = act is activities[-1]
    plan.activities.remove(act)
    engine.session.flush()
    for i, other in enumerate(sorted(plan.activities, key=lambda a: a.position), 1):
        other.position = i
    engine.state.last_change = {"key": current().places[ACTIVITY_TITLE], "item": position, "old": old, "correction": True, "removed": True}
    engine.state.proposal = None
    state = engine.state
    if state.pending_item == position:  # a change of the removed activity was open: it has nothing to change now
        state.pending_question = state.pending_item = None  # (found over make run: the next answer crashed)
    elif state.pending_item is not None and state.pending_item > position:
        state.pending_item -= 1  # a change of a later activity follows it to its new number
    # the last one: no others were numbered again (found over make run: the message said they were)
    return Message("activiteit_verwijderd_laatste" if last else "activiteit_verwijderd",
                   {"nummer": position, "naam": formatting.quoted(old["title"]), "rest": _left(plan)})


def restore(engine, change: dict) -> Message:
    """"Zet het terug" after a removal: the activity in its old place again."""
    plan = engine.ctx.year_plan()
    position = change["item"]
    for other in sorted(plan.activities, key=lambda a: a.position, reverse=True):
        if other.position >= position:
            other.position += 1
            engine.session.flush()
    plan.activities.append(Activity(position=position, **change["old"]))
    engine.state.last_change = None
    engine.session.flush()
    return Message("teruggezet", {"vraag_label": f"activiteit {position}", "waarde": formatting.quoted(change["old"]["title"])})


def _left(plan) -> str:
    planned = sum(a.cost_cents or 0 for a in plan.activities if a.title)
    return formatting.format_euro((plan.budget_cents or 0) - planned)


_ANOTHER = re.compile(r"\b(?:voeg|zet)\b.{0,40}\bactiviteit\w*\b.{0,25}\b(?:toe|bij|erbij)\b|"
                      r"\bactiviteit\w*\b.{0,25}\b(?:toevoegen|erbij zetten|bijzetten|erbij|bij zetten)\b|"
                      r"\b(?:nog|extra|nieuwe)\s+(?:een\s+)?(?:extra\s+|nieuwe\s+)?activiteit\w*\b")


def wants_another(text: str) -> bool:
    """"ik wil nog een activiteit toevoegen", "voeg een training toe als activiteit", "er moet een activiteit bij"."""
    return bool(_ANOTHER.search(parsing.normalize(text or "")))


def reopen(engine) -> Message | None:
    """A finished plan gets one more activity: the plan is open again at a new activity's first question."""
    plan = engine.ctx.year_plan()
    if plan is None or engine.state.status != "done":
        return None
    plan.activities_complete = False
    engine.state.status = "active"
    engine.answer("ja")  # "Wil je nog een activiteit toevoegen?": the person just said so
    number = 1 + max((a.position for a in plan.activities if a.title), default=0)
    return Message("activiteit_erbij", {"jaar": plan.year, "nummer": number})
