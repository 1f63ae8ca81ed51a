"""Commands for running Leerkoers in production: databases, `run-prod`, `serve`, backups and retention.

Part of the command line of ops/cli.py (which holds the parser and the commands for development).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from bot.settings import PROJECT_ROOT, get_settings
from bot.storage import db
from ops import processes


def _safe_url(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url


def _safe_to_start(settings) -> bool:
    """Production refuses unsafe settings (bot/production.py)."""
    from bot.production import production_problems

    problems = production_problems(settings)
    for problem in problems:
        print(f"Leerkoers start niet: {problem}", file=sys.stderr)
    return not problems


def _check_model(settings) -> bool:
    if not processes.model_path(settings).exists():
        print("Er is nog geen getraind model. Voer eerst `make train` uit.", file=sys.stderr)
        return False
    return True


def cmd_db_upgrade(_args) -> int:
    settings = get_settings()
    db.upgrade(settings.database_url)
    print(f"Database is bijgewerkt: {_safe_url(settings.database_url)}")
    return 0


def _apply_retention(settings) -> int:
    """The retention period, on the conversation store of this layout (SQLite or PostgreSQL) and export files."""
    from bot.services.privacy import purge_copied_pop_texts, purge_export_files, purge_old_conversations

    removed = purge_old_conversations(settings.tracker_url, settings.retention_days)
    files = purge_export_files(settings.exports_dir)
    copies = purge_copied_pop_texts(settings.tracker_url)
    if removed or files:
        print(f"Bewaartermijn: {removed} gespreksgebeurtenissen ouder dan {settings.retention_days} dagen en "
              f"{files} oude exportbestanden verwijderd.")
    if copies:
        print(f"{copies} gedeelde POP-teksten uit oudere versies verwijderd uit gesprekken van leidinggevenden.")
    return removed + files + copies


def cmd_retention(_args) -> int:
    removed = _apply_retention(get_settings())
    if not removed:
        print(f"Bewaartermijn {get_settings().retention_days} dagen: niets te verwijderen.")
    return 0


def cmd_unclear(args) -> int:
    """`leerkoers onbegrepen`: what people asked that Leerkoers did not understand, grouped, without who."""
    from bot.services import unclear

    settings = get_settings()
    days = min(args.days, settings.retention_days)
    groups = unclear.grouped(unclear.unclear_messages(settings.tracker_url, days))
    if not groups:
        print(f"Geen onbegrepen berichten in de laatste {days} dagen.")
        return 0
    print(f"Onbegrepen berichten in de laatste {days} dagen ({sum(g.count for g in groups)} in totaal), "
          "gegroepeerd op tekst:")
    for group in groups:
        print(f"{group.count:>5}  {group.text}")
        for variant in group.variants:
            print(f"       ook: {variant}")
    print("\nZo maak je er trainingsdata van: docs/nlu.md, 'Learning from use'.")
    return 0


def create_databases(settings) -> list[str]:
    """PostgreSQL: create the answers and tracker databases when they do not exist yet."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    created = []
    answers = make_url(settings.database_url)
    wanted = []
    if answers.get_backend_name() == "postgresql":
        wanted.append((answers, answers.database))
    if settings.production:
        pg = settings.tracker_pg
        tracker = make_url(f"postgresql://{pg['LEERKOERS_TRACKER_PG_USER']}@{pg['LEERKOERS_TRACKER_PG_HOST']}:"
                           f"{pg['LEERKOERS_TRACKER_PG_PORT']}/postgres")
        if pg["LEERKOERS_TRACKER_PG_PASSWORD"]:
            tracker = tracker.set(password=pg["LEERKOERS_TRACKER_PG_PASSWORD"])
        wanted.append((tracker, pg["LEERKOERS_TRACKER_PG_DB"]))
    for url, name in wanted:
        admin = create_engine(url.set(database="postgres"), future=True, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
            if not exists:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
                created.append(name)
        admin.dispose()
    return created


def cmd_db_create(_args) -> int:
    for name in create_databases(get_settings()):
        print(f"Database aangemaakt: {name}")
    return cmd_db_upgrade(_args)


def cmd_run_prod(_args) -> int:
    """The production layout on one machine: PostgreSQL, Redis, N Rasa servers behind HAProxy."""
    import redis

    settings = get_settings()
    if not settings.production:
        print("Zet LEERKOERS_MODE=production (make run-prod doet dat).", file=sys.stderr)
        return 2
    if not _safe_to_start(settings):
        return 2
    if not _check_model(settings):
        return 1
    try:
        redis.Redis(host=settings.redis["LEERKOERS_REDIS_HOST"], port=int(settings.redis["LEERKOERS_REDIS_PORT"]),
                    socket_connect_timeout=3).ping()
        create_databases(settings)
        db.upgrade(settings.database_url)
        _apply_retention(settings)
    except Exception as exc:  # noqa: BLE001 - tell the administrator what is missing
        print(f"PostgreSQL of Redis is niet bereikbaar: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    busy = [p for p in (settings.action_port, settings.public_port, *settings.rasa_ports)
            if processes.port_in_use(settings.host, p)]
    if busy:
        print(f"Poort(en) al in gebruik: {busy}", file=sys.stderr)
        return 1
    print(f"Leerkoers (productie) start met {settings.replicas} Rasa-servers...", flush=True)
    try:
        cluster = processes.start_cluster(settings)
    except (RuntimeError, TimeoutError) as exc:
        print(f"Starten is mislukt: {exc}", file=sys.stderr)
        return 1
    print(f"""
Leerkoers draait in productiemodus.
  Eén adres:  {cluster.url}  (REST: POST {cluster.webhook}, socket.io: {cluster.url}/socket.io)
  Rasa:       {', '.join(cluster.rasa_url(i) for i in range(settings.replicas))}
  Gezondheid: {cluster.url}/proxy-health, <rasa>/webhooks/rest/ready, http://{settings.host}:{settings.action_port}/health
Stoppen: Ctrl-C
""", flush=True)
    stop = {"now": False}
    signal.signal(signal.SIGTERM, lambda *_: stop.update(now=True))
    try:
        while not stop["now"]:
            time.sleep(1)
            for name in cluster.revive():
                print(f"{name} was gestopt en is opnieuw gestart.", flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()
        print("Gestopt.", flush=True)
    return 0


def cmd_serve(args) -> int:
    """One process of the production layout in the foreground, for a process manager (deploy/systemd)."""
    settings = get_settings()
    if not settings.action_secret:
        print("Zet LEERKOERS_ACTION_SECRET (dezelfde waarde voor de action server en alle Rasa-servers).",
              file=sys.stderr)
        return 2
    if settings.production and not _safe_to_start(settings):
        return 2
    argv = (processes.rasa_command(settings, args.port) if args.process == "rasa"
            else processes.action_command(settings))
    os.chdir(PROJECT_ROOT)
    os.execve(argv[0], argv, processes.runtime_env(settings))
    return 0  # not reached


def cmd_backup(_args) -> int:
    """One backup of the answers database into LEERKOERS_BACKUP_DIR; older ones past LEERKOERS_BACKUP_DAYS go."""
    from ops import backup

    settings = get_settings()
    try:
        file = backup.dump(settings.database_url, settings.backup_dir)
    except (RuntimeError, ValueError, OSError) as exc:
        print(f"De backup is mislukt: {exc}", file=sys.stderr)
        return 1
    removed = backup.prune(settings.backup_dir, settings.backup_days)
    print(f"Backup gemaakt: {file}" + (f" ({removed} backups ouder dan {settings.backup_days} dagen verwijderd)"
                                        if removed else ""))
    return 0


def cmd_restore(args) -> int:
    """Restore a backup into a new database, and delete again whoever was deleted since the backup."""
    from bot.services import privacy
    from ops import backup

    register = args.register or get_settings().database_url
    try:
        backup.restore(Path(args.file), args.naar)
    except (RuntimeError, ValueError, OSError) as exc:
        print(f"Herstellen is mislukt: {exc}", file=sys.stderr)
        return 1
    try:
        removed = privacy.forget_again(args.naar, register)
    except Exception as exc:  # noqa: BLE001 - the restore itself worked; say what is left to do
        print(f"Hersteld, maar het verwijderregister van {register.rsplit('@', 1)[-1]} kon niet worden gelezen "
              f"({type(exc).__name__}). Wie na de backup zijn gegevens liet verwijderen, staat weer in de "
              "herstelde database: herhaal dit met --register <database-URL met het register>.", file=sys.stderr)
        return 1
    print(f"Hersteld in {args.naar.rsplit('@', 1)[-1]}; {removed} mensen die na de backup hun gegevens lieten "
          "verwijderen, zijn opnieuw verwijderd. Zet LEERKOERS_DATABASE_URL op de nieuwe database en start "
          "Leerkoers opnieuw.")
    return 0
