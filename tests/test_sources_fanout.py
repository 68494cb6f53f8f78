"""Fan-out: every source in parallel, one deadline, failures contained to their source."""

import datetime
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from service.domain import Claim, Evidence
from service.sources.base import SourceError
from service.sources.fanout import gather
from tests.conftest import LATE

AS_OF = datetime.date(2025, 7, 1)
CLAIM = Claim(id="c1", text="Steel output rose 5%.", start=0, end=21, checkworthiness=0.9)
DEADLINE = 0.3


class FakeSource:
    """A Source that answers, raises or stalls as told (the protocol is duck-typed)."""

    type = "fake"

    def __init__(self, name, scores=(), error=None, stall=None):
        self.name = name
        self.scores = scores
        self.error = error
        self.stall = stall  # an Event to wait on before answering
        self.timeouts: list[float] = []

    def search(self, claim, as_of, timeout):
        self.timeouts.append(timeout)
        if self.stall is not None:
            self.stall.wait(5.0)
        if self.error is not None:
            raise self.error
        return [
            Evidence(self.name, f"{self.name} {i}", "text", score=s)
            for i, s in enumerate(self.scores)
        ]


@pytest.fixture
def release():
    event = threading.Event()
    yield event
    event.set()  # free the stalled workers before the executor shuts down


@pytest.fixture
def executor(release):
    pool = ThreadPoolExecutor(max_workers=4)
    yield pool
    release.set()
    pool.shutdown(wait=True)


def timed_gather(sources, executor, timeout=DEADLINE):
    started = time.monotonic()
    result = gather(sources, CLAIM, AS_OF, executor, timeout)
    return result, time.monotonic() - started


def test_one_slow_one_failing_one_buggy_one_fine(executor, release, caplog):
    sources = [
        FakeSource("slow", scores=(0.9,), stall=release),
        FakeSource("limited", error=SourceError("rate_limited", "HTTP 429", retry_after=3.0)),
        FakeSource("buggy", error=RuntimeError("adapter bug")),
        FakeSource("fine", scores=(0.4, 0.7)),
    ]
    with caplog.at_level(logging.WARNING, logger="service.sources.fanout"):
        (evidence, statuses), elapsed = timed_gather(sources, executor)
    assert elapsed < DEADLINE + LATE
    assert [(s.name, s.status, s.results) for s in statuses] == [
        ("slow", "timeout", 0),
        ("limited", "rate_limited", 0),
        ("buggy", "error", 0),
        ("fine", "ok", 2),
    ]
    assert [(e.source, e.score) for e in evidence] == [("fine", 0.7), ("fine", 0.4)]
    assert statuses[1].detail == "HTTP 429 (retry after 3 s)"
    assert statuses[2].detail == "internal error (RuntimeError)"
    assert "Traceback" not in (statuses[2].detail or "")
    [record] = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert "buggy" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[0] is RuntimeError


def test_latency_is_measured_per_source(executor, release):
    sources = [FakeSource("fine", scores=(0.5,)), FakeSource("slow", stall=release)]
    (_, statuses), _ = timed_gather(sources, executor)
    fine, slow = statuses
    # The fine one answers at once, the slow one is reported at the deadline (it stalls until
    # released); LATE is what a loaded machine may take to notice the deadline.
    assert 0.0 <= fine.latency_ms < DEADLINE * 1000
    assert DEADLINE * 1000 <= slow.latency_ms < (DEADLINE + LATE) * 1000
    assert all(round(s.latency_ms, 1) == s.latency_ms for s in statuses)


def test_evidence_from_all_sources_is_ordered_by_score(executor):
    sources = [FakeSource("a", scores=(0.2, 0.9)), FakeSource("b", scores=(0.5, 1.0, 0.2))]
    (evidence, statuses), _ = timed_gather(sources, executor)
    assert [e.score for e in evidence] == [1.0, 0.9, 0.5, 0.2, 0.2]
    assert [e.source for e in evidence][-2:] == ["a", "b"]  # ties keep the sources' order
    assert [s.status for s in statuses] == ["ok", "ok"]


@pytest.mark.parametrize(
    ("kind", "status", "detail"),
    [
        ("error", "error", "HTTP 500"),
        ("timeout", "timeout", "HTTP 500"),
        ("bad_payload", "error", "bad payload: HTTP 500"),
        ("rate_limited", "rate_limited", "HTTP 500"),
    ],
)
def test_source_error_kinds_become_statuses(executor, kind, status, detail):
    (evidence, [result]), _ = timed_gather(
        [FakeSource("s", error=SourceError(kind, "HTTP 500"))], executor
    )
    assert (evidence, result.status, result.detail) == ([], status, detail)


def test_each_source_gets_the_remaining_budget(executor):
    source = FakeSource("s", scores=(0.5,))
    timed_gather([source], executor, timeout=2.0)
    [given] = source.timeouts
    assert 1.9 < given <= 2.0


def test_a_source_still_queued_at_the_deadline_is_a_timeout(release):
    pool = ThreadPoolExecutor(max_workers=1)
    blocker, queued = FakeSource("blocker", stall=release), FakeSource("queued", scores=(0.5,))
    (evidence, statuses), elapsed = timed_gather([blocker, queued], pool)
    release.set()
    pool.shutdown(wait=True)
    assert [s.status for s in statuses] == ["timeout", "timeout"]
    assert evidence == [] and queued.timeouts == []  # never started
    assert elapsed < DEADLINE + LATE


def test_no_sources(executor):
    assert gather([], CLAIM, AS_OF, executor, DEADLINE) == ([], [])
