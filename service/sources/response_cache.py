"""Where source HTTP answers are kept: Redis (shared by every process) or process memory."""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict

import redis

from service.cache import MemoryCache, RedisCache
from service.sources.breaker import CircuitBreaker

log = logging.getLogger(__name__)

MAX_ENTRIES = 2_000  # the memory store forgets the least recently stored answers beyond this
OUTAGE_PAUSE = 5.0  # seconds without trying Redis after it failed


class MemoryResponseCache:
    """Answers in this process, with expiry and a bound on their number."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._items: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._guard = threading.Lock()

    def get(self, key: str) -> bytes | None:
        """The stored answer, or None when absent or expired."""
        with self._guard:
            item = self._items.get(key)
            if item is None:
                return None
            if item[0] < time.monotonic():
                del self._items[key]
                return None
            return item[1]

    def set(self, key: str, value: bytes, ttl: int) -> None:
        """Store an answer for `ttl` seconds."""
        with self._guard:
            self._items[key] = (time.monotonic() + ttl, value)
            self._items.move_to_end(key)
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)


class RedisResponseCache:
    """Answers in Redis under `<prefix>:v1:http:<digest>`; an outage is a miss, not an error.

    After a Redis error the cache is skipped for OUTAGE_PAUSE seconds, so a Redis that hangs
    costs one connect timeout now and then, not one per source request.
    """

    def __init__(self, client: redis.Redis, prefix: str = "factcheck") -> None:
        self.client = client
        self.prefix = prefix
        self._outage = CircuitBreaker(failure_threshold=1, cooldown=OUTAGE_PAUSE)

    def _key(self, key: str) -> str:
        return f"{self.prefix}:v1:http:{key}"

    def get(self, key: str) -> bytes | None:
        """The stored answer, or None (also when Redis cannot be reached)."""
        if not self._outage.allow():
            return None
        try:
            value = self.client.get(self._key(key))
        except redis.RedisError as error:
            self._failed(error)
            return None
        self._outage.record_success()
        return value if isinstance(value, bytes) else None

    def set(self, key: str, value: bytes, ttl: int) -> None:
        """Store an answer for `ttl` seconds; a Redis outage only costs the caching."""
        if not self._outage.allow():
            return
        try:
            self.client.set(self._key(key), value, ex=ttl)
        except redis.RedisError as error:
            self._failed(error)
            return
        self._outage.record_success()

    def _failed(self, error: redis.RedisError) -> None:
        log.info("response cache unavailable for %g s: %s", OUTAGE_PAUSE, error)
        self._outage.record_failure()


def response_cache_for(
    cache: MemoryCache | RedisCache, prefix: str
) -> MemoryResponseCache | RedisResponseCache:
    """The response cache that goes with the verdict cache: the same Redis, or memory."""
    if isinstance(cache, RedisCache):
        return RedisResponseCache(cache.client, prefix)
    return MemoryResponseCache()
