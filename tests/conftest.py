"""Shared fixtures: a fresh database per test (SQLite by default, PostgreSQL when asked)."""

from __future__ import annotations

import os
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.storage import db

TODAY = date(2026, 11, 26)
# The product's date in every test and in every server the tests start (bot/clock.py): no test depends on the
# real date. tests/unit/test_clock.py runs the date-dependent parts at other dates with the real clock.
os.environ["LEERKOERS_TODAY"] = TODAY.isoformat()


def _fresh_postgres(url: str) -> str:
    """A new, empty database on the PostgreSQL server of ``url``."""
    name = f"lk_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.rsplit("/", 1)[0] + "/" + name


POSTGRES_URL = os.environ.get("LEERKOERS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
_postgres_ok: dict[str, bool] = {}


def postgres_available() -> bool:
    if POSTGRES_URL not in _postgres_ok:
        try:
            engine = create_engine(POSTGRES_URL, future=True, connect_args={"connect_timeout": 3})
            with engine.connect():
                pass
            engine.dispose()
            _postgres_ok[POSTGRES_URL] = True
        except Exception:  # noqa: BLE001 - any failure means: not reachable
            _postgres_ok[POSTGRES_URL] = False
    return _postgres_ok[POSTGRES_URL]


def require_postgres() -> None:
    """Skip with instructions on a developer machine; fail in CI, where PostgreSQL must be there."""
    if postgres_available():
        return
    message = (f"PostgreSQL is not reachable at {POSTGRES_URL}. Start it, or point LEERKOERS_TEST_POSTGRES_URL "
               "at a server where the user may create databases, to run these tests.")
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path, monkeypatch):
    """A fresh, migrated database for each test: SQLite, and the same test again on PostgreSQL."""
    base = None
    if request.param == "postgresql":
        require_postgres()
        base = POSTGRES_URL
    url = _fresh_postgres(base) if base else f"sqlite:///{tmp_path / 'leerkoers.db'}"
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


KIND_MARKERS = {"unit": ["unit"], "integration": ["integration"], "model": ["model"], "e2e": ["e2e"],
                "browser": ["browser", "e2e"]}


def pytest_collection_modifyitems(config, items):
    """The folder says the kind of a test (tests/unit, integration, model, e2e, browser); `make test-fast` uses it."""
    for item in items:
        folder = Path(str(item.fspath)).parent.name
        for name in KIND_MARKERS.get(folder, []):
            item.add_marker(getattr(pytest.mark, name))
