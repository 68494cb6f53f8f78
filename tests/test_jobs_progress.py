"""Progress of a check: claims done / total, as the checker reports it and a job shows it."""

import pytest

from service import jobs
from service.checker import CheckOptions
from service.config import Settings
from tests.conftest import REDIS_URL

ASYNC = {"Prefer": "respond-async"}


def test_the_checker_reports_each_verdict_as_it_arrives(app, article):
    calls = []
    checker = app.extensions["factcheck"].checker
    report = checker.check_article(article, CheckOptions(), lambda *args: calls.append(args))
    total = len(report.claims)
    assert total > 1
    assert {seen_total for _, seen_total in calls} == {total}
    done = [seen_done for seen_done, _ in calls]
    assert done == list(range(done[0], total + 1)), "once at the start, then once per verdict"


def test_a_text_without_claims_reports_zero_of_zero(app):
    calls = []
    checker = app.extensions["factcheck"].checker
    checker.check_article("Bonjour à tous.", CheckOptions(), lambda *args: calls.append(args))
    assert calls == [(0, 0)]


@pytest.fixture
def worker_env(monkeypatch, sources_file, cache_prefix):
    """FACTCHECK_* variables for an in-process burst worker, on a test prefix."""
    monkeypatch.setenv("FACTCHECK_REDIS_URL", REDIS_URL)
    monkeypatch.setenv("FACTCHECK_SOURCES_FILE", str(sources_file))
    monkeypatch.setenv("FACTCHECK_CACHE_PREFIX", cache_prefix)
    monkeypatch.setattr(jobs, "_wiring", None)
    yield cache_prefix
    if jobs._wiring is not None:
        jobs._wiring.checker.close()


def test_a_background_check_shows_claims_done_over_total(make_app, worker_env, article):
    client = make_app(redis_url=REDIS_URL, cache_prefix=worker_env).test_client()
    queued = client.post("/v1/checks", json={"text": article}, headers=ASYNC)
    assert queued.get_json()["progress"] is None, "unknown until the claims are extracted"
    location = queued.headers["Location"]
    assert client.get(location).get_json()["progress"] is None

    jobs.run_worker(Settings.load(), burst=True, maintenance_interval=1)

    done = client.get(location).get_json()
    assert done["status"] == "done"
    claims = len(done["report"]["claims"])
    assert claims > 1
    assert done["progress"] == {"done": claims, "total": claims}
