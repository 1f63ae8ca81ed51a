"""Download links that open once when no intranet token comes with them (issue 29, item 2).

A link made for one person is a 15-minute signed link (bot/documents/links.py). With a token it is bound to the
token's subject and may be opened again; without one it opens once, so a forwarded link shows nothing after its
owner used it. One unit of work per call.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from bot import clock
from bot.storage.db import session_scope
from bot.storage.models import UsedLink


def use_once(link_id: str, expires: int) -> bool:
    """True the first time a link id is used; False after that. Expired ids are removed on the way."""
    expires_at = datetime.fromtimestamp(expires, tz=timezone.utc).replace(tzinfo=None)
    try:
        with session_scope() as s:
            s.execute(delete(UsedLink).where(UsedLink.expires_at < clock.utcnow()))
            s.add(UsedLink(link_id=link_id[:64], expires_at=expires_at))
    except IntegrityError:
        return False
    return True
