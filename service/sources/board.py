"""The sources' latest status and circuit breakers, shared through Redis by every process.

Each process records what its searches met; GET /v1/sources reads the shared record, so every
web worker gives the same answer. Without Redis, or while it is down, a process shows its own.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import redis

from service.domain import SourceStatus
from service.sources.base import Source
from service.sources.breaker import BreakerState

log = logging.getLogger(__name__)

FORGET_AFTER = 86_400  # seconds: the record of sources nobody asked for a day expires


@dataclass(frozen=True)
class SourceRecord:
    """What is known of one source: its last search's status and latency, its breaker."""

    status: str | None = None  # ok | error | timeout | ...; None: not asked yet
    latency_ms: float | None = None
    circuit: BreakerState | None = None


class StatusBoard:
    """Where every process notes how the sources answered; thread-safe."""

    def __init__(
        self,
        client: redis.Redis | None,
        prefix: str,
        clock: Callable[[], float] = time.time,  # wall clock: processes compare it
    ) -> None:
        self._client = client
        self._key = f"{prefix}:v1:sources"
        self._clock = clock
        self._own: dict[str, dict] = {}
        self._lock = threading.Lock()

    def record(self, statuses: Iterable[SourceStatus], sources: Mapping[str, Source]) -> None:
        """Note what the searches met, here and in Redis (an outage costs only the sharing)."""
        now = self._clock()
        entries = {s.name: _entry(s, _breaker_state(sources.get(s.name)), now) for s in statuses}
        if not entries:
            return
        with self._lock:
            self._own.update(entries)
        if self._client is None:
            return
        try:
            with self._client.pipeline() as pipe:
                pipe.hset(self._key, mapping={k: json.dumps(v) for k, v in entries.items()})
                pipe.expire(self._key, FORGET_AFTER)
                pipe.execute()
        except redis.RedisError as error:
            log.warning("source status not shared (Redis unavailable): %s", error)

    def read(self, sources: Mapping[str, Source]) -> dict[str, SourceRecord]:
        """Every source's record: the shared one, or this process's own without Redis."""
        shared = self._shared()
        if shared is not None:
            now = self._clock()
            return {name: _record(shared.get(name), now) for name in sources}
        with self._lock:
            own = dict(self._own)
        # This process's breakers are live: read them rather than the snapshots.
        return {
            name: SourceRecord(
                own.get(name, {}).get("status"),
                own.get(name, {}).get("latency_ms"),
                _breaker_state(source),
            )
            for name, source in sources.items()
        }

    def _shared(self) -> dict[str, dict] | None:
        """The entries in Redis, or None when there is no Redis or it cannot be reached."""
        if self._client is None:
            return None
        try:
            raw = self._client.hgetall(self._key)
        except redis.RedisError as error:
            log.warning("source status read locally (Redis unavailable): %s", error)
            return None
        entries = {}
        for name, value in raw.items():
            try:
                entries[name.decode()] = json.loads(value)
            except ValueError:
                log.warning("unreadable source status for %r; ignored", name)
        return entries


def _breaker_state(source: Source | None) -> BreakerState | None:
    """The source's circuit breaker now, if it has one."""
    breaker = getattr(source, "breaker", None)
    return breaker.state() if breaker is not None else None


def _entry(status: SourceStatus, state: BreakerState | None, now: float) -> dict:
    """A status and breaker snapshot as stored; the breaker's deadline as wall-clock time."""
    entry = {"status": status.status, "latency_ms": status.latency_ms}
    if state is not None:
        entry["failures"] = state.failures
        entry["open_until"] = None if state.retry_in is None else now + state.retry_in
    return entry


def _record(entry: dict | None, now: float) -> SourceRecord:
    """A stored entry read at `now`: an open breaker past its deadline reads half-open."""
    if entry is None:
        return SourceRecord()
    circuit = None
    if "failures" in entry:
        open_until = entry.get("open_until")
        if open_until is None:
            circuit = BreakerState("closed", entry["failures"], None)
        elif now < open_until:
            circuit = BreakerState("open", entry["failures"], round(open_until - now, 1))
        else:
            circuit = BreakerState("half_open", entry["failures"], 0.0)
    return SourceRecord(entry.get("status"), entry.get("latency_ms"), circuit)
