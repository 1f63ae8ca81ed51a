"""A local identity provider for the tests: RSA keys with a key id, a JWKS document over HTTP that can rotate,
and tokens shaped like those of Entra ID and Keycloak."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

PROVIDER_ISSUER, PROVIDER_AUDIENCE = "https://login.voorbeeld.nl/tenant/v2.0", "leerkoers-app"


class Key:
    def __init__(self, kid: str) -> None:
        self.kid = kid
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwk(self) -> dict:
        return {**RSAAlgorithm.to_jwk(self.private.public_key(), as_dict=True), "kid": self.kid, "use": "sig",
                "alg": "RS256"}

    def sign(self, claims: dict, algorithm: str = "RS256") -> str:
        return jwt.encode(claims, self.private, algorithm=algorithm, headers={"kid": self.kid})


class JwksServer:
    """Serves {"keys": [...]} at http://127.0.0.1:<port>/keys; counts the fetches. ``mode`` "hang" answers
    nothing until stopped, "garbage" answers bytes that are not UTF-8."""

    def __init__(self, *keys: Key) -> None:
        self.keys = list(keys)
        self.fetches = 0
        self.mode = "ok"
        self.released = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                server.fetches += 1
                if server.mode == "hang":
                    server.released.wait(60)
                    return
                body = (b"\xff\xfe\x00garbage\x9c" * 10 if server.mode == "garbage" else
                        json.dumps({"keys": [k.jwk() for k in server.keys]}).encode())
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/keys"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def rotate(self, *keys: Key) -> None:
        self.keys = list(keys)

    def stop(self) -> None:
        self.released.set()
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None


def claims(issuer: str, audience: str, ttl: int = 600, **more) -> dict:
    now = int(time.time())
    return {"iss": issuer, "aud": audience, "iat": now, "exp": now + ttl, **more}


def entra_id(tenant: str, oid: str, name: str, roles: list[str] | None, issuer: str, audience: str) -> dict:
    """Claims as Microsoft Entra ID puts them in an access token (v2.0)."""
    shaped = claims(issuer, audience, sub=f"pairwise-{oid[:8]}", oid=oid, tid=tenant, name=name,
                    preferred_username=f"{name.split()[0].lower()}@voorbeeld.nl", ver="2.0")
    if roles is not None:
        shaped["roles"] = roles
    return shaped


def keycloak(sub: str, name: str, realm_roles: list[str], issuer: str, audience: str, **more) -> dict:
    """Claims as Keycloak puts them in an access token."""
    return claims(issuer, audience, sub=sub, name=name, preferred_username=name.split()[0].lower(),
                  realm_access={"roles": ["offline_access", "uma_authorization", *realm_roles]},
                  resource_access={"account": {"roles": ["view-profile"]}}, typ="Bearer", azp="intranet", **more)
