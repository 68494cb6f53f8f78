"""The Source protocol every reference-source adapter implements, and its errors."""

from __future__ import annotations

import datetime
import email.utils
import math
from typing import Any, ClassVar, Protocol

from service.domain import Claim, Evidence

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


class Source(Protocol):
    """A reference source: given a claim, the passages that bear on it.

    `search` raises only SourceError. Evidence carries `source` = the configured name,
    stance "neutral" (verification decides stances) and a relevance `score` in [0, 1].
    """

    name: str
    type: str

    def search(self, claim: Claim, as_of: datetime.date, timeout: float) -> list[Evidence]:
        """Return the evidence for `claim`, answering within `timeout` seconds."""
        ...


class SourceClass(Protocol):
    """What the registry needs from a source class: its settings and a constructor."""

    type: str
    SETTINGS: ClassVar[dict[str, type | tuple[type, ...]]]
    REQUIRED_SETTINGS: ClassVar[frozenset[str]]

    @classmethod
    def from_settings(
        cls, name: str, settings: dict[str, Any], http: Any, user_agent: str
    ) -> Source:
        """Build the source from validated configuration settings."""
        ...
