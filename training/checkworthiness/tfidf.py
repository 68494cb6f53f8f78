"""TF-IDF (word 1-2 grams) + logistic regression: the lexical yardstick and ensemble partner."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from data import DEFAULT_DATA, read_ct24, split_holdout
from metrics import best_threshold
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression


def main() -> None:
    """Fit on ct24_train (less the held-out slice); save dev and held-out probabilities."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--holdout", type=float, default=0.1)
    p.add_argument("--c", type=float, default=4.0)
    args = p.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    (tx, ty), (hx, hy) = split_holdout(*read_ct24(args.data, "train"), args.holdout)
    dx, dy = read_ct24(args.data, "dev")
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    lr = LogisticRegression(C=args.c, class_weight="balanced", max_iter=2000)
    lr.fit(vec.fit_transform(tx), ty)
    dev_p = lr.predict_proba(vec.transform(dx))[:, 1]
    hold_p = lr.predict_proba(vec.transform(hx))[:, 1]
    np.save(args.out / "dev_tfidf.npy", dev_p)
    np.save(args.out / "hold_tfidf.npy", hold_p)
    print(
        json.dumps(
            {
                "c": args.c,
                "features": len(vec.vocabulary_),
                "dev": best_threshold(dev_p, np.array(dy)),
                "hold": best_threshold(hold_p, np.array(hy)),
            }
        )
    )


if __name__ == "__main__":
    main()
