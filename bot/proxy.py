"""One address in front of several Rasa servers (for `make run-prod` and the tests on one machine).

HTTP requests go round-robin to a healthy server and fail over to the next one when a server does not
answer; socket.io (polling and WebSocket) sticks to one server per client address, as nginx's ip_hash does.
In a real deployment a reverse proxy (nginx, HAProxy, a cloud load balancer) does this job; see the README.
Run: python -m bot.proxy --port 5000 --backend http://127.0.0.1:5005 --backend http://127.0.0.1:5006
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import itertools
import logging

import aiohttp
from aiohttp import web

logger = logging.getLogger("leerkoers.proxy")
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
              "transfer-encoding", "upgrade", "host", "content-length"}


class Proxy:
    def __init__(self, backends: list[str]) -> None:
        self.backends = [b.rstrip("/") for b in backends]
        self.counter = itertools.count()
        self.down: dict[str, float] = {}
        self.session: aiohttp.ClientSession | None = None

    def _order(self, request: web.Request) -> list[str]:
        if request.path.startswith("/socket.io"):
            key = request.remote or ""
            start = int(hashlib.sha256(key.encode()).hexdigest(), 16) % len(self.backends)
        else:
            start = next(self.counter) % len(self.backends)
        ordered = self.backends[start:] + self.backends[:start]
        loop_time = asyncio.get_running_loop().time()
        healthy = [b for b in ordered if self.down.get(b, 0) < loop_time]
        return healthy + [b for b in ordered if b not in healthy]

    async def handle(self, request: web.Request) -> web.StreamResponse:
        if request.path == "/proxy-health":
            return web.json_response({"status": "ok", "backends": self.backends})
        if request.headers.get("Upgrade", "").lower() == "websocket":
            return await self._websocket(request)
        body = await request.read()
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
        headers["X-Forwarded-For"] = request.remote or ""
        last_error: Exception | None = None
        for backend in self._order(request):
            try:
                async with self.session.request(request.method, backend + request.path_qs, data=body,
                                                headers=headers, allow_redirects=False,
                                                timeout=aiohttp.ClientTimeout(total=120, connect=2)) as upstream:
                    payload = await upstream.read()
                    out = {k: v for k, v in upstream.headers.items() if k.lower() not in HOP_BY_HOP}
                    return web.Response(status=upstream.status, body=payload, headers=out)
            except (aiohttp.ClientConnectionError, asyncio.TimeoutError) as exc:
                last_error = exc
                self.down[backend] = asyncio.get_running_loop().time() + 5
                logger.warning("backend %s unavailable, trying the next one", backend)
        return web.json_response({"error": f"Leerkoers is even niet bereikbaar ({type(last_error).__name__})."},
                                 status=503)

    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        client = web.WebSocketResponse()
        await client.prepare(request)
        for backend in self._order(request):
            try:
                # The Origin goes along: the Rasa server checks it against LEERKOERS_CORS_ORIGINS.
                forward = {k: v for k, v in request.headers.items() if k.lower() in ("origin", "authorization")}
                forward["X-Forwarded-For"] = request.remote or ""
                upstream = await self.session.ws_connect(backend.replace("http", "ws", 1) + request.path_qs,
                                                         timeout=5, headers=forward)
                break
            except (aiohttp.ClientError, asyncio.TimeoutError):
                self.down[backend] = asyncio.get_running_loop().time() + 5
        else:
            await client.close()
            return client

        async def pump(source, target) -> None:
            async for msg in source:
                if msg.type == aiohttp.WSMsgType.TEXT:
                    await target.send_str(msg.data)
                elif msg.type == aiohttp.WSMsgType.BINARY:
                    await target.send_bytes(msg.data)
                else:
                    break

        await asyncio.wait([asyncio.ensure_future(pump(client, upstream)),
                            asyncio.ensure_future(pump(upstream, client))], return_when=asyncio.FIRST_COMPLETED)
        await upstream.close()
        await client.close()
        return client

    async def startup(self, _app: web.Application) -> None:
        self.session = aiohttp.ClientSession()

    async def cleanup(self, _app: web.Application) -> None:
        await self.session.close()


def make_app(backends: list[str]) -> web.Application:
    proxy = Proxy(backends)
    app = web.Application(client_max_size=2 * 1024 * 1024)
    app.router.add_route("*", "/{tail:.*}", proxy.handle)
    app.on_startup.append(proxy.startup)
    app.on_cleanup.append(proxy.cleanup)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description="Leerkoers: één adres voor meerdere Rasa-servers")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    parser.add_argument("--backend", action="append", required=True)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format='{"level":"%(levelname)s","logger":"%(name)s","msg":"%(message)s"}')
    web.run_app(make_app(args.backend), host=args.host, port=args.port, access_log=None, print=None)


if __name__ == "__main__":
    main()
