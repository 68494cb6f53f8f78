"""The `wikidata` source against a local Wikibase API serving recorded-format answers."""

import datetime
import json
import threading
import time
from pathlib import Path

import pytest
from werkzeug import Request, Response

from service.domain import Claim
from service.sources.base import SourceError
from service.sources.http import HttpClient, RetryPolicy
from service.sources.wikidata import WikidataSource
from service.sources.wikidata_evidence import merge_terms, select
from service.sources.wikidata_model import (
    Entity,
    Statement,
    parse_entities,
    parse_search_hits,
    parse_time,
    pick,
)
from service.verification import judge
from tests.conftest import LATE, Concurrency, settle

FIXTURES = Path(__file__).parent / "fixtures" / "wikidata"
API_PATH = "/w/api.php"
USER_AGENT = "factcheck-tests/0.1 (https://example.org/factcheck; ops@example.org) requests/2"
TEXT = "Shigeru Ishiba is the Prime Minister of Japan."
CLAIM = Claim("c1", TEXT, 0, len(TEXT), 0.9, entities=("Shigeru Ishiba", "Japan"))
ISHIBA, TAKAICHI, ASO = "Q1059128", "Q1198938", "Q313826"


def load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


class WikidataFake:
    """Answers wbsearchentities and wbgetentities from the fixture answers, like the real API.

    `searches` maps a search string to a fixture file; entities come from every entities_*.json
    fixture, cut down to the props asked for.
    """

    SEARCHES = {
        "Japan": "search_japan.json",
        "Shigeru Ishiba": "search_shigeru_ishiba.json",
        "Ishiba": "search_ishiba.json",
    }

    def __init__(self, fixtures: Path = FIXTURES) -> None:
        self.fixtures = fixtures
        self.entities: dict[str, dict] = {}
        for name in ("entities_labels.json", "entities_japan.json", "entities_shigeru_ishiba.json"):
            self.entities.update(load(name)["entities"])  # full records win over label-only ones

    def __call__(self, request: Request) -> Response:
        action = request.args.get("action")
        if action == "wbsearchentities":
            name = self.SEARCHES.get(request.args.get("search", ""), "search_empty.json")
            return self._json(load(name))
        if action == "wbgetentities":
            return self._json(self._entities(request.args["ids"].split("|"), request.args["props"]))
        return self._json(load("error_no_such_entity.json"))

    def _entities(self, ids: list[str], props: str) -> dict:
        found = {}
        for entity_id in ids:
            record = self.entities.get(entity_id)
            if record is None:
                found[entity_id] = {"id": entity_id, "missing": ""}
                continue
            record = dict(record)
            for prop in ("claims", "sitelinks", "descriptions", "aliases"):
                if prop not in props.split("|"):
                    record.pop(prop, None)
            found[entity_id] = record
        return {"entities": found, "success": 1}

    @staticmethod
    def _json(payload: dict) -> Response:
        return Response(json.dumps(payload), content_type="application/json; charset=utf-8")


@pytest.fixture
def wikidata(httpserver, http):
    client = HttpClient(http, USER_AGENT)
    return WikidataSource("wikidata", client, base_url=httpserver.url_for(API_PATH))


@pytest.fixture
def fake(httpserver):
    fake = WikidataFake()
    httpserver.expect_request(API_PATH).respond_with_handler(fake)
    return fake


@pytest.mark.parametrize(
    ("time_value", "precision", "expected"),
    [
        ("+2024-10-01T00:00:00Z", 11, "2024-10-01"),
        ("+2024-10-00T00:00:00Z", 10, "2024-10"),
        ("+2024-10-01T00:00:00Z", 10, "2024-10"),
        ("+1997-00-00T00:00:00Z", 9, "1997"),
        ("+1900-00-00T00:00:00Z", 7, "1900"),  # century precision keeps the year
        ("-0044-03-15T00:00:00Z", 11, "0001"),  # before year 1: long before any as-of date
        ("+12024-01-01T00:00:00Z", 11, None),
        ("2024-10-01", 11, None),
    ],
)
def test_parse_time_keeps_the_precision(time_value, precision, expected):
    value = {"time": time_value, "timezone": 0, "before": 0, "after": 0, "precision": precision}
    assert parse_time(value) == expected


def test_parse_entities_reads_ranks_and_validity_intervals():
    japan = parse_entities(load("entities_japan.json"))["Q17"]
    assert (japan.label, japan.aliases[:2]) == ("Japan", ("JP", "JPN"))
    heads = {(s.value, s.rank, s.valid_from, s.valid_until) for s in japan.statements["P6"]}
    assert (ISHIBA, "normal", "2024-10-01", "2025-10-21") in heads
    assert (TAKAICHI, "preferred", "2025-10-21", None) in heads
    assert (ASO, "deprecated", None, None) in heads
    [party] = parse_entities(load("entities_shigeru_ishiba.json"))[ISHIBA].statements["P102"]
    assert party.valid_from == "1997"


def test_parse_statements_without_a_value_or_with_an_unknown_end():
    unknown_end = {
        "mainsnak": {
            "snaktype": "value",
            "property": "P39",
            "datavalue": {
                "value": {"entity-type": "item", "id": "Q1"},
                "type": "wikibase-entityid",
            },
        },
        "qualifiers": {"P582": [{"snaktype": "somevalue", "property": "P582"}]},
        "rank": "normal",
    }
    no_value = {"mainsnak": {"snaktype": "novalue", "property": "P6"}, "rank": "normal"}
    payload = {"entities": {"Q9": {"id": "Q9", "claims": {"P39": [unknown_end], "P6": [no_value]}}}}
    entity = parse_entities(payload)["Q9"]
    [statement] = entity.statements["P39"]
    assert (statement.value, statement.ended_unknown) == ("Q1", True)
    assert entity.statements["P6"] == ()


def test_search_hits_prefer_the_exact_label_or_alias():
    hits = parse_search_hits(load("search_ishiba.json"))
    assert pick(hits, "Ishiba") == "Q11556640"  # the family name is labelled exactly so
    assert pick(parse_search_hits(load("search_japan.json")), "japan") == "Q17"
    assert pick(parse_search_hits(load("search_empty.json")), "Japan") is None


@pytest.mark.parametrize(
    ("payload", "kind"),
    [
        ([], "bad_payload"),
        ({"searchinfo": {}}, "bad_payload"),
        (load("error_maxlag.json"), "rate_limited"),
        (load("error_no_such_entity.json"), "error"),
    ],
)
def test_parsers_reject_wrong_shapes(payload, kind):
    with pytest.raises(SourceError) as caught:
        parse_search_hits(payload)
    assert caught.value.kind == kind


def _entity(statements: list[Statement]) -> dict[str, Entity]:
    return {"Q1": Entity("Q1", "Ruritania", (), {"P6": tuple(statements)})}


def test_select_preferred_rank_wins_among_current_statements_and_deprecated_ones_are_ignored():
    statements = [
        Statement("Q1", "P6", "Q10", "normal", "2020-01-01"),  # its end was never entered
        Statement("Q1", "P6", "Q11", "preferred", "2024-06-01"),
        Statement("Q1", "P6", "Q12", "deprecated"),
        Statement("Q1", "P6", "Q13", "normal", "2010", "2015"),
    ]
    chosen = select(_entity(statements), datetime.date(2025, 1, 1), wanted=set())
    assert [s.value for s in chosen] == ["Q11"]
    before = select(_entity(statements), datetime.date(2022, 1, 1), wanted={"Q13"})
    assert [s.value for s in before] == ["Q10", "Q13"]  # the past one involves a claim entity


def test_consecutive_terms_merge_and_others_do_not():
    statements = [
        Statement("Q1", "P39", "Q5", "normal", "2024-11-11", "2025-10-21"),
        Statement("Q1", "P39", "Q5", "preferred", "2024-10-01", "2024-11-11"),
        Statement("Q1", "P39", "Q5", "normal", "2012", "2014"),  # a gap: another term
        Statement("Q1", "P39", "Q6", "normal", "2025-10-21"),
    ]
    merged = merge_terms(statements)
    assert [(s.value, s.rank, s.valid_from, s.valid_until) for s in merged] == [
        ("Q5", "normal", "2012", "2014"),
        ("Q5", "preferred", "2024-10-01", "2025-10-21"),
        ("Q6", "normal", "2025-10-21", None),
    ]


@pytest.mark.parametrize(
    ("as_of", "label", "decisive"),
    [
        (datetime.date(2025, 2, 8), "supported", "Shigeru Ishiba as Prime Minister of Japan"),
        (datetime.date(2026, 11, 28), "refuted", "Sanae Takaichi as Prime Minister of Japan"),
        (datetime.date(2024, 5, 1), "refuted", "Fumio Kishida as Prime Minister of Japan"),
    ],
)
@pytest.mark.usefixtures("fake")
def test_the_claim_is_judged_as_of_its_date(wikidata, as_of, label, decisive):
    evidence = wikidata.search(CLAIM, as_of, timeout=2.0)
    verdict = judge(CLAIM, evidence, as_of, "2026-11-28T00:00:00+00:00")
    assert verdict.label == label
    assert decisive in verdict.rationale
    assert all(e.relation and e.value for e in evidence)
    assert {e.source for e in evidence} == {"wikidata"}


@pytest.mark.usefixtures("fake")
def test_evidence_carries_its_validity_interval_and_a_link(wikidata, httpserver):
    evidence = wikidata.search(CLAIM, datetime.date(2025, 2, 8), timeout=2.0)
    japan = [e for e in evidence if e.title == "Japan: head of government"]
    assert [(e.value, e.valid_from, e.valid_until) for e in japan] == [
        ("Shigeru Ishiba", "2024-10-01", "2025-10-21")
    ]
    assert japan[0].single_valued and japan[0].relation == "Prime Minister of Japan"
    assert japan[0].url == httpserver.url_for("/wiki/Q17#P6")
    assert "Shigeru Ishiba: Prime Minister of Japan, from 2024-10-01 to 2025-10-21" in (
        japan[0].snippet
    )
    [position] = [e for e in evidence if e.title == "Shigeru Ishiba: position held"]
    # Two statements (one per cabinet) make one term.
    assert (position.valid_from, position.valid_until) == ("2024-10-01", "2025-10-21")
    assert (position.relation, position.single_valued) == ("Prime Minister of Japan", False)
    assert "Tarō Asō" not in {e.value for e in evidence}  # his statement is deprecated


@pytest.mark.usefixtures("fake")
def test_requests_follow_the_wikimedia_etiquette(wikidata, httpserver):
    wikidata.search(CLAIM, datetime.date(2025, 2, 8), timeout=2.0)
    actions = [request.args["action"] for request, _ in httpserver.log]
    assert actions == ["wbsearchentities", "wbsearchentities", "wbgetentities", "wbgetentities"]
    for request, _ in httpserver.log:
        assert request.headers["User-Agent"] == USER_AGENT
        assert (request.args["maxlag"], request.args["format"]) == ("5", "json")
    searched = [r.args["search"] for r, _ in httpserver.log if "search" in r.args]
    assert sorted(searched) == ["Japan", "Shigeru Ishiba"]  # looked up side by side
    first_get, labels = [r.args for r, _ in httpserver.log[2:]]
    assert (first_get["ids"], first_get["props"]) == (f"{ISHIBA}|Q17", "labels|aliases|claims")
    assert labels["props"] == "labels|aliases" and "Q274948" in labels["ids"].split("|")


@pytest.mark.usefixtures("fake")
def test_a_claim_without_entities_or_with_unknown_ones(wikidata, httpserver):
    plain = Claim("c2", "Prices rose.", 0, 12, 0.9)
    assert wikidata.search(plain, datetime.date(2025, 2, 8), timeout=2.0) == []
    assert httpserver.log == []
    unknown = Claim("c3", "Qwxzzy Blorft won.", 0, 18, 0.9, entities=("Qwxzzy Blorft",))
    assert wikidata.search(unknown, datetime.date(2025, 2, 8), timeout=2.0) == []
    assert len(httpserver.log) == 1


@pytest.mark.usefixtures("fake")
def test_a_claim_not_about_a_role_gives_no_evidence(wikidata):
    text = "Japan exported more cars than Germany in 2024."
    claim = Claim("c4", text, 0, len(text), 0.9, entities=("Japan",))
    assert wikidata.search(claim, datetime.date(2025, 2, 8), timeout=2.0) == []


def test_maxlag_then_success(httpserver, http):
    fake = WikidataFake()
    httpserver.expect_ordered_request(API_PATH).respond_with_json(
        load("error_maxlag.json"), headers={"Retry-After": "0", "X-Database-Lag": "6"}
    )
    httpserver.expect_request(API_PATH).respond_with_handler(fake)
    source = WikidataSource(
        "wd", HttpClient(http, USER_AGENT), base_url=httpserver.url_for(API_PATH)
    )
    evidence = source.search(CLAIM, datetime.date(2025, 2, 8), timeout=3.0)
    assert evidence and len(httpserver.log) == 5


def test_maxlag_asking_for_more_than_the_deadline_is_rate_limited(httpserver, http):
    httpserver.expect_request(API_PATH).respond_with_json(
        load("error_maxlag.json"), headers={"Retry-After": "5"}
    )
    source = WikidataSource(
        "wd", HttpClient(http, USER_AGENT), base_url=httpserver.url_for(API_PATH)
    )
    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        source.search(CLAIM, datetime.date(2025, 2, 8), timeout=3.0)
    assert (caught.value.kind, caught.value.retry_after) == ("rate_limited", 5.0)
    # No retry: the two names are looked up side by side, and the second is not sent at all
    # when the first answer's Retry-After is already known to the client. Waiting towards the
    # 3 s deadline would take past LATE.
    assert time.monotonic() - started < LATE and len(httpserver.log) in (1, 2)


@pytest.mark.parametrize(
    ("status", "body", "kind", "requests_made"),
    [
        (503, "<html>Wikimedia Error</html>", "error", 2),  # retried once (retries: 1)
        (429, "Too many requests", "rate_limited", 2),
        (403, "Forbidden", "error", 1),  # a 4xx is not retried
        (200, '{"entities": {"Q17": "oops"}', "bad_payload", 1),  # truncated JSON
        (200, "<html>not json</html>", "bad_payload", 1),
    ],
)
def test_failures_of_the_entity_request(httpserver, http, status, body, kind, requests_made):
    fake = WikidataFake()

    def broken_entities(request):
        if request.args["action"] == "wbgetentities":
            return Response(body, status=status, content_type="application/json")
        return fake(request)

    httpserver.expect_request(API_PATH).respond_with_handler(broken_entities)
    client = HttpClient(http, USER_AGENT)
    source = WikidataSource(
        "wd", client, base_url=httpserver.url_for(API_PATH), retry=RetryPolicy(attempts=2)
    )
    with pytest.raises(SourceError) as caught:
        source.search(CLAIM, datetime.date(2025, 2, 8), timeout=3.0)
    assert caught.value.kind == kind
    gets = [r for r, _ in httpserver.log if r.args.get("action") == "wbgetentities"]
    assert len(gets) == requests_made


def test_a_hanging_api_is_a_timeout_within_the_deadline(httpserver, http):
    release = threading.Event()

    def hang(request):
        release.wait(3.0)
        return Response("{}", content_type="application/json")

    httpserver.expect_request(API_PATH).respond_with_handler(hang)
    source = WikidataSource(
        "wd", HttpClient(http, USER_AGENT), base_url=httpserver.url_for(API_PATH)
    )
    started = time.monotonic()
    with pytest.raises(SourceError) as caught:
        source.search(CLAIM, datetime.date(2025, 2, 8), timeout=0.3)
    release.set()
    settle(httpserver)
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 0.3 + LATE


def test_the_entities_are_looked_up_side_by_side(http, threaded_server):
    fake = WikidataFake()
    searches = Concurrency(fake, 0.3)

    def handler(request: Request) -> Response:
        searching = request.args.get("action") == "wbsearchentities"
        return searches(request) if searching else fake(request)

    threaded_server.expect_request(API_PATH).respond_with_handler(handler)
    client = HttpClient(http, USER_AGENT)
    source = WikidataSource("wikidata", client, base_url=threaded_server.url_for(API_PATH))
    found = source.search(CLAIM, datetime.date(2025, 2, 8), timeout=5.0)
    assert searches.peak == 2, "both names were searched at once"
    assert any(ev.value == "Shigeru Ishiba" for ev in found)
