"""Liveness under load: a check keeps its time budget whatever the text, and /healthz answers
while big checks run (gunicorn's gthread workers)."""

import json
import threading
import time
from pathlib import Path

import pytest
import requests

from service import extraction
from service.cache import MemoryCache
from service.checker import CUT_SHORT, Checker, CheckOptions
from service.config import Settings
from service.domain import Verdict
from service.sources.registry import build_sources, load_sources_file
from tests.conftest import FIXTURES, LATE, Concurrency
from tests.test_container import _gunicorn

NAMES = ["Japan", "Germany", "Brazil", "Canada", "India", "Kenya", "Norway", "Chile"]
GOODS = ["steel", "wheat", "copper", "coffee", "timber", "cotton"]


def big_article(base: str, size: int = 199_000) -> str:
    """About `size` characters: the fixture article again and again, each time after a
    check-worthy sentence of its own, so the claims differ as a real long text's do."""
    parts, n = [], 0
    while sum(map(len, parts)) < size:
        name, good = NAMES[n % len(NAMES)], GOODS[n % len(GOODS)]
        parts.append(
            f"In {1950 + n % 70}, {name} exported {1000 + 37 * n:,} tonnes of {good}, "
            f"the ministry said.\n{base}\n\n"
        )
        n += 1
    return "".join(parts)[:size]


def test_extraction_reads_no_sentence_past_its_deadline(article):
    claims, read = extraction.extract_claims_until(article, deadline=time.perf_counter())
    assert (claims, read) == ([], 0)
    claims, read = extraction.extract_claims_until(article, deadline=time.perf_counter() + 3600)
    assert read == len(extraction.split_sentences(article))
    assert claims == extraction.extract_claims(article)


class SlowVerifier:
    """A verifier that takes `seconds` per claim (as an LLM verifier can)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def judge(self, claim, evidence, as_of, checked_at) -> Verdict:
        time.sleep(self.seconds)
        return Verdict("supported", 0.9, "slow but sure", as_of.isoformat(), checked_at)


@pytest.fixture
def slow_checker(sources_file):
    """A checker on the fixture corpus whose verifier takes 3 s a claim, with a 1 s budget."""
    settings = Settings.load(overrides={"sources_file": str(sources_file), "request_timeout": 1.0})
    sources = build_sources(load_sources_file(sources_file), requests.Session(), "tests/0")
    checker = Checker(settings, sources, MemoryCache(), SlowVerifier(3.0))
    yield checker
    checker.close()


def test_a_slow_verifier_does_not_hold_the_answer_past_the_budget(slow_checker, article):
    extraction.extract_claims(article)  # the model loaded before the clock starts
    started = time.perf_counter()
    report = slow_checker.check_article(article, CheckOptions())
    assert time.perf_counter() - started < 1.0 + LATE  # not 3 s per claim
    judged = [r for r in report.claims if not r.verdict.rationale.startswith("Not judged")]
    assert judged and all(r.verdict.label == "not_enough_evidence" for r in judged)
    assert all("time budget ran out" in r.verdict.rationale for r in judged)
    late = [note for note in report.notes if note.startswith(CUT_SHORT)]
    assert len(late) == 1 and all(r.claim.id in late[0] for r in judged)
    assert {status.status for status in report.sources} == {"timeout"}


def test_a_check_with_a_budget_of_its_own_takes_its_time(sources_file, article):
    # A background job's check runs on the job's budget (jobs.py), not the request's 1 s.
    settings = Settings.load(overrides={"sources_file": str(sources_file), "request_timeout": 1.0})
    sources = build_sources(load_sources_file(sources_file), requests.Session(), "tests/0")
    checker = Checker(settings, sources, MemoryCache(), SlowVerifier(1.5))
    try:
        report = checker.check_article(article, CheckOptions(budget=60.0))
    finally:
        checker.close()
    judged = [r for r in report.claims if not r.verdict.rationale.startswith("Not judged")]
    assert judged and all(r.verdict.rationale == "slow but sure" for r in judged)
    assert not [note for note in report.notes if note.startswith(CUT_SHORT)]


def test_a_text_too_long_for_the_budget_is_read_in_part_and_says_so(make_app, article):
    app = make_app(request_timeout=0.0)
    response = app.test_client().post("/v1/checks", json={"text": article})
    assert response.status_code == 200
    report = response.get_json()
    assert report["claims"] == [] and report["sentences"] > 0
    assert report["notes"][0].startswith(CUT_SHORT)
    assert f"reading 0 of the text's {report['sentences']} sentences" in report["notes"][0]


@pytest.fixture
def stalling_source(threaded_server, corpus_file, tmp_path):
    """A sources file: the fixture corpus and an archive API that takes 2 s to answer."""
    payload = (FIXTURES / "http_json" / "search_news.json").read_text(encoding="utf-8")
    stall = Concurrency(lambda request: _json(payload), seconds=2.0)
    threaded_server.expect_request("/api/search").respond_with_handler(stall)
    archive = {
        "name": "archive",
        "type": "http_json",
        "url": threaded_server.url_for("/api/search") + "?q={query}&n={limit}",
        "results": "data.hits",
        "fields": {"title": "headline", "snippet": "/summary/text", "url": "link"},
    }
    local = {"name": "local", "type": "corpus", "path": str(corpus_file)}
    path = tmp_path / "sources.yaml"
    path.write_text(json.dumps({"sources": [local, archive]}))  # JSON is YAML
    return path, stall


def _json(text: str):
    from werkzeug import Response

    return Response(text, mimetype="application/json")


@pytest.mark.slow
def test_healthz_answers_while_big_checks_run_and_each_keeps_its_budget(
    stalling_source, article, cache_prefix, tmp_path
):
    sources, stall = stalling_source
    budget = 6.0
    settings = {
        "FACTCHECK_SOURCES_FILE": str(sources),
        "FACTCHECK_REDIS_URL": "redis://127.0.0.1:6379/0",
        "FACTCHECK_CACHE_PREFIX": cache_prefix,
        "FACTCHECK_REQUEST_TIMEOUT": str(budget),
        "FACTCHECK_SOURCE_TIMEOUT": "4",
    }
    texts = [big_article(article), big_article(article.replace("Japan", "Korea"))]
    assert all(len(text.encode()) > 190_000 for text in texts)
    answers: list[dict] = [{}, {}]

    def check(i: int, base: str) -> None:
        started = time.perf_counter()
        answer = requests.post(f"{base}/v1/checks", json={"text": texts[i]}, timeout=120)
        answers[i] = {"seconds": time.perf_counter() - started, "answer": answer}

    with _gunicorn(tmp_path / "gunicorn.log", **settings) as base:
        checks = [threading.Thread(target=check, args=(i, base)) for i in range(2)]
        for thread in checks:
            thread.start()
        # Once the archive is asked, the checks are past extraction, judging claims.
        deadline = time.monotonic() + budget + 30
        while stall.peak == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        health = requests.get(f"{base}/healthz", timeout=60)
        running = [thread.is_alive() for thread in checks]
        for thread in checks:
            thread.join(timeout=120)
    assert stall.peak > 0, "no check reached the sources"
    assert health.status_code == 200
    assert running == [True, True], "/healthz waited for a check to finish"
    for result in answers:
        assert result["answer"].status_code == 200
        assert result["seconds"] < budget + 2 * LATE
        notes = result["answer"].json()["notes"]
        assert any(note.startswith(CUT_SHORT) for note in notes), notes


def test_the_container_runs_threaded_workers():
    """gunicorn.conf.py (read by the Dockerfile's CMD) serves with threads, GUNICORN_THREADS."""
    namespace: dict = {}
    exec((Path(__file__).parent.parent / "gunicorn.conf.py").read_text(), namespace)
    assert namespace["worker_class"] == "gthread" and namespace["threads"] >= 2
