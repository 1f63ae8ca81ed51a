"""Short-lived signed links for downloads and the manager overview.

The action server makes a link; the Rasa server checks it. Both read the same secret:
LEERKOERS_LINK_SECRET, or else a random secret kept in the var folder (one machine).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import jwt

from bot import clock
from bot.settings import get_settings

ALGORITHM = "HS256"
OWN_KINDS = ("pop_pdf", "pop_docx", "gegevens_json")  # a person's own documents; every other kind is bound to a role
# or to another person's POP, and with intranet tokens on it opens only with the token of the person it was made for


def needs_token(kind: str) -> bool:
    return kind not in OWN_KINDS


def _secret() -> str:
    settings = get_settings()
    if settings.link_secret:
        return settings.link_secret
    path = Path(settings.var_dir) / "link.secret"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


def public_url() -> str:
    settings = get_settings()
    return settings.public_url or f"http://{settings.host}:{settings.rasa_port}"


def make(kind: str, person_id: str, ttl_seconds: int = 900, **params) -> str:
    claims = {"kind": kind, "sub": person_id, "exp": int(clock.timestamp()) + ttl_seconds,
              "jti": secrets.token_urlsafe(12), **params}
    token = jwt.encode(claims, _secret(), algorithm=ALGORITHM)
    route = "overzicht" if kind == "overzicht" else "bestand"
    return f"{public_url()}/webhooks/rest/{route}/{token}"


def read(token: str) -> dict | None:
    try:
        return jwt.decode(token, _secret(), algorithms=[ALGORITHM], options={"require": ["exp", "sub", "kind", "jti"]})
    except jwt.PyJWTError:
        return None
