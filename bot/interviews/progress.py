"""'Hoe ver ben ik?': how many questions are answered, where the person is and about how many follow."""

from __future__ import annotations

from bot.dutch import formatting
from bot.interviews import navigation, parts, places
from bot.interviews.catalogue import BUDGET, Group, Q, current
from bot.interviews.context import RESTART, Message
from bot.interviews.items import ITEMS


def counts(engine) -> tuple[int, int]:
    """(answered, still to ask) over the interview's steps; a repeating group counts its items' questions and,
    while its list is open, the questions of one more item."""
    done = todo = 0
    for step in current().steps[engine.interview]:
        if isinstance(step, Group):
            d, t = _group(engine, step)
        else:
            q = Q[step]
            if places.available(engine, q.stored_in) and not parts.applies(engine, q):
                continue
            answered = places.available(engine, q.stored_in) and places.answered(engine, q.stored_in)
            d, t = (1, 0) if answered else (0, 1)
        done, todo = done + d, todo + t
    return done, todo


def _group(engine, group: Group) -> tuple[int, int]:
    if group.items is None:
        return (1, 0) if navigation.has_answer(engine, group.keys[0]) else (0, len(group.keys))
    source = ITEMS[group.items]
    if not source.available(engine):
        return 0, len(group.keys)
    done = sum(1 for item in source.all(engine) for key in group.keys
               if navigation.value(engine, key, item.position) is not None)
    if group.more is not None and source.closed(engine):
        return done, 0
    item = navigation.open_item(engine, group)
    record = source.record(engine, item, create=False) if item is not None else None
    missing = sum(1 for key in group.keys if record is None or navigation.value(engine, key, item.position) is None)
    return done, missing or len(group.keys)


def messages(engine) -> list[Message]:
    """The progress, and in the yearly plan what is planned against the budget ("hoeveel budget is er nog over?")."""
    from bot.interviews.parts import budget_message

    found = [message(engine)]
    plan = engine.ctx.year_plan() if BUDGET in current().places_of(engine.interview) else None
    if plan is not None and plan.budget_cents is not None:
        budget_message(plan, found, after_activity=True)
        if found[-1].response == "budget_stand":  # not "Opgeslagen": nothing was stored just now
            found[-1] = Message("budget_nu", found[-1].params)
    return found


def message(engine) -> Message:
    done, todo = counts(engine)
    key = engine.current_key()
    if key is None:
        return Message("voortgang_klaar", {"gedaan": done})
    where = "opnieuw beginnen" if key == RESTART else engine.label_of(key, navigation.item_position(engine, key))
    return Message("voortgang", {"gedaan": formatting.count(done, "vraag", "vragen"), "nog": max(todo, 1),
                                 "waar": where})
