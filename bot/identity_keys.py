"""The identity provider's signing keys (JWKS), fetched so that a slow or broken provider harms no one.

- One fetch at a time: who needs a key while another fetch is under way does not wait for it.
- A short timeout and a size limit over the whole fetch (a provider that hangs or drips costs seconds, not minutes).
- A cooldown after every fetch, good or bad: tokens with unknown key ids cause at most one fetch per cooldown.
- Keys that were fetched keep serving while the provider is down: a refresh that fails keeps them.
- Whatever the provider answers (no UTF-8, no JSON, no keys), the result is a key or a Dutch refusal, never a
  traceback.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import urllib.request
from urllib.parse import urlsplit

import jwt

logger = logging.getLogger(__name__)

FETCH_TIMEOUT = 2.0  # seconds for the whole fetch
MAX_BYTES = 512 * 1024  # a key set is a few kB
LIFESPAN = 3600  # seconds before keys are fetched again (they keep serving when that fails)
MAX_KID = 256

_now = time.monotonic  # the tests move it


class KeysUnavailable(Exception):
    """No key can be had now: the provider does not answer, or answers something that holds no keys."""


class UnknownKey(Exception):
    """The provider answers, and does not publish this key id."""


class KeySet:
    """The keys of one JWKS address, by key id."""

    def __init__(self, url: str, cooldown: int, timeout: float = FETCH_TIMEOUT, lifespan: int = LIFESPAN) -> None:
        self.url, self.cooldown, self.timeout, self.lifespan = url, cooldown, timeout, lifespan
        self._keys: dict[str, object] = {}
        self._fetched_at: float | None = None
        self._attempted_at: float | None = None
        self._failed = False
        self._fetching = threading.Lock()

    def key(self, kid: str):
        """The key with this id; fetches the set again when the id is unknown or the set is old."""
        key = self._keys.get(kid)
        if key is not None and not self._old():
            return key
        self._refresh()
        key = self._keys.get(kid)
        if key is not None:
            return key  # also an old one: the provider may be down, the key was good
        if self._failed or self._fetched_at is None:
            raise KeysUnavailable(self.url)
        raise UnknownKey(kid)

    def _old(self) -> bool:
        return self._fetched_at is None or _now() - self._fetched_at > self.lifespan

    def _refresh(self) -> None:
        if not self._fetching.acquire(blocking=False):
            return  # another fetch is under way: nobody waits for it
        try:
            now = _now()
            if self._attempted_at is not None and now - self._attempted_at < self.cooldown:
                return
            self._attempted_at = now
            try:
                self._keys = self._fetch()
            except Exception as exc:  # noqa: BLE001 - whatever the provider does, we refuse in Dutch
                self._failed = True
                logger.error("De sleutels van de identiteitsprovider zijn niet te krijgen (%s: %s); aanmeldingen "
                             "met een nieuwe sleutel worden geweigerd tot ze er weer zijn.", self.url,
                             type(exc).__name__)
                return
            self._fetched_at, self._failed = _now(), False
        finally:
            self._fetching.release()

    def _fetch(self) -> dict[str, object]:
        if urlsplit(self.url).scheme not in ("http", "https"):
            raise ValueError("geen http(s)-adres")
        deadline = time.monotonic() + self.timeout
        request = urllib.request.Request(self.url, headers={"Accept": "application/json"})
        body = bytearray()
        with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310 - scheme checked above
            while True:
                if time.monotonic() > deadline:
                    raise TimeoutError("te langzaam")
                chunk = answer.read1(65536)
                if not chunk:
                    break
                body += chunk
                if len(body) > MAX_BYTES:
                    raise ValueError("te groot")
        keys = jwt.PyJWKSet.from_dict(json.loads(body.decode("utf-8"))).keys
        found = {k.key_id: k.key for k in keys if isinstance(k.key_id, str) and k.key_id}
        if not found:
            raise ValueError("geen sleutels met een sleutel-id")
        return found


_sets: dict[tuple[str, int], KeySet] = {}
_sets_lock = threading.Lock()


def key_set(url: str, cooldown: int) -> KeySet:
    with _sets_lock:
        found = _sets.get((url, cooldown))
        if found is None:
            found = _sets[(url, cooldown)] = KeySet(url, cooldown)
        return found


def forget() -> None:
    """Drop every fetched key set (a fresh start)."""
    with _sets_lock:
        _sets.clear()


def key_id(token: str) -> str:
    """The key id in the token's header; ValueError when there is none that can be used."""
    try:
        kid = jwt.get_unverified_header(token).get("kid")
    except jwt.PyJWTError as exc:
        raise ValueError("geen token") from exc
    if not isinstance(kid, str) or not kid or len(kid) > MAX_KID:
        raise ValueError("geen sleutel-id")
    return kid
