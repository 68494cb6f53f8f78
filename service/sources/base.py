"""The Source protocol every reference-source adapter implements, and its errors."""

from __future__ import annotations

import datetime
import email.utils
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from service.domain import Claim, Evidence

if TYPE_CHECKING:  # http.py imports this module
    from service.sources.breaker import CircuitBreaker
    from service.sources.http import HttpClient, RetryPolicy

ERROR_KINDS = ("error", "timeout", "bad_payload", "rate_limited")


class SourceError(Exception):
    """A source could not answer; `kind` says why, `retry_after` (seconds) when it knows."""

    def __init__(self, kind: str, message: str = "", retry_after: float | None = None) -> None:
        if kind not in ERROR_KINDS:
            raise ValueError(f"unknown SourceError kind {kind!r}")
        super().__init__(message or kind)
        self.kind = kind
        self.retry_after = retry_after


class ConfigError(ValueError):
    """A source is configured wrongly (unknown type, bad setting, missing index file...)."""


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # "-0000": UTC by RFC 5322
        when = when.replace(tzinfo=datetime.UTC)
    return max(0.0, (when - datetime.datetime.now(datetime.UTC)).total_seconds())


def check_base_url(source: str, url: Any, key: str = "base_url") -> str:
    """An http(s) URL setting, or a ConfigError naming the source."""
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise ConfigError(f"source {source!r}: {key!r} must be an http(s) URL")
    return url


def check_cache_ttl(source: str, settings: Mapping[str, Any], default: int) -> int:
    """The `cache_ttl` setting (seconds; 0 turns the response cache off for this source)."""
    ttl = settings.get("cache_ttl", default)
    if ttl < 0:
        raise ConfigError(f"source {source!r}: 'cache_ttl' must be 0 or more seconds")
    return ttl


class Source(Protocol):
    """A reference source: given a claim, the passages that bear on it.

    `search` raises only SourceError. Evidence carries `source` = the configured name,
    stance "neutral" (verification decides stances) and a relevance `score` in [0, 1].
    Optional attributes the fan-out uses when present: `breaker` (a CircuitBreaker) and
    `timeout` (this source's own deadline in seconds, within the request's).
    """

    name: str
    type: str

    def search(self, claim: Claim, as_of: datetime.date, timeout: float) -> list[Evidence]:
        """Return the evidence for `claim`, answering within `timeout` seconds."""
        ...


@dataclass(frozen=True)
class SourceContext:
    """What the registry hands every source it builds, besides the entry's own settings."""

    http: HttpClient | None = None
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    breaker: CircuitBreaker | None = None
    timeout: float | None = None  # the entry's `timeout`, if it has one
    retry: RetryPolicy | None = None  # the entry's `retries`, if it has any


class SourceClass(Protocol):
    """What the registry needs from a source class: its settings and a constructor."""

    type: str
    SETTINGS: ClassVar[dict[str, type | tuple[type, ...]]]
    REQUIRED_SETTINGS: ClassVar[frozenset[str]]

    @classmethod
    def from_settings(cls, name: str, settings: dict[str, Any], context: SourceContext) -> Source:
        """Build the source from validated configuration settings."""
        ...
