"""Issue 32 over the real servers: tokens of an identity provider (keys from its JWKS address, claims as Entra ID
and Keycloak name them) and the organisation chart from the HR system."""

from __future__ import annotations

import jwt
import pytest
import requests
from sqlalchemy import select

from bot.identity import Identity
from bot.services import interviews as service
from bot.services import sharing
from bot.settings import PROJECT_ROOT
from bot.storage.db import session_scope
from bot.storage.models import Organisation, Person
from ops import cli, processes
from tests.e2e.rest import server_settings
from tests.helpers import POP
from tests.jwks import JwksServer, Key, entra_id, keycloak

pytestmark = pytest.mark.e2e
ISSUER, AUDIENCE = "https://login.voorbeeld.nl/realm", "leerkoers"


@pytest.fixture(scope="module", params=["entra-id", "keycloak"])
def provider(request, tmp_path_factory):
    mp = pytest.MonkeyPatch()
    tmp = tmp_path_factory.mktemp(request.param)
    key = Key("sleutel-1")
    jwks = JwksServer(key)
    for name, value in {"LEERKOERS_JWT_JWKS_URL": jwks.url, "LEERKOERS_JWT_ISSUER": ISSUER,
                        "LEERKOERS_JWT_AUDIENCE": AUDIENCE, "LEERKOERS_JWT_JWKS_COOLDOWN": "0",
                        "LEERKOERS_JWT_CLAIMS_FILE": str(PROJECT_ROOT / "deploy" / "claims" / f"{request.param}.yml"),
                        }.items():
        mp.setenv(name, value)
    mp.delenv("LEERKOERS_JWT_SECRET", raising=False)
    mp.delenv("LEERKOERS_JWT_PUBLIC_KEY_FILE", raising=False)
    settings = server_settings(tmp, mp)
    try:
        with open(tmp / "servers.log", "w") as log, processes.running(settings, log=log) as srv:
            yield request.param, srv, jwks, key
    finally:
        jwks.stop()
        mp.undo()


def token(kind: str, key: Key, who: str, name: str, role: str | None) -> str:
    if kind == "entra-id":
        roles = {"manager": ["Leerkoers.Manager"], "hr": ["Leerkoers.HR"], None: None}[role]
        return key.sign(entra_id("tenant-zeist", who, name, roles, ISSUER, AUDIENCE))
    realm = {"manager": ["leerkoers-manager"], "hr": ["leerkoers-hr"], None: []}[role]
    return key.sign(keycloak(who, name, realm, ISSUER, AUDIENCE))


ORGANISATION = {"entra-id": "tenant-zeist", "keycloak": "gm0355"}


def say(srv, bearer: str | None, text: str) -> tuple[int, list[str]]:
    headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
    response = requests.post(srv.webhook, json={"sender": "genegeerd", "message": text}, headers=headers, timeout=60)
    body = response.json()
    texts = [m.get("text", "") for m in body] if isinstance(body, list) else [body.get("error", "")]
    return response.status_code, texts


def test_a_provider_token_reaches_the_right_role_and_organisation(provider):
    kind, srv, _jwks, key = provider
    status, _ = say(srv, token(kind, key, f"{kind}-mark", "Mark Jansen", "manager"), "hallo")
    assert status == 200
    status, _ = say(srv, token(kind, key, f"{kind}-hanna", "Hanna de Wit", "hr"), "hallo")
    assert status == 200
    with session_scope(srv.settings.database_url) as s:
        roles = {p.id: (p.role, p.organisation.external_id) for p in s.execute(select(Person)).scalars()}
    assert roles[f"{kind}-mark"] == ("manager", ORGANISATION[kind])
    assert roles[f"{kind}-hanna"] == ("hr", ORGANISATION[kind])


def test_a_rotated_key_is_accepted_without_a_restart_and_others_are_refused(provider):
    kind, srv, jwks, key = provider
    assert say(srv, token(kind, key, "eva", "Eva", None), "hallo")[0] == 200
    new = Key("sleutel-2")
    jwks.rotate(new)
    assert say(srv, token(kind, new, "eva", "Eva", None), "hallo")[0] == 200
    status, text = say(srv, token(kind, Key("onbekend"), "eva", "Eva", None), "hallo")
    assert status == 401 and "niet geldig" in text[0]
    claims = jwt.decode(token(kind, new, "eva", "Eva", None), options={"verify_signature": False})
    assert say(srv, jwt.encode(claims, None, algorithm="none", headers={"kid": new.kid}), "hallo")[0] == 401
    assert say(srv, None, "hallo")[0] == 401
    jwks.rotate(key, new)  # both again, for the next test


CHART = ("id;naam;team;leidinggevende;rol\n"
         "{p}-mark;Mark Jansen;Sociaal Domein;;leidinggevende\n"
         "{p}-eva;Eva de Vries;Sociaal Domein;{p}-mark;medewerker\n"
         "{p}-nora;Nora Bakker;Ruimte;;leidinggevende\n")


def test_after_the_import_the_manager_sees_the_team_and_records_an_agreement(provider, tmp_path, today):
    kind, srv, _jwks, key = provider
    p = kind
    org_key = ORGANISATION[kind]
    for who, name, role in ((f"{p}-mark", "Mark Jansen", "manager"), (f"{p}-nora", "Nora Bakker", "manager"),
                            (f"{p}-eva", "Eva de Vries", None)):
        assert say(srv, token(kind, key, who, name, role), "hallo")[0] == 200  # no manager claim in any token
    path = tmp_path / "organogram.csv"
    path.write_text(CHART.format(p=p), encoding="utf-8")
    assert cli.main(["medewerkers", "importeer", str(path), "--organisatie", org_key, "--ja"]) == 0
    # Eva prepares and shares her POP (the interview itself is tested over REST elsewhere)
    with session_scope(srv.settings.database_url) as s:
        org_name = s.execute(select(Organisation.name).where(Organisation.external_id == org_key)).scalar_one()
    eva = Identity(f"{p}-eva", "Eva de Vries", "employee", org_name, organisation_id=org_key)
    service.sync_identity(eva)
    service.start(eva.person_id, "pop", today)
    for _key, text in POP[1:]:
        service.turn(eva.person_id, "pop", text, ranking=[("antwoord", 0.9)], today=today)
    assert sharing.share_pop(eva.person_id, True, today) == "gedeeld"

    mark = token(kind, key, f"{p}-mark", "Mark Jansen", "manager")
    status, texts = say(srv, mark, "POP-gesprekken van mijn team")
    assert status == 200 and any("Eva de Vries" in t for t in texts), texts
    _, texts = say(srv, mark, "/start_popgesprek")
    assert any("Met wie" in t or "Eva" in t for t in texts), texts
    _, texts = say(srv, mark, "Eva de Vries")
    assert any("Leerdoel 1" in t for t in texts), texts
    _, texts = say(srv, mark, "Niet nu")
    assert any("afspraak" in t.lower() for t in texts), texts

    nora = token(kind, key, f"{p}-nora", "Nora Bakker", "manager")
    _, texts = say(srv, nora, "POP-gesprekken van mijn team")
    assert not any("Eva" in t for t in texts), texts


@pytest.mark.parametrize("mode", ["hang", "garbage"])
def test_a_hanging_or_garbage_jwks_address_harms_no_one_else(provider, mode):
    """Issue 43, M2, over the real servers: twelve tokens with unknown key ids while the provider hangs or answers
    garbage; another person's request with a known key still answers within 2 s, and the strangers get a Dutch
    refusal, not an error page."""
    import threading
    import time

    kind, srv, jwks, key = provider
    assert say(srv, token(kind, key, f"{kind}-vast", "Vera Vast", None), "hallo")[0] == 200  # her key is known
    jwks.mode = mode
    refusals: list[tuple[int, list[str]]] = []

    def stranger(n: int) -> None:
        refusals.append(say(srv, token(kind, Key(f"vreemd-{mode}-{n}"), f"{kind}-x{n}", "X", None), "hallo"))

    threads = [threading.Thread(target=stranger, args=(n,)) for n in range(12)]
    try:
        for thread in threads:
            thread.start()
        time.sleep(0.2)
        started = time.monotonic()
        status, texts = say(srv, token(kind, key, f"{kind}-vast", "Vera Vast", None), "wat is een POP?")
        assert status == 200 and texts and time.monotonic() - started < 2.0
        for thread in threads:
            thread.join(30)
    finally:
        jwks.mode = "ok"
        jwks.released.set()  # let hanging answers end
        jwks.released = threading.Event()
    assert len(refusals) == 12
    assert all(status == 401 and ("gecontroleerd" in texts[0] or "niet geldig" in texts[0])
               for status, texts in refusals), refusals
