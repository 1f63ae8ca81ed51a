"""Shared fixtures: a fresh database per test (SQLite by default, PostgreSQL when asked)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.storage import db
from tests.postgres import POSTGRES_URL, fresh_postgres, require_postgres

TODAY = date(2026, 11, 26)
# The product's date in every test and in every server the tests start (bot/clock.py): no test depends on the
# real date. tests/unit/test_clock.py runs the date-dependent parts at other dates with the real clock.
os.environ["LEERKOERS_TODAY"] = TODAY.isoformat()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path, monkeypatch):
    """A fresh, migrated database for each test: SQLite, and the same test again on PostgreSQL."""
    base = None
    if request.param == "postgresql":
        require_postgres()
        base = POSTGRES_URL
    url = fresh_postgres(base) if base else f"sqlite:///{tmp_path / 'leerkoers.db'}"
    monkeypatch.setenv("LEERKOERS_DATABASE_URL", url)
    monkeypatch.setenv("LEERKOERS_VAR_DIR", str(tmp_path))
    db.upgrade(url)
    yield url
    db.dispose_all()
    if base:
        admin = create_engine(base, future=True, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def today():
    return TODAY


@pytest.fixture(scope="session")
def nlu_agent():
    """The trained model, loaded once for every test that parses with it."""
    from bench import nlu_report

    assert nlu_report.MODEL.exists(), "train first: make train"
    return nlu_report.load_agent(nlu_report.MODEL)


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """The intranet set-up (tests/stack_helpers.py), once per test module of tests/browser and tests/e2e that asks for it:
    the real servers with tokens on, and the demo page with the widget. Yields (servers, demo)."""
    from bot.settings import get_settings
    from ops import processes
    from ops.demo import DemoServer
    from tests.stack_helpers import SECRET

    mp = pytest.MonkeyPatch()
    tmp = tmp_path_factory.mktemp("widget")
    for key, value in {
        "LEERKOERS_VAR_DIR": str(tmp), "LEERKOERS_DATABASE_URL": f"sqlite:///{tmp / 'leerkoers.db'}",
        "LEERKOERS_TRACKER_DB": str(tmp / "tracker.db"), "LEERKOERS_RASA_PORT": str(processes.free_port()),
        "LEERKOERS_ACTION_PORT": str(processes.free_port()), "LEERKOERS_JWT_SECRET": SECRET,
    }.items():
        mp.setenv(key, value)
    mp.delenv("LEERKOERS_ACTION_URL", raising=False)
    settings = get_settings()
    db.upgrade(settings.database_url)
    with open(tmp / "servers.log", "w") as log, processes.running(settings, log=log) as servers:
        demo = DemoServer("127.0.0.1", processes.free_port(), servers.rasa_url, mint_tokens=True).start()
        try:
            yield servers, demo
        finally:
            demo.stop()
    mp.undo()
    db.dispose_all()


KIND_MARKERS = {"unit": ["unit"], "integration": ["integration"], "model": ["model"], "e2e": ["e2e"],
                "browser": ["browser", "e2e"]}


def pytest_collection_modifyitems(config, items):
    """The folder says the kind of a test (tests/unit, integration, model, e2e, browser); `make test-fast` uses it."""
    for item in items:
        folder = Path(str(item.fspath)).parent.name
        for name in KIND_MARKERS.get(folder, []):
            item.add_marker(getattr(pytest.mark, name))
