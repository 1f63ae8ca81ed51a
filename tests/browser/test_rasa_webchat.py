"""Issue 32, item 4: a second real chat client. rasa-webchat (1.0.1, pinned in widget/package-lock.json), loaded
from widget/node_modules in Chromium, talks to the socket.io channel with a token: greeting, buttons, a card, a
download. Without a token the channel refuses it.

rasa-webchat cannot send socket.io's ``auth``; it gets the token in the address (``socketUrl: ...?token=``),
and then the channel sends cards and downloads as text it can show (rasa_addons/outputs.py)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from bot.identity import Identity
from bot.services import interviews as service
from tests.helpers import POP
from tests.stack_helpers import tok

pytestmark = [pytest.mark.e2e, pytest.mark.browser]
SCRIPT = Path(__file__).resolve().parents[2] / "widget" / "node_modules" / "rasa-webchat" / "lib" / "index.js"
PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Intranet</title></head><body>
<div id="webchat"></div>
<script src="/rasa-webchat.js"></script>
<script>
  WebChat.default({selector: "#webchat", initPayload: "/groet", socketUrl: %s, socketPath: "/socket.io/",
                   title: "Leerkoers", embedded: true, params: {storage: "session"}, showMessageDate: false}, null);
</script></body></html>"""


@pytest.fixture(scope="module")
def intranet():
    """An intranet page with rasa-webchat: /?url=<socketUrl> serves the page, /rasa-webchat.js the client."""
    assert SCRIPT.exists(), "rasa-webchat is missing: run `make widget`"

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if self.path.startswith("/rasa-webchat.js"):
                body, kind = SCRIPT.read_bytes(), "application/javascript"
            else:
                from urllib.parse import parse_qs, urlparse

                url = parse_qs(urlparse(self.path).query).get("url", [""])[0]
                body, kind = (PAGE % json.dumps(url)).encode(), "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def open_webchat(browser, intranet, socket_url):
    from urllib.parse import quote

    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.frames_seen = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda frame: page.frames_seen.append(str(frame)[:300])))
    page.on("console", lambda msg: page.frames_seen.append("console: " + msg.type + " " + msg.text[:300]))
    page.on("pageerror", lambda err: page.frames_seen.append("pageerror: " + str(err)[:300]))
    page.goto(f"{intranet}/?url={quote(socket_url)}")
    return page


def responses(page) -> list[str]:
    return page.locator(".rw-response").all_inner_texts()


def wait_for(page, condition, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"{what} not shown; rasa-webchat shows: {responses(page)[-3:]}; "
                         f"the last events: {[f for f in getattr(page, 'frames_seen', []) if f.startswith(('console: error', 'console: warn', 'pageerror'))][-6:]}")


def idle(page, quiet: float = 3.0) -> None:
    """Wait until rasa-webchat has shown every message: it shows them one by one, with "typing" in between."""
    deadline, last, since = time.monotonic() + 90, -1, time.monotonic()
    while time.monotonic() < deadline:
        count = page.locator(".rw-response").count()
        if count != last or page.locator(".rw-loading").count():
            last, since = count, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        time.sleep(0.3)
    raise AssertionError(f"rasa-webchat kept typing; it shows: {responses(page)[-3:]}")


def send(page, text: str) -> None:
    idle(page)  # as a person would: after reading what is there
    before = page.locator(".rw-response").count()
    page.locator(".rw-new-message").fill(text)
    page.keyboard.press("Enter")
    wait_for(page, lambda: page.locator(".rw-response").count() > before, f"an answer to {text!r}")
    idle(page)


def test_rasa_webchat_completes_a_conversation_with_a_token(stack, browser, intranet, today):
    servers, _ = stack
    eva = Identity("webchat-eva", "Eva", "employee", "Gemeente Zeist", organisation_id="Gemeente Zeist")
    service.sync_identity(eva)  # her POP is ready (the interview itself is tested elsewhere): a file to download
    service.start(eva.person_id, "pop", today)
    for _key, text in POP[1:]:
        service.turn(eva.person_id, "pop", text, ranking=[("antwoord", 0.9)], today=today)
    page = open_webchat(browser, intranet, f"{servers.rasa_url}?token={tok('webchat-eva', name='Eva')}")

    # text with buttons: the greeting and its choices, as rasa-webchat's quick replies
    wait_for(page, lambda: any("Ik ben Leerkoers" in t for t in responses(page)), "the greeting")
    replies = page.locator(".rw-reply").all_inner_texts()
    assert "POP voorbereiden" in replies, replies

    # a card: a funding suggestion as its text with its lines under it, and its buttons
    send(page, "welke subsidies passen bij mijn eigen opleiding als ik die zelf betaal?")
    for _ in range(4):
        if page.locator(".rw-response strong").count():
            break
        last = responses(page)[-1]
        send(page, "weet ik niet" if "?" in last else "zelf betalen")
    card = page.locator(".rw-response", has=page.locator("strong")).first
    assert card.locator("li").count() >= 1, card.inner_text()
    assert any("Meer uitleg" in r for r in page.locator(".rw-reply").all_inner_texts())

    # a download: a link in the text, that opens the file
    send(page, "download mijn POP")
    wait_for(page, lambda: page.locator(".rw-response a[href*='/bestand/']").count() > 0, "a download link")
    link = page.locator(".rw-response a[href*='/bestand/']").first
    assert link.inner_text().strip() in ("PDF", "Word, om aan te passen")
    body = requests.get(link.get_attribute("href"), timeout=30)
    assert body.status_code == 200 and len(body.content) > 500
    page.close()


def test_rasa_webchat_without_a_token_is_refused(stack, browser, intranet):
    servers, _ = stack
    page = open_webchat(browser, intranet, servers.rasa_url)
    time.sleep(8)
    assert responses(page) == []  # no greeting: the connection was refused
    assert not any("bot_uttered" in f for f in page.frames_seen)
    page.close()
