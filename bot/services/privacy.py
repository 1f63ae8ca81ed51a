"""Personal data rights (AVG/GDPR): see your data, take it with you, delete it; and a retention period."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from sqlalchemy import delete, func, or_, select, update

from bot import clock
from bot.dutch.formatting import format_date
from bot.services import access
from bot.settings import get_settings
from bot.storage import conversation_store
from bot.storage.db import session_scope
from bot.storage.models import (
    Activity,
    Agreement,
    AgreementLog,
    AnswerLog,
    DeletionRecord,
    InterviewState,
    OrgChartEntry,
    PendingDeletion,
    Person,
    Pop,
    PopAccess,
)
from bot.vocabulary import ROLES


def summary(person_id: str) -> dict:
    with session_scope() as s:
        person = s.get(Person, person_id)
        answers = s.execute(select(func.count()).select_from(AnswerLog)
                            .where(AnswerLog.person_id == person_id)).scalar_one()
        pops = s.execute(select(Pop).where(Pop.person_id == person_id)).scalars().all()
        states = s.execute(select(InterviewState).where(InterviewState.person_id == person_id)).scalars().all()
        first = s.execute(select(func.min(AnswerLog.created_at)).where(AnswerLog.person_id == person_id)).scalar_one()
        return {
            "known": person is not None,
            "name": person.display_name if person else None,
            "role": person.role if person else None,
            "organisation": person.organisation.name if person and person.organisation else None,
            "answers": answers,
            "pops": len(pops),
            "shared": any(p.shared_with_manager for p in pops),
            "shared_with_hr": any(p.shared_with_hr for p in pops),
            "interviews": [st.interview for st in states],
            "since": format_date(first.date()) if first else None,
        }


ROLE_NAMES = {r.key: r.label for r in ROLES.values()}  # the roles in words


def summary_text(person_id: str) -> str:
    info = summary(person_id)
    if not info["known"] and not info["answers"]:
        return "Ik heb geen antwoorden van je bewaard. Wel bewaart Leerkoers het gesprek zelf."
    from bot.interviews import INTERVIEW_LABELS

    role = ROLE_NAMES.get(info["role"], "-")
    interviews = [INTERVIEW_LABELS.get(i, i) for i in info["interviews"]]
    lines = [f"- Naam: {info['name'] or '-'}", f"- Rol: {role}",
             f"- Organisatie: {info['organisation'] or '-'}",
             f"- Antwoorden (met eerdere versies): {info['answers']}" + (f", sinds {info['since']}" if info['since'] else ""),
             f"- POP: {'ja' if info['pops'] else 'nee'}" + (" (gedeeld met je leidinggevende)" if info["shared"] else ""),
             "- Vragenlijsten: " + (", ".join(interviews) or "geen"),
             "- Het gesprek met Leerkoers zelf (je berichten en de antwoorden van de bot)"]
    seen = access.access_lines(person_id)
    if info["pops"]:
        lines += ["Wie je POP kreeg of zag:", *seen] if seen else ["Niemand anders heeft je POP gezien."]
    return "\n".join(lines)


def export(person_id: str, conversation: list[dict] | None = None) -> bytes:
    """Everything stored about the person, machine-readable (JSON), with the conversation with the bot."""
    with session_scope() as s:
        person = s.get(Person, person_id)
        data: dict = {"exported_at": clock.now().isoformat(timespec="seconds"), "person_id": person_id}
        data["conversation"] = [{"from": m["from"], "text": m["text"]} for m in conversation or []]
        if person:
            data["person"] = {"name": person.display_name, "role": person.role,
                              "organisation": person.organisation.name if person.organisation else None,
                              "manager": person.manager_id, "manager_from": person.manager_from}
        data["org_chart"] = [{"organisation": e.organisation_key, "name": e.name, "team": e.team,
                              "manager": e.manager_id, "role": e.role,
                              "imported_at": e.imported_at.isoformat(timespec="seconds")}
                             for e in s.execute(select(OrgChartEntry).where(OrgChartEntry.person_id == person_id))
                             .scalars()]
        data["answers"] = [{"interview": a.interview, "question": a.question, "text": a.text, "value": a.value,
                            "correction": a.is_correction, "at": a.created_at.isoformat(timespec="seconds")}
                           for a in s.execute(select(AnswerLog).where(AnswerLog.person_id == person_id)
                                              .order_by(AnswerLog.id)).scalars()]
        data["pops"] = []
        for pop in s.execute(select(Pop).where(Pop.person_id == person_id)).scalars():
            fields = {c.name: getattr(pop, c.name) for c in Pop.__table__.columns
                      if c.name not in ("id", "person_id", "updated_at")}
            fields["goals"] = [{"text": g.text, "kind": g.kind, "deadline": g.deadline, "result": g.result,
                                "activity": g.activity, "extra": g.extra} for g in pop.goals]
            fields["agreements"] = [{"goal": a.position, "decision": a.decision, "activity": a.activity,
                                     "period": a.period, "cost_cents": a.cost_cents, "payer": a.payer,
                                     "speerpunt": a.speerpunt_text, "complete": a.complete,
                                     "manager_confirmed_at": a.manager_confirmed_at,
                                     "employee_confirmed_at": a.employee_confirmed_at} for a in pop.agreements]
            data["pops"].append(fields)
    # who was given, opened or used her POP, and when (issue 29, item 3)
    data["pop_access"] = [{"at": item["at"].isoformat(timespec="seconds"), "who": item["who"], "event": item["event"],
                           "text": item["text"]} for item in access.pop_access(person_id)]
    return json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def planned_agreements(person_id: str) -> int:
    """How many activities of an organisation's yearly plan come from the person's POP-gesprek: they leave the
    plan with her data (the deletion question says so)."""
    with session_scope() as s:
        return s.execute(select(func.count(Activity.id)).join(Agreement, Activity.agreement_id == Agreement.id)
                         .join(Pop, Agreement.pop_id == Pop.id).where(Pop.person_id == person_id)).scalar_one()


def delete_person(person_id: str) -> None:
    """Remove the person's answers, POP and interview state; the organisation's plans stay.

    The conversation history in Rasa's tracker store is removed by the Rasa server right after this turn
    (see rasa_addons/channel_common.py), because this turn's own events are written after the actions run.
    """
    with session_scope() as s:
        person = s.get(Person, person_id)
        name = person.display_name if person is not None else None
        forget(s, person_id)
        s.add(DeletionRecord(person_hash=person_hash(person_id)))
        if s.get(PendingDeletion, person_id) is None:
            s.add(PendingDeletion(person_id=person_id))
    settings = get_settings()
    purge_export_files(settings.exports_dir, person_id)
    if name:  # her name in her managers' conversations ("Leerdoel 1 van Eva de Vries", the button with her name)
        conversation_store.redact_name(settings.tracker_url, name, REMOVED, person_id)


def person_hash(person_id: str) -> str:
    return hashlib.sha256(f"leerkoers:{person_id}".encode()).hexdigest()


REMOVED = "(verwijderd)"  # stands in for a deleted person in another person's history


def forget(s, person_id: str) -> None:
    """Remove one person's answers, POP and interview state in session ``s``."""
    s.execute(delete(AnswerLog).where(AnswerLog.person_id == person_id))
    s.execute(delete(InterviewState).where(InterviewState.person_id == person_id))
    # where the person appears in someone else's records: a manager's open POP-gesprek, agreements they recorded
    s.execute(update(InterviewState).where(InterviewState.subject_id == person_id).values(subject_id=None))
    s.execute(update(Agreement).where(Agreement.recorded_by == person_id).values(recorded_by=REMOVED))
    s.execute(update(AgreementLog).where(AgreementLog.person_id == person_id).values(person_id=REMOVED))
    s.execute(delete(PopAccess).where(PopAccess.owner_id == person_id))
    s.execute(update(PopAccess).where(PopAccess.viewer_id == person_id).values(viewer_id=REMOVED, viewer_name=None))
    for pop in s.execute(select(Pop).where(Pop.person_id == person_id)).scalars():
        s.delete(pop)
    s.execute(delete(OrgChartEntry).where(OrgChartEntry.person_id == person_id))  # the HR import's line
    person = s.get(Person, person_id)
    if person is not None:
        _name_out_of_others_answers(s, person.display_name)
        s.delete(person)


def _name_out_of_others_answers(s, name: str | None) -> None:
    """Her name in what others answered (the manager who chose her for the POP-gesprek): "(verwijderd)"."""
    name = " ".join((name or "").split())
    if len(name) < 4:
        return
    pattern = re.compile(r"\s+".join(re.escape(w) for w in name.split()), re.IGNORECASE)
    rows = s.execute(select(AnswerLog).where(or_(func.lower(AnswerLog.text).contains(name.lower()),
                                                 func.lower(AnswerLog.value).contains(name.lower())))).scalars()
    for row in rows:
        row.text = pattern.sub(REMOVED, row.text or "")
        row.value = pattern.sub(REMOVED, row.value) if row.value else row.value


def forget_again(url: str, register_url: str) -> int:
    """After a restore into ``url``: delete again everyone the register of ``register_url`` says was deleted."""
    with session_scope(register_url) as s:
        deleted = set(s.execute(select(DeletionRecord.person_hash)).scalars())
    removed = 0
    with session_scope(url) as s:
        for person_id in list(s.execute(select(Person.id)).scalars()):
            if person_hash(person_id) in deleted:
                forget(s, person_id)
                removed += 1
        known = set(s.execute(select(DeletionRecord.person_hash)).scalars())
        s.add_all(DeletionRecord(person_hash=h) for h in deleted - known)
    return removed


def take_pending_deletion(person_id: str) -> bool:
    with session_scope() as s:
        row = s.get(PendingDeletion, person_id)
        if row is None:
            return False
        s.delete(row)
        return True


def purge_conversation(tracker_db: str, sender_id: str) -> int:
    """Delete one conversation from Rasa's conversation store (bot/storage/conversation_store.py)."""
    return conversation_store.delete_conversation(tracker_db, sender_id)


def purge_old_conversations(tracker_db: str, days: int) -> int:
    """The retention period: remove conversation events older than `days` days."""
    return conversation_store.delete_before(tracker_db, clock.timestamp() - days * 86400)


def purge_copied_pop_texts(tracker_db: str) -> int:
    """Remove the POP texts that older versions copied into managers' conversations (conversation_store.py)."""
    return conversation_store.delete_copied_pop_texts(tracker_db)


def purge_export_files(folder: Path, person_id: str | None = None, max_age_hours: float = 24) -> int:
    """Export files of the terminal chat: all of one person, or everyone's older than ``max_age_hours``."""
    if not folder.is_dir():
        return 0
    removed = 0
    limit = clock.timestamp() - max_age_hours * 3600
    for file in folder.iterdir():
        mine = person_id is not None and file.stem.endswith(f"-{person_id}")
        if file.is_file() and (mine or person_id is None and file.stat().st_mtime < limit):
            file.unlink(missing_ok=True)
            removed += 1
    return removed
