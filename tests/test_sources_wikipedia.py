"""The `wikipedia` source against a local MediaWiki stand-in serving recorded-format payloads."""

import datetime
import email.utils
import json
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from werkzeug import Response

from service.domain import Claim
from service.sources.base import SourceError, parse_retry_after
from service.sources.fanout import gather
from service.sources.http import HttpClient
from service.sources.wikipedia import WikipediaSource, parse
from tests.conftest import LATE

FIXTURES = Path(__file__).parent / "fixtures" / "wikipedia"
API_PATH = "/w/api.php"
USER_AGENT = "factcheck-tests/0.1 (https://example.org/factcheck; ops@example.org) requests/2"
AS_OF = datetime.date(2025, 7, 1)
CLAIM_TEXT = "Nippon Steel bought U.S. Steel for $14.9 billion."
CLAIM = Claim(
    id="c1",
    text=CLAIM_TEXT,
    start=0,
    end=len(CLAIM_TEXT),
    checkworthiness=0.9,
    entities=("Nippon Steel", "U.S. Steel"),
)
EXPECTED_TITLES = ["Nippon Steel", "Acquisition of U.S. Steel by Nippon Steel", "U.S. Steel"]


def load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture
def wiki(httpserver, http):
    client = HttpClient(http, USER_AGENT)
    return WikipediaSource("wiki", client, base_url=httpserver.url_for(API_PATH))


@pytest.mark.parametrize("name", ["search_nippon_steel_v2.json", "search_nippon_steel_v1.json"])
def test_parse_orders_pages_by_search_index(name):
    evidence = parse(load(name), "wiki")
    assert [e.title for e in evidence] == EXPECTED_TITLES
    assert [e.url for e in evidence] == [
        "https://en.wikipedia.org/wiki/Nippon_Steel",
        "https://en.wikipedia.org/wiki/Acquisition_of_U.S._Steel_by_Nippon_Steel",
        "https://en.wikipedia.org/wiki/U.S._Steel",
    ]
    assert {e.source for e in evidence} == {"wiki"}
    assert {e.stance for e in evidence} == {"neutral"}
    scores = [e.score for e in evidence]
    assert scores == sorted(scores, reverse=True) and scores[0] == 1.0 and scores[-1] > 0


def test_parse_reads_both_format_versions_alike():
    assert parse(load("search_nippon_steel_v1.json"), "w") == parse(
        load("search_nippon_steel_v2.json"), "w"
    )


def test_parse_snippet_is_the_lead_cut_on_a_sentence_boundary():
    pages = load("search_nippon_steel_v2.json")["query"]["pages"]
    extracts = {p["title"]: p["extract"] for p in pages}
    for evidence in parse(load("search_nippon_steel_v2.json"), "wiki"):
        assert len(evidence.snippet) <= 400
        assert evidence.snippet.endswith(".")
        assert extracts[evidence.title].startswith(evidence.snippet)
        assert len(evidence.snippet) < len(extracts[evidence.title])


@pytest.mark.parametrize(
    ("page", "snippet", "url"),
    [
        (
            {
                "title": "Steel",
                "index": 1,
                "extract": "<p><b>Steel</b> is iron &amp; carbon.</p>",
            },
            "Steel is iron & carbon.",
            "https://en.wikipedia.org/wiki/Steel",
        ),
        (
            {"title": "Simon & Garfunkel", "index": 1, "extract": "A duo."},
            "A duo.",
            "https://en.wikipedia.org/wiki/Simon_%26_Garfunkel",
        ),
    ],
)
def test_parse_strips_html_and_builds_missing_urls(page, snippet, url):
    [evidence] = parse({"batchcomplete": True, "query": {"pages": [page]}}, "wiki")
    assert (evidence.snippet, evidence.url) == (snippet, url)


def test_parse_skips_pages_without_an_extract():
    pages = [{"title": "A", "index": 2}, {"title": "B", "index": 1, "extract": "B is a letter."}]
    assert [e.title for e in parse({"query": {"pages": pages}}, "wiki")] == ["B"]


@pytest.mark.parametrize("payload", [{"batchcomplete": True}, {"batchcomplete": ""}])
def test_parse_empty_result(payload):
    assert parse(payload, "wiki") == []


@pytest.mark.parametrize(
    ("payload", "kind"),
    [
        ([], "bad_payload"),
        ("text", "bad_payload"),
        ({"results": []}, "bad_payload"),
        ({"query": []}, "bad_payload"),
        ({"query": {"pages": "none"}}, "bad_payload"),
        ({"query": {"pages": [1, 2]}}, "bad_payload"),
        ({"query": {}}, "bad_payload"),
        ({"error": "oops"}, "bad_payload"),
        ({"error": {"code": "badvalue", "info": "Unrecognized value"}}, "error"),
        (load("error_maxlag.json"), "rate_limited"),
    ],
)
def test_parse_rejects_wrong_shapes(payload, kind):
    with pytest.raises(SourceError) as caught:
        parse(payload, "wiki")
    assert caught.value.kind == kind


def test_request_follows_the_api_etiquette(wiki, httpserver):
    httpserver.expect_request(API_PATH).respond_with_json(load("search_nippon_steel_v2.json"))
    evidence = wiki.search(CLAIM, AS_OF, timeout=2.0)
    assert [e.title for e in evidence] == EXPECTED_TITLES
    [(request, _)] = httpserver.log
    assert request.headers["User-Agent"] == USER_AGENT
    args = request.args
    assert (args["action"], args["format"], args["formatversion"]) == ("query", "json", "2")
    assert (args["generator"], args["gsrnamespace"], args["gsrlimit"]) == ("search", "0", "3")
    assert args["prop"] == "extracts|info"
    assert (args["exintro"], args["explaintext"], args["inprop"]) == ("1", "1", "url")
    assert args["maxlag"] == "5"
    assert args["gsrsearch"] == "Nippon Steel U.S. bought billion 14.9"


def test_empty_result_over_http(wiki, httpserver):
    httpserver.expect_request(API_PATH).respond_with_json(load("search_empty_v2.json"))
    assert wiki.search(CLAIM, AS_OF, timeout=2.0) == []


def test_a_claim_without_search_words_sends_no_request(wiki, httpserver):
    claim = Claim(id="c1", text="It is what it was.", start=0, end=18, checkworthiness=0.9)
    assert wiki.search(claim, AS_OF, timeout=2.0) == []
    assert httpserver.log == []


@pytest.fixture
def stalled(httpserver):
    """The API answers only once the test is over (or after 3 s)."""
    release = threading.Event()

    def handler(request):
        release.wait(3.0)
        return Response(json.dumps({"batchcomplete": True}), content_type="application/json")

    httpserver.expect_request(API_PATH).respond_with_handler(handler)
    yield
    release.set()
    # Let the stalled request finish now, or it lands in the next test's log.
    deadline = time.monotonic() + 3.0
    while not httpserver.log and time.monotonic() < deadline:
        time.sleep(0.01)


@pytest.mark.usefixtures("stalled")
def test_slow_answer_is_a_timeout_within_the_deadline(wiki):
    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        wiki.search(CLAIM, AS_OF, timeout=0.3)
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 0.3 + LATE


@pytest.mark.usefixtures("stalled")
def test_slow_answer_is_a_timeout_status_in_the_fanout(wiki):
    with ThreadPoolExecutor(max_workers=2) as executor:
        started = time.monotonic()
        evidence, [status] = gather([wiki], CLAIM, AS_OF, executor, timeout=0.3)
        elapsed = time.monotonic() - started
    assert (evidence, status.name, status.status) == ([], "wiki", "timeout")
    assert elapsed < 0.3 + LATE


def test_server_error_without_time_to_retry(wiki, httpserver):
    httpserver.expect_request(API_PATH).respond_with_data("upstream down", status=500)
    with pytest.raises(SourceError) as caught:
        wiki.search(CLAIM, AS_OF, timeout=0.2)  # backoff >= 0.125 s + 0.1 s left: does not fit
    assert caught.value.kind == "error"
    assert len(httpserver.log) == 1


def test_server_error_then_success_by_a_retry(wiki, httpserver):
    httpserver.expect_ordered_request(API_PATH).respond_with_data("busy", status=503)
    httpserver.expect_ordered_request(API_PATH).respond_with_json(
        load("search_nippon_steel_v2.json")
    )
    evidence = wiki.search(CLAIM, AS_OF, timeout=3.0)
    assert [e.title for e in evidence] == EXPECTED_TITLES
    assert len(httpserver.log) == 2


def test_server_errors_are_an_error_after_two_retries(wiki, httpserver):
    httpserver.expect_request(API_PATH).respond_with_data("down", status=502)
    with pytest.raises(SourceError) as caught:
        wiki.search(CLAIM, AS_OF, timeout=3.0)
    assert caught.value.kind == "error"
    assert len(httpserver.log) == 3


def test_maxlag_with_retry_after_past_the_deadline(wiki, httpserver):
    httpserver.expect_request(API_PATH).respond_with_json(
        load("error_maxlag.json"), headers={"Retry-After": "5", "X-Database-Lag": "7"}
    )
    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        wiki.search(CLAIM, AS_OF, timeout=3.0)
    assert (caught.value.kind, caught.value.retry_after) == ("rate_limited", 5.0)
    assert len(httpserver.log) == 1
    # Neither slept towards the 5 s Retry-After nor the 3 s deadline (LATE: a loaded machine).
    assert time.monotonic() - started < LATE


def test_maxlag_with_a_short_retry_after_is_retried(wiki, httpserver):
    httpserver.expect_ordered_request(API_PATH).respond_with_json(
        load("error_maxlag.json"), headers={"Retry-After": "0"}
    )
    httpserver.expect_ordered_request(API_PATH).respond_with_json(
        load("search_nippon_steel_v1.json")
    )
    assert [e.title for e in wiki.search(CLAIM, AS_OF, timeout=2.0)] == EXPECTED_TITLES


def test_429_with_retry_after(wiki, httpserver):
    httpserver.expect_request(API_PATH).respond_with_data(
        "Too many requests", status=429, headers={"Retry-After": "7"}
    )
    with pytest.raises(SourceError) as caught:
        wiki.search(CLAIM, AS_OF, timeout=1.0)
    assert (caught.value.kind, caught.value.retry_after) == ("rate_limited", 7.0)
    assert len(httpserver.log) == 1


@pytest.mark.parametrize(
    ("body", "content_type", "kind"),
    [
        ("<html><body>Wikimedia Error</body></html>", "text/html", "bad_payload"),
        ('{"query": {"pages": "nope"}}', "application/json", "bad_payload"),
        ('["not", "an", "object"]', "application/json", "bad_payload"),
        ('{"error": {"code": "badvalue", "info": "bad"}}', "application/json", "error"),
    ],
)
def test_bad_bodies(wiki, httpserver, body, content_type, kind):
    httpserver.expect_request(API_PATH).respond_with_data(body, content_type=content_type)
    with pytest.raises(SourceError) as caught:
        wiki.search(CLAIM, AS_OF, timeout=1.0)
    assert caught.value.kind == kind
    assert len(httpserver.log) == 1


def test_client_error_is_not_retried(wiki, httpserver):
    httpserver.expect_request(API_PATH).respond_with_data("Forbidden", status=403)
    with pytest.raises(SourceError) as caught:
        wiki.search(CLAIM, AS_OF, timeout=3.0)
    assert caught.value.kind == "error"
    assert len(httpserver.log) == 1


def test_connection_refused_is_an_error(http):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = HttpClient(http, USER_AGENT)
    wiki = WikipediaSource("wiki", client, base_url=f"http://127.0.0.1:{port}/w/api.php")
    with pytest.raises(SourceError) as caught:
        wiki.search(CLAIM, AS_OF, timeout=0.3)
    assert caught.value.kind == "error"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5", 5.0),
        ("0", 0.0),
        ("1.5", 1.5),
        ("-3", 0.0),
        (None, None),
        ("", None),
        ("soon", None),
        ("inf", None),
        ("nan", None),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),  # in the past: retry now
    ],
)
def test_parse_retry_after_seconds(value, expected):
    assert parse_retry_after(value) == expected


def test_parse_retry_after_http_date():
    when = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=30)
    seconds = parse_retry_after(email.utils.format_datetime(when, usegmt=True))
    assert seconds is not None and 28 <= seconds <= 30
