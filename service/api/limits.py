"""Rate limits per API key (or per client address when keys are off), counted in Redis.

A fixed window: one counter per client and window, INCR and EXPIRE in one transaction, so every
process of every host sharing the Redis counts together. When Redis cannot be reached the request
is served (fail open) and a warning logged: an outage of the counter must not stop the service.
"""

from __future__ import annotations

import logging
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import redis
from flask import Flask, Response, g, request

from service.api.auth import is_open
from service.api.problem import problem
from service.config import Settings

log = logging.getLogger(__name__)

EXTENSION = "factcheck.limiter"
PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_LIMIT = re.compile(r"\s*(\d+)\s*/\s*(second|minute|hour|day)s?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class RateLimit:
    """At most `count` requests per `period` seconds."""

    count: int
    period: int

    @classmethod
    def parse(cls, text: str) -> RateLimit:
        """Parse COUNT/PERIOD: "60/minute", "1000/hour", "5/second", "10000/day"."""
        match = _LIMIT.fullmatch(text)
        if not match or int(match[1]) < 1:
            raise ValueError(
                f"FACTCHECK_RATE_LIMIT={text!r}: expected COUNT/PERIOD with COUNT >= 1 and "
                "PERIOD one of second, minute, hour, day (e.g. 60/minute)"
            )
        return cls(int(match[1]), PERIODS[match[2].lower()])


@dataclass(frozen=True)
class Usage:
    """A client's standing in the current window."""

    limit: RateLimit
    used: int
    reset: int  # seconds until the window ends

    @property
    def allowed(self) -> bool:
        """Whether this request is within the limit."""
        return self.used <= self.limit.count


class FixedWindowLimiter:
    """Counts requests per client and window in Redis."""

    def __init__(
        self,
        client: redis.Redis,
        limit: RateLimit,
        prefix: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.client, self.limit, self.prefix, self.clock = client, limit, prefix, clock

    def hit(self, identity: str) -> Usage | None:
        """Count one request; None when Redis cannot be reached (the caller serves it)."""
        now = self.clock()
        period = self.limit.period
        start = int(now // period * period)
        key = f"{self.prefix}:ratelimit:{identity}:{start}"
        try:
            with self.client.pipeline(transaction=True) as pipe:
                used, _ = pipe.incr(key).expire(key, period + 1).execute()
        except redis.RedisError as error:
            log.warning("rate limit not applied, Redis unreachable: %s", error)
            return None
        return Usage(self.limit, int(used), max(1, math.ceil(start + period - now)))


def identity() -> str:
    """Who is counted: the API key's hash when keys are on, else the client's address."""
    key_hash = g.get("key_hash")
    return f"key:{key_hash[:32]}" if key_hash else f"addr:{request.remote_addr or 'unknown'}"


def headers(usage: Usage) -> dict[str, str]:
    """The RateLimit headers of the IETF draft (httpapi-ratelimit-headers)."""
    limit = usage.limit
    return {
        "RateLimit-Limit": str(limit.count),
        "RateLimit-Remaining": str(max(0, limit.count - usage.used)),
        "RateLimit-Reset": str(usage.reset),
        "RateLimit-Policy": f"{limit.count};w={limit.period}",
    }


def init_app(app: Flask, settings: Settings, client: redis.Redis | None) -> None:
    """Limit the API's requests when `rate_limit` is set; it needs Redis."""
    if not settings.rate_limit.strip():
        return
    limit = RateLimit.parse(settings.rate_limit)
    if client is None:
        raise ValueError("FACTCHECK_RATE_LIMIT needs FACTCHECK_REDIS_URL (the counters' store)")
    limiter = app.extensions[EXTENSION] = FixedWindowLimiter(client, limit, settings.cache_prefix)

    def count_request() -> Response | None:
        # /metrics is never limited: a scraper is no client of the API.
        if request.method == "OPTIONS" or is_open(request.endpoint, metrics_open=True):
            return None
        usage = g.rate_limit = limiter.hit(identity())
        if usage is None or usage.allowed:
            return None
        answer = problem(
            429,
            "Too Many Requests",
            f"Over the limit of {limit.count} requests per {limit.period} s; "
            f"retry in {usage.reset} s.",
        )
        answer.headers["Retry-After"] = str(usage.reset)
        return answer

    def add_headers(response: Response) -> Response:
        usage = g.get("rate_limit")
        if usage is not None:
            response.headers.update(headers(usage))
        return response

    app.before_request(count_request)
    app.after_request(add_headers)
