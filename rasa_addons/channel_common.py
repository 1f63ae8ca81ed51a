"""What both intranet channels share: the identity as Rasa's metadata, the text of a message, the length limit,
the widget's history and the removal of a deleted person's conversation.

The channels themselves: rasa_addons/rest_channel.py (REST, with the readiness check and the file routes) and
rasa_addons/socketio_channel.py (socket.io, for the chat widget). Both take the person from a signed intranet
token, never from the client; in development mode (no LEERKOERS_JWT_SECRET / LEERKOERS_JWT_PUBLIC_KEY_FILE) the
REST channel accepts the "sender" of the request and socket.io uses the clearly marked development identity.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from sanic.request import Request

from bot.dutch.formatting import format_number
from bot.dutch.parsing import without_control_characters
from bot.identity import Identity
from bot.settings import get_settings
from rasa_addons.outputs import card_of

logger = logging.getLogger(__name__)


def identity_metadata(person: Identity) -> dict[str, Any]:
    return {"identity": person.to_dict()}


def cors_origins() -> list[str] | str:
    origins = get_settings().cors_origins
    return "*" if origins.strip() == "*" else [o.strip() for o in origins.split(",") if o.strip()]


def message_text(value: Any) -> str:
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


