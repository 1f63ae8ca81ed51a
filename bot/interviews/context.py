"""What the interview modules share: the messages they return and the records of one person's interview."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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

    @property
    def org(self) -> Organisation | None:
        return self.person.organisation

    def plan(self) -> StrategicPlan | None:
        return self.org.strategic_plan if self.org else None

    def year_plan(self) -> YearPlan | None:
        if self.org is None or self.year is None:
            return None
        return repo.get_year_plan(self.session, self.org, self.year)

    def pop(self) -> Pop:
        return repo.get_or_create_pop(self.session, self.person, self.year or self.today.year)


def buttons(pairs: list[tuple[str, str]]) -> list[dict]:
    return [{"title": title, "payload": payload} for title, payload in pairs]
