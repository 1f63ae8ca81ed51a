"""The action server is closed (issue 14): loopback only, and no action runs without the shared secret."""

from __future__ import annotations

import json
import socket
import time

import pytest
import requests

from bot.settings import ACTION_SECRET_HEADER, get_settings
from ops import processes

pytestmark = pytest.mark.e2e


def _call(sender: str, action: str = "action_gegevens_inzien") -> dict:
    return {"next_action": action, "sender_id": sender, "version": "3.6.2", "domain": {},
            "tracker": {"sender_id": sender, "slots": {}, "latest_message": {"text": "welke gegevens heb je",
                        "intent": {"name": "gegevens_inzien", "confidence": 1.0}, "metadata": {}},
                        "events": [], "paused": False, "followup_action": None, "active_loop": {},
                        "latest_action_name": "action_listen"}}


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(name) as table:
            for line in table.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, port_hex = local.rsplit(":", 1)
                if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                    if len(address) == 8:
                        found.add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
                    else:
                        found.add("::" if set(address) == {"0"} else address)
    return found


@pytest.fixture(scope="module")
def action_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("actions")
    mp = pytest.MonkeyPatch()
    mp.setenv("LEERKOERS_VAR_DIR", str(tmp))
    mp.setenv("LEERKOERS_DATABASE_URL", f"sqlite:///{tmp / 'lk.db'}")
    mp.setenv("LEERKOERS_ACTION_PORT", str(processes.free_port()))
    mp.setenv("LEERKOERS_ACTION_SECRET", "test-geheim-" + "x" * 20)
    mp.delenv("LEERKOERS_ACTION_URL", raising=False)
    mp.delenv("LEERKOERS_ACTION_HOST", raising=False)
    settings = get_settings()
    from bot.storage import db
    db.upgrade(settings.database_url)
    log = open(tmp / "actions.log", "w")
    proc = processes.start_action_server(settings, log=log)
    processes.wait_for(settings.action_url.rsplit("/", 1)[0] + "/health", proc)
    yield settings, tmp / "actions.log"
    processes.stop_process(proc)
    log.close()
    mp.undo()


def test_it_listens_on_loopback_only(action_server):
    settings, _ = action_server
    listening = _listening_addresses(settings.action_port)
    assert listening == {"127.0.0.1"}, listening
    addresses = {a[4][0] for a in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)} - {"127.0.0.1"}
    for address in addresses:
        with socket.socket() as s:
            s.settimeout(1)
            assert s.connect_ex((address, settings.action_port)) != 0


def test_a_call_without_the_secret_runs_nothing(action_server):
    settings, log = action_server
    for headers in ({}, {ACTION_SECRET_HEADER: "fout"}, {ACTION_SECRET_HEADER: settings.action_secret + "x"}):
        r = requests.post(settings.action_url, json=_call("iemand-anders"), headers=headers, timeout=10)
        assert r.status_code == 401 and "gegevens" not in r.text
    assert requests.get(settings.action_url.replace("/webhook", "/actions"), timeout=10).status_code == 401


def test_rasa_with_the_secret_is_served_and_errors_do_not_echo_the_request(action_server):
    settings, log = action_server
    headers = {ACTION_SECRET_HEADER: settings.action_secret}
    r = requests.post(settings.action_url, json=_call("eigenaar"), headers=headers, timeout=30)
    assert r.status_code == 200 and r.json()["responses"]
    bad = _call("eigenaar", action="action_bestaat_niet")
    bad["tracker"]["latest_message"]["text"] = "mijn geheime antwoord 12345"
    r = requests.post(settings.action_url, data=json.dumps(bad), headers=headers, timeout=30)
    assert r.status_code >= 400 and "12345" not in r.text
    time.sleep(0.2)
    assert "12345" not in log.read_text()


def test_with_tokens_on_an_action_without_a_verified_identity_does_nothing_personal(tmp_path, monkeypatch):
    """Issue 14, finding 2: without identity metadata the person was treated as a manager."""
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.documents import ActionShowMyData
    from bot.storage import db

    monkeypatch.setenv("LEERKOERS_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("LEERKOERS_DATABASE_URL", f"sqlite:///{tmp_path / 'lk.db'}")
    monkeypatch.setenv("LEERKOERS_JWT_SECRET", "een geheim dat lang genoeg is voor HS256!!")
    db.upgrade(get_settings().database_url)
    tracker = Tracker.from_dict(_call("eva")["tracker"])
    dispatcher = CollectingDispatcher()
    with pytest.raises(PermissionError):
        asyncio.run(ActionShowMyData().run(dispatcher, tracker, {}))
    assert dispatcher.messages == []
    db.dispose_all()
