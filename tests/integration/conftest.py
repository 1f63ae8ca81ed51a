"""Fixtures of the integration tests that several modules share."""

from __future__ import annotations

import pytest

from tests.jwks import PROVIDER_AUDIENCE, PROVIDER_ISSUER, JwksServer, Key


@pytest.fixture
def provider(monkeypatch):
    """A local identity provider with one key ("sleutel-1") at its JWKS address, and Leerkoers set to use it with
    no cooldown; nothing fetched before. Yields (server, key)."""
    from bot import identity_keys

    first = Key("sleutel-1")
    server = JwksServer(first)
    monkeypatch.setenv("LEERKOERS_JWT_JWKS_URL", server.url)
    monkeypatch.setenv("LEERKOERS_JWT_ISSUER", PROVIDER_ISSUER)
    monkeypatch.setenv("LEERKOERS_JWT_AUDIENCE", PROVIDER_AUDIENCE)
    monkeypatch.setenv("LEERKOERS_JWT_JWKS_COOLDOWN", "0")
    monkeypatch.delenv("LEERKOERS_JWT_SECRET", raising=False)
    identity_keys.forget()
    yield server, first
    server.stop()
    identity_keys.forget()
