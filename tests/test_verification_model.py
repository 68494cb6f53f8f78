"""The model verifier: aggregation, calibration plumbing and rationale (with a fixed scorer),
and the shipped ONNX stance model itself."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from service.domain import Claim, Evidence
from service.extraction import claim_from_text
from service.verification.aggregate import DEFAULT_WEIGHTS, FEATURES, Aggregator, features
from service.verification.stance import StanceResult
from service.verification.stance_model import StanceModel, clean, default_model
from service.verification.verifier import ModelVerifier

AS_OF = date(2025, 2, 7)
CLAIM = Claim("c1", "Nippon Steel offered $15 billion for U.S. Steel.", 0, 48, 0.9)
PLAIN_CLAIM = Claim("c2", "Nippon Steel bought U.S. Steel.", 0, 31, 0.9)  # states no figure
NEUTRAL = StanceResult("neutral", 0.0, "says nothing", 0.2)


class FixedScorer:
    """A stance model stand-in answering from a table keyed by the passage text."""

    def __init__(self, table: dict[str, tuple[float, float, float]]) -> None:
        self.table = table
        self.seen: list[str] = []

    def probabilities(self, pairs):
        self.seen.extend(text for _, text in pairs)
        return np.array([self.table[text] for _, text in pairs])


def passage(text: str, title: str = "Wiki", **extra) -> Evidence:
    return Evidence("wikipedia", title, text, **extra)


def verifier(table, **aggregation) -> ModelVerifier:
    return ModelVerifier(FixedScorer(table), Aggregator.from_meta(aggregation or None))


@pytest.mark.parametrize(
    ("probs", "label"),
    [
        ([(0.95, 0.03, 0.02)], "supported"),
        ([(0.02, 0.03, 0.95)], "refuted"),
        ([(0.05, 0.9, 0.05), (0.1, 0.85, 0.05)], "not_enough_evidence"),
        ([(0.97, 0.02, 0.01), (0.01, 0.02, 0.97)], "conflicting"),
    ],
)
def test_default_aggregation_labels(probs, label):
    texts = [f"Nippon Steel and U.S. Steel, passage {i}." for i in range(len(probs))]
    verdict = verifier(dict(zip(texts, probs, strict=True))).judge(
        PLAIN_CLAIM, [passage(t) for t in texts], AS_OF, "t"
    )
    assert verdict.label == label
    assert 0.0 <= verdict.confidence <= 1.0


def test_a_refutation_below_the_threshold_abstains():
    text = "Nippon Steel did not bid for U.S. Steel."
    table = {text: (0.02, 0.03, 0.95)}
    assert verifier(table).judge(CLAIM, [passage(text)], AS_OF, "t").label == "refuted"
    strict = verifier(table, refute_threshold=0.999)
    assert strict.judge(CLAIM, [passage(text)], AS_OF, "t").label == "not_enough_evidence"


def test_passages_sharing_no_word_with_the_claim_are_not_given_to_the_model():
    scorer = FixedScorer({})
    evidence = [passage("Mount Fuji is the highest mountain in Japan.")]
    verdict = ModelVerifier(scorer, Aggregator.from_meta(None)).judge(CLAIM, evidence, AS_OF, "t")
    assert scorer.seen == []
    assert verdict.label == "not_enough_evidence"


def test_the_rationale_names_the_deciding_passage_and_keeps_its_stance():
    table = {
        "Mount Fuji is high.": (0.02, 0.96, 0.02),
        "It offered $15 billion.": (0.96, 0.02, 0.02),
    }
    evidence = [
        passage("Mount Fuji is high.", "Fuji"),
        passage("It offered $15 billion.", "Nippon Steel"),
    ]
    verdict = verifier(table).judge(CLAIM, evidence, AS_OF, "t")
    assert verdict.rationale.startswith("Supported: wikipedia 'Nippon Steel'")
    assert verdict.evidence[0].title == "Nippon Steel" and verdict.evidence[0].stance == "supports"


def test_a_contradicted_figure_is_quoted_from_the_rules():
    text = "In 2023 Nippon Steel offered $1.5 billion for U.S. Steel."
    claim = Claim("c1", CLAIM.text, 0, 48, 0.9, quantities=_quantities(CLAIM.text))
    verdict = verifier({text: (0.02, 0.03, 0.95)}).judge(claim, [passage(text)], AS_OF, "t")
    assert verdict.label == "refuted"
    assert "$1.5 billion" in verdict.rationale and "$15 billion" in verdict.rationale


def test_a_refutation_the_model_misreads_is_explained_by_the_rules_finding():
    text = "In 2023 Nippon Steel offered $1.5 billion for U.S. Steel."
    claim = Claim("c1", CLAIM.text, 0, 48, 0.9, quantities=_quantities(CLAIM.text))
    always_refuted = [[0.0] * len(FEATURES), [10.0] + [0.0] * (len(FEATURES) - 1),
                      [0.0] * len(FEATURES)]  # fmt: skip
    judged = verifier({text: (0.9, 0.05, 0.05)}, weights=always_refuted)
    verdict = judged.judge(claim, [passage(text)], AS_OF, "t")
    assert verdict.label == "refuted"
    assert "$1.5 billion" in verdict.rationale and "stance model" not in verdict.rationale


def test_a_rated_fact_check_is_read_by_its_rating_not_by_the_model():
    checked = passage("Nippon Steel offered $15 billion for U.S. Steel.", rating="False",
                      rating_normalised="false", match_score=0.95)  # fmt: skip
    scorer = FixedScorer({})
    verdict = ModelVerifier(scorer, Aggregator.from_meta(None)).judge(CLAIM, [checked], AS_OF, "t")
    assert scorer.seen == []
    assert verdict.label == "refuted"
    assert "fact-check rating it 'False'" in verdict.rationale


def test_no_evidence_abstains_without_asking_the_model():
    scorer = FixedScorer({})
    verdict = ModelVerifier(scorer, Aggregator.from_meta(None)).judge(CLAIM, [], AS_OF, "t")
    assert verdict.label == "not_enough_evidence" and scorer.seen == []


@pytest.mark.parametrize(
    ("probs", "rules", "expected"),
    [
        (
            [(0.9, 0.05, 0.05), (0.3, 0.1, 0.6)],
            [NEUTRAL, NEUTRAL],
            {"sup1": 0.9, "sup2": 0.3, "ref1": 0.6, "ref2": 0.05, "neutral_min": 0.05},
        ),
        (
            [(0.1, 0.8, 0.1)],
            [StanceResult("refutes", 0.7, "r", 0.9)],
            {"rule_ref": 0.7, "rule_sup": 0.0, "relevance": 0.9, "sup2": 0.0},
        ),
    ],
)
def test_feature_rows(probs, rules, expected):
    row = features(np.array(probs), rules)
    assert {name: round(float(row[FEATURES.index(name)]), 3) for name in expected} == expected


def test_the_claim_prior_is_read_only_by_weights_that_use_it():
    text = "Nippon Steel did not bid for U.S. Steel."
    # A refutation the claim's wording alone already predicts is discounted.
    extra = ([0.0, 0.0], [0.0, -20.0], [0.0, 0.0])  # claim_sup, claim_ref per outcome
    prior_weights = [list(row) + cols for row, cols in zip(DEFAULT_WEIGHTS, extra, strict=True)]
    cue = {text: (0.02, 0.03, 0.95), "": (0.0, 0.1, 0.9)}
    no_cue = {text: (0.02, 0.03, 0.95), "": (0.1, 0.8, 0.1)}
    judged = {
        name: verifier(table, weights=prior_weights).judge(CLAIM, [passage(text)], AS_OF, "t")
        for name, table in (("cue", cue), ("no_cue", no_cue))
    }
    assert judged["no_cue"].label == "refuted"
    assert judged["cue"].label == "not_enough_evidence"
    plain = verifier({text: (0.02, 0.03, 0.95)})  # no "" entry: asking for the prior would fail
    assert plain.judge(CLAIM, [passage(text)], AS_OF, "t").label == "refuted"


def test_feature_rows_end_with_the_claim_prior_when_given():
    row = features(np.array([(0.9, 0.05, 0.05)]), [NEUTRAL], np.array([0.2, 0.5, 0.3]))
    assert len(row) == len(FEATURES) + 2 and list(row[-2:]) == [0.2, 0.3]


def test_aggregation_weights_of_the_wrong_shape_are_refused():
    with pytest.raises(ValueError, match="weights"):
        Aggregator.from_meta({"weights": [[1.0, 2.0]]})
    with pytest.raises(ValueError, match="weights"):
        Aggregator.from_meta({"weights": [list(row) + [0.0] for row in DEFAULT_WEIGHTS]})


def test_the_shipped_model_scores_pairs_with_probabilities():
    model = default_model()
    pairs = [
        (CLAIM.text, "Nippon Steel offered $15 billion for U.S. Steel."),
        ("Paris is in Germany.", "Paris is the capital of France."),
    ]
    probs = model.probabilities(pairs)
    assert probs.shape == (2, 3)
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    assert probs[0, 0] > probs[0, 2]
    assert model.probabilities([]).shape == (0, 3)


def test_the_shipped_model_carries_its_fitted_aggregation_and_provenance():
    meta = StanceModel.load().meta
    assert set(meta["aggregation"]) >= {"all", "fold_a", "fold_b"}
    assert 0.3 <= Aggregator.from_meta(meta["aggregation"]["all"]).refute_threshold < 1.0
    assert any("fever" in item.lower() for item in meta["training_data"])


def test_fever_bracket_tokens_are_undone():
    assert clean("Paris -LRB- France -RRB-  is") == "Paris ( France ) is"


def _quantities(text):
    from service.extraction.quantities import find_quantities

    return tuple(find_quantities(text))


def test_a_long_passage_is_read_in_windows_and_takes_its_most_decided_one():
    filler = " ".join(
        f"Nippon Steel opened plant number {i} in the Kansai region." for i in range(12)
    )
    decisive = "Nippon Steel offered $15 billion for U.S. Steel in December 2023."
    scorer = FixedScorer({})
    scorer.table = _WindowTable(decisive)
    evidence = [passage(f"{filler} {decisive}", "Nippon Steel")]
    verdict = ModelVerifier(scorer, Aggregator.from_meta(None)).judge(CLAIM, evidence, AS_OF, "t")
    assert len(scorer.seen) > 1 and all(len(text.split()) <= 70 for text in scorer.seen)
    assert verdict.label == "supported", verdict.rationale


class _WindowTable(dict):
    """Supports for the window holding the decisive sentence, neutral for the others."""

    def __init__(self, decisive: str) -> None:
        super().__init__()
        self.decisive = decisive

    def __getitem__(self, text: str) -> tuple[float, float, float]:
        return (0.97, 0.02, 0.01) if self.decisive in text else (0.02, 0.96, 0.02)


def test_a_bound_that_allows_the_claims_figure_does_not_let_the_model_confirm_it():
    # 'more than $1 billion' allows $15 billion without confirming it: however sure the model is,
    # the passage does not support the claim (it could still contradict it).
    claim = claim_from_text("c1", CLAIM.text)  # with its figures, as the endpoints make it
    text = "Nippon Steel offered more than $1 billion for U.S. Steel."
    verdict = verifier({text: (0.95, 0.03, 0.02)}).judge(claim, [passage(text)], AS_OF, "t")
    assert verdict.label == "not_enough_evidence"
    tighter = "Nippon Steel offered $14.9 billion for U.S. Steel."
    verdict = verifier({tighter: (0.95, 0.03, 0.02)}).judge(claim, [passage(tighter)], AS_OF, "t")
    assert verdict.label == "supported"
