"""Circuit breakers: per source, in the fan-out, and visible in GET /v1/sources."""

import datetime
import socket
from concurrent.futures import ThreadPoolExecutor

import pytest

from service.domain import Claim, Evidence
from service.sources.base import SourceError
from service.sources.breaker import CircuitBreaker
from service.sources.fanout import gather

AS_OF = datetime.date(2025, 7, 1)
CLAIM = Claim(id="c1", text="Steel output rose 5%.", start=0, end=21, checkworthiness=0.9)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


def test_failures_in_a_row_open_the_breaker_and_success_resets_the_count(clock):
    breaker = CircuitBreaker(failure_threshold=3, cooldown=10, clock=clock)
    breaker.record_failure()
    breaker.record_failure()
    breaker.record_success()  # not in a row any more
    breaker.record_failure()
    breaker.record_failure()
    assert breaker.allow() and breaker.state().state == "closed"
    breaker.record_failure()
    assert not breaker.allow()
    assert breaker.state() == breaker.state().__class__("open", 3, 10.0)


def test_after_the_cooldown_one_probe_goes_through(clock):
    breaker = CircuitBreaker(failure_threshold=1, cooldown=10, clock=clock)
    breaker.record_failure()
    clock.now += 9.9
    assert not breaker.allow()
    clock.now += 0.2
    assert breaker.state().state == "half_open"
    assert breaker.allow()
    assert not breaker.allow()  # the probe is in flight
    breaker.record_success()
    assert breaker.state().state == "closed" and breaker.allow()


def test_a_failed_probe_opens_the_breaker_again(clock):
    breaker = CircuitBreaker(failure_threshold=2, cooldown=10, clock=clock)
    breaker.record_failure()
    breaker.record_failure()
    clock.now += 10
    assert breaker.allow()
    breaker.record_failure()
    assert breaker.state().state == "open" and breaker.state().retry_in == 10.0


def test_an_abandoned_probe_frees_its_slot_after_the_cooldown(clock):
    breaker = CircuitBreaker(failure_threshold=1, cooldown=10, clock=clock)
    breaker.record_failure()
    clock.now += 10
    assert breaker.allow()  # the probe never reports back
    clock.now += 9
    assert not breaker.allow()
    clock.now += 1
    assert breaker.allow()


def test_a_retry_after_opens_the_breaker_at_once_for_that_long(clock):
    breaker = CircuitBreaker(failure_threshold=5, cooldown=10, clock=clock)
    breaker.record_failure(retry_after=3.0)
    assert not breaker.allow()
    assert breaker.state().retry_in == 3.0
    clock.now += 3
    assert breaker.allow()


class CountingSource:
    """A source that fails or answers as told and counts its calls."""

    type = "fake"

    def __init__(self, name, error=None, breaker=None, timeout=None):
        self.name, self.error, self.breaker, self.timeout = name, error, breaker, timeout
        self.calls: list[float] = []

    def search(self, claim, as_of, timeout):
        self.calls.append(timeout)
        if self.error:
            raise self.error
        return [Evidence(self.name, "t", "text", score=0.5)]


@pytest.fixture
def executor():
    with ThreadPoolExecutor(max_workers=4) as pool:
        yield pool


def test_an_open_breaker_answers_for_its_source_without_calling_it(executor):
    breaker = CircuitBreaker(failure_threshold=2, cooldown=30)
    failing = CountingSource("flaky", SourceError("error", "HTTP 500"), breaker)
    fine = CountingSource("fine", breaker=CircuitBreaker())
    statuses = [gather([failing, fine], CLAIM, AS_OF, executor, 1.0)[1] for _ in range(3)]
    assert [s[0].status for s in statuses] == ["error", "error", "circuit_open"]
    assert len(failing.calls) == 2
    assert statuses[2][0].detail == "2 failure(s) in a row; next try in 30 s"
    assert [s[1].status for s in statuses] == ["ok"] * 3


def test_a_rate_limited_source_is_left_alone_for_its_retry_after(executor):
    limited = CountingSource(
        "limited", SourceError("rate_limited", "HTTP 429", retry_after=60), CircuitBreaker()
    )
    first = gather([limited], CLAIM, AS_OF, executor, 1.0)[1][0]
    second = gather([limited], CLAIM, AS_OF, executor, 1.0)[1][0]
    assert (first.status, second.status, len(limited.calls)) == ("rate_limited", "circuit_open", 1)


def test_a_source_gets_its_own_deadline_within_the_requests(executor):
    quick = CountingSource("quick", timeout=0.5)
    patient = CountingSource("patient", timeout=10.0)
    gather([quick, patient], CLAIM, AS_OF, executor, 2.0)
    assert quick.calls[0] <= 0.5
    assert 1.9 < patient.calls[0] <= 2.0


def test_the_sources_endpoint_shows_an_open_circuit(make_app, tmp_path, corpus_file):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    path = tmp_path / "sources.yaml"
    path.write_text(
        "sources:\n"
        f"  - {{name: local, type: corpus, path: {corpus_file}}}\n"
        f"  - {{name: dead, type: wikipedia, base_url: 'http://127.0.0.1:{port}/w/api.php',\n"
        "     failure_threshold: 1, cooldown: 60, retries: 0}\n"
    )
    client = make_app(sources_file=str(path)).test_client()
    text = "Nippon Steel offered $15 billion for U.S. Steel in 2023."
    report = client.post("/v1/claims/verify", json={"claims": [text]}).get_json()
    assert {s["name"]: s["status"] for s in report["sources"]}["dead"] == "error"
    listed = {s["name"]: s for s in client.get("/v1/sources").get_json()["sources"]}
    assert listed["dead"]["status"] == "circuit_open"
    assert listed["dead"]["circuit"]["state"] == "open"
    assert listed["dead"]["circuit"]["failures"] == 1
    assert 0 < listed["dead"]["circuit"]["retry_in"] <= 60
    assert "circuit" not in listed["local"] and listed["local"]["status"] == "ok"
    again = client.post("/v1/claims/verify", json={"claims": [text + " Really."]}).get_json()
    assert {s["name"]: s["status"] for s in again["sources"]}["dead"] == "circuit_open"
