"""What people asked that Leerkoers did not understand: `leerkoers onbegrepen` (issue 28, item 7).

Read from Rasa's conversation store, so only what is still within the retention period, and nothing of a person
who had their data deleted (their conversation is gone). A message counts when the bot answered it with "niet
begrepen" or with "bedoel je ...?" buttons, also inside an interview ("is dit je antwoord, of ...?"). The list
holds no person ids: messages are grouped by similar text with a count, and names of people Leerkoers knows,
e-mail addresses and long numbers are replaced.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from sqlalchemy import select

from bot import clock
from bot.dutch.choices import fold
from bot.storage import conversation_store
from bot.storage.db import session_scope
from bot.storage.models import Person

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
        return {fold(w) for name in names for w in name.split() if len(w) >= 3 and fold(w) not in TUSSENVOEGSELS}


# the small words inside Dutch surnames ("van Dijk", "ter Horst"): ordinary words too ("die pop van mij")
TUSSENVOEGSELS = {"van", "den", "der", "ter", "ten", "het", "los", "uit", "aan", "bij", "voor", "over", "op"}


def anonymise(message: str, names: set[str]) -> str:
    message = re.sub(r"\S+@\S+", "[e-mail]", message)
    message = re.sub(r"\d[\d\s-]{6,}\d", "[nummer]", message)
    return " ".join("[naam]" if fold(w) in names else w for w in message.split())


def unclear_messages(tracker_db: str, days: int) -> list[str]:
    """The messages of the last ``days`` days that got 'niet begrepen' or 'bedoel je ...?', oldest first."""
    return conversation_store.unclear_messages(tracker_db, clock.timestamp() - days * 86400)


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
