"""Documents for the cycle: the POP (PDF, DOCX), the strategic plan (PDF, DOCX), the yearly plan (XLSX, CSV).

This module only writes the files, from the content it is given (bot/documents/content.py); reading that
content is bot/services/documents.py's work, and bot/services/files.py brings the two together.
Dutch dates and money.
"""

from __future__ import annotations

import csv
import io

from bot.documents.content import Document, NotFound, YearRow  # noqa: F401 - NotFound: part of this interface
from bot.dutch.formatting import format_euro
from bot.dutch.parsing import without_control_characters

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
    """Text that a spreadsheet would run as a formula ("=HYPERLINK(...)") is kept as text: a leading '.
    Control characters are removed (openpyxl refuses them; issue 29)."""
    value = without_control_characters(value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _clean(doc: Document) -> Document:
    """The document without control characters in any text (they make PDF and Word files invalid)."""
    c = without_control_characters
    table = ([c(h) for h in doc.table[0]], [[c(v) for v in row] for row in doc.table[1]]) if doc.table else None
    return Document(c(doc.title), c(doc.subtitle), [(c(h), [c(t) for t in texts]) for h, texts in doc.sections],
                    table, c(doc.footer))


def year_plan_xlsx(org_name: str, plan_year: int, budget: int | None, rows: list[YearRow]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

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
    tot.append(["Budget", budget / 100 if budget is not None else "nog niet bekend"])
    tot.append(["Totaal gepland", total / 100])
    if budget is not None:
        tot.append(["Nog over" if budget >= total else "Boven budget", abs(budget - total) / 100])
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


def year_plan_csv(org_name: str, plan_year: int, budget: int | None, rows: list[YearRow]) -> bytes:
    """Semicolon-separated with Dutch decimal commas, as Dutch Excel expects."""
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
    writer.writerow(["", "Budget", "", "", "", "", "", "", "", "",
                     _csv_euro(budget) if budget is not None else "nog niet bekend", ""])
    for kind, cents in _totals(rows, "kind"):
        writer.writerow(["", f"Totaal {kind}", "", "", "", "", "", "", "", "", _csv_euro(cents), ""])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# ------------------------------------------------------------------------------------------ formats

def to_pdf(doc: Document) -> bytes:
    from xml.sax.saxutils import escape

    doc = _clean(doc)
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

    doc = _clean(doc)
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


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FILES = {
    # kind: (content, writer, file name, content type); the content is read by bot/services/files.py
    "pop_pdf": ("pop", to_pdf, "POP.pdf", "application/pdf"),
    "pop_docx": ("pop", to_docx, "POP.docx", DOCX),
    "strategie_pdf": ("strategie", to_pdf, "Strategisch-opleidingsbeleid.pdf", "application/pdf"),
    "strategie_docx": ("strategie", to_docx, "Strategisch-opleidingsbeleid.docx", DOCX),
    "evaluatie_pdf": ("evaluatie", to_pdf, "Evaluatie-opleidingsjaarplan.pdf", "application/pdf"),
    "evaluatie_docx": ("evaluatie", to_docx, "Evaluatie-opleidingsjaarplan.docx", DOCX),
    "jaarplan_xlsx": ("jaarplan", year_plan_xlsx, "Opleidingsjaarplan.xlsx",
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "jaarplan_csv": ("jaarplan", year_plan_csv, "Opleidingsjaarplan.csv", "text/csv; charset=utf-8"),
}
