"""Engine and session handling: one short-lived session per unit of work.

No engine is created at import time. Engines are cached per database URL.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from bot.settings import PROJECT_ROOT, get_settings

_lock = threading.Lock()
# SQLite has one writer at a time, and a writer that finds the file locked sleeps in steps of up to 100 ms
# before it tries again. Transactions of this process queue here instead and start the moment the previous
# one ends (measured: 10 conversations at once got about twice as slow without this). Other processes
# (the command line, a second action server) still meet SQLite's own lock and wait for it.
_sqlite_writer = threading.RLock()
_engines: dict[str, Engine] = {}
_factories: dict[str, sessionmaker] = {}


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")  # under load a turn waits for the lock; it does not fail
    cursor.close()


def get_engine(url: str | None = None) -> Engine:
    url = url or get_settings().database_url
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            # hide_parameters: an error message never contains the answers being stored
            kwargs: dict = {"future": True, "pool_pre_ping": True, "hide_parameters": True}
            if url.startswith("sqlite"):
                path = url.split("sqlite:///", 1)[-1]
                if path and path != ":memory:":
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                    Path(path).touch(exist_ok=True)
                    os.chmod(path, 0o600)  # answers are personal: readable by the owner only
                    # SQLAlchemy 1.4 opens a new SQLite connection per session (NullPool), and each one runs the
                    # pragmas below again: keep a few open instead. A file has no server that could drop them.
                    kwargs.update(poolclass=QueuePool, pool_size=5, max_overflow=10, pool_pre_ping=False)
                kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
            engine = create_engine(url, **kwargs)
            if url.startswith("sqlite"):
                event.listen(engine, "connect", _sqlite_pragmas)
            _engines[url] = engine
            _factories[url] = sessionmaker(bind=engine, future=True, expire_on_commit=False)
        return engine


@contextmanager
def session_scope(url: str | None = None, serial: bool = False) -> Iterator[Session]:
    """A transaction: commit on success, roll back on error, always close.

    ``serial``: on SQLite the transaction takes the write lock at its start (``BEGIN IMMEDIATE``), so that rows
    read in it cannot change before it commits; on PostgreSQL lock rows with ``SELECT ... FOR UPDATE``.
    """
    url = url or get_settings().database_url
    get_engine(url)
    if url.startswith("sqlite"):
        with _sqlite_writer:
            yield from _transaction(url, serial)
    else:
        yield from _transaction(url, serial)


def _transaction(url: str, serial: bool) -> Iterator[Session]:
    session = _factories[url]()
    try:
        if serial and url.startswith("sqlite"):
            # The write lock before anything is read; other sessions keep pysqlite's own deferred transactions,
            # which read outside a transaction and so never fail on a snapshot that another writer made stale.
            session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            session.info["alone"] = True  # no other transaction can write until this one ends
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def ping(url: str | None = None) -> bool:
    """The database answers (the readiness check); raises when it does not."""
    from sqlalchemy import text

    with get_engine(url).connect() as conn:
        conn.execute(text("SELECT 1"))
    return True


def alembic_config(url: str | None = None):
    from alembic.config import Config

    cfg = Config(str(PROJECT_ROOT / "bot" / "storage" / "alembic.ini"))
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "bot" / "storage" / "migrations"))
    cfg.set_main_option("sqlalchemy.url", (url or get_settings().database_url).replace("%", "%%"))
    return cfg


def upgrade(url: str | None = None) -> None:
    """Create or migrate the schema to the newest version (explicit, never on import)."""
    from alembic import command

    get_engine(url)  # makes the folder for SQLite
    command.upgrade(alembic_config(url), "head")


def dispose_all() -> None:
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()
        _factories.clear()
