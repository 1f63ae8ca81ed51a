"""SQLAlchemy models (1.4, 2.0 style) for the Leerkoers domain.

The cycle of the seed document: an organisation has a multi-year strategic plan with speerpunten,
a yearly plan (opleidingsjaarplan) with activities, and each employee has a POP with learning goals.
Every answer is also written to the append-only ``answer_log``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import declarative_base, relationship

from bot import clock, vocabulary

Base = declarative_base()

SECTORS = tuple(vocabulary.SECTORS)
ROLES = tuple(vocabulary.ROLES)
KINDS_OF_LEARNING = tuple(vocabulary.KINDS_OF_LEARNING)


def utcnow() -> datetime:
    return clock.utcnow()


class Organisation(Base):
    __tablename__ = "organisations"

    id = Column(Integer, primary_key=True)
    # answers to an organisation's own questions (stored_in: <record>.extra.<name>; docs/interviews.md)
    extra = Column(JSON, nullable=True)
    name = Column(String(200), nullable=False)
    name_key = Column(String(200), nullable=False, unique=True)
    external_id = Column(String(128), unique=True)  # the intranet's id ("org_id" of the token)
    sector = Column(String(30))
    employees = Column(Integer)
    has_works_council = Column(Boolean)
    cao = Column(String(100))
    created_at = Column(DateTime, nullable=False, default=utcnow)

    persons = relationship("Person", back_populates="organisation")
    strategic_plan = relationship(
        "StrategicPlan", back_populates="organisation", uselist=False, cascade="all, delete-orphan"
    )
    year_plans = relationship("YearPlan", back_populates="organisation", cascade="all, delete-orphan")


class Person(Base):
    __tablename__ = "persons"

    id = Column(String(128), primary_key=True)  # stable id from the intranet (or the chat sender)
    display_name = Column(String(200))
    role = Column(String(20), nullable=False, default="employee")
    organisation_id = Column(Integer, ForeignKey("organisations.id", ondelete="SET NULL"))
    manager_id = Column(String(128))  # the person's own manager: the token's "manager" claim, or the HR import
    manager_from = Column(String(10))  # "token" or "hr": where manager_id came from (a claim in the token wins)
    created_at = Column(DateTime, nullable=False, default=utcnow)

    organisation = relationship("Organisation", back_populates="persons")
    pops = relationship("Pop", back_populates="person", cascade="all, delete-orphan")


class StrategicPlan(Base):
    __tablename__ = "strategic_plans"

    id = Column(Integer, primary_key=True)
    # answers to an organisation's own questions (stored_in: <record>.extra.<name>; docs/interviews.md)
    extra = Column(JSON, nullable=True)
    organisation_id = Column(Integer, ForeignKey("organisations.id", ondelete="CASCADE"), unique=True)
    horizon_years = Column(Integer, nullable=False, default=3)
    future_vision = Column(Text)  # waar staat de organisatie over 3 jaar
    competences = Column(Text)  # welke competenties vraagt dit
    role_of_learning = Column(Text)  # welke rol kan leren en opleiden spelen
    support_base = Column(Text)  # draagvlak bij medewerkers (tip 1)
    works_council_involved = Column(String(20))  # ja / nee / gepland / geen_or (tip 2)
    speerpunten_complete = Column(Boolean, nullable=False, default=False)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)

    organisation = relationship("Organisation", back_populates="strategic_plan")
    speerpunten = relationship(
        "Speerpunt", back_populates="plan", cascade="all, delete-orphan", order_by="Speerpunt.position"
    )


class Speerpunt(Base):
    __tablename__ = "speerpunten"

    id = Column(Integer, primary_key=True)
    plan_id = Column(Integer, ForeignKey("strategic_plans.id", ondelete="CASCADE"), nullable=False)
    position = Column(Integer, nullable=False)
    text = Column(Text, nullable=False)

    plan = relationship("StrategicPlan", back_populates="speerpunten")


class YearPlan(Base):
    __tablename__ = "year_plans"
    __table_args__ = (UniqueConstraint("organisation_id", "year"),)

    id = Column(Integer, primary_key=True)
    organisation_id = Column(Integer, ForeignKey("organisations.id", ondelete="CASCADE"), nullable=False)
    year = Column(Integer, nullable=False)
    budget_cents = Column(Integer)
    activities_complete = Column(Boolean, nullable=False, default=False)
    # the evaluation of the year and of the strategic policy (tip 2: with the ondernemingsraad)
    eval_policy_changes = Column(Text)
    eval_works_council = Column(String(20))  # ja / nee / gepland
    eval_carry_over = Column(Boolean)  # unfinished activities go to next year's plan
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)

    organisation = relationship("Organisation", back_populates="year_plans")
    activities = relationship(
        "Activity", back_populates="year_plan", cascade="all, delete-orphan", order_by="Activity.position"
    )


class Activity(Base):
    __tablename__ = "activities"

    id = Column(Integer, primary_key=True)
    # answers to an organisation's own questions (stored_in: <record>.extra.<name>; docs/interviews.md)
    extra = Column(JSON, nullable=True)
    year_plan_id = Column(Integer, ForeignKey("year_plans.id", ondelete="CASCADE"), nullable=False)
    position = Column(Integer, nullable=False)
    title = Column(Text)  # wat
    target_group = Column(Text)  # voor welke functiegroep of welk team
    kind = Column(String(20))  # strategisch / loopbaan / vakgebied
    speerpunt_id = Column(Integer, ForeignKey("speerpunten.id", ondelete="SET NULL"))
    speerpunt_text = Column(Text)  # copy, so the link survives a changed list
    goal = Column(Text)  # doel en inhoud
    form = Column(Text)  # hoe
    period = Column(String(100))  # wanneer (genormaliseerd)
    provider = Column(Text)  # door wie
    cooperation = Column(Text)  # alleen of samen met andere organisaties
    cost_cents = Column(Integer)
    complete = Column(Boolean, nullable=False, default=False)
    # planned from an agreement of a POP-gesprek (deleted with it), or carried over from last year's plan
    agreement_id = Column(Integer, ForeignKey("agreements.id", ondelete="CASCADE"), index=True)
    carried_from_id = Column(Integer, ForeignKey("activities.id", ondelete="SET NULL"))
    # the evaluation at the end of the year
    eval_status = Column(String(20))  # gedaan / niet_gedaan / verschoven
    eval_cost_cents = Column(Integer)  # the real cost
    eval_effect = Column(Text)  # the effect, in a sentence

    year_plan = relationship("YearPlan", back_populates="activities")


class Pop(Base):
    __tablename__ = "pops"
    __table_args__ = (UniqueConstraint("person_id", "year"),)

    id = Column(Integer, primary_key=True)
    # answers to an organisation's own questions (stored_in: <record>.extra.<name>; docs/interviews.md)
    extra = Column(JSON, nullable=True)
    person_id = Column(String(128), ForeignKey("persons.id", ondelete="CASCADE"), nullable=False)
    year = Column(Integer, nullable=False)
    function = Column(Text)
    team = Column(Text)
    looking_back = Column(Text)
    contribution = Column(Text)
    strengths = Column(Text)
    development_points = Column(Text)
    ambition_short = Column(Text)
    ambition_long = Column(Text)
    wish_strategisch = Column(Text)
    wish_loopbaan = Column(Text)
    wish_vakgebied = Column(Text)
    support_needed = Column(Text)
    goals_complete = Column(Boolean, nullable=False, default=False)
    shared_with_manager = Column(Boolean, nullable=False, default=False)  # with the person's own manager only
    shared_with_manager_id = Column(String(128))  # that manager, by id: a new manager claim sees nothing (issue 29)
    shared_with_hr = Column(Boolean, nullable=False, default=False, server_default=false())  # and HR, if chosen
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)

    def is_shared_with(self, manager_id: str | None) -> bool:
        """Shared with this manager: the one the employee chose when she shared, not whoever her manager is now."""
        return bool(self.shared_with_manager and manager_id and self.shared_with_manager_id == manager_id)

    person = relationship("Person", back_populates="pops")
    goals = relationship(
        "LearningGoal", back_populates="pop", cascade="all, delete-orphan", order_by="LearningGoal.position"
    )
    agreements = relationship(
        "Agreement", back_populates="pop", cascade="all, delete-orphan", order_by="Agreement.position"
    )


class LearningGoal(Base):
    __tablename__ = "learning_goals"

    id = Column(Integer, primary_key=True)
    # answers to an organisation's own questions (stored_in: <record>.extra.<name>; docs/interviews.md)
    extra = Column(JSON, nullable=True)
    pop_id = Column(Integer, ForeignKey("pops.id", ondelete="CASCADE"), nullable=False)
    position = Column(Integer, nullable=False)
    text = Column(Text)
    kind = Column(String(20))
    deadline = Column(Text)
    result = Column(Text)  # meetbaar resultaat
    activity = Column(Text)  # leeractiviteit
    complete = Column(Boolean, nullable=False, default=False)

    pop = relationship("Pop", back_populates="goals")


DECISIONS = ("afgesproken", "aangepast", "niet_nu")  # per learning goal, in the POP-gesprek
PAYERS = ("werkgever", "medewerker", "samen", "subsidie")


class Agreement(Base):
    """What the manager and the employee agreed in the POP-gesprek about one learning goal.

    The manager records it; it counts once both confirmed. A change by the manager asks the employee to confirm
    again. Every change is kept in ``agreement_log``.
    """

    __tablename__ = "agreements"
    __table_args__ = (UniqueConstraint("pop_id", "position"),)

    id = Column(Integer, primary_key=True)
    pop_id = Column(Integer, ForeignKey("pops.id", ondelete="CASCADE"), nullable=False, index=True)
    position = Column(Integer, nullable=False)  # the learning goal's position in the POP
    goal_text = Column(Text, nullable=False)  # the goal as it was agreed, also when the POP changes later
    decision = Column(String(20))  # empty while the manager has not answered yet
    activity = Column(Text)
    period = Column(Text)
    cost_cents = Column(Integer)
    payer = Column(String(20))
    speerpunt_text = Column(Text)
    complete = Column(Boolean, nullable=False, default=True)  # False while the manager is still answering
    recorded_by = Column(String(128), nullable=False)  # the manager (person id from the token)
    manager_confirmed_at = Column(DateTime)
    employee_confirmed_at = Column(DateTime)

    pop = relationship("Pop", back_populates="agreements")
    log = relationship("AgreementLog", cascade="all, delete-orphan", order_by="AgreementLog.id")


class AgreementLog(Base):
    """Append-only history of an agreement: who recorded, changed or confirmed what, when."""

    __tablename__ = "agreement_log"

    id = Column(Integer, primary_key=True)
    agreement_id = Column(Integer, ForeignKey("agreements.id", ondelete="CASCADE"), nullable=False, index=True)
    person_id = Column(String(128), nullable=False)
    event = Column(String(20), nullable=False)  # vastgelegd, gewijzigd, bevestigd
    state = Column(JSON, nullable=False)  # the agreement after this event
    created_at = Column(DateTime, nullable=False, default=utcnow)


class InterviewState(Base):
    """Where a person is in an interview. The answers themselves live in the domain tables."""

    __tablename__ = "interview_states"
    __table_args__ = (UniqueConstraint("person_id", "interview"),)

    id = Column(Integer, primary_key=True)
    person_id = Column(String(128), ForeignKey("persons.id", ondelete="CASCADE"), nullable=False)
    interview = Column(String(20), nullable=False)
    status = Column(String(20), nullable=False, default="active")  # active / paused / done
    pending_question = Column(String(100))  # a question the person asked to correct
    asked_question = Column(String(100))  # the question the person saw last: answers are stored only there
    unsure_text = Column(Text)  # a message that may be the answer; the bot asked "is dit je antwoord?"
    unsure_request = Column(String(40))  # ... or this request
    # A value read from a sentence, said back and waiting for "klopt dat?" (or two readings offered as buttons):
    # {"key", "item", "text", "value", "said", "options": [[title, value], ...], "correction": bool}
    proposal = Column(JSON)
    pending_item = Column(Integer)  # the item (activity 6, learning goal 2) a correction is about
    last_change = Column(JSON)  # the last correction: {"key", "item", "old", "new"}; "zet het terug" restores "old"
    year = Column(Integer)
    subject_id = Column(String(128))  # POP-gesprek: the team member whose agreements are being recorded
    funding_tip_shown = Column(Boolean, nullable=False, default=False)  # a funding tip comes once per interview
    # Answers that belong to this round of the interview only (the funding questions: bot/interviews/funding.py)
    answers = Column(JSON)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class AnswerLog(Base):
    """Append-only: who answered which question with what text, and when."""

    __tablename__ = "answer_log"

    id = Column(Integer, primary_key=True)
    person_id = Column(String(128), ForeignKey("persons.id", ondelete="CASCADE"), nullable=False, index=True)
    interview = Column(String(20), nullable=False)
    question = Column(String(100), nullable=False)
    text = Column(Text, nullable=False)
    value = Column(Text)
    is_correction = Column(Boolean, nullable=False, default=False)
    created_at = Column(DateTime, nullable=False, default=utcnow)


class PendingDeletion(Base):
    """A person asked to delete their data; the Rasa server removes the conversation history after the turn."""

    __tablename__ = "pending_deletions"

    person_id = Column(String(128), primary_key=True)
    requested_at = Column(DateTime, nullable=False, default=utcnow)


class DeletionRecord(Base):
    """That someone's data was deleted, and when: a hash of the id, never the person's data.

    A backup made before the deletion still holds the person; `leerkoers herstel` deletes them again from the
    restored database with this register (ops/backup.py).
    """

    __tablename__ = "deletion_register"

    id = Column(Integer, primary_key=True)
    person_hash = Column(String(64), nullable=False, index=True)
    deleted_at = Column(DateTime, nullable=False, default=utcnow)


class PopAccess(Base):
    """Append-only: who was given or used access to a person's POP, and when (issue 29, item 3).

    Events: ``gedeeld`` and ``delen_gestopt`` (the owner shared with a manager or HR, or stopped), ``geopend`` (a
    manager or HR adviser opened the shared POP). The person's data export lists them with the agreements.
    """

    __tablename__ = "pop_access_log"

    id = Column(Integer, primary_key=True)
    owner_id = Column(String(128), ForeignKey("persons.id", ondelete="CASCADE"), nullable=False, index=True)
    viewer_id = Column(String(128), nullable=False)  # a person id, or "hr" for HR as a whole
    viewer_name = Column(Text)  # the name at the time, so the owner reads a name and not an id
    viewer_role = Column(String(20))
    event = Column(String(20), nullable=False)
    created_at = Column(DateTime, nullable=False, default=utcnow)


class UsedLink(Base):
    """A download link opened without the intranet token: it opens once (issue 29, item 2). Rows go after expiry."""

    __tablename__ = "used_links"

    link_id = Column(String(64), primary_key=True)
    expires_at = Column(DateTime, nullable=False, index=True)


class OrgChartEntry(Base):
    """One line of the organisation chart imported from the HR system (`leerkoers medewerkers importeer`).

    Used for the manager of a person whose token has no ``manager`` claim. ``organisation_key`` is the
    organisation's id as the tokens name it (``org_id``).
    """

    __tablename__ = "org_chart"
    __table_args__ = (UniqueConstraint("organisation_key", "person_id", name="uq_org_chart_person"),)

    id = Column(Integer, primary_key=True)
    organisation_key = Column(String(128), nullable=False)
    person_id = Column(String(128), nullable=False, index=True)
    name = Column(String(200), nullable=False)
    team = Column(String(200))
    manager_id = Column(String(128))
    role = Column(String(20), nullable=False)
    imported_at = Column(DateTime, nullable=False, default=utcnow)
