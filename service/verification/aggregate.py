"""From per-passage stance probabilities to one verdict label with a calibrated confidence.

A claim's passages are summarised by a few order statistics (the strongest and runner-up
support and refutation, how neutral the passages are, what the explainable rules found) and,
when the fitted weights use it, the claim prior: the stance model's reading of the claim with an
empty passage. A model trained on FEVER-style data learns cues of the claim's wording alone
("refused", "only", "never") and the prior lets the regression discount them. A multinomial
logistic regression over these gives P(supported), P(refuted), P(not enough evidence). The
weights are fitted on held-out claims (training/verification/calibrate.py), so the probability
of the chosen label is the verdict's confidence. `refuted` must also clear `refute_threshold`,
else the verdict abstains: the threshold is fitted counting a wrong `refuted` as two errors,
since a wrong accusation costs more than an abstention.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from service.verification.stance import StanceResult

# one_over_n: the maximum over more passages is higher by chance alone.
FEATURES = ("bias", "sup1", "sup2", "ref1", "ref2", "neutral_min", "rule_sup", "rule_ref",
            "relevance", "one_over_n")  # fmt: skip
PRIOR_FEATURES = ("claim_sup", "claim_ref")  # appended when the weights have columns for them
NO_SIGNAL_CONFIDENCE = 0.8  # not fitted: such claims do not occur in the calibration sets
OUTCOMES = ("supported", "refuted", "not_enough_evidence")
# Used only until calibrate.py has written fitted weights into model.json.
DEFAULT_WEIGHTS = (
    (-1.0, 4.0, 0.5, -3.0, -0.5, -1.0, 1.0, -1.0, 0.5, 0.0),
    (-1.5, -3.0, -0.5, 4.5, 0.5, -1.0, -1.0, 1.5, 0.5, 0.0),
    (1.0, 0.0, 0.0, 0.0, 0.0, 1.5, 0.0, 0.0, -1.0, 0.0),
)


@dataclass(frozen=True)
class Aggregator:
    """The fitted weights and thresholds (from model.json's "aggregation")."""

    weights: np.ndarray  # (3 outcomes, len(FEATURES))
    refute_threshold: float = 0.5
    conflict_threshold: float = 0.9

    @classmethod
    def from_meta(cls, meta: dict | None) -> Aggregator:
        """Read {"weights", "refute_threshold", "conflict_threshold"}; defaults when absent."""
        meta = meta or {}
        weights = np.asarray(meta.get("weights", DEFAULT_WEIGHTS), dtype=np.float64)
        widths = (len(FEATURES), len(FEATURES) + len(PRIOR_FEATURES))
        if weights.ndim != 2 or weights.shape[0] != len(OUTCOMES) or weights.shape[1] not in widths:
            raise ValueError(f"aggregation weights must be 3 x {widths[0]} or 3 x {widths[1]}")
        return cls(
            weights,
            float(meta.get("refute_threshold", 0.5)),
            float(meta.get("conflict_threshold", 0.9)),
        )

    @property
    def uses_prior(self) -> bool:
        """Whether the weights read the claim prior (PRIOR_FEATURES)."""
        return self.weights.shape[1] > len(FEATURES)

    def outcome_probabilities(self, row: np.ndarray) -> np.ndarray:
        """P(supported), P(refuted), P(not enough evidence) for one feature row."""
        scores = self.weights @ row
        scores -= scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()

    def decide(
        self, probs: np.ndarray, rules: Sequence[StanceResult], prior: np.ndarray | None = None
    ) -> tuple[str, float]:
        """Verdict label and confidence from the passages' probabilities and rule results (and
        the claim prior, when the weights use it)."""
        if self.uses_prior and prior is None:
            raise ValueError("these aggregation weights need the claim prior")
        row = features(probs, rules, prior if self.uses_prior else None)
        return self.decide_row(row, passages=len(probs))

    def decide_row(self, row: np.ndarray, passages: int = 1) -> tuple[str, float]:
        """Verdict label and confidence from a claim's feature row."""
        p = self.outcome_probabilities(row)
        sup1, ref1 = row[FEATURES.index("sup1")], row[FEATURES.index("ref1")]
        if sup1 == 0.0 and ref1 == 0.0:
            # No passage leans either way (all off topic, or rated "mixed"): nothing to weigh.
            return "not_enough_evidence", NO_SIGNAL_CONFIDENCE
        if passages > 1 and min(sup1, ref1) >= self.conflict_threshold:
            # Two passages each decisive on their own side: report the conflict.
            return "conflicting", round(float(min(sup1, ref1) * (1 - max(p[0], p[1]))), 3)
        best = int(np.argmax(p))
        if OUTCOMES[best] == "refuted" and p[1] < self.refute_threshold:
            best = 2
        return OUTCOMES[best], round(float(p[best]), 3)


def features(
    probs: np.ndarray, rules: Sequence[StanceResult], prior: np.ndarray | None = None
) -> np.ndarray:
    """The claim-level feature row (see FEATURES) from (n, 3) passage probabilities, followed by
    PRIOR_FEATURES when the claim prior (supports, neutral, refutes) is given."""
    sup = np.sort(probs[:, 0])[::-1] if len(probs) else np.zeros(0)
    ref = np.sort(probs[:, 2])[::-1] if len(probs) else np.zeros(0)

    def nth(values: np.ndarray, i: int) -> float:
        return float(values[i]) if len(values) > i else 0.0

    rule_sup = max((r.strength for r in rules if r.stance == "supports"), default=0.0)
    rule_ref = max((r.strength for r in rules if r.stance == "refutes"), default=0.0)
    relevance = max((r.relevance for r in rules), default=0.0)
    neutral_min = float(probs[:, 1].min()) if len(probs) else 1.0
    one_over_n = 1.0 / max(1, len(probs))
    row = [1.0, nth(sup, 0), nth(sup, 1), nth(ref, 0), nth(ref, 1), neutral_min,
           rule_sup, rule_ref, relevance, one_over_n]  # fmt: skip
    if prior is not None:
        row += [float(prior[0]), float(prior[2])]
    return np.array(row)
