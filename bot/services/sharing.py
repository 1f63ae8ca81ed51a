"""Who may read a POP: the employee shares it with their own manager (and HR if they choose); nobody else.

Each function is one unit of work with its own short-lived session.
"""

from __future__ import annotations

import re
from datetime import date

from bot.dutch import formatting
from bot.interviews import InterviewEngine
from bot.storage import repository as repo
from bot.storage.db import session_scope
from bot.vocabulary import plans

SHARE_RESULTS = ("geen_pop", "geen_leidinggevende", "gedeeld", "gedeeld_met_hr", "alleen_hr", "niet_gedeeld")


def share_pop(person_id: str, share: bool, today: date | None = None, with_hr: bool = False,
              not_hr: bool = False, with_manager: bool = True) -> str:
    """The employee decides who may read the POP: their own manager, and HR only when they choose that too.

    Returns one of SHARE_RESULTS. Without a known manager (the token has no "manager" claim) nothing is shared.
    """
    with session_scope() as s:
        person = s.get(repo.Person, person_id)
        pop = repo.pop_of(s, person, today.year if today else None) if person else None
        if pop is None:
            return "geen_pop"
        if not share:
            if pop.shared_with_manager or pop.shared_with_hr:
                _log_each(s, person, pop, "delen_gestopt")
            pop.shared_with_manager = pop.shared_with_hr = False
            pop.shared_with_manager_id = None
            repo.log_answer(s, person_id, "pop", "pop_delen", "nee", "niemand")
            return "niet_gedeeld"
        if with_hr and not with_manager:  # "deel mijn pop met HR": HR, and the manager only if chosen before
            if not pop.shared_with_hr:
                pop.shared_with_hr = True
                repo.log_access(s, person, "gedeeld", viewer_id="hr", role="hr")
            return "gedeeld_met_hr" if pop.shared_with_manager else "alleen_hr"
        if not person.manager_id:
            return "geen_leidinggevende"
        before = (pop.shared_with_manager_id if pop.shared_with_manager else None, pop.shared_with_hr)
        pop.shared_with_manager = True
        pop.shared_with_manager_id = person.manager_id  # this manager by name; a later manager claim sees nothing
        pop.shared_with_hr = (pop.shared_with_hr or with_hr) and not not_hr  # "niet met HR" takes HR away
        if before[1] and not pop.shared_with_hr:
            repo.log_access(s, person, "delen_gestopt", viewer_id="hr", role="hr")
        if before[0] != pop.shared_with_manager_id:
            repo.log_access(s, person, "gedeeld", viewer=s.get(repo.Person, person.manager_id),
                            viewer_id=person.manager_id, role="manager")
        if pop.shared_with_hr and not before[1]:
            repo.log_access(s, person, "gedeeld", viewer_id="hr", role="hr")
        repo.log_answer(s, person_id, "pop", "pop_delen", "ja", "leidinggevende en HR" if pop.shared_with_hr
                        else "leidinggevende")
        return "gedeeld_met_hr" if pop.shared_with_hr else "gedeeld"


_SOMEONE_ELSE = re.compile(r"\b(?:collega\w*|teamgeno(?:ot|ten)|teamlid|teamleden|buddy|mentor|maatje|vriend\w*|partner|"
                          r"iedereen|(?:het |mijn |ons |heel het |hele )team|afdeling|directie|directeur|"
                          r"ondernemingsraad)\b")
_NAMED = re.compile(r"\bmet\s+(?:mijn\s+|m'n\s+)?([A-Z][a-zà-ÿ]+)")


_WHO_SEES = re.compile(r"\b(?:wie|wat)\s+(?:kan|kunnen|mag|mogen|ziet|zien|leest|lezen)\b.{0,40}\b(?:pop|ontwikkelplan|"
                       r"antwoorden)\b|\bwat ziet\b.{0,30}\bvan (?:mij|mijn)\b|"
                       r"\bheeft\b.{1,40}\b(?:mijn|m'n)\s+(?:pop|ontwikkelplan)\b.{0,15}\b(?:bekeken|gezien|gelezen|geopend|"
                       r"ingekeken)\b|"
                       # "wie kan dit eigenlijk allemaal lezen?", "wie ziet dit?" (found over make run)
                       r"\bwie\s+(?:kan|kunnen|mag|mogen)\s+(?:dit|dat|het|deze|die)\b.{0,30}\b(?:lezen|zien|inzien|"
                       r"bekijken|openen)\b|\bwie\s+(?:ziet|leest|zien|lezen)\s+(?:dit|dat|het|deze|die)\b")
# "mag mijn collega het ook zien?", "kan mijn teamleider dit lezen": whether someone may read it, asked
_MAY_SEE = re.compile(r"^\s*(?:en\s+|o?k?,?\s*)?(?:mag|mogen|kan|kunnen)\s+(?:mijn|m'n|de|een|onze|ons|andere|het)?\s*"
                      r"[\w'-]+(?:\s+[\w'-]+)?\s+(?:het|dit|dat|die|hem|mijn|m'n|ook|straks|dan|nu|alles)\b[^.!?]{0,60}?"
                      r"\b(?:zien|lezen|inzien|inkijken|meelezen|bekijken)\b[^.!?]*(?:\?|$)")


def asks_who_sees(text: str) -> bool:
    """"wie kan mijn pop zien?", "wat ziet Petra van mijn pop?", "mag mijn collega het ook zien?": a question who may
    read the POP, never an order to share it."""
    lower = (text or "").lower().strip()
    return bool(_WHO_SEES.search(lower) or _MAY_SEE.search(lower))


def someone_else(person_id: str, text: str) -> bool:
    """"Deel mijn POP met mijn collega Ahmed": someone other than the person's own manager or HR is named. A POP is
    shared with those two only, so nothing is shared (found over make run: it was shared with the manager)."""
    if _SOMEONE_ELSE.search((text or "").lower()):
        return True
    names = {m.group(1).lower() for m in _NAMED.finditer(text or "")} - {"hr", "pop", "p", "mijn"}
    if not names:
        return False
    with session_scope() as s:
        person = s.get(repo.Person, person_id)
        manager = s.get(repo.Person, person.manager_id) if person and person.manager_id else None
        if manager is None or not manager.display_name:
            return False  # the manager has not been here yet: a name cannot be told apart from theirs
        own = set(re.findall(r"[a-zà-ÿ]+", manager.display_name.lower()))
    return bool(names - own)


def _log_each(s, person, pop, event: str) -> None:
    if pop.shared_with_manager and pop.shared_with_manager_id:
        repo.log_access(s, person, event, viewer=s.get(repo.Person, pop.shared_with_manager_id),
                        viewer_id=pop.shared_with_manager_id, role="manager")
    if pop.shared_with_hr:
        repo.log_access(s, person, event, viewer_id="hr", role="hr")


def end_manager_shares(s, person, new_manager_id: str | None) -> None:
    """The person's manager changes: what she shared with the former manager is no longer shared with anyone (the
    consent was for that manager, then). The former manager's id stays, so that she can be told; should the same
    manager come back later, she shares again herself. HR's share stays: HR did not change."""
    for pop in person.pops:
        if pop.shared_with_manager and pop.shared_with_manager_id != new_manager_id:
            repo.log_access(s, person, "delen_gestopt", viewer=s.get(repo.Person, pop.shared_with_manager_id),
                            viewer_id=pop.shared_with_manager_id, role="manager")
            pop.shared_with_manager = False


def shared_with_former_manager(person_id: str) -> bool:
    """The POP was shared with a manager who is no longer the person's manager (the token names another one): the
    new manager sees nothing until she shares again, and she is told so."""
    with session_scope() as s:
        person = s.get(repo.Person, person_id)
        pop = repo.current_pop(s, person) if person else None
        return bool(pop and pop.shared_with_manager_id and not pop.shared_with_manager
                    and pop.shared_with_manager_id != person.manager_id)


def visible_pops(session, viewer) -> list:
    """The POPs a viewer may read: a manager those their own employees shared with them; HR those shared with HR
    in the same organisation. Nobody else's."""
    from sqlalchemy import and_, or_, select

    from bot.storage.models import Person, Pop

    if viewer is None or not plans(viewer.role) or viewer.organisation_id is None:
        return []
    rule = and_(Person.manager_id == viewer.id, Pop.shared_with_manager.is_(True), Pop.shared_with_manager_id == viewer.id)
    if viewer.role == "hr":
        rule = or_(rule, Pop.shared_with_hr.is_(True))
    return session.execute(select(Pop).join(Person).where(Person.organisation_id == viewer.organisation_id,
                                                          Person.id != viewer.id, rule)
                           .order_by(Person.display_name)).scalars().all()


def shared_pops(viewer_id: str) -> list[tuple[str, str]] | None:
    """(name, owner id) of the POPs shared with the viewer; None when the viewer's role may not see any. A manager
    whose organisation is not known yet (development mode, before the first interview) has none: not 'employee'.

    The POPs themselves are read through a short-lived link (``pop_view``), so their text never lands in the
    viewer's conversation history and stops being readable the moment the employee stops sharing.
    """
    with session_scope() as s:
        viewer = s.get(repo.Person, viewer_id)
        if viewer is None or not plans(viewer.role):
            return None
        return [(pop.person.display_name or pop.person.id, pop.person.id) for pop in visible_pops(s, viewer)]


_POP_OF = re.compile(r"\bpop(?:'s)?\s+van\s+(?!(?:mij|mijn|m'n|me|het|de|een|ons|onze|jullie|iedereen|alle|jou|je|u|"
                     r"hem|haar|hen|dit|dat|deze|die|vorig|vorige|volgend|volgende|komend|komende|vandaag|mezelf|"
                     r"zichzelf|team|mijn)\b)([a-zà-ÿ][\w'-]+)", re.I)


def of_whom(text: str, pops: list[tuple[str, str]]) -> tuple[str | None, list[tuple[str, str]]]:
    """"laat de pop van sanne zien": (the name asked for, the shared POPs of that person); (None, all) when no one
    is named. A name not among them gets none (found over make run: Sanne was asked, Joris's POP was offered)."""
    m = _POP_OF.search(text or "")
    if m is None:
        return None, pops
    name = m.group(1).lower()
    return m.group(1), [(n, owner) for n, owner in pops if name in (n.lower().split() + [owner.lower()])]


def pop_view(viewer_id: str, owner_id: str) -> tuple[str, str]:
    """(name, summary) of a POP, checked again when it is read; PermissionError when it is no longer shared."""
    with session_scope() as s:
        viewer = s.get(repo.Person, viewer_id)
        for pop in visible_pops(s, viewer):
            if pop.person_id == owner_id:
                repo.log_access(s, pop.person, "geopend", viewer=viewer)
                return pop.person.display_name or owner_id, InterviewEngine(s, pop.person, "pop").summary()
    raise PermissionError("Deze POP is niet (meer) met jou gedeeld.")


_HR = r"(?:hr|p&o|personeelszaken|hr-advis\w*)"
_STOP_SHARING = re.compile(r"\b(?:stop\w*|niet meer|niet langer|intrek\w*|trek\w* .{0,20}in|verberg\w*|priv[eé]|"
                           r"alleen voor mij(?:zelf)?|met niemand|niet\s+(?:\w+\s+)?(?:delen|deel|gedeeld))\b")
_TO_MANAGER = re.compile(r"\bmet (?:alleen |enkel |ook )?(?:mijn |m'n |de )?(?:leidinggevende|manager|teamleider|baas)\b|"
                         r"\b(?:alleen|enkel)\s+(?:met|voor)\s+(?!mij\b|mezelf\b|niemand\b)\w+")  # "alleen met Lisa"
_NOT_HR = re.compile(rf"\b(?:niet|nooit|geen|zonder)\s+(?:met\s+|aan\s+|voor\s+|de\s+)?{_HR}\b|"
                     rf"\b{_HR}\b.{{0,25}}\b(?:niet|hoeft niet|mag niet|geen)\b")  # "HR hoeft het niet te zien"
_WITH_HR = re.compile(rf"\b(?:met|en|ook|aan)\s+(?:de\s+|ook\s+)?{_HR}\b")
# the words of sharing itself: "deel met nora", "graag delen", "laat hem maar zien aan Nora"
SHARE_WORDS = re.compile(r"\b(?:deel|delen|deelt|laat\b.{0,30}\bzien)\b")


def not_with_hr(text: str) -> bool:
    """"… dus niet met HR": HR may not read it (also when it could before)."""
    return _NOT_HR.search((text or "").lower()) is not None


def what_to_share(text: str, nlu_says_share: bool) -> tuple[bool, bool, bool]:
    """(share, with HR, with the manager) from the words of the message, the NLU's guess only when the words decide
    nothing: "Kunt u mijn POP delen met alleen mijn leidinggevende? Dus niet met HR." shares with the manager, never
    HR; "deel mijn pop met HR" shares with HR and adds nobody else (found over make run: the manager too)."""
    norm = (text or "").lower()
    if _STOP_SHARING.search(norm):
        return False, False, False
    share = bool(_TO_MANAGER.search(norm) or _WITH_HR.search(norm) or SHARE_WORDS.search(norm)) or nlu_says_share
    with_hr = share and bool(_WITH_HR.search(norm)) and not _NOT_HR.search(norm)
    return share, with_hr, share and (not with_hr or bool(_TO_MANAGER.search(norm)))


def who_sees(person_id: str, today: date | None = None) -> str | None:
    """Who may read the person's POP now, in words ("alleen jij", "jij en je leidinggevende Petra Kok"), or None
    without a POP."""
    with session_scope() as s:
        person = s.get(repo.Person, person_id)
        pop = repo.pop_of(s, person, today.year if today else None) if person else None
        if pop is None:
            return None
        readers = []
        opened = _opened(s, person_id)
        if pop.shared_with_manager and pop.shared_with_manager_id:
            manager = s.get(repo.Person, pop.shared_with_manager_id)
            name = manager.display_name if manager and manager.display_name else ""
            readers.append(f"je leidinggevende {name}".strip() + _when(opened.get(pop.shared_with_manager_id)))
        if pop.shared_with_hr:
            readers.append("HR" + _when(opened.get("hr")))
        return "alleen jij" if not readers else "jij en " + " en ".join(readers)


def _opened(session, person_id: str) -> dict[str, date]:
    """When each reader last opened the POP: {viewer id: date}, HR's readers together under "hr"."""
    found: dict[str, date] = {}
    for viewer_id, role, moment in repo.pop_openings(session, person_id):
        key = "hr" if role == "hr" else viewer_id
        found[key] = max(found.get(key, moment.date()), moment.date())
    return found


def _when(day: date | None) -> str:
    return f" (keek er het laatst in op {formatting.format_date(day)})" if day else " (heeft er nog niet in gekeken)"
