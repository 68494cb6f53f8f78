"""The example article's claims judged through POST /v1/claims/verify on Wikipedia-like passages
(tests/fixtures/verification/example_article.json, written for this test) by the shipped model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CASES = json.loads(
    (Path(__file__).parent / "fixtures" / "verification" / "example_article.json").read_text(
        encoding="utf-8"
    )
)["cases"]


def verify(client, case: dict) -> dict:
    payload = {"claim": case["claim"], "evidence": case["evidence"], "published_at": "2025-03-01"}
    response = client.post("/v1/claims/verify", json=payload)
    assert response.status_code == 200
    claim = response.get_json()["claims"][0]
    return {**claim["verdict"], "evidence": claim["evidence"]}


@pytest.fixture(scope="module")
def verdicts(app):
    client = app.test_client()
    return [verify(client, case) for case in CASES]


@pytest.fixture(scope="module")
def app(sources_file):
    from service import create_app

    return create_app({"sources_file": str(sources_file)})


# The label of each case: its gold, but case 7 may abstain. There the model reads "in the final
# days of his presidency" against the passage near its threshold, and int8 kernels differ by CPU:
# on AVX2 it abstains, with AVX-512 VNNI it supports (the gold). Never the wrong side.
MAY_ABSTAIN = {7}
WRONG_SIDE = {"supported": "refuted", "refuted": "supported", "not_enough_evidence": None}


@pytest.mark.parametrize("index", range(len(CASES)))
def test_each_claim_is_judged_as_a_reader_of_the_passages_would(verdicts, index):
    gold, found = CASES[index]["gold"], verdicts[index]
    assert found["label"] != WRONG_SIDE[gold], found["rationale"]
    allowed = {gold, "not_enough_evidence"} if index in MAY_ABSTAIN else {gold}
    assert found["label"] in allowed, found["rationale"]


@pytest.mark.parametrize(
    ("index", "label", "phrase"),
    [
        (1, "refuted", "rose 10%"),  # "doubled" vs "rose 10%"
        (2, "supported", "$980 million"),  # "nearly $1 billion" vs "$980 million"
        (3, "supported", "$14.9 billion"),  # "$15 billion" vs "$14.9 billion"
        (4, "refuted", "$1.4 billion"),
    ],
)
def test_figures_decide_and_are_quoted_in_the_rationale(verdicts, index, label, phrase):
    verdict = verdicts[index]
    assert CASES[index]["gold"] == label
    assert verdict["label"] == label
    assert phrase in verdict["rationale"]


def test_the_rationale_names_the_deciding_passage(verdicts):
    verdict = verdicts[0]
    assert verdict["label"] == "supported"
    assert "Japan Self-Defense Forces" in verdict["rationale"]
    assert verdict["evidence"][0]["title"] == "Japan Self-Defense Forces"


def test_confidence_is_a_probability_and_higher_for_right_verdicts(verdicts):
    assert all(0.0 <= v["confidence"] <= 1.0 for v in verdicts)
    right = [v["confidence"] for v, case in zip(verdicts, CASES, strict=True)
             if v["label"] == case["gold"] != "not_enough_evidence"]  # fmt: skip
    abstained = [v["confidence"] for v in verdicts if v["label"] == "not_enough_evidence"]
    mean_right = sum(right) / len(right)
    assert mean_right > 0.6
    if abstained:  # case 7 abstains on some CPUs (MAY_ABSTAIN)
        assert mean_right > sum(abstained) / len(abstained)
