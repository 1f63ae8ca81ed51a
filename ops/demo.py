"""A small demo intranet: serves web/index.html with the widget, and (demo only) mints tokens.

This plays the part of the organisation's intranet. In production the intranet itself serves the widget
configuration with a token for the logged-in person; the /demo/token route exists only here.
"""

from __future__ import annotations

import json
import mimetypes
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from bot.identity import Identity, mint, token_settings
from bot.settings import PROJECT_ROOT

WEB = PROJECT_ROOT / "web"
WIDGET = PROJECT_ROOT / "widget" / "dist"

DEMO_USERS = {
    "eva": Identity("demo-eva", "Eva de Vries", "employee", "Gemeente Zeist"),
    "mark": Identity("demo-mark", "Mark Jansen", "manager", "Gemeente Zeist"),
    "sanne": Identity("demo-sanne", "Sanne Bakker", "hr", "Kunstencentrum De Vonk"),
}


DEMO_TOKEN_MINUTES = 15


def _config_script(rasa_url: str, user: str, mint_tokens: bool = False) -> str:
    """The widget's configuration. A token is only made when the demo was started to make them (tests, a
    local demo) and the browser is on this machine: the demo page is never a way to get a token."""
    settings = token_settings()
    person = DEMO_USERS.get(user, DEMO_USERS["eva"])
    config: dict = {"server": rasa_url, "title": "Leerkoers"}
    info = {"tokens": settings.enabled, "name": person.name, "org": person.organisation}
    if settings.enabled and settings.algorithm == "HS256" and mint_tokens:
        config["token"] = mint(person.person_id, person.name, person.role, person.organisation, key=settings.key,
                               issuer=settings.issuer, audience=settings.audience,
                               ttl_seconds=DEMO_TOKEN_MINUTES * 60)
    elif not settings.enabled:
        info.update(name="testgebruiker", org="Demo-organisatie")
    return (
        f"window.LeerkoersConfig = {json.dumps(config)};\n"
        f"(function(i){{document.addEventListener('DOMContentLoaded', function(){{"
        f"document.getElementById('who').textContent = i.name;"
        f"document.getElementById('org').textContent = i.org || 'Demo-organisatie';"
        f"var m = document.getElementById('mode'); m.hidden = false;"
        f"m.textContent = i.tokens ? 'Aangemeld met een ondertekend token (demo).' : "
        f"'Ontwikkelmodus: zonder tokens. Zet LEERKOERS_JWT_SECRET om tokens aan te zetten.';"
        f"document.getElementById('users').hidden = !i.tokens;}});}})({json.dumps(info)});\n"
    )


def make_handler(rasa_url: str, mint_tokens: bool = False):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args) -> None:  # no access logs with personal data
            return

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server API
            url = urlparse(self.path)
            if url.path in ("/", "/index.html"):
                return self._send(200, (WEB / "index.html").read_bytes(), "text/html; charset=utf-8")
            if url.path == "/demo-config.js":
                referer = urlparse(self.headers.get("Referer") or "")
                user = (parse_qs(referer.query).get("user") or ["eva"])[0]
                local = self.client_address[0] in ("127.0.0.1", "::1")
                script = _config_script(rasa_url, user, mint_tokens and local)
                return self._send(200, script.encode(), "text/javascript; charset=utf-8")
            if url.path.startswith("/widget/"):
                target = (WIDGET / url.path.removeprefix("/widget/")).resolve()
                if target.is_file() and WIDGET.resolve() in target.parents:
                    kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
                    return self._send(200, target.read_bytes(), kind)
            if url.path == "/favicon.ico":
                return self._send(204, b"", "image/x-icon")
            if url.path == "/health":
                return self._send(200, b'{"status":"ok"}', "application/json")
            return self._send(404, b"Niet gevonden", "text/plain; charset=utf-8")

    return Handler


class DemoServer:
    def __init__(self, host: str, port: int, rasa_url: str, mint_tokens: bool = False) -> None:
        if not (WIDGET / "leerkoers-widget.js").exists():
            raise RuntimeError("De widget is nog niet gebouwd: voer `make widget` uit.")
        self.httpd = ThreadingHTTPServer((host, port), make_handler(rasa_url, mint_tokens))
        self.url = f"http://{host}:{port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self) -> DemoServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
