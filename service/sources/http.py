"""HTTP for online sources: one pooled Session, deadlines, retries, per-host limits, a cache.

`HttpClient.get_json` is the one way an adapter talks to the network. Within the caller's deadline
it retries idempotent GETs on connection errors, 429 and 5xx with exponential backoff and jitter,
honours `Retry-After` (seconds or HTTP-date) and rate-limit answers the parser reports (Wikimedia's
`maxlag`), keeps at most a few requests in flight per host, and serves repeated queries from a
response cache. Every failure is a SourceError; no URL (which may carry a key) is ever logged.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import requests
import urllib3

from service.sources.base import SourceError, parse_retry_after
from service.sources.http_answer import Raw, Retryable, check_status, parse_json, read_body

log = logging.getLogger(__name__)

T = TypeVar("T")
MAX_PER_HOST = 4  # Wikimedia etiquette: "a few" parallel requests per host


class ResponseCache(Protocol):
    """Bytes by key with a time to live; an unreachable backend is a miss, never an error."""

    def get(self, key: str) -> bytes | None:
        """The stored bytes, or None."""
        ...

    def set(self, key: str, value: bytes, ttl: int) -> None:
        """Store bytes for `ttl` seconds."""
        ...


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try: total attempts, the first backoff (doubling), its cap."""

    attempts: int = 3
    backoff: float = 0.25
    max_backoff: float = 4.0
    min_attempt: float = 0.1  # a retry needs this much of the budget left after its wait


class HttpClient:
    """GETs JSON for sources through one shared `requests.Session`."""

    def __init__(
        self,
        session: requests.Session,
        user_agent: str,
        cache: ResponseCache | None = None,
        max_per_host: int = MAX_PER_HOST,
        rng: random.Random | None = None,
    ) -> None:
        self.session = session
        self.user_agent = user_agent
        self.cache = cache
        self.max_per_host = max_per_host
        self._rng = rng or random.Random()
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._guard = threading.Lock()

    def get_json(
        self,
        url: str,
        params: Mapping[str, Any],
        *,
        deadline: float,
        parse: Callable[[Any], T],
        headers: Mapping[str, str] | None = None,
        cache_ttl: int = 0,
        retry: RetryPolicy | None = None,
    ) -> T:
        """`parse(payload)` of a GET answer, retried within `deadline` (time.monotonic())."""
        retry = retry or RetryPolicy()
        key = cache_key(url, params) if cache_ttl > 0 and self.cache is not None else None
        if key is not None:
            hit = self._from_cache(key, parse)
            if hit is not None:
                return hit[0]
        for attempt in range(retry.attempts):
            try:
                raw = self._fetch(url, params, headers or {}, deadline)
                result = parse_json(raw.body, raw.retry_after, parse)
            except Retryable as failure:
                wait = _backoff(retry, attempt, self._rng)
                wait = max(wait, failure.wait or 0.0)
                last = attempt + 1 >= retry.attempts
                if last or time.monotonic() + wait + retry.min_attempt > deadline:
                    raise failure.error from None
                log.info("%s: %s; retry in %.2f s", _where(url), failure.error, wait)
                time.sleep(wait)
                continue
            if key is not None:
                self._store(key, raw.body, cache_ttl)
            return result
        raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover

    def _fetch(
        self, url: str, params: Mapping[str, Any], headers: Mapping[str, str], deadline: float
    ) -> Raw:
        """One GET within the deadline and the host's concurrency limit."""
        slot = self._slot(url)
        if not slot.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise SourceError("timeout", f"no free connection to {_where(url)} before the deadline")
        try:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise SourceError("timeout", "no time left for the request")
            return self._get(url, params, headers, remaining)
        finally:
            slot.release()

    def _get(
        self, url: str, params: Mapping[str, Any], headers: Mapping[str, str], timeout: float
    ) -> Raw:
        """The GET itself: status handling and a size-capped body."""
        try:
            response = self.session.get(
                url,
                params=params,
                headers={"User-Agent": self.user_agent, "Accept": "application/json", **headers},
                timeout=timeout,
                stream=True,
            )
        except requests.Timeout:
            raise SourceError("timeout", f"no answer within {timeout:.2f} s") from None
        except requests.RequestException as exc:
            error = SourceError("error", f"request failed: {type(exc).__name__}")
            if unresolvable(exc):
                raise error from None  # no DNS answer: a retry within seconds will not get one
            raise Retryable(error) from None
        with response:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            check_status(response, retry_after)
            return Raw(read_body(response), retry_after)

    def _slot(self, url: str) -> threading.BoundedSemaphore:
        """The semaphore that limits parallel requests to the URL's host."""
        host = urllib.parse.urlsplit(url).netloc.lower()
        with self._guard:
            if host not in self._hosts:
                self._hosts[host] = threading.BoundedSemaphore(self.max_per_host)
            return self._hosts[host]

    def _from_cache(self, key: str, parse: Callable[[Any], T]) -> tuple[T] | None:
        """A cached answer parsed again, or None (an unreadable entry is a miss)."""
        assert self.cache is not None
        body = self.cache.get(key)
        if body is None:
            return None
        try:
            return (parse(json.loads(body)),)
        except (ValueError, SourceError):
            return None

    def _store(self, key: str, body: bytes, ttl: int) -> None:
        """Keep an answer the parser accepted."""
        assert self.cache is not None
        self.cache.set(key, body, ttl)


def unresolvable(exc: requests.RequestException) -> bool:
    """Whether a request failed because the host name does not resolve (offline, or a typo)."""
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(reason, urllib3.exceptions.NameResolutionError)


def _backoff(retry: RetryPolicy, attempt: int, rng: random.Random) -> float:
    """Exponential backoff with "equal jitter": half fixed, half random."""
    ceiling = min(retry.max_backoff, retry.backoff * 2**attempt)
    return ceiling / 2 + rng.uniform(0, ceiling / 2)


def cache_key(url: str, params: Mapping[str, Any]) -> str:
    """A digest of the URL and its sorted parameters (keys never appear in plain text)."""
    query = urllib.parse.urlencode(sorted((str(k), str(v)) for k, v in params.items()))
    return hashlib.sha256(f"GET {url}?{query}".encode()).hexdigest()


def _where(url: str) -> str:
    """Host and path of a URL, for logs and messages: never its query string."""
    parts = urllib.parse.urlsplit(url)
    return parts.netloc + parts.path
