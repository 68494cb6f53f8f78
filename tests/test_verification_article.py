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


def test_most_claims_are_judged_as_a_reader_of_the_passages_would(verdicts):
    right = [v["label"] == case["gold"] for v, case in zip(verdicts, CASES, strict=True)]
    assert sum(right) >= len(CASES) - 2


def test_refuted_verdicts_are_mostly_right(verdicts):
    # Measured: 4 of 6 (the model misreads "in the final days of his presidency" and a passage
    # about Ishiba that does not mention the meeting); the floor keeps that from getting worse.
    refuted = [case["gold"] == "refuted" for v, case in zip(verdicts, CASES, strict=True)
               if v["label"] == "refuted"]  # fmt: skip
    assert sum(refuted) == 4 and sum(refuted) / len(refuted) >= 0.65


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
    confidences = [v["confidence"] for v in verdicts]
    assert all(0.0 <= c <= 1.0 for c in confidences)
    right = [
        v["confidence"] for v, c in zip(verdicts, CASES, strict=True) if v["label"] == c["gold"]
    ]
    wrong = [
        v["confidence"] for v, c in zip(verdicts, CASES, strict=True) if v["label"] != c["gold"]
    ]
    assert not wrong or sum(right) / len(right) > sum(wrong) / len(wrong)
