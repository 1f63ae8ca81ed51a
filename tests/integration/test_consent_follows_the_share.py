"""Issue 43, L7: when the manager claim changed back to a former manager, that manager could read the POP again
without a new share. Consent is bound to the share: a change of manager ends it, and only the person shares again."""

from __future__ import annotations

from bot.identity import Identity
from bot.services import interviews as service
from bot.services import sharing
from bot.storage.db import session_scope
from bot.storage.models import PopAccess
from tests.integration.cycle_helpers import EVA, MARK, pop_with_two_goals

NORA = Identity("nora", "Nora", "manager", "Gemeente Zeist", organisation_id="gm0355")
EVA_UNDER_NORA = Identity("eva", "Eva de Vries", "employee", "Gemeente Zeist", organisation_id="gm0355",
                          manager_id="nora")


def _names(manager: str) -> list[str]:
    return [name for name, _ in sharing.shared_pops(manager)]


def test_a_former_manager_who_comes_back_sees_nothing_until_she_shares_again(db_url, today):
    pop_with_two_goals(today)  # shared with Mark
    for person in (MARK, NORA):
        service.sync_identity(person)
    assert _names("mark") == ["Eva de Vries"]
    service.sync_identity(EVA_UNDER_NORA)  # another manager for a while
    assert sharing.shared_with_former_manager("eva")  # she is told
    service.sync_identity(EVA)  # and Mark again
    assert _names("mark") == [] and _names("nora") == []
    assert sharing.who_sees("eva") == "alleen jij"
    with session_scope() as s:
        events = [(a.event, a.viewer_id) for a in s.query(PopAccess).filter_by(owner_id="eva")]
    assert ("delen_gestopt", "mark") in events  # the log says when the share ended
    assert sharing.share_pop("eva", True) == "gedeeld"  # she chooses to share again
    assert _names("mark") == ["Eva de Vries"]


def test_a_share_with_hr_stays_when_the_manager_changes(db_url, today):
    pop_with_two_goals(today)
    assert sharing.share_pop("eva", True, with_hr=True) == "gedeeld_met_hr"
    service.sync_identity(EVA_UNDER_NORA)
    service.sync_identity(EVA)
    with session_scope() as s:
        from bot.storage.models import Pop

        [pop] = s.query(Pop).filter_by(person_id="eva").all()
        assert (pop.shared_with_manager, pop.shared_with_hr) == (False, True)
