"""The interview engine: the next question, an answer, corrections, restart; over the stored answers.

One engine for every interview: what it asks, in which order, with which buttons, when, where an answer goes
and what follows it is in the interview's question file (catalogue.py), walked by navigation.py. The next
question is always derived from what is stored: the first question without an answer, or a question the person
asked to correct. That makes resuming (also after a restart) trivial. Texts of questions and replies live in the
Rasa domain as responses named ``utter_<response>``; this module only returns response names and parameters.
Taking an answer in (storing it or saying it back first, and what follows it) is in answering.py.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from bot import clock
from bot.dutch import formatting, parsing
from bot.dutch.facts import Facts, merge
from bot.dutch.facts import extract as extract_facts
from bot.dutch.facts import sentence as facts_sentence
from bot.dutch.values import parse_year
from bot.interviews import answering, funding, navigation, parts, places, profile, proposals
from bot.interviews.answers import parse_answer
from bot.interviews.catalogue import (
    INTERVIEW_LABELS,
    INTERVIEW_QUESTIONS,
    INTERVIEWS,
    ORGANISATION_NAME,
    SPEERPUNTEN,
    SUBJECT,
    Q,
    current,
)
from bot.interviews.context import RESTART, Ctx, Message, Reply, max_answer_length
from bot.interviews.context import buttons as make_buttons
from bot.interviews.parts import Stored
from bot.storage import repository as repo
from bot.storage.models import Person


class InterviewEngine:
    """The engine of every interview: the strategy, the yearly plan, the POP, the POP-gesprek, the evaluation."""

    def __init__(self, session: Session, person: Person, interview: str, today: date | None = None):
        if interview not in INTERVIEWS:
            raise ValueError(f"onbekend interview: {interview}")
        self.today = today or clock.today()
        self.session = session
        self.person = person
        self.interview = interview
        self.state = repo.get_or_create_state(session, person.id, interview)
        year = self.state.year
        if year is None and current().yearly_for_person(interview):  # the POP, the agreements: this year
            year = self.state.year = self.today.year
        self.ctx = Ctx(session, person, interview, self.today, year)

    # -- navigation -------------------------------------------------------------------------------
    def current_key(self) -> str | None:
        pending = self.state.pending_question
        if pending == RESTART:
            return RESTART
        if pending and navigation.applicable(self, pending):
            return pending
        return navigation.next_key(self)

    def begin(self, again: bool = False) -> None:
        """Called when the person opens the interview (again): the cycle's interviews start a new round here.
        ``again``: the person asks anew ("welke subsidies passen?"), so an interview that ends with advice starts
        a new round even when the last one was left halfway."""
        if again and current().ends_with(self.interview):
            self.state.status = "done"
        hook = parts.ON_BEGIN.get(self.interview)
        if hook is not None:
            hook(self)

    def choices(self) -> list[Person]:
        from bot.interviews.popgesprek import choices

        return choices(self)

    def accepts_closed(self, text: str) -> bool:
        """The text is a valid answer to a question with fixed answers (or a reply to "klopt dat?")."""
        key = self.current_key()
        if key is None or key == RESTART:
            return False
        if self.state.proposal:  # yes, no or one of the readings: the proposal decides (proposals.answer)
            if parsing.split_yes_no(text)[0] is not None or any(
                    parsing.normalize(text).strip(" .!") in (parsing.normalize(t), parsing.normalize(str(v)))
                    for t, v in self.state.proposal.get("options") or []):
                return True
        q = Q[key]
        if q.stored_in == SUBJECT:
            from bot.interviews.popgesprek import member

            return member(self, text) is not None
        if q.stored_in == SPEERPUNTEN and self.ctx.plan() is not None:  # "verwijder speerpunt 3 en 4"
            return places.about_the_list(parsing.normalize(text))  # removed, or the list is shown: never stored
        if q.kind in ("open", "short", "list"):
            return False
        parsed = parse_answer(q, text, self.ctx)
        # a question to the bot that contains a number ("kost dat 3000?") is no sure answer
        return parsed.ok and (parsed.sure or not text.rstrip().endswith("?"))

    def use_facts(self, facts: Facts) -> Message | None:
        """Fill the organisation's questions that are still open from facts the person gave in free text.

        Returns the sentence that repeats what was filled ("Je werkt bij een gemeente met ongeveer 300
        medewerkers. Klopt iets niet? ..."), or None when nothing was.
        """
        if "funding" in current().records_of(self.interview):  # the funding questions: this round's answers
            return funding.fill(self, facts)
        org = self.ctx.org
        asked = current().places_of(self.interview) - {ORGANISATION_NAME}
        if org is None or not any(place.startswith("organisation.") for place in asked):  # it asks no profile
            return None
        facts = merge(extract_facts(org.name or ""), facts)  # "Gemeente Oostmeer", "Installatiebedrijf Jansen"
        understood = facts_sentence(profile.take(org, facts, replace=False))
        return Message("feiten_begrepen", {"feiten": understood}) if understood else None

    def take_year(self, text: str) -> list[Message]:
        """The year named in the message that opened the interview answers its open year question ("nu het
        opleidingsjaarplan voor 2027"); what is said back, or nothing when no year question is open or named."""
        key = self.current_key()
        year = parse_year(text, self.today) if key is not None and Q[key].kind == "year" else None
        if year is None:
            return []
        reply = self.answer(str(year))
        if reply.accepted and not reply.messages:
            return [Message("genoteerd", {"vraag_label": self.label_of(key), "wat": str(year)})]
        return reply.messages

    def hold(self, text: str, request: str) -> None:
        """Keep a message that may be the answer while the bot asks "is dit je antwoord?"."""
        self.state.unsure_text, self.state.unsure_request = text, request

    def take_held(self) -> tuple[str | None, str | None]:
        held = (self.state.unsure_text, self.state.unsure_request)
        self.state.unsure_text = self.state.unsure_request = None
        return held

    def is_done(self) -> bool:
        return self.current_key() is None

    def prompt(self) -> Message | None:
        """The message that asks the current question (or says back a value waiting for "klopt dat?")."""
        key = self.current_key()
        self.state.asked_question = key  # an answer is only ever stored for the question the person saw
        if key is None:
            return None
        if self.state.proposal and key != RESTART:
            return proposals.prompt(self)
        if key == RESTART:
            # the policy, the yearly plan and its evaluation belong to the whole organisation: colleagues lose them too
            shared = current().shared(self.interview)
            return Message("opnieuw_zeker_organisatie" if shared else "opnieuw_zeker",
                           {"interview_naam": INTERVIEW_LABELS[self.interview]},
                           make_buttons([("Ja, opnieuw beginnen", "ja"), ("Nee, ga verder", "nee")]))
        if Q[key].stored_in == SPEERPUNTEN and self.state.pending_question == key and self.state.pending_item:
            return Message("vraag_speerpunt_wijzigen", {"nummer": self.state.pending_item})
        return parts.prompt(self, Q[key], navigation.item_params(self, key))

    # -- answering --------------------------------------------------------------------------------
    def answer(self, text: str) -> Reply:
        key = self.current_key()
        if key is None:
            return Reply([], accepted=False, done=True)
        text = parsing.without_control_characters(text or "").strip()
        if not text:
            return Reply([Message("antwoord_leeg")], accepted=False, done=False)
        if len(text) > max_answer_length():
            return Reply([Message("antwoord_te_lang", {"maximum": formatting.format_number(max_answer_length())})],
                         accepted=False, done=False)
        asked = self.state.asked_question
        if asked is not None and asked != key:
            # The question moved on since the person saw it (another window, a correction elsewhere).
            return Reply([Message("vraag_veranderd")], accepted=False, done=False)
        if key == RESTART:
            return self._answer_restart(text)
        reply = proposals.answer(self, text) if self.state.proposal else self.answer_question(key, text)
        return self.ended(reply)

    def ended(self, reply: Reply) -> Reply:
        """An interview that ends with advice instead of a summary says it with the last answer's reply."""
        end = current().ends_with(self.interview)
        if reply.done and end is not None:
            reply.messages += parts.AT_END[end](self)
        return reply

    def answer_question(self, key: str, text: str) -> Reply:
        """Read ``text`` as the answer to ``key`` and store it, or say it back first (answering.py)."""
        return answering.answer_question(self, key, text)

    def keep(self, key: str, text: str, value, said: str | None = None, rest: str = "",
             also: dict | None = None) -> Reply:
        """Store ``value`` as the answer to ``key`` (``text``: what the person typed), then what follows it
        (answering.py)."""
        return answering.keep(self, key, text, value, said=said, rest=rest, also=also)

    # -- corrections and restart ------------------------------------------------------------------
    def go_back(self) -> str | None:
        """Step back to the previous question of this interview (one that has an answer)."""
        self.state.asked_question = None  # the person's own request: the next prompt sets it
        self.state.proposal = None
        now = self.current_key()
        order = INTERVIEW_QUESTIONS[self.interview]
        idx = order.index(now) if now in order else len(order)
        for key in reversed(order[:idx]):
            group = current().group_of(key)
            if group is not None and key in (group.start, group.more):
                continue  # "nog een?" is not an answer to go back to
            if Q[key].stored_in == ORGANISATION_NAME and self.organisation_fixed:
                continue
            if navigation.has_answer(self, key):
                return self.correct(key)
        return None

    @property
    def organisation_fixed(self) -> bool:
        """The organisation comes from the verified token: the conversation can never change it."""
        return self.ctx.org is not None and self.ctx.org.external_id is not None

    def correct(self, key: str, item: int | None = None) -> str | None:
        """Open the answer to ``key`` (of the item numbered ``item``) for a new answer; None when there is none."""
        self.state.asked_question = None  # the person's own request: the next prompt sets it
        if key not in INTERVIEW_QUESTIONS[self.interview]:
            return None
        if Q[key].stored_in == SPEERPUNTEN and item is not None:
            if places.speerpunt_text(self, item) is None:
                return None
        elif navigation.value(self, key, item) is None if item is not None else not navigation.has_answer(self, key):
            return None
        if Q[key].stored_in == ORGANISATION_NAME and self.organisation_fixed:
            return None
        self.state.proposal = None
        if Q[key].stored_in == SPEERPUNTEN and item is None:
            places.clear_speerpunten(self, key)
        self.state.pending_question = key
        self.state.pending_item = item if item is not None else navigation.item_position(self, key)
        self.state.status = "active"
        self.session.flush()
        return key

    def cancel_correction(self) -> str | None:
        """"Laat maar": the answer that was opened for a correction stays as it was; the key, or None."""
        key = self.state.pending_question
        if key is None or key == RESTART or Q[key].stored_in == SPEERPUNTEN:
            return None  # (the list of speerpunten is filled in again once it is opened)
        self.state.pending_question = self.state.pending_item = self.state.proposal = None
        self.state.asked_question = None
        return key

    def shown_value(self, key: str, item: int | None = None) -> str | None:
        """The answer to ``key`` as the person reads it ("€ 2.000", „Het secretariaat”)."""
        from bot.interviews.corrections import shown

        return shown(self, key, item if item is not None else navigation.item_position(self, key))

    def label_of(self, key: str, item: int | None = None) -> str:
        from bot.interviews.corrections import label

        return label(self, key, item)

    def undo(self) -> Message:
        """"Zet het terug": the answer from before the last correction comes back."""
        change = self.state.last_change or {}
        key, item = change.get("key"), change.get("item")
        if not change.get("correction") or key not in Q or change.get("old") is None:
            return Message("terugzetten_niets")
        self.state.proposal = None
        if change.get("removed"):  # an activity taken out of the plan comes back in its place
            from bot.interviews.removal import restore

            return restore(self, change)
        if Q[key].stored_in == SPEERPUNTEN:
            return self._undo_speerpunten(change)
        self.state.pending_question, self.state.pending_item = key, item
        old = proposals.from_json(self, change["old"])
        answering.store(self, Stored(key, "(teruggezet)", old, None, False, []))
        repo.log_answer(self.session, self.person.id, self.interview, key, "(teruggezet)",
                        old.text if hasattr(old, "text") else str(old), True)
        self.state.pending_question = self.state.pending_item = None
        self.state.last_change = None
        self.session.flush()
        return Message("teruggezet", {"vraag_label": self.label_of(key, item), "waarde": self.shown_value(key, item)})

    def _undo_speerpunten(self, change: dict) -> Message:
        item, old = change.get("item"), change["old"]
        plan = self.ctx.plan()
        if item is not None:  # one speerpunt
            point = next((sp for sp in plan.speerpunten if sp.position == item), None) if plan else None
            if point is not None:
                point.text = old
        else:  # the whole list
            places.restore_speerpunten(self, old, change.get("complete", True))
        self.state.pending_question = self.state.pending_item = self.state.last_change = None
        self.session.flush()
        shown = formatting.quoted(old) if item is not None else "; ".join(formatting.quoted(t) for t in old) or "niets"
        return Message("teruggezet", {"vraag_label": f"speerpunt {item}" if item else "de speerpunten", "waarde": shown})

    def restart(self) -> None:
        """Start over; what goes is the interview's own (parts.ON_RESTART), every earlier answer stays logged."""
        self.state.asked_question = None  # the person's own request: the next prompt sets it
        self.state.proposal = self.state.pending_item = self.state.last_change = None
        self.state.funding_tip_shown = False  # a new interview may show its tip again
        repo.log_answer(self.session, self.person.id, self.interview, "opnieuw_beginnen", "(opnieuw begonnen)")
        parts.ON_RESTART[self.interview](self)
        self.state.pending_question = None
        self.state.status = "active"
        self.session.flush()
        self.session.expire_all()

    def ask_restart(self) -> None:
        self.state.asked_question = None  # the person's own request: the next prompt sets it
        self.state.pending_question = RESTART
        self.session.flush()

    def _answer_restart(self, text: str) -> Reply:
        choice = parsing.parse_yes_no(text)
        if choice is None:
            return Reply([Message("ja_of_nee")], accepted=False, done=False)
        self.state.pending_question = None
        if choice:
            self.restart()
            return Reply([Message("opnieuw_begonnen")], accepted=True, done=self.is_done())
        return Reply([Message("opnieuw_niet")], accepted=True, done=self.is_done())

    def pause(self) -> None:
        if self.state.status != "done":
            self.state.status = "paused"

    # -- summaries --------------------------------------------------------------------------------
    def summary(self) -> str:
        return parts.SUMMARIES[self.interview](self)
