"""Batches and cancels on the real Redis, with real RQ workers (in-process burst, or processes)."""

import os
import time

import pytest
import redis
from rq.job import Job
from rq.serializers import JSONSerializer

from service import jobs
from service.config import Settings
from tests.conftest import REDIS_URL, start_worker
from tests.test_jobs import _slow_wikipedia

ASYNC = {"Prefer": "respond-async"}
PARIS = "Paris is the capital of France."


@pytest.fixture
def make_client(make_app, worker_env):
    """Test clients of apps on the real Redis, webhooks allowed to 127.0.0.1 over http."""

    def make(**overrides):
        settings = {
            "redis_url": REDIS_URL,
            "cache_prefix": worker_env["FACTCHECK_CACHE_PREFIX"],
            "webhook_hosts": "127.0.0.1",
            "webhook_allow_http": True,
            **overrides,
        }
        return make_app(**settings).test_client()

    return make


@pytest.fixture
def client(make_client):
    return make_client()


def _work() -> None:
    """Run the queue empty in this process."""
    jobs.run_worker(Settings.load(), burst=True, maintenance_interval=1)


def _poll(client, location, until, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = client.get(location).get_json()
        if until(body):
            return body
        time.sleep(0.05)
    pytest.fail(f"not reached after {seconds} s: {body}")


def test_a_batch_is_queued_and_each_article_checked_by_a_worker(client, article):
    body = {
        "articles": [
            {"id": "first", "text": article, "url": "https://news.example/a"},
            {"text": PARIS, "max_claims": 1},
        ],
        "max_claims": 3,
    }
    response = client.post("/v1/batches", json=body)
    assert response.status_code == 202
    queued = response.get_json()
    assert response.headers["Location"] == f"/v1/batches/{queued['id']}"
    assert response.headers["Retry-After"] == "2"
    assert queued["status"] == "queued"
    assert [(a["index"], a["id"], a["status"]) for a in queued["articles"]] == [
        (0, "first", "queued"),
        (1, None, "queued"),
    ]
    assert queued["progress"] == {
        "articles": {"done": 0, "total": 2},
        "claims": {"done": 0, "total": 0},
    }
    assert "webhook" not in queued
    polled = client.get(response.headers["Location"])
    assert polled.get_json()["status"] == "queued"
    assert polled.headers["Retry-After"] == "2"

    _work()

    done = client.get(response.headers["Location"])
    assert "Retry-After" not in done.headers
    batch = done.get_json()
    assert batch["status"] == "done"
    reports = [client.get(a["check"]).get_json() for a in batch["articles"]]
    assert [a["check"] for a in batch["articles"]] == [
        f"/v1/checks/{a['job_id']}" for a in queued["articles"]
    ]
    claims = [len(r["report"]["claims"]) for r in reports]
    assert claims[0] == 3, "the shared max_claims"
    assert claims[1] == 1
    assert batch["progress"] == {
        "articles": {"done": 2, "total": 2},
        "claims": {"done": 4, "total": 4},
    }
    assert [a["progress"] for a in batch["articles"]] == [
        {"done": 3, "total": 3},
        {"done": 1, "total": 1},
    ]
    inline = client.post("/v1/checks", json={"text": PARIS}).get_json()
    assert [c["verdict"]["label"] for c in reports[1]["report"]["claims"]] == [
        c["verdict"]["label"] for c in inline["claims"]
    ]


def test_a_batch_article_report_is_served_as_claimreview(client, article):
    body = {
        "articles": [
            {
                "text": article,
                "url": "https://news.example/a",
                "review_url": "https://reviews.example/a",
            }
        ],
        "published_at": "2025-02-08",
    }
    location = client.post("/v1/batches", json=body).headers["Location"]
    _work()
    check = client.get(location).get_json()["articles"][0]["check"]
    plain = client.get(check).get_json()["report"]

    for response in (
        client.get(f"{check}?format=claimreview"),
        client.get(check, headers={"Accept": "application/ld+json"}),
    ):
        assert response.status_code == 200
        assert response.mimetype == "application/ld+json"
        document = response.get_json()
        assert document["@context"] == "https://schema.org"
        reviews = document["@graph"]
        assert [r["claimReviewed"] for r in reviews] == [c["text"] for c in plain["claims"]]
        assert reviews[0]["url"] == f"https://reviews.example/a#{plain['claims'][0]['id']}"
        assert reviews[0]["itemReviewed"]["appearance"]["url"] == "https://news.example/a"
        assert reviews[0]["itemReviewed"]["datePublished"] == "2025-02-08"
    assert client.get(f"{check}?format=json").mimetype == "application/json"


def test_a_single_background_check_gives_retry_after_and_claimreview(client):
    response = client.post("/v1/checks", json={"text": PARIS}, headers=ASYNC)
    location = response.headers["Location"]
    queued = client.get(f"{location}?format=claimreview")
    assert queued.mimetype == "application/json", "no report yet: the state"
    assert queued.get_json()["status"] == "queued"
    assert queued.headers["Retry-After"] == "2"
    _work()
    done = client.get(f"{location}?format=claimreview")
    assert "Retry-After" not in done.headers
    assert done.mimetype == "application/ld+json"
    [review] = done.get_json()["@graph"]
    assert review["claimReviewed"] == PARIS
    assert review["reviewRating"]["alternateName"] == "Not enough evidence"


def test_a_queued_check_is_cancelled_and_never_run(client):
    location = client.post("/v1/checks", json={"text": PARIS}, headers=ASYNC).headers["Location"]
    cancelled = client.delete(location)
    assert cancelled.status_code == 200
    assert cancelled.get_json()["status"] == "cancelled"
    again = client.delete(location)
    assert (again.status_code, again.get_json()["status"]) == (200, "cancelled")

    _work()

    polled = client.get(location)
    assert "Retry-After" not in polled.headers
    assert polled.get_json()["status"] == "cancelled"
    assert "report" not in polled.get_json()


def test_a_finished_check_or_batch_cannot_be_cancelled(client):
    check = client.post("/v1/checks", json={"text": PARIS}, headers=ASYNC).headers["Location"]
    batch = client.post("/v1/batches", json={"articles": [{"text": PARIS}]}).headers["Location"]
    _work()
    for location in (check, batch):
        response = client.delete(location)
        assert response.status_code == 409
        assert response.mimetype == "application/problem+json"
        assert client.get(location).get_json()["status"] == "done"


def test_a_queued_batch_is_cancelled_and_its_webhook_says_so(client, httpserver):
    httpserver.expect_oneshot_request("/hook", method="POST").respond_with_data("", status=204)
    body = {
        "articles": [{"text": PARIS}, {"text": "Berlin is the capital of Germany."}],
        "webhook": httpserver.url_for("/hook"),
    }
    created = client.post("/v1/batches", json=body)
    location = created.headers["Location"]
    assert created.get_json()["webhook"] == {
        "url": httpserver.url_for("/hook"),
        "status": "waiting",
        "attempts": 0,
    }
    response = client.delete(location)
    assert response.status_code == 200
    cancelled = response.get_json()
    assert cancelled["status"] == "cancelled"
    assert {a["status"] for a in cancelled["articles"]} == {"cancelled"}
    assert cancelled["progress"]["articles"] == {"done": 2, "total": 2}
    assert cancelled["webhook"]["status"] == "pending"
    assert client.delete(location).get_json()["status"] == "cancelled", "idempotent"

    _work()  # the articles are gone from the queue; the webhook's delivery is not

    batch = client.get(location).get_json()
    assert "Retry-After" not in client.get(location).headers
    assert batch["status"] == "cancelled"
    assert all(
        client.get(a["check"]).get_json()["status"] == "cancelled" for a in batch["articles"]
    )
    assert batch["webhook"]["status"] == "delivered"
    (request, _), *rest = httpserver.log
    assert rest == []
    assert request.json["status"] == "cancelled"
    assert request.json["articles"] == {"cancelled": 2}


def test_the_webhook_is_posted_once_when_the_batch_finishes(client, httpserver):
    httpserver.expect_oneshot_request("/hooks/batch", method="POST").respond_with_data("ok")
    url = httpserver.url_for("/hooks/batch?token=abc")
    body = {"articles": [{"text": PARIS}, {"text": "Berlin is the capital of Germany."}]}
    created = client.post("/v1/batches", json={**body, "webhook": url}).get_json()

    _work()

    batch = client.get(f"/v1/batches/{created['id']}").get_json()
    assert batch["status"] == "done"
    assert batch["webhook"] == {
        "url": url,
        "status": "delivered",
        "attempts": 1,
        "response_status": 200,
        "error": None,
    }
    assert len(httpserver.log) == 1
    request = httpserver.log[0][0]
    assert request.args["token"] == "abc"
    assert request.headers["User-Agent"].startswith("factcheck-service/")
    assert request.json == {
        "id": created["id"],
        "status": "done",
        "articles": {"done": 2},
        "links": {"self": f"http://localhost/v1/batches/{created['id']}"},
    }


def test_a_webhook_that_fails_is_retried_and_recorded_but_the_batch_is_done(
    client, httpserver, monkeypatch
):
    monkeypatch.setattr("service.webhooks.BACKOFF", 0.0)
    httpserver.expect_request("/hook").respond_with_data("down", status=503)
    body = {"articles": [{"text": PARIS}], "webhook": httpserver.url_for("/hook")}
    location = client.post("/v1/batches", json=body).headers["Location"]

    _work()

    batch = client.get(location).get_json()
    assert batch["status"] == "done"
    assert batch["webhook"] == {
        "url": httpserver.url_for("/hook"),
        "status": "failed",
        "attempts": 3,
        "response_status": 503,
        "error": "HTTP 503",
    }
    assert len(httpserver.log) == 3


def _problem(response, status):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    return response.get_json()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"articles": []}, "articles"),
        ({}, "articles"),
        ({"articles": [{"text": "  "}]}, "articles"),
        ({"articles": [{"text": PARIS, "colour": "red"}]}, "articles"),
        ({"articles": [{"text": PARIS}], "text": PARIS}, "text"),
        ({"articles": [{"text": PARIS}], "webhook": "ftp://127.0.0.1/x"}, "webhook"),
        ({"articles": [{"text": PARIS}], "max_claims": 0}, "max_claims"),
        ({"articles": [{"text": PARIS, "sources": ["nowhere"]}]}, "articles"),
        ({"articles": [{"text": PARIS}], "sources": ["nowhere"]}, "articles"),
        ({"articles": [{"text": PARIS}] * 3}, "articles"),
    ],
)
def test_bad_batches_are_refused_with_a_problem(make_client, body, field):
    client = make_client(batch_max_articles=2)
    problem = _problem(client.post("/v1/batches", json=body), 422)
    assert field in problem["errors"]


def test_a_webhook_off_the_allow_list_is_refused_naming_it(make_client):
    client = make_client(webhook_hosts="hooks.example.org, 127.0.0.1", webhook_allow_http=False)
    for url in (
        "https://elsewhere.example/hook",
        "https://hooks.example.org.evil.example/hook",
        "https://hooks.example.org@evil.example/hook",
        "https://user:secret@hooks.example.org/hook",
        "http://hooks.example.org/hook",
    ):
        body = {"articles": [{"text": PARIS}], "webhook": url}
        problem = _problem(client.post("/v1/batches", json=body), 422)
        [message] = problem["errors"]["webhook"]
        assert "hooks.example.org, 127.0.0.1" in message, url
    body = {"articles": [{"text": PARIS}], "webhook": "https://hooks.example.org:8443/h?x=1"}
    assert client.post("/v1/batches", json=body).status_code == 202


def test_without_an_allow_list_webhooks_are_off(make_client):
    client = make_client(webhook_hosts="")
    body = {"articles": [{"text": PARIS}], "webhook": "https://127.0.0.1/hook"}
    problem = _problem(client.post("/v1/batches", json=body), 422)
    assert "FACTCHECK_WEBHOOK_HOSTS" in problem["errors"]["webhook"][0]
    assert client.post("/v1/batches", json={"articles": [{"text": PARIS}]}).status_code == 202


def test_a_batch_is_json_only(client):
    response = client.post("/v1/batches", data=PARIS, content_type="text/plain")
    _problem(response, 415)


@pytest.mark.parametrize("batch_id", ["0" * 32, "not-a-batch", "a" * 65, "%F3%B1%8A%99"])
@pytest.mark.parametrize("method", ["get", "delete"])
def test_an_unknown_batch_or_check_is_a_404_problem(client, batch_id, method):
    _problem(getattr(client, method)(f"/v1/batches/{batch_id}"), 404)
    _problem(getattr(client, method)(f"/v1/checks/{batch_id}"), 404)


def test_without_redis_batches_are_unavailable(make_app):
    client = make_app().test_client()
    problem = _problem(client.post("/v1/batches", json={"articles": [{"text": PARIS}]}), 503)
    assert "FACTCHECK_REDIS_URL" in problem["detail"]
    _problem(client.get("/v1/batches/" + "0" * 32), 503)
    _problem(client.delete("/v1/checks/x"), 404)


def test_the_document_states_the_limits_in_force(make_client):
    spec = make_client(batch_max_articles=7).get("/openapi.json").get_json()
    request = spec["components"]["schemas"]["BatchRequest"]["properties"]
    assert request["articles"]["maxItems"] == 7
    assert request["webhook"]["pattern"].startswith("^https?://(?:127\\.0\\.0\\.1)")
    assert request["sources"]["items"]["enum"] == ["local"]
    assert spec["components"]["schemas"]["BatchArticle"]["properties"]["sources"]["items"][
        "enum"
    ] == ["local"]
    batch = spec["paths"]["/v1/batches/{batch_id}"]
    assert set(batch["get"]["responses"]) >= {"200", "404", "503"}
    assert set(batch["delete"]["responses"]) >= {"200", "404", "409", "503"}
    assert "Retry-After" in batch["get"]["responses"]["200"]["headers"]
    assert set(spec["paths"]["/v1/batches"]["post"]["responses"]) >= {"202", "415", "422", "503"}
    check = spec["paths"]["/v1/checks/{job_id}"]
    assert set(check["delete"]["responses"]) >= {"200", "404", "409", "503"}
    assert "application/ld+json" in check["get"]["responses"]["200"]["content"]
    off = make_client(webhook_hosts="").get("/openapi.json").get_json()
    assert "webhook" not in off["components"]["schemas"]["BatchRequest"]["properties"]


@pytest.mark.slow
def test_a_running_batch_is_stopped_at_its_next_claim(
    make_client, worker_env, threaded_server, httpserver, article, tmp_path
):
    arrivals = []
    wiki = threaded_server
    wiki.expect_request("/w/api.php").respond_with_handler(_slow_wikipedia(1.0, arrivals))
    httpserver.expect_oneshot_request("/hook", method="POST").respond_with_data("")
    sources = tmp_path / "sources.yaml"
    url = wiki.url_for("/w/api.php")
    sources.write_text(f"sources:\n  - {{name: wiki, type: wikipedia, base_url: '{url}'}}\n")
    env = {
        **os.environ,
        **worker_env,
        "FACTCHECK_SOURCES_FILE": str(sources),
        "FACTCHECK_WORKERS": "1",  # one claim at a time: a boundary every second
    }
    client = make_client(sources_file=str(sources))
    body = {
        "articles": [{"text": article}, {"text": article, "id": "second"}],
        "webhook": httpserver.url_for("/hook"),
    }
    location = client.post("/v1/batches", json=body).headers["Location"]

    log = (tmp_path / "worker.log").open("wb")
    worker = start_worker(env, log)
    try:
        running = _poll(
            client, location, lambda b: (b["articles"][0]["progress"] or {}).get("total")
        )
        assert running["status"] == "running"
        assert (
            running["articles"][0]["progress"]["done"] < running["articles"][0]["progress"]["total"]
        )
        response = client.delete(location)
        assert response.status_code == 200
        cancelled = response.get_json()
        assert cancelled["status"] == "cancelled"
        assert [a["status"] for a in cancelled["articles"]] == ["cancelled", "cancelled"]
        batch = _poll(client, location, lambda b: b["webhook"]["status"] == "delivered")
        # One claim thread: a check queued now is judged after any claim left behind.
        after = client.post("/v1/checks", json={"text": PARIS}, headers=ASYNC)
        _poll(client, after.headers["Location"], lambda b: b["status"] == "done")
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        log.close()
    worker_log = (tmp_path / "worker.log").read_text()
    first, second = (
        Job.fetch(
            a["job_id"], connection=redis.Redis.from_url(REDIS_URL), serializer=JSONSerializer
        )
        for a in batch["articles"]
    )
    assert first.get_status() in {"stopped", "failed"}, worker_log
    runs = [line for line in worker_log.splitlines() if "run_check(" in line and first.id in line]
    assert len(runs) == 1, "run once, not retried"
    assert f"job {first.id}: cancelled, stopped at a claim boundary" in worker_log
    progress = first.meta["progress"]
    assert progress["done"] < progress["total"], "it stopped before its last claim"
    # The cancelled check's claims (one running, at most one more begun) and the later one:
    # had its claims not begun been left queued, all of them would have come first.
    assert len(arrivals) <= progress["total"], "the claims not begun were dropped"
    assert second.get_status() == "canceled" and second.started_at is None
    assert client.get(f"/v1/checks/{first.id}").get_json()["status"] == "cancelled"
    (request, _), *rest = httpserver.log
    assert (request.json["status"], request.json["articles"], rest) == (
        "cancelled",
        {"cancelled": 2},
        [],
    )
