"""All settings in one place: environment variables with sane defaults.

Nothing is read at import time; call :func:`get_settings` when you need the values.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ACTION_SECRET_HEADER = "X-Leerkoers-Action-Secret"


def _env(name: str, default: str) -> str:
    _read_names.add(name)
    value = os.environ.get(name)
    return value if value not in (None, "") else default


class SettingsError(ValueError):
    """A setting in the environment has a value Leerkoers cannot use; the message names the variable (Dutch)."""


def _env_int(name: str, default: int, minimum: int = 0, maximum: int = 10**9) -> int:
    raw = _env(name, str(default))
    try:
        value = int(raw.strip())
    except ValueError:
        raise SettingsError(f"{name} moet een geheel getal zijn, niet {raw!r}") from None
    if not minimum <= value <= maximum:
        raise SettingsError(f"{name} moet tussen {minimum} en {maximum} liggen, niet {value}")
    return value


def _env_date(name: str) -> date | None:
    raw = _env(name, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise SettingsError(f"{name} moet een datum zijn als 2026-11-26, niet {raw!r}") from None


def _port(name: str, default: int) -> int:
    return _env_int(name, default, 1, 65535)


def _env_raw(name: str) -> str:
    _read_names.add(name)
    return os.environ.get(name, "")


_read_names: set[str] = set()  # every variable the settings read, gathered while they are built
_cache: list = []  # [(those names, their values, Settings)]: one entry, the latest


@dataclass(frozen=True)
class Settings:
    var_dir: Path
    database_url: str
    tracker_db: str
    action_port: int
    rasa_port: int
    host: str
    model_dir: Path
    max_message_length: int
    demo_port: int = 8080
    cors_origins: str = "*"
    mode: str = "development"
    replicas: int = 1
    public_port: int = 5000
    tracker_pg: dict = field(default_factory=dict)
    redis: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
    action_host: str = "127.0.0.1"  # the action server is for the Rasa servers only
    action_secret: str = ""  # sent by Rasa in ACTION_SECRET_HEADER; empty: `leerkoers run` makes one
    jwt_secret: str = ""  # HS256 tokens of the intranet; empty (and no public key): development mode
    jwt_public_key_file: str = ""  # RS256 tokens: the intranet's public key
    jwt_issuer: str = "intranet"
    jwt_audience: str = "leerkoers"
    jwt_jwks_url: str = ""  # the identity provider's signing keys (JWKS); rotation needs no restart
    jwt_algorithm: str = ""  # the one algorithm a token may use; empty: RS256 for keys, HS256 for a secret
    jwt_jwks_cooldown: int = 10  # seconds between two fetches of the keys for an unknown key id
    jwt_claims_file: str = ""  # how the provider names its claims (deploy/claims/*.yml); empty: our own names
    link_secret: str = ""  # signs download links; empty: a random one kept in the var folder
    public_url: str = ""  # the address people reach Leerkoers at (links); empty: the Rasa server's own
    funding_file: str = ""  # the knowledge base of schemes; empty: bot/data/funding.yml
    funding_max_age_days: int = 180
    funding_max_source_age_days: int = 365  # amounts and windows from an older source are said as not sure
    overview_min_group: int = 3  # the manager overview shows no group smaller than this
    rate_limit: int = 120  # messages per minute per person
    chat_id: str = "terminal-gebruiker"  # the person of `make chat`
    interviews_dir: str = ""  # an organisation's own question files; empty: bot/interviews/questions
    fixed_today: date | None = None  # LEERKOERS_TODAY: a fixed date for tests and demos (bot/clock.py)

    @property
    def production(self) -> bool:
        return self.mode == "production"

    @property
    def endpoints_file(self) -> str:
        return "endpoints.prod.yml" if self.production else "endpoints.yml"

    @property
    def tracker_url(self) -> str:
        """Rasa's conversation store of this layout: SQLite by default, PostgreSQL in production."""
        if self.production:
            pg = self.tracker_pg
            password = f":{pg['LEERKOERS_TRACKER_PG_PASSWORD']}" if pg["LEERKOERS_TRACKER_PG_PASSWORD"] else ""
            return (f"postgresql://{pg['LEERKOERS_TRACKER_PG_USER']}{password}@{pg['LEERKOERS_TRACKER_PG_HOST']}:"
                    f"{pg['LEERKOERS_TRACKER_PG_PORT']}/{pg['LEERKOERS_TRACKER_PG_DB']}")
        return self.tracker_db if "://" in self.tracker_db else f"sqlite:///{self.tracker_db}"

    @property
    def exports_dir(self) -> Path:
        """Files written by the terminal chat (`make chat`); removed with the person and after a day."""
        return self.var_dir / "exports"

    @property
    def retention_days(self) -> int:
        return max(1, self.extra.get("retention_days", 365))

    @property
    def backup_dir(self) -> Path:
        return Path(self.extra.get("backup_dir") or self.var_dir / "backups")

    @property
    def backup_days(self) -> int:
        """How long backups are kept: deleted people disappear from backups after this many days."""
        return max(1, self.extra.get("backup_days", 14))

    @property
    def rasa_ports(self) -> list[int]:
        return [self.rasa_port + i for i in range(self.replicas)]

    @property
    def action_url(self) -> str:
        host = "127.0.0.1" if self.action_host in ("0.0.0.0", "::") else self.action_host
        return _env("LEERKOERS_ACTION_URL", f"http://{host}:{self.action_port}/webhook")


def process_environment() -> dict[str, str]:
    """The environment this process got, to pass on to the processes it starts (ops/processes.py)."""
    return dict(os.environ)


def get_settings() -> Settings:
    """The settings of the current environment, built again only when one of its variables changed.

    Many parts ask for the settings many times in every turn; building them costs about 50 µs, comparing the
    values of the variables they read about 3 µs.
    """
    if _cache:
        keys, values, settings = _cache[0]
        if _values(keys) == values:
            return settings
    settings = _build()
    keys = tuple(os.fsencode(name) for name in sorted(_read_names))
    _cache[:] = [(keys, _values(keys), settings)]
    return settings


def _values(keys: tuple[bytes, ...]) -> tuple:
    # os.environ keeps the environment as bytes in `_data` on POSIX; reading it directly costs about a tenth of
    # os.environ.get, which encodes every name and decodes every value (this runs many times per turn).
    return tuple(map(os.environ._data.get, keys))  # type: ignore[attr-defined]


def _build() -> Settings:
    var_dir = Path(_env("LEERKOERS_VAR_DIR", str(PROJECT_ROOT / "var")))
    mode = _env("LEERKOERS_MODE", "development")
    if mode not in ("development", "production"):
        raise SettingsError(f"LEERKOERS_MODE moet 'development' of 'production' zijn, niet {mode!r}")
    production = mode == "production"
    default_db = ("postgresql://postgres@127.0.0.1:5432/leerkoers" if production
                  else f"sqlite:///{var_dir / 'leerkoers.db'}")
    return Settings(
        mode=mode,
        replicas=_env_int("LEERKOERS_RASA_REPLICAS", 2 if production else 1, 1, 16),
        public_port=_port("LEERKOERS_PUBLIC_PORT", 5000),
        tracker_pg={
            "LEERKOERS_TRACKER_PG_HOST": _env("LEERKOERS_TRACKER_PG_HOST", "127.0.0.1"),
            "LEERKOERS_TRACKER_PG_PORT": _env("LEERKOERS_TRACKER_PG_PORT", "5432"),
            "LEERKOERS_TRACKER_PG_DB": _env("LEERKOERS_TRACKER_PG_DB", "leerkoers_tracker"),
            "LEERKOERS_TRACKER_PG_USER": _env("LEERKOERS_TRACKER_PG_USER", "postgres"),
            "LEERKOERS_TRACKER_PG_PASSWORD": _env_raw("LEERKOERS_TRACKER_PG_PASSWORD"),
        },
        redis={
            "LEERKOERS_REDIS_HOST": _env("LEERKOERS_REDIS_HOST", "127.0.0.1"),
            "LEERKOERS_REDIS_PORT": _env("LEERKOERS_REDIS_PORT", "6379"),
            "LEERKOERS_REDIS_DB": _env("LEERKOERS_REDIS_DB", "0"),
        },
        var_dir=var_dir,
        database_url=_env("LEERKOERS_DATABASE_URL", default_db),
        tracker_db=_env("LEERKOERS_TRACKER_DB", str(var_dir / "tracker.db")),
        action_port=_port("LEERKOERS_ACTION_PORT", 5055),
        rasa_port=_port("LEERKOERS_RASA_PORT", 5005),
        host=_env("LEERKOERS_HOST", "127.0.0.1"),
        model_dir=Path(_env("LEERKOERS_MODEL_DIR", str(PROJECT_ROOT / "models"))),
        max_message_length=_env_int("LEERKOERS_MAX_MESSAGE_LENGTH", 2000, 100, 100_000),
        demo_port=_port("LEERKOERS_DEMO_PORT", 8080),
        cors_origins=_env("LEERKOERS_CORS_ORIGINS", "*"),
        action_host=_env("LEERKOERS_ACTION_HOST", "127.0.0.1"),
        action_secret=_env_raw("LEERKOERS_ACTION_SECRET"),
        jwt_secret=_env_raw("LEERKOERS_JWT_SECRET"),
        jwt_public_key_file=_env("LEERKOERS_JWT_PUBLIC_KEY_FILE", ""),
        jwt_issuer=_env("LEERKOERS_JWT_ISSUER", "intranet"),
        jwt_audience=_env("LEERKOERS_JWT_AUDIENCE", "leerkoers"),
        jwt_jwks_url=_env("LEERKOERS_JWT_JWKS_URL", ""),
        jwt_algorithm=_env("LEERKOERS_JWT_ALGORITHM", "").upper(),
        jwt_jwks_cooldown=_env_int("LEERKOERS_JWT_JWKS_COOLDOWN", 10, 0, 3600),
        jwt_claims_file=_env("LEERKOERS_JWT_CLAIMS_FILE", ""),
        link_secret=_env_raw("LEERKOERS_LINK_SECRET"),
        public_url=_env("LEERKOERS_PUBLIC_URL", "").rstrip("/"),
        funding_file=_env("LEERKOERS_FUNDING_FILE", ""),
        funding_max_age_days=_env_int("LEERKOERS_FUNDING_MAX_AGE_DAYS", 180, 1, 3650),
        funding_max_source_age_days=_env_int("LEERKOERS_FUNDING_MAX_SOURCE_AGE_DAYS", 365, 1, 3650),
        overview_min_group=_env_int("LEERKOERS_OVERVIEW_MIN_GROUP", 3, 1, 1000),
        rate_limit=_env_int("LEERKOERS_RATE_LIMIT", 120, 1),
        chat_id=_env("LEERKOERS_CHAT_ID", "terminal-gebruiker"),
        interviews_dir=_env("LEERKOERS_INTERVIEWS_DIR", ""),
        fixed_today=_env_date("LEERKOERS_TODAY"),
        extra={"retention_days": _env_int("LEERKOERS_RETENTION_DAYS", 365, 1, 36500),
               "backup_dir": _env("LEERKOERS_BACKUP_DIR", ""), "backup_days": _env_int("LEERKOERS_BACKUP_DAYS", 14, 1, 3650),
               # the demo page makes short tokens for its demo people only when asked to (a local demo)
               "demo_tokens": _env("LEERKOERS_DEMO_TOKENS", "") == "1"},
    )
