"""How one viewer sees the planned activities that stand for agreements of POP-gesprekken.

An agreed activity is planning data ("Team van <manager>", never the person's name), but in a team smaller than
the overview's minimum group (LEERKOERS_OVERVIEW_MIN_GROUP, default 3) the team's name says who it is. So such
activities are shown one by one only to those who may know: the team's own manager, and whoever may see the
person's POP (the person, and the people she shares it with). Everyone else sees them merged into one line, the
team not named. The yearly plan's documents (bot/services/documents.py) and its chat summary
(bot/interviews/summaries.py) both read it from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.storage.models import Activity, Agreement, Person, Pop

MERGED_TITLE = "Afspraken uit POP-gesprekken van kleine teams"


def merged_group(minimum: int) -> str:
    """'Voor wie' of the merged line."""
    return f"teams van minder dan {minimum} mensen, samengevoegd"


def may_see_pop(viewer: Person | None, pop: Pop) -> bool:
    """The person herself, her own manager while she shares her POP with them, HR while she shares it with HR."""
    if viewer is None:
        return False
    person = pop.person
    return (viewer.id == person.id or viewer.id == person.manager_id and pop.is_shared_with(viewer.id)
            or viewer.role == "hr" and pop.shared_with_hr)


def origin_agreement(s: Session, act: Activity) -> Agreement | None:
    """The agreement an activity stands for, also when it is a copy carried to a later year."""
    seen: set[int] = set()
    while act is not None and act.agreement_id is None and act.carried_from_id and act.id not in seen:
        seen.add(act.id)
        act = s.get(Activity, act.carried_from_id)
    return s.get(Agreement, act.agreement_id) if act is not None and act.agreement_id else None


@dataclass
class PlanView:
    """The yearly plan as ``viewer`` may see it (one session, one viewer)."""

    session: Session
    viewer: Person | None
    minimum: int
    _sizes: dict = field(default_factory=dict, repr=False)

    def person_of(self, act: Activity) -> tuple[Person, Pop] | None:
        agreement = origin_agreement(self.session, act)
        if agreement is None or agreement.pop is None:
            return None
        return agreement.pop.person, agreement.pop

    def named(self, act: Activity) -> str | None:
        """The person's name, for a viewer who may see her POP; else None."""
        found = self.person_of(act)
        if found is None or not may_see_pop(self.viewer, found[1]):
            return None
        return found[0].display_name or found[0].id

    def merged(self, act: Activity) -> bool:
        """Whether this viewer sees the activity only merged with others: it stands for an agreement in a small
        team, and the viewer is neither that team's own manager nor someone who may see the POP."""
        found = self.person_of(act)
        if found is None:
            return False
        person, pop = found
        if self.viewer is not None and (self.viewer.id == person.manager_id or may_see_pop(self.viewer, pop)):
            return False
        return self._team_size(person) < self.minimum

    def _team_size(self, person: Person) -> int:
        key = (person.organisation_id, person.manager_id)
        if key not in self._sizes:
            manager = Person.manager_id == person.manager_id if person.manager_id else Person.manager_id.is_(None)
            self._sizes[key] = self.session.execute(
                select(func.count()).select_from(Person).where(Person.organisation_id == person.organisation_id,
                                                               manager)).scalar_one()
        return self._sizes[key]
