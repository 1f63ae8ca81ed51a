"""All settings in one place: environment variables with sane defaults.

Nothing is read at import time; call :func:`get_settings` when you need the values.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str) -> str:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _env_int(name: str, default: int) -> int:
    try:
        return int(_env(name, str(default)))
    except ValueError:
        return default


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
    extra: dict = field(default_factory=dict)

    @property
    def action_url(self) -> str:
        return _env("LEERKOERS_ACTION_URL", f"http://127.0.0.1:{self.action_port}/webhook")


def get_settings() -> Settings:
    var_dir = Path(_env("LEERKOERS_VAR_DIR", str(PROJECT_ROOT / "var")))
    return Settings(
        var_dir=var_dir,
        database_url=_env("LEERKOERS_DATABASE_URL", f"sqlite:///{var_dir / 'leerkoers.db'}"),
        tracker_db=_env("LEERKOERS_TRACKER_DB", str(var_dir / "tracker.db")),
        action_port=_env_int("LEERKOERS_ACTION_PORT", 5055),
        rasa_port=_env_int("LEERKOERS_RASA_PORT", 5005),
        host=_env("LEERKOERS_HOST", "127.0.0.1"),
        model_dir=Path(_env("LEERKOERS_MODEL_DIR", str(PROJECT_ROOT / "models"))),
        max_message_length=_env_int("LEERKOERS_MAX_MESSAGE_LENGTH", 2000),
        demo_port=_env_int("LEERKOERS_DEMO_PORT", 8080),
        cors_origins=_env("LEERKOERS_CORS_ORIGINS", "*"),
    )
