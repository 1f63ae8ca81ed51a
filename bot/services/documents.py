"""What the documents show, read from the database for one viewer: the POP, the strategic plan, the yearly plan
and the manager overview.

Each function is one unit of work and returns plain data (bot/documents/content.py); bot/services/files.py
hands it to bot/documents/files.py, which turns it into PDF, DOCX, XLSX or CSV.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from bot import clock
from bot.documents.content import Document, NotFound, YearRow  # noqa: F401 - NotFound: for the callers
from bot.dutch import law
from bot.dutch.formatting import format_date, format_number
from bot.dutch.parsing import SECTOR_LABELS
from bot.interviews import LABELS_KIND, ORG_FIELDS, POP_FIELDS, Q, catalogue, groups
from bot.interviews import agreements as rules
from bot.interviews.fields import EXTRA, read
from bot.interviews.plan_view import MERGED_TITLE, PlanView, merged_group
from bot.interviews.profile import cao_label
from bot.interviews.summaries import own_groups, own_questions, shown
from bot.services.sharing import visible_pops
from bot.settings import get_settings
from bot.storage import repository as repo
from bot.storage.db import session_scope
from bot.storage.models import KINDS_OF_LEARNING, LearningGoal, Person, YearPlan
from bot.vocabulary import plans

KIND_ORDER = KINDS_OF_LEARNING
# The POP's answers with a place of their own in the document: "Over mij", the support asked for
_POP_ELSEWHERE = ("function", "team", "support_needed")


def pop_document(person_id: str, year: int | None = None, today: date | None = None) -> Document:
    from bot.funding.advice import helps, personal_tip

    today = today or clock.today()
    with session_scope() as s:
        person = s.get(Person, person_id)
        pop = repo.pop_of(s, person, year) if person else None
        if pop is None:
            raise NotFound("Er is nog geen POP.")
        org = person.organisation
        name = person.display_name or person.id
        doc = Document("Persoonlijk ontwikkelplan (POP)",
                       f"{name} — {org.name if org else 'organisatie onbekend'} — {pop.year} — "
                       f"gemaakt op {format_date(today)}")
        basics = [f"Functie: {pop.function or '-'}", f"Team of afdeling: {pop.team or '-'}"]
        doc.sections.append(("Over mij", basics))
        for key, attribute in POP_FIELDS.items():  # the open answers, in asking order, under their labels
            if attribute not in _POP_ELSEWHERE and not attribute.startswith(("wish_", EXTRA)):
                doc.sections.append((Q[key].label, [getattr(pop, attribute) or "(nog niet ingevuld)"]))
        doc.sections += [(label, [str(value or "geen")]) for label, value in own_questions(pop, POP_FIELDS)]
        doc.sections += [(group.label, groups.described(pop, group, shown) or ["geen"]) for group in own_groups("pop")]
        plan = org.strategic_plan if org else None
        if plan and plan.speerpunten:
            doc.sections.append(("Speerpunten van de organisatie", [f"• {sp.text}" for sp in plan.speerpunten]))
        wishes = []
        for kind in KIND_ORDER:
            value = getattr(pop, f"wish_{kind}")
            wishes.append(f"{LABELS_KIND[kind].capitalize()}: {value if value else 'geen'}")
        doc.sections.append(("Leerwensen per soort leren", wishes))
        rows = []
        for kind in KIND_ORDER + (None,):
            for goal in pop.goals:
                if goal.text and (goal.kind == kind or (kind is None and goal.kind not in KIND_ORDER)):
                    rows.append([str(goal.position), goal.text, LABELS_KIND.get(goal.kind, "-"),
                                 _clean(goal.deadline), _clean(goal.result), goal.activity or "-"])
        doc.table = (["Nr", "Leerdoel", "Soort leren", "Wanneer", "Resultaat", "Hoe"], rows)
        doc.sections.append(("Steun die ik nodig heb", [pop.support_needed or "(nog niet ingevuld)"]))
        done = [a for a in pop.agreements if a.complete]
        if done:
            doc.sections.append(("Afspraken uit het POP-gesprek", [_agreement_line(a) for a in done]))
        tip: list[str] = []
        for goal in pop.goals:
            tip = tip or personal_tip(org.sector if org else None, " ".join(filter(None, [goal.activity, goal.text])))
        if tip:
            doc.sections.append(("Mogelijke financiering",
                                 [f"Betaal je een opleiding zelf? Dan {helps(tip)}.",
                                  "Kijk voor je iets aanvraagt op de pagina van de regeling zelf wat de regels zijn."]))
        doc.footer = "Neem dit document mee naar je POP-gesprek. Het is alleen voor jou, tot je hem zelf deelt."
        return doc


def _clean(value: str | None) -> str:
    return "zie leerdoel" if value == "zie leerdoel" else (value or "-")


def _viewer_org(s, person_id: str):
    person = s.get(Person, person_id)
    if person is None or person.organisation is None:
        raise NotFound("Er is geen organisatie bekend.")
    if not plans(person.role):
        raise PermissionError("Alleen voor leidinggevenden en HR-adviseurs.")
    return person.organisation


def strategy_document(person_id: str, today: date | None = None) -> Document:
    today = today or clock.today()
    with session_scope() as s:
        org = _viewer_org(s, person_id)
        plan = org.strategic_plan
        if plan is None:
            raise NotFound("Er is nog geen strategisch opleidingsbeleid.")
        doc = Document("Strategisch opleidingsbeleid", f"{org.name} — gemaakt op {format_date(today)}")
        profile = [f"Soort organisatie: {SECTOR_LABELS.get(org.sector, '-')}",
                   f"Aantal medewerkers: {format_number(org.employees) if org.employees is not None else '-'}",
                   f"Ondernemingsraad: {'ja' if org.has_works_council else 'nee'}"]
        profile += [f"Cao: {cao_label(org)}"] if cao_label(org) else []
        doc.sections.append(("De organisatie", profile))
        doc.sections += [(label, [str(value or "geen")]) for label, value in own_questions(org, ORG_FIELDS)]
        for key in catalogue.current().order["strategie"]:  # the policy's answers, as its question file asks them
            q = Q[key]
            record, _, attribute = q.stored_in.partition(".")
            if record != "strategic_plan" or attribute == "works_council_involved":  # the OR: its own section
                continue
            value = read(plan, attribute)
            if q.kind == "list":
                doc.sections.append((q.label, [f"{i}. {sp.text}" for i, sp in enumerate(value, 1)] or ["-"]))
            elif not attribute.startswith(EXTRA):
                doc.sections.append((q.label, [value or "(nog niet ingevuld)"]))
            elif value is not None:  # an organisation's own question: once answered
                doc.sections.append((q.label, [str(shown(key, value) or "geen")]))
        if org.has_works_council:
            doc.sections.append(("Ondernemingsraad", [
                {"ja": "De OR is betrokken.", "gepland": "De OR wordt nog betrokken.", "nee": "De OR is nog niet betrokken."}
                .get(plan.works_council_involved or "", "-"),
                law.OR_RULE, law.OR_NULLITY]))
        return doc


def year_plan_rows(person_id: str, year: int | None = None) -> tuple[str, int, int | None, list[YearRow]]:
    from bot.funding.advice import plan_tip
    from bot.interviews.flow import activity_participants, activity_situations

    with session_scope() as s:
        org = _viewer_org(s, person_id)
        viewer = s.get(Person, person_id)
        stmt = select(YearPlan).where(YearPlan.organisation_id == org.id)
        stmt = stmt.where(YearPlan.year == year) if year else stmt.order_by(YearPlan.year.desc())
        plan = s.execute(stmt.limit(1)).scalar_one_or_none()
        if plan is None:
            raise NotFound("Er is nog geen opleidingsjaarplan.")
        view = PlanView(s, viewer, get_settings().overview_min_group)
        rows, merged = [], []
        for act in plan.activities:
            if act.title is None:
                continue
            if view.merged(act):  # an agreement in a small team: its team's name would say who it is
                merged.append(act)
                continue
            name = view.named(act)
            rows.append(YearRow(act.position, act.title, f"{name} ({act.target_group or ''})" if name else
                                act.target_group or "", act.period or "", act.goal or "",
                                act.speerpunt_text or "", LABELS_KIND.get(act.kind, ""), act.form or "",
                                act.provider or "", {"alleen": "alleen", "samen": "samen met anderen"}.get(
                                    act.cooperation or "", ""), act.cost_cents or 0,
                                plan_tip(org.sector, org.employees, activity_situations(act), act.kind,
                                         activity_participants(act, org.employees)) or ""))
        if merged:
            kinds = {act.kind for act in merged}
            rows.append(YearRow(max((r.position for r in rows), default=0) + 1, f"{MERGED_TITLE} ({len(merged)})",
                                merged_group(view.minimum), "", "", "",
                                LABELS_KIND.get(kinds.pop(), "") if len(kinds) == 1 else "",
                                "afspraak uit het POP-gesprek", "", "", sum(a.cost_cents or 0 for a in merged), ""))
        return org.name, plan.year, plan.budget_cents, rows


def overview_data(viewer_id: str, minimum: int | None = None) -> dict:
    minimum = minimum or get_settings().overview_min_group
    with session_scope() as s:
        viewer = s.get(Person, viewer_id)
        if viewer is None or not plans(viewer.role) or viewer.organisation is None:
            raise PermissionError("Alleen voor leidinggevenden en HR-adviseurs van een organisatie.")
        org = viewer.organisation
        plan = s.execute(select(YearPlan).where(YearPlan.organisation_id == org.id)
                         .order_by(YearPlan.year.desc()).limit(1)).scalar_one_or_none()
        acts = [a for a in plan.activities if a.title] if plan else []
        by_kind = {k: sum(a.cost_cents or 0 for a in acts if a.kind == k) for k in KINDS_OF_LEARNING}
        speerpunten = [sp.text for sp in org.strategic_plan.speerpunten] if org.strategic_plan else []
        covered = {a.speerpunt_text for a in acts if a.speerpunt_text}
        pops = visible_pops(s, viewer)  # only what was shared with this viewer
        wishes_by_kind = {k: sum(1 for p in pops if getattr(p, f"wish_{k}")) for k in KINDS_OF_LEARNING}
        goals = s.execute(select(LearningGoal).where(LearningGoal.pop_id.in_([p.id for p in pops] or [-1]))
                          ).scalars().all()
        goals_by_kind = {k: sum(1 for g in goals if g.kind == k) for k in KINDS_OF_LEARNING}
        return {
            "organisation": org.name,
            "year": plan.year if plan else None,
            "budget": plan.budget_cents if plan else None,
            "planned": sum(a.cost_cents or 0 for a in acts),
            "by_kind": by_kind,
            "speerpunten_without_activity": [sp for sp in speerpunten if sp not in covered],
            "shared_pops": len(pops),
            "minimum": minimum,
            "wishes_by_kind": {k: (v if v >= minimum else None) for k, v in wishes_by_kind.items()},
            "goals_by_kind": {k: (v if v >= minimum else None) for k, v in goals_by_kind.items()},
            "enough_pops": len(pops) >= minimum,
            "teams": _team_figures(s, viewer, plan.year if plan else clock.today().year,
                                   plan.budget_cents if plan else None, minimum),
        }


def _agreement_line(agreement) -> str:
    """One agreement as it reads in the POP: the goal, what was agreed, and who confirmed it when."""
    decision, *rest = rules.described(agreement)
    parts = [f"Leerdoel {agreement.position} ({agreement.goal_text}): {decision}", *rest]
    manager = (f"bevestigd door leidinggevende op {format_date(agreement.manager_confirmed_at.date())}"
               if agreement.manager_confirmed_at else "nog niet bevestigd door leidinggevende")
    employee = (f"door medewerker op {format_date(agreement.employee_confirmed_at.date())}"
                if agreement.employee_confirmed_at else "nog niet door medewerker")
    return "; ".join(parts) + f". {manager.capitalize()}, {employee}."


def _team_figures(s, viewer: Person, year: int, budget: int | None, minimum: int) -> list[dict]:
    """Per team (the people who share a manager): POPs prepared, shared and agreed, the planned cost of the
    agreements against the budget, and learning goals and wishes per kind (a group smaller than ``minimum`` is
    not shown).
    A manager sees their own team; HR every team of the organisation."""
    if viewer.role == "manager":
        managers = [viewer]
    else:
        managers = list(s.execute(select(Person).where(Person.organisation_id == viewer.organisation_id,
                                                       Person.role == "manager").order_by(Person.display_name))
                        .scalars())
    teams = []
    for manager in managers:
        members = rules.team_members(s, manager)
        if not members:
            continue
        pops = [p for p in (repo.get_pop(s, m, year) for m in members) if p is not None]
        shared = [p for p in pops if p.is_shared_with(manager.id)]
        done = [a for p in shared for a in p.agreements if a.complete]
        agreed = [a for a in done if a.employee_confirmed_at and a.decision in ("afgesproken", "aangepast")]
        goals = [g for p in shared for g in rules.goals(p)]
        by_kind = {k: sum(1 for g in goals if g.kind == k) for k in KINDS_OF_LEARNING}
        wishes = {k: sum(1 for p in shared if getattr(p, f"wish_{k}")) for k in KINDS_OF_LEARNING}
        if viewer.role != "manager" and len(members) < minimum:
            # someone else's small team: any count (or the planned cost) would name the people in it
            teams.append({"team": f"Team van {manager.display_name or manager.id}", "members": None,
                          "prepared": None, "shared": None, "agreed": None, "planned": None, "budget": budget,
                          "goals_by_kind": dict.fromkeys(KINDS_OF_LEARNING), "wishes_by_kind":
                          dict.fromkeys(KINDS_OF_LEARNING)})
            continue
        teams.append({
            "team": f"Team van {manager.display_name or manager.id}", "members": len(members),
            "prepared": sum(1 for p in pops if rules.goals(p)), "shared": len(shared),
            "agreed": len({a.pop_id for a in agreed}),
            "planned": sum(rules.budget_cents(a) for a in done if a.decision in ("afgesproken", "aangepast")),
            "budget": budget,
            "goals_by_kind": {k: (v if v >= minimum else None) for k, v in by_kind.items()},
            "wishes_by_kind": {k: (v if v >= minimum else None) for k, v in wishes.items()},
        })
    return teams


def evaluation_document(person_id: str, year: int | None = None, today: date | None = None) -> Document:
    """The evaluation of a yearly plan (the latest evaluated one unless ``year`` is given)."""
    from bot.interviews.evaluation import evaluation_lines

    today = today or clock.today()
    with session_scope() as s:
        org = _viewer_org(s, person_id)
        plans = [p for p in sorted(org.year_plans, key=lambda p: p.year, reverse=True)
                 if (year is None or p.year == year) and (p.eval_policy_changes is not None
                                                          or any(a.eval_status for a in p.activities))]
        if not plans:
            raise NotFound("Er is nog geen evaluatie.")
        plan = plans[0]
        lines = evaluation_lines(plan)
        doc = Document(f"Evaluatie opleidingsjaarplan {plan.year}", f"{org.name} — gemaakt op {format_date(today)}")
        doc.sections.append(("Activiteiten", [f"• {line[2:]}" for line in lines[1:] if line.startswith("- Activiteit")]))
        doc.sections.append(("Geld", [f"• {line[2:]}" for line in lines if line.startswith(("- Totaal", "- Budget"))]))
        policy = [f"• {line[2:]}" for line in lines if line.startswith(("- Wat er", "- Ondernemingsraad", "- Niet af"))]
        doc.sections.append(("Strategisch opleidingsbeleid", policy or ["(nog niet ingevuld)"]))
        doc.footer = (("Bespreek de uitkomst met de OR. Verandert daardoor een regeling over de opleiding van het "
                       "personeel? " + law.OR_RULE + " ") if org.has_works_council else
                      "Bespreek de uitkomst ook met de medewerkers. ") + \
            "Neem de uitkomst mee in het volgende opleidingsjaarplan."
        return doc
