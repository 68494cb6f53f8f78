"""Fit the matcher's feature weights and threshold on CLEF 2020 Task 2 train; report dev.

    .venv/bin/python training/matching/fit_matcher.py [--model-dir DIR] [--fit-on all|heldout|cv]
        [--fold-models DIR0 DIR1 ...]

1. Ranking weights: grid search for the best MAP@5 over the fitting queries' BM25 top-N.
2. Calibration: a logistic fit of the combined score on every (query, candidate) pair.
3. Threshold: the lowest score whose precision on the fitting pairs (gold against each tweet's
   best wrong candidate) is >= --precision with 95% confidence (Wilson lower bound).
Writes `combiner` into DIR/model.json. With a fine-tuned encoder the cosine must not be judged
on its own training tweets: --fit-on heldout fits on the slice of train finetune.py held out;
--fit-on cv fits on every train tweet, each scored by the fold model (finetune.py --fold i,
exported to DIR_i) that did not train on it, for an encoder fine-tuned on all of train.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

import numpy as np
from data import DEFAULT_DATA, REPO_ROOT, load_claims, load_queries, split_fold
from evaluation import Group, calibrate, map_at_5, pick_threshold, precision_recall

sys.path.insert(0, str(REPO_ROOT))
from service.sources.encoder import MODEL_DIR, SentenceEncoder  # noqa: E402
from service.sources.matching import FEATURES, Matcher  # noqa: E402
from service.sources.matching_features import ClaimText  # noqa: E402

GRID = {
    "bm25": [0.0, 0.005, 0.0075, 0.01, 0.0125, 0.015, 0.02, 0.03],
    "numbers_agree": [0.0, 0.05, 0.1, 0.2, 0.3, 0.5],
    "numbers_conflict": [0.0, -0.05, -0.1, -0.2],
}


def groups(matcher: Matcher, queries, claims, top_n: int, encoder=None) -> list[Group]:
    """Feature matrices of each query's candidates, cosines computed in one bulk pass (by
    `encoder` if given, else the matcher's own)."""
    encoder = encoder or matcher.encoder
    ids = sorted({c for q in queries for c, _ in q.candidates[:top_n]})
    texts = [ClaimText(claims[i][0]).text for i in ids]
    vectors = dict(zip(ids, encoder.encode(texts), strict=True))
    queries_v = encoder.encode([ClaimText(q.text).text for q in queries])
    out = []
    for q, v in zip(queries, queries_v, strict=True):
        cands = [c for c, _ in q.candidates[:top_n]]
        cos = np.array([vectors[c] @ v for c in cands])
        texts = [f"{claims[c][0]}\n{claims[c][1]}" for c in cands]
        feats = matcher.combine(q.text, texts, cos)
        out.append(Group(feats, np.array([c in q.relevant for c in cands]), len(q.relevant)))
    return out


def fit_weights(fit: list[Group]) -> tuple[np.ndarray, float]:
    """Cosine weight 1; the other weights from the grid, best MAP@5 on `fit`."""
    best = (-1.0, None)
    for combo in itertools.product(*GRID.values()):
        w = np.array([1.0, *combo])
        best = max(best, (map_at_5(fit, w), tuple(w)), key=lambda t: t[0])
    return np.array(best[1]), best[0]


def main() -> None:
    """Fit, write the combiner, print the figures."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--model-dir", type=Path, default=MODEL_DIR)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--fit-on", choices=("all", "heldout", "cv"), default="all")
    p.add_argument(
        "--fold-models",
        type=Path,
        nargs="*",
        default=[],
        help="with --fit-on cv: fold i's exported encoder, trained without fold i",
    )
    p.add_argument("--holdout", type=float, default=0.2)
    p.add_argument("--top-n", type=int, default=100)
    p.add_argument("--precision", type=float, default=0.9, help="its 95% lower bound")
    args = p.parse_args()
    matcher = Matcher(args.model_dir)
    claims = load_claims(args.data)
    train = load_queries(args.data, "train", claims, args.top_n)
    if args.fit_on == "cv":
        if len(args.fold_models) != round(1 / args.holdout):
            p.error(f"--fit-on cv needs {round(1 / args.holdout)} --fold-models")
        fit_q, fit = [], []
        for fold, model_dir in enumerate(args.fold_models):
            held = split_fold(train, args.holdout, fold)[1]
            fit_q += held
            fit += groups(matcher, held, claims, args.top_n, SentenceEncoder(model_dir))
    else:
        fit_q = split_fold(train, args.holdout, 0)[1] if args.fit_on == "heldout" else train
        fit = groups(matcher, fit_q, claims, args.top_n)
    dev = groups(matcher, load_queries(args.data, "dev", claims, args.top_n), claims, args.top_n)
    w, fit_map = fit_weights(fit)
    scale, bias = calibrate(fit, w)
    threshold = pick_threshold(fit, w * scale, bias, args.precision)
    combiner = {
        "weights": dict(zip(FEATURES, (w * scale).round(6).tolist(), strict=True)),
        "bias": round(bias, 6), "threshold": round(threshold, 4),
        "fitted_on": f"CLEF 2020 Task 2 train ({args.fit_on}: {len(fit_q)} tweets), "
                     f"BM25 top-{args.top_n} candidates",
        "metrics": {
            "fit_map5": round(fit_map, 4), "dev_map5": round(map_at_5(dev, w), 4),
            "dev_at_threshold": precision_recall(dev, w * scale, bias, threshold),
            "fit_at_threshold": precision_recall(fit, w * scale, bias, threshold),
        },
    }  # fmt: skip
    meta_path = args.model_dir / "model.json"
    meta = json.loads(meta_path.read_text())
    meta["combiner"] = combiner
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    print(json.dumps(combiner, indent=2))


if __name__ == "__main__":
    main()
