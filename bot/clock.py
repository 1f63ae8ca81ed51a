"""The product's one clock: today's date, the current time and timestamps.

Every part of Leerkoers that needs "today" or "now" asks here, never ``date.today()`` or ``time.time()``
itself, so that tests can run the product at any date (time-machine moves this clock with the rest of
Python) and servers started by tests can be given a fixed date with ``LEERKOERS_TODAY`` (YYYY-MM-DD).
That setting fixes the date only: the time of day and timestamps (token and link expiry, retention) stay
real, so a token made by the intranet is judged against the real clock.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timezone

from bot.settings import get_settings


def today() -> date:
    """Today's date: the real one, or the date of ``LEERKOERS_TODAY``."""
    return get_settings().fixed_today or date.today()


def now() -> datetime:
    """The local time (naive), on :func:`today`'s date."""
    real = datetime.now()
    fixed = get_settings().fixed_today
    return datetime.combine(fixed, real.time()) if fixed else real


def utcnow() -> datetime:
    """The time in UTC (naive, as the database stores it)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def timestamp() -> float:
    """Seconds since the epoch: for expiry and retention, always the real clock."""
    return time.time()
