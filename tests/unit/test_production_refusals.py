"""Issue 43, M3, L1 and L5 (key settings), item 4: `leerkoers run-prod` refuses each unsafe setting with a
Dutch reason, and docs/security.md names every setting production checks."""

from __future__ import annotations

import re

import pytest

from bot.production import RULES, production_problems
from bot.settings import PROJECT_ROOT, get_settings

SAFE = {
    "LEERKOERS_MODE": "production",
    "LEERKOERS_ACTION_SECRET": "a" * 40,
    "LEERKOERS_LINK_SECRET": "b" * 40,
    "LEERKOERS_JWT_SECRET": "c" * 40,
    "LEERKOERS_CORS_ORIGINS": "https://intranet.gemeente.nl",
}
JWT = ("LEERKOERS_JWT_SECRET", "LEERKOERS_JWT_PUBLIC_KEY_FILE", "LEERKOERS_JWT_JWKS_URL", "LEERKOERS_JWT_ALGORITHM")


@pytest.fixture
def production(monkeypatch):
    for name in JWT:
        monkeypatch.delenv(name, raising=False)
    for name, value in SAFE.items():
        monkeypatch.setenv(name, value)
    return monkeypatch


def test_the_safe_example_starts(production):
    assert production_problems(get_settings()) == []


@pytest.mark.parametrize("changes, words", [
    ({"LEERKOERS_JWT_SECRET": None}, "geen controle van de aanmelding"),  # M3: the sender in the body is trusted
    ({"LEERKOERS_JWT_JWKS_URL": "https://login.example.nl/keys"}, "Kies er één"),
    ({"LEERKOERS_JWT_SECRET": None, "LEERKOERS_JWT_PUBLIC_KEY_FILE": "/etc/k.pem",
      "LEERKOERS_JWT_ALGORITHM": "HS256"}, "horen bij RS256"),  # L5: a key file with HS256
    ({"LEERKOERS_JWT_ALGORITHM": "RS256"}, "alleen HS256"),
    ({"LEERKOERS_JWT_SECRET": None, "LEERKOERS_JWT_JWKS_URL": "http://idp.example.nl/keys"}, "https-adres"),
    ({"LEERKOERS_JWT_SECRET": None, "LEERKOERS_JWT_JWKS_URL": "file:///etc/passwd"}, "https-adres"),
    ({"LEERKOERS_CORS_ORIGINS": "*"}, "'*'"),
    ({"LEERKOERS_CORS_ORIGINS": "*,https://intranet.gemeente.nl"}, "'*'"),  # L1: '*' inside a list
    ({"LEERKOERS_CORS_ORIGINS": "https://intranet.gemeente.nl, https://*.gemeente.nl"}, "'*'"),
    ({"LEERKOERS_CORS_ORIGINS": "https://intranet.gemeente.nl,null"}, "'null'"),  # L1: the origin null
    ({"LEERKOERS_CORS_ORIGINS": "intranet"}, "geen adres"),
    ({"LEERKOERS_JWT_CLAIMS_FILE": "CLAIMS"}, "'role.default' mag alleen employee"),
])
def test_production_refuses_an_unsafe_setting_with_a_dutch_reason(production, capsys, tmp_path, changes, words):
    from bot import claims
    from ops import cli

    claims_file = tmp_path / "claims.yml"
    claims_file.write_text("role:\n  claim: rolse\n  default: hr\n", encoding="utf-8")
    claims._loaded.clear()
    for name, value in changes.items():
        value = str(claims_file) if value == "CLAIMS" else value
        if value is None:
            production.delenv(name, raising=False)
        else:
            production.setenv(name, value)
    [problem] = production_problems(get_settings())
    assert words in problem
    assert cli.main(["run-prod"]) == 2
    err = capsys.readouterr().err
    assert f"Leerkoers start niet: {problem}" in err and "Traceback" not in err


def test_a_jwks_address_on_this_machine_may_be_plain_http(production):
    production.delenv("LEERKOERS_JWT_SECRET")
    production.setenv("LEERKOERS_JWT_JWKS_URL", "http://127.0.0.1:8081/keys")
    assert production_problems(get_settings()) == []


def test_docs_security_names_every_setting_production_checks():
    text = (PROJECT_ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    section = text.split("## What production refuses", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`(LEERKOERS_[A-Z_*]+)`", section))
    assert {name for name, _rule in RULES} <= named


def test_the_start_banner_shows_no_sender_in_the_body_while_tokens_are_on():
    """Issue 43, L8: with tokens on, the example named the sender in the body, which is then never trusted."""
    from ops.cli import rest_example

    with_tokens = rest_example("http://127.0.0.1:5005/webhooks/rest/webhook", tokens=True)
    assert '"sender"' not in with_tokens and "Authorization: Bearer" in with_tokens
    assert '"sender"' in rest_example("http://127.0.0.1:5005/webhooks/rest/webhook", tokens=False)


def test_docs_security_says_what_each_role_can_see():
    from bot import vocabulary

    text = (PROJECT_ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    section = text.split("What each role can see", 1)[1].split("\n\n", 2)[1]
    assert {row.split("`")[1] for row in section.splitlines() if row.startswith("| `")} == set(vocabulary.ROLES)
