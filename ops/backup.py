"""Backups of the answers database and their restore (`leerkoers backup`, `leerkoers herstel`).

PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore` into a new, empty database. SQLite: SQLite's
own online backup, which is consistent while Leerkoers runs. Backup files hold personal data: they are readable
by the owner only, and `prune` removes those older than the backup retention (LEERKOERS_BACKUP_DAYS), so that
deleted people disappear from backups too. The conversation store (Rasa's tracker) is not backed up: it is
kept only for the retention period and holds nothing the answers database does not.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from bot import clock

SUFFIX = {"postgresql": ".dump", "sqlite": ".sqlite"}


def _libpq(url: str) -> str:
    """The URL as pg_dump and pg_restore read it (no SQLAlchemy driver name)."""
    parsed = make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


def _sqlite_path(url: str) -> Path:
    return Path(make_url(url).database or "")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise RuntimeError(f"{name} ontbreekt. Installeer de PostgreSQL-clientprogramma's (Debian: postgresql-client).")
    return found


def dump(url: str, folder: Path, now: datetime | None = None) -> Path:
    """Write one backup of the database at ``url`` into ``folder``; returns the file."""
    backend = make_url(url).get_backend_name()
    if backend not in SUFFIX:
        raise ValueError(f"geen backup mogelijk voor {backend}")
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    stamp = (now or clock.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"leerkoers-{stamp}{SUFFIX[backend]}"
    partial = target.with_name(target.name + ".part")
    partial.touch(mode=0o600)
    try:
        if backend == "postgresql":
            subprocess.run([_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
                            f"--file={partial}", f"--dbname={_libpq(url)}"], check=True, capture_output=True)
        else:
            source = sqlite3.connect(_sqlite_path(url))
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
            finally:
                copy.close()
                source.close()
        os.chmod(partial, 0o600)
        partial.rename(target)  # a file without .part is always complete
    except subprocess.CalledProcessError as exc:
        partial.unlink(missing_ok=True)
        raise RuntimeError(f"pg_dump is mislukt: {exc.stderr.decode(errors='replace').strip()}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def restore(file: Path, url: str) -> None:
    """Restore a backup into the empty (or not yet existing) database at ``url``."""
    backend = make_url(url).get_backend_name()
    if not file.is_file() or file.suffix != SUFFIX.get(backend):
        raise ValueError(f"{file.name} is geen backup voor een {backend}-database")
    if backend == "postgresql":
        _create_empty_postgres(url)
        result = subprocess.run([_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error",
                                 f"--dbname={_libpq(url)}", str(file)], capture_output=True)
        if result.returncode != 0:
            raise RuntimeError(f"pg_restore is mislukt: {result.stderr.decode(errors='replace').strip()}")
        return
    target = _sqlite_path(url)
    if target.exists() and target.stat().st_size > 0:
        raise ValueError(f"{target} bestaat al: herstel in een nieuw bestand en verplaats het daarna")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.touch(mode=0o600)
    source, copy = sqlite3.connect(file), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()


def _create_empty_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    parsed = make_url(url)
    admin = create_engine(parsed.set(database="postgres"), future=True, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": parsed.database}).first():
                conn.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    finally:
        admin.dispose()
    engine = create_engine(url, future=True)
    try:
        with engine.connect() as conn:
            tables = conn.execute(text("SELECT count(*) FROM information_schema.tables "
                                       "WHERE table_schema = 'public'")).scalar_one()
    finally:
        engine.dispose()
    if tables:
        raise ValueError(f"database {parsed.database} is niet leeg: herstel in een nieuwe database")


def prune(folder: Path, keep_days: int) -> int:
    """Remove backups older than ``keep_days`` days; the newest one always stays."""
    if not folder.is_dir():
        return 0
    files = sorted((f for f in folder.iterdir() if f.name.startswith("leerkoers-") and f.suffix in
                    SUFFIX.values()), key=lambda f: f.stat().st_mtime)
    limit = clock.timestamp() - keep_days * 86400
    removed = 0
    for file in files[:-1]:
        if file.stat().st_mtime < limit:
            file.unlink()
            removed += 1
    return removed
