"""POST /v1/claims/verify with evidence supplied by the client: no source is queried."""

import pytest

CLAIM = "Nippon Steel offered $15 billion for Pittsburgh-based U.S. Steel."
SUPPORTING = {
    "title": "Nippon Steel",
    "url": "https://en.wikipedia.org/wiki/Nippon_Steel",
    "text": "In December 2023 Nippon Steel offered $15 billion for Pittsburgh-based U.S. Steel, "
    "the American steelmaker.",
}


def test_the_verdict_rests_on_the_supplied_passages_only(client):
    body = client.post(
        "/v1/claims/verify", json={"claim": CLAIM, "evidence": [SUPPORTING]}
    ).get_json()
    assert body["sources"] == []
    assert body["cache"] == "bypass"
    claim = body["claims"][0]
    assert [e["source"] for e in claim["evidence"]] == ["supplied"]
    assert claim["evidence"][0]["url"] == SUPPORTING["url"]
    assert claim["verdict"]["label"] == "supported"


def test_an_unrelated_passage_gives_no_verdict(client):
    passage = {"text": "Mount Fuji is the highest mountain in Japan, at 3,776 metres."}
    body = client.post("/v1/claims/verify", json={"claim": CLAIM, "evidence": [passage]})
    assert body.get_json()["claims"][0]["verdict"]["label"] == "not_enough_evidence"


def test_supplied_evidence_applies_to_each_claim_and_to_the_sources_report(client):
    claims = [CLAIM, "Nippon Steel offered $1.5 billion for Pittsburgh-based U.S. Steel."]
    body = client.post(
        "/v1/claims/verify", json={"claims": claims, "evidence": [SUPPORTING]}
    ).get_json()
    labels = [claim["verdict"]["label"] for claim in body["claims"]]
    # The same passage supports $15 billion and refutes a tenth of it.
    assert labels == ["supported", "refuted"]
    rationale = body["claims"][1]["verdict"]["rationale"]
    assert "says $15 billion, the claim says $1.5 billion" in rationale


@pytest.mark.parametrize(
    "evidence",
    [
        [],
        [{"title": "no text"}],
        [{"text": "   "}],
        [{"text": "fine", "url": "javascript:alert(1)"}],
        [{"text": "fine", "colour": "blue"}],
        [{"text": "x"}] * 51,
    ],
)
def test_invalid_evidence_is_422(client, evidence):
    response = client.post("/v1/claims/verify", json={"claim": CLAIM, "evidence": evidence})
    assert response.status_code == 422
    assert "evidence" in response.get_json()["errors"]


def test_evidence_and_sources_together_are_refused(client):
    payload = {"claim": CLAIM, "evidence": [SUPPORTING], "sources": ["local"]}
    response = client.post("/v1/claims/verify", json=payload)
    assert response.status_code == 422
    assert "sources" in response.get_json()["errors"]


@pytest.mark.parametrize(
    ("claim", "passages"),
    [
        (
            "Another matter of concern is the blocking of a $15 billion acquisition bid by "
            "Nippon Steel for Pittsburgh-based US Steel.",
            [
                "Hiroshima is the capital of Hiroshima Prefecture in Japan. In 1945 it was the "
                "first city to be struck by a nuclear weapon.",
                "Donald Duck is a cartoon character created by the Walt Disney Company.",
            ],
        ),
    ],
)
def test_off_topic_passages_give_no_verdict(client, claim, passages):
    evidence = [{"text": text} for text in passages]
    body = client.post("/v1/claims/verify", json={"claim": claim, "evidence": evidence})
    assert body.get_json()["claims"][0]["verdict"]["label"] == "not_enough_evidence"
