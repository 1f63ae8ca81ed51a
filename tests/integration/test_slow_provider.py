"""Issue 43, M2: an identity provider whose JWKS address hangs or answers garbage harms no one. One fetch at a
time with a short timeout, a cooldown after failures as after successes, cached keys serving while the provider is
down, and a Dutch refusal instead of a traceback."""

from __future__ import annotations

import threading
import time

import pytest

from bot import identity_keys
from bot.identity import IdentityError, verify
from tests.jwks import PROVIDER_AUDIENCE, PROVIDER_ISSUER, Key, claims

ISSUER, AUDIENCE = PROVIDER_ISSUER, PROVIDER_AUDIENCE


def token(key: Key, sub: str = "eva") -> str:
    return key.sign(claims(ISSUER, AUDIENCE, sub=sub, name="Eva", role="employee", org_id="gm0355"))


def test_a_hanging_address_refuses_within_the_short_timeout(provider):
    server, first = provider
    server.mode = "hang"
    started = time.monotonic()
    with pytest.raises(IdentityError, match="gecontroleerd"):
        verify(token(first))
    assert time.monotonic() - started < identity_keys.FETCH_TIMEOUT + 1


def test_unknown_key_ids_cause_one_fetch_at_a_time_and_a_cached_key_serves_meanwhile(provider):
    server, first = provider
    assert verify(token(first)).person_id == "eva"  # the key is cached
    server.mode = "hang"
    errors: list[str] = []

    def stranger(n: int) -> None:
        try:
            verify(token(Key(f"onbekend-{n}")))
        except IdentityError as exc:
            errors.append(str(exc))

    threads = [threading.Thread(target=stranger, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    time.sleep(0.3)
    started = time.monotonic()
    assert verify(token(first, "piet")).person_id == "piet"  # the cached key does not wait for the provider
    assert time.monotonic() - started < 0.5
    for thread in threads:
        thread.join(10)
    assert len(errors) == 12 and server.fetches == 2  # the first good one, then one for twelve strangers


def test_an_answer_that_is_not_utf8_is_a_dutch_refusal_and_the_cooldown_holds_after_it(provider, monkeypatch):
    server, first = provider
    monkeypatch.setenv("LEERKOERS_JWT_JWKS_COOLDOWN", "60")
    server.mode = "garbage"
    for _ in range(3):
        with pytest.raises(IdentityError, match="gecontroleerd"):
            verify(token(first))
    assert server.fetches == 1  # a failure starts the cooldown too


def test_cached_keys_serve_while_the_provider_is_down(provider, monkeypatch):
    server, first = provider
    assert verify(token(first)).person_id == "eva"
    server.stop()  # the provider is down, and the keys are older than their lifespan
    later = time.monotonic() + identity_keys.LIFESPAN + 60
    monkeypatch.setattr(identity_keys, "_now", lambda: later)
    assert verify(token(first, "piet")).person_id == "piet"
    with pytest.raises(IdentityError, match="gecontroleerd"):
        verify(token(Key("nieuw")))  # a key it never had cannot be had now


def test_a_provider_key_set_without_usable_keys_is_refused_in_dutch(provider):
    server, first = provider
    server.keys = []
    with pytest.raises(IdentityError, match="gecontroleerd"):
        verify(token(first))


@pytest.mark.parametrize("header", [{"kid": ""}, {"kid": "x" * 300}, {}])
def test_a_token_without_a_usable_key_id_is_not_valid(provider, header):
    import jwt

    _server, first = provider
    bad = jwt.encode(claims(ISSUER, AUDIENCE, sub="eva"), first.private, algorithm="RS256", headers=header)
    with pytest.raises(IdentityError, match="niet geldig"):
        verify(bad)
