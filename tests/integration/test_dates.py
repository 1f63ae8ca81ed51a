"""The date-dependent parts at several dates, with the real clock moved by time-machine (issue 28, item 1).

Every other test runs at the fixed product date of tests/conftest.py (LEERKOERS_TODAY); here that setting is
removed, so the product reads the (travelled) real clock, as it does in production.
"""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest
import time_machine
from sqlalchemy import create_engine, text

from bot import clock
from bot.dutch.formatting import format_date
from bot.dutch.values import parse_year
from bot.funding import knowledge_base, presenting
from bot.identity import Identity, IdentityError, TokenSettings, mint, verify
from bot.services import files as exports
from bot.services import interviews as service
from bot.services import privacy, sharing
from tests.helpers import JAARPLAN, POP, STRATEGIE

DATES = [date(2026, 12, 31), date(2027, 1, 1), date(2028, 2, 29), date(2028, 12, 31), date(2029, 6, 15),
         date(2031, 1, 1)]
HS = TokenSettings("HS256", "geheim-voor-tests-van-minstens-32-tekens!", "intranet", "leerkoers")


@pytest.fixture
def real_clock(monkeypatch):
    monkeypatch.delenv("LEERKOERS_TODAY", raising=False)


def _at(day: date, hour: int = 10):
    return time_machine.travel(datetime(day.year, day.month, day.day, hour, 0), tick=False)


def test_the_setting_fixes_the_date_only(monkeypatch):
    monkeypatch.setenv("LEERKOERS_TODAY", "2030-02-28")
    with _at(date(2026, 12, 4), 15):
        assert clock.today() == date(2030, 2, 28)
        assert clock.now().date() == date(2030, 2, 28) and clock.now().hour == 15
        assert abs(clock.timestamp() - time.time()) < 1  # expiry and retention keep the real clock


@pytest.mark.parametrize("day", DATES, ids=str)
def test_plan_years_and_funding_windows(real_clock, day):
    with _at(day):
        assert clock.today() == day
        assert parse_year("volgend jaar") == day.year + 1 and parse_year("dit jaar") == day.year
        assert parse_year(str(day.year + 1)) == day.year + 1
        for scheme in knowledge_base.load().schemes.values():
            status = presenting.window_status(scheme, clock.today())
            assert status and status.endswith(".") or "staat niet vast" in status, (scheme.id, status)
            for found in _dates_in(status):
                assert found >= day, (scheme.id, status)  # never a round that already closed


def _dates_in(status: str) -> list[date]:
    import re

    months = [format_date(date(2026, m, 1)).split()[1] for m in range(1, 13)]
    return [date(int(year), months.index(month) + 1, int(d))
            for d, month, year in re.findall(r"(\d{1,2}) ([a-z]+) (\d{4})", status) if month in months]


@pytest.mark.parametrize("day", [date(2027, 1, 1), date(2028, 2, 29), date(2028, 12, 31)], ids=str)
def test_token_expiry(real_clock, day):
    with _at(day) as traveller:
        token = mint("eva", "Eva", "employee", "Gemeente Zeist", key=HS.key, ttl_seconds=600,
                     organisation_id="gm0355")
        assert verify(token, HS).person_id == "eva"
        traveller.shift(600 + 31)  # past the lifetime and its 30 s of leeway
        with pytest.raises(IdentityError, match="verlopen"):
            verify(token, HS)


@pytest.mark.parametrize("day", [date(2027, 1, 1), date(2028, 2, 29)], ids=str)
def test_retention_counts_days_from_today(real_clock, tmp_path, day):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    with _at(day):
        engine = create_engine(url, future=True)
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, "
                              "timestamp FLOAT, intent_name TEXT, action_name TEXT, data TEXT)"))
            for sender, age in (("366-dagen", 366), ("364-dagen", 364)):
                conn.execute(text("INSERT INTO events (sender_id, type_name, timestamp, data) "
                                  "VALUES (:s, 'user', :t, '{}')"), {"s": sender, "t": time.time() - age * 86400})
        assert privacy.purge_old_conversations(str(tmp_path / "tracker.db"), 365) == 1
        with engine.connect() as conn:
            assert [r[0] for r in conn.execute(text("SELECT sender_id FROM events"))] == ["364-dagen"]
        engine.dispose()


def test_documents_carry_the_date_they_were_made_and_a_pop_stays_current_over_new_year(db_url, real_clock):
    """A POP prepared on 31 December is the current POP on 1 January: it can be downloaded and shared."""
    import io

    from docx import Document
    from openpyxl import load_workbook

    eva = Identity("eva", "Eva de Vries", "employee", "Gemeente Zeist", manager_id="mark")
    mark = Identity("mark", "Mark Jansen", "manager", "Gemeente Zeist")
    with _at(date(2026, 12, 31)):
        service.sync_identity(mark)
        service.start("mark", "strategie")
        for _key, answer in STRATEGIE[1:]:
            service.answer("mark", "strategie", answer)
        service.start("mark", "jaarplan")
        for _key, answer in JAARPLAN:
            service.answer("mark", "jaarplan", "volgend jaar" if _key == "jaarplan_jaar" else answer)
        service.sync_identity(eva)
        service.start("eva", "pop")
        for _key, answer in POP[1:]:
            service.answer("eva", "pop", answer)
    for day in (date(2027, 1, 1), date(2028, 2, 29)):
        with _at(day):
            body, _name, _type = exports.build("pop_docx", "eva")
            paragraphs = "\n".join(p.text for p in Document(io.BytesIO(body)).paragraphs)
            assert f"gemaakt op {format_date(day)}" in paragraphs and "— 2026 —" in paragraphs
            body, _name, _type = exports.build("jaarplan_xlsx", "mark")
            title = next(load_workbook(io.BytesIO(body))["Activiteiten"].iter_rows(values_only=True))[0]
            assert title == "Opleidingsjaarplan 2027 — Gemeente Zeist"  # "volgend jaar" on 31 December
    with _at(date(2027, 1, 1)):
        assert sharing.share_pop("eva", True) == "gedeeld"
