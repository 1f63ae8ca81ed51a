"""socket.io for the chat widget: the token comes with the connection, and is checked again at every message
(rasa_addons/channel_common.py for what both channels share)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic_cors.core import SANIC_CORS_EVALUATED
from socketio import AsyncServer
from socketio.exceptions import ConnectionRefusedError as SocketRefused

from bot.identity import DEV_IDENTITY, Identity, IdentityError, bearer, verify
from bot.settings import get_settings
from rasa_addons.channel_common import (
    SORRY,
    conversation,
    cors_origins,
    identity_metadata,
    message_text,
    purge_if_requested,
    too_long,
    too_long_text,
)
from rasa_addons.outputs import WidgetOutput
from rasa_addons.rate_limit import TOO_FAST, shared_limiter

logger = logging.getLogger(__name__)


class _SocketBlueprint(SocketBlueprint):
    """socket.io's own paths get their CORS headers, and their origin check, from engine.io only.

    Rasa's server (`rasa run --cors`) adds CORS headers to every response too: each polling reply then had two
    Access-Control-Allow-Origin values, which browsers refuse, so the polling transport (the first one RasaHQ's
    widget tries, and our widget's fallback) never connected.
    """

    def register(self, app: Any, options: dict[str, Any]) -> None:
        super().register(app, options)
        path = self.ctx.socketio_path

        async def cors_by_engineio(request: Request) -> None:
            if request.path.startswith(path):
                setattr(request.ctx, SANIC_CORS_EVALUATED, True)

        app.register_middleware(cors_by_engineio, "request")


def query_token(environ: dict) -> str | None:
    """The token in the connection's address (``?token=...``), for clients that cannot send ``auth``."""
    from urllib.parse import parse_qs

    found = parse_qs(str(environ.get("QUERY_STRING") or "")).get("token")
    return found[0].strip() or None if found else None


class IntranetSocketIO(InputChannel):
    """socket.io for the chat widget. The token comes with the connection: `io(url, {auth: {token}})`."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = credentials or {}
        return cls(credentials.get("user_message_evt", "user_uttered"),
                   credentials.get("bot_message_evt", "bot_uttered"))

    def __init__(self, user_message_evt: str = "user_uttered", bot_message_evt: str = "bot_uttered") -> None:
        self.user_message_evt = user_message_evt
        self.bot_message_evt = bot_message_evt
        self.sio: AsyncServer | None = None

    def get_output_channel(self) -> WidgetOutput | None:
        return WidgetOutput(self.sio, self.bot_message_evt) if self.sio else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=cors_origins())
        webhook = _SocketBlueprint(sio, "/socket.io", "intranet_socketio_webhook", __name__)
        self.sio = sio
        limiter = shared_limiter()

        async def _person(token: str | None) -> Identity:
            # development identity when tokens are off; the provider's keys may have to be fetched: off the loop
            return await asyncio.to_thread(verify, token)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/history", methods=["GET", "OPTIONS"])
        async def history(request: Request) -> HTTPResponse:
            """The person's own conversation, for a widget that is opened again (token decides whose)."""
            if request.method == "OPTIONS":
                return response.empty()
            try:
                person = await _person(bearer(request.headers.get("Authorization")))
            except IdentityError as exc:
                return response.json({"error": str(exc)}, status=401)
            if not await limiter.allow(person.person_id):
                return response.json({"error": TOO_FAST}, status=429)
            agent = request.app.ctx.agent
            tracker = await agent.tracker_store.retrieve(person.person_id) if agent and agent.tracker_store else None
            return response.json({"person": {"name": person.name, "role": person.role, "dev": person.dev},
                                  "messages": conversation(tracker.events if tracker else [])[-200:]})

        @sio.on("connect")
        async def connect(sid: str, environ: dict, auth: dict | None) -> bool:
            token = (auth or {}).get("token") if isinstance(auth, dict) else None
            plain = token is None and query_token(environ) is not None
            if plain:  # a client that cannot send auth (rasa-webchat): the token in the address, plain messages
                token = query_token(environ)
            try:
                person = await _person(token)
            except IdentityError as exc:
                logger.info("socket.io connection refused: %s", type(exc).__name__)
                raise SocketRefused(str(exc)) from exc
            if not await limiter.allow(person.person_id):
                raise SocketRefused(TOO_FAST)
            await sio.save_session(sid, {"identity": person.to_dict(), "token": token, "plain": plain})
            await sio.enter_room(sid, person.person_id)
            return True

        @sio.on("session_request")
        async def session_request(sid: str, _data: Any = None) -> None:
            session = await sio.get_session(sid)
            person = Identity.from_dict(session.get("identity")) or DEV_IDENTITY
            await sio.emit("session_confirm", {"session_id": person.person_id, "name": person.name,
                                               "role": person.role, "dev": person.dev,
                                               "max_length": get_settings().max_message_length,
                                               "too_long": too_long_text()}, room=sid)

        class _Req:  # purge_if_requested needs the app, as a request would give it
            app = None

        @webhook.listener("before_server_start")
        async def _remember_app(app, _loop) -> None:
            _Req.app = app

        @sio.on(self.user_message_evt)
        async def handle_message(sid: str, data: Any) -> None:
            session = await sio.get_session(sid)
            person = Identity.from_dict(session.get("identity"))
            if person is None:
                return
            if not person.dev:  # the token is checked at every message: an expired one ends the connection
                try:
                    await asyncio.to_thread(verify, session.get("token"))
                except IdentityError as exc:
                    await sio.emit(self.bot_message_evt, {"text": str(exc)}, room=sid)
                    await sio.disconnect(sid)
                    return
            text = message_text(data.get("message") if isinstance(data, dict) else None)
            if not await limiter.allow(person.person_id):
                await sio.emit(self.bot_message_evt, {"text": TOO_FAST}, room=sid)
                return
            long_reply = too_long(text)
            if long_reply:
                await sio.emit(self.bot_message_evt, {"text": long_reply}, room=sid)
                return
            output = WidgetOutput(sio, self.bot_message_evt, plain=bool(session.get("plain")))
            try:
                await on_new_message(UserMessage(text, output, person.person_id, input_channel=self.name(),
                                                 metadata=identity_metadata(person)))
            except Exception:  # noqa: BLE001 - never show a stack trace; say it in Dutch
                logger.exception("message could not be handled")
            await output.flush()
            if not output.sent:
                await sio.emit(self.bot_message_evt, {"text": SORRY}, room=sid)
            if _Req.app is not None:
                await purge_if_requested(_Req, person.person_id)

        return webhook
