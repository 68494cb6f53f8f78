"""The `google_factcheck` source against a local Fact Check Tools stand-in."""

import datetime
import json
import logging
import threading
import time
from pathlib import Path

import pytest
from werkzeug import Request, Response

from service.domain import Claim
from service.sources.base import ConfigError, SourceContext, SourceError
from service.sources.google_factcheck import GoogleFactCheckSource, parse
from service.sources.http import HttpClient
from service.sources.matching import MATCH_THRESHOLD
from service.verification import judge
from tests.conftest import LATE, settle

FIXTURES = Path(__file__).parent / "fixtures" / "google_factcheck"
API_PATH = "/v1alpha1/claims:search"
KEY = "AIzaSyTEST-not-a-real-key-0123456789"
USER_AGENT = "factcheck-tests/0.1 (ops@example.org) requests/2"
AS_OF = datetime.date(2025, 2, 8)
TEXT = "Japan has pledged to double its defense spending by 2027."
CLAIM = Claim("c1", TEXT, 0, len(TEXT), 0.9, entities=("Japan",))


def load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


class GoogleFake:
    """claims:search as Google answers it: key checks first, then pages of results."""

    def __init__(self, pages=("search_defense_page1.json", "search_defense_page2.json")):
        self.pages = pages

    def __call__(self, request: Request) -> Response:
        key = request.headers.get("X-Goog-Api-Key") or request.args.get("key")
        if not key:
            return self._json(load("error_missing_key.json"), 403)
        if key != KEY:
            return self._json(load("error_api_key_invalid.json"), 400)
        if "query" not in request.args:
            return self._json({"error": {"code": 400, "status": "INVALID_ARGUMENT"}}, 400)
        page = 1 if "pageToken" not in request.args else 2
        return self._json(load(self.pages[page - 1]) if page <= len(self.pages) else {})

    @staticmethod
    def _json(payload: dict, status: int = 200) -> Response:
        return Response(json.dumps(payload), status=status, content_type="application/json")


def make(httpserver, http, key=KEY, **kwargs) -> GoogleFactCheckSource:
    client = HttpClient(http, USER_AGENT)
    return GoogleFactCheckSource(
        "google", client, key, base_url=httpserver.url_for(API_PATH), **kwargs
    )


@pytest.fixture
def fake(httpserver):
    httpserver.expect_request(API_PATH).respond_with_handler(GoogleFake())


def test_parse_flattens_claims_and_reviews():
    factchecks, token = parse(load("search_defense_page2.json"))
    assert token is None
    assert [(f.publisher, f.rating, f.rating_level) for f in factchecks] == [
        ("Faktencheck Beispiel", "Größtenteils richtig", "mostly_true"),
        ("verificador.example.es", "Engañoso", "mostly_false"),  # no name: the site
    ]
    assert {f.claim_reviewed for f in factchecks} == {
        "Japan will double its defense spending by 2027."
    }
    assert parse(load("search_defense_page1.json"))[1] == "CAo"


@pytest.mark.parametrize(
    ("payload", "expected"),
    [({}, []), ({"claims": []}, []), ({"claims": [{"text": "x"}]}, [])],
)
def test_parse_empty_answers(payload, expected):
    assert parse(payload) == (expected, None)


@pytest.mark.parametrize("payload", [[], "text", {"claims": {}}, {"claims": ["x"]}])
def test_parse_rejects_wrong_shapes(payload):
    with pytest.raises(SourceError) as caught:
        parse(payload)
    assert caught.value.kind == "bad_payload"


@pytest.mark.usefixtures("fake")
def test_search_keeps_only_fact_checks_of_this_claim(httpserver, http):
    evidence = make(httpserver, http).search(CLAIM, AS_OF, timeout=2.0)
    [found] = evidence
    assert found.url == "https://factcheck.example.org/2025/02/09/japan-defense-spending-2027/"
    assert (found.rating, found.rating_normalised) == ("Mostly True", "mostly_true")
    assert (found.publisher, found.published_at) == ("Example Fact Check", "2025-02-09T00:00:00Z")
    assert found.match_score is not None and found.match_score >= MATCH_THRESHOLD
    assert found.score == found.match_score
    assert "Donald Trump" in found.snippet and "Mostly True" in found.snippet
    [(request, _)] = httpserver.log
    assert request.args["query"] == "Japan pledged double defense spending 2027"
    assert (request.args["languageCode"], request.args["pageSize"]) == ("en", "10")
    assert "key" not in request.args and request.headers["X-Goog-Api-Key"] == KEY


@pytest.mark.usefixtures("fake")
def test_paging_follows_the_next_page_token_with_the_same_query(httpserver, http):
    source = make(httpserver, http, pages=3, max_age_days=400, limit=5)
    evidence = source.search(CLAIM, AS_OF, timeout=2.0)
    assert len(httpserver.log) == 2  # page 2 has no nextPageToken
    first, second = (request.args for request, _ in httpserver.log)
    assert second["pageToken"] == "CAo" and "pageToken" not in first
    assert {k: v for k, v in second.items() if k != "pageToken"} == dict(first)
    assert first["maxAgeDays"] == "400"
    assert {e.publisher for e in evidence} == {
        "Example Fact Check",
        "Faktencheck Beispiel",
        "verificador.example.es",
    }


def test_empty_results(httpserver, http):
    httpserver.expect_request(API_PATH).respond_with_json(load("search_empty.json"))
    assert make(httpserver, http).search(CLAIM, AS_OF, timeout=2.0) == []


@pytest.mark.parametrize(
    ("key", "status", "detail"),
    [
        ("", "403", "PERMISSION_DENIED"),
        ("AIza-wrong", "400", "INVALID_ARGUMENT API_KEY_INVALID"),
    ],
)
@pytest.mark.usefixtures("fake")
def test_a_missing_or_wrong_key_is_an_error_that_never_shows_the_key(
    httpserver, http, caplog, key, status, detail
):
    with caplog.at_level(logging.DEBUG), pytest.raises(SourceError) as caught:
        make(httpserver, http, key=key).search(CLAIM, AS_OF, timeout=2.0)
    assert (caught.value.kind, str(caught.value)) == ("error", f"HTTP {status}: {detail}")
    assert len(httpserver.log) == 1  # not retried
    assert "AIza" not in caplog.text and "AIza" not in str(caught.value)


def test_quota_exhausted_with_retry_after(httpserver, http):
    httpserver.expect_request(API_PATH).respond_with_json(
        load("error_quota.json"), status=429, headers={"Retry-After": "30"}
    )
    with pytest.raises(SourceError) as caught:
        make(httpserver, http).search(CLAIM, AS_OF, timeout=1.0)
    assert (caught.value.kind, caught.value.retry_after) == ("rate_limited", 30.0)


def test_server_error_then_success(httpserver, http):
    httpserver.expect_ordered_request(API_PATH).respond_with_data("backend error", status=503)
    httpserver.expect_ordered_request(API_PATH).respond_with_json(load("search_defense_page1.json"))
    assert len(make(httpserver, http).search(CLAIM, AS_OF, timeout=2.0)) == 1


@pytest.mark.parametrize("body", ['{"claims": [{"text": "Japan has', "<!DOCTYPE html><html>"])
def test_truncated_or_non_json_bodies(httpserver, http, body):
    httpserver.expect_request(API_PATH).respond_with_data(body, content_type="application/json")
    with pytest.raises(SourceError) as caught:
        make(httpserver, http).search(CLAIM, AS_OF, timeout=2.0)
    assert caught.value.kind == "bad_payload"


def test_a_hang_past_the_deadline(httpserver, http):
    release = threading.Event()

    def hang(request):
        release.wait(3.0)
        return Response("{}", content_type="application/json")

    httpserver.expect_request(API_PATH).respond_with_handler(hang)
    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        make(httpserver, http).search(CLAIM, AS_OF, timeout=0.3)
    release.set()
    settle(httpserver)
    assert caught.value.kind == "timeout" and time.monotonic() - started < 0.3 + LATE


@pytest.mark.usefixtures("fake")
def test_a_matching_false_rating_refutes_the_claim(httpserver, http):
    text = "Japan pays nothing for the U.S. troops stationed there."
    claim = Claim("c2", text, 0, len(text), 0.9, entities=("Japan", "U.S."))
    evidence = make(httpserver, http).search(claim, AS_OF, timeout=2.0)
    verdict = judge(claim, evidence, AS_OF, "now")
    assert verdict.label == "refuted"
    assert "Example Fact Check" in verdict.rationale or "False" in verdict.rationale


@pytest.mark.parametrize(
    ("settings", "environ", "message"),
    [
        ({}, {}, r"no API key: set the environment variable GOOGLE_FACTCHECK_API_KEY"),
        ({"api_key_env": "NEWSROOM_GOOGLE_KEY"}, {"GOOGLE_FACTCHECK_API_KEY": KEY}, r"NEWSROOM"),
        ({"page_size": 0}, {"GOOGLE_FACTCHECK_API_KEY": KEY}, r"'page_size' must be 1-100"),
        ({"min_match": 2}, {"GOOGLE_FACTCHECK_API_KEY": KEY}, r"'min_match'"),
        ({"base_url": "file:///etc"}, {"GOOGLE_FACTCHECK_API_KEY": KEY}, r"http\(s\) URL"),
    ],
)
def test_configuration_errors(http, settings, environ, message):
    context = SourceContext(http=HttpClient(http, USER_AGENT), environ=environ)
    with pytest.raises(ConfigError, match=message):
        GoogleFactCheckSource.from_settings("google", settings, context)


def test_the_key_comes_from_the_named_variable_and_stays_out_of_repr(http):
    context = SourceContext(http=HttpClient(http, USER_AGENT), environ={"MY_KEY": KEY})
    source = GoogleFactCheckSource.from_settings("google", {"api_key_env": "MY_KEY"}, context)
    assert source.params("steel") == {"query": "steel", "pageSize": 10, "languageCode": "en"}
    assert KEY not in repr(source) and KEY not in repr(vars(source).get("base_url"))
