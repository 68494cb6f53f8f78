"""Prometheus metrics, served at GET /metrics in the text format.

Under gunicorn, with PROMETHEUS_MULTIPROC_DIR set (the image sets it), every worker writes its
samples to files in that directory and a scrape, whichever worker answers it, sums them all;
gunicorn.conf.py empties the directory at start and drops a dead worker's live gauges. Without
the variable the process's default registry is served. Values that are read rather than
counted (the job queue's depth) are collected live by the process answering the scrape.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Sequence

import redis
from flask import Flask, Response, current_app, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from rq import Queue

from service.domain import SourceStatus

log = logging.getLogger(__name__)

MULTIPROC_DIR = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
if MULTIPROC_DIR:
    # prometheus_client chose file-backed values at import from the variable alone; a process
    # that nobody prepared the directory for (a worker, the CLI) must not fail on first use.
    os.makedirs(MULTIPROC_DIR, exist_ok=True)

BREAKER_STATES = {"closed": 0, "half_open": 1, "open": 2}

REQUEST_SECONDS = Histogram(
    "factcheck_http_request_duration_seconds",
    "Time to answer an HTTP request, by route (Flask's URL rule), method and status.",
    ["endpoint", "method", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
CLAIMS = Counter(
    "factcheck_claims_checked_total",
    "Claims given a verdict, by verdict label.",
    ["verdict"],
)
VERDICT_CACHE = Counter(
    "factcheck_verdict_cache_total",
    "Verdict cache lookups of judged claims: hit, miss or unavailable.",
    ["result"],
)
REPORT_CACHE = Counter(
    "factcheck_report_cache_total",
    "Whole-report cache lookups of POST /v1/checks: hit (answered from one Redis read) or miss.",
    ["result"],
)
SOURCE_SECONDS = Histogram(
    "factcheck_source_query_duration_seconds",
    "Time a source took to answer one claim's query, by source and outcome "
    "(ok, error, timeout, rate_limited).",
    ["source", "outcome"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
SOURCE_ERRORS = Counter(
    "factcheck_source_errors_total",
    "Source queries that gave no answer, by source and kind "
    "(error, timeout, rate_limited, circuit_open).",
    ["source", "kind"],
)
BREAKER_STATE = Gauge(
    "factcheck_source_circuit_state",
    "A source's circuit breaker as last seen: 0 closed, 1 half-open, 2 open "
    "(the worst among live processes).",
    ["source"],
    multiprocess_mode="livemax",
)


def count_claims(outcomes: Iterable) -> None:
    """Count judged claims by verdict, and their verdict-cache result (outcome.cache)."""
    for outcome in outcomes:
        CLAIMS.labels(outcome.verdict.label).inc()
        if outcome.cache:
            VERDICT_CACHE.labels(outcome.cache).inc()


def count_report(result: str) -> None:
    """Count one whole-report cache lookup: hit or miss."""
    REPORT_CACHE.labels(result).inc()


def count_verdicts(labels: Iterable[str]) -> None:
    """Count verdicts reached without the cache (on evidence the client supplied)."""
    for label in labels:
        CLAIMS.labels(label).inc()


def observe_sources(sources: Sequence, statuses: Sequence[SourceStatus]) -> None:
    """Record one fan-out: each source's latency and failure, and its breaker's state."""
    for status in statuses:
        if status.status != "circuit_open":  # not asked: no latency to speak of
            SOURCE_SECONDS.labels(status.name, status.status).observe(status.latency_ms / 1000)
        if status.status != "ok":
            SOURCE_ERRORS.labels(status.name, status.status).inc()
    for source in sources:
        breaker = getattr(source, "breaker", None)
        if breaker is not None:
            BREAKER_STATE.labels(source.name).set(BREAKER_STATES[breaker.state().state])


class QueueCollector:
    """The background-check queue's depth, read from Redis at scrape time."""

    def __init__(self, queue: Queue | None) -> None:
        self.queue = queue

    def collect(self):
        """One gauge, absent when there is no queue or Redis does not answer."""
        if self.queue is None:
            return
        try:
            depth = self.queue.count
        except redis.RedisError as error:
            log.warning("job queue depth not read: %s", error)
            return
        yield GaugeMetricFamily(
            "factcheck_job_queue_depth", "Background checks waiting for a worker.", value=depth
        )


def exposition(queue: Queue | None) -> bytes:
    """Every metric in the text format: counted ones, then the ones read live."""
    if MULTIPROC_DIR:
        counted = CollectorRegistry()
        multiprocess.MultiProcessCollector(counted, path=MULTIPROC_DIR)
    else:
        counted = REGISTRY
    live = CollectorRegistry(auto_describe=False)
    live.register(QueueCollector(queue))
    return generate_latest(counted) + generate_latest(live)


def _scrape() -> Response:
    """GET /metrics."""
    queue = current_app.extensions["factcheck"].queue
    return Response(exposition(queue), content_type=CONTENT_TYPE_LATEST)


def _start_timer() -> None:
    g.metrics_started = time.perf_counter()


def _observe_request(response: Response) -> Response:
    started = g.get("metrics_started")
    if started is not None:
        rule = request.url_rule.rule if request.url_rule is not None else "unmatched"
        elapsed = time.perf_counter() - started
        REQUEST_SECONDS.labels(rule, request.method, str(response.status_code)).observe(elapsed)
    return response


def init_app(app: Flask) -> None:
    """Time every request and serve /metrics (outside the OpenAPI document)."""
    app.before_request(_start_timer)
    app.after_request(_observe_request)
    app.add_url_rule("/metrics", "metrics", _scrape, methods=["GET"])
