"""Documents for the cycle: the POP (PDF, DOCX), the strategic plan (PDF, DOCX), the yearly plan (XLSX, CSV).

Every function reads the database in its own unit of work and returns bytes. Dutch dates and money.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from bot import repository as repo
from bot.db import session_scope
from bot.interviews import LABELS_KIND, POP_FIELDS, Q
from bot.models import KINDS_OF_LEARNING, Person, YearPlan
from bot.parsing import SECTOR_LABELS, format_date, format_euro

KIND_ORDER = KINDS_OF_LEARNING


@dataclass
class Document:
    title: str
    subtitle: str
    sections: list[tuple[str, list[str]]] = field(default_factory=list)  # heading, paragraphs/bullets
    table: tuple[list[str], list[list[str]]] | None = None
    footer: str = ""


class NotFound(LookupError):
    """There is nothing to export (yet)."""


# ------------------------------------------------------------------------------------------ content

def pop_document(person_id: str, year: int | None = None, today: date | None = None) -> Document:
    from bot.advice import short_tip

    today = today or date.today()
    with session_scope() as s:
        person = s.get(Person, person_id)
        pop = repo.get_pop(s, person, year or today.year) if person else None
        if pop is None:
            raise NotFound("Er is nog geen POP.")
        org = person.organisation
        name = person.display_name or person.id
        doc = Document("Persoonlijk ontwikkelplan (POP)",
                       f"{name} — {org.name if org else 'organisatie onbekend'} — {pop.year} — "
                       f"gemaakt op {format_date(today)}")
        basics = [f"Functie: {pop.function or '-'}", f"Team of afdeling: {pop.team or '-'}"]
        doc.sections.append(("Over mij", basics))
        for key in ("pop_terugblik", "pop_bijdrage", "pop_sterk", "pop_ontwikkelpunten", "pop_ambitie_kort",
                    "pop_ambitie_lang"):
            value = getattr(pop, POP_FIELDS[key])
            doc.sections.append((Q[key].label, [value or "(nog niet ingevuld)"]))
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
        tip = short_tip(org.sector if org else None, org.employees if org else None, set(), None)
        if tip:
            doc.sections.append(("Mogelijke financiering",
                                 [f"Deze regelingen kunnen passen: {tip}.",
                                  "Controleer de voorwaarden op de officiële pagina voordat je iets aanvraagt."]))
        doc.footer = "Neem dit document mee naar je POP-gesprek. Het is alleen voor jou, tot je het zelf deelt."
        return doc


def _clean(value: str | None) -> str:
    return "zie leerdoel" if value == "zie leerdoel" else (value or "-")


def _viewer_org(s, person_id: str):
    person = s.get(Person, person_id)
    if person is None or person.organisation is None:
        raise NotFound("Er is geen organisatie bekend.")
    if person.role not in ("manager", "hr"):
        raise PermissionError("Alleen voor leidinggevenden en HR-adviseurs.")
    return person.organisation


def strategy_document(person_id: str, today: date | None = None) -> Document:
    today = today or date.today()
    with session_scope() as s:
        org = _viewer_org(s, person_id)
        plan = org.strategic_plan
        if plan is None:
            raise NotFound("Er is nog geen strategisch opleidingsbeleid.")
        doc = Document("Strategisch opleidingsbeleid", f"{org.name} — gemaakt op {format_date(today)}")
        profile = [f"Soort organisatie: {SECTOR_LABELS.get(org.sector, '-')}",
                   f"Aantal medewerkers: {org.employees if org.employees is not None else '-'}",
                   f"Ondernemingsraad: {'ja' if org.has_works_council else 'nee'}"]
        doc.sections.append(("De organisatie", profile))
        doc.sections.append(("Waar staan we over 3 jaar?", [plan.future_vision or "(nog niet ingevuld)"]))
        doc.sections.append(("Speerpunten voor de komende 3 jaar", [f"{i}. {sp.text}" for i, sp in
                                                                     enumerate(plan.speerpunten, 1)] or ["-"]))
        doc.sections.append(("Welke competenties vraagt dit?", [plan.competences or "(nog niet ingevuld)"]))
        doc.sections.append(("Welke rol speelt leren en opleiden?", [plan.role_of_learning or "(nog niet ingevuld)"]))
        doc.sections.append(("Draagvlak", [plan.support_base or "(nog niet ingevuld)"]))
        if org.has_works_council:
            doc.sections.append(("Ondernemingsraad", [
                {"ja": "De OR is betrokken.", "gepland": "De OR wordt nog betrokken.", "nee": "De OR is nog niet betrokken."}
                .get(plan.works_council_involved or "", "-"),
                "De OR heeft instemmingsrecht op het opleidingsbeleid (Wet op de ondernemingsraden, artikel 27)."]))
        return doc


@dataclass
class YearRow:
    position: int
    title: str
    target_group: str
    period: str
    goal: str
    speerpunt: str
    kind: str
    form: str
    provider: str
    cooperation: str
    cost_cents: int
    funding: str


def year_plan_rows(person_id: str, year: int | None = None) -> tuple[str, int, int | None, list[YearRow]]:
    from bot.advice import short_tip

    with session_scope() as s:
        org = _viewer_org(s, person_id)
        stmt = select(YearPlan).where(YearPlan.organisation_id == org.id)
        stmt = stmt.where(YearPlan.year == year) if year else stmt.order_by(YearPlan.year.desc())
        plan = s.execute(stmt.limit(1)).scalar_one_or_none()
        if plan is None:
            raise NotFound("Er is nog geen opleidingsjaarplan.")
        rows = []
        for act in plan.activities:
            if act.title is None:
                continue
            rows.append(YearRow(act.position, act.title, act.target_group or "", act.period or "", act.goal or "",
                                act.speerpunt_text or "", LABELS_KIND.get(act.kind, ""), act.form or "",
                                act.provider or "", {"alleen": "alleen", "samen": "samen met anderen"}.get(
                                    act.cooperation or "", ""), act.cost_cents or 0,
                                short_tip(org.sector, org.employees, set(), act.kind) or ""))
        return org.name, plan.year, plan.budget_cents, rows


YEAR_HEADERS = ["Nr", "Activiteit", "Voor wie", "Wanneer", "Doel en inhoud", "Speerpunt", "Soort leren", "Vorm",
                "Door wie", "Alleen of samen", "Kosten (€)", "Mogelijke financiering"]


def _totals(rows: list[YearRow], attr: str) -> list[tuple[str, int]]:
    totals: dict[str, int] = {}
    for row in rows:
        key = getattr(row, attr) or "(onbekend)"
        totals[key] = totals.get(key, 0) + row.cost_cents
    return sorted(totals.items())


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def safe_cell(value):
    """Text that a spreadsheet would run as a formula ("=HYPERLINK(...)") is kept as text: a leading '."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def year_plan_xlsx(person_id: str, year: int | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    org_name, plan_year, budget, rows = year_plan_rows(person_id, year)
    money = '"€" #,##0.00'
    wb = Workbook()
    ws = wb.active
    ws.title = "Activiteiten"
    ws.append([safe_cell(f"Opleidingsjaarplan {plan_year} — {org_name}")])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(YEAR_HEADERS)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append([safe_cell(v) for v in (r.position, r.title, r.target_group, r.period, r.goal, r.speerpunt, r.kind,
                                          r.form, r.provider, r.cooperation, r.cost_cents / 100, r.funding)])
        ws.cell(row=ws.max_row, column=11).number_format = money
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula
    for column, width in zip("ABCDEFGHIJKL", (5, 30, 22, 16, 40, 28, 16, 18, 22, 18, 14, 40), strict=False):
        ws.column_dimensions[column].width = width
    tot = wb.create_sheet("Totalen")
    total = sum(r.cost_cents for r in rows)
    tot.append(["Budget", (budget or 0) / 100])
    tot.append(["Totaal gepland", total / 100])
    tot.append(["Nog over" if (budget or 0) >= total else "Boven budget", abs((budget or 0) - total) / 100])
    tot.append([])
    tot.append(["Per soort leren", ""])
    for kind, cents in _totals(rows, "kind"):
        tot.append([kind, cents / 100])
    tot.append([])
    tot.append(["Per team of functiegroep", ""])
    for team, cents in _totals(rows, "target_group"):
        tot.append([safe_cell(team), cents / 100])
    for row in tot.iter_rows():
        if len(row) > 1 and isinstance(row[1].value, float):
            row[1].number_format = money
        if row[0].value in ("Per soort leren", "Per team of functiegroep", "Budget", "Totaal gepland"):
            row[0].font = Font(bold=True)
    tot.column_dimensions["A"].width = 30
    tot.column_dimensions["B"].width = 16
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _csv_euro(cents: int) -> str:
    return format_euro(cents).replace("€ ", "") if cents % 100 else format_euro(cents).replace("€ ", "") + ",00"


def year_plan_csv(person_id: str, year: int | None = None) -> bytes:
    """Semicolon-separated with Dutch decimal commas, as Dutch Excel expects."""
    org_name, plan_year, budget, rows = year_plan_rows(person_id, year)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(YEAR_HEADERS)
    for r in rows:
        writer.writerow([safe_cell(v) for v in (r.position, r.title, r.target_group, r.period, r.goal, r.speerpunt,
                                                r.kind, r.form, r.provider, r.cooperation, _csv_euro(r.cost_cents),
                                                r.funding)])
    total = sum(r.cost_cents for r in rows)
    writer.writerow([])
    writer.writerow(["", "Totaal gepland", "", "", "", "", "", "", "", "", _csv_euro(total), ""])
    writer.writerow(["", "Budget", "", "", "", "", "", "", "", "", _csv_euro(budget or 0), ""])
    for kind, cents in _totals(rows, "kind"):
        writer.writerow(["", f"Totaal {kind}", "", "", "", "", "", "", "", "", _csv_euro(cents), ""])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# ------------------------------------------------------------------------------------------ formats

def to_pdf(doc: Document) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    out = io.BytesIO()
    styles = getSampleStyleSheet()
    story = [Paragraph(escape(doc.title), styles["Title"]), Paragraph(escape(doc.subtitle), styles["Normal"]),
             Spacer(1, 0.5 * cm)]
    for heading, paragraphs in doc.sections:
        story.append(Paragraph(escape(heading), styles["Heading2"]))
        for text in paragraphs:
            story.append(Paragraph(escape(text), styles["BodyText"]))
    if doc.table and doc.table[1]:
        story.append(Paragraph("Leerdoelen", styles["Heading2"]))
        cell = styles["BodyText"]
        data = [[Paragraph(f"<b>{escape(h)}</b>", cell) for h in doc.table[0]]]
        data += [[Paragraph(escape(v), cell) for v in row] for row in doc.table[1]]
        table = Table(data, colWidths=[1 * cm, 4.5 * cm, 2.5 * cm, 2.5 * cm, 3 * cm, 3.5 * cm], repeatRows=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef3")),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
    if doc.footer:
        story += [Spacer(1, 0.5 * cm), Paragraph(f"<i>{escape(doc.footer)}</i>", styles["BodyText"])]
    SimpleDocTemplate(out, pagesize=A4, title=doc.title, author="Leerkoers", leftMargin=2 * cm, rightMargin=2 * cm,
                      topMargin=2 * cm, bottomMargin=2 * cm).build(story)
    return out.getvalue()


def to_docx(doc: Document) -> bytes:
    from docx import Document as Docx

    d = Docx()
    d.core_properties.title = doc.title
    d.core_properties.author = "Leerkoers"
    d.add_heading(doc.title, level=0)
    d.add_paragraph(doc.subtitle)
    for heading, paragraphs in doc.sections:
        d.add_heading(heading, level=1)
        for text in paragraphs:
            if text.startswith("• "):
                d.add_paragraph(text[2:], style="List Bullet")
            else:
                d.add_paragraph(text)
    if doc.table and doc.table[1]:
        d.add_heading("Leerdoelen", level=1)
        table = d.add_table(rows=1, cols=len(doc.table[0]))
        table.style = "Table Grid"
        for cell, header in zip(table.rows[0].cells, doc.table[0], strict=False):
            cell.text = header
        for row in doc.table[1]:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=False):
                cell.text = value
    if doc.footer:
        d.add_paragraph(doc.footer).italic = True
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


FILES = {
    # kind: (builder, file name, content type)
    "pop_pdf": (lambda pid, **kw: to_pdf(pop_document(pid, **kw)), "POP.pdf", "application/pdf"),
    "pop_docx": (lambda pid, **kw: to_docx(pop_document(pid, **kw)), "POP.docx",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "strategie_pdf": (lambda pid, **kw: to_pdf(strategy_document(pid, **kw)), "Strategisch-opleidingsbeleid.pdf",
                      "application/pdf"),
    "strategie_docx": (lambda pid, **kw: to_docx(strategy_document(pid, **kw)), "Strategisch-opleidingsbeleid.docx",
                       "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "jaarplan_xlsx": (lambda pid, **kw: year_plan_xlsx(pid), "Opleidingsjaarplan.xlsx",
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "jaarplan_csv": (lambda pid, **kw: year_plan_csv(pid), "Opleidingsjaarplan.csv", "text/csv; charset=utf-8"),
}


def build(kind: str, person_id: str) -> tuple[bytes, str, str]:
    builder, filename, content_type = FILES[kind]
    return builder(person_id), filename, content_type
