"""Verdict cache: Redis (shared by every process) or an in-process memory store."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
import threading
import time
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import asdict, replace

import redis

from service.domain import Evidence, Verdict

log = logging.getLogger(__name__)

SCHEMA_VERSION = "v1"  # bump when the serialized Verdict changes shape


class CacheUnavailable(Exception):
    """The cache backend cannot be reached; callers treat it as a miss."""


def normalise_claim(text: str) -> str:
    """Case, width, quote and whitespace variants of a claim map to one string."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .!?;:")


def verdict_key(
    prefix: str, claim_text: str, as_of: str, sources: Sequence[str], engine: str
) -> str:
    """The Redis key of a verdict (DESIGN §6)."""
    material = "|".join([normalise_claim(claim_text), as_of, ",".join(sorted(sources)), engine])
    digest = hashlib.sha256(material.encode()).hexdigest()
    return f"{prefix}:{SCHEMA_VERSION}:verdict:{digest}"


def dump_verdict(verdict: Verdict) -> str:
    """Serialize a verdict (with its evidence) to JSON."""
    return json.dumps(asdict(verdict), separators=(",", ":"))


def load_verdict(raw: str | bytes) -> Verdict:
    """Rebuild a verdict serialized by dump_verdict."""
    data = json.loads(raw)
    evidence = tuple(Evidence(**item) for item in data.pop("evidence", []))
    return Verdict(**data, evidence=evidence)


class MemoryCache:
    """A process-local cache with expiry, for the embedded default and tests."""

    backend = "memory"

    def __init__(self) -> None:
        self._items: dict[str, tuple[float, str]] = {}
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}

    def get(self, key: str) -> Verdict | None:
        """The cached verdict, or None."""
        with self._guard:
            item = self._items.get(key)
            if item and item[0] < time.monotonic():
                del self._items[key]
                item = None
        return replace(load_verdict(item[1]), cached=True) if item else None

    def set(self, key: str, verdict: Verdict, ttl: int) -> None:
        """Store a verdict for `ttl` seconds."""
        with self._guard:
            self._items[key] = (time.monotonic() + ttl, dump_verdict(verdict))

    def ping(self) -> bool:
        """The memory cache is always there."""
        return True

    @contextlib.contextmanager
    def single_flight(self, key: str, wait: float, hold: float = 10.0) -> Iterator[bool]:
        """Hold the key's lock while one caller computes; yields whether it was acquired."""
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        acquired = lock.acquire(timeout=wait)
        try:
            yield acquired
        finally:
            if acquired:
                lock.release()


class RedisCache:
    """Verdicts in Redis, shared by every web process and worker."""

    backend = "redis"

    def __init__(self, client: redis.Redis, prefix: str = "factcheck") -> None:
        self.client = client
        self.prefix = prefix

    @classmethod
    def from_url(cls, url: str, prefix: str = "factcheck") -> RedisCache:
        """A client with short timeouts, so an outage costs milliseconds, not minutes."""
        client = redis.Redis.from_url(
            url, socket_connect_timeout=0.5, socket_timeout=1.0, health_check_interval=15
        )
        return cls(client, prefix)

    def get(self, key: str) -> Verdict | None:
        """The cached verdict, or None; raises CacheUnavailable on an outage."""
        try:
            raw = self.client.get(key)
        except redis.RedisError as error:
            raise CacheUnavailable(str(error)) from error
        if raw is None:
            return None
        try:
            return replace(load_verdict(raw), cached=True)
        except (ValueError, TypeError, KeyError):
            log.warning("cache entry %s is unreadable; treating it as a miss", key)
            return None

    def set(self, key: str, verdict: Verdict, ttl: int) -> None:
        """Store a verdict for `ttl` seconds; raises CacheUnavailable on an outage."""
        try:
            self.client.set(key, dump_verdict(verdict), ex=ttl)
        except redis.RedisError as error:
            raise CacheUnavailable(str(error)) from error

    def ping(self) -> bool:
        """Whether Redis answers."""
        try:
            return bool(self.client.ping())
        except redis.RedisError:
            return False

    @contextlib.contextmanager
    def single_flight(self, key: str, wait: float, hold: float = 10.0) -> Iterator[bool]:
        """A Redis lock, so one process in the whole deployment computes a key at a time.

        `hold` bounds the lock's life, so a holder that dies frees it that much later.
        """
        lock = self.client.lock(f"{key}:lock", timeout=hold, sleep=0.05, blocking_timeout=wait)
        try:
            acquired = lock.acquire()
        except redis.RedisError as error:
            raise CacheUnavailable(str(error)) from error
        try:
            yield acquired
        finally:
            if acquired:
                with contextlib.suppress(redis.RedisError):
                    lock.release()


def create_cache(url: str, prefix: str = "factcheck") -> MemoryCache | RedisCache:
    """The cache a URL names: redis://, rediss://, unix:// or memory:// (also empty)."""
    if not url or url.startswith("memory://"):
        return MemoryCache()
    if url.split("://", 1)[0] in {"redis", "rediss", "unix"}:
        return RedisCache.from_url(url, prefix)
    raise ValueError(f"unsupported cache URL scheme: {url.split('://', 1)[0]!r}")
