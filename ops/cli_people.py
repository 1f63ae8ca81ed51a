"""`leerkoers medewerkers importeer FILE.csv --organisatie ID [--ja]`: the organisation chart from the HR system
(bot/services/org_chart.py). Without --ja it shows what would change and changes nothing."""

from __future__ import annotations

from pathlib import Path

SHOWN = 20  # lines shown per kind of change; the rest is counted


def cmd_import_people(args) -> int:
    from bot.services import org_chart

    path = Path(args.file)
    try:
        with path.open("rb") as handle:  # never more than the limit in memory, however large the file is
            data = handle.read(org_chart.MAX_BYTES + 1)
    except OSError as exc:
        print(f"Kan {path} niet lezen: {exc.strerror or exc}.")
        return 1
    lines, errors = org_chart.read(data)
    if errors:
        print(f"{path}: {len(errors)} {'fout' if len(errors) == 1 else 'fouten'}; er is niets ingelezen.")
        for error in errors:
            print(f"  {error}")
        return 1
    if not lines:
        print(f"{path}: er staan geen medewerkers in; er is niets ingelezen.")
        return 1
    changes = org_chart.compare(args.organisation, lines)
    if changes.empty:
        print(f"Het organogram van {args.organisation} is al zo: {len(lines)} medewerkers, niets te veranderen.")
        return 0
    print(f"Organogram van {args.organisation}: {len(lines)} medewerkers in het bestand.")
    _show("Nieuw", [f"{line.person_id} ({line.name})" for line in changes.added])
    _show("Anders", [f"{line.person_id}: {', '.join(what)}" for line, what in changes.changed])
    _show("Niet meer in het bestand (houden hun eigen gegevens; hun leidinggevende ziet niets meer)",
          changes.removed)
    if not args.yes:
        print("Er is nog niets veranderd. Voer hetzelfde commando uit met --ja om dit door te voeren.")
        return 0
    org_chart.apply(args.organisation, lines)
    print("Doorgevoerd. Leidinggevenden uit het bestand gelden waar het token geen leidinggevende noemt.")
    return 0


def _show(title: str, items: list[str]) -> None:
    if not items:
        return
    print(f"{title}: {len(items)}")
    for item in items[:SHOWN]:
        print(f"  {item}")
    if len(items) > SHOWN:
        print(f"  … en nog {len(items) - SHOWN}")


def add_parser(sub) -> None:
    people = sub.add_parser("medewerkers", help="het organogram uit het HR-systeem")
    psub = people.add_subparsers(dest="medewerkers_cmd", required=True)
    imp = psub.add_parser("importeer", help="een CSV-export inlezen (id; naam; team; leidinggevende; rol)")
    imp.add_argument("file", help="het CSV-bestand (UTF-8 of Windows-1252, met ; of ,)")
    imp.add_argument("--organisatie", dest="organisation", required=True,
                     help="het id van de organisatie zoals het token het noemt (org_id, tid of de vaste waarde)")
    imp.add_argument("--ja", dest="yes", action="store_true", help="de veranderingen echt doorvoeren")
    imp.set_defaults(func=cmd_import_people)
