"""Positive-class F1, precision and recall, at a fixed or the best threshold."""

from __future__ import annotations

import numpy as np


def prf(probs: np.ndarray, labels: np.ndarray, threshold: float) -> dict[str, float]:
    """Precision, recall and F1 of the positive class at `threshold`."""
    pred = np.asarray(probs) >= threshold
    gold = np.asarray(labels).astype(bool)
    tp = float(np.sum(pred & gold))
    p = tp / max(pred.sum(), 1)
    r = tp / max(gold.sum(), 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"f1": f1, "precision": p, "recall": r, "threshold": float(threshold)}


def best_threshold(probs: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    """The threshold (on a 0.01 grid) that maximises positive-class F1, with its figures."""
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    return max((prf(probs, labels, t) for t in grid), key=lambda m: m["f1"])
