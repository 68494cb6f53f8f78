"""A circuit breaker per source: stop asking a source that keeps failing, probe it later.

closed: every search goes through; `failure_threshold` failures in a row open the breaker.
open: no search goes through until `cooldown` seconds have passed (or longer, when the source
      asked for it with Retry-After); then the breaker is half-open.
half-open: one probe search goes through; its success closes the breaker, its failure opens it
      again. A probe that never reports back (abandoned) frees its slot after `cooldown`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

FAILURE_THRESHOLD = 5
COOLDOWN = 30.0  # seconds


@dataclass(frozen=True)
class BreakerState:
    """A snapshot for status pages: state, failures in a row, seconds until a probe is allowed."""

    state: str  # closed | open | half_open
    failures: int
    retry_in: float | None


class CircuitBreaker:
    """Thread-safe; one per source, shared by every request of the process."""

    def __init__(
        self,
        failure_threshold: int = FAILURE_THRESHOLD,
        cooldown: float = COOLDOWN,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.failure_threshold = failure_threshold
        self.cooldown = cooldown
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._open_until: float | None = None  # None: closed
        self._probe_since: float | None = None  # when the half-open probe was let through

    def allow(self) -> bool:
        """Whether a search may go through now (in half-open state: the one probe)."""
        with self._lock:
            now = self._clock()
            if self._open_until is None:
                return True
            if now < self._open_until:
                return False
            if self._probe_since is not None and now - self._probe_since < self.cooldown:
                return False  # a probe is in flight
            self._probe_since = now
            return True

    def record_success(self) -> None:
        """A search answered: close the breaker."""
        with self._lock:
            self._failures = 0
            self._open_until = None
            self._probe_since = None

    def record_failure(self, retry_after: float | None = None) -> None:
        """A search failed; `retry_after` (seconds) is the source's own request to wait."""
        with self._lock:
            now = self._clock()
            self._failures += 1
            probing = self._open_until is not None
            self._probe_since = None
            wait = retry_after or 0.0
            if probing or self._failures >= self.failure_threshold:
                wait = max(wait, self.cooldown)
            if wait > 0:
                self._open_until = max(self._open_until or now, now + wait)

    def state(self) -> BreakerState:
        """The current state, without changing it."""
        with self._lock:
            now = self._clock()
            if self._open_until is None:
                return BreakerState("closed", self._failures, None)
            if now < self._open_until:
                return BreakerState("open", self._failures, round(self._open_until - now, 1))
            return BreakerState("half_open", self._failures, 0.0)
