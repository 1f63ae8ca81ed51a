"""Who is talking: identities from signed intranet tokens (JWT), and the development identity.

The intranet signs a token with the person's id, display name, role and organisation. Leerkoers trusts
that and nothing else: the conversation id is the person id from the verified token.

Settings (environment):
  LEERKOERS_JWT_JWKS_URL          the identity provider's signing keys (JWKS), fetched and cached; a token with
                                  a new key id makes Leerkoers fetch them again (key rotation without restart)
  LEERKOERS_JWT_SECRET            shared secret, HS256
  LEERKOERS_JWT_PUBLIC_KEY_FILE   PEM public key, RS256 (the intranet keeps the private key)
  LEERKOERS_JWT_ALGORITHM         the one algorithm tokens may use (never taken from the token)
  LEERKOERS_JWT_ISSUER            expected "iss" (default "intranet")
  LEERKOERS_JWT_AUDIENCE          expected "aud" (default "leerkoers")
  LEERKOERS_JWT_CLAIMS_FILE       how the provider names its claims (bot/claims.py)
Without keys, a secret or a key file Leerkoers runs in development mode with a clearly marked test identity.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import jwt

from bot import clock, identity_keys, vocabulary

ROLES = tuple(vocabulary.ROLES)
MAX_TOKEN_HOURS = 12  # a token that is valid for longer is refused: the intranet makes short ones


@dataclass(frozen=True)
class Identity:
    person_id: str
    name: str
    role: str
    organisation: str | None  # display name
    dev: bool = False
    organisation_id: str | None = None  # stable id from the token ("org_id"); decides which organisation
    manager_id: str | None = None  # the person's own manager (the "manager" claim: that manager's sub)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> Identity | None:
        if not data or not data.get("person_id"):
            return None
        role = data.get("role") if data.get("role") in ROLES else "employee"
        return cls(str(data["person_id"]), str(data.get("name") or ""), role, data.get("organisation"),
                   bool(data.get("dev")), data.get("organisation_id"), data.get("manager_id"))

    @property
    def can_plan(self) -> bool:
        """Managers and HR work on the organisation's plans."""
        return vocabulary.plans(self.role)


DEV_IDENTITY = Identity("ontwikkelaar", "Testgebruiker (ontwikkelmodus)", "manager", "Demo-organisatie", dev=True)


class IdentityError(Exception):
    """The token is missing or not valid. The message is Dutch and safe to show."""


JWKS_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")


@dataclass(frozen=True)
class TokenSettings:
    algorithm: str | None  # None: development mode
    key: str | None
    issuer: str
    audience: str
    jwks_url: str = ""  # the keys come from here (key: None)
    jwks_cooldown: int = 10

    @property
    def enabled(self) -> bool:
        return self.algorithm is not None


def token_settings() -> TokenSettings:
    from bot.settings import get_settings

    settings = get_settings()
    issuer, audience, algorithm = settings.jwt_issuer, settings.jwt_audience, settings.jwt_algorithm
    if settings.jwt_jwks_url:
        if algorithm and algorithm not in JWKS_ALGORITHMS:
            raise IdentityError(f"LEERKOERS_JWT_ALGORITHM {algorithm} past niet bij sleutels van een "
                                f"identiteitsprovider; kies uit {', '.join(JWKS_ALGORITHMS)}.")
        return TokenSettings(algorithm or "RS256", None, issuer, audience, settings.jwt_jwks_url,
                             settings.jwt_jwks_cooldown)
    if settings.jwt_public_key_file:
        if algorithm.startswith("HS"):
            raise IdentityError(f"LEERKOERS_JWT_ALGORITHM {algorithm} past niet bij een sleutelbestand; kies RS256, "
                                "PS256 of ES256.")
        return TokenSettings(algorithm or "RS256", Path(settings.jwt_public_key_file).read_text(encoding="utf-8"),
                             issuer, audience)
    if settings.jwt_secret:
        return TokenSettings("HS256", settings.jwt_secret, issuer, audience)
    return TokenSettings(None, None, issuer, audience)


def _provider_key(token: str, settings: TokenSettings):
    """The provider's key that signed ``token`` (by its key id), from the fetched key set (bot/identity_keys.py:
    a slow or broken provider makes no one wait)."""
    try:
        return identity_keys.key_set(settings.jwks_url, settings.jwks_cooldown).key(identity_keys.key_id(token))
    except identity_keys.KeysUnavailable as exc:
        raise IdentityError("Je aanmelding kan nu niet worden gecontroleerd. Probeer het over een paar minuten "
                            "opnieuw.") from exc
    except (identity_keys.UnknownKey, ValueError) as exc:  # no key id, or one the provider does not have
        raise IdentityError("Je aanmelding is niet geldig. Ververs de pagina of log opnieuw in.") from exc


def verify(token: str | None, settings: TokenSettings | None = None) -> Identity:
    settings = settings or token_settings()
    if not settings.enabled:
        return DEV_IDENTITY
    if not token:
        raise IdentityError("Je bent niet aangemeld. Log in op het intranet en open de chat opnieuw.")
    key = _provider_key(token, settings) if settings.jwks_url else settings.key
    try:
        claims = jwt.decode(token, key, algorithms=[settings.algorithm], audience=settings.audience,
                            issuer=settings.issuer, options={"require": ["exp", "iss", "aud"]}, leeway=30)
    except jwt.ExpiredSignatureError as exc:
        raise IdentityError("Je sessie is verlopen. Ververs de pagina om opnieuw aan te melden.") from exc
    except jwt.PyJWTError as exc:
        raise IdentityError("Je aanmelding is niet geldig. Ververs de pagina of log opnieuw in.") from exc
    if int(claims["exp"]) - clock.timestamp() > MAX_TOKEN_HOURS * 3600:
        raise IdentityError("Je aanmelding is niet geldig: die is te lang geldig. Ververs de pagina.")
    return _identity(claims, claim_map())


def claim_map():
    from bot.claims import current

    return current()


def _text(value) -> str:
    return "" if value is None or isinstance(value, (dict, list)) else str(value).strip()


def _identity(claims: dict, names) -> Identity:
    """Our identity from the provider's claims, read where the claims file says (bot/claims.py)."""
    role = names.role_of(claims)
    if role not in ROLES:
        raise IdentityError("Je aanmelding is niet geldig: onbekende rol.")
    sub = _text(names.person_id.read(claims))
    if not sub or len(sub) > 128:
        raise IdentityError("Je aanmelding is niet geldig.")
    org_id = _text(names.organisation_id.read(claims))
    if not org_id or len(org_id) > 128:
        raise IdentityError("Je aanmelding is niet geldig: je organisatie ontbreekt. Neem contact op met de "
                            "beheerder van het intranet.")
    org_name = (_text(names.organisation.read(claims)) or org_id)[:200]
    manager = _text(names.manager.read(claims))[:128] or None
    return Identity(sub, (_text(names.name.read(claims)) or sub)[:200], role, org_name, organisation_id=org_id,
                    manager_id=manager if manager != sub else None)


def mint(person_id: str, name: str, role: str, organisation: str | None, *, key: str, algorithm: str = "HS256",
         issuer: str = "intranet", audience: str = "leerkoers", ttl_seconds: int = 3600,
         organisation_id: str | None = None, manager_id: str | None = None) -> str:
    """Make a token as the intranet would (for tests, the demo page and `leerkoers token`).

    ``organisation_id`` is the intranet's stable id of the organisation; it defaults to its name.
    """
    if role not in ROLES:
        raise ValueError(f"rol moet een van {', '.join(ROLES)} zijn")
    now = int(clock.timestamp())
    claims = {"sub": person_id, "name": name, "role": role, "org": organisation,
              "org_id": organisation_id or organisation, "iss": issuer, "aud": audience,
              "iat": now, "exp": now + ttl_seconds}
    if manager_id:
        claims["manager"] = manager_id
    return jwt.encode(claims, key, algorithm=algorithm)


def bearer(header: str | None) -> str | None:
    if header and header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return None
