"""What people asked that Leerkoers did not understand: `leerkoers onbegrepen` (issue 28, item 7).

Read from Rasa's conversation store, so only what is still within the retention period, and nothing of a person
who had their data deleted (their conversation is gone). A message counts when the bot answered it with "niet
begrepen" or with "bedoel je ...?" buttons, also inside an interview ("is dit je antwoord, of ...?"). The list
holds no person ids: messages are grouped by similar text with a count, and names of people Leerkoers knows,
e-mail addresses and long numbers are replaced.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field

from sqlalchemy import select, text

from bot import clock
from bot.dutch.choices import fold
from bot.services.privacy import events_table
from bot.storage.db import session_scope
from bot.storage.models import Person

# The bot's answers that say it did not understand, or that ask what the person meant.
UNCLEAR_RESPONSES = {"utter_fallback", "utter_fallback_medewerker", "utter_bedoel_je", "utter_bedoel_je_twee",
                     "utter_antwoord_of_verzoek", "utter_default", "utter_vraag_onbekend"}
SIMILAR = 0.8  # difflib ratio at which two messages count as the same question


@dataclass
class Group:
    text: str  # the first message of the group, names replaced
    count: int = 1
    variants: list[str] = field(default_factory=list)


def _names() -> set[str]:
    """Words of the display names of the people Leerkoers knows (to keep names out of the list)."""
    with session_scope() as s:
        names = s.execute(select(Person.display_name).where(Person.display_name.is_not(None))).scalars()
        return {fold(w) for name in names for w in name.split() if len(w) >= 3}


def anonymise(message: str, names: set[str]) -> str:
    message = re.sub(r"\S+@\S+", "[e-mail]", message)
    message = re.sub(r"\d[\d\s-]{6,}\d", "[nummer]", message)
    return " ".join("[naam]" if fold(w) in names else w for w in message.split())


def unclear_messages(tracker_db: str, days: int) -> list[str]:
    """The messages of the last ``days`` days that got 'niet begrepen' or 'bedoel je ...?', oldest first."""
    since = clock.timestamp() - days * 86400
    with events_table(tracker_db) as conn:
        if conn is None:
            return []
        rows = conn.execute(text("SELECT sender_id, type_name, data FROM events WHERE timestamp >= :t "
                                 "AND type_name IN ('user', 'bot') ORDER BY sender_id, id"), {"t": since}).all()
    found: list[str] = []
    last: dict[str, str | None] = {}
    for sender, kind, data in rows:
        try:
            event = json.loads(data or "{}")
        except ValueError:
            continue
        if kind == "user":
            typed = (event.get("text") or "").strip()
            last[sender] = None if not typed or typed.startswith("/") else typed
        elif last.get(sender) and (event.get("metadata") or {}).get("utter_action") in UNCLEAR_RESPONSES:
            found.append(last[sender])
            last[sender] = None  # one entry per message, however many replies it got
    return found


def grouped(messages: list[str], names: set[str] | None = None) -> list[Group]:
    """Similar messages together, most frequent first."""
    names = _names() if names is None else names
    groups: list[tuple[str, Group]] = []
    for message in messages:
        key = fold(message)
        for other, group in groups:
            if other == key or difflib.SequenceMatcher(None, key, other).ratio() >= SIMILAR:
                group.count += 1
                if len(group.variants) < 3 and anonymise(message, names) not in [group.text, *group.variants]:
                    group.variants.append(anonymise(message, names))
                break
        else:
            groups.append((key, Group(anonymise(message, names))))
    return sorted((g for _, g in groups), key=lambda g: -g.count)
