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


def test_sharing_with_a_colleague_shares_with_nobody(db_url, today):
    """Found over make run (7 December 2026): "deel mijn pop met mijn collega Ahmed" shared the POP with the
    manager. A POP is shared with the own manager (and HR) only: naming anyone else shares nothing."""
    pop_with_two_goals(today)
    service.sync_identity(MARK)
    sharing.share_pop("eva", False)
    for text in ("deel mijn pop met mijn collega Ahmed", "ik wil dat Ahmed mijn POP ook kan lezen, deel hem met Ahmed",
                 "deel mijn pop met het team", "Deel mijn ontwikkelplan met Petra"):
        assert sharing.someone_else("eva", text), text
    for text in ("deel mijn pop met mijn leidinggevende", "deel mijn POP met Mark", "Deel mijn POP ook met HR",
                 "deel mijn pop met mijn teamleider"):
        assert not sharing.someone_else("eva", text), text
    assert sharing.who_sees("eva") == "alleen jij"


def test_a_name_is_not_refused_while_the_manager_was_never_here(db_url):
    """The manager's name is known once they used Leerkoers: before that "deel mijn pop met Piet" may mean them."""
    service.sync_identity(Identity("ilse", "Ilse", "employee", "Gemeente Zeist", organisation_id="gm0355",
                                   manager_id="piet"))
    assert not sharing.someone_else("ilse", "deel mijn pop met Piet")
    assert sharing.someone_else("ilse", "deel mijn pop met mijn collega Ahmed")
