"""The funding questions as an interview ("welke subsidies passen?"): what their question file names and only code
can do, and where their answers are kept.

The questions themselves are in questions/subsidie.yml and run in the interview engine like every other interview.
Their answers belong to one round: they are kept with the person's interview state (``funding.<field>``), filled
first from what the organisation's profile and the message that started the round say, and the advice is the
interview's end (``at_end: funding_advice``). What the person told about the organisation is kept in its profile
where that is still empty, as in every other interview.
"""

from __future__ import annotations

from bot.dutch.facts import Facts, about_us, extract
from bot.dutch.facts import sentence as facts_sentence
from bot.interviews import profile
from bot.interviews.context import Message, Reply
from bot.vocabulary import plans

FIELDS = ("individual", "sector", "employees", "purposes", "age", "employer_refuses")


class FundingAnswers:
    """The answers of this round, read and written as attributes (``funding.sector``) on the state's JSON."""

    def __init__(self, state) -> None:
        object.__setattr__(self, "_state", state)

    def __getattr__(self, name: str):
        if name not in FIELDS and name != "extra":
            raise AttributeError(name)
        return (self._state.answers or {}).get(name)

    def __setattr__(self, name: str, value) -> None:
        if name not in FIELDS:
            raise AttributeError(name)
        self._state.answers = {**(self._state.answers or {}), name: value}  # a new dict: SQLAlchemy sees it


def answers(engine) -> FundingAnswers:
    return FundingAnswers(engine.state)


def organisation_profile(org) -> tuple[str | None, int | None]:
    """The sector and size of an organisation, for funding advice: "Gemeente Zeist" says the sector."""
    if org is None:
        return None, None
    return org.sector or extract(org.name or "").sector, org.employees


def new_round(engine, again: bool = False) -> None:
    """A round that ended (or ``again``: someone asks anew) starts empty, then takes what the organisation's profile
    says; a round left halfway goes on where it was."""
    if engine.state.status != "done" and not again and engine.state.answers is not None:
        return
    before = engine.state.answers or {}
    engine.state.answers = {k: before[k] for k in _ABOUT_THE_PERSON if before.get(k) is not None}
    engine.state.pending_question = engine.state.pending_item = engine.state.proposal = None
    engine.state.last_change = None
    sector, employees = organisation_profile(engine.ctx.org)
    found = answers(engine)
    # a manager's or HR adviser's profile is the organisation's truth, also when it was corrected elsewhere since the
    # last round (found over make run: the size corrected to 48 in the policy went back to the round's 45); an
    # employee's own estimate stays with that employee's rounds
    profile_wins = plans(engine.ctx.person.role)
    if sector and (found.sector is None or profile_wins):
        found.sector = sector
    if employees and (found.employees is None or profile_wins):
        found.employees = employees


# What the person told in an earlier round and still holds in a new one (found over make run: the age and a
# corrected size were lost when a new question started a new round); what the money is for, and whether it is for
# the person's own course, belong to the question and are asked anew.
_ABOUT_THE_PERSON = ("sector", "employees", "age", "employer_refuses")


def individual(facts: Facts) -> bool:
    """Money for oneself: someone who pays a course themselves, or who works for themselves."""
    return facts.payer == "zelf" or "zzp" in facts.purposes


def fill(engine, facts: Facts) -> Message | None:
    """Answer the round's questions from facts the person stated; the sentence that says what was understood."""
    found = answers(engine)
    facts = about_us(facts, organisation_profile(engine.ctx.org)[0])  # the own sector decides
    if individual(facts):
        found.individual = True
    if facts.employer_refuses:
        found.employer_refuses = True
    if facts.sector and "zzp" not in facts.purposes:
        found.sector = facts.sector
    if facts.employees and not found.individual:
        found.employees = facts.employees
    purposes = purposes_of(found) | {p for p in facts.purposes if p in _purposes()}
    if purposes != purposes_of(found):
        found.purposes = ",".join(sorted(purposes))
    if facts.age:
        found.age = facts.age
    if facts.cao and plans(engine.ctx.person.role):  # said back below, so kept: in the profile, as sector and size
        profile.take(engine.ctx.org, Facts(cao=facts.cao), replace=True)
    said = facts_sentence(facts)
    return Message("feiten_begrepen", {"feiten": said}) if said else None


def purposes_of(found: FundingAnswers) -> set[str]:
    """What the money is for, as stored: keys joined by commas ('onbekend': not known yet)."""
    return {p for p in (found.purposes or "").split(",") if p in _purposes()}


def _purposes() -> set[str]:
    from bot.funding.advice import PURPOSES

    return PURPOSES


def for_an_organisation(engine, _key, _item) -> bool:
    """The sector and size matter: not for someone who pays themselves or works for themselves."""
    return not answers(engine).individual


def take_facts(engine, stored) -> None:
    """Other facts in the same answer ("een gemeente met 300 medewerkers") fill their questions too."""
    facts = extract(stored.text)
    found = answers(engine)
    if individual(facts):
        found.individual = True
    if facts.employer_refuses:
        found.employer_refuses = True
    if facts.sector and found.sector is None and not individual(facts):
        found.sector = facts.sector
    if facts.employees and found.employees is None and stored.key != _key_at(engine, "funding.employees"):
        found.employees = facts.employees
    if facts.age:
        found.age = facts.age


def _key_at(engine, place: str) -> str | None:
    from bot.interviews.catalogue import current

    return current().places.get(place)


def facts_instead(engine, key: str, text: str) -> Reply | None:
    """An answer that is no value of the question but states who is asking ("ik heb geen personeel, ik ben zzp'er"
    at the sector question): what it says is taken, and the questions go on from there. None when it says nothing."""
    facts = extract(text)
    if not (individual(facts) or facts.sector or facts.employees or facts.age or facts.employer_refuses):
        return None
    before = dict(engine.state.answers or {})
    understood = fill(engine, facts)
    if (engine.state.answers or {}) == before:
        return None
    engine.state.asked_question = None  # the next prompt names the next question
    engine.session.flush()
    done = engine.is_done()
    if done:
        engine.state.status = "done"
    return Reply([understood] if understood else [], accepted=True, done=done)


def advice(engine) -> list[Message]:
    """The end of a round: the schemes that fit its answers; the organisation's profile keeps what it lacked."""
    from bot.funding import advice as funding_advice

    found = answers(engine)
    sector = None if found.sector in (None, "nvt") else found.sector
    employees = found.employees if isinstance(found.employees, int) else None
    purposes = purposes_of(found)
    if "zzp" in purposes:  # someone who works for themselves: no organisation's sector counts
        sector = None
    elif found.individual:
        purposes.add("individueel")
    org = engine.ctx.org
    if org is not None and "zzp" not in purposes and plans(engine.ctx.person.role):
        # about the employer (also of someone who pays themselves); only a manager or HR fills the organisation's
        # profile: an employee's estimate stays with that employee's own rounds
        # what they said last counts: "nee, we zijn met ongeveer 320" also changes the profile (found over make run:
        # the round said 320, the yearly plan's summary still 300)
        profile.take(org, Facts(sector=sector, employees=employees), replace=True)
    result = funding_advice.advise(sector, None if found.individual else employees, purposes, age=found.age,
                                   today=engine.today, employer_may_pay=not found.employer_refuses)
    return result.messages()


def purposes_said(value) -> str:
    """What the money is for, in words: "een training voor een groep en medewerkers die ouder zijn"."""
    from bot.dutch.formatting import listing
    from bot.vocabulary import PURPOSES

    said = [PURPOSES[k].said for k in str(value or "").split(",") if k in PURPOSES]
    return listing(said) if said else "nog niet bekend"


def summary(engine) -> str:
    """"Wat heb ik ingevuld?": this round's answers in words."""
    from bot.dutch.formatting import format_number
    from bot.interviews.answers import choice_title
    from bot.interviews.catalogue import INTERVIEW_QUESTIONS, Q

    found = answers(engine)
    lines = ["- Voor wie: voor jezelf"] if found.individual else []
    for key in INTERVIEW_QUESTIONS[engine.interview]:
        q = Q[key]
        value = getattr(found, q.stored_in.partition(".")[2])
        if value is None and found.individual and q.ask_if:
            continue  # not asked of someone who pays themselves or works for themselves
        shown = (None if value is None else purposes_said(value) if q.kind == "purposes"
                 else format_number(value) if q.kind == "int" else choice_title(q, value) if q.kind == "choice"
                 else str(value))
        lines.append(f"- {q.label}: {shown or '(nog niet ingevuld)'}")
    return "\n".join(lines)
