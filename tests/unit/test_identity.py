"""Signed intranet tokens: HS256 and RS256, issuer, audience and expiry."""

from __future__ import annotations

import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from bot import identity
from bot.identity import IdentityError, TokenSettings

HS = TokenSettings("HS256", "geheim-voor-tests-van-minstens-32-tekens!", "intranet", "leerkoers")


def token(**claims) -> str:
    base = {"sub": "eva", "name": "Eva de Vries", "role": "employee", "org": "Gemeente Zeist", "org_id": "gm0355",
            "iss": "intranet", "aud": "leerkoers", "exp": int(time.time()) + 600}
    base.update(claims)
    base = {k: v for k, v in base.items() if v is not None}
    return jwt.encode(base, HS.key, algorithm="HS256")


def test_valid_token():
    person = identity.verify(token(), HS)
    assert person == identity.Identity("eva", "Eva de Vries", "employee", "Gemeente Zeist", organisation_id="gm0355")
    assert not person.can_plan


@pytest.mark.parametrize("org_id", [None, "", "   ", "x" * 129])
def test_a_token_without_an_organisation_is_refused(org_id):
    """Issue 14, finding 1: tokens without the organisation were accepted."""
    with pytest.raises(identity.IdentityError, match="organisatie ontbreekt"):
        identity.verify(token(org_id=org_id, org=None), HS)


# made when the test runs, not when pytest collects: a suite that runs longer than a token lives must not turn
# "wrong audience" into "expired"
INVALID = {
    "expired": (lambda: token(exp=int(time.time()) - 3600), "verlopen"),
    "other key": (lambda: jwt.encode({"sub": "eva", "role": "employee", "iss": "intranet", "aud": "leerkoers",
                                      "exp": int(time.time()) + 600}, "een ander geheim dat ook lang genoeg is!!",
                                     algorithm="HS256"), "niet geldig"),
    "wrong audience": (lambda: token(aud="iets-anders"), "niet geldig"),
    "wrong issuer": (lambda: token(iss="nep-intranet"), "niet geldig"),
    "unknown role": (lambda: token(role="admin"), "onbekende rol"),
    "no expiry": (lambda: token(exp=None), "niet geldig"),
    "ten years": (lambda: token(exp=int(time.time()) + 10 * 365 * 86400), "te lang geldig"),  # issue 14, finding 10
    "not a token": (lambda: "geen.echte.token", "niet geldig"),
    "none": (lambda: None, "niet aangemeld"),
    "empty": (lambda: "", "niet aangemeld"),
}


@pytest.mark.parametrize("case", INVALID)
def test_invalid_tokens_are_refused(case):
    make, message = INVALID[case]
    with pytest.raises(IdentityError, match=message):
        identity.verify(make(), HS)


def test_none_algorithm_is_refused():
    unsigned = jwt.encode({"sub": "eva", "role": "manager", "iss": "intranet", "aud": "leerkoers",
                           "exp": int(time.time()) + 600}, None, algorithm="none")
    with pytest.raises(IdentityError):
        identity.verify(unsigned, HS)


def test_rs256_public_key():
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem_private = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption()).decode()
    pem_public = private.public_key().public_bytes(serialization.Encoding.PEM,
                                                   serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    settings = TokenSettings("RS256", pem_public, "intranet", "leerkoers")
    good = identity.mint("mark", "Mark", "manager", "Gemeente Zeist", key=pem_private, algorithm="RS256")
    assert identity.verify(good, settings).role == "manager"
    forged = identity.mint("mark", "Mark", "manager", "Gemeente Zeist", key=HS.key, algorithm="HS256")
    with pytest.raises(IdentityError):
        identity.verify(forged, settings)  # an HS256 token signed with a guessed key is not accepted


def test_settings_from_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("LEERKOERS_JWT_SECRET", raising=False)
    monkeypatch.delenv("LEERKOERS_JWT_PUBLIC_KEY_FILE", raising=False)
    assert not identity.token_settings().enabled
    assert identity.verify(None) == identity.DEV_IDENTITY and identity.DEV_IDENTITY.dev
    monkeypatch.setenv("LEERKOERS_JWT_SECRET", HS.key)
    assert identity.token_settings().algorithm == "HS256"
    with pytest.raises(IdentityError):
        identity.verify(None)


def test_bearer_header():
    assert identity.bearer("Bearer abc") == "abc"
    assert identity.bearer("Basic abc") is None
    assert identity.bearer(None) is None


def test_the_demo_page_makes_no_tokens_unless_started_for_it(monkeypatch):
    """Issue 14, finding 9: the demo page minted 8-hour tokens for anyone who could reach it."""
    from ops import demo

    monkeypatch.setenv("LEERKOERS_JWT_SECRET", HS.key)
    assert '"token"' not in demo._config_script("http://x", "mark")
    script = demo._config_script("http://x", "mark", mint_tokens=True)
    minted = script.split('"token": "')[1].split('"')[0]
    claims = identity.verify(minted, identity.token_settings())
    assert claims.role == "manager"
    import jwt
    ttl = jwt.decode(minted, options={"verify_signature": False})["exp"] - time.time()
    assert ttl <= demo.DEMO_TOKEN_MINUTES * 60 + 5


@pytest.mark.parametrize("text,nlu_share,expected", [
    ("Kunt u mijn POP delen met alleen mijn leidinggevende? Dus niet met HR.", False, (True, False, True)),
    ("deel mijn pop met mijn leidinggevende, niet met hr", True, (True, False, True)),  # was shared with HR too
    ("deel mijn pop ook met hr", True, (True, True, False)),  # the manager stays as chosen before
    ("deel mijn pop met hr", True, (True, True, False)),  # found over make run: the manager was added too
    ("deel mijn pop met mijn leidinggevende en met hr", True, (True, True, True)),
    ("stop met delen met mijn leidinggevende", True, (False, False, False)),
    ("ik wil mijn pop niet meer delen", True, (False, False, False)),
    ("Delen met mijn leidinggevende", True, (True, False, True)),
    ("alleen met Lisa, HR hoeft het niet te zien", False, (True, False, True)),  # stopped sharing (sixth round)
    ("deel met nora", False, (True, False, True)),  # "Je POP is niet meer zichtbaar" (seventh round)
    ("mag nora hem zien? graag delen", False, (True, False, True)),
    ("ik wil hem niet delen", True, (False, False, False)),
    ("niet delen", True, (False, False, False)),
])
def test_what_is_shared_follows_the_words_not_only_the_nlu(text, nlu_share, expected):
    """Found over `make run`: "… delen met alleen mijn leidinggevende? Dus niet met HR." stopped sharing (the NLU
    heard "niet delen"), and the word "hr" in "niet met hr" would have shared with HR."""
    from bot.services.sharing import what_to_share

    assert what_to_share(text, nlu_share) == expected
