"""Backups: a dump restored into a new database holds every person's answers and answer log (issue 15)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import uuid

import pytest
from sqlalchemy import MetaData, create_engine, select, text

from bot.services import interviews as service
from bot.services import privacy
from bot.storage.models import Base
from ops import backup
from tests.helpers import POP
from tests.postgres import POSTGRES_URL


def _fill(today) -> None:
    for person in ("eva", "piet"):
        service.start(person, "pop", today)
        for key, answer in POP:
            service.turn(person, "pop", f"{answer} ({person})" if len(answer) > 12 and key != "org_naam" else answer,
                         ranking=[("antwoord", 0.9)], today=today)
    service.start("mark", "jaarplan", today, role="manager")
    for answer in ("Gemeente Zeist", "gemeente", "800", "ja", "2027", "€ 10.000"):
        service.turn("mark", "jaarplan", answer, ranking=[("antwoord", 0.9)], today=today)


def _contents(url: str) -> dict[str, list[tuple]]:
    """Every row of every table of the answers database, in a fixed order."""
    engine = create_engine(url, future=True)
    try:
        meta = MetaData()
        meta.reflect(engine)
        with engine.connect() as conn:
            return {name: sorted(tuple(str(v) for v in row) for row in conn.execute(select(table)))
                    for name, table in meta.tables.items()}
    finally:
        engine.dispose()


def test_a_backup_restored_into_a_new_database_is_equal(db_url, today, tmp_path):
    _fill(today)
    folder = tmp_path / "backups"
    file = backup.dump(db_url, folder)
    assert stat.S_IMODE(os.stat(file).st_mode) == 0o600 and stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert not list(folder.glob("*.part"))
    if db_url.startswith("postgresql"):
        target = POSTGRES_URL.rsplit("/", 1)[0] + f"/lk_restore_{uuid.uuid4().hex[:8]}"
    else:
        target = f"sqlite:///{tmp_path / 'hersteld' / 'leerkoers.db'}"
    before = _contents(db_url)
    privacy.delete_person("piet")  # after the backup: piet must not come back with a restore
    # the command an administrator runs
    result = subprocess.run([sys.executable, "-m", "ops.cli", "herstel", str(file), "--naar", target],
                            capture_output=True, text=True, env={**os.environ})
    assert result.returncode == 0, result.stderr
    assert "1 mensen" in result.stdout
    try:
        after = _contents(target)
        assert set(Base.metadata.tables) <= set(after)
        for table in ("persons", "answer_log", "pops", "interview_states", "organisations", "year_plans"):
            assert before[table], table  # the test data reached the table
            kept = [row for row in before[table] if "piet" not in row]
            assert after[table] == kept, table
        assert [(t, row) for t, rows in after.items() for row in rows if "piet" in str(row)] == []
        assert any("eva" in str(row) for row in after["answer_log"])
        # restoring over a database that is not empty is refused
        with pytest.raises(ValueError):
            backup.restore(file, target)
    finally:
        if target.startswith("postgresql"):
            admin = create_engine(POSTGRES_URL, future=True, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{target.rsplit("/", 1)[1]}" WITH (FORCE)'))
            admin.dispose()


def test_old_backups_are_removed_but_the_newest_stays(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    old = [folder / f"leerkoers-2026010{i}-000000.dump" for i in range(1, 4)]
    for i, f in enumerate(old):
        f.write_bytes(b"x")
        os.utime(f, (1_700_000_000 + i, 1_700_000_000 + i))
    (folder / "iets-anders.dump").write_bytes(b"y")
    assert backup.prune(folder, 14) == 2
    assert sorted(f.name for f in folder.iterdir()) == ["iets-anders.dump", old[-1].name]
