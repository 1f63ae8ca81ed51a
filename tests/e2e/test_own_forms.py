"""An organisation's own POP form over the real servers: a repeating group with buttons (docs/interviews.md)."""

from __future__ import annotations

import shutil

import pytest
import requests
import yaml
from sqlalchemy import select

from bot.interviews import catalogue
from bot.storage.db import session_scope
from bot.storage.models import AnswerLog, Pop
from ops import processes
from tests.e2e.rest import server_settings
from tests.helpers import POP
from tests.question_file_examples import CERTIFICATES, add_certificates

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    tmp = tmp_path_factory.mktemp("own_forms")
    folder = tmp / "vragen"
    shutil.copytree(catalogue.DEFAULT_DIR, folder)
    path = folder / "pop.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    add_certificates(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    mp.setenv("LEERKOERS_INTERVIEWS_DIR", str(folder))
    settings = server_settings(tmp, mp)
    try:
        with open(tmp / "servers.log", "w") as log, processes.running(settings, log=log) as srv:
            yield srv
    finally:
        mp.undo()


def say(srv, text):
    response = requests.post(srv.webhook, json={"sender": "eva-eigen", "message": text}, timeout=60)
    assert response.status_code == 200
    return response.json()


def buttons(replies) -> list[dict]:
    return [b for r in replies for b in r.get("buttons", [])]


def test_the_repeating_group_with_buttons_over_the_real_servers(servers):
    replies = say(servers, "ik wil mijn POP voorbereiden")
    for key, text in POP:
        if key == "pop_steun":
            break
        replies = say(servers, text)
    assert any(CERTIFICATES["start"] in r.get("text", "") for r in replies), replies
    yes = next(b for b in buttons(replies) if b["title"] == "Ja")
    replies = say(servers, yes["payload"])  # a click sends the button's payload
    assert any("Welk certificaat of diploma" in r.get("text", "") for r in replies), replies
    replies = say(servers, "Projectmatig werken (IPMA-D)")
    assert [b["title"] for b in buttons(replies)] == ["Mbo", "Hbo", "Wo", "Geen niveau"]
    replies = say(servers, "Hbo")  # a typed title is a click
    assert any(CERTIFICATES["more"] in r.get("text", "") for r in replies), replies
    replies = say(servers, "nee")
    replies = say(servers, POP[-1][1])
    assert any("Certificaten: 1. certificaat: „Projectmatig werken (IPMA-D)”; niveau: Hbo" in r.get("text", "")
               for r in replies), replies
    with session_scope(servers.settings.database_url) as s:
        pop = s.execute(select(Pop).where(Pop.person_id == "eva-eigen")).scalar_one()
        assert pop.extra["certificaten"]["items"] == [{"naam": "Projectmatig werken (IPMA-D)", "niveau": "hbo"}]
        logged = set(s.execute(select(AnswerLog.question).where(AnswerLog.person_id == "eva-eigen")).scalars())
    assert {"certificaten_start", "cert_naam", "cert_niveau", "certificaten_nog_een", "pop_steun"} <= logged
