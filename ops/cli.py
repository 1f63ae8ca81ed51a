"""Command line `leerkoers`: the parser, and the commands for development (`run`, `chat`, `token`, ...).

The production commands (databases, `run-prod`, `serve`, `backup`, `herstel`, `bewaartermijn`) are in
ops/cli_admin.py.
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import time

from bot.settings import PROJECT_ROOT, get_settings
from bot.storage import db
from bot.vocabulary import ROLES
from ops import processes
from ops.cli_admin import (
    _apply_retention,
    _check_model,
    _safe_url,
    cmd_backup,
    cmd_db_create,
    cmd_db_upgrade,
    cmd_restore,
    cmd_retention,
    cmd_run_prod,
    cmd_serve,
    cmd_unclear,
)
from ops.cli_people import add_parser as people_parser


def _check_ports(settings) -> bool:
    busy = [p for p in (settings.action_port, settings.rasa_port) if processes.port_in_use(settings.host, p)]
    for port in busy:
        print(f"Poort {port} is al in gebruik. Stop het andere programma, of kies een andere poort met "
              f"LEERKOERS_RASA_PORT / LEERKOERS_ACTION_PORT.", file=sys.stderr)
    return not busy


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
    from bot.identity import token_settings
    from ops.demo import DemoServer

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
              {rest_example(servers.webhook, token_settings().enabled)}
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


def cmd_funding_nlu(_args) -> int:
    from bot import funding

    funding.NLU_FILE.write_text(funding.nlu_training_data(funding.load()), encoding="utf-8")
    print(f"Geschreven: {funding.NLU_FILE}. Train het model opnieuw met 'make train'.")
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
            [str(processes.BIN / "python"), "-m", "rasa_addons.launcher", "shell", "--model",
             str(processes.model_path(settings)),
             "--endpoints", "endpoints.yml", "--port", str(processes.free_port()), "--conversation-id",
             get_settings().chat_id],
            cwd=PROJECT_ROOT, env=env)
    except KeyboardInterrupt:
        return 0
    finally:
        processes.stop_process(action)


def cmd_env(_args) -> int:
    """Print the runtime environment for Rasa commands (used by the Makefile)."""
    settings = get_settings()
    for key, value in processes.runtime_env(settings).items():
        if key.startswith("LEERKOERS_"):
            print(f"export {key}='{value}'")
    return 0


def cmd_funding_check(args) -> int:
    """For the file's maintainer: schemes checked too long ago, schemes whose facts are not sure, and schemes whose
    official page was not read. With --streng the exit code is 1 when something is too old."""
    from bot import clock, funding
    from bot.dutch.formatting import count, format_date
    from bot.funding import maintenance

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
    else:
        print(f"{count(len(stale), 'regeling', 'regelingen')} opnieuw controleren:")
    for scheme in stale:
        print(f"- {scheme.id}: {scheme.name} — laatst gecontroleerd {format_date(scheme.last_checked)} — "
              f"{scheme.official_page}")
    unsure = [s for s in kb.schemes.values() if s.available and not s.certain]
    unread = [s for s in kb.schemes.values() if s.available and not s.official_page_read]
    if unsure:
        print(f"\n{count(len(unsure), 'regeling heeft', 'regelingen hebben')} feiten die niet zeker zijn:")
        for scheme in unsure:
            print(f"- {scheme.id}: {scheme.name} (zekerheid {scheme.confidence})")
            for doubt in scheme.doubts():
                print(f"    {doubt}")
    if unread:
        print(f"\n{count(len(unread), 'regeling is', 'regelingen zijn')} niet op de officiële pagina nagekeken: "
              + ", ".join(s.id for s in unread))
    broken = maintenance.findings(kb, clock.today(), get_settings().funding_max_source_age_days)
    if broken:
        print(f"\n{count(len(broken), 'regel', 'regels')} van de kennisbank niet gevolgd (zie docs/content.md):")
        for finding in broken:
            print(f"- {finding.scheme_id}: {finding.problem}")
    else:
        print("\nElke voorwaarde heeft een officiële bron of heet onzeker; geen bedrag of periode uit een te oude bron "
              "staat als zeker.")
    if not stale and not broken:
        return 0
    return 1 if args.streng else 0


def rest_example(webhook: str, tokens: bool) -> str:
    """How to try the REST channel: with tokens on, the person comes from a token, never from the body."""
    if tokens:
        return (f"bijvoorbeeld: curl -s -XPOST {webhook} -H \"Authorization: Bearer $(.venv/bin/leerkoers token "
                f"--id t1 --organisatie Demo)\" -d '{{\"message\":\"hallo\"}}'")
    return f"bijvoorbeeld: curl -s -XPOST {webhook} -d '{{\"sender\":\"t1\",\"message\":\"hallo\"}}'"


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
    check = fundsub.add_parser("controleer", help="regelingen tonen die te lang niet zijn gecontroleerd of onzekere feiten hebben")
    check.add_argument("--max-dagen", type=int, default=None,
                       help="maximale leeftijd van last_checked (standaard LEERKOERS_FUNDING_MAX_AGE_DAYS of 180)")
    check.add_argument("--bestand", dest="file", default=None, help="een ander kennisbankbestand")
    check.add_argument("--streng", action="store_true", help="afsluiten met code 1 als er iets te oud is of een regel niet gevolgd")
    check.set_defaults(func=cmd_funding_check)
    fundsub.add_parser("nlu", help="data/nlu/regelingen.yml opnieuw maken (namen en aliassen voor de NLU)"
                       ).set_defaults(func=cmd_funding_nlu)
    sub.add_parser("bewaartermijn", help="gesprekken ouder dan LEERKOERS_RETENTION_DAYS verwijderen").set_defaults(
        func=cmd_retention)
    unclear = sub.add_parser("onbegrepen", help="berichten die Leerkoers niet begreep, gegroepeerd (zonder wie)")
    unclear.add_argument("--dagen", dest="days", type=int, default=30, help="de laatste zoveel dagen (standaard 30)")
    unclear.set_defaults(func=cmd_unclear)
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
    tok.add_argument("--rol", choices=list(ROLES), default="employee")
    tok.add_argument("--organisatie", required=True, help="naam van de organisatie (verplicht)")
    tok.add_argument("--organisatie-id", default=None, help="vaste id van de organisatie (standaard: de naam)")
    tok.add_argument("--geldig", type=int, default=60, help="minuten geldig (standaard 60)")
    tok.add_argument("--private-key", default=None, help="PEM-bestand voor RS256")
    tok.set_defaults(func=cmd_token)
    people_parser(sub)
    rasa = sub.add_parser("rasa", help="een rasa-commando uitvoeren met de instellingen van Leerkoers")
    rasa.add_argument("rasa_args", nargs=argparse.REMAINDER)
    rasa.set_defaults(func=cmd_rasa)
    args = parser.parse_args(argv)
    from bot.settings import SettingsError, get_settings

    try:
        get_settings()  # a wrong setting stops here, with its name, before anything starts
    except SettingsError as exc:
        print(f"Instelling klopt niet: {exc}", file=sys.stderr)
        return 2
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
