"""An article checked with wikipedia, wikidata and google_factcheck, all served by local fakes.

The fakes answer whatever the service asks, in the services' real formats: a MediaWiki search
over a handful of pages, the Wikibase API over the Wikidata fixtures, and Fact Check Tools over
its fixtures. The project's example article is checked too when ../shared is there.
"""

import json
from datetime import date
from pathlib import Path

import pytest
from werkzeug import Request, Response

from service.app import build_wiring
from service.checker import CheckOptions
from service.config import Settings
from service.sources.matching import MATCH_THRESHOLD
from tests.conftest import REDIS_URL
from tests.test_sources_google_factcheck import KEY, GoogleFake
from tests.test_sources_wikidata import WikidataFake

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE_ARTICLE = Path(__file__).resolve().parents[2] / "shared/data/articles/us-japan-alliance.txt"
ARTICLE = (
    "President Donald Trump hosted Japanese Prime Minister Shigeru Ishiba at the White House on "
    "Friday. Trump said that Japan has pledged to double its defense spending by 2027. "
    "Nippon Steel's $15 billion bid for U.S. Steel was blocked by Joe Biden in January, "
    "citing national security concerns."
)
SOURCES = {"wikipedia", "wikidata", "google_factcheck"}


class WikipediaFake:
    """generator=search + prop=extracts over a few pages: those sharing two query words."""

    def __init__(self) -> None:
        payload = json.loads((FIXTURES / "wikipedia" / "pages_us_japan.json").read_text("utf-8"))
        self.pages = payload["query"]["pages"]

    def __call__(self, request: Request) -> Response:
        words = {w.lower() for w in request.args.get("gsrsearch", "").split()}
        ranked = []
        for page in self.pages:
            text = f"{page['title']} {page['extract']}".lower()
            shared = sum(1 for w in words if w in text)
            if shared >= 2:
                ranked.append((-shared, page["title"], page))
        ranked.sort(key=lambda item: item[:2])
        limit = int(request.args.get("gsrlimit", 10))
        pages = [dict(page, index=i + 1) for i, (_, _, page) in enumerate(ranked[:limit])]
        payload = (
            {"batchcomplete": True, "query": {"pages": pages}} if pages else {"batchcomplete": True}
        )
        return Response(json.dumps(payload), content_type="application/json; charset=utf-8")


@pytest.fixture(params=["", REDIS_URL], ids=["memory", "redis"])
def wiring(request, httpserver, tmp_path, monkeypatch, cache_prefix):
    httpserver.expect_request("/w/api.php").respond_with_handler(WikipediaFake())
    httpserver.expect_request("/wikidata/w/api.php").respond_with_handler(WikidataFake())
    httpserver.expect_request("/v1alpha1/claims:search").respond_with_handler(GoogleFake())
    monkeypatch.setenv("GOOGLE_FACTCHECK_API_KEY", KEY)
    path = tmp_path / "sources.yaml"
    url = httpserver.url_for
    path.write_text(
        "sources:\n"
        f"  - {{name: wikipedia, type: wikipedia, base_url: '{url('/w/api.php')}'}}\n"
        f"  - {{name: wikidata, type: wikidata, base_url: '{url('/wikidata/w/api.php')}'}}\n"
        "  - {name: google_factcheck, type: google_factcheck, when_env: GOOGLE_FACTCHECK_API_KEY,\n"
        f"     base_url: '{url('/v1alpha1/claims:search')}'}}\n"
    )
    overrides = {
        "sources_file": str(path),
        "cache_prefix": cache_prefix,
        "redis_url": request.param,
    }
    settings = Settings.load(environ={}, overrides=overrides)
    wiring = build_wiring(settings)
    yield wiring
    wiring.checker.close()


def check(wiring, text, as_of=date(2025, 2, 8)):
    report = wiring.checker.check_article(text, CheckOptions(as_of=as_of))
    evidence = [e for result in report.claims for e in result.verdict.evidence]
    return report, evidence


def test_every_source_contributes_evidence(wiring):
    report, evidence = check(wiring, ARTICLE)
    assert {s.name: s.status for s in report.sources} == dict.fromkeys(SOURCES, "ok")
    assert {e.source for e in evidence} == SOURCES
    [ishiba] = [e for e in evidence if e.source == "wikidata"]
    assert (ishiba.value, ishiba.relation, ishiba.stance) == (
        "Shigeru Ishiba",
        "Japanese Prime Minister",  # the office's alias that the article uses
        "supports",
    )
    assert (ishiba.valid_from, ishiba.valid_until) == ("2024-10-01", "2025-10-21")
    [google] = {e.url: e for e in evidence if e.source == "google_factcheck"}.values()
    assert (google.rating, google.rating_normalised) == ("Mostly True", "mostly_true")
    assert google.match_score >= MATCH_THRESHOLD and google.publisher == "Example Fact Check"


def test_a_repeated_query_costs_no_upstream_call(wiring, httpserver):
    check(wiring, ARTICLE)
    calls = len(httpserver.log)
    # Another day: the verdicts are not cached for it, but the sources' answers are.
    report, evidence = check(wiring, ARTICLE, as_of=date(2025, 2, 9))
    assert report.cache == "miss" and {e.source for e in evidence} == SOURCES
    assert len(httpserver.log) == calls


@pytest.mark.skipif(not EXAMPLE_ARTICLE.is_file(), reason="../shared is not there")
def test_the_example_article(wiring):
    report, evidence = check(wiring, EXAMPLE_ARTICLE.read_text(encoding="utf-8"))
    assert {s.name: s.status for s in report.sources} == dict.fromkeys(SOURCES, "ok")
    assert {e.source for e in evidence} == SOURCES
