"""Judge each fold of the benchmarks with a stance model trained on the other fold's data.

For the `train.py --climate-fold` measurement (never shipped): `--fold-a` is the model whose
training saw fold a's Climate-FEVER pairs, so it judges fold b's claims, with an aggregation
fitted on its own readings of fold a's claims (calibrate.fit, refute cost 2); `--fold-b`
likewise. Pass one model twice for a model trained on neither fold. No confidence floors.

    .venv/bin/python training/verification/crossfold.py --fold-a DIR --fold-b DIR
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks"), str(Path(__file__).resolve().parent)]

from calibrate import feature_rows, fitted  # noqa: E402

from service.verification.aggregate import OUTCOMES, Aggregator  # noqa: E402

PASSAGES = {"fever_symmetric": 1, "climate_fever": 5}


def judged(model: Path, data: Path, trained: str) -> dict[int, tuple[str, int, int]]:
    """Claim index -> (set, predicted, gold) for the claims outside fold `trained`."""
    x, y, folds, sets = feature_rows(data, False, True, model, names=tuple(PASSAGES))
    in_fold = np.array(folds) == trained
    aggregation = Aggregator.from_meta(fitted(x[in_fold], y[in_fold], 2.0))
    labels = [*OUTCOMES, "conflicting"]  # a conflict is never the gold label: it counts wrong
    return {
        i: (sets[i], labels.index(aggregation.decide_row(x[i], PASSAGES[sets[i]])[0]), int(y[i]))
        for i in np.flatnonzero(~in_fold)
    }


def figures(rows: list[tuple[int, int]]) -> dict[str, float | int]:
    """Accuracy, macro-F1 over the gold labels and `refuted` precision of (predicted, gold)."""
    pred, gold = np.array([p for p, _ in rows]), np.array([g for _, g in rows])
    f1s = []
    for label in sorted(set(gold.tolist())):
        tp = float(((pred == label) & (gold == label)).sum())
        precision, recall = tp / max((pred == label).sum(), 1), tp / max((gold == label).sum(), 1)
        f1s.append(2 * precision * recall / (precision + recall) if tp else 0.0)
    refuted = pred == OUTCOMES.index("refuted")
    return {
        "claims": len(rows),
        "accuracy": round(float((pred == gold).mean()), 3),
        "macro_f1": round(float(np.mean(f1s)), 3),
        "refuted_precision": round(float((gold[refuted] == pred[refuted]).mean()), 3)
        if refuted.any()
        else None,
        "refuted": int(refuted.sum()),
    }


def main() -> None:
    """Print the cross-fold figures per benchmark."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--fold-a", type=Path, required=True, help="model trained with fold a")
    p.add_argument("--fold-b", type=Path, required=True, help="model trained with fold b")
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = p.parse_args()
    verdicts = judged(args.fold_a, args.data, "a") | judged(args.fold_b, args.data, "b")
    for name in sorted({s for s, _, _ in verdicts.values()}):
        rows = [(p, g) for s, p, g in verdicts.values() if s == name]
        print(name, json.dumps(figures(rows)))


if __name__ == "__main__":
    main()
