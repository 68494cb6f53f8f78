"""Prometheus metrics: what a check counts, sources and breakers, the queue, and gunicorn's
workers summed through PROMETHEUS_MULTIPROC_DIR."""

import concurrent.futures
import datetime
import os
import signal
import time
from pathlib import Path

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from service.domain import Claim
from service.jobs import create_queue
from service.sources.base import SourceError
from service.sources.breaker import CircuitBreaker
from service.sources.fanout import gather
from tests.conftest import REDIS_URL
from tests.test_container import _gunicorn

CHECK = "/v1/checks"


def _samples(text: str) -> dict[tuple[str, frozenset], float]:
    """Every sample of an exposition, by name and labels."""
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def _value(samples: dict, name: str, **labels: str) -> float:
    """One sample's value; 0 when it is not there yet."""
    return samples.get((name, frozenset(labels.items())), 0.0)


def _scrape(client) -> dict:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.content_type.startswith("text/plain; version=")
    return _samples(response.get_data(as_text=True))


def test_a_check_counts_its_claims_verdicts_cache_and_source_queries(client, article):
    before = _scrape(client)
    first = client.post(CHECK, json={"text": article}).get_json()
    middle = _scrape(client)
    second = client.post(CHECK, json={"text": article}).get_json()
    after = _scrape(client)
    judged = [c["verdict"]["label"] for c in first["claims"]]
    assert judged and (first["cache"], second["cache"]) == ("miss", "hit")

    def delta(start, end, name, **labels):
        return _value(end, name, **labels) - _value(start, name, **labels)

    for label in set(judged):
        count = judged.count(label)
        assert delta(before, middle, "factcheck_claims_checked_total", verdict=label) == count
        assert delta(middle, after, "factcheck_claims_checked_total", verdict=label) == count
    assert delta(before, middle, "factcheck_verdict_cache_total", result="miss") == len(judged)
    assert delta(middle, after, "factcheck_verdict_cache_total", result="hit") == len(judged)
    queries = "factcheck_source_query_duration_seconds_count"
    assert delta(before, middle, queries, source="local", outcome="ok") == len(judged)
    assert delta(middle, after, queries, source="local", outcome="ok") == 0  # all cached
    state = _value(after, "factcheck_source_circuit_state", source="local")
    assert ("factcheck_source_circuit_state", frozenset({("source", "local")})) in after
    assert state == 0  # closed
    requests_count = "factcheck_http_request_duration_seconds_count"
    labels = {"endpoint": CHECK, "method": "POST", "status": "200"}
    assert delta(before, after, requests_count, **labels) == 2


def test_requests_are_labelled_by_route_not_by_raw_path(client):
    before = _scrape(client)
    ids = ["job-id-one", "job-id-two"]
    statuses = {client.get(f"/v1/checks/{job_id}").status_code for job_id in ids}
    client.get("/no/such/path/at-all")
    text = client.get("/metrics").get_data(as_text=True)
    after = _samples(text)
    assert not any(job_id in text for job_id in ids) and "at-all" not in text
    name = "factcheck_http_request_duration_seconds_count"
    (status,) = statuses
    route = {"endpoint": "/v1/checks/<string:job_id>", "method": "GET", "status": str(status)}
    assert _value(after, name, **route) - _value(before, name, **route) == 2
    unmatched = {"endpoint": "unmatched", "method": "GET", "status": "404"}
    assert _value(after, name, **unmatched) - _value(before, name, **unmatched) == 1


class _Flaky:
    """A source that fails every search (the fan-out's own error handling is under test)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.timeout = None
        self.breaker = CircuitBreaker(failure_threshold=2, cooldown=600)

    def search(self, claim, as_of, timeout):
        raise SourceError("error", "the fake source is down")


def test_source_errors_and_an_opening_breaker_are_recorded(client):
    source = _Flaky(f"flaky-{os.getpid()}-{time.monotonic_ns()}")
    claim = Claim("c1", "Paris is the capital of France.", 0, 31, checkworthiness=0.9)
    before = _scrape(client)
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        for _ in range(3):  # two failures open the breaker; the third is not asked
            gather([source], claim, datetime.date(2026, 1, 1), pool, timeout=5)
    after = _scrape(client)
    errors = "factcheck_source_errors_total"
    assert _value(after, errors, source=source.name, kind="error") == 2
    assert _value(after, errors, source=source.name, kind="circuit_open") == 1
    latency = "factcheck_source_query_duration_seconds_count"
    assert _value(after, latency, source=source.name, outcome="error") == 2
    assert _value(after, latency, source=source.name, outcome="circuit_open") == 0
    assert _value(after, "factcheck_source_circuit_state", source=source.name) == 2  # open
    assert _value(before, errors, source=source.name, kind="error") == 0


def test_the_queue_depth_is_read_at_scrape_time(make_app, cache_prefix):
    app = make_app(redis_url=REDIS_URL, cache_prefix=cache_prefix)
    client = app.test_client()
    queue = create_queue(app.extensions["factcheck"].settings)
    try:
        assert _value(_scrape(client), "factcheck_job_queue_depth") == 0
        queued = client.post(
            CHECK, json={"text": "Paris is in France."}, headers={"Prefer": "respond-async"}
        )
        assert queued.status_code == 202
        assert _value(_scrape(client), "factcheck_job_queue_depth") == 1
    finally:
        queue.empty()
        queue.connection.delete(queue.key)
        queue.connection.close()


def test_without_redis_there_is_no_queue_depth(client):
    assert "factcheck_job_queue_depth" not in client.get("/metrics").get_data(as_text=True)


def _worker_pids(folder: Path) -> set[int]:
    """Workers that have counted a request: prometheus_client's files are named by pid."""
    return {int(path.stem.rsplit("_", 1)[1]) for path in folder.glob("histogram_*.db")}


@pytest.mark.slow
def test_gunicorn_workers_are_summed_and_a_dead_workers_counts_kept(
    sources_file, cache_prefix, tmp_path
):
    folder = tmp_path / "prometheus"
    folder.mkdir()
    (folder / "counter_1.db").write_bytes(b"stale")  # a previous run's file: cleared at start
    settings = {
        "FACTCHECK_SOURCES_FILE": str(sources_file),
        "FACTCHECK_REDIS_URL": REDIS_URL,
        "FACTCHECK_CACHE_PREFIX": cache_prefix,
        "PROMETHEUS_MULTIPROC_DIR": str(folder),
        "WEB_CONCURRENCY": "2",
    }
    name = "factcheck_http_request_duration_seconds_count"
    labels = {"endpoint": "/healthz", "method": "GET", "status": "200"}
    with _gunicorn(tmp_path / "gunicorn.log", **settings) as base:
        assert not (folder / "counter_1.db").exists()
        start = _value(_samples(requests.get(f"{base}/metrics", timeout=10).text), name, **labels)
        sent = 0
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            # Side by side, until both workers have answered some (bounded).
            while len(_worker_pids(folder)) < 2 and sent < 400:
                answers = pool.map(lambda _: requests.get(f"{base}/healthz", timeout=10), range(8))
                assert [answer.status_code for answer in answers] == [200] * 8
                sent += 8
        pids = _worker_pids(folder)
        assert len(pids) == 2, f"one worker answered all {sent} requests"
        # Whichever worker answers a scrape, it reports both workers' requests.
        for _ in range(6):
            scrape = requests.get(f"{base}/metrics", timeout=10).text
            assert _value(_samples(scrape), name, **labels) == start + sent
            assert scrape.count("\nfactcheck_job_queue_depth ") == 1
        # A worker that dies is replaced; what it counted stays counted.
        os.kill(pids.pop(), signal.SIGKILL)
        answered = 0
        deadline = time.monotonic() + 30
        while answered < 4 and time.monotonic() < deadline:
            try:
                answered += requests.get(f"{base}/healthz", timeout=2).status_code == 200
            except requests.RequestException:
                time.sleep(0.1)
        after = _samples(requests.get(f"{base}/metrics", timeout=10).text)
        assert _value(after, name, **labels) == start + sent + answered
    assert "Traceback" not in (tmp_path / "gunicorn.log").read_text()  # child_exit included


def test_whole_report_cache_hits_and_misses_are_counted(make_app, cache_prefix, article):
    client = make_app(redis_url=REDIS_URL, cache_prefix=cache_prefix).test_client()
    before = _scrape(client)
    first = client.post(CHECK, json={"text": article})
    second = client.post(CHECK, json={"text": article})
    fresh = client.post(CHECK, json={"text": article}, headers={"Cache-Control": "no-cache"})
    after = _scrape(client)
    assert [r.headers["X-Cache"] for r in (first, second, fresh)] == ["miss", "hit", "miss"]
    name = "factcheck_report_cache_total"
    assert _value(after, name, result="miss") - _value(before, name, result="miss") == 1
    assert _value(after, name, result="hit") - _value(before, name, result="hit") == 1
