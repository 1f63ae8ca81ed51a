"""The PostgreSQL server of the tests: where it is, whether it is there, and a fresh database on it.

Used by tests/conftest.py (the ``db_url`` fixture) and by the tests that need PostgreSQL itself."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text


def fresh_postgres(url: str) -> str:
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
