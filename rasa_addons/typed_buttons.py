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

from bot.dutch.choices import match_button, match_by_own_words
from bot.interviews.corrections import PAYLOAD as CORRECTION_PAYLOAD


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
    shown = buttons_shown(tracker)
    button = (match_button(text, shown) or yes_to_the_one_offer(text, shown) or which_answer(text, shown)) if text \
        else None
    return str(button["payload"]) if button else None


def yes_to_the_one_offer(text: str, shown: list[dict]) -> dict | None:
    """"Ja" to a message that offers one thing ("Wil je een antwoord aanpassen?" [Soort leren van leerdoel 2],
    "Bedoel je: POP voorbereiden?" [POP voorbereiden, Iets anders]): that one thing. Only an offer to do something
    (a payload that starts with "/"), never an answer: "ja" to "Wat wil je leren voor je loopbaan?" [Geen] is no
    "geen" (found over make run: it was stored as no wish)."""
    from bot.dutch.parsing import parse_yes_no

    offers = [b for b in shown if str(b.get("payload") or "").startswith("/")
              and str(b.get("payload")) not in ("/help", "/antwoord")]
    return offers[0] if len(offers) == 1 and parse_yes_no(text) is True else None


def which_answer(text: str, shown: list[dict]) -> dict | None:
    """"Welk antwoord bedoel je?" [Ambitie voor het komende jaar] [Ambitie voor de komende 3 tot 5 jaar] answered with
    "die voor later, over 3 tot 5 jaar": the button its words point at (found over make run: the reply was stored as
    the answer to the question that was open)."""
    choices = [b for b in shown if str(b.get("payload") or "").startswith(CORRECTION_PAYLOAD)]
    return match_by_own_words(text, choices)


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
