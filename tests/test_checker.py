"""The checker end to end in-process: fan-out, single flight, failures, Redis outages."""

import json
import socket
import threading
import time
from datetime import date

import pytest
from werkzeug import Response

from service.app import build_wiring
from service.checker import CheckOptions
from service.config import Settings
from service.domain import Claim
from service.extraction import claim_from_text
from tests.conftest import LATE, REDIS_URL, settle

CLAIM_TEXT = "Nippon Steel offered $15 billion for Pittsburgh-based U.S. Steel."
# Annotated as the API annotates it: its "$15 billion" is a quantity the figure rule reads.
CLAIM = claim_from_text("c1", CLAIM_TEXT)
OPTIONS = CheckOptions(as_of=date(2025, 2, 8))

# A generator=search + prop=extracts|info answer, formatversion=2, as the Action API sends it.
WIKI_ANSWER = {
    "batchcomplete": True,
    "continue": {"gsroffset": 1, "continue": "gsroffset||"},
    "query": {
        "pages": [
            {
                "pageid": 2080547,
                "ns": 0,
                "title": "Nippon Steel",
                "index": 1,
                "contentmodel": "wikitext",
                "pagelanguage": "en",
                "touched": "2025-02-07T11:02:13Z",
                "lastrevid": 1274412345,
                "length": 45210,
                "fullurl": "https://en.wikipedia.org/wiki/Nippon_Steel",
                "editurl": "https://en.wikipedia.org/w/index.php?title=Nippon_Steel&action=edit",
                "canonicalurl": "https://en.wikipedia.org/wiki/Nippon_Steel",
                "extract": (
                    "Nippon Steel Corporation is a Japanese steel maker headquartered in Tokyo. "
                    "In December 2023 it agreed to buy Pittsburgh-based U.S. Steel for "
                    "$14.9 billion; President Joe Biden blocked the deal in January 2025."
                ),
            }
        ]
    },
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def two_sources(tmp_path, corpus_file, httpserver):
    """A sources file with the fixture corpus and a Wikipedia served by pytest-httpserver."""
    path = tmp_path / "sources.yaml"
    wiki_url = httpserver.url_for("/w/api.php")
    path.write_text(
        "sources:\n"
        f"  - {{name: local, type: corpus, path: {corpus_file}}}\n"
        f"  - {{name: wikipedia, type: wikipedia, base_url: '{wiki_url}'}}\n"
    )
    return path


@pytest.fixture
def wiring_for(two_sources, cache_prefix):
    made = []

    def build(**overrides):
        settings = Settings.load(
            environ={},
            overrides={"sources_file": str(two_sources), "cache_prefix": cache_prefix, **overrides},
        )
        wiring = build_wiring(settings)
        made.append(wiring)
        return wiring

    yield build
    for wiring in made:
        wiring.checker.close()


def _slow_answer(delay):
    def handler(request):
        time.sleep(delay)
        return Response(json.dumps(WIKI_ANSWER), content_type="application/json")

    return handler


@pytest.mark.parametrize("redis_url", ["", REDIS_URL], ids=["memory", "redis"])
def test_the_same_claim_requested_at_once_queries_the_sources_once(
    wiring_for, httpserver, redis_url
):
    httpserver.expect_request("/w/api.php").respond_with_handler(_slow_answer(0.3))
    checker = wiring_for(redis_url=redis_url).checker
    reports = []
    threads = [
        threading.Thread(target=lambda: reports.append(checker.check_claims([CLAIM], OPTIONS)))
        for _ in range(12)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(httpserver.log) == 1
    assert sorted(report.cache for report in reports) == ["hit"] * 11 + ["miss"]
    # One verdict for all, and the right one: "$14.9 billion" matches the claim's $15 billion.
    assert {report.claims[0].verdict.label for report in reports} == {"supported"}


def test_evidence_comes_from_both_sources_with_their_statuses(wiring_for, httpserver):
    httpserver.expect_request("/w/api.php").respond_with_json(WIKI_ANSWER)
    report = wiring_for().checker.check_claims([CLAIM], OPTIONS)
    statuses = {status.name: status.status for status in report.sources}
    assert statuses == {"local": "ok", "wikipedia": "ok"}
    sources = {item.source for item in report.claims[0].verdict.evidence}
    assert sources == {"local", "wikipedia"}


def test_a_failing_source_is_reported_and_the_others_still_answer(wiring_for, httpserver):
    httpserver.expect_request("/w/api.php").respond_with_data("upstream broke", status=500)
    report = wiring_for(source_timeout=2.0).checker.check_claims([CLAIM], OPTIONS)
    statuses = {status.name: status.status for status in report.sources}
    assert statuses == {"local": "ok", "wikipedia": "error"}
    verdict = report.claims[0].verdict
    assert verdict.evidence and {e.source for e in verdict.evidence} == {"local"}


@pytest.fixture
def stalled(httpserver):
    """Wikipedia answers only once the test has measured (or after 3 s), so a deadline that is
    not kept fails the test whatever the machine's load."""
    release = threading.Event()

    def handler(request):
        release.wait(3.0)
        return Response(json.dumps(WIKI_ANSWER), content_type="application/json")

    httpserver.expect_request("/w/api.php").respond_with_handler(handler)
    yield
    release.set()
    settle(httpserver)


@pytest.mark.usefixtures("stalled")
def test_a_hanging_source_costs_no_more_than_its_deadline(wiring_for):
    checker = wiring_for(source_timeout=0.5).checker
    started = time.perf_counter()
    report = checker.check_claims([CLAIM], OPTIONS)
    # LATE covers noticing the deadline and judging the corpus's passages on a loaded machine.
    assert time.perf_counter() - started < 0.5 + LATE
    assert {s.name: s.status for s in report.sources}["wikipedia"] == "timeout"


def test_when_every_source_fails_the_claim_is_unjudged_and_not_cached(
    wiring_for, httpserver, tmp_path
):
    httpserver.expect_request("/w/api.php").respond_with_data("<html>down</html>", status=503)
    checker = wiring_for(source_timeout=1.0).checker
    options = CheckOptions(as_of=date(2025, 2, 8), sources=("wikipedia",))
    first = checker.check_claims([CLAIM], options)
    verdict = first.claims[0].verdict
    assert verdict.label == "not_enough_evidence"
    assert "wikipedia" in verdict.rationale
    second = checker.check_claims([CLAIM], options)
    assert second.cache == "miss"
    assert len(httpserver.log) >= 2


def test_a_redis_outage_answers_uncached_and_readiness_says_degraded(make_app, article):
    app = make_app(redis_url=f"redis://127.0.0.1:{_free_port()}/0")
    client = app.test_client()
    response = client.post("/v1/checks", json={"text": article})
    assert response.status_code == 200
    report = response.get_json()
    assert report["cache"] == "unavailable"
    assert report["claims"] and all(c["verdict"]["rationale"] for c in report["claims"])
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.get_json()["status"] == "degraded"
    assert ready.get_json()["cache"] == "unavailable"


@pytest.mark.usefixtures("stalled")
def test_the_request_deadline_bounds_a_check_of_many_claims(wiring_for):
    # One claim at a time, each source allowed 2 s: without the request's deadline, 6 claims
    # would take 12 s; with it, 0.6 s plus the time to notice it and judge what came back.
    checker = wiring_for(source_timeout=2.0, request_timeout=0.6, workers=1).checker
    claims = [
        Claim(
            id=f"c{i}",
            text=f"Claim number {i} is about U.S. Steel.",  # a statement: judged
            start=0,
            end=30,
            checkworthiness=0.9,
        )
        for i in range(6)
    ]
    started = time.perf_counter()
    report = checker.check_claims(claims, OPTIONS)
    assert time.perf_counter() - started < 0.6 + LATE
    assert len(report.claims) == 6
    late = [r for r in report.claims if "time budget" in r.verdict.rationale]
    assert late, "claims past the request deadline say so"
