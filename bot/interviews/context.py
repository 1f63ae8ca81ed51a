"""What the interview modules share: the messages they return and the records of one person's interview."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from bot.messages import Message  # noqa: F401 - re-exported: the interview modules import it from here
from bot.storage import repository as repo
from bot.storage.models import Organisation, Person, Pop, StrategicPlan, YearPlan

MAX_GOALS = 4
RESTART = "__opnieuw__"  # pseudo question: "weet je zeker dat je opnieuw wilt beginnen?"


def max_answer_length() -> int:
    """One answer is at most one message: LEERKOERS_MAX_MESSAGE_LENGTH (bot/settings.py)."""
    from bot.settings import get_settings

    return get_settings().max_message_length


@dataclass
class Reply:
    messages: list[Message]
    accepted: bool
    done: bool


@dataclass
class Ctx:
    session: Session
    person: Person
    interview: str
    today: date
    year: int | None = None
    # the records of this turn, looked up once (one turn is one session): {year: record}
    _found: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def org(self) -> Organisation | None:
        return self.person.organisation

    def plan(self) -> StrategicPlan | None:
        return self.org.strategic_plan if self.org else None

    def year_plan(self) -> YearPlan | None:
        if self.org is None or self.year is None:
            return None
        return self._once(("plan", self.org.id, self.year), lambda: repo.get_year_plan(self.session, self.org, self.year))

    def pop(self) -> Pop:
        year = self.year or self.today.year
        return self._once(("pop", year), lambda: repo.get_or_create_pop(self.session, self.person, year))

    def _once(self, key: tuple, find):
        """A record found before in this turn, unless it was deleted since; a record not there yet is looked up
        again (it may be made later in the turn)."""
        record = self._found.get(key)
        if record is not None:
            state = inspect(record)
            if not (state.deleted or state.was_deleted or state.detached):
                return record
        record = find()
        if record is not None:
            self._found[key] = record
        return record


def buttons(pairs: list[tuple[str, str]]) -> list[dict]:
    return [{"title": title, "payload": payload} for title, payload in pairs]
