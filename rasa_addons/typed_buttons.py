"""A typed button title is a click on that button, for every message, in one place (issue 28, item 5).

Rasa only knows a button's payload when it is clicked. Before a message is understood, this looks at the
buttons the bot showed since the person's last message; when the whole message is one of their titles
(bot/dutch/choices.py: any case, punctuation, accents, a small typo), the message becomes that button's
payload, exactly as a click would send it. Interview questions, the funding questions, confirmations, the
help menu and the "bedoel je ...?" buttons all get this, without a rule per question.
"""

from __future__ import annotations

from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import BotUttered, UserUttered

from bot.dutch.choices import match_button


def buttons_shown(tracker) -> list[dict]:
    """The buttons of the bot's messages after the person's last message (latest message first)."""
    shown: list[dict] = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, BotUttered):
            shown += [b for b in (event.data or {}).get("buttons") or [] if isinstance(b, dict)]
    return shown


def typed_button_payload(text: str | None, tracker) -> str | None:
    button = match_button(text or "", buttons_shown(tracker)) if text else None
    return str(button["payload"]) if button else None


def install() -> None:
    """Patch Rasa's MessageProcessor once (called by rasa_addons.launcher before Rasa starts)."""
    original = MessageProcessor._handle_message_with_tracker
    if getattr(original, "_leerkoers", False):
        return

    async def handle(self, message, tracker):
        if not message.parse_data:
            payload = typed_button_payload(message.text, tracker)
            if payload is not None:
                message.metadata = {**(message.metadata or {}), "getypte_knop": True}
                message.text = payload
        return await original(self, message, tracker)

    handle._leerkoers = True
    MessageProcessor._handle_message_with_tracker = handle
