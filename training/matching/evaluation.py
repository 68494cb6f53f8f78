"""Ranking and calibration measures over per-query candidate feature matrices."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Group:
    """One query's candidates: feature rows, which are relevant, how many relevant exist."""

    features: np.ndarray
    relevant: np.ndarray
    n_relevant: int


def average_precision(order: np.ndarray, relevant: np.ndarray, n_relevant: int) -> float:
    """AP@5 of a ranking (the task's scorer: divided by the number of relevant claims)."""
    hits = relevant[order[:5]]
    ranks = np.flatnonzero(hits) + 1
    return float(sum((k + 1) / r for k, r in enumerate(ranks)) / min(n_relevant, 5))


def map_at_5(groups: list[Group], w: np.ndarray) -> float:
    """MAP@5 of ranking every group by features @ w (stable: ties keep BM25 order)."""
    total = 0.0
    for g in groups:
        if len(g.relevant):
            total += average_precision(np.argsort(-(g.features @ w), kind="stable"), g.relevant,
                                       g.n_relevant)  # fmt: skip
    return total / len(groups)


def pairs(groups: list[Group], w: np.ndarray, hardest_only: bool) -> tuple[np.ndarray, np.ndarray]:
    """(scores, labels) of gold pairs and either every wrong candidate or each query's best one."""
    scores, labels = [], []
    for g in groups:
        if not len(g.relevant):
            continue
        s = g.features @ w
        wrong = s[~g.relevant]
        negatives = wrong[[np.argmax(wrong)]] if hardest_only and len(wrong) else wrong
        scores += [*s[g.relevant], *negatives]
        labels += [1] * int(g.relevant.sum()) + [0] * len(negatives)
    return np.array(scores), np.array(labels)


def calibrate(groups: list[Group], w: np.ndarray, steps: int = 50) -> tuple[float, float]:
    """Platt scaling: (a, b) so that sigmoid(a * score + b) fits is-a-match on every pair."""
    x, y = pairs(groups, w, hardest_only=False)
    a, b = 1.0, 0.0
    for _ in range(steps):  # Newton's method on the logistic log-likelihood
        p = 1 / (1 + np.exp(-(a * x + b)))
        grad = np.array([np.sum((p - y) * x), np.sum(p - y)])
        r = p * (1 - p)
        hess = np.array([[np.sum(r * x * x), np.sum(r * x)], [np.sum(r * x), np.sum(r)]])
        a, b = np.array([a, b]) - np.linalg.solve(hess + 1e-9 * np.eye(2), grad)
    return float(a), float(b)


def probabilities(groups: list[Group], w: np.ndarray, bias: float, hardest: bool):
    """(probabilities, labels) of the pairs under calibrated weights."""
    x, y = pairs(groups, w, hardest_only=hardest)
    return 1 / (1 + np.exp(-(x + bias))), y


def wilson_lower(hits: np.ndarray, n: np.ndarray, z: float = 1.645) -> np.ndarray:
    """One-sided 95% lower bound of a proportion hits / n (Wilson score interval)."""
    p = hits / n
    centre = p + z * z / (2 * n)
    margin = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - margin) / (1 + z * z / n)


def pick_threshold(groups: list[Group], w: np.ndarray, bias: float, precision: float) -> float:
    """Lowest threshold whose precision against each query's best wrong candidate is, with 95%
    confidence, at least `precision` (a few hundred fitting pairs leave wide margins)."""
    p, y = probabilities(groups, w, bias, hardest=True)
    order = np.argsort(-p)
    hits = np.cumsum(y[order])
    lower = wilson_lower(hits, np.arange(1, len(p) + 1))
    ok = np.flatnonzero(lower >= precision)
    return float(p[order][ok[-1]]) if len(ok) else 1.0


def precision_recall(groups: list[Group], w: np.ndarray, bias: float, threshold: float) -> dict:
    """Precision / recall of `score >= threshold` as "is a match", two ways of drawing negatives."""
    out = {}
    for name, hardest in (("vs_best_wrong_candidate", True), ("vs_all_candidates", False)):
        p, y = probabilities(groups, w, bias, hardest)
        predicted = p >= threshold
        tp = int(np.sum(predicted & (y == 1)))
        out[name] = {
            "precision": round(tp / max(1, int(predicted.sum())), 4),
            "recall": round(tp / max(1, int(y.sum())), 4),
            "positives": int(y.sum()), "negatives": int((y == 0).sum()),
        }  # fmt: skip
    return out
