"""The `http_json` source: an in-house JSON API described by a URL template and field paths."""

import datetime
import json
import threading
import time
from pathlib import Path

import pytest
from werkzeug import Response

from service.domain import Claim
from service.sources.base import ConfigError, SourceContext, SourceError
from service.sources.http import HttpClient, RetryPolicy
from service.sources.http_json import HttpJsonSource, parse, resolve
from service.sources.matching import MATCH_THRESHOLD
from service.sources.registry import build_sources
from tests.conftest import LATE, settle

FIXTURES = Path(__file__).parent / "fixtures" / "http_json"
USER_AGENT = "factcheck-tests/0.1 (ops@example.org) requests/2"
AS_OF = datetime.date(2025, 2, 8)
TEXT = "Biden blocked Nippon Steel's bid for U.S. Steel."
CLAIM = Claim("c1", TEXT, 0, len(TEXT), 0.9, entities=("Biden", "Nippon Steel", "U.S. Steel"))
NEWS_FIELDS = {
    "title": "headline",
    "snippet": "/summary/text",
    "url": "link",
    "published_at": "date",
    "score": "relevance",
    "publisher": "desk.name",
}


def load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def build(httpserver, http, environ=None, **settings):
    entry = {
        "name": "archive",
        "type": "http_json",
        "url": httpserver.url_for("/api/search") + "?q={query}&n={limit}&before={as_of}",
        "results": "data.hits",
        "fields": NEWS_FIELDS,
        **settings,
    }
    client = HttpClient(http, USER_AGENT)
    return build_sources([entry], client, USER_AGENT, environ=environ or {})["archive"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("", {"a": {"b/c": [10, {"d~e": 20}]}}),
        ("/a/b~1c/0", 10),
        ("/a/b~1c/1/d~0e", 20),
        ("a.b/c.1.d~e", 20),
        ("/a/missing", None),
        ("a.b/c.7", None),
    ],
)
def test_resolve_json_pointers_and_dotted_paths(path, expected):
    assert resolve({"a": {"b/c": [10, {"d~e": 20}]}}, path) == expected


def test_parse_maps_fields_and_skips_results_without_text():
    records = parse(load("search_news.json"), "data.hits", NEWS_FIELDS)
    assert len(records) == 2
    assert records[0]["snippet"].startswith("President Joe Biden on Friday blocked Nippon Steel's")
    assert "<b>" not in records[0]["snippet"]  # HTML stripped, entities decoded
    assert (records[0]["score"], records[0]["publisher"]) == (0.91, "Business desk")


@pytest.mark.parametrize("results", ["data.items", "meta"])
def test_parse_without_a_list_at_the_results_path(results):
    with pytest.raises(SourceError) as caught:
        parse(load("search_news.json"), results, NEWS_FIELDS)
    assert caught.value.kind == "bad_payload"


def test_search_fills_the_template_and_maps_the_results(httpserver, http):
    httpserver.expect_request("/api/search").respond_with_json(load("search_news.json"))
    source = build(
        httpserver,
        http,
        headers={"X-Api-Key": "${ARCHIVE_KEY}"},
        limit=5,
        environ={"ARCHIVE_KEY": "k-123"},
    )
    evidence = source.search(CLAIM, AS_OF, timeout=2.0)
    assert [e.title for e in evidence] == [
        "Biden blocks Nippon Steel's bid for U.S. Steel",
        "U.S. Steel shareholders approve the Nippon Steel deal",
    ]
    assert [e.score for e in evidence] == [0.91, 1.0]  # clamped to [0, 1]
    assert evidence[0].url == "https://archive.example.net/2025/01/03/biden-blocks-nippon-steel"
    assert (evidence[0].published_at, evidence[0].publisher) == ("2025-01-03", "Business desk")
    [(request, _)] = httpserver.log
    assert request.args["q"] == "Biden Nippon Steel U.S. blocked bid"
    assert (request.args["n"], request.args["before"]) == ("5", "2025-02-08")
    assert request.headers["X-Api-Key"] == "k-123"
    assert request.headers["User-Agent"] == USER_AGENT
    assert "k-123" not in repr(source)


def test_without_a_score_field_the_rank_orders(httpserver, http):
    httpserver.expect_request("/api/search").respond_with_json(load("search_news.json"))
    fields = {k: v for k, v in NEWS_FIELDS.items() if k != "score"}
    evidence = build(httpserver, http, fields=fields).search(CLAIM, AS_OF, timeout=2.0)
    assert [e.score for e in evidence] == [1.0, 0.6667]


def test_a_rating_field_makes_results_fact_checks_that_must_match(httpserver, http):
    httpserver.expect_request("/checks").respond_with_json(load("factchecks.json"))
    source = build(
        httpserver,
        http,
        url=httpserver.url_for("/checks") + "?text={query}",
        results="/results",
        fields={
            "claim": "claim",
            "title": "title",
            "rating": "verdict",
            "url": "url",
            "published_at": "published",
            "publisher": "team.name",
        },
    )
    text = "Japan doubled its defense spending in 2024."
    [found] = source.search(Claim("c2", text, 0, len(text), 0.9), AS_OF, timeout=2.0)
    assert (found.rating, found.rating_normalised, found.publisher) == (
        "False",
        "false",
        "Verification desk",
    )
    assert found.match_score >= MATCH_THRESHOLD


def test_empty_results(httpserver, http):
    httpserver.expect_request("/api/search").respond_with_json({"meta": {}, "data": {"hits": []}})
    assert build(httpserver, http).search(CLAIM, AS_OF, timeout=2.0) == []


def test_a_429_asking_to_wait_past_the_deadline(httpserver, http):
    httpserver.expect_request("/api/search").respond_with_data(
        "", status=429, headers={"Retry-After": "30"}
    )
    with pytest.raises(SourceError) as caught:
        build(httpserver, http).search(CLAIM, AS_OF, timeout=1.0)
    assert (caught.value.kind, caught.value.retry_after) == ("rate_limited", 30.0)
    assert len(httpserver.log) == 1


def test_a_hang_past_the_deadline(httpserver, http):
    release = threading.Event()

    def hang(request):
        release.wait(3.0)
        return Response("{}", content_type="application/json")

    httpserver.expect_request("/api/search").respond_with_handler(hang)
    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        build(httpserver, http).search(CLAIM, AS_OF, timeout=0.3)
    elapsed = time.monotonic() - started
    release.set()
    settle(httpserver)
    assert caught.value.kind == "timeout" and elapsed < 0.3 + LATE


@pytest.mark.parametrize(
    ("status", "body", "kind", "calls"),
    [
        (500, "oops", "error", 2),
        (200, "<html>maintenance</html>", "bad_payload", 1),
        (200, '{"data": {"hits": [{"headline": "Bid', "bad_payload", 1),
        (401, '{"error": "unauthorized"}', "error", 1),
    ],
)
def test_failures(httpserver, http, status, body, kind, calls):
    httpserver.expect_request("/api/search").respond_with_data(body, status=status)
    source = build(httpserver, http, retries=1)
    with pytest.raises(SourceError) as caught:
        source.search(CLAIM, AS_OF, timeout=5.0)
    assert caught.value.kind == kind
    assert len(httpserver.log) == calls
    assert isinstance(source.retry, RetryPolicy) and source.retry.attempts == 2


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"url": "https://x.org/s?q={query}&p={page}"}, r"'url' must use \{query\}"),
        ({"url": "https://x.org/s?q=fixed"}, r"'url' must use \{query\}"),
        ({"url": "https://x.org/s?q={query"}, r"bad 'url' template"),
        ({"url": "ftp://x.org/{query}"}, r"'url' must be an http\(s\) URL"),
        ({"fields": {"body": "text"}}, r"unknown: body"),
        ({"fields": {"url": "link"}}, r"must map 'title' or 'snippet'"),
        ({"fields": {"title": 3}}, r"path strings"),
        ({"headers": {"Authorization": "${MISSING_TOKEN}"}}, r"needs \$MISSING_TOKEN"),
        ({"headers": {"X": 1}}, r"'headers' must map names to strings"),
        ({"limit": 0}, r"out of range"),
    ],
)
def test_configuration_errors(http, settings, message):
    base = {"url": "https://x.org/s?q={query}", "fields": {"title": "t"}}
    context = SourceContext(http=HttpClient(http, USER_AGENT), environ={})
    with pytest.raises(ConfigError, match=message):
        HttpJsonSource.from_settings("archive", {**base, **settings}, context)
