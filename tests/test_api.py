"""The HTTP API through Flask's test client, on the fixture corpus."""

import pytest


def test_check_returns_claims_with_spans_verdicts_and_evidence(client, article):
    response = client.post("/v1/checks", json={"text": article, "published_at": "2025-02-08"})
    assert response.status_code == 200
    report = response.get_json()
    assert report["claims"], "the article has check-worthy claims"
    # Each against the fixture corpus: the bid and its blocking are in 'Nippon Steel' ($14.9
    # billion matches $15 billion); the pledge is in 'Japan Self-Defense Forces', which the
    # stance model reads too weakly to decide (an abstention, not the wrong side).
    assert {c["original"][:20]: c["verdict"]["label"] for c in report["claims"]} == {
        "Japan has pledged to": "not_enough_evidence",
        "Nippon Steel offered": "supported",
        "Former President Joe": "supported",
    }
    for claim in report["claims"]:
        assert article[claim["start"] : claim["end"]] == claim["original"]
        assert claim["kind"] in ("quote", "reported", "author")
        assert 0.0 <= claim["checkworthiness"] <= 1.0
        assert 0.0 <= claim["verdict"]["confidence"] <= 1.0
        assert claim["verdict"]["rationale"]
        assert claim["verdict"]["as_of"] == "2025-02-08"
        assert claim["verdict"]["cached"] is False
    texts = " ".join(claim["text"] for claim in report["claims"])
    assert "Thank you" not in texts
    assert "What will happen next?" not in texts
    assert report["summary"]["claims"] == len(report["claims"])
    assert report["sources"][0]["name"] == "local"
    assert report["sources"][0]["status"] == "ok"
    assert report["cache"] == "miss"
    assert report["sentences"] == 6
    assert (report["language"], report["notes"]) == ("en", [])


def test_claims_stand_alone_with_their_claimants(client, article):
    claims = client.post("/v1/checks", json={"text": article}).get_json()["claims"]
    pledge = next(c for c in claims if "pledged" in c["text"])
    assert (pledge["claimant"], pledge["kind"]) == ("officials", "reported")
    blocked = next(c for c in claims if "blocked" in c["original"])
    assert blocked["original"] == (
        "Former President Joe Biden blocked the deal in January 2025, citing national security "
        "concerns."
    )
    assert "Nippon Steel's $15 billion offer for U.S. Steel" in blocked["text"]
    assert {"Joe Biden", "Nippon Steel", "U.S. Steel"} <= set(blocked["entities"])
    assert blocked["claimant"] is None and blocked["kind"] == "author"


FRENCH = (
    "Le Japon s'est engagé à doubler ses dépenses de défense d'ici 2027, selon des responsables. "
    "Nippon Steel a offert 15 milliards de dollars pour U.S. Steel en décembre 2023. "
    "L'ancien président Joe Biden a bloqué l'accord en janvier 2025."
)


def test_a_french_article_is_not_checked_and_the_report_says_why(client):
    report = client.post("/v1/checks", json={"text": FRENCH}).get_json()
    assert report["language"] == "fr"
    assert report["claims"] == [] and report["summary"]["claims"] == 0
    assert report["sentences"] == 3
    assert len(report["notes"]) == 1 and "French (fr)" in report["notes"][0]


def test_a_declared_language_overrides_detection(client):
    english = "Nippon Steel offered $15 billion for U.S. Steel in December 2023."
    declared_french = client.post("/v1/checks", json={"text": english, "language": "fr"})
    assert declared_french.status_code == 200
    assert (declared_french.get_json()["language"], declared_french.get_json()["claims"]) == (
        "fr",
        [],
    )
    declared_english = client.post("/v1/claims", json={"text": FRENCH, "language": "en-GB"})
    body = declared_english.get_json()
    assert (body["language"], body["notes"]) == ("en", [])
    detected = client.post("/v1/claims", json={"text": FRENCH}).get_json()
    assert detected["language"] == "fr"


def test_a_french_text_is_scored_but_gives_no_claims(client):
    body = client.post("/v1/claims", json={"text": FRENCH}).get_json()
    assert (body["language"], body["claims"]) == ("fr", [])
    assert "French" in body["notes"][0]
    assert [s["index"] for s in body["sentences"]] == [0, 1, 2]
    assert all(0.0 <= s["checkworthiness"] <= 1.0 for s in body["sentences"])
    assert not any(s["is_claim"] for s in body["sentences"])


def test_nippon_steel_claim_rests_on_the_nippon_steel_document(client, article):
    report = client.post("/v1/checks", json={"text": article}).get_json()
    steel = next(c for c in report["claims"] if "$15 billion" in c["text"])
    assert steel["evidence"], "the corpus has a document about the bid"
    assert steel["evidence"][0]["source"] == "local"
    titles = {item["title"] for item in steel["evidence"]}
    assert titles & {"Nippon Steel", "U.S. Steel"}
    assert {"snippet", "url", "stance", "score"} <= steel["evidence"][0].keys()


def test_second_identical_request_is_answered_from_the_cache(client, article):
    first = client.post("/v1/checks", json={"text": article}).get_json()
    second = client.post("/v1/checks", json={"text": article}).get_json()
    assert second["cache"] == "hit"
    assert all(claim["verdict"]["cached"] for claim in second["claims"])
    assert [c["verdict"]["label"] for c in second["claims"]] == [
        c["verdict"]["label"] for c in first["claims"]
    ]
    assert {source["status"] for source in second["sources"]} == {"cached"}


def test_plain_text_body_is_checked_like_json(client, article):
    response = client.post("/v1/checks", data=article, content_type="text/plain; charset=utf-8")
    assert response.status_code == 200
    assert len(response.get_json()["claims"]) >= 2


def test_max_claims_keeps_the_most_checkworthy(client, article):
    report = client.post("/v1/checks", json={"text": article, "max_claims": 1}).get_json()
    assert len(report["claims"]) == 1


def test_min_score_one_leaves_no_claims(client, article):
    report = client.post("/v1/checks", json={"text": article, "min_score": 1.0}).get_json()
    assert report["claims"] == []
    assert report["summary"]["claims"] == 0


def test_extraction_lists_every_sentence_and_the_threshold(client, article):
    response = client.post("/v1/claims", json={"text": article})
    body = response.get_json()
    assert response.status_code == 200
    assert len(body["sentences"]) == 6
    assert 0.0 < body["threshold"] < 1.0
    assert (body["language"], body["notes"]) == ("en", [])
    assert [s["index"] for s in body["sentences"]] == list(range(6))
    for sentence in body["sentences"]:
        assert article[sentence["start"] : sentence["end"]] == sentence["text"]
        inside = [c for c in body["claims"] if sentence["start"] <= c["start"] < sentence["end"]]
        assert sentence["is_claim"] == bool(inside)
        assert sentence["is_claim"] == (sentence["checkworthiness"] >= body["threshold"])
        assert all(c["checkworthiness"] >= body["threshold"] for c in inside)
        assert all(article[c["start"] : c["end"]] == c["original"] for c in inside)
    scored = {s["text"]: s["checkworthiness"] for s in body["sentences"]}
    assert scored["Thank you all for coming today."] < body["threshold"]
    assert scored["What will happen next?"] < body["threshold"]
    assert "verdict" not in body["claims"][0]


@pytest.mark.parametrize(
    "payload",
    [
        {"claim": "Nippon Steel offered $15 billion for U.S. Steel."},
        {"claims": ["Nippon Steel offered $15 billion for U.S. Steel.", "Mount Fuji is 3,776 m."]},
    ],
)
def test_verify_takes_one_claim_or_a_list(client, payload):
    response = client.post("/v1/claims/verify", json=payload)
    body = response.get_json()
    assert response.status_code == 200
    expected = [payload["claim"]] if "claim" in payload else payload["claims"]
    assert [claim["text"] for claim in body["claims"]] == expected
    assert [claim["original"] for claim in body["claims"]] == expected
    # '$14.9 billion' in 'Nippon Steel', '3,776 metres' in 'Mount Fuji'
    assert [claim["verdict"]["label"] for claim in body["claims"]] == ["supported"] * len(expected)


def test_verify_finds_the_matching_document(client):
    body = client.post(
        "/v1/claims/verify", json={"claim": "Mount Fuji is the highest mountain in Japan."}
    ).get_json()
    assert body["claims"][0]["evidence"][0]["title"] == "Mount Fuji"


def test_sources_lists_the_configured_sources_and_their_last_status(client, article):
    before = client.get("/v1/sources").get_json()["sources"]
    assert before == [
        {
            "name": "local",
            "type": "corpus",
            "status": "unknown",
            "last_status": None,
            "last_latency_ms": None,
        }
    ]
    client.post("/v1/checks", json={"text": article})
    after = client.get("/v1/sources").get_json()["sources"][0]
    assert after["status"] == "ok"
    assert after["last_latency_ms"] >= 0


def test_health_and_readiness_on_the_memory_cache(client):
    assert client.get("/healthz").get_json()["status"] == "ok"
    assert client.get("/readyz").get_json() == {"status": "ready", "cache": "memory", "sources": 1}


def test_openapi_document_describes_every_endpoint(client):
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    for path in ["/v1/checks", "/v1/claims", "/v1/claims/verify", "/v1/sources", "/healthz"]:
        assert path in spec["paths"], path


def test_openapi_document_describes_the_claim_fields(client):
    schemas = client.get("/openapi.json").get_json()["components"]["schemas"]
    claim = schemas["Claim"]["properties"]
    for field in ("text", "original", "start", "claimant", "kind"):
        assert claim[field]["description"], field
    assert claim["kind"]["enum"] == ["quote", "reported", "author"]
    assert schemas["CheckedClaim"]["properties"]["original"]["description"]
    for name in ("Report", "Extraction"):
        assert {"language", "notes"} <= schemas[name]["properties"].keys(), name
    assert {"index", "is_claim"} <= schemas["Sentence"]["properties"].keys()


def test_docs_ui_is_served_without_a_cdn(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assert b"/docs/static/swagger-ui-bundle.js" in page.data
    script = client.get("/docs/static/swagger-ui-bundle.js")
    assert script.status_code == 200
    assert len(script.data) > 100_000
    script.close()


def test_request_id_is_echoed(client):
    response = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert response.headers["X-Request-ID"] == "abc-123"
