"""Reports as schema.org ClaimReview JSON-LD (Google's fact-check markup)."""

import pytest

ARTICLE_URL = "https://news.example/2025/02/alliance"
REVIEW_URL = "https://factcheck.example/reviews/alliance"
TEXT = (
    "Trump said that Nippon Steel offered $15 billion for Pittsburgh-based U.S. Steel. "
    "Mount Fuji is the highest mountain in Japan. Thank you all for coming."
)


def _graph(response):
    assert response.status_code == 200
    assert response.mimetype == "application/ld+json"
    document = response.get_json(force=True)
    assert document["@context"] == "https://schema.org"
    return document["@graph"]


@pytest.mark.parametrize(
    ("query", "headers"),
    [("?format=claimreview", {}), ("", {"Accept": "application/ld+json"})],
)
def test_a_check_can_be_had_as_claimreview(client, query, headers):
    body = {
        "text": TEXT,
        "url": ARTICLE_URL,
        "review_url": REVIEW_URL,
        "published_at": "2025-02-08",
    }
    reviews = _graph(client.post(f"/v1/checks{query}", json=body, headers=headers))
    report = client.post("/v1/checks", json=body).get_json()
    assert [r["claimReviewed"] for r in reviews] == [c["text"] for c in report["claims"]]
    for review, claim in zip(reviews, report["claims"], strict=True):
        assert review["@type"] == "ClaimReview"
        assert review["url"] == f"{REVIEW_URL}#{claim['id']}"
        assert review["author"] == {"@type": "Organization", "name": "Fact-check service"}
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["appearance"] == {"@type": "CreativeWork", "url": ARTICLE_URL}
        assert review["itemReviewed"]["datePublished"] == "2025-02-08"
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["alternateName"]
        assert rating["ratingExplanation"] == claim["verdict"]["rationale"]
        if claim["verdict"]["label"] == "not_enough_evidence":
            assert "ratingValue" not in rating
        else:
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        cited = [c["url"] for c in review.get("citation", [])]
        assert cited == [e["url"] for e in claim["evidence"] if e["url"]]


def test_the_claimant_is_the_claims_author(client):
    reviews = _graph(client.post("/v1/checks?format=claimreview", json={"text": TEXT}))
    steel = next(r for r in reviews if "Nippon Steel" in r["claimReviewed"])
    assert steel["itemReviewed"]["author"] == {"@type": "Person", "name": "Trump"}
    assert "url" not in steel, "no review_url given, no url invented"


def test_verify_can_answer_as_claimreview(client):
    response = client.post(
        "/v1/claims/verify",
        json={"claim": "Mount Fuji is the highest mountain in Japan."},
        headers={"Accept": "application/ld+json"},
    )
    assert _graph(response)[0]["claimReviewed"] == "Mount Fuji is the highest mountain in Japan."


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/checks?format=xml", {"text": TEXT}),
        ("/v1/checks", {"text": TEXT, "url": "not a url"}),
        ("/v1/checks", {"text": TEXT, "review_url": "ftp://files.example/x"}),
    ],
)
def test_bad_format_or_urls_are_422(client, path, body):
    response = client.post(path, json=body)
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"


def test_plain_json_stays_the_default(client):
    response = client.post("/v1/checks", json={"text": TEXT}, headers={"Accept": "*/*"})
    assert response.mimetype == "application/json"
    assert "claims" in response.get_json()
