"""The interview engine: the next question, an answer, corrections, restart; over the stored answers.

The next question is always derived from what is stored: the first question without an answer,
or a question the person asked to correct. That makes resuming (also after a restart) trivial.
Texts of questions and replies live in the Rasa domain as responses named ``utter_<response>``;
this module only returns response names and parameters.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy.orm import Session

from bot import clock
from bot.dutch import formatting, parsing
from bot.dutch.facts import Facts, merge
from bot.dutch.facts import extract as extract_facts
from bot.dutch.facts import sentence as facts_sentence
from bot.interviews import groups, parts
from bot.interviews.answers import parse_answer
from bot.interviews.catalogue import (
    ACT_FIELDS,
    ACTIVITIES_DONE,
    BUDGET,
    GOAL_FIELDS,
    GOALS_DONE,
    INTERVIEW_LABELS,
    INTERVIEW_QUESTIONS,
    ORG_FIELDS,
    ORGANISATION_NAME,
    PLAN_FIELDS,
    SPEERPUNTEN,
    TOPIC_WORDS,
    Q,
    key_at,
)
from bot.interviews.context import RESTART, Ctx, Message, Reply, max_answer_length
from bot.interviews.context import buttons as make_buttons
from bot.interviews.flow import (
    NEXT,
    _current_goal,
    _last_activity,
    _last_goal,
    current_activity,
)
from bot.interviews.parts import Stored
from bot.interviews.storing import Storing
from bot.interviews.summaries import summary
from bot.storage import repository as repo
from bot.storage.models import Person


class InterviewEngine(Storing):
    """The engine of the strategy, the yearly plan and the POP; the cycle's interviews subclass it."""

    interviews: tuple[str, ...] = tuple(NEXT)

    def __init__(self, session: Session, person: Person, interview: str, today: date | None = None):
        if interview not in self.interviews:
            raise ValueError(f"onbekend interview: {interview}")
        self.today = today or clock.today()
        self.session = session
        self.person = person
        self.interview = interview
        self.state = repo.get_or_create_state(session, person.id, interview)
        year = self.state.year
        if interview in ("pop", "popgesprek") and year is None:
            year = self.state.year = self.today.year
        self.ctx = Ctx(session, person, interview, self.today, year)

    # -- navigation -------------------------------------------------------------------------------
    def current_key(self) -> str | None:
        pending = self.state.pending_question
        if pending == RESTART:
            return RESTART
        if pending and self._is_applicable(pending):
            return pending
        return self._next()

    def _next(self) -> str | None:
        """The first question without an answer (bot/interviews/flow.py)."""
        return NEXT[self.interview](self)

    def begin(self) -> None:
        """Called when the person opens the interview (again); the cycle's interviews start a new round here."""

    def _is_applicable(self, key: str) -> bool:
        if key in ACT_FIELDS:
            return _last_activity(self.ctx) is not None
        if key in GOAL_FIELDS:
            return _last_goal(self.ctx) is not None
        if key in PLAN_FIELDS or key == key_at(SPEERPUNTEN):
            return self.ctx.org is not None
        if key == key_at(BUDGET):
            return self.ctx.year_plan() is not None
        if key in ORG_FIELDS:
            return self.ctx.org is not None
        return True

    def accepts_closed(self, text: str) -> bool:
        key = self.current_key()
        if key is None or key == RESTART or key == key_at(SPEERPUNTEN):
            return False
        q = Q[key]
        if q.kind in ("open", "short"):
            return False
        return parse_answer(q, text, self.ctx).ok

    def use_facts(self, facts: Facts) -> Message | None:
        """Fill the organisation's questions that are still open from facts the person gave in free text.

        Returns the sentence that repeats what was filled ("Je werkt bij een gemeente met ongeveer 300
        medewerkers. Klopt iets niet? ..."), or None when nothing was.
        """
        org = self.ctx.org
        if org is None or self.interview not in ("strategie", "jaarplan"):  # only these ask the profile
            return None
        facts = merge(extract_facts(org.name or ""), facts)  # "Gemeente Oostmeer", "Installatiebedrijf Jansen"
        filled = Facts()
        if facts.sector and org.sector is None:
            org.sector = facts.sector
            filled = Facts(sector=facts.sector)
        if facts.employees and org.employees is None:
            org.employees = facts.employees
            filled = Facts(sector=filled.sector, employees=facts.employees)
        understood = facts_sentence(filled)
        return Message("feiten_begrepen", {"feiten": understood}) if understood else None

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
        """The message that asks the current question."""
        key = self.current_key()
        self.state.asked_question = key  # an answer is only ever stored for the question the person saw
        if key is None:
            return None
        if key == RESTART:
            # the strategy and the yearly plan belong to the whole organisation: colleagues lose them too
            shared = self.interview in ("strategie", "jaarplan")
            return Message("opnieuw_zeker_organisatie" if shared else "opnieuw_zeker",
                           {"interview_naam": INTERVIEW_LABELS[self.interview]},
                           make_buttons([("Ja, opnieuw beginnen", "ja"), ("Nee, ga verder", "nee")]))
        return parts.prompt(self, Q[key], self.item_params(key))

    def item_params(self, key: str) -> dict:
        """The values a question of a repeating group may name: the number of the activity or goal."""
        if key in ACT_FIELDS:
            plan = self.ctx.year_plan()
            return {"nummer": len(plan.activities) + (0 if current_activity(self.ctx) else 1) if plan else 1}
        if key in GOAL_FIELDS:
            return {"nummer": len(self.ctx.pop().goals) + (0 if _current_goal(self.ctx) else 1)}
        group = groups.group_of(key)
        if group is not None:
            return {"nummer": groups.number(self.ctx.pop(), group)}
        return {}

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
        q = Q[key]
        messages: list[Message] = []
        correcting = self.state.pending_question == key
        if key == key_at(SPEERPUNTEN):
            accepted = self._answerspeerpunten(text, messages)
        else:
            parsed = parse_answer(q, text, self.ctx)
            if not parsed.ok:
                return Reply([Message(parsed.error or "antwoord_onduidelijk")], accepted=False, done=False)
            correcting = correcting or self._has_value(key)
            self._store(Stored(key, text, parsed.value, None, not correcting, messages))
            accepted = True
            value = parsed.value
            stored = value.text if hasattr(value, "text") else ("" if value is None else str(value))
            repo.log_answer(self.session, self.person.id, self.interview, key, text, stored, correcting)
        if accepted and self.state.pending_question == key and (key != key_at(SPEERPUNTEN)
                                                                or self.ctx.plan().speerpunten_complete):
            self.state.pending_question = None
            messages.append(Message("correctie_opgeslagen"))
        self.state.status = "active"
        if accepted:
            self.state.asked_question = None  # the next prompt names the next question
        self.session.flush()
        done = self.is_done()
        if done:
            self.state.status = "done"
        return Reply(messages, accepted=accepted, done=done)

    def go_back(self) -> str | None:
        """Step back to the previous question of this interview (one that has an answer)."""
        self.state.asked_question = None  # the person's own request: the next prompt sets it
        current = self.current_key()
        order = INTERVIEW_QUESTIONS[self.interview]
        idx = order.index(current) if current in order else len(order)
        for key in reversed(order[:idx]):
            if key in (key_at(ACTIVITIES_DONE), key_at(GOALS_DONE)) or Q[key].loop or key == key_at(ORGANISATION_NAME) and self.organisation_fixed:
                continue
            if key == key_at(SPEERPUNTEN) and self.ctx.plan() and self.ctx.plan().speerpunten:
                return self.correct(key_at(SPEERPUNTEN))
            if self._has_value_any(key):
                return self.correct(key)
        return None

    def find_topic(self, topic: str | None) -> str | None:
        if not topic:
            return None
        t = parsing.normalize(topic)
        best: tuple[int, str] | None = None
        for key in INTERVIEW_QUESTIONS[self.interview]:
            for word in TOPIC_WORDS.get(key, ()) + (parsing.normalize(Q[key].label),):
                if re.search(rf"(?<![a-z]){re.escape(word)}", t) and (best is None or len(word) > best[0]):
                    best = (len(word), key)
        return best[1] if best else None

    @property
    def organisation_fixed(self) -> bool:
        """The organisation comes from the verified token: the conversation can never change it."""
        return self.ctx.org is not None and self.ctx.org.external_id is not None

    def correct(self, key: str) -> str | None:
        self.state.asked_question = None  # the person's own request: the next prompt sets it
        if key not in INTERVIEW_QUESTIONS[self.interview] or not self._has_value_any(key):
            return None
        if key == key_at(ORGANISATION_NAME) and self.organisation_fixed:
            return None
        if key == key_at(SPEERPUNTEN):
            plan = self.ctx.plan()
            repo.log_answer(self.session, self.person.id, self.interview, key_at(SPEERPUNTEN), "(lijst opnieuw invullen)",
                            " | ".join(sp.text for sp in plan.speerpunten), True)
            plan.speerpunten.clear()
            plan.speerpunten_complete = False
        self.state.pending_question = key
        self.state.status = "active"
        self.session.flush()
        return key

    def restart(self) -> None:
        self.state.asked_question = None  # the person's own request: the next prompt sets it
        self.state.funding_tip_shown = False  # a new interview may show its tip again
        ctx = self.ctx
        repo.log_answer(self.session, self.person.id, self.interview, "opnieuw_beginnen", "(opnieuw begonnen)")
        if self.interview == "strategie" and ctx.plan() is not None:
            ctx.org.strategic_plan = None
        elif self.interview == "jaarplan" and ctx.year_plan() is not None:
            plan = ctx.year_plan()
            agreed = [a for a in plan.activities if a.agreement_id is not None]
            if agreed:  # activities agreed in POP-gesprekken stay: they belong to the employees' agreements
                for act in [a for a in plan.activities if a.agreement_id is None]:
                    plan.activities.remove(act)
                plan.budget_cents, plan.activities_complete = None, False
            else:
                self.session.delete(plan)
            self.state.year = ctx.year = None
        elif self.interview == "pop":
            pop = repo.get_pop(self.session, self.person, ctx.year)
            if pop is not None:
                self.session.delete(pop)
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
        return summary(self.ctx)
