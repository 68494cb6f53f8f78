"""What a decided verdict must rest on (decision.py), from the aggregation's proposal."""

from __future__ import annotations

import numpy as np
import pytest

from service.domain import Evidence
from service.verification.bearing import Bearing
from service.verification.decision import decide
from service.verification.stance import StanceResult

TEXT = Evidence("wiki", "Eiffel Tower", "The Eiffel Tower is a lattice tower in Paris.")
STATEMENT = Evidence("wikidata", "Japan", "", relation="head of government", value="Sanae Takaichi")
NEUTRAL = StanceResult("neutral", 0.0, "says nothing", 0.5)
OWN = Bearing(own=True)
OTHER = Bearing(own=False)


def rows(*probs: tuple[float, float, float]) -> np.ndarray:
    return np.array(probs, dtype=np.float64)


@pytest.mark.parametrize(
    ("proposal", "probs", "bearings", "label", "basis"),
    [
        # a passage takes the side the aggregation proposes
        (("supported", 0.8), rows((0.9, 0.05, 0.05)), [OTHER], "supported", "aggregation"),
        (("refuted", 0.8), rows((0.05, 0.05, 0.9)), [OTHER], "refuted", "aggregation"),
        # under the floor: abstain
        (("supported", 0.45), rows((0.9, 0.05, 0.05)), [OTHER], "not_enough_evidence", "floor"),
        # no passage supports: the claim's wording alone does not make it true
        (("supported", 0.8), rows((0.3, 0.6, 0.1)), [OTHER], "not_enough_evidence", "no_passage"),
        # a refutation against a supporting passage and none refuting
        (("refuted", 0.7), rows((0.8, 0.1, 0.1)), [OTHER], "not_enough_evidence", "no_passage"),
        # the subject's own article contradicting the claim refutes it, another article does not
        (("not_enough_evidence", 0.6), rows((0.01, 0.01, 0.98)), [OWN], "refuted", "own_article"),
        (("not_enough_evidence", 0.6), rows((0.01, 0.01, 0.98)), [OTHER],
         "not_enough_evidence", "aggregation"),
        (("not_enough_evidence", 0.6), rows((0.05, 0.1, 0.85)), [OWN],
         "not_enough_evidence", "aggregation"),
    ],
)  # fmt: skip
def test_decide(proposal, probs, bearings, label, basis):
    decision = decide(proposal, [TEXT] * len(probs), probs, [NEUTRAL] * len(probs), bearings)
    assert (decision.label, decision.basis) == (label, basis)
    assert 0.0 <= decision.confidence <= 1.0


@pytest.mark.parametrize(("stance", "label"), [("refutes", "refuted"), ("supports", "supported")])
def test_a_plainly_asserted_statement_outweighs_the_text(stance, label):
    statement = StanceResult(stance, 0.9, "lists Sanae Takaichi as head of government", 1.0)
    probs = rows((0.98, 0.01, 0.01), (0.01, 0.01, 0.98), (0.0, 1.0, 0.0))
    found = [NEUTRAL, NEUTRAL, statement]
    decision = decide(("conflicting", 0.9), [TEXT, TEXT, STATEMENT], probs, found, [OTHER] * 3)
    assert (decision.label, decision.basis) == (label, "statement")


def test_an_apposition_does_not_decide_alone():
    weak = StanceResult("refutes", 0.7, "an apposition", 1.0)
    decision = decide(
        ("not_enough_evidence", 0.6), [STATEMENT], rows((0.0, 0.3, 0.7)), [weak], [None]
    )
    assert decision.label == "not_enough_evidence"
