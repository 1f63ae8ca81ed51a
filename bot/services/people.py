"""Who someone is, as the verified token says it (and, without a manager claim, the HR import's chart): stored
once per message (actions/common.py, ``synced_identity``), before anything else of the turn reads it."""

from __future__ import annotations

from bot.dutch import formatting
from bot.identity import Identity
from bot.services import org_chart, sharing
from bot.storage import repository as repo
from bot.storage.db import session_scope


def sync_identity(person: Identity) -> None:
    """Store what the verified token says: name, role and organisation."""
    with session_scope() as s:
        row = repo.get_or_create_person(s, person.person_id, role=person.role,
                                        display_name=formatting.person_name(person.name) or None)
        if not person.dev:  # at every turn: the token's manager claim, else the HR import's chart
            if person.manager_id:
                manager, source = person.manager_id, "token"
            else:
                manager = org_chart.manager_of(s, person.organisation_id, person.person_id)
                source = "hr" if manager else None
            if (row.manager_id, row.manager_from) != (manager, source):
                if row.manager_id != manager:
                    sharing.end_manager_shares(s, row, manager)
                row.manager_id, row.manager_from = manager, source
        if person.dev:
            return  # development mode: the interview asks for the organisation
        if person.organisation_id:
            org = repo.get_or_create_organisation_by_id(s, person.organisation_id, person.organisation)
        elif person.organisation:
            org = repo.get_or_create_organisation(s, person.organisation)
        else:
            return
        if row.organisation_id != org.id:
            row.organisation = org
