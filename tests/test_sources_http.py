"""The HTTP layer of online sources: retries, Retry-After, per-host limits, the response cache."""

import datetime
import email.utils
import json
import logging
import random
import socket
import threading
import time

import pytest
import redis
import requests
import urllib3
from werkzeug import Response

from service.sources import http as http_module
from service.sources import http_answer
from service.sources.base import SourceError
from service.sources.http import HttpClient, RetryPolicy, cache_key, unresolvable
from service.sources.response_cache import MemoryResponseCache, RedisResponseCache
from tests.conftest import LATE, REDIS_URL, Concurrency, settle

USER_AGENT = "factcheck-tests/0.1 (ops@example.org) requests/2"
PATH = "/api"
OK = {"results": [1, 2, 3]}


def results(payload):
    """A parser in the sources' style: the list, or a SourceError."""
    if not isinstance(payload, dict) or not isinstance(payload.get("results"), list):
        raise SourceError("bad_payload", "no results")
    if payload.get("error") == "maxlag":
        raise SourceError("rate_limited", "lagged", retry_after=5.0)
    return payload["results"]


@pytest.fixture
def client(http):
    return HttpClient(http, USER_AGENT, rng=random.Random(7))


def get(client, server, timeout=3.0, **kwargs):
    return client.get_json(
        server.url_for(PATH),
        {"q": "x"},
        deadline=time.monotonic() + timeout,
        parse=results,
        **kwargs,
    )


def test_a_plain_answer_with_the_user_agent(client, httpserver):
    httpserver.expect_request(PATH, query_string="q=x").respond_with_json(OK)
    assert get(client, httpserver) == [1, 2, 3]
    [(request, _)] = httpserver.log
    assert request.headers["User-Agent"] == USER_AGENT
    assert request.headers["Accept"] == "application/json"


@pytest.mark.parametrize("status", [500, 502, 503, 504, 429])
def test_transient_statuses_are_retried_then_succeed(client, httpserver, status):
    httpserver.expect_ordered_request(PATH).respond_with_data("busy", status=status)
    httpserver.expect_ordered_request(PATH).respond_with_json(OK)
    assert get(client, httpserver) == [1, 2, 3]
    assert len(httpserver.log) == 2


def test_attempts_are_bounded(client, httpserver):
    httpserver.expect_request(PATH).respond_with_data("down", status=500)
    with pytest.raises(SourceError) as caught:
        get(client, httpserver, retry=RetryPolicy(attempts=3, backoff=0.01))
    assert (caught.value.kind, str(caught.value)) == ("error", "HTTP 500")
    assert len(httpserver.log) == 3


@pytest.mark.parametrize("status", [400, 401, 403, 404])
def test_client_errors_are_not_retried(client, httpserver, status):
    httpserver.expect_request(PATH).respond_with_data("no", status=status)
    with pytest.raises(SourceError) as caught:
        get(client, httpserver)
    assert caught.value.kind == "error"
    assert len(httpserver.log) == 1


def test_backoff_grows_exponentially_with_jitter():
    policy, rng = RetryPolicy(backoff=0.2, max_backoff=1.0), random.Random(1)
    waits = [
        [http_module._backoff(policy, attempt, rng) for attempt in range(4)] for _ in range(50)
    ]
    for attempt, ceiling in enumerate([0.2, 0.4, 0.8, 1.0]):
        column = [w[attempt] for w in waits]
        assert all(ceiling / 2 <= w <= ceiling for w in column)
        assert len(set(column)) > 1  # jitter: not every client waits the same


def test_retry_after_in_seconds_is_honoured(client, httpserver):
    httpserver.expect_ordered_request(PATH).respond_with_data(
        "slow down", status=429, headers={"Retry-After": "1"}
    )
    httpserver.expect_ordered_request(PATH).respond_with_json(OK)
    started = time.monotonic()
    assert get(client, httpserver, timeout=5.0) == [1, 2, 3]
    # It waited what it was asked to, and not towards the 5 s deadline (LATE: a loaded machine).
    assert 1.0 <= time.monotonic() - started < 1.0 + LATE


def test_retry_after_as_an_http_date_past_the_deadline(client, httpserver):
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=30)
    header = email.utils.format_datetime(later, usegmt=True)
    httpserver.expect_request(PATH).respond_with_data(
        "", status=503, headers={"Retry-After": header}
    )
    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        get(client, httpserver, timeout=5.0)
    assert caught.value.kind == "error"
    # Given up at once: sleeping towards the 5 s deadline (or the 30 s) would take past LATE.
    assert time.monotonic() - started < LATE and len(httpserver.log) == 1


def test_a_429_past_the_deadline_reports_its_retry_after(client, httpserver):
    httpserver.expect_request(PATH).respond_with_data("", status=429, headers={"Retry-After": "60"})
    with pytest.raises(SourceError) as caught:
        get(client, httpserver, timeout=1.0)
    assert (caught.value.kind, caught.value.retry_after) == ("rate_limited", 60.0)


def test_a_rate_limit_inside_a_200_answer_is_retried_after_its_retry_after(client, httpserver):
    httpserver.expect_ordered_request(PATH).respond_with_json(
        {"results": [], "error": "maxlag"}, headers={"Retry-After": "0"}
    )
    httpserver.expect_ordered_request(PATH).respond_with_json(OK)
    assert get(client, httpserver) == [1, 2, 3]


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ('{"results": [1, 2', "bad_payload"),  # truncated
        ("<html>Service Unavailable</html>", "bad_payload"),
        ('{"results": "none"}', "bad_payload"),
    ],
)
def test_bad_bodies_are_not_retried(client, httpserver, body, kind):
    httpserver.expect_request(PATH).respond_with_data(body, content_type="application/json")
    with pytest.raises(SourceError) as caught:
        get(client, httpserver)
    assert caught.value.kind == kind
    assert len(httpserver.log) == 1


def test_an_oversized_answer_is_refused(client, httpserver, monkeypatch):
    monkeypatch.setattr(http_answer, "MAX_BYTES", 1000)
    httpserver.expect_request(PATH).respond_with_json({"results": ["x" * 2000]})
    with pytest.raises(SourceError) as caught:
        get(client, httpserver)
    assert caught.value.kind == "bad_payload"


def test_a_refused_connection_is_retried_then_an_error(client):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        client.get_json(
            f"http://127.0.0.1:{port}/api",
            {"key": "secret-value"},
            deadline=time.monotonic() + 5.0,
            parse=results,
            retry=RetryPolicy(attempts=3, backoff=0.05),
        )
    assert caught.value.kind == "error"
    assert "secret-value" not in str(caught.value)
    # Three refusals and two short backoffs, not a wait towards the 5 s deadline.
    assert time.monotonic() - started < LATE


def test_a_hanging_server_is_a_timeout_at_the_deadline(client, httpserver):
    release = threading.Event()

    def hang(request):
        release.wait(3.0)
        return Response(json.dumps(OK), content_type="application/json")

    httpserver.expect_request(PATH).respond_with_handler(hang)
    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        get(client, httpserver, timeout=0.3)
    release.set()
    settle(httpserver)
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 0.3 + LATE


def test_no_more_than_max_per_host_requests_at_once(http, threaded_server):
    slow = Concurrency(lambda _: Response(json.dumps(OK), content_type="application/json"), 0.15)
    threaded_server.expect_request(PATH).respond_with_handler(slow)
    client = HttpClient(http, USER_AGENT, max_per_host=2)
    threads = [threading.Thread(target=get, args=(client, threaded_server)) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(threaded_server.log) == 6
    assert slow.peak == 2


def test_waiting_for_a_slot_past_the_deadline_is_a_timeout(http, httpserver):
    client = HttpClient(http, USER_AGENT, max_per_host=1)
    slot = client._slot(httpserver.url_for(PATH))
    slot.acquire()
    try:
        with pytest.raises(SourceError) as caught:
            get(client, httpserver, timeout=0.2)
    finally:
        slot.release()
    assert caught.value.kind == "timeout" and httpserver.log == []


def test_a_repeated_query_is_answered_from_the_cache(http, httpserver):
    client = HttpClient(http, USER_AGENT, cache=MemoryResponseCache())
    httpserver.expect_request(PATH).respond_with_json(OK)
    assert get(client, httpserver, cache_ttl=60) == get(client, httpserver, cache_ttl=60)
    assert len(httpserver.log) == 1
    get(client, httpserver, cache_ttl=0)  # a source with caching off always asks
    assert len(httpserver.log) == 2


def test_failures_and_rejected_answers_are_not_cached(http, httpserver):
    client = HttpClient(http, USER_AGENT, cache=MemoryResponseCache())
    httpserver.expect_ordered_request(PATH).respond_with_json({"results": "none"})
    httpserver.expect_ordered_request(PATH).respond_with_data("", status=404)
    httpserver.expect_ordered_request(PATH).respond_with_json(OK)
    for _ in range(2):
        with pytest.raises(SourceError):
            get(client, httpserver, cache_ttl=60)
    assert get(client, httpserver, cache_ttl=60) == [1, 2, 3]
    assert len(httpserver.log) == 3


def test_the_memory_cache_expires_and_stays_bounded(monkeypatch):
    cache, now = MemoryResponseCache(max_entries=2), [100.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    cache.set("a", b"1", ttl=10)
    cache.set("b", b"2", ttl=10)
    cache.set("c", b"3", ttl=10)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (None, b"2", b"3")
    now[0] += 11
    assert cache.get("b") is None


def test_the_redis_cache_keeps_answers_under_the_prefix(cache_prefix):
    client = redis.Redis.from_url(REDIS_URL)
    cache = RedisResponseCache(client, cache_prefix)
    key = cache_key("https://api.example.org/search", {"q": "steel", "key": "secret"})
    cache.set(key, b'{"results": []}', ttl=30)
    assert cache.get(key) == b'{"results": []}'
    [stored] = client.keys(f"{cache_prefix}:*")
    assert stored.decode() == f"{cache_prefix}:v1:http:{key}" and b"secret" not in stored
    assert 0 < client.ttl(stored) <= 30
    client.close()


def test_a_redis_outage_is_a_cache_miss_and_pauses_the_cache(caplog, monkeypatch):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = redis.Redis.from_url(f"redis://127.0.0.1:{port}/0", socket_connect_timeout=0.2)
    cache = RedisResponseCache(client)
    calls = []
    real_get = client.get
    monkeypatch.setattr(client, "get", lambda key: calls.append(key) or real_get(key))
    with caplog.at_level(logging.INFO):
        assert cache.get("k") is None
        cache.set("k", b"v", ttl=10)
        assert cache.get("k") is None
    assert "response cache unavailable" in caplog.text
    assert len(calls) == 1  # paused after the first failure
    client.close()


def test_cache_keys_ignore_parameter_order():
    a = cache_key("https://x.org/api", {"a": 1, "b": "two"})
    assert a == cache_key("https://x.org/api", {"b": "two", "a": "1"})
    assert a != cache_key("https://x.org/api", {"a": 1, "b": "three"})


def _connection_error(reason):
    return requests.ConnectionError(
        urllib3.exceptions.MaxRetryError(None, "https://en.wikipedia.org/w/api.php", reason)
    )


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            _connection_error(
                urllib3.exceptions.NameResolutionError("en.wikipedia.org", None, OSError("-2"))
            ),
            True,
        ),
        (_connection_error(urllib3.exceptions.NewConnectionError(None, "refused")), False),
        (requests.ConnectionError("reset by peer"), False),
        (requests.ConnectionError(), False),
    ],
)
def test_only_a_name_that_does_not_resolve_is_not_retried(error, expected):
    assert unresolvable(error) is expected
