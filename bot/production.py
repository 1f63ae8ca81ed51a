"""What a production start refuses, in Dutch, one line per setting (docs/security.md lists the same).

`leerkoers run-prod` and `leerkoers serve` stop with these reasons before anything listens. Each rule is one
entry of RULES: its variable, and a function of the settings that returns the problem or None. docs/security.md
names each variable of RULES (a test checks that).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from urllib.parse import urlsplit

from bot.settings import Settings

PLACEHOLDERS = ("change-me", "changeme", "change_me", "replace-me", "replaceme", "vervang-mij", "vul-in")
MIN_SECRET_LENGTH = 32
JWT_SETTINGS = ("LEERKOERS_JWT_JWKS_URL", "LEERKOERS_JWT_PUBLIC_KEY_FILE", "LEERKOERS_JWT_SECRET")


def _secret(name: str, value: str) -> str | None:
    """A secret copied from the example file ("CHANGE-ME") or shorter than 32 characters lets anyone forge download
    links or call the action server."""
    if not value:
        return None  # not set: a random one is made (action, link) or another way of signing is used (JWT)
    if any(p in value.lower() for p in PLACEHOLDERS):
        return (f"{name} is nog de voorbeeldwaarde. Maak een echt geheim, bijvoorbeeld met: "
                "python3 -c \"import secrets; print(secrets.token_urlsafe(32))\"")
    if len(value) < MIN_SECRET_LENGTH:
        return f"{name} is te kort: gebruik minstens {MIN_SECRET_LENGTH} tekens."
    return None


def _token_check(settings: Settings) -> str | None:
    """Without a way to check tokens the REST channel trusts the sender named in the message, with any role."""
    chosen = [name for name, value in zip(JWT_SETTINGS, (settings.jwt_jwks_url, settings.jwt_public_key_file,
                                                         settings.jwt_secret), strict=True) if value]
    if not chosen:
        return ("Er is geen controle van de aanmelding ingesteld. Zet LEERKOERS_JWT_JWKS_URL (de sleutels van je "
                "identiteitsprovider), LEERKOERS_JWT_PUBLIC_KEY_FILE of LEERKOERS_JWT_SECRET.")
    if len(chosen) > 1:
        return (f"{' en '.join(chosen)} staan allebei aan. Kies er één: Leerkoers controleert de aanmelding op "
                "één manier.")
    algorithm = settings.jwt_algorithm
    if settings.jwt_secret and algorithm and algorithm != "HS256":
        return f"LEERKOERS_JWT_ALGORITHM is {algorithm}, maar met LEERKOERS_JWT_SECRET kan alleen HS256."
    if not settings.jwt_secret and algorithm.startswith("HS"):
        return (f"LEERKOERS_JWT_ALGORITHM is {algorithm}, maar een sleutelbestand of de sleutels van een "
                "identiteitsprovider horen bij RS256, PS256 of ES256.")
    return None


def _jwks_address(settings: Settings) -> str | None:
    """Keys fetched over plain http can be swapped on the way: then anyone can sign a token."""
    url = settings.jwt_jwks_url
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return None
    if parts.scheme == "http" and _loopback(parts.hostname or ""):
        return None
    return "LEERKOERS_JWT_JWKS_URL moet een https-adres zijn (zoals https://login.example.nl/.../keys)."


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _cors(settings: Settings) -> str | None:
    """'*' (alone or in a list) lets any website open the widget's connection; 'null' is the origin of sandboxed
    frames and local files, which anyone can make."""
    origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
    if not origins or any("*" in o for o in origins):
        return ("LEERKOERS_CORS_ORIGINS bevat '*': noem alleen het adres van je intranet, bijvoorbeeld "
                "https://intranet.gemeente.nl.")
    if any(o.lower() == "null" for o in origins):
        return "LEERKOERS_CORS_ORIGINS bevat 'null': noem alleen het adres van je intranet."
    wrong = [o for o in origins if urlsplit(o).scheme not in ("https", "http") or not urlsplit(o).hostname]
    if wrong:
        return (f"LEERKOERS_CORS_ORIGINS bevat {wrong[0]!r}: dat is geen adres. Noem adressen als "
                "https://intranet.gemeente.nl, gescheiden door komma's.")
    return None


def _claims_file(settings: Settings) -> str | None:
    """A claims file that cannot be read would refuse every token, or give rights nobody meant (bot/claims.py)."""
    if not settings.jwt_claims_file:
        return None
    from bot import claims

    try:
        claims.current()
    except claims.ClaimsError as exc:
        return f"LEERKOERS_JWT_CLAIMS_FILE klopt niet: {exc}"
    return None


RULES: tuple[tuple[str, Callable[[Settings], str | None]], ...] = (
    ("LEERKOERS_ACTION_SECRET", lambda s: _secret("LEERKOERS_ACTION_SECRET", s.action_secret)),
    ("LEERKOERS_LINK_SECRET", lambda s: _secret("LEERKOERS_LINK_SECRET", s.link_secret)),
    ("LEERKOERS_JWT_SECRET", lambda s: _secret("LEERKOERS_JWT_SECRET", s.jwt_secret)),
    ("LEERKOERS_JWT_*", _token_check),
    ("LEERKOERS_JWT_JWKS_URL", _jwks_address),
    ("LEERKOERS_JWT_CLAIMS_FILE", _claims_file),
    ("LEERKOERS_CORS_ORIGINS", _cors),
)


def production_problems(settings: Settings) -> list[str]:
    """Every reason not to start in production; empty when it is safe."""
    return [problem for _name, rule in RULES if (problem := rule(settings))]
