"""Ask every source at once, each within the deadline; a failing source costs only itself.

A source may carry its own `timeout` (shorter than the request's) and a circuit `breaker`: an
open breaker reports the source `circuit_open` without calling it, and every search's outcome
(success, failure, a rate limit's Retry-After) is recorded on the breaker.
"""

from __future__ import annotations

import concurrent.futures
import datetime
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from service import metrics
from service.domain import Claim, Evidence, SourceStatus
from service.sources.base import Source, SourceError

log = logging.getLogger(__name__)

EPSILON = 0.02  # seconds granted past the deadline for bookkeeping, never for waiting on sources
MAX_DETAIL = 200


@dataclass(frozen=True)
class _Outcome:
    """What one source did, seen from its worker thread."""

    evidence: list[Evidence]
    error: BaseException | None
    finished: float  # time.monotonic() when the search returned or raised


def gather(
    sources: Sequence[Source],
    claim: Claim,
    as_of: datetime.date,
    executor: concurrent.futures.Executor,
    timeout: float,
) -> tuple[list[Evidence], list[SourceStatus]]:
    """All sources' evidence (best score first) and one status per source, within `timeout` s."""
    started = time.monotonic()
    deadline = started + timeout
    # An open circuit breaker answers for its source at once: no thread, no request.
    futures = [
        executor.submit(_search, source, claim, as_of, deadline) if _allowed(source) else None
        for source in sources
    ]
    pending = [future for future in futures if future is not None]
    concurrent.futures.wait(pending, timeout=max(0.0, deadline + EPSILON - time.monotonic()))
    evidence: list[Evidence] = []
    statuses: list[SourceStatus] = []
    for source, future in zip(sources, futures, strict=True):
        if future is None:
            statuses.append(_circuit_open(source))
            continue
        if not future.done():
            future.cancel()  # a search still queued never starts; a running one is abandoned
            latency = _ms(time.monotonic() - started)
            statuses.append(
                SourceStatus(source.name, "timeout", latency, detail=f"no answer in {timeout:g} s")
            )
            continue
        outcome = future.result()
        statuses.append(_status(source.name, outcome, _ms(outcome.finished - started)))
        evidence.extend(outcome.evidence)
    evidence.sort(key=lambda e: e.score, reverse=True)  # stable: ties keep the sources' order
    metrics.observe_sources(sources, statuses)
    return evidence, statuses


def _allowed(source: Source) -> bool:
    """Whether the source's circuit breaker (if it has one) lets a search through."""
    breaker = getattr(source, "breaker", None)
    return breaker is None or breaker.allow()


def _circuit_open(source: Source) -> SourceStatus:
    """The status of a source whose breaker is open."""
    state = source.breaker.state()  # type: ignore[attr-defined]
    detail = f"{state.failures} failure(s) in a row"
    if state.retry_in:
        detail += f"; next try in {state.retry_in:g} s"
    return SourceStatus(source.name, "circuit_open", 0.0, detail=detail)


def _search(source: Source, claim: Claim, as_of: datetime.date, deadline: float) -> _Outcome:
    """Run one source's search in a worker thread; never raises."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:  # waited in the executor's queue past the deadline
        error = SourceError("timeout", "not started before the deadline")
        return _Outcome([], error, time.monotonic())
    own = getattr(source, "timeout", None)
    breaker = getattr(source, "breaker", None)
    try:
        found = source.search(claim, as_of, min(remaining, own) if own else remaining)
    except SourceError as exc:
        log.info("source %s failed: %s: %s", source.name, exc.kind, exc)
        if breaker is not None:
            breaker.record_failure(exc.retry_after if exc.kind == "rate_limited" else None)
        return _Outcome([], exc, time.monotonic())
    except Exception as exc:
        # A bug in one adapter must not fail the request; its traceback goes to the log.
        log.warning("source %s raised an unexpected error", source.name, exc_info=True)
        if breaker is not None:
            breaker.record_failure()
        return _Outcome([], exc, time.monotonic())
    if breaker is not None:
        breaker.record_success()
    return _Outcome(list(found), None, time.monotonic())


def _status(name: str, outcome: _Outcome, latency_ms: float) -> SourceStatus:
    """The report's status line for a source that returned or raised in time."""
    error = outcome.error
    if error is None:
        return SourceStatus(name, "ok", latency_ms, results=len(outcome.evidence))
    if not isinstance(error, SourceError):
        return SourceStatus(
            name, "error", latency_ms, detail=f"internal error ({type(error).__name__})"
        )
    status = error.kind if error.kind in ("timeout", "rate_limited") else "error"
    detail = str(error) if error.kind != "bad_payload" else f"bad payload: {error}"
    if error.kind == "rate_limited" and error.retry_after is not None:
        detail += f" (retry after {error.retry_after:g} s)"
    return SourceStatus(name, status, latency_ms, detail=detail[:MAX_DETAIL])


def _ms(seconds: float) -> float:
    """Seconds as milliseconds rounded to 0.1 ms."""
    return round(seconds * 1000, 1)
