"""The organisation chart from the HR system (issue 32, item 3): `leerkoers medewerkers importeer FILE.csv`.

Identity providers know who someone is and their role, but rarely who their manager is; the HR system (AFAS,
Youforce, Visma) does. Its export, one line per person (person id as in the token, name, team, the manager's
person id, role), is checked as a whole: every error with its line number, and nothing is stored unless the whole
file is right. An import replaces the organisation's chart in one transaction; run without ``--ja`` it only shows
what would change.

Where a token has no ``manager`` claim, the chart decides who someone's manager is (a claim in the token wins).
Someone who is no longer in the file keeps their own data; their former manager loses access at once.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field

from sqlalchemy import delete, select

from bot import clock, vocabulary
from bot.storage.db import session_scope
from bot.storage.models import Organisation, OrgChartEntry, Person

COLUMNS = {  # our column: the names an HR export may give it (case and spaces do not matter)
    "person_id": ("id", "persoon", "persoon_id", "person_id", "medewerker_id", "personeelsnummer", "gebruikersnaam",
                  "upn", "sub", "oid"),
    "name": ("naam", "name", "volledige naam", "weergavenaam"),
    "team": ("team", "afdeling", "organisatie-eenheid", "department"),
    "manager_id": ("leidinggevende", "leidinggevende_id", "manager", "manager_id", "manager id"),
    "role": ("rol", "role", "functierol"),
}
ROLE_WORDS = {**{key: key for key in vocabulary.ROLES},
              **{role.label.lower(): key for key, role in vocabulary.ROLES.items()},
              "hr": "hr", "personeelszaken": "hr", "p&o": "hr", "manager": "manager", "teamleider": "manager"}
MAX_LINES = 100_000
MAX_BYTES = 20_000_000  # an export of 100.000 people is about 10 MB
FIELD_LIMIT = csv.field_size_limit()  # 128 kB: a longer field is no name or id


@dataclass(frozen=True)
class Line:
    number: int
    person_id: str
    name: str
    team: str
    manager_id: str
    role: str


@dataclass
class Changes:
    added: list[Line] = field(default_factory=list)
    changed: list[tuple[Line, list[str]]] = field(default_factory=list)  # the line and what changed, in words
    removed: list[str] = field(default_factory=list)  # person ids no longer in the file

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def decode(data: bytes) -> str:
    """UTF-8 (with or without the mark Excel writes), UTF-16 with its mark (Excel's "Unicode text"), or the
    Windows-1252 of an older Excel."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# control characters (a terminal escape, NUL) and the marks that turn text around (bidi): shown or stored, they
# make a name print as something else
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def read(data: bytes) -> tuple[list[Line], list[str]]:
    """The lines of an HR export and every error in it, in Dutch with its line number (line 1 is the header)."""
    if len(data) > MAX_BYTES:
        return [], [f"Het bestand is groter dan {MAX_BYTES // 1_000_000} MB. Splits het per organisatie."]
    text = decode(data)
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text.replace("\x00", "\x01")), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:
            if len(rows) > MAX_LINES:
                return [], [f"Het bestand heeft meer dan {MAX_LINES} regels."]
            rows.append(row)
    except csv.Error:
        return [], [f"Regel {reader.line_num}: deze regel is niet te lezen (een veld van meer dan "
                    f"{FIELD_LIMIT // 1000} kB, of een aanhalingsteken dat niet wordt gesloten)."]
    if not rows:
        return [], ["Het bestand is leeg."]
    header = [h.strip().lower().replace("_", " ") for h in rows[0]]
    where: dict[str, int] = {}
    for ours, names in COLUMNS.items():
        found = [i for i, h in enumerate(header) if h in {n.replace("_", " ") for n in names}]
        if found:
            where[ours] = found[0]
    missing = [ours for ours in ("person_id", "name", "manager_id", "role") if ours not in where]
    if missing:
        wanted = {"person_id": "id", "name": "naam", "manager_id": "leidinggevende", "role": "rol"}
        return [], [f"Regel 1: de kolom {', '.join(wanted[m] for m in missing)} ontbreekt. Verwacht: id; naam; team; "
                    "leidinggevende; rol."]
    lines, errors = [], []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cell = {ours: (row[i].strip() if i < len(row) else "") for ours, i in where.items()}
        problems = _problems(cell)
        if problems:
            errors.append(f"Regel {number}: " + "; ".join(problems) + ".")
            continue
        lines.append(Line(number, cell["person_id"], cell["name"], cell.get("team", ""), cell["manager_id"],
                          ROLE_WORDS[cell["role"].lower()]))
    errors += _whole_file_errors(lines)
    return lines, sorted(errors, key=lambda e: int(e.split()[1].rstrip(":")))


def _problems(cell: dict[str, str]) -> list[str]:
    problems = []
    if any(_HIDDEN.search(value) for value in cell.values()):
        problems.append("er staat een onzichtbaar teken in (een stuurteken of een teken dat de tekst omdraait)")
    if not cell["person_id"] or len(cell["person_id"]) > 128:
        problems.append("het id is leeg of langer dan 128 tekens")
    if not cell["name"] or len(cell["name"]) > 200:
        problems.append("de naam is leeg of langer dan 200 tekens")
    if ROLE_WORDS.get(cell["role"].lower()) is None:
        problems.append(f"onbekende rol '{cell['role'][:40]}' (medewerker, leidinggevende of hr)")
    if len(cell.get("team", "")) > 200 or len(cell["manager_id"]) > 128:
        problems.append("het team of de leidinggevende is te lang")
    if cell["manager_id"] and cell["manager_id"] == cell["person_id"]:
        problems.append("iemand kan niet zijn eigen leidinggevende zijn")
    return problems


def _whole_file_errors(lines: list[Line]) -> list[str]:
    """Ids twice, managers who are not in the file or not managers, and managers who are each other's manager."""
    errors = []
    seen: dict[str, int] = {}
    for line in lines:
        if line.person_id in seen:
            errors.append(f"Regel {line.number}: id {line.person_id} staat ook op regel {seen[line.person_id]}.")
        seen.setdefault(line.person_id, line.number)
    roles = {line.person_id: line.role for line in lines}
    for line in lines:
        if line.manager_id and line.manager_id not in roles:
            errors.append(f"Regel {line.number}: leidinggevende {line.manager_id} staat niet in het bestand.")
        elif line.manager_id and roles[line.manager_id] != "manager":
            errors.append(f"Regel {line.number}: {line.manager_id} is hier de baas, maar heeft een andere rol dan "
                          "leidinggevende.")
    boss = {line.person_id: line.manager_id for line in lines if line.manager_id}
    number = {line.person_id: line.number for line in lines}
    in_circle: set[str] = set()
    for start in boss:
        path, here = [], start
        while here in boss and here not in path and here not in in_circle:
            path.append(here)
            here = boss[here]
        if here in path:  # back where it went round: everyone from there on is in the circle
            circle = path[path.index(here):]
            in_circle.update(circle)
            names = " → ".join([*circle, here])
            errors += [f"Regel {number[p]}: de leidinggevenden gaan in een kring ({names})." for p in circle]
    return errors


def compare(organisation_key: str, lines: list[Line]) -> Changes:
    """What an import would change in the organisation's chart."""
    with session_scope() as s:
        now = {e.person_id: e for e in s.execute(select(OrgChartEntry).where(
            OrgChartEntry.organisation_key == organisation_key)).scalars()}
        changes = Changes()
        for line in lines:
            entry = now.pop(line.person_id, None)
            if entry is None:
                changes.added.append(line)
                continue
            what = [f"{label}: {old or '-'} → {new or '-'}" for label, old, new in (
                ("naam", entry.name, line.name), ("team", entry.team, line.team),
                ("leidinggevende", entry.manager_id, line.manager_id), ("rol", entry.role, line.role)) if old != new
                and (old or new)]
            if what:
                changes.changed.append((line, what))
        changes.removed = sorted(now)
        return changes


def apply(organisation_key: str, lines: list[Line]) -> None:
    """Replace the organisation's chart, and the managers that came from it, in one transaction."""
    with session_scope() as s:
        s.execute(delete(OrgChartEntry).where(OrgChartEntry.organisation_key == organisation_key))
        stamp = clock.utcnow()
        for line in lines:
            s.add(OrgChartEntry(organisation_key=organisation_key, person_id=line.person_id, name=line.name,
                                team=line.team or None, manager_id=line.manager_id or None, role=line.role,
                                imported_at=stamp))
        managers = {line.person_id: line.manager_id or None for line in lines}
        org = s.execute(select(Organisation).where(Organisation.external_id == organisation_key)).scalar_one_or_none()
        people = s.execute(select(Person).where(Person.organisation_id == org.id)).scalars() if org else []
        for person in people:
            if person.manager_from == "token":
                continue  # a claim in the token wins
            person.manager_id = managers.get(person.id)
            person.manager_from = "hr" if person.manager_id else None


def manager_of(session, organisation_key: str | None, person_id: str) -> str | None:
    """The manager the chart names for a person (inside the caller's session)."""
    if not organisation_key:
        return None
    return session.execute(select(OrgChartEntry.manager_id).where(
        OrgChartEntry.organisation_key == organisation_key, OrgChartEntry.person_id == person_id)).scalar()


