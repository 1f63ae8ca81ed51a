"""What the channels send for one bot message.

The socket.io events follow Rasa's socket.io protocol, so that both the Leerkoers widget and RasaHQ's chat widget
(`@rasahq/chat-widget-ui`) understand every event:

- text: `{"text": ...}`, with buttons as `"quick_replies": [{"content_type": "text", "title", "payload"}]`;
- a card (a funding suggestion): its text and buttons as above, and the card itself as `"card"` in the same
  event, `{"type": "card", "title": ..., "fields": [[label, value], ...]}`; a client that does not know cards
  shows the text;
- a download: one `{"type": "file_download", "file_url": ..., "file_name": <label>}` event per file.

The REST reply uses Rasa's REST shapes: `{"text", "buttons"}`, a card as `"custom"` next to its text and
buttons, and a download as `{"custom": {"type": "file_download", ...}}` per file; RasaHQ's widget with
`rest-enabled` understands those too.

A client that cannot show cards or downloads (rasa-webchat: it connects with the token in the address) gets them
as text: a card as its title with its lines under it, a download as a Markdown link.
Rasa's own SocketIOOutput sends custom JSON with a bug (`emit(**json)`) and would send a card as a second event.
"""

from __future__ import annotations

from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.channels.socketio import SocketIOOutput
from socketio import AsyncServer

from bot.dutch.formatting import for_markdown_client


def card_of(message: dict[str, Any]) -> dict[str, Any] | None:
    """The card of a message, when it is one the widget can show: a title and [label, value] lines."""
    custom = message.get("custom")
    if not isinstance(custom, dict) or custom.get("type") != "card" or not isinstance(custom.get("title"), str):
        return None
    fields = custom.get("fields")
    if not isinstance(fields, list) or not all(
            isinstance(f, (list, tuple)) and len(f) == 2 and all(isinstance(x, str) for x in f) for f in fields):
        return None
    return {"type": "card", "title": custom["title"], "fields": [list(f) for f in fields]}


def downloads_of(message: dict[str, Any]) -> list[dict[str, str]] | None:
    attachment = message.get("attachment")
    if not isinstance(attachment, dict) or attachment.get("type") != "downloads":
        return None
    return [f for f in attachment.get("files") or []
            if isinstance(f, dict) and isinstance(f.get("url"), str) and isinstance(f.get("label"), str)]


def file_download(file: dict) -> dict:
    """Rasa's file_download shape; ``needs_token``: the link opens only with the viewer's own token (our widget
    fetches it with the token; other clients ignore the field)."""
    shape = {"type": "file_download", "file_url": file["url"], "file_name": file["label"]}
    if file.get("needs_token") is True:
        shape["needs_token"] = True
    return shape


class RestOutput(CollectingOutputChannel):
    """The REST reply (see the module's docstring)."""

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        message = dict(message)
        card, files = card_of(message), downloads_of(message)
        if files is not None:
            message.pop("attachment")
            await super().send_response(recipient_id, message)
            for f in files:
                await self._persist_message({"recipient_id": recipient_id, "custom": file_download(f)})
            return
        if card is None or not message.get("text"):
            await super().send_response(recipient_id, message)
            return
        reply = {"recipient_id": recipient_id, "text": message["text"], "custom": card}
        if message.get("buttons"):
            reply["buttons"] = message["buttons"]
        await self._persist_message(reply)


class WidgetOutput(SocketIOOutput):
    """The socket.io events of one turn (see the module's docstring); counts what it sent.

    ``plain``: for a client that shows only text and text with buttons (rasa-webchat): a card becomes its title
    with its lines under it, a download a link in the text (Markdown). Such a client shows buttons only under
    the last message, so the turn is held and sent by ``flush``, with every button of the turn under its last
    message ("Meer uitleg" of each suggestion stays reachable).
    """

    def __init__(self, sio: AsyncServer, bot_message_evt: str, plain: bool = False) -> None:
        super().__init__(sio, bot_message_evt)
        self.sent = 0
        self.plain = plain
        self._held: list[tuple[str, dict]] = []

    async def _send_message(self, socket_id: str, response: Any) -> None:
        self.sent += 1
        if self.plain:
            event = dict(response)
            if isinstance(event.get("text"), str):  # rasa-webchat renders Markdown: someone's words stay words
                event["text"] = for_markdown_client(event["text"])
            self._held.append((socket_id, event))
            return
        await super()._send_message(socket_id, response)

    async def flush(self) -> None:
        """Send what a plain client's turn held, the turn's buttons under its last message."""
        held, self._held = self._held, []
        replies = [reply for _, event in held for reply in event.pop("quick_replies", [])]
        if held and replies:
            held[-1][1]["quick_replies"] = replies
        for socket_id, event in held:
            await super()._send_message(socket_id, event)

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        message = dict(message)
        card, files = card_of(message), downloads_of(message)
        if self.plain and (card is not None and message.get("text") or files is not None):
            await self._send_plain(recipient_id, message, card, files)
            return
        if card is not None and message.get("text"):
            event: dict[str, Any] = {"text": message["text"], "card": card}
            if message.get("buttons"):
                event["quick_replies"] = [{"content_type": "text", "title": b["title"], "payload": b["payload"]}
                                          for b in message["buttons"]]
            await self._send_message(recipient_id, event)
            return
        message.pop("custom", None)  # never Rasa's send_custom_json: it emits the dict as keyword arguments
        if files is not None:
            message.pop("attachment")
            await super().send_response(recipient_id, message)
            for f in files:
                await self._send_message(recipient_id, file_download(f))
            return
        await super().send_response(recipient_id, message)

    async def _send_plain(self, recipient_id: str, message: dict[str, Any], card: dict | None,
                          files: list[dict] | None) -> None:
        if card is not None:  # the card's own text says the same in one line: its lines read better
            lines = [f"**{card['title']}**", ""] + [f"- {label}: {value}" for label, value in card["fields"]]
            event: dict[str, Any] = {"text": "\n".join(lines)}
            if message.get("buttons"):
                event["quick_replies"] = [{"content_type": "text", "title": b["title"], "payload": b["payload"]}
                                          for b in message["buttons"]]
            await self._send_message(recipient_id, event)
            return
        if message.get("text"):
            await self._send_message(recipient_id, {"text": message["text"]})
        for f in files or []:
            text = (f"{f['label']}: dit bestand opent alleen in de chat van Leerkoers op het intranet."
                    if f.get("needs_token") else f"[{f['label']}]({f['url']})")
            await self._send_message(recipient_id, {"text": text})
