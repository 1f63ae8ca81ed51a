"""POST /webhooks/rest/webhook: the REST channel, its health and readiness checks and the file routes.
The person comes from the token in the Authorization header (rasa_addons/channel_common.py)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.identity import Identity, IdentityError, bearer, token_settings, verify
from rasa_addons.channel_common import SORRY, identity_metadata, message_text, purge_if_requested, too_long
from rasa_addons.file_routes import add_file_routes
from rasa_addons.outputs import RestOutput
from rasa_addons.rate_limit import TOO_FAST, shared_limiter

logger = logging.getLogger(__name__)


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
                    person = await asyncio.to_thread(verify, bearer(request.headers.get("Authorization")), settings)
                except IdentityError as exc:
                    return response.json({"error": str(exc)}, status=401)
            else:
                sender = str(body.get("sender") or "").strip()[:128]
                if not sender:
                    return response.json({"error": "Stuur ook een afzender mee, in het veld 'sender'."}, status=400)
                person = Identity(sender, f"Testgebruiker {sender} (ontwikkelmodus)", "manager", None, dev=True)
            if not await limiter.allow(person.person_id):
                return response.json([{"recipient_id": person.person_id, "text": TOO_FAST}], status=429)
            long_reply = too_long(message_text(body.get("message")))
            if long_reply:
                return response.json([{"recipient_id": person.person_id, "text": long_reply}])
            collector = RestOutput()
            failed = False
            try:
                await on_new_message(UserMessage(message_text(body.get("message")), collector, person.person_id,
                                                 input_channel=self.name(), metadata=identity_metadata(person)))
            except Exception:  # noqa: BLE001 - never show a stack trace; say it in Dutch
                logger.exception("message could not be handled")
                collector.messages.clear()
                failed = True
            await purge_if_requested(request, person.person_id)
            # a new session ("/session_start", a client that comes back) has nothing to say: no error for that
            if not collector.messages and (failed or message_text(body.get("message")) != "/session_start"):
                collector.messages.append({"recipient_id": person.person_id, "text": SORRY})
            return response.json(collector.messages)

        return webhook
