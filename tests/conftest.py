"""Shared fixtures: a fresh database per test (SQLite by default, PostgreSQL when asked)."""

from __future__ import annotations

import os
import uuid
from datetime import date

import pytest
from sqlalchemy import create_engine, text

from bot import db

TODAY = date(2026, 11, 26)


def _fresh_postgres(url: str) -> str:
    """A new, empty database on the PostgreSQL server of ``url``."""
    name = f"lk_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def db_url(tmp_path, monkeypatch):
    """Set LEERKOERS_TEST_DATABASE_URL to a PostgreSQL URL to run the same tests against PostgreSQL."""
    base = os.environ.get("LEERKOERS_TEST_DATABASE_URL")
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
