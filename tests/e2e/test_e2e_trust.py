"""Trust end to end (issue 14): real servers, over HTTP."""

from __future__ import annotations

import json

import pytest
import requests

from tests.e2e.rest import say, texts
from tests.helpers import downloads

pytestmark = pytest.mark.e2e


def test_a_huge_body_is_refused_before_it_is_parsed(servers):
    """Finding 10: bodies up to Sanic's 100 MB default were parsed before the token check."""
    body = json.dumps({"sender": "groot", "message": "x" * (5 * 1024 * 1024)})
    r = requests.post(servers.webhook, data=body, headers={"Content-Type": "application/json"}, timeout=60)
    assert r.status_code == 413
    assert texts(say(servers, "groot", "hallo"))  # the server still answers


def test_the_data_export_includes_the_conversation(servers):
    """Finding 10: the personal data export left out the conversation history."""
    say(servers, "export-e2e", "/start_pop")
    say(servers, "export-e2e", "Gemeente Houten")
    [link] = [url for _label, url in downloads(say(servers, "export-e2e", "welke gegevens heb je van mij?"))]
    data = requests.get(link, timeout=30).json()
    said = [m["text"] for m in data["conversation"] if m["from"] == "user"]
    assert "Gemeente Houten" in said
    assert any("organisatie" in m["text"] for m in data["conversation"] if m["from"] == "bot")
