"""Whole-report cache: an identical check answered with its stored, rendered body (one GET)."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import redis

from service import __version__, verification
from service.checker import CUT_SHORT, NOT_JUDGED
from service.config import Settings
from service.domain import Report

log = logging.getLogger(__name__)

REPORT_VERSION = "v1"  # bump when a stored body's shape changes
# A stored JSON report carries this as its elapsed_ms; a hit writes its own time in its place.
ELAPSED_MARK = -1.0
ELAPSED_FIELD = b'"elapsed_ms":-1.0'
# After a Redis error the cache is not asked again for this long: an outage costs one timeout.
PAUSE_AFTER_ERROR = 5.0
# The settings that shape a report (the rest, such as timeouts, only make it degraded).
REPORT_SETTINGS = (
    "min_score",
    "max_claims",
    "verifier",
    "verifier_model_dir",
    "llm_url",
    "llm_model",
    "publisher_name",
    "publisher_url",
)


class ReportCache:
    """Rendered report bodies in Redis, keyed by everything that shapes them."""

    def __init__(self, client: redis.Redis, prefix: str, fingerprint: str) -> None:
        self.client = client
        self.prefix = prefix
        self.fingerprint = fingerprint
        self._paused_until = 0.0

    def key(self, request: Mapping[str, Any], today: str) -> str:
        """The key of a request (body, query, format) checked on `today` (ISO, UTC)."""
        # ASCII escapes: a text may hold lone surrogates, which UTF-8 cannot encode.
        material = json.dumps(request, sort_keys=True, separators=(",", ":"), default=str)
        digest = hashlib.sha256(f"{self.fingerprint}|{today}|{material}".encode())
        return f"{self.prefix}:{REPORT_VERSION}:report:{digest.hexdigest()}"

    def get(self, key: str) -> tuple[str, bytes] | None:
        """The stored (media type, body), or None: a miss, or Redis not answering."""
        if time.monotonic() < self._paused_until:
            return None
        try:
            raw = self.client.get(key)
        except redis.RedisError as error:
            self._pause(error)
            return None
        if raw is None:
            return None
        mimetype, _, body = raw.partition(b"\n")
        return mimetype.decode("ascii"), body

    def put(self, key: str, mimetype: str, body: bytes, ttl: int) -> None:
        """Store a rendered body for `ttl` seconds (nothing when Redis does not answer)."""
        if ttl <= 0 or time.monotonic() < self._paused_until:
            return
        try:
            self.client.set(key, mimetype.encode("ascii") + b"\n" + body, ex=ttl)
        except redis.RedisError as error:
            self._pause(error)

    def verdict_lives(self, keys: Sequence[str]) -> list[int] | None:
        """Milliseconds each verdict key has left (-2: gone, -1: no expiry); None on an outage."""
        if not keys:
            return []
        try:
            pipe = self.client.pipeline(transaction=False)
            for key in keys:
                pipe.pttl(key)
            return [int(ms) for ms in pipe.execute()]
        except redis.RedisError as error:
            self._pause(error)
            return None

    def _pause(self, error: Exception) -> None:
        """Stop asking Redis for a moment; the checks go on uncached."""
        log.warning("report cache unavailable for %.0f s: %s", PAUSE_AFTER_ERROR, error)
        self._paused_until = time.monotonic() + PAUSE_AFTER_ERROR


def fingerprint(settings: Settings, source_entries: Sequence[Mapping[str, Any]]) -> str:
    """What, besides the request, shapes a report: versions, settings, the sources' config.

    A source reading a file (a corpus, an archive) counts it by size and modification time, so
    a rebuilt index is not answered with reports of the old one.
    """
    files = {}
    for entry in source_entries:
        path = entry.get("path")
        if isinstance(path, str) and os.path.exists(path):
            stat = os.stat(path)
            files[path] = [stat.st_size, stat.st_mtime_ns]
    material = {
        "service": __version__,
        "engine": verification.ENGINE_VERSION,
        "settings": {name: getattr(settings, name) for name in REPORT_SETTINGS},
        "sources": list(source_entries),
        "files": files,
    }
    text = json.dumps(material, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def cut_short(report: Report) -> bool:
    """Whether the time budget ran out before the whole text was checked."""
    return any(note.startswith(CUT_SHORT) for note in report.notes)


def degraded(report: Report) -> bool:
    """Whether some source failed, timed out or was skipped for the report."""
    return any(status.status not in ("ok", "cached") for status in report.sources)


def lifetime(
    report: Report, verdict_lives: Sequence[int] | None, settings: Settings, now: datetime
) -> int:
    """Seconds a report may be served whole: 0 when cut short or Redis failed; never past
    the shortest life of a verdict in it, cache_ttl_degraded when degraded, the end of the day."""
    if verdict_lives is None or report.cache == "unavailable" or cut_short(report):
        return 0
    seconds = float(settings.cache_ttl)
    if degraded(report) or any(ms == -2 for ms in verdict_lives):  # -2: a verdict not stored
        seconds = min(seconds, settings.cache_ttl_degraded)
    lives = [ms / 1000 for ms in verdict_lives if ms >= 0]
    midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    seconds = min([seconds, (midnight - now).total_seconds(), *lives])
    return max(int(seconds), 0)


def as_hit(report: Report) -> Report:
    """The report as a later identical request is told it: from the cache, no source asked.

    Verdicts are marked cached; sources that answered say `cached`, as for a check whose claims
    were all cached; one that failed keeps its state, so a degraded report still says so.
    """
    claims = tuple(
        result
        if result.verdict.rationale.startswith(NOT_JUDGED)
        else replace(result, verdict=replace(result.verdict, cached=True))
        for result in report.claims
    )
    sources = tuple(
        replace(status, status="cached", latency_ms=0.0, results=0, queries=0, detail=None)
        if status.status == "ok"
        else status
        for status in report.sources
    )
    return replace(report, claims=claims, sources=sources, cache="hit", elapsed_ms=ELAPSED_MARK)


def stamp_elapsed(body: bytes, elapsed_ms: float) -> bytes:
    """A stored JSON report with the hit's own elapsed_ms."""
    return body.replace(ELAPSED_FIELD, b'"elapsed_ms":%.1f' % elapsed_ms, 1)
