"""The rate limit (issue 14, finding 10): shared by every channel and route, and never open when Redis is away."""

from __future__ import annotations

import asyncio

from rasa_addons import rate_limit, rest_channel, socketio_channel


def test_a_redis_that_is_away_does_not_open_the_limit(monkeypatch):
    monkeypatch.setenv("LEERKOERS_MODE", "production")
    monkeypatch.setenv("LEERKOERS_REDIS_HOST", "127.0.0.1")
    monkeypatch.setenv("LEERKOERS_REDIS_PORT", "1")  # nothing listens there
    limiter = rate_limit.RateLimiter(limit=3)

    async def burst():
        return [await limiter.allow("eva") for _ in range(5)]

    assert asyncio.run(burst()) == [True, True, True, False, False]


def test_one_limiter_for_rest_socketio_history_downloads_and_connections(monkeypatch):
    monkeypatch.delenv("LEERKOERS_MODE", raising=False)
    monkeypatch.setattr(rate_limit, "_SHARED", [])
    first, second = rate_limit.shared_limiter(), rate_limit.shared_limiter()
    assert first is second
    rest = rest_channel.IntranetRestInput().blueprint(lambda _m: None)
    socket = socketio_channel.IntranetSocketIO().blueprint(lambda _m: None)
    assert rest and socket and rate_limit.shared_limiter() is first
