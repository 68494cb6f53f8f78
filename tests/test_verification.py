"""Verdicts: aggregation of evidence stances, confidence, rationale, evidence kept."""

from __future__ import annotations

from datetime import date

import pytest

from service.domain import Claim, Evidence, Verdict
from service.extraction.quantities import find_quantities
from service.verification import judge, judge_unavailable
from service.verification.verdict import MAX_EVIDENCE, decide

AS_OF = date(2025, 2, 1)
CHECKED_AT = "2025-02-01T12:00:00Z"
CLAIM_TEXT = "Nippon Steel agreed to buy U.S. Steel for $15 billion."

AGREES = Evidence("wiki", "Nippon Steel", "Nippon Steel agreed to buy U.S. Steel for $15 billion.")
AGREES_TOO = Evidence(
    "news",
    "Steel deal",
    "In December 2023 Nippon Steel agreed to buy U.S. Steel for $14.9 billion.",
)
CONTRADICTS = Evidence(
    "wiki", "U.S. Steel", "Nippon Steel agreed to buy U.S. Steel for $1.4 billion in cash."
)
CONTRADICTS_TOO = Evidence(
    "news", "Deal", "Nippon Steel agreed to buy U.S. Steel for $141 billion."
)
NEGATES_WEAKLY = Evidence(
    "blog", "Rumours", "Nippon Steel never agreed to buy U.S. Steel, Pittsburgh sources said."
)
UNRELATED = Evidence("wiki", "Eiffel Tower", "The tower is a wrought-iron lattice tower in Paris.")


def make_claim(text: str = CLAIM_TEXT) -> Claim:
    return Claim("c1", text, 0, len(text), 0.9, quantities=tuple(find_quantities(text)))


def run(*evidence: Evidence) -> Verdict:
    return judge(make_claim(), list(evidence), AS_OF, CHECKED_AT)


@pytest.mark.parametrize(
    ("evidence", "label"),
    [
        ((), "not_enough_evidence"),
        ((UNRELATED,), "not_enough_evidence"),
        ((AGREES,), "supported"),
        ((AGREES, AGREES_TOO, UNRELATED), "supported"),
        ((CONTRADICTS,), "refuted"),
        ((CONTRADICTS, CONTRADICTS_TOO), "refuted"),
        ((AGREES, CONTRADICTS), "conflicting"),
        ((AGREES, AGREES_TOO, NEGATES_WEAKLY), "supported"),
        ((NEGATES_WEAKLY,), "not_enough_evidence"),
    ],
)
def test_label_for_evidence_mix(evidence: tuple[Evidence, ...], label: str) -> None:
    verdict = run(*evidence)
    assert verdict.label == label, verdict.rationale
    assert 0.0 <= verdict.confidence <= 1.0
    assert verdict.as_of == "2025-02-01" and verdict.checked_at == CHECKED_AT


def test_supported_rationale_names_the_deciding_source() -> None:
    verdict = run(UNRELATED, AGREES)
    assert "wiki 'Nippon Steel'" in verdict.rationale
    assert "$15 billion" in verdict.rationale


def test_refuted_rationale_quotes_both_figures() -> None:
    verdict = run(CONTRADICTS)
    assert "wiki 'U.S. Steel'" in verdict.rationale
    assert "$1.4 billion" in verdict.rationale and "$15 billion" in verdict.rationale


def test_conflicting_rationale_names_both_sides() -> None:
    verdict = run(AGREES, CONTRADICTS)
    assert "wiki 'Nippon Steel'" in verdict.rationale and "wiki 'U.S. Steel'" in verdict.rationale


@pytest.mark.parametrize(
    ("evidence", "phrase"),
    [
        ((), "no source returned evidence"),
        ((UNRELATED,), "no source passage mentions"),
        ((NEGATES_WEAKLY,), "too weak"),
    ],
)
def test_abstention_rationale_says_why(evidence: tuple[Evidence, ...], phrase: str) -> None:
    assert phrase in run(*evidence).rationale


def test_evidence_gets_stances_and_only_relevant_passages_are_kept() -> None:
    verdict = run(UNRELATED, AGREES, CONTRADICTS)
    assert {(e.title, e.stance) for e in verdict.evidence} == {
        ("Nippon Steel", "supports"),
        ("U.S. Steel", "refutes"),
    }


def test_the_deciding_side_comes_first() -> None:
    verdict = run(NEGATES_WEAKLY, AGREES)
    assert verdict.label == "supported"
    assert [e.stance for e in verdict.evidence] == ["supports", "refutes"]


def test_decisive_passages_come_before_neutral_ones_and_the_list_is_capped() -> None:
    neutral = Evidence("wiki", "Nippon Steel", "Nippon Steel and U.S. Steel are steel makers.")
    verdict = run(*([neutral] * 6), AGREES)
    assert verdict.evidence[0].stance == "supports"
    assert len(verdict.evidence) == MAX_EVIDENCE


def test_more_agreeing_sources_raise_confidence() -> None:
    assert run(AGREES, AGREES_TOO).confidence > run(AGREES_TOO).confidence


def test_unavailable_sources_abstain_and_say_so() -> None:
    verdict = judge_unavailable(make_claim(), AS_OF, CHECKED_AT, "wiki: timeout")
    assert verdict.label == "not_enough_evidence"
    assert verdict.confidence == 0.0
    assert "unavailable" in verdict.rationale and "wiki: timeout" in verdict.rationale
    assert verdict.evidence == ()


@pytest.mark.parametrize(
    ("support", "refute", "label"),
    [
        (0.0, 0.0, "not_enough_evidence"),
        (0.6, 0.0, "supported"),
        (0.0, 0.6, "not_enough_evidence"),  # the same strength that supports does not refute
        (0.0, 0.9, "refuted"),
        (0.9, 0.85, "conflicting"),
        (0.95, 0.4, "supported"),
        (0.3, 0.95, "refuted"),
        (0.6, 0.5, "not_enough_evidence"),
    ],
)
def test_decide(support: float, refute: float, label: str) -> None:
    decided, confidence = decide(support, refute, best_relevance=0.9)
    assert decided == label
    assert 0.0 <= confidence <= 1.0


def test_refuted_is_held_to_a_higher_bar_than_supported() -> None:
    _, supported = decide(0.9, 0.0, 0.9)
    _, refuted = decide(0.0, 0.9, 0.9)
    assert refuted < supported


def test_abstention_is_less_confident_near_a_decision() -> None:
    _, far = decide(0.0, 0.0, 0.1)
    _, near = decide(0.45, 0.0, 0.9)
    assert near < far
