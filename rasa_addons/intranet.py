"""REST and socket.io channels that take the person from a signed intranet token, never from the client.

In development mode (no LEERKOERS_JWT_SECRET / LEERKOERS_JWT_PUBLIC_KEY_FILE) the REST channel accepts the
"sender" of the request and socket.io uses the clearly marked development identity.
"""

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

from bot.dutch.formatting import format_number
from bot.dutch.parsing import without_control_characters
from bot.identity import DEV_IDENTITY, Identity, IdentityError, bearer, token_settings, verify
from bot.settings import get_settings
from rasa_addons.file_routes import add_file_routes
from rasa_addons.outputs import RestOutput, WidgetOutput, card_of
from rasa_addons.rate_limit import TOO_FAST, shared_limiter

logger = logging.getLogger(__name__)


def _metadata(person: Identity) -> dict[str, Any]:
    return {"identity": person.to_dict()}


def _cors_origins() -> list[str] | str:
    origins = get_settings().cors_origins
    return "*" if origins.strip() == "*" else [o.strip() for o in origins.split(",") if o.strip()]


def _text(value: Any) -> str:
    text = value if isinstance(value, str) else ""
    # the bot explains long messages; this bounds memory. Control characters never enter (issue 29).
    return without_control_characters(text[:get_settings().max_message_length * 2])


SORRY = ("Er ging iets mis bij het verwerken van je bericht. Je eerdere antwoorden zijn bewaard. "
         "Probeer het over een paar minuten opnieuw.")


def too_long_text() -> str:
    limit = format_number(get_settings().max_message_length)
    return f"Je bericht is te lang. Ik kan berichten tot {limit} tekens lezen. Wil je het korter opschrijven?"


def too_long(text: str) -> str | None:
    """The configurable message limit (LEERKOERS_MAX_MESSAGE_LENGTH): a friendly reply instead of the bot.
    The widget gets the same limit and text in session_confirm, so it stops at the same number."""
    return too_long_text() if len(text) > get_settings().max_message_length else None


def conversation(events) -> list[dict[str, Any]]:
    """User and bot messages as the widget shows them; a button's payload is shown as its title."""
    messages: list[dict[str, Any]] = []
    titles: dict[str, str] = {}
    for event in events:
        data = event.as_dict()
        if data.get("event") == "user" and data.get("text"):
            text = data["text"]
            if text in titles:
                text = titles[text]
            elif text.startswith("/"):
                continue  # an automatic payload such as the widget's greeting
            messages.append({"from": "user", "text": text})
        elif data.get("event") == "bot":
            if not (data.get("text") or "").strip():
                continue  # download buttons: their links have expired by the time the history is read
            buttons = (data.get("data") or {}).get("buttons") or []
            titles = {b.get("payload"): b.get("title") for b in buttons} or titles
            card = card_of(data.get("data") or {})
            parts = [data["text"].strip()] if card else data["text"].strip().split("\n\n")
            for i, part in enumerate(parts):
                last = i == len(parts) - 1
                messages.append({"from": "bot", "text": part,
                                 "buttons": [{"title": b.get("title"), "payload": b.get("payload")}
                                             for b in buttons] if last else []})
                if card:
                    messages[-1]["card"] = card
    return messages


async def purge_if_requested(request: Request, person_id: str) -> None:
    """After the turn in which someone asked to delete their data: remove the conversation history too."""
    from bot.services import privacy

    try:
        if not await asyncio.to_thread(privacy.take_pending_deletion, person_id):
            return
    except Exception:  # noqa: BLE001 - the database is away; the deletion request stays pending
        logger.warning("could not check for a pending deletion")
        return
    agent = request.app.ctx.agent
    store = getattr(agent, "tracker_store", None)
    inner = getattr(store, "_tracker_store", store)
    if hasattr(inner, "engine"):  # Rasa's SQL tracker store: the database of this layout (bot/services/privacy.py)
        await asyncio.to_thread(privacy.purge_conversation, get_settings().tracker_url, person_id)
    elif hasattr(inner, "store") and isinstance(inner.store, dict):  # InMemoryTrackerStore
        inner.store.pop(person_id, None)
    logger.info("conversation history removed on request")


class IntranetRestInput(InputChannel):
    """POST /webhooks/rest/webhook. With tokens on: 'Authorization: Bearer <token>' decides who you are."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("intranet_rest_webhook", __name__)
        limiter = shared_limiter()

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        add_file_routes(webhook)

        @webhook.route("/ready", methods=["GET"])
        async def ready(request: Request) -> HTTPResponse:
            """Readiness: the model is loaded and the answers database answers."""
            from bot.storage import db

            agent = request.app.ctx.agent
            try:
                db_ok = await asyncio.to_thread(db.ping)
            except Exception:  # noqa: BLE001
                db_ok = False
            loaded = bool(agent and agent.is_ready())
            status = 200 if loaded and db_ok else 503
            return response.json({"model": loaded, "database": db_ok}, status=status)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            body = request.json if isinstance(request.json, dict) else {}
            settings = token_settings()
            if settings.enabled:
                try:
                    person = verify(bearer(request.headers.get("Authorization")), settings)
                except IdentityError as exc:
                    return response.json({"error": str(exc)}, status=401)
            else:
                sender = str(body.get("sender") or "").strip()[:128]
                if not sender:
                    return response.json({"error": "Stuur ook een afzender mee, in het veld 'sender'."}, status=400)
                person = Identity(sender, f"Testgebruiker {sender} (ontwikkelmodus)", "manager", None, dev=True)
            if not await limiter.allow(person.person_id):
                return response.json([{"recipient_id": person.person_id, "text": TOO_FAST}], status=429)
            long_reply = too_long(_text(body.get("message")))
            if long_reply:
                return response.json([{"recipient_id": person.person_id, "text": long_reply}])
            collector = RestOutput()
            try:
                await on_new_message(UserMessage(_text(body.get("message")), collector, person.person_id,
                                                 input_channel=self.name(), metadata=_metadata(person)))
            except Exception:  # noqa: BLE001 - never show a stack trace; say it in Dutch
                logger.exception("message could not be handled")
                collector.messages.clear()
            await purge_if_requested(request, person.person_id)
            if not collector.messages:
                collector.messages.append({"recipient_id": person.person_id, "text": SORRY})
            return response.json(collector.messages)

        return webhook


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
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=_cors_origins())
        webhook = _SocketBlueprint(sio, "/socket.io", "intranet_socketio_webhook", __name__)
        self.sio = sio
        limiter = shared_limiter()

        def _person(token: str | None) -> Identity:
            return verify(token)  # development identity when tokens are off

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/history", methods=["GET", "OPTIONS"])
        async def history(request: Request) -> HTTPResponse:
            """The person's own conversation, for a widget that is opened again (token decides whose)."""
            if request.method == "OPTIONS":
                return response.empty()
            try:
                person = _person(bearer(request.headers.get("Authorization")))
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
            try:
                person = _person(token)
            except IdentityError as exc:
                logger.info("socket.io connection refused: %s", type(exc).__name__)
                raise SocketRefused(str(exc)) from exc
            if not await limiter.allow(person.person_id):
                raise SocketRefused(TOO_FAST)
            await sio.save_session(sid, {"identity": person.to_dict(), "token": token})
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
                    verify(session.get("token"))
                except IdentityError as exc:
                    await sio.emit(self.bot_message_evt, {"text": str(exc)}, room=sid)
                    await sio.disconnect(sid)
                    return
            text = _text(data.get("message") if isinstance(data, dict) else None)
            if not await limiter.allow(person.person_id):
                await sio.emit(self.bot_message_evt, {"text": TOO_FAST}, room=sid)
                return
            long_reply = too_long(text)
            if long_reply:
                await sio.emit(self.bot_message_evt, {"text": long_reply}, room=sid)
                return
            output = WidgetOutput(sio, self.bot_message_evt)
            try:
                await on_new_message(UserMessage(text, output, person.person_id, input_channel=self.name(),
                                                 metadata=_metadata(person)))
            except Exception:  # noqa: BLE001 - never show a stack trace; say it in Dutch
                logger.exception("message could not be handled")
            if not output.sent:
                await sio.emit(self.bot_message_evt, {"text": SORRY}, room=sid)
            if _Req.app is not None:
                await purge_if_requested(_Req, person.person_id)

        return webhook
