"""Claims as the identity provider names them (issue 32, item 2).

Leerkoers needs five things from a token: who (person id), the name, the role (employee, manager or hr), the
organisation, and optionally the person's own manager. Microsoft Entra ID calls the person ``oid``, puts roles in
a ``roles`` array and the tenant in ``tid``; Keycloak puts roles in ``realm_access.roles``. A small YAML file
(``LEERKOERS_JWT_CLAIMS_FILE``; examples in deploy/claims/) says where each one is:

    person_id: oid                  # a claim; a dotted path reaches inside an object (realm_access.roles)
    name: [name, preferred_username]  # the first claim that is there
    role:
      claim: roles                  # a text or a list of texts
      values: {Leerkoers.HR: hr, Leerkoers.Manager: manager, Leerkoers.Medewerker: employee}
      default: employee             # when no value maps; leave out to refuse such a token
    organisation_id: {value: gm0355}  # a fixed value for this installation, or a claim (tid)
    organisation: {value: Gemeente Zeist}
    manager: manager                # optional

Without a file the claims have Leerkoers' own names: sub, name, role, org_id, org and manager.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot import vocabulary

ROLE_ORDER = vocabulary.ROLE_PRECEDENCE


class ClaimsError(ValueError):
    """The claims file is not valid (message in Dutch, with the file's name)."""


@dataclass(frozen=True)
class Source:
    """Where one of our claims comes from: the first of ``claims`` that is in the token, or a fixed ``value``."""

    claims: tuple[str, ...] = ()
    value: str | None = None

    def read(self, token: dict) -> Any:
        if self.value is not None:
            return self.value
        for path in self.claims:
            found = _at(token, path)
            if found not in (None, "", []):
                return found
        return None


@dataclass(frozen=True)
class ClaimMap:
    person_id: Source = Source(("sub",))
    name: Source = Source(("name",))
    role: Source = Source(("role",))
    role_values: dict[str, str] = field(default_factory=dict)  # empty: the claim holds our role names
    role_default: str | None = None
    organisation_id: Source = Source(("org_id",))
    organisation: Source = Source(("org",))
    manager: Source = Source(("manager",))

    def role_of(self, token: dict) -> str | None:
        """Our role, from a text or a list of texts (roles, groups); None when nothing maps."""
        raw = self.role.read(token)
        values = raw if isinstance(raw, list) else [raw] if raw is not None else []
        if self.role_values:
            found = {self.role_values.get(str(v)) for v in values}
        else:
            found = {str(v) for v in values}
        for role in ROLE_ORDER:
            if role in found:
                return role
        return self.role_default


def _at(token: dict, path: str) -> Any:
    value: Any = token
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _source(raw: Any, what: str, path: Path) -> Source:
    if isinstance(raw, str) and raw.strip():
        return Source((raw.strip(),))
    if isinstance(raw, list) and raw and all(isinstance(c, str) and c.strip() for c in raw):
        return Source(tuple(c.strip() for c in raw))
    if isinstance(raw, dict) and set(raw) == {"value"} and str(raw["value"]).strip():
        return Source(value=str(raw["value"]).strip())
    raise ClaimsError(f"{path}: '{what}' moet de naam van een claim zijn, een lijst van namen, of {{value: ...}}")


def parse(data: dict, path: Path) -> ClaimMap:
    if not isinstance(data, dict):
        raise ClaimsError(f"{path}: verwacht een lijst van velden (person_id, name, role, ...)")
    unknown = set(data) - {"person_id", "name", "role", "organisation_id", "organisation", "manager"}
    if unknown:
        raise ClaimsError(f"{path}: onbekend veld {', '.join(sorted(unknown))}")
    fields: dict[str, Any] = {}
    for what in ("person_id", "name", "organisation_id", "organisation", "manager"):
        if what in data:
            fields[what] = _source(data[what], what, path)
            if fields[what].value is not None and what not in FIXED_ALLOWED:
                raise ClaimsError(f"{path}: '{what}' moet uit het token komen, niet een vaste waarde: anders is "
                                  "iedereen dezelfde" + (" persoon." if what == "person_id" else "."))
    role = data.get("role")
    if role is not None:
        fields.update(_role(role, path))
    return ClaimMap(**fields)


FIXED_ALLOWED = ("organisation_id", "organisation")  # one installation may serve one organisation
LEAST_ROLE = "employee"  # the only role a token may get without saying so


def _role(role: Any, path: Path) -> dict[str, Any]:
    if isinstance(role, str):
        role = {"claim": role}
    if not isinstance(role, dict) or "claim" not in role or set(role) - {"claim", "values", "default"}:
        raise ClaimsError(f"{path}: 'role' heeft 'claim', en eventueel 'values' en 'default'")
    if not isinstance(role.get("values") or {}, dict):
        raise ClaimsError(f"{path}: 'role.values' moet paren zijn van de waarde in het token en onze rol "
                          "(Leerkoers.HR: hr)")
    values = {str(k): str(v) for k, v in (role.get("values") or {}).items()}
    default = role.get("default")
    wrong = sorted({v for v in values.values() if v not in vocabulary.ROLES}
                   | ({str(default)} - set(vocabulary.ROLES) if default else set()))
    if wrong:
        raise ClaimsError(f"{path}: onbekende rol {', '.join(wrong)}; kies uit {', '.join(vocabulary.ROLES)}")
    if default and default != LEAST_ROLE:  # a misspelt claim would make everyone HR or a manager
        raise ClaimsError(f"{path}: 'role.default' mag alleen {LEAST_ROLE} zijn: een token zonder rol krijgt nooit "
                          "meer rechten.")
    source = _source(role["claim"], "role.claim", path)
    if source.value is not None:
        raise ClaimsError(f"{path}: 'role.claim' moet de naam van een claim in het token zijn, geen vaste waarde.")
    return {"role": source, "role_values": values, "role_default": default}


_lock = threading.Lock()
_loaded: dict[str, ClaimMap] = {}


def current() -> ClaimMap:
    """The mapping of LEERKOERS_JWT_CLAIMS_FILE (read once per file), or Leerkoers' own names."""
    from bot.settings import get_settings

    file = get_settings().jwt_claims_file
    if not file:
        return ClaimMap()
    with _lock:
        if file not in _loaded:
            path = Path(file)
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError) as exc:
                raise ClaimsError(f"{path}: {exc}") from exc
            _loaded[file] = parse(data, path)
        return _loaded[file]
