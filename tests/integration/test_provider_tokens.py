"""Issue 32, items 1 and 2: keys from the identity provider's JWKS address, and claims as the provider names them."""

from __future__ import annotations

import logging

import jwt
import pytest
import yaml

from bot import claims as claim_files
from bot.claims import ClaimsError, parse
from bot.identity import IdentityError, _identity, verify
from bot.settings import PROJECT_ROOT
from tests.jwks import PROVIDER_AUDIENCE, PROVIDER_ISSUER, Key, claims, entra_id, keycloak

ISSUER, AUDIENCE = PROVIDER_ISSUER, PROVIDER_AUDIENCE
EXAMPLES = PROJECT_ROOT / "deploy" / "claims"


def own(sub: str, role: str = "employee", **more) -> dict:
    return claims(ISSUER, AUDIENCE, sub=sub, name="Eva de Vries", role=role, org_id="gm0355", org="Gemeente Zeist",
                  **more)


def test_a_key_from_the_jwks_address_is_used_and_cached(provider):
    server, first = provider
    person = verify(first.sign(own("eva")))
    assert (person.person_id, person.role, person.organisation_id) == ("eva", "employee", "gm0355")
    verify(first.sign(own("piet")))
    assert server.fetches == 1  # cached: one fetch for both


def test_a_rotated_key_is_fetched_once_without_a_restart(provider):
    server, first = provider
    assert verify(first.sign(own("eva"))).person_id == "eva"
    second = Key("sleutel-2")
    server.rotate(second)
    assert verify(second.sign(own("eva"))).person_id == "eva"  # the new kid: fetched again
    assert server.fetches == 2
    with pytest.raises(IdentityError, match="niet geldig"):
        verify(Key("onbekend").sign(own("eva")))  # a key the provider does not publish


def test_the_algorithm_comes_from_the_settings_never_from_the_token(provider):
    _server, first = provider
    unsigned = jwt.encode(own("eva"), None, algorithm="none", headers={"kid": first.kid})
    with pytest.raises(IdentityError):
        verify(unsigned)
    forged = jwt.encode(own("eva"), first.jwk()["n"], algorithm="HS256", headers={"kid": first.kid})
    with pytest.raises(IdentityError):
        verify(forged)  # the public key used as an HMAC secret


def test_an_unreachable_address_refuses_with_a_dutch_line_in_the_log(provider, caplog):
    server, first = provider
    token = first.sign(own("eva"))
    server.stop()
    from bot import identity_keys

    identity_keys.forget()  # a fresh start: nothing cached yet
    with caplog.at_level(logging.ERROR, logger="bot.identity_keys"), \
            pytest.raises(IdentityError, match="gecontroleerd"):
        verify(token)
    assert "niet te krijgen" in caplog.text and "eva" not in caplog.text


@pytest.fixture
def claims_file(tmp_path, monkeypatch):
    def use(name: str):
        monkeypatch.setenv("LEERKOERS_JWT_CLAIMS_FILE", str(EXAMPLES / name))
        claim_files._loaded.clear()
        return yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))
    yield use
    claim_files._loaded.clear()


@pytest.mark.parametrize("roles, role", [(["Leerkoers.Manager"], "manager"), (["Leerkoers.HR", "Leerkoers.Manager"], "hr"),
                                         (["Iets.Anders"], "employee"), (None, "employee")])
def test_an_entra_id_token_reaches_the_right_role_and_organisation(provider, claims_file, roles, role):
    _server, first = provider
    claims_file("entra-id.yml")
    person = verify(first.sign(entra_id("72f988bf-tenant", "5f1c-oid-eva", "Eva de Vries", roles, ISSUER, AUDIENCE)))
    assert (person.person_id, person.name, person.role) == ("5f1c-oid-eva", "Eva de Vries", role)
    assert (person.organisation_id, person.organisation) == ("72f988bf-tenant", "Gemeente Voorbeeld")
    assert person.manager_id is None  # Entra ID does not know it: the HR import does


@pytest.mark.parametrize("realm_roles, role", [(["leerkoers-manager"], "manager"), (["leerkoers-hr"], "hr"), ([], "employee")])
def test_a_keycloak_token_reaches_the_right_role_and_organisation(provider, claims_file, realm_roles, role):
    _server, first = provider
    claims_file("keycloak.yml")
    person = verify(first.sign(keycloak("f:abc:eva", "Eva de Vries", realm_roles, ISSUER, AUDIENCE, manager="f:abc:mark")))
    assert (person.person_id, person.role, person.organisation_id, person.organisation) == (
        "f:abc:eva", role, "gm0355", "Gemeente Zeist")
    assert person.manager_id == "f:abc:mark"


def test_without_a_default_an_unmapped_role_is_refused(tmp_path):
    names = parse({"role": {"claim": "roles", "values": {"Leerkoers.Manager": "manager"}}}, tmp_path / "c.yml")
    token = claims(ISSUER, AUDIENCE, sub="x", roles=["Iets.Anders"], org_id="o")
    with pytest.raises(IdentityError, match="onbekende rol"):
        _identity(token, names)


@pytest.mark.parametrize("data, message", [
    ({"role": {"claim": "roles", "values": {"X": "baas"}}}, "onbekende rol baas"),
    ({"persoon": "sub"}, "onbekend veld persoon"),
    ({"person_id": {"waarde": "x"}}, "person_id"),
    ({"role": {"values": {"X": "hr"}}}, "'role' heeft 'claim'"),
])
def test_a_wrong_claims_file_is_refused_with_its_name(tmp_path, data, message):
    with pytest.raises(ClaimsError, match=message) as raised:
        parse(data, tmp_path / "claims.yml")
    assert "claims.yml" in str(raised.value)


@pytest.mark.parametrize("data, message", [  # issue 43, L5: each of these was accepted
    ({"role": {"claim": "rolse", "default": "hr"}}, "'role.default' mag alleen employee"),
    ({"role": {"claim": "roles", "default": "manager"}}, "'role.default' mag alleen employee"),
    ({"person_id": {"value": "x"}}, "'person_id' moet uit het token komen"),
    ({"manager": {"value": "baas"}}, "'manager' moet uit het token komen"),
    ({"role": {"claim": {"value": "hr"}}}, "'role.claim' moet de naam van een claim"),
    ({"role": {"claim": "roles", "values": ["hr"]}}, "'role.values' moet paren"),
])
def test_a_claims_file_that_would_give_everyone_the_same_person_or_more_rights_is_refused(tmp_path, data, message):
    with pytest.raises(ClaimsError, match=message) as raised:
        parse(data, tmp_path / "claims.yml")
    assert "claims.yml" in str(raised.value)


def test_a_key_file_with_hs256_is_refused_in_dutch(tmp_path, monkeypatch):
    from bot.identity import token_settings

    key = tmp_path / "intranet.pem"
    key.write_text("-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n")
    monkeypatch.delenv("LEERKOERS_JWT_SECRET", raising=False)
    monkeypatch.delenv("LEERKOERS_JWT_JWKS_URL", raising=False)
    monkeypatch.setenv("LEERKOERS_JWT_PUBLIC_KEY_FILE", str(key))
    monkeypatch.setenv("LEERKOERS_JWT_ALGORITHM", "HS256")
    with pytest.raises(IdentityError, match="past niet bij een sleutelbestand"):
        token_settings()
