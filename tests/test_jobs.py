"""Background checks on the real Redis: queue, worker, polling, and a worker's death."""

import json
import os
import signal
import time

import pytest
from werkzeug import Response

from service import jobs
from service.config import Settings
from tests.conftest import REDIS_URL, start_worker

ASYNC = {"Prefer": "respond-async"}


def _poll(client, location, until, seconds=30, fail=True):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = client.get(location).get_json()
        if body["status"] in until:
            return body
        time.sleep(0.1)
    if fail:
        pytest.fail(f"job still {body['status']} after {seconds} s")
    return body


def test_respond_async_queues_the_check_and_a_worker_completes_it(make_app, worker_env, article):
    client = make_app(redis_url=REDIS_URL, cache_prefix=worker_env["FACTCHECK_CACHE_PREFIX"])
    client = client.test_client()
    response = client.post("/v1/checks", json={"text": article}, headers=ASYNC)
    assert response.status_code == 202
    assert response.headers["Preference-Applied"] == "respond-async"
    location = response.headers["Location"]
    queued = response.get_json()
    assert location.endswith(queued["id"])
    assert queued["status"] == "queued"
    assert client.get(location).get_json()["status"] == "queued"

    jobs.run_worker(Settings.load(), burst=True, maintenance_interval=1)

    done = client.get(location).get_json()
    assert done["status"] == "done"
    inline = client.post("/v1/checks", json={"text": article}).get_json()
    assert [c["text"] for c in done["report"]["claims"]] == [c["text"] for c in inline["claims"]]
    assert inline["cache"] == "hit", "the worker's verdicts are in the shared cache"


def test_without_redis_the_preference_is_ignored_and_the_report_comes_inline(client, article):
    response = client.post("/v1/checks", json={"text": article}, headers=ASYNC)
    assert response.status_code == 200
    assert "Preference-Applied" not in response.headers
    assert response.get_json()["claims"]


@pytest.mark.parametrize(
    "job_id", ["0b7c1c9e-0000-4000-8000-000000000000", "%F3%B1%8A%99", "a" * 65, "rq:job:x"]
)
def test_an_unknown_job_is_a_404_problem(make_app, worker_env, job_id):
    client = make_app(redis_url=REDIS_URL).test_client()
    response = client.get(f"/v1/checks/{job_id}")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"


def test_invalid_bodies_are_refused_before_queueing(make_app, worker_env):
    client = make_app(redis_url=REDIS_URL).test_client()
    response = client.post("/v1/checks", json={"text": "  "}, headers=ASYNC)
    assert response.status_code == 422


def _wait_for(condition, message, seconds=30):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(message)
        time.sleep(0.05)


def _slow_wikipedia(delay, arrivals=None):
    answer = {
        "batchcomplete": True,
        "query": {
            "pages": [
                {
                    "pageid": 1,
                    "ns": 0,
                    "title": "Nippon Steel",
                    "index": 1,
                    "fullurl": "https://en.wikipedia.org/wiki/Nippon_Steel",
                    "extract": "Nippon Steel agreed to buy U.S. Steel for $14.9 billion.",
                }
            ]
        },
    }

    def handler(request):
        if arrivals is not None:
            arrivals.append(time.monotonic())
        time.sleep(delay)
        return Response(json.dumps(answer), content_type="application/json")

    return handler


@pytest.mark.slow
def test_a_job_whose_worker_is_killed_is_run_again(make_app, worker_env, httpserver, tmp_path):
    arrivals = []  # requests as they arrive, before the answer (httpserver.log is written after)
    httpserver.expect_request("/w/api.php").respond_with_handler(_slow_wikipedia(2.0, arrivals))
    sources = tmp_path / "sources.yaml"
    url = httpserver.url_for("/w/api.php")
    sources.write_text(f"sources:\n  - {{name: wiki, type: wikipedia, base_url: '{url}'}}\n")
    env = {
        **os.environ,
        **worker_env,
        "FACTCHECK_SOURCES_FILE": str(sources),
        "FACTCHECK_JOB_TIMEOUT": "20",
        "FACTCHECK_JOB_GRACE": "1",
        "FACTCHECK_SOURCE_TIMEOUT": "4",
    }
    client = make_app(
        redis_url=REDIS_URL,
        sources_file=str(sources),
        cache_prefix=worker_env["FACTCHECK_CACHE_PREFIX"],
        job_timeout=20,  # the job's own timeout: its heartbeat lapses 20 + 1 s after it starts
    ).test_client()
    text = "Nippon Steel offered $15 billion for Pittsburgh-based U.S. Steel in December 2023."
    location = client.post("/v1/checks", json={"text": text}, headers=ASYNC).headers["Location"]

    log = (tmp_path / "workers.log").open("wb")
    first = start_worker(env, log)
    try:
        _poll(client, location, {"running"})
        _wait_for(lambda: arrivals, "the first worker never asked the source")
        os.kill(first.pid, signal.SIGKILL)  # mid-request: the source is still answering
        first.wait()
        assert client.get(location).get_json()["status"] == "running"
        second = start_worker(env, log)
        try:
            done = _poll(client, location, {"done", "failed"}, seconds=60, fail=False)
        finally:
            second.terminate()
            second.wait(timeout=20)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
        log.close()
    assert done["status"] == "done", (tmp_path / "workers.log").read_text()[-3000:]
    assert done["report"]["claims"][0]["evidence"][0]["title"] == "Nippon Steel"
    assert len(arrivals) >= 2, "the second worker asked the source again"


def test_an_idle_workers_stop_request_outlives_a_swallowed_stop_exception(worker_env):
    # SIGTERM inside a log call: logging swallows the StopRequested the handler raises.
    from rq.exceptions import StopRequested

    queue = jobs.create_queue(Settings.load(worker_env))
    worker = jobs.CheckWorker([queue], connection=queue.connection)
    with pytest.raises(StopRequested):
        worker._shutdown()
    assert worker._stop_requested, "the work loop's next turn stops the worker"
