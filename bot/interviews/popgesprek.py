"""The manager's side of the POP-gesprek as an interview: choose a team member, then per learning goal what was
agreed (questions/popgesprek.yml). Every answer is stored at once on the agreement of the goal that was shown;
a finished agreement is logged, planned in the yearly plan and waits for the employee (agreements.py).

Who may: at every turn the chosen team member is checked again (own team, same organisation, POP still
shared). When that no longer holds, the round stops and the manager chooses again.
"""

from __future__ import annotations

from bot.dutch import formatting, parsing
from bot.interviews import agreements as rules
from bot.interviews import parts
from bot.interviews.catalogue import AGREEMENT_FIELDS, LABELS_KIND, SUBJECT, Q, key_at
from bot.interviews.context import Message, Reply
from bot.interviews.engine import InterviewEngine
from bot.interviews.fields import read, write
from bot.interviews.parts import Stored
from bot.storage import repository as repo
from bot.storage.models import Agreement, Person


class PopGesprekEngine(InterviewEngine):
    interviews = ("popgesprek",)

    # -- who and which goal ------------------------------------------------------------------------
    def _subject_pop(self):
        """The chosen member's shared POP, checked again now; None (and the choice undone) when not allowed."""
        subject_id = self.state.subject_id
        if not subject_id:
            return None
        try:
            return rules.shared_pop(self.session, self.person, self.session.get(Person, subject_id))
        except rules.NotAllowed:
            self.state.subject_id = None
            return None

    def choices(self) -> list[Person]:
        """Team members whose POP of this year is shared with this manager and has learning goals."""
        result = []
        for member in rules.team_members(self.session, self.person):
            pop = repo.current_pop(self.session, member)
            if pop is not None and pop.is_shared_with(self.person.id) and rules.goals(pop):
                result.append(member)
        return result

    def _current(self) -> tuple[object, Agreement | None] | None:
        """(goal, agreement) of the first learning goal whose agreement is not finished."""
        pop = self._subject_pop()
        if pop is None:
            return None
        for goal in rules.goals(pop):
            agreement = next((a for a in pop.agreements if a.position == goal.position), None)
            if agreement is None or not agreement.complete:
                return goal, agreement
        return None

    def _last(self, key: str | None = None) -> Agreement | None:
        """The agreement a correction goes to when none is open: the one touched last that has an answer to
        ``key`` ("wijzig de kosten" goes to the agreement that has a cost)."""
        pop = self._subject_pop()
        if pop is None or not pop.agreements:
            return None
        attr = AGREEMENT_FIELDS.get(key or "")
        candidates = [a for a in pop.agreements if attr is None or read(a, attr) is not None] or pop.agreements
        return max(candidates, key=lambda a: (a.log[-1].id if a.log else 0, a.position))

    def _target(self, key: str) -> Agreement | None:
        current = self._current()
        if current is not None and current[1] is not None:
            return current[1]
        if self.state.pending_question == key:
            return self._last(key)
        return None

    def _missing(self, agreement: Agreement | None) -> str | None:
        for key, attr in AGREEMENT_FIELDS.items():
            if not parts.applies(self, Q[key], agreement):
                continue
            if agreement is None or read(agreement, attr) is None:
                return key
        return None

    # -- the engine's hooks ------------------------------------------------------------------------
    def begin(self) -> None:
        if self.state.status == "done" or self._subject_pop() is None:
            self.state.subject_id = None  # a new round: choose the team member
            self.state.pending_question = None

    def _next(self) -> str | None:
        if self._subject_pop() is None:
            return key_at(SUBJECT)
        current = self._current()
        return None if current is None else self._missing(current[1])

    def _is_applicable(self, key: str) -> bool:
        if key == key_at(SUBJECT):
            return True
        return self._subject_pop() is not None and self._target(key) is not None

    def _has_value(self, key: str) -> bool:
        if key == key_at(SUBJECT):
            return self._subject_pop() is not None
        agreement = self._target(key) or self._last(key)
        return agreement is not None and read(agreement, AGREEMENT_FIELDS[key]) is not None

    _has_value_any = _has_value

    def accepts_closed(self, text: str) -> bool:
        key = self.current_key()
        if key == key_at(SUBJECT):
            return self._member(text) is not None
        return super().accepts_closed(text)

    def _member(self, text: str) -> Person | None:
        norm = parsing.normalize(text).strip(" .!?")
        if not norm:
            return None
        options = self.choices()
        exact = [p for p in options if parsing.normalize(p.display_name or p.id) == norm]
        if exact:
            return exact[0]
        found = [p for p in options if norm in parsing.normalize(p.display_name or p.id)
                 or parsing.normalize(p.display_name or p.id) in norm]
        return found[0] if len(found) == 1 else None

    def answer(self, text: str) -> Reply:
        if self.current_key() == key_at(SUBJECT) and (text or "").strip() and self.state.asked_question in (None, key_at(SUBJECT)):
            member = self._member(text)
            if member is None:
                return Reply([Message("popgesprek_wie_onbekend")], accepted=False, done=False)
        return super().answer(text)

    def _store(self, stored: Stored) -> None:
        key, value, messages = stored.key, stored.value, stored.messages
        if key == key_at(SUBJECT):
            member = self._member(str(value))
            self.state.subject_id = member.id
            self.state.pending_question = None
            repo.log_access(self.session, member, "popgesprek", viewer=self.person)  # she can see who did
            if self._current() is None:
                messages.append(Message("popgesprek_al_vastgelegd", {"naam": member.display_name or member.id}))
            self.session.flush()
            return
        pop = self._subject_pop()  # held here: the session keeps only weak references
        current = self._current()
        agreement = self._target(key)
        if agreement is None:  # the first answer about this goal
            goal = current[0]
            agreement = Agreement(position=goal.position, goal_text=goal.text, recorded_by=self.person.id,
                                  complete=False)
            pop.agreements.append(agreement)
        if Q[key].kind == "speerpunt":
            value = value.text if hasattr(value, "text") else ""
        write(agreement, AGREEMENT_FIELDS[key], value)
        stored.item = agreement
        self._after(stored)
        if agreement.complete and self._missing(agreement) is not None:
            agreement.complete = False  # "niet nu" became "afgesproken": the activity, when, ... are asked now
            self.state.pending_question = None
        if self._missing(agreement) is None and (not agreement.complete or self.state.pending_question == key):
            event = rules.finish(self.session, agreement, self.person.id)
            messages.append(Message("afspraak_opgeslagen" if event == "vastgelegd" else "afspraak_gewijzigd",
                                    {"nummer": agreement.position}))
            self._budget_after(agreement, messages)
        self.session.flush()

    def _budget_after(self, agreement: Agreement, messages: list[Message]) -> None:
        """Where the agreed activity went: the yearly plan, and what is planned there against the budget."""
        pop = agreement.pop
        plan = repo.get_year_plan(self.session, pop.person.organisation, pop.year) if pop.person.organisation else None
        if plan is None or agreement.decision == "niet_nu":
            return
        total = sum(a.cost_cents or 0 for a in plan.activities if a.title)
        params = {"jaar": plan.year, "totaal": formatting.format_euro(total)}
        if plan.budget_cents is None:
            messages.append(Message("afspraak_in_jaarplan_zonder_budget", params))
        else:
            params.update(budget=formatting.format_euro(plan.budget_cents),
                          rest=formatting.format_euro(abs(plan.budget_cents - total)))
            messages.append(Message("afspraak_in_jaarplan" if total <= plan.budget_cents
                                    else "afspraak_in_jaarplan_over_budget", params))

    def prompt(self) -> Message | None:
        message = super().prompt()
        if message is not None and self.state.asked_question == key_at(SUBJECT) and not message.buttons:
            return Message("popgesprek_niemand_gedeeld")
        return message

    def item_params(self, key: str) -> dict:
        if key == key_at(SUBJECT):
            return {}
        pop = self._subject_pop()
        current = self._current()
        target = self._target(key) or self._last(key)
        goal = current[0] if current else next((g for g in pop.goals if target and g.position == target.position),
                                               None)
        # the goal by its number and kind, never its text: the manager reads that in the shared POP, so nothing
        # of the employee's own words stays in the manager's conversation (issue 29, item 4)
        return {"naam": pop.person.display_name or pop.person.id, "nummer": goal.position if goal else "",
                "soort": _kind(goal)}

    def restart(self) -> None:
        """Start over: choose the team member again. Recorded agreements stay (a change is a correction)."""
        repo.log_answer(self.session, self.person.id, self.interview, "opnieuw_beginnen", "(opnieuw begonnen)")
        self.state.subject_id = None
        self.state.pending_question = self.state.asked_question = None
        self.state.status = "active"
        self.session.flush()

    def summary(self) -> str:
        pop = self._subject_pop()
        if pop is None:
            return "- Nog geen medewerker gekozen"
        lines = [f"- Medewerker: {pop.person.display_name or pop.person.id}"]
        for agreement in sorted(pop.agreements, key=lambda a: a.position):
            lines.append(agreement_line(agreement))
        return "\n".join(lines)


def _kind(goal) -> str:
    return LABELS_KIND.get(goal.kind, "soort leren onbekend") if goal and goal.kind else "soort leren onbekend"


def agreement_line(agreement: Agreement) -> str:
    """One agreement in plain Dutch for the manager, with whether the employee confirmed it: the goal by its
    number, never its text (that is the employee's, in her POP)."""
    if not agreement.complete:
        return f"- Leerdoel {agreement.position}: nog niet klaar"
    parts = rules.described(agreement)
    confirmed = "bevestigd door de medewerker" if agreement.employee_confirmed_at else "wacht op de medewerker"
    return f"- Leerdoel {agreement.position}: {'; '.join(parts)} ({confirmed})"

