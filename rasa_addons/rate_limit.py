"""The rate limit of the channels: per person, shared by every route of a process and, in production, by
every Rasa server (Redis)."""

from __future__ import annotations

import logging

from bot import clock
from bot.settings import get_settings

logger = logging.getLogger(__name__)

TOO_FAST = "Je stuurt veel berichten snel achter elkaar. Wacht even en probeer het dan opnieuw."


_SHARED: list = []


def shared_limiter() -> RateLimiter:
    """The one limiter of this process: REST, socket.io, history, downloads and connections share the count."""
    if not _SHARED:
        _SHARED.append(RateLimiter())
    return _SHARED[0]


class RateLimiter:
    """Per identity: at most `limit` messages per `window` seconds (LEERKOERS_RATE_LIMIT, default 120/min).

    In production mode the counts live in Redis, so the limit holds across all Rasa servers; otherwise in
    this process. If Redis is unreachable, the count of this process decides (the limit never fails open).
    One limiter serves both channels and every route of a process (``shared_limiter``).
    """

    def __init__(self, limit: int | None = None, window: int = 60) -> None:
        settings = get_settings()
        self.limit = limit if limit is not None else settings.rate_limit
        self.window = window
        self.seen: dict[str, list[float]] = {}
        self.redis = None
        if settings.production:
            import redis.asyncio as aioredis

            self.redis = aioredis.Redis(host=settings.redis["LEERKOERS_REDIS_HOST"],
                                        port=int(settings.redis["LEERKOERS_REDIS_PORT"]),
                                        db=int(settings.redis["LEERKOERS_REDIS_DB"]),
                                        socket_connect_timeout=1, socket_timeout=1)

    async def allow(self, key: str) -> bool:
        import time

        if self.redis is not None:
            bucket = f"leerkoers:rate:{key}:{int(clock.timestamp() // self.window)}"
            try:
                count = await self.redis.incr(bucket)
                if count == 1:
                    await self.redis.expire(bucket, self.window * 2)
                return count <= self.limit
            except Exception:  # noqa: BLE001
                logger.warning("rate limit store unavailable, counting in this process")
        now = time.monotonic()
        recent = [t for t in self.seen.get(key, []) if now - t < self.window]
        if len(recent) >= self.limit:
            self.seen[key] = recent
            return False
        recent.append(now)
        self.seen[key] = recent
        if len(self.seen) > 10_000:  # bounded memory
            self.seen = {k: v for k, v in self.seen.items() if v and now - v[-1] < self.window}
        return True
