"""Units of work for the conversation: each call opens one short-lived session.

These are the only functions the Rasa actions and the CLI need; they never share a session.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from bot import referral, requests
from bot.dutch import formatting
from bot.dutch.facts import Facts
from bot.dutch.parsing import normalize
from bot.funding.advice import about_a_scheme, about_funding
from bot.identity import Identity
from bot.interviews import (
    INTERVIEW_LABELS,
    INTERVIEW_QUESTIONS,
    RESTART,
    InterviewEngine,
    Message,
    Q,
    Reply,
    corrections,
    reading,
    remarks,
    removal,
)
from bot.interviews.answers import PER_UNIT
from bot.interviews.catalogue import current
from bot.services import sharing
from bot.services.during_interview import carry_out
from bot.services.people import sync_identity  # noqa: F401 - the actions and many tests call it from here
from bot.services.roles import may_start, refusal, role_may_start  # noqa: F401 - used by the actions
from bot.storage import repository as repo
from bot.storage.db import session_scope
from bot.understanding import (
    ANSWER,
    ANSWERED,
    HANDOFF,
    QUESTION,
    REMARK,
    Decision,
    decide,
    is_question,
    sounds_like_a_correction,  # noqa: F401 - the actions call it from here
    without_said_already,
)

INTERVIEW_NAMES = INTERVIEW_LABELS
# Why a message was kept aside instead of stored, and what the bot says then (understanding.Decision "hold")
KEPT_ASIDE = {QUESTION: "apart_gehouden_vraag", REMARK: "apart_gehouden_opmerking", "onaf": "apart_gehouden_onaf",
              "correctie": "apart_gehouden_correctie"}


@dataclass
class Turn:
    """What the bot says after an answer, plus the next question (None when the interview is done)."""

    messages: list[Message]
    prompt: Message | None
    accepted: bool
    done: bool
    summary: str | None = None
    extra: dict = field(default_factory=dict)
    request: str | None = None  # the request this message was understood as (None: an answer)
    unsure: str | None = None  # the request the bot asked about ("is dit je antwoord, of ...?")


@contextmanager
def _locked(person_id: str) -> Iterator[Session]:
    """A transaction that holds the person's lock: two messages of one person never interleave.

    Across threads, processes and Rasa servers: PostgreSQL locks the person's row until the commit, SQLite
    takes its single write lock at the start (``BEGIN IMMEDIATE``). The second message then reads the state
    the first one left behind, so it is stored under the question that is open by then, or asked again.
    """
    with session_scope(serial=True) as session:
        session.info["person"] = repo.lock_person(session, person_id)  # held: the identity map keeps it for the turn
        yield session


def _engine(session, person_id: str, interview: str, today: date | None = None,
            role: str | None = None) -> InterviewEngine:
    person = repo.get_or_create_person(session, person_id, role=role)
    return InterviewEngine(session, person, interview, today)


def asks_for_another_activity(text: str) -> bool:
    """"ik wil nog een activiteit toevoegen": the yearly plan, also when it was finished (``start(text=...)``)."""
    return removal.wants_another(text)


def start(person_id: str, interview: str, today: date | None = None, role: str | None = None,
          facts: Facts | None = None, again: bool = False, text: str = "") -> Turn:
    """Open (or resume) an interview; ``facts`` from the first message fill what they answer. ``again``: the person
    asks anew, so an interview that ends with advice ("welke subsidies passen?") starts a new round. ``text``: the
    message that opened it ("ik wil nog een activiteit toevoegen" reopens a finished plan at a new activity)."""
    with _locked(person_id) as s:
        engine = _engine(s, person_id, interview, today, role)
        was = engine.state.status
        if was == "done" and removal.has_activities(interview) and removal.wants_another(text):
            added = removal.reopen(engine)
            if added is not None:
                return Turn([added], engine.prompt(), accepted=True, done=False)
        engine.begin(again)
        understood = engine.use_facts(facts or Facts())  # also what the organisation's name says
        engine.state.status = "active"
        prompt = engine.prompt()
        messages = [understood] if understood else []
        if prompt is not None and text:  # "nu het opleidingsjaarplan voor 2027": the year it asks is already said
            messages += engine.take_year(text)
            prompt = engine.prompt()
        done = prompt is None
        if done:
            engine.state.status = "done"
            messages += engine.ended(Reply([], accepted=True, done=True)).messages
        ends_with_advice = current().ends_with(interview) is not None
        return Turn(messages, prompt, accepted=True, done=done,
                    summary=engine.summary() if done and not ends_with_advice else None,
                    extra={"resumed": not again and was in ("paused", "active") and _has_answers(s, person_id, interview)})


def _has_answers(session, person_id: str, interview: str) -> bool:
    return any(a.interview == interview for a in repo.answer_history(session, person_id))


def answer(person_id: str, interview: str, text: str, today: date | None = None) -> Turn:
    with _locked(person_id) as s:
        engine = _engine(s, person_id, interview, today)
        reply: Reply = engine.answer(text)
        prompt = None if reply.done else engine.prompt()
        return Turn(reply.messages, prompt, reply.accepted, reply.done,
                    summary=engine.summary() if reply.done else None)


def turn(person_id: str, interview: str, text: str, ranking: list[tuple[str, float]] | None = None,
         faq_response: str | None = None, topic: str | None = None, today: date | None = None,
         can_plan: bool = True) -> Turn:
    """One message while a question of an interview is open: its answer, or a request.

    The decision is made here, once, by ``understanding.decide`` (docs/dialogue.md). ``ranking`` is the NLU's
    intent ranking, best first. ``extra`` tells the adapter what else to do: ``paused`` (the interview
    stopped), ``switched`` (another interview started) or ``handoff`` (another part of the bot answers the
    request; the interview waits at the same question).
    """
    plain = without_said_already(text)
    if plain and plain != text:  # "teamleiders, had ik toch al gezegd": an answer with a sigh, not a remark
        text, ranking = plain, [(ANSWER, 1.0)]
    with _locked(person_id) as s:
        engine = _engine(s, person_id, interview, today)
        held_text, held_request = engine.take_held()
        key = engine.current_key()
        if held_text is not None and held_request == ANSWER and reading.agrees(text) and not engine.accepts_closed(text):
            text = "/" + ANSWER  # "Was het toch je antwoord?" - "ja": the kept message is the answer (unless "ja"
            # answers the open question itself: "Wil je nog een activiteit toevoegen?")
        elif held_request == PER_UNIT and held_text and reading.only_a_count(text):
            text = f"{held_text} voor {text}"  # "650 per persoon", then "twaalf teamleiders": 12 × € 650, said back
        position = removal.named(text) if removal.has_activities(interview) else None
        if position is not None:  # "verwijder activiteit 4": that one goes ("zet het terug" brings it back)
            return Turn([removal.remove(engine, position)], engine.prompt(), accepted=False, done=False)
        checked = reading.checked(engine, text)
        if checked is not None:  # "klopt het dat activiteit 2 nu 4740 euro kost?": what is stored, nothing changes
            return Turn(checked, engine.prompt(), accepted=False, done=False)
        confirmed = False  # the person chose to store the message kept aside
        decision = decide(text, ranking, closed_answer=engine.accepts_closed(text), interview=interview,
                          names_an_answer=reading.names_an_answer(engine, text, ranking, key))
        if engine.state.pending_question not in (None, RESTART) and corrections.lets_go(text):
            decision = Decision("request", "hervatten")  # "laat maar, niks wijzigen": the change is let go, not stored
        if text.strip() == "/" + ANSWER or reading.is_answer_button(text):  # the button "Ja, dit is mijn antwoord"
            if held_text is None:  # nothing kept aside (any more): its title is never an answer
                return Turn([Message("niets_apart_gehouden")], engine.prompt(), accepted=False, done=False)
            text, decision, confirmed = held_text, ANSWERED, True
        if decision.intent != "regeling_vraag" and (decision.kind != "request" or decision.intent == "subsidie_zoeken") \
                and about_a_scheme(text, decision.intent in (QUESTION, "subsidie_zoeken") or is_question(text)):
            decision = Decision("request", "regeling_vraag")  # "Meer uitleg: SLIM-regeling", "wie vraagt dat aan?"
        if decision.kind == "request" and decision.intent == "regeling_vraag" and not about_funding(text) \
                and not about_a_scheme(text, True):
            decision = Decision("hold", QUESTION)  # "weet niet, met p&o praten?": no scheme, no money: no list of 12
        if not confirmed and not engine.accepts_closed(text) \
                and referral.outside_during_interview(text, ranking, is_question(text)):
            decision = Decision("request", referral.OUTSIDE)  # "hoeveel vakantiedagen heb ik nog?": where to go
        if decision.kind == "request" and decision.intent == "faq" and not faq_response:
            decision = Decision("hold", QUESTION)  # no explanation to give: kept aside, never stored unasked
        if decision.kind == "request" and decision.intent == REMARK:
            decision = Decision("hold", REMARK)
        if interview == "pop" and decision.intent not in ("pop_delen", "pop_niet_delen") and sharing.asks_who_sees(text):
            decision = Decision("request", "pop_delen")  # "kan mijn leidinggevende dit lezen": who sees it, answered
        if decision == ANSWERED and not confirmed and reading.SAYS_WRONG.search(normalize(text)) \
                and not corrections.named_question(engine, text):
            decision = Decision("hold", "correctie")  # not lost, not stored: asked about
        answer_button = [{"title": reading.ANSWER_BUTTON, "payload": "/" + ANSWER}]
        noted = remarks.about_us(engine, key, text, can_plan, answer_button) \
            if decision in (ANSWERED, Decision("hold", REMARK)) and not confirmed else None
        if noted is not None:  # "we zijn een gemeente hoor, geen omgevingsdienst": said back, not the answer
            engine.hold(text, ANSWER)
            return Turn([noted], engine.prompt(), accepted=False, done=False, unsure=REMARK)
        other = reading.labelled_for_another(engine, text, key) if decision == ANSWERED and not confirmed else None
        if other is not None:  # "Mijn sterke punten: ..." where the team is asked: kept aside, the other one named
            engine.hold(text, ANSWER)
            said = Message("apart_gehouden_andere_vraag", {"ander": formatting.in_sentence(Q[other].label),
                                                           "vraag_label": engine.label_of(key)},
                           answer_button)
            return Turn([said], engine.prompt(), accepted=False, done=False, unsure=REMARK)
        if decision.kind == "hold" and key not in (None, RESTART):
            # not the answer as it stands (a question, a remark, half a sentence): kept aside, never lost, and the
            # person can still choose to store it with one button
            engine.hold(text, ANSWER)
            said = Message(KEPT_ASIDE[decision.intent], {"vraag_label": engine.label_of(key)},
                           answer_button)
            return Turn([said], engine.prompt(), accepted=False, done=False, unsure=decision.intent)
        if decision.kind == "unsure" and key not in (None, RESTART):
            engine.hold(text, decision.intent)
            label = requests.get(decision.intent).label if requests.get(decision.intent) else "iets anders doen"
            buttons = [*answer_button, {"title": label[0].upper() + label[1:], "payload": "/" + decision.intent}]
            return Turn([Message("antwoord_of_verzoek", {"vraag_label": engine.label_of(key), "verzoek": label},
                                 buttons)], None, accepted=False, done=False, unsure=decision.intent)
        if decision.kind != "request":
            reply: Reply = engine.answer(text)
            prompt = None if reply.done else engine.prompt()
            return Turn(reply.messages, prompt, reply.accepted, reply.done,
                        summary=engine.summary() if reply.done and not current().ends_with(interview) else None)
        if decision.intent in HANDOFF:
            if decision.intent == "gegevens_verwijderen":
                engine.pause()
            return Turn([], engine.prompt(), accepted=False, done=False, extra={"handoff": decision.intent},
                        request=decision.intent)
        messages, extra = carry_out(engine, decision.intent, text, faq_response, topic, can_plan)
        s.flush()
        prompt = None if extra else engine.prompt()
    if extra.get("switched"):
        started = start(person_id, extra["switched"], today)
        messages.append(Message("hervat" if started.extra.get("resumed") else f"start_{extra['switched']}"))
        return Turn(messages, started.prompt, accepted=False, done=started.done, summary=started.summary,
                    extra=extra, request=decision.intent)
    return Turn(messages, prompt, accepted=False, done=False, extra=extra, request=decision.intent)


def prompt(person_id: str, interview: str, today: date | None = None) -> Message | None:
    with _locked(person_id) as s:
        return _engine(s, person_id, interview, today).prompt()


def current_question(person_id: str, interview: str, today: date | None = None) -> str | None:
    with _locked(person_id) as s:
        return _engine(s, person_id, interview, today).current_key()


def pause(person_id: str, interview: str) -> None:
    with _locked(person_id) as s:
        _engine(s, person_id, interview).pause()


def unfinished_interview(person_id: str, person: Identity | None = None) -> str | None:
    """The interview to resume; with ``person``, only one that person may still work on (role from the token)."""
    with session_scope() as s:
        state = repo.latest_unfinished_state(s, person_id)
        if state is None or person is not None and not may_start(person, state.interview):
            return None
        return state.interview


def waiting_interview(person_id: str, person: Identity | None = None) -> str | None:
    """The interview whose question the person saw and left without saying 'stop' (the chat session ended): a
    message that answers it now belongs there. None when the person paused, finished, or may not work on it."""
    with session_scope() as s:
        state = repo.latest_unfinished_state(s, person_id)
        if state is None or state.status != "active" or state.asked_question is None:
            return None
        if person is not None and not may_start(person, state.interview):
            return None
        return state.interview


def go_back(person_id: str, interview: str, today: date | None = None) -> str | None:
    with _locked(person_id) as s:
        return _engine(s, person_id, interview, today).go_back()


def correct(person_id: str, interview: str, text: str | None, today: date | None = None) -> str | None:
    """Open the answer that ``text`` names for a new answer; its key, or None (nothing found, or a choice)."""
    with _locked(person_id) as s:
        engine = _engine(s, person_id, interview, today)
        found = corrections.apply(engine, text or "")
        return engine.state.pending_question if found is not None else None


@dataclass
class Correction:
    """A correction carried out: in which interview, what to say, and the question (or value said back) after it."""

    interview: str | None
    messages: list[Message]
    prompt: Message | None = None


def correction(person_id: str, text: str, preferred: str | None, person: Identity | None = None,
               today: date | None = None) -> Correction:
    """'Wijzig ...', 'de kosten van activiteit 6 kloppen niet': in the open interview when the words fit it, else in
    another interview the person started and may still work on."""
    order = [preferred] if preferred else []
    order += [i for i in INTERVIEW_QUESTIONS if i != preferred]
    if corrections.names_nothing(text or ""):  # "iets wijzigen" typed: every answer to choose from, as the button
        text = corrections.PAYLOAD
    if person is not None:
        order = [i for i in order if may_start(person, i)]
    for interview in order:
        with _locked(person_id) as s:
            if repo.get_state(s, person_id, interview) is None:
                continue
            engine = _engine(s, person_id, interview, today)
            if removal.has_activities(interview) and removal.named(text) is not None:  # "verwijder activiteit 4"
                engine.state.status = "active"
                return Correction(interview, [removal.remove(engine, removal.named(text))], engine.prompt())
            if reading.checks(text):  # "klopt het dat activiteit 3 nu 4000 euro kost?": what is stored, nothing changes
                checked = reading.checked(engine, text)
                if checked is None:
                    continue
                return Correction(interview, checked)
            first, more = corrections.first_of_several(text)
            messages = corrections.apply(engine, first)
            if messages is None:
                continue
            if more:  # two changes in one message: the first now, the next is asked for
                messages = [*messages, Message("correctie_een_tegelijk")]
            asks = not any(m.response == "correctie_welke" for m in messages)
            if asks:
                engine.state.status = "active"
            return Correction(interview, messages, engine.prompt() if asks else None)
    return Correction(None, [Message("correctie_onbekend")])


def correction_buttons(person_id: str, text: str, person: Identity | None = None) -> list[dict]:
    """The answers ``text`` may point at, in any interview the person started and may work on, as buttons that
    start that correction; nothing is changed."""
    buttons: list[dict] = []
    with session_scope() as s:
        for interview in INTERVIEW_QUESTIONS:
            if repo.get_state(s, person_id, interview) is None or person is not None and not may_start(person, interview):
                continue
            engine = _engine(s, person_id, interview)
            found = corrections.find(engine, text)
            value = found.value_text if found.target else None
            for target in ([found.target] if found.target else found.options or []):
                buttons.append({"title": corrections.option_title(engine, target),
                                "payload": corrections.payload(target, value)})
    return buttons[:6]


def undo(person_id: str, interview: str, today: date | None = None) -> Message:
    with _locked(person_id) as s:
        return _engine(s, person_id, interview, today).undo()


def restart(person_id: str, interview: str, today: date | None = None) -> None:
    with _locked(person_id) as s:
        _engine(s, person_id, interview, today).restart()


def summary(person_id: str, interview: str, today: date | None = None) -> str:
    with _locked(person_id) as s:
        return _engine(s, person_id, interview, today).summary()


def started_interviews(person_id: str) -> list[str]:
    with session_scope() as s:
        return [i for i in INTERVIEW_QUESTIONS if repo.get_state(s, person_id, i) is not None]


def finished_summary(person_id: str, interview: str, today: date | None = None) -> str | None:
    """The summary when the interview is complete, else None (also for one that ends with advice: said already)."""
    with _locked(person_id) as s:
        engine = _engine(s, person_id, interview, today)
        if not engine.is_done() or current().ends_with(interview):
            if engine.is_done():
                engine.state.status = "done"
            return None
        engine.state.status = "done"
        return engine.summary()


def ask_restart(person_id: str, interview: str) -> Message | None:
    """Open the interview at the question "opnieuw beginnen?"; returns that question."""
    with _locked(person_id) as s:
        engine = _engine(s, person_id, interview)
        engine.state.status = "active"
        engine.ask_restart()
        s.flush()
        return engine.prompt()
