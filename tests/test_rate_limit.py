"""Rate limits per key or client address, counted in the real Redis; open when Redis is down."""

import hashlib
import logging
import socket

import pytest
import redis

from service.api.limits import EXTENSION, FixedWindowLimiter, RateLimit
from tests.conftest import REDIS_URL

KEY, OTHER = "limit-key-one", "limit-key-two"
NOON = 1_800_000_000.0  # a fixed clock at the start of a minute, hour and day (UTC)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.fixture
def limited(make_app, cache_prefix):
    """Build apps on the real Redis, on this test's prefix, whose limiter's clock is fixed."""

    def make(rate_limit: str = "3/minute", now: float = NOON + 15, **overrides):
        app = make_app(
            redis_url=REDIS_URL, cache_prefix=cache_prefix, rate_limit=rate_limit, **overrides
        )
        app.extensions[EXTENSION].clock = lambda: now
        return app.test_client()

    return make


@pytest.mark.parametrize(
    ("text", "count", "period"),
    [
        ("60/minute", 60, 60),
        ("1 / second", 1, 1),
        ("1000/hours", 1000, 3600),
        ("5/Day", 5, 86400),
    ],
)
def test_a_limit_is_read_from_its_setting(text, count, period):
    assert RateLimit.parse(text) == RateLimit(count, period)


@pytest.mark.parametrize("text", ["60", "0/minute", "-1/minute", "60/fortnight", "60 per minute"])
def test_a_malformed_limit_is_refused(text):
    with pytest.raises(ValueError, match="FACTCHECK_RATE_LIMIT"):
        RateLimit.parse(text)


def test_a_limit_without_redis_is_refused_at_start(make_app):
    with pytest.raises(ValueError, match="FACTCHECK_REDIS_URL"):
        make_app(rate_limit="10/minute")


def test_over_the_limit_is_a_429_problem_with_retry_after(limited):
    client = limited("3/minute", now=NOON + 15)
    for remaining in (2, 1, 0):
        response = client.get("/v1/sources")
        assert response.status_code == 200
        assert response.headers["RateLimit-Limit"] == "3"
        assert response.headers["RateLimit-Remaining"] == str(remaining)
        assert response.headers["RateLimit-Reset"] == "45"
        assert response.headers["RateLimit-Policy"] == "3;w=60"
    refused = client.post("/v1/claims", json={"text": "Paris is in France."})
    assert refused.status_code == 429
    assert refused.content_type == "application/problem+json"
    assert refused.headers["Retry-After"] == "45"
    assert refused.headers["RateLimit-Remaining"] == "0"
    assert refused.get_json()["status"] == 429
    assert "retry in 45 s" in refused.get_json()["detail"]


def test_the_next_window_starts_afresh(limited, cache_prefix):
    client = limited("1/minute", now=NOON + 59.5)
    assert client.get("/v1/sources").status_code == 200
    refused = client.get("/v1/sources")
    assert (refused.status_code, refused.headers["Retry-After"]) == (429, "1")
    limiter = client.application.extensions[EXTENSION]
    limiter.clock = lambda: NOON + 60.0
    assert client.get("/v1/sources").status_code == 200
    ttls = [redis.Redis.from_url(REDIS_URL).ttl(k) for k in _keys(cache_prefix)]
    assert len(ttls) == 2 and all(0 < ttl <= 61 for ttl in ttls)  # old windows expire


def _keys(prefix: str) -> list[bytes]:
    return list(redis.Redis.from_url(REDIS_URL).scan_iter(f"{prefix}:ratelimit:*"))


def test_each_key_has_its_own_budget(limited, cache_prefix):
    client = limited("2/minute", api_keys=f"{_sha256(KEY)},{_sha256(OTHER)}")
    one, two = {"X-API-Key": KEY}, {"Authorization": f"Bearer {OTHER}"}
    assert [client.get("/v1/sources", headers=one).status_code for _ in range(3)] == [
        200,
        200,
        429,
    ]
    assert client.get("/v1/sources", headers=two).status_code == 200
    # The same key in the other header is the same client.
    assert client.get("/v1/sources", headers={"Authorization": f"Bearer {KEY}"}).status_code == 429
    keys = b" ".join(_keys(cache_prefix)).decode()
    assert _sha256(KEY)[:32] in keys and KEY not in keys


def test_refused_keys_are_not_counted(limited):
    client = limited("1/minute", api_keys=_sha256(KEY))
    for _ in range(3):
        assert client.get("/v1/sources", headers={"X-API-Key": "wrong"}).status_code == 403
    assert client.get("/v1/sources", headers={"X-API-Key": KEY}).status_code == 200


def test_without_keys_each_client_address_has_its_own_budget(limited):
    client = limited("1/minute")
    first = {"REMOTE_ADDR": "192.0.2.1"}
    second = {"REMOTE_ADDR": "192.0.2.2"}
    assert client.get("/v1/sources", environ_base=first).status_code == 200
    assert client.get("/v1/sources", environ_base=first).status_code == 429
    # X-Forwarded-For is not trusted: it would let any client pick its own budget.
    spoofed = client.get(
        "/v1/sources", environ_base=first, headers={"X-Forwarded-For": "198.51.100.7"}
    )
    assert spoofed.status_code == 429
    assert client.get("/v1/sources", environ_base=second).status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/metrics", "/openapi.json", "/"])
def test_health_docs_page_and_metrics_are_not_limited(limited, path):
    client = limited("1/minute")
    assert [client.get(path).status_code for _ in range(3)] == [200] * 3
    assert "RateLimit-Limit" not in client.get(path).headers
    assert client.get("/v1/sources").status_code == 200  # nor counted against the API's budget


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed


def test_with_redis_down_requests_are_served_and_a_warning_logged(make_app, caplog):
    app = make_app(redis_url=f"redis://127.0.0.1:{_closed_port()}/0", rate_limit="1/minute")
    client = app.test_client()
    logger = logging.getLogger("service.api.limits")
    logger.addHandler(caplog.handler)  # create_app's logging config replaced the root's handlers
    try:
        statuses = [client.get("/v1/sources").status_code for _ in range(3)]
    finally:
        logger.removeHandler(caplog.handler)
    assert statuses == [200, 200, 200]
    assert "RateLimit-Limit" not in client.get("/v1/sources").headers
    warnings = [r for r in caplog.records if r.name == "service.api.limits"]
    assert len(warnings) == 3 and "Redis unreachable" in warnings[0].getMessage()


def test_the_window_counter_is_shared_by_limiters_on_one_redis(cache_prefix):
    """Two processes' limiters (here two instances) count against the same budget."""
    client = redis.Redis.from_url(REDIS_URL)
    limit = RateLimit(3, 60)
    a, b = (FixedWindowLimiter(client, limit, cache_prefix, clock=lambda: NOON) for _ in "ab")
    used = [limiter.hit("addr:x").used for limiter in (a, b, a, b)]
    assert used == [1, 2, 3, 4]
    assert a.hit("addr:y").used == 1
    client.close()


def test_the_document_lists_429_only_when_limits_are_on(limited, client):
    limited_spec = limited("5/minute").get("/openapi.json").get_json()
    operation = limited_spec["paths"]["/v1/checks"]["post"]
    assert operation["responses"]["429"] == {"$ref": "#/components/responses/RateLimited"}
    headers = limited_spec["components"]["responses"]["RateLimited"]["headers"]
    assert headers["Retry-After"]["required"] is True
    assert "429" not in limited_spec["paths"]["/healthz"]["get"]["responses"]
    plain = client.get("/openapi.json").get_json()
    assert "429" not in plain["paths"]["/v1/checks"]["post"]["responses"]
