"""Taking an answer into an interview: stored, said back first, or refused; and what follows a stored answer.

InterviewEngine (engine.py) hands an answer to the question that is open here, with itself as ``engine``.
answers.py reads the text as a value of the question's kind; a value read from a sentence, an estimate or two
readings is said back first (proposals.py). A sure value is kept where the question file says (places.py, an own
group in groups.py, an item of a repeating group in items.py) and logged; a correction says the old and the new
value; the question's hooks run (``after:``, parts.py); details after "ja, en ..." fill a later question.
"""

from __future__ import annotations

import re

from bot.dutch import formatting, parsing
from bot.interviews import funding, groups, navigation, parts, places, proposals
from bot.interviews.answers import NAME_FILLER, PER_UNIT, described_parts, parse_answer
from bot.interviews.catalogue import INTERVIEW_QUESTIONS, SPEERPUNTEN, Q, current
from bot.interviews.context import RESTART, Message, Reply
from bot.interviews.context import buttons as make_buttons
from bot.interviews.fields import write
from bot.interviews.items import ITEMS
from bot.interviews.parts import HOOKS, Stored
from bot.interviews.real_costs import as_planned
from bot.storage import repository as repo
from bot.storage.models import Person


def answer_question(engine, key: str, text: str) -> Reply:
    """Read ``text`` as the answer to ``key``: stored when it is sure, said back when it was read from a
    sentence, offered as buttons when it can be read two ways."""
    q = Q[key]
    messages: list[Message] = []
    completed = _completes_the_last_answer(engine, key, text)
    if completed is not None:
        return completed
    if q.stored_in == SPEERPUNTEN:
        accepted = places.add_speerpunten(engine, key, text, messages)
        return _after_answer(engine, key, accepted, messages)
    before = _choice_before(key, text)
    if before is not None:  # "afgesproken" again where the activity is asked: the decision, stored already
        return Reply([Message("antwoord_is_vorige_keuze", {"vraag_label": before.label})], accepted=False, done=False)
    parsed = parse_answer(q, text, engine.ctx)
    if q.stored_in == "activity_evaluation.eval_cost_cents" and not parsed.ok:  # "precies wat begroot was"
        parsed = as_planned(engine, key, text) or parsed
    if not parsed.ok and "funding_facts" in q.after:  # "ik heb geen personeel, ik ben zzp'er": who is asking
        instead = funding.facts_instead(engine, key, text)
        if instead is not None:
            return instead
    if not parsed.ok:
        if parsed.error == "bedrag_per_persoon":
            engine.hold(text, PER_UNIT)  # the count may follow on its own ("twaalf teamleiders")
        messages = [Message(parsed.error or "antwoord_onduidelijk")]
        if engine.state.pending_question == key:  # stuck in a correction the person may not have meant
            messages.append(Message("correctie_laat_maar", {"vraag_label": engine.label_of(key, engine.state.pending_item)},
                                    make_buttons([("Laat maar, het oude is goed", "/hervatten")])))
        return Reply(messages, accepted=False, done=False)
    correcting = engine.state.pending_question == key
    described = None if correcting or "activity_parts" not in q.after else described_parts(q, text, engine.ctx)
    if described is not None:  # "Training Excel voor het secretariaat, € 3.000": every part said back first
        parsed.value, also, parsed.said = described
        proposals.make(engine, key, text, parsed, also=also)
        return Reply([], accepted=False, done=False)
    if q.estimates and not parsed.options and not parsed.sure:  # "ongeveer 300" where an estimate is asked for
        parsed.sure, parsed.echo = True, True
    if parsed.options or not parsed.sure:
        proposals.make(engine, key, text, parsed, correction=correcting,
                       old=engine.shown_value(key) if correcting else None)
        return Reply([], accepted=False, done=False)
    reply = keep(engine, key, text, parsed.value, said=parsed.said, rest=parsed.rest)
    if parsed.echo and reply.accepted and parsed.said:
        reply.messages.insert(0, Message("genoteerd", {"vraag_label": engine.label_of(key), "wat": parsed.said}))
    return reply


def _completes_the_last_answer(engine, key: str, text: str) -> Reply | None:
    """"Door ze mee te laten" was stored, then the whole sentence comes: it completes that answer (said so),
    and the question that is open now is asked again."""
    last = engine.state.last_change or {}
    previous = last.get("key")
    if last.get("correction") or previous in (None, key) or previous not in Q or Q[previous].kind not in ("open", "short"):
        return None
    before = navigation.value(engine, previous, last.get("item"))
    said, now = parsing.normalize(str(before or "")).rstrip(" .…"), parsing.normalize(text)
    if not isinstance(before, str) or len(said) < 8 or not now.startswith(said) or len(now) < len(said) + 4:
        return None
    engine.state.pending_question, engine.state.pending_item = previous, last.get("item")
    keep(engine, previous, text, text)
    engine.state.pending_question = engine.state.pending_item = None
    engine.state.asked_question = None
    return Reply([Message("antwoord_aangevuld", {"vraag_label": engine.label_of(previous, last.get("item")),
                                                  "nieuw": formatting.quoted(text)})], accepted=False, done=False)


def keep(engine, key: str, text: str, value, said: str | None = None, rest: str = "",
         also: dict | None = None) -> Reply:
    """Store ``value`` as the answer to ``key`` (``text``: what the person typed), then what follows it."""
    q = Q[key]
    messages: list[Message] = []
    value, problem = places.check(engine, q.stored_in, value, text)
    if problem is not None:
        return Reply([problem], accepted=False, done=False)
    correcting = engine.state.pending_question == key or navigation.answered(engine, key)
    item = navigation.item_position(engine, key)
    old = engine.shown_value(key, item) if correcting else None
    old_raw = proposals.to_json(navigation.value(engine, key, item)) if correcting else None
    store(engine, Stored(key, text, value, None, not correcting, messages, also=also or {}))
    shown = value.text if hasattr(value, "text") else value.display_name or value.id if isinstance(value, Person) \
        else ("" if value is None else str(value))  # a speerpunt or a person by name, never an object's repr
    repo.log_answer(engine.session, engine.person.id, engine.interview, key, text, shown, correcting)
    engine.state.last_change = {"key": key, "item": item, "old": old_raw, "correction": correcting}
    if engine.state.pending_question == key and old is not None and old == engine.shown_value(key, item):
        messages.append(Message("correctie_zelfde", {"vraag_label": engine.label_of(key, item), "oud": old}))
    elif engine.state.pending_question == key and old is not None:
        messages.append(Message("correctie_opgeslagen_van_naar", {
            "vraag_label": engine.label_of(key, item), "oud": old, "nieuw": engine.shown_value(key, item) or "geen"}))
    elif q.kind == "period" and said:
        messages.append(Message("periode_genoteerd", {"wat": said}))
    if rest:
        messages += _details(engine, key, value, rest)
    return _after_answer(engine, key, True, messages)


def _after_answer(engine, key: str, accepted: bool, messages: list[Message]) -> Reply:
    q = Q[key]
    if accepted and engine.state.pending_question == key and (q.stored_in != SPEERPUNTEN
                                                              or engine.ctx.plan().speerpunten_complete):
        engine.state.pending_question = None
        engine.state.pending_item = None
        if not any(m.response in ("correctie_opgeslagen_van_naar", "correctie_zelfde") for m in messages):
            messages.append(Message("correctie_opgeslagen"))
    engine.state.status = "active"
    if accepted:
        engine.state.asked_question = None  # the next prompt names the next question
    engine.session.flush()
    done = engine.is_done()
    if done:
        engine.state.status = "done"
    return Reply(messages, accepted=accepted, done=done)


def _details(engine, key: str, value, rest: str) -> list[Message]:
    """"Ja, en ...": the details after a yes or no fill a question they answer (said back first: the new
    item's first question after "ja" at "nog een?", else a later question with fixed answers), or the person
    hears that they were not stored."""
    engine.session.flush()
    for following in _questions_for_details(engine, key, value):
        if Q[following].kind == "short":  # a name: "dat is een e-learning AVG" -> "e-learning AVG"
            rest = NAME_FILLER.sub("", rest).strip() or rest
        # "ja, en dan wil ik leren onderhandelen": "Ik wil leren onderhandelen", a sentence of its own
        rest = re.sub(r"^(?:en\s+)?(?:dan\s+)?(wil|ga|moet|kan|zou)\s+ik\b", lambda m: "Ik " + m.group(1), rest)
        parsed = parse_answer(Q[following], rest, engine.ctx)
        if parsed.ok and (parsed.value not in (None, "") or parsed.options):
            parsed.said = parsed.said or formatting.quoted(rest)
            described = described_parts(Q[following], rest, engine.ctx) if "activity_parts" in Q[following].after \
                else None
            also = None
            if described is None and Q[key].kind == "choice":
                continue  # "afgesproken, zo gaan we het doen": a remark after the choice, no activity of its own
            if described is not None:  # "ja, een cursus Excel voor de administratie": its parts too
                parsed.value, also, parsed.said = described
            proposals.make(engine, following, rest, parsed, also=also)
            return [Message("details_gelezen")]
    if parsing.word_count(rest) <= (8 if Q[key].kind == "yesno" else 2):  # "ja, die hebben we", "ja, neem ze maar
        return []  # mee naar volgend jaar"; after a choice more is said back ("samen, met muziekschool Het Akkoord")
    return [Message("details_niet_bewaard", {"wat": formatting.quoted(rest)})]


def _questions_for_details(engine, key: str, value) -> list[str]:
    group = current().group_of(key)
    if group is not None and (key in (group.start, group.more) or group.start is None and key == group.keys[0]):
        following = engine.current_key()  # "ja, een cursus Excel": the new item's first question
        return [following] if value and following not in (None, RESTART, key) else []
    order = INTERVIEW_QUESTIONS[engine.interview]
    later = order[order.index(key) + 1:] if key in order else []
    return [k for k in later if current().group_of(k) is None and Q[k].kind not in ("open", "short", "list")
            and places.available(engine, Q[k].stored_in) and parts.applies(engine, Q[k])
            and not places.answered(engine, Q[k].stored_in)][:3]


def store(engine, stored: Stored) -> None:
    """Keep an accepted answer where its question file says, then run what follows it."""
    key, value = stored.key, stored.value
    group = current().group_of(key)
    if group is None:
        stored.item = places.store(engine, Q[key].stored_in, value, stored.messages)
        _after(engine, stored)
    elif group.items is None:
        stored.item = groups.store(engine.ctx.pop(), group, key, value, engine.state.pending_question == key)
        _after(engine, stored)
    elif key == group.more:
        ITEMS[group.items].close(engine, value)
    else:
        source = ITEMS[group.items]
        record = source.record(engine, navigation.target(engine, group, key, create=True), create=True)
        if Q[key].kind == "speerpunt":
            write(record, navigation.attribute(key), value.text if value else "")
            if hasattr(record, "speerpunt_id"):
                record.speerpunt_id = value.id if value else None
        else:
            write(record, navigation.attribute(key), value)
        stored.item = record
        _after(engine, stored)
        source.finished(engine, record, key, navigation.missing(engine, group, record) is None, stored.messages)
    engine.session.flush()


def _after(engine, stored: Stored) -> None:
    """The question's own hooks (``after:`` in its file), with the record the answer went to."""
    for hook in Q[stored.key].after:
        HOOKS[hook](engine, stored)


def _choice_before(key: str, text: str):
    """The question with fixed answers just before ``key`` in its group, when ``text`` is one of those answers and
    ``key`` asks for words (found over make run: "afgesproken" became the agreed learning activity)."""
    q, group = Q[key], current().group_of(key)
    if q.kind not in ("short", "open") or group is None or key not in group.keys or group.keys.index(key) == 0:
        return None
    before = Q[group.keys[group.keys.index(key) - 1]]
    said = parsing.normalize(text).strip(" .!")
    titles = {parsing.normalize(str(t)) for t, v in before.buttons} | {parsing.normalize(str(v)) for t, v in before.buttons}
    return before if before.kind == "choice" and said in titles else None
