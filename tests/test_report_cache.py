"""The whole-report cache: an identical check answered with its stored body, in one Redis GET."""

import json
from datetime import UTC, datetime

import pytest
import redis

from service.checker import CUT_SHORT
from service.config import Settings
from service.domain import Report, SourceStatus
from service.report_cache import fingerprint, lifetime
from tests.conftest import REDIS_URL


class CountingRedis(redis.Redis):
    """The real Redis, with the commands sent to it written down."""

    commands: list[str]

    def execute_command(self, *args, **options):
        self.commands.append(str(args[0]).upper())
        return super().execute_command(*args, **options)


@pytest.fixture
def redis_app(make_app, cache_prefix):
    """The app on the fixture corpus with the real Redis under this test's prefix."""
    return make_app(redis_url=REDIS_URL, cache_prefix=cache_prefix)


@pytest.fixture
def counted(redis_app):
    """The commands the app sends to Redis (verdicts and reports alike)."""
    client = CountingRedis.from_url(REDIS_URL)
    client.commands = []
    redis_app.extensions["factcheck"].cache.client = client
    redis_app.extensions["report_cache"].client = client
    yield client.commands
    client.close()


def _report_keys(prefix: str) -> list[bytes]:
    return list(redis.Redis.from_url(REDIS_URL).scan_iter(f"{prefix}:v1:report:*"))


def test_an_identical_check_is_one_redis_get_of_the_stored_body(redis_app, counted, article):
    client = redis_app.test_client()
    first = client.post("/v1/checks", json={"text": article})
    assert first.headers["X-Cache"] == "miss" and first.json["cache"] == "miss"
    counted.clear()
    again = client.post("/v1/checks", json={"text": article})
    assert counted == ["GET"]
    assert again.headers["X-Cache"] == "hit" and again.json["cache"] == "hit"
    assert again.json["elapsed_ms"] >= 0  # the hit's own time, not the stored mark
    assert [c["verdict"]["label"] for c in again.json["claims"]] == [
        c["verdict"]["label"] for c in first.json["claims"]
    ]
    judged = [c for c in again.json["claims"] if not c["verdict"]["rationale"].startswith("Not")]
    assert judged and all(c["verdict"]["cached"] for c in judged)
    assert {s["status"] for s in again.json["sources"]} == {"cached"}


def test_the_same_text_as_text_plain_shares_the_entry_but_other_options_do_not(redis_app, article):
    client = redis_app.test_client()
    client.post("/v1/checks", json={"text": article})
    plain = client.post("/v1/checks", data=article.encode(), content_type="text/plain")
    assert plain.headers["X-Cache"] == "hit"
    fewer = client.post("/v1/checks", json={"text": article, "max_claims": 1})
    assert fewer.headers["X-Cache"] == "miss" and len(fewer.json["claims"]) == 1
    assert client.post("/v1/checks", json={"text": article + " "}).headers["X-Cache"] == "miss"


def test_claimreview_is_stored_and_answered_in_its_own_format(redis_app, article):
    client = redis_app.test_client()
    first = client.post("/v1/checks?format=claimreview", json={"text": article})
    again = client.post("/v1/checks?format=claimreview", json={"text": article})
    assert again.headers["X-Cache"] == "hit"
    assert again.mimetype == first.mimetype == "application/ld+json"
    assert json.loads(again.data)["@graph"] == json.loads(first.data)["@graph"]
    plain_json = client.post("/v1/checks", json={"text": article})
    assert plain_json.headers["X-Cache"] == "miss" and plain_json.mimetype == "application/json"


def test_no_cache_computes_afresh(redis_app, counted, article):
    client = redis_app.test_client()
    client.post("/v1/checks", json={"text": article})
    counted.clear()
    fresh = client.post("/v1/checks", json={"text": article}, headers={"Cache-Control": "no-cache"})
    assert fresh.headers["X-Cache"] == "miss" and "GET" in counted
    assert fresh.json["cache"] == "hit"  # its verdicts, still cached one by one


def test_a_report_cut_short_is_not_stored(make_app, cache_prefix, article):
    app = make_app(redis_url=REDIS_URL, cache_prefix=cache_prefix, request_timeout=0.0)
    client = app.test_client()
    report = client.post("/v1/checks", json={"text": article}).json
    assert report["notes"][0].startswith(CUT_SHORT)
    assert _report_keys(cache_prefix) == []
    assert client.post("/v1/checks", json={"text": article}).headers["X-Cache"] == "miss"


@pytest.fixture
def failing_source(httpserver, corpus_file, tmp_path):
    """A sources file: the fixture corpus and an archive API answering 500."""
    httpserver.expect_request("/api/search").respond_with_data("down", status=500)
    archive = {
        "name": "archive",
        "type": "http_json",
        "url": httpserver.url_for("/api/search") + "?q={query}",
        "results": "data.hits",
        "fields": {"title": "headline"},
        "retries": 0,
    }
    local = {"name": "local", "type": "corpus", "path": str(corpus_file)}
    path = tmp_path / "sources.yaml"
    path.write_text(json.dumps({"sources": [local, archive]}))  # JSON is YAML
    return path


def test_a_degraded_report_is_kept_no_longer_than_cache_ttl_degraded(
    make_app, cache_prefix, failing_source, article
):
    app = make_app(redis_url=REDIS_URL, cache_prefix=cache_prefix, sources_file=str(failing_source))
    report = app.test_client().post("/v1/checks", json={"text": article}).json
    assert "error" in {source["status"] for source in report["sources"]}
    keys = _report_keys(cache_prefix)
    assert len(keys) == 1
    assert 0 < redis.Redis.from_url(REDIS_URL).ttl(keys[0]) <= Settings().cache_ttl_degraded


def test_redis_down_means_computed_not_failed(make_app, article):
    app = make_app(redis_url="redis://127.0.0.1:1/0")  # nothing listens on port 1
    client = app.test_client()
    for _ in range(2):
        answer = client.post("/v1/checks", json={"text": article})
        assert answer.status_code == 200
        assert answer.headers["X-Cache"] == "miss" and answer.json["cache"] == "unavailable"


NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
DAY_LEFT = 12 * 3600
SETTINGS = Settings(cache_ttl=7 * 86400, cache_ttl_degraded=60)
OK = (SourceStatus("local", "ok", 3.0),)


def _report(sources=OK, cache="miss", notes=()) -> Report:
    return Report(claims=(), sources=sources, cache=cache, notes=notes)


@pytest.mark.parametrize(
    ("report", "lives", "expected"),
    [
        (_report(), [], DAY_LEFT),  # the as-of day ends first
        (_report(), [3_600_000, 90_000_000], 3600),  # the shortest verdict inside
        (_report(), [5_000_000, -2], 60),  # a verdict never stored: briefly
        (_report((SourceStatus("local", "timeout", 5000.0),)), [], 60),  # degraded
        (_report(notes=(f"{CUT_SHORT} ...",)), [], 0),  # cut short: never
        (_report(cache="unavailable"), [], 0),
        (_report(), None, 0),  # Redis failed while asked
    ],
)
def test_a_report_lives_no_longer_than_anything_in_it(report, lives, expected):
    assert lifetime(report, lives, SETTINGS, NOW) == expected


def test_the_fingerprint_follows_the_settings_and_sources_that_shape_a_report(corpus_file):
    entries = [{"name": "local", "type": "corpus", "path": str(corpus_file)}]
    base = fingerprint(Settings(), entries)
    assert fingerprint(Settings(), entries) == base
    assert fingerprint(Settings(request_timeout=3.0), entries) == base  # shapes no report
    assert fingerprint(Settings(max_claims=3), entries) != base
    assert fingerprint(Settings(), [{**entries[0], "limit": 2}]) != base
    assert fingerprint(Settings(), [{**entries[0], "name": "other"}]) != base
