"""Which schemes fit an organisation or a person, and why the others do not; the Dutch descriptions."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.dutch.formatting import listing
from bot.funding.knowledge_base import APPLICANT_LABELS, SITUATION_LABELS, KnowledgeBase, Scheme
from bot.vocabulary import PURPOSES, SECTORS


@dataclass(frozen=True)
class Profile:
    """What we know of the organisation (and, for individuals, the person)."""

    sector: str | None = None
    employees: int | None = None
    cao: str | None = None
    age: int | None = None


@dataclass(frozen=True)
class Need:
    """What the money is for (all optional)."""

    kind_of_learning: str | None = None
    situations: frozenset[str] = frozenset()  # see SITUATIONS
    activities: frozenset[str] = frozenset()  # activity types asked for, such as "loopbaanadvies"
    participants: int | None = None  # how many employees it reaches, when known


@dataclass
class Fit:
    scheme: Scheme
    score: float
    reasons: list[str] = field(default_factory=list)
    to_check: list[str] = field(default_factory=list)


@dataclass
class Misfit:
    scheme: Scheme
    reason: str


@dataclass
class MatchResult:
    fits: list[Fit]
    misfits: list[Misfit]
    ended: list[Scheme]


SECTOR_GROUPS = {s.key: s.group for s in SECTORS.values()}


def sector_list(sectors: tuple[str, ...]) -> str:
    return listing([SECTOR_GROUPS[s] for s in sectors], "of")


def match(kb: KnowledgeBase, profile: Profile, need: Need | None = None) -> MatchResult:
    need = need or Need()
    fits: list[Fit] = []
    misfits: list[Misfit] = []
    ended: list[Scheme] = []
    individual = "individueel" in need.situations
    for scheme in kb.schemes.values():
        if scheme.ended:
            ended.append(scheme)
            continue
        if not scheme.available or scheme.named_only or scheme.kind == "advies" and not scheme.sectors:
            continue
        reason = _exclusion(scheme, profile, need, individual)
        if reason:
            misfits.append(Misfit(scheme, f"{scheme.name}: {reason}"))
            continue
        fits.append(_fit(scheme, profile, need, individual))
    fits.sort(key=lambda f: (-f.score, f.scheme.name))
    misfits.sort(key=lambda m: m.scheme.name)
    return MatchResult(fits, misfits, sorted(ended, key=lambda s: s.name))


def _exclusion(scheme: Scheme, profile: Profile, need: Need, individual: bool) -> str | None:
    if scheme.sectors and profile.sector and profile.sector not in scheme.sectors:
        return f"alleen voor {sector_list(scheme.sectors)}"
    if profile.sector and profile.sector in scheme.excluded_sectors:
        return scheme.excluded_reason or f"niet voor {SECTOR_GROUPS[profile.sector]}"
    if scheme.max_employees is not None and profile.employees is not None and profile.employees > scheme.max_employees:
        return f"alleen voor organisaties met minder dan {scheme.max_employees + 1} mensen in dienst"
    if scheme.min_employees is not None and profile.employees is not None and profile.employees < scheme.min_employees:
        return f"alleen voor organisaties met minstens {scheme.min_employees} medewerkers"
    if (scheme.min_participants is not None and need.participants is not None
            and need.participants < scheme.min_participants and not scheme.participant_exceptions):
        return f"alleen voor projecten die minstens {scheme.min_participants} medewerkers bereiken"
    if scheme.requires_any and not set(scheme.requires_any) & need.situations:
        wanted = listing([SITUATION_LABELS[s] for s in scheme.requires_any], "of")
        return f"alleen voor {wanted}"
    if set(scheme.excluded_situations) & need.situations:
        said = listing([SITUATION_LABELS[s] for s in sorted(set(scheme.excluded_situations) & need.situations)])
        return f"niet voor {said}"
    if scheme.applicants == ("individu",) and not individual and not set(scheme.requires_any) & need.situations:
        return "alleen voor een medewerker die zelf een opleiding betaalt"
    if individual and "individu" not in scheme.applicants:
        return "alleen als de werkgever aanvraagt of betaalt, niet als je de opleiding zelf betaalt"
    if scheme.max_age is not None and profile.age is not None and profile.age > scheme.max_age:
        return f"alleen voor mensen jonger dan {scheme.max_age + 1} jaar"
    if need.activities and need.activities <= set(scheme.not_for):
        pays = f", wel {_activities(scheme.activity_types)}" if scheme.activity_types else ""
        return f"de regeling betaalt geen {_activities(sorted(need.activities))}{pays}"
    if need.kind_of_learning and scheme.kinds and need.kind_of_learning not in scheme.kinds:
        kinds = listing(scheme.kinds, "of")
        return f"alleen voor leren in de soort {kinds}"
    return None


# How a card names what a scheme pays for, where the type's own name is not plain Dutch
ACTIVITY_SAID = {"doorlichting": "een plan voor leren", "loopbaanadvies": "loopbaanadvies",
                 "groepstraining": "groepstrainingen", "leren_op_werk": "leren op het werk", "project": "projecten",
                 "cursus": "cursussen", "opleiding": "opleidingen", "werkleerplaats": "leerwerkplekken",
                 "evc": "het erkennen van wat iemand al kan", "basisvaardigheden": "lessen in basisvaardigheden",
                 "vakopleiding": "vakopleidingen"}


def _activities(activities, joiner: str = " of ") -> str:
    """'training voor een groep' for the activity a purpose asks for (vocabulary.PURPOSES), else a plain name."""
    said = {p.activity: p.said.removeprefix("een ") for p in PURPOSES.values() if p.activity} | ACTIVITY_SAID
    return listing([said.get(a, a.replace("_", " ")) for a in activities], joiner.strip())


def _fit(scheme: Scheme, profile: Profile, need: Need, individual: bool) -> Fit:
    """Score a scheme that is not excluded; its reasons come most specific first (what it pays for, for whom)."""
    score = 1.0
    reasons: list[str] = []
    to_check = [c.text for c in scheme.conditions]
    for activity in sorted(set(scheme.activity_types) & need.activities):
        score += 2.5
        verb = "betaalt" if scheme.kind != "fiscaal" else "geldt voor" if all(c.certain for c in scheme.conditions) \
            else "geldt meestal voor"  # a tax rule pays nothing itself; not sure: said at the fact
        said = ACTIVITY_SAID.get(activity, activity.replace('_', ' '))
        if "project" in scheme.activity_types and activity != "project":  # A&O: a project, not one course
            said = f"projecten, ook met {said}"
        reasons.append(f"{verb} {said}")
    for situation in sorted(set(scheme.target_groups) & need.situations):
        score += 2.5
        reasons.append(f"past bij {SITUATION_LABELS[situation]}")
    if not reasons and scheme.activity_types and scheme.kind not in ("fiscaal", "wet", "advies"):
        others = [a for a in scheme.activity_types if a != "project"]
        pays = f"projecten, bijvoorbeeld met {_activities(others)}" if "project" in scheme.activity_types and others \
            else _activities(scheme.activity_types)
        reasons.append(f"betaalt vooral {pays}")  # nothing asked matched: what it pays
    if scheme.sectors and profile.sector in scheme.sectors:
        score += 3
        reasons.append(f"bedoeld voor {sector_list(scheme.sectors)}")
    elif scheme.sectors and profile.sector is None:
        to_check.insert(0, f"Alleen voor {sector_list(scheme.sectors)}.")
    if scheme.max_employees is not None:
        if profile.employees is not None:
            reasons.append(f"jullie hebben minder dan {scheme.max_employees + 1} mensen in dienst")
            score += 1
        else:
            to_check.insert(0, f"Alleen voor organisaties met minder dan {scheme.max_employees + 1} mensen in dienst.")
    if need.kind_of_learning and need.kind_of_learning in scheme.kinds:
        score += 0.5
        reasons.append(f"past bij leren in de soort {need.kind_of_learning}")
    if individual and "individu" in scheme.applicants:
        score += 1
    if scheme.kind in ("fiscaal", "wet") and (scheme.kind == "wet" or "werkgever" in scheme.applicants):
        score -= 0.5  # always true, so below the specific schemes
        reasons.append("geldt als de werkgever een opleiding betaalt voor het werk of de loopbaan van de medewerker"
                       if scheme.kind == "fiscaal"
                       else "geldt voor scholing die de werkgever volgens de wet of de cao moet aanbieden")
    if scheme.kind == "advies":
        score -= 1
        reasons.append("geen geld, wel advies en ondersteuning")
    applicants = [a for a in scheme.applicants if a not in ("werkgever",)]
    if scheme.applicants and "werkgever" not in scheme.applicants and "individu" not in scheme.applicants:
        who = listing([APPLICANT_LABELS[a] for a in applicants], "of")
        to_check.insert(0, f"De aanvraag loopt via {who}, niet via jullie zelf.")
    if not reasons:
        reasons.append("jullie organisatie kan hiervoor in aanmerking komen")
    return Fit(scheme, score, reasons, to_check)
