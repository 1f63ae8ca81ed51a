"""The funding knowledge base (bot/data/funding.yml): its schemes, validated when loaded.

The file is validated when it is loaded; an error names the scheme and the field. It is read again when it
changes, so editing it changes the advice without retraining or restarting.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from bot import clock, vocabulary
from bot.dutch.parsing import SECTOR_LABELS, normalize
from bot.funding.words import WordsError, parse_words
from bot.storage.models import KINDS_OF_LEARNING

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "funding.yml"

STATUSES = ("open", "beëindigd", "hernoemd", "geen_regeling")
KINDS = ("subsidie", "fonds", "fiscaal", "lening", "wet", "cao", "advies")
SECTORS = tuple(SECTOR_LABELS)
APPLICANTS = ("werkgever", "school", "individu", "regio", "fonds", "samenwerkingsverband")
SITUATIONS = vocabulary.SITUATIONS
LEARNING = KINDS_OF_LEARNING
CONFIDENCE = ("H", "M", "L")

SITUATION_LABELS = {key: vocabulary.PURPOSES[key].label for key in SITUATIONS}
APPLICANT_LABELS = {
    "werkgever": "de werkgever", "school": "de school", "individu": "de medewerker zelf",
    "regio": "de centrumgemeente van de regio", "fonds": "een O&O-fonds", "samenwerkingsverband": "een samenwerkingsverband",
}


@dataclass(frozen=True)
class Condition:
    """A condition of a scheme and where it comes from (a law, a regulation, the scheme's own page)."""

    text: str
    source: str
    certain: bool = True  # false: the source is not official or could not be read; the bot says it is not sure


@dataclass(frozen=True)
class Window:
    """A period in which applications can be made, every year: month and day of opening and closing."""

    opens: tuple[int, int]
    closes: tuple[int, int]


class KnowledgeBaseError(ValueError):
    """A broken knowledge base; the message names the scheme and the field."""


@dataclass(frozen=True)
class Scheme:
    id: str
    name: str
    funder: str
    kind: str
    status: str
    summary: str
    official_page: str
    source: str
    last_checked: date
    confidence: str
    aliases: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    excluded_sectors: tuple[str, ...] = ()
    excluded_reason: str | None = None
    max_employees: int | None = None
    min_employees: int | None = None
    min_participants: int | None = None  # employees a project must reach
    participant_exceptions: bool = False  # the funder allows fewer when it is explained: a reason, not a rule
    tip_condition: str | None = None  # said with the scheme's name in a planning tip ("als het project nieuw is ...")
    max_age: int | None = None
    applicants: tuple[str, ...] = ()
    requires_any: tuple[str, ...] = ()
    cao: str | None = None
    activity_types: tuple[str, ...] = ()
    not_for: tuple[str, ...] = ()  # activity types the scheme says it does not pay for ("losse cursussen")
    target_groups: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    amount_text: str | None = None
    amount_certain: bool = True
    percentage: float | None = None
    max_eur: int | None = None
    application_periods: str | None = None
    windows: tuple[Window, ...] = ()
    windows_certain: bool = True
    always_open: bool = False
    conditions: tuple[Condition, ...] = ()
    uncertain: tuple[str, ...] = ()  # what is not sure about this entry, in a sentence each
    source_date: str | None = None  # the date of the source the facts were taken from ("2022", "17 juli 2023")
    official_page_read: bool = False  # was the official page itself read when the entry was checked?
    ended_on: date | None = None
    successor: str | None = None
    alternatives: tuple[str, ...] = ()
    note: str | None = None
    said_as: str = ""  # the name inside a sentence, with its article: "het levenlanglerenkrediet"
    apply_how: str | None = None  # how to apply, in a sentence or two ("Je vraagt het aan in Mijn DUO.")
    named_only: bool = False  # regional or sector-specific: answered when named, never offered in advice
    excluded_situations: tuple[str, ...] = ()  # situations it is not for ("zzp": the lerarenbeurs)

    @property
    def in_sentence(self) -> str:
        return self.said_as or self.name

    @property
    def available(self) -> bool:
        return self.status == "open"

    @property
    def ended(self) -> bool:
        return self.status in ("beëindigd", "hernoemd")

    @property
    def certain(self) -> bool:
        """Every fact of the entry is sure: several sources agree and nothing is marked uncertain."""
        return (self.confidence == "H" and self.amount_certain and self.windows_certain
                and not self.uncertain and all(c.certain for c in self.conditions))

    def doubts(self) -> list[str]:
        """Why the entry is not sure, in sentences (empty when it is)."""
        out = list(self.uncertain)
        since = f" na {self.source_date}" if self.source_date else ""
        if not self.amount_certain and self.amount_text:
            out.append(f"Het bedrag is niet opnieuw bevestigd{since}.")
        if self.windows and not self.windows_certain:
            out.append(f"Wanneer je kunt aanvragen, is{since} niet meer nagekeken.")
        if not all(c.certain for c in self.conditions):
            out.append("Niet elke voorwaarde komt uit een officiële bron.")
        if self.confidence != "H" and not out:
            out.append({"M": "Er is één bron, of de informatie is ouder.", "L": "Dit is afgeleid, niet bevestigd."}
                       [self.confidence])
        return out


@dataclass
class KnowledgeBase:
    schemes: dict[str, Scheme]
    path: Path
    words: dict[str, str] = field(default_factory=dict)  # jargon and its short explanation (words.py)

    def get(self, scheme_id: str) -> Scheme | None:
        return self.schemes.get(scheme_id)

    def find(self, text: str) -> Scheme | None:
        """The scheme a question is about ("bestaat de WVA nog?"), by name or alias; longest match wins."""
        found = self.find_all(text)
        return found[0] if found else None

    def find_all(self, text: str) -> list[Scheme]:
        """Every scheme named in ``text``, the longest name first."""
        t = " " + re.sub(r"[^\w&+:-]+", " ", normalize(text)) + " "
        best: dict[str, tuple[int, Scheme]] = {}
        for scheme in self.schemes.values():
            for alias in (scheme.name, *scheme.aliases):
                a = normalize(alias)
                named = f" {a} " in t or (len(a) > 5 and a in t) or re.search(  # "de STAP-regeling"
                    rf" {re.escape(a)}[- ]?(?:regeling|subsidie|budget) ", t) is not None
                if named and len(a) > best.get(scheme.id, (0,))[0]:
                    best[scheme.id] = (len(a), scheme)
        return [scheme for _n, scheme in sorted(best.values(), key=lambda found: -found[0])]

    def stale(self, max_age_days: int, today: date | None = None) -> list[Scheme]:
        today = today or clock.today()
        return sorted((s for s in self.schemes.values() if (today - s.last_checked).days > max_age_days),
                      key=lambda s: s.last_checked)


# ------------------------------------------------------------------------------------------------ loading

def _err(sid: str, fieldname: str, problem: str) -> KnowledgeBaseError:
    return KnowledgeBaseError(f"regeling '{sid}', veld '{fieldname}': {problem}")


def _str(entry: dict, sid: str, key: str, required: bool = True) -> str | None:
    value = entry.get(key)
    if value is None:
        if required:
            raise _err(sid, key, "ontbreekt")
        return None
    if not isinstance(value, str) or not value.strip():
        raise _err(sid, key, "moet een niet-lege tekst zijn")
    return value.strip()


def _list(container: dict, sid: str, key: str, allowed: tuple[str, ...] | None = None, prefix: str = "") -> tuple:
    value = container.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _err(sid, prefix + key, "moet een lijst met teksten zijn")
    if allowed is not None:
        wrong = [v for v in value if v not in allowed]
        if wrong:
            raise _err(sid, prefix + key, f"onbekende waarde {wrong[0]!r}; kies uit {', '.join(allowed)}")
    return tuple(value)


def _int(container: dict, sid: str, key: str, prefix: str = "") -> int | None:
    value = container.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _err(sid, prefix + key, "moet een positief geheel getal zijn")
    return value


def _date(entry: dict, sid: str, key: str, required: bool) -> date | None:
    value = entry.get(key)
    if value is None:
        if required:
            raise _err(sid, key, "ontbreekt (datum als JJJJ-MM-DD)")
        return None
    if isinstance(value, date):
        return value
    raise _err(sid, key, f"{value!r} is geen datum (gebruik JJJJ-MM-DD)")


def _bool(container: dict, sid: str, key: str, default: bool, prefix: str = "") -> bool:
    value = container.get(key, default)
    if not isinstance(value, bool):
        raise _err(sid, prefix + key, "moet true of false zijn")
    return value


def _month_day(value: object, sid: str, key: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{2})-(\d{2})", str(value))
    if not match:
        raise _err(sid, key, f"{value!r} is geen maand en dag (gebruik MM-DD)")
    month, day = int(match.group(1)), int(match.group(2))
    try:
        date(2024, month, day)  # a leap year: 02-29 is allowed
    except ValueError:
        raise _err(sid, key, f"{value!r} is geen bestaande datum") from None
    return month, day


def _windows(entry: dict, sid: str) -> tuple[Window, ...]:
    value = entry.get("windows") or []
    if not isinstance(value, list):
        raise _err(sid, "windows", "moet een lijst met periodes zijn (opens: MM-DD, closes: MM-DD)")
    out = []
    for item in value:
        if not isinstance(item, dict) or set(item) != {"opens", "closes"}:
            raise _err(sid, "windows", "elke periode heeft precies 'opens' en 'closes' (MM-DD)")
        out.append(Window(_month_day(item["opens"], sid, "windows.opens"),
                          _month_day(item["closes"], sid, "windows.closes")))
    return tuple(out)


def _conditions(entry: dict, sid: str) -> tuple[Condition, ...]:
    value = entry.get("conditions") or []
    if not isinstance(value, list):
        raise _err(sid, "conditions", "moet een lijst zijn")
    out = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
            raise _err(sid, "conditions", "elke voorwaarde heeft een 'text' en een 'source'")
        source = item.get("source")
        if not isinstance(source, str) or not source.strip():
            raise _err(sid, "conditions.source", f"de voorwaarde {item['text']!r} heeft geen bron")
        out.append(Condition(item["text"].strip(), source.strip(), _bool(item, sid, "certain", True, "conditions.")))
    return tuple(out)


def parse_scheme(entry: dict) -> Scheme:
    if not isinstance(entry, dict):
        raise KnowledgeBaseError(f"een item is geen regeling maar {type(entry).__name__}")
    sid = entry.get("id")
    if not isinstance(sid, str) or not re.fullmatch(r"[a-z0-9_]+", sid or ""):
        raise KnowledgeBaseError(f"regeling zonder geldig id (kleine letters, cijfers, _): {entry.get('name')!r}")
    status = _str(entry, sid, "status")
    if status not in STATUSES:
        raise _err(sid, "status", f"{status!r} is onbekend; kies uit {', '.join(STATUSES)}")
    kind = _str(entry, sid, "kind")
    if kind not in KINDS:
        raise _err(sid, "kind", f"{kind!r} is onbekend; kies uit {', '.join(KINDS)}")
    confidence = _str(entry, sid, "confidence")
    if confidence not in CONFIDENCE:
        raise _err(sid, "confidence", "moet H, M of L zijn")
    page = _str(entry, sid, "official_page")
    if not page.startswith("https://"):
        raise _err(sid, "official_page", "moet een https-adres zijn")
    elig = entry.get("eligibility") or {}
    funds = entry.get("funds") or {}
    amounts = entry.get("amounts") or {}
    for name, block in (("eligibility", elig), ("funds", funds), ("amounts", amounts)):
        if not isinstance(block, dict):
            raise _err(sid, name, "moet een blok met velden zijn")
    pct = amounts.get("percentage")
    if pct is not None and (not isinstance(pct, (int, float)) or not 0 < pct <= 100):
        raise _err(sid, "amounts.percentage", "moet een getal tussen 0 en 100 zijn")
    conditions = _conditions(entry, sid)
    source_date = entry.get("source_date")
    if source_date is not None and not isinstance(source_date, (str, int, date)):
        raise _err(sid, "source_date", "moet een datum of een jaar zijn")
    if isinstance(source_date, date):
        from bot.dutch.formatting import format_date

        source_date = format_date(source_date)
    ended_on = _date(entry, sid, "ended_on", required=False)
    successor = _str(entry, sid, "successor", required=False)
    if status in ("beëindigd", "hernoemd") and not (successor or entry.get("alternatives") or ended_on):
        raise _err(sid, "successor", "een beëindigde regeling heeft een opvolger, alternatieven of een einddatum")
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise _err(sid, "aliases", "moet een lijst met teksten zijn")
    return Scheme(
        id=sid, name=_str(entry, sid, "name"), funder=_str(entry, sid, "funder"), kind=kind, status=status,
        summary=_str(entry, sid, "summary"), official_page=page, source=_str(entry, sid, "source"),
        last_checked=_date(entry, sid, "last_checked", required=True), confidence=confidence,
        aliases=tuple(aliases),
        sectors=_list(elig, sid, "sectors", SECTORS, "eligibility."),
        excluded_sectors=_list(elig, sid, "excluded_sectors", SECTORS, "eligibility."),
        excluded_reason=elig.get("excluded_reason"),
        max_employees=_int(elig, sid, "max_employees", "eligibility."),
        min_employees=_int(elig, sid, "min_employees", "eligibility."),
        min_participants=_int(elig, sid, "min_participants", "eligibility."),
        participant_exceptions=_bool(elig, sid, "participant_exceptions", False, "eligibility."),
        tip_condition=entry.get("tip_condition"),
        max_age=_int(elig, sid, "max_age", "eligibility."),
        applicants=_list(elig, sid, "applicants", APPLICANTS, "eligibility."),
        requires_any=_list(elig, sid, "requires_any", SITUATIONS, "eligibility."),
        cao=elig.get("cao"),
        activity_types=_list(funds, sid, "activity_types", None, "funds."),
        not_for=_list(funds, sid, "not_for", None, "funds."),
        target_groups=_list(funds, sid, "target_groups", SITUATIONS, "funds."),
        kinds=_list(funds, sid, "kinds", LEARNING, "funds."),
        amount_text=amounts.get("text"), amount_certain=_bool(amounts, sid, "certain", True, "amounts."),
        percentage=pct, max_eur=_int(amounts, sid, "max_eur", "amounts."),
        application_periods=entry.get("application_periods"), windows=_windows(entry, sid),
        windows_certain=_bool(entry, sid, "windows_certain", True), always_open=_bool(entry, sid, "always_open", False),
        conditions=conditions, uncertain=_list(entry, sid, "uncertain"),
        source_date=None if source_date is None else str(source_date),
        official_page_read=_bool(entry, sid, "official_page_read", False),
        ended_on=ended_on, successor=successor,
        alternatives=tuple(entry.get("alternatives") or ()), note=entry.get("note"),
        said_as=_str(entry, sid, "said_as", required=False) or "",
        apply_how=_str(entry, sid, "apply_how", required=False), named_only=_bool(entry, sid, "named_only", False),
        excluded_situations=_list(elig, sid, "excluded_situations", SITUATIONS, "eligibility."),
    )


def parse_knowledge_base(data: object, path: Path) -> KnowledgeBase:
    if not isinstance(data, dict) or not isinstance(data.get("schemes"), list):
        raise KnowledgeBaseError(f"{path}: het bestand moet een lijst 'schemes' hebben")
    schemes: dict[str, Scheme] = {}
    for entry in data["schemes"]:
        scheme = parse_scheme(entry)
        if scheme.id in schemes:
            raise _err(scheme.id, "id", "komt twee keer voor")
        schemes[scheme.id] = scheme
    for scheme in schemes.values():
        for ref, fieldname in [(scheme.successor, "successor")] + [(a, "alternatives") for a in scheme.alternatives]:
            if ref and ref not in schemes:
                raise _err(scheme.id, fieldname, f"verwijst naar onbekende regeling {ref!r}")
    try:
        words = parse_words(data.get("woorden"))
    except WordsError as error:
        raise KnowledgeBaseError(f"{path}: {error}") from None
    return KnowledgeBase(schemes, path, words)


_cache: dict[Path, tuple[float, KnowledgeBase]] = {}
_cache_lock = threading.Lock()


def knowledge_base_path() -> Path:
    from bot.settings import get_settings

    return Path(get_settings().funding_file or DEFAULT_PATH)


def load(path: Path | None = None) -> KnowledgeBase:
    """Load (and validate) the knowledge base; cached until the file changes."""
    path = Path(path or knowledge_base_path())
    mtime = path.stat().st_mtime
    with _cache_lock:
        cached = _cache.get(path)
        if cached and cached[0] == mtime:
            return cached[1]
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{path}: geen geldige YAML: {exc}") from exc
    kb = parse_knowledge_base(data, path)
    with _cache_lock:
        _cache[path] = (mtime, kb)
    return kb
