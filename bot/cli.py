"""Command line: `leerkoers db upgrade`, `leerkoers run`, `leerkoers chat`, `leerkoers train`."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from bot import db, processes
from bot.settings import PROJECT_ROOT, get_settings


def cmd_db_upgrade(_args) -> int:
    settings = get_settings()
    db.upgrade(settings.database_url)
    print(f"Database is bijgewerkt: {_safe_url(settings.database_url)}")
    return 0


def _safe_url(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url


def _check_ports(settings) -> bool:
    busy = [p for p in (settings.action_port, settings.rasa_port) if processes.port_in_use(settings.host, p)]
    for port in busy:
        print(f"Poort {port} is al in gebruik. Stop het andere programma, of kies een andere poort met "
              f"LEERKOERS_RASA_PORT / LEERKOERS_ACTION_PORT.", file=sys.stderr)
    return not busy


def _check_model(settings) -> bool:
    if not processes.model_path(settings).exists():
        print("Er is nog geen getraind model. Voer eerst `make train` uit.", file=sys.stderr)
        return False
    return True


def cmd_run(_args) -> int:
    settings = get_settings()
    if not (_check_model(settings) and _check_ports(settings)):
        return 1
    db.upgrade(settings.database_url)
    _apply_retention(settings)
    print("Leerkoers start. Dit duurt ongeveer een halve minuut...", flush=True)
    stop = {"now": False}

    def _stop(_sig, _frame):
        stop["now"] = True

    signal.signal(signal.SIGTERM, _stop)
    try:
        servers = processes.start_all(settings)
    except (RuntimeError, TimeoutError) as exc:
        print(f"Starten is mislukt: {exc}", file=sys.stderr)
        return 1
    from bot.demo import DemoServer
    from bot.identity import token_settings

    demo = None
    if processes.port_in_use(settings.host, settings.demo_port):
        print(f"Poort {settings.demo_port} is in gebruik; de demo-intranetpagina start niet "
              f"(kies een andere met LEERKOERS_DEMO_PORT).", file=sys.stderr)
    else:
        try:
            demo = DemoServer(settings.host, settings.demo_port, servers.rasa_url,
                              mint_tokens=settings.extra.get("demo_tokens", False)).start()
        except RuntimeError as exc:  # widget not built: the bot itself still runs
            print(f"De demo-intranetpagina start niet: {exc}", file=sys.stderr)
    mode = ("tokens staan aan (" + token_settings().algorithm + ")" if token_settings().enabled
            else "ONTWIKKELMODUS: geen tokens, iedereen praat als testgebruiker")
    print(f"""
Leerkoers draait — {mode}.
  Browser:    {demo.url if demo else '(niet gestart)'}   <- open dit voor de chatwidget op een demo-intranetpagina
  REST:       POST {servers.webhook}
              bijvoorbeeld: curl -s -XPOST {servers.webhook} -d '{{"sender":"t1","message":"hallo"}}'
  Socket.IO:  {servers.rasa_url}/socket.io
  Acties:     http://{settings.host}:{settings.action_port}/health
  Database:   {_safe_url(settings.database_url)}
Stoppen: Ctrl-C
""", flush=True)
    try:
        while not stop["now"]:
            if servers.rasa.poll() is not None or servers.action.poll() is not None:
                print("Een van de servers is gestopt; Leerkoers stopt nu.", file=sys.stderr)
                break
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        print("\nLeerkoers stopt...", flush=True)
        if demo:
            demo.stop()
        servers.stop()
        print("Gestopt.", flush=True)
    return 0


def _apply_retention(settings) -> int:
    """The retention period, on the conversation store of this layout (SQLite or PostgreSQL) and export files."""
    from bot.privacy import purge_copied_pop_texts, purge_export_files, purge_old_conversations

    removed = purge_old_conversations(settings.tracker_url, settings.retention_days)
    files = purge_export_files(settings.exports_dir)
    copies = purge_copied_pop_texts(settings.tracker_url)
    if removed or files:
        print(f"Bewaartermijn: {removed} gespreksgebeurtenissen ouder dan {settings.retention_days} dagen en "
              f"{files} oude exportbestanden verwijderd.")
    if copies:
        print(f"{copies} gedeelde POP-teksten uit oudere versies verwijderd uit gesprekken van leidinggevenden.")
    return removed + files + copies


def cmd_funding_nlu(_args) -> int:
    from bot import funding

    funding.NLU_FILE.write_text(funding.nlu_training_data(funding.load()), encoding="utf-8")
    print(f"Geschreven: {funding.NLU_FILE}. Train het model opnieuw met 'make train'.")
    return 0


def cmd_retention(_args) -> int:
    removed = _apply_retention(get_settings())
    if not removed:
        print(f"Bewaartermijn {get_settings().retention_days} dagen: niets te verwijderen.")
    return 0


def cmd_chat(_args) -> int:
    settings = get_settings()
    if not _check_model(settings):
        return 1
    if processes.port_in_use(settings.host, settings.action_port):
        print(f"Poort {settings.action_port} is al in gebruik.", file=sys.stderr)
        return 1
    db.upgrade(settings.database_url)
    action = processes.start_action_server(settings, log=subprocess.DEVNULL)

    def _hangup(_sig, _frame):  # a closed terminal must not leave the action server behind
        processes.stop_process(action)
        sys.exit(0)

    signal.signal(signal.SIGHUP, _hangup)
    signal.signal(signal.SIGTERM, _hangup)
    try:
        processes.wait_for(f"http://{settings.host}:{settings.action_port}/health", action)
        env = processes.runtime_env(settings)
        return subprocess.call(
            [str(processes.BIN / "python"), "-m", "bot.rasa_launcher", "shell", "--model",
             str(processes.model_path(settings)),
             "--endpoints", "endpoints.yml", "--port", str(processes.free_port()), "--conversation-id",
             get_settings().chat_id],
            cwd=PROJECT_ROOT, env=env)
    except KeyboardInterrupt:
        return 0
    finally:
        processes.stop_process(action)


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


def cmd_env(_args) -> int:
    """Print the runtime environment for Rasa commands (used by the Makefile)."""
    settings = get_settings()
    for key, value in processes.runtime_env(settings).items():
        if key.startswith("LEERKOERS_"):
            print(f"export {key}='{value}'")
    return 0


def cmd_funding_check(args) -> int:
    """List schemes whose last_checked date is older than the allowed age (for the file's maintainer)."""
    from bot import funding
    from bot.parsing import format_date

    try:
        kb = funding.load(args.file)
    except funding.KnowledgeBaseError as exc:
        print(f"Fout in de kennisbank: {exc}", file=sys.stderr)
        return 2
    max_age = args.max_dagen if args.max_dagen is not None else get_settings().funding_max_age_days
    stale = kb.stale(max_age)
    print(f"Kennisbank: {kb.path} ({len(kb.schemes)} regelingen, maximale leeftijd {max_age} dagen)")
    if not stale:
        print("Alle regelingen zijn recent gecontroleerd.")
        return 0
    print(f"{len(stale)} regeling(en) opnieuw controleren:")
    for scheme in stale:
        print(f"- {scheme.id}: {scheme.name} — laatst gecontroleerd {format_date(scheme.last_checked)} — "
              f"{scheme.official_page}")
    return 1 if args.streng else 0


def cmd_token(args) -> int:
    """Mint a test token, as the intranet would (HS256 with LEERKOERS_JWT_SECRET, or --private-key for RS256)."""
    from bot.identity import mint, token_settings

    settings = token_settings()
    if args.private_key:
        key, algorithm = open(args.private_key, encoding="utf-8").read(), "RS256"
    elif get_settings().jwt_secret:
        key, algorithm = get_settings().jwt_secret, "HS256"
    else:
        print("Zet LEERKOERS_JWT_SECRET, of geef --private-key voor RS256.", file=sys.stderr)
        return 2
    print(mint(args.id, args.naam or args.id, args.rol, args.organisatie, key=key, algorithm=algorithm,
               issuer=settings.issuer, audience=settings.audience, ttl_seconds=args.geldig * 60,
               organisation_id=args.organisatie_id))
    return 0


def cmd_serve(args) -> int:
    """One process of the production layout in the foreground, for a process manager (deploy/systemd)."""
    settings = get_settings()
    if not settings.action_secret:
        print("Zet LEERKOERS_ACTION_SECRET (dezelfde waarde voor de action server en alle Rasa-servers).",
              file=sys.stderr)
        return 2
    argv = (processes.rasa_command(settings, args.port) if args.process == "rasa"
            else processes.action_command(settings))
    os.chdir(PROJECT_ROOT)
    os.execve(argv[0], argv, processes.runtime_env(settings))
    return 0  # not reached


def cmd_backup(_args) -> int:
    """One backup of the answers database into LEERKOERS_BACKUP_DIR; older ones past LEERKOERS_BACKUP_DAYS go."""
    from bot import backup

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
    from bot import backup, privacy

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


def cmd_rasa(args) -> int:
    """Run a rasa command with Leerkoers' settings in the environment (endpoints.yml needs them)."""
    env = processes.runtime_env(get_settings())
    rest = [a for a in args.rasa_args if a != "--"]
    return subprocess.call([str(processes.BIN / "rasa"), *rest], cwd=PROJECT_ROOT, env=env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="leerkoers", description="Leerkoers beheren")
    sub = parser.add_subparsers(dest="command", required=True)
    dbp = sub.add_parser("db", help="database")
    dbsub = dbp.add_subparsers(dest="db_command", required=True)
    dbsub.add_parser("upgrade", help="schema aanmaken of bijwerken").set_defaults(func=cmd_db_upgrade)
    dbsub.add_parser("create", help="PostgreSQL-databases aanmaken (als ze ontbreken) en bijwerken").set_defaults(
        func=cmd_db_create)
    sub.add_parser("run", help="action server en Rasa server starten").set_defaults(func=cmd_run)
    sub.add_parser("chat", help="in de terminal met Leerkoers praten").set_defaults(func=cmd_chat)
    sub.add_parser("run-prod", help="productie-opzet op één machine").set_defaults(func=cmd_run_prod)
    sub.add_parser("env", help="omgevingsvariabelen voor Rasa tonen").set_defaults(func=cmd_env)
    fund = sub.add_parser("subsidies", help="de kennisbank met regelingen")
    fundsub = fund.add_subparsers(dest="funding_command", required=True)
    check = fundsub.add_parser("controleer", help="regelingen tonen die te lang niet zijn gecontroleerd")
    check.add_argument("--max-dagen", type=int, default=None,
                       help="maximale leeftijd van last_checked (standaard LEERKOERS_FUNDING_MAX_AGE_DAYS of 180)")
    check.add_argument("--bestand", dest="file", default=None, help="een ander kennisbankbestand")
    check.add_argument("--streng", action="store_true", help="afsluiten met code 1 als er iets te oud is")
    check.set_defaults(func=cmd_funding_check)
    fundsub.add_parser("nlu", help="data/nlu/regelingen.yml opnieuw maken (namen en aliassen voor de NLU)"
                       ).set_defaults(func=cmd_funding_nlu)
    sub.add_parser("bewaartermijn", help="gesprekken ouder dan LEERKOERS_RETENTION_DAYS verwijderen").set_defaults(
        func=cmd_retention)
    serve = sub.add_parser("serve", help="één proces van de productie-opzet (voor systemd)")
    serve.add_argument("process", choices=["rasa", "actions"])
    serve.add_argument("--port", type=int, default=None, help="poort van deze Rasa-server")
    serve.set_defaults(func=cmd_serve)
    sub.add_parser("backup", help="backup van de antwoordendatabase maken").set_defaults(func=cmd_backup)
    rest = sub.add_parser("herstel", help="een backup terugzetten in een nieuwe, lege database")
    rest.add_argument("file", help="het backupbestand (.dump voor PostgreSQL, .sqlite voor SQLite)")
    rest.add_argument("--naar", required=True, help="database-URL van de nieuwe database")
    rest.add_argument("--register", default=None,
                      help="database met het verwijderregister (standaard LEERKOERS_DATABASE_URL, de huidige)")
    rest.set_defaults(func=cmd_restore)
    tok = sub.add_parser("token", help="een testtoken maken, zoals het intranet dat doet")
    tok.add_argument("--id", required=True, help="vaste id van de persoon")
    tok.add_argument("--naam", default=None)
    tok.add_argument("--rol", choices=["employee", "manager", "hr"], default="employee")
    tok.add_argument("--organisatie", required=True, help="naam van de organisatie (verplicht)")
    tok.add_argument("--organisatie-id", default=None, help="vaste id van de organisatie (standaard: de naam)")
    tok.add_argument("--geldig", type=int, default=60, help="minuten geldig (standaard 60)")
    tok.add_argument("--private-key", default=None, help="PEM-bestand voor RS256")
    tok.set_defaults(func=cmd_token)
    rasa = sub.add_parser("rasa", help="een rasa-commando uitvoeren met de instellingen van Leerkoers")
    rasa.add_argument("rasa_args", nargs=argparse.REMAINDER)
    rasa.set_defaults(func=cmd_rasa)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
