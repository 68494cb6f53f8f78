"""Fit the claim-level aggregation (multinomial logistic regression) and the refute threshold.

Run with the service's venv, after export_onnx.py (needs only numpy, onnxruntime, tokenizers):

    .venv/bin/python training/verification/calibrate.py [--data ../shared/data]

Features come from the shipped ONNX model and the rules (service/verification/aggregate.py),
read as the service reads them (passages that do not bear on the claim are neutral), on the
sets named by --sets (default: fever_symmetric,fm2_dev_retrieved, both licensed for it: CC BY-SA
Wikipedia text, Fool Me Twice's repository Apache-2.0):

- fever_symmetric: FEVER Symmetric v0.2 dev, one gold passage per claim, supported or refuted;
- fm2_dev_retrieved: open retrieval, every Fool Me Twice dev claim the `corpus` source finds
  hits for (its five hits, var/wiki-summaries.sqlite, `make corpus`): claims whose Wikipedia
  article is among the summaries keep their gold label, the others are labelled
  `not_enough_evidence`. It is how the service meets claims: several retrieved passages, most
  of them only topical, so the regression learns how little a strong reading among five is
  worth;
- climate_fever: Climate-FEVER dev (DISPUTED dropped), five passages per claim. Measured, not
  shipped: its licence is unstated, and shipped weights learn only from licensed data.

Fool Me Twice test, Climate-FEVER and LIAR-PLUS choose nothing. Claims are split in two folds by
a hash of their id (FEVER Symmetric's groups of four kept together); weights fitted on one fold
are stored for judging the other ("fold_a" is fitted on fold a), and "all" (fitted on both)
ships. The refute threshold maximises the right verdicts on the fitting claims with a wrong
`refuted` counted as --refute-cost errors (4: a side is worth declaring only when it is at least
three times as likely right as wrong).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from verification_data import (  # noqa: E402
    fold_of,
    load_climate_fever,
    load_fever_symmetric,
    read_jsonl,
)

from service.domain import Claim, Evidence  # noqa: E402
from service.extraction import claim_from_text  # noqa: E402
from service.sources.corpus import CorpusSource  # noqa: E402
from service.verification.aggregate import (  # noqa: E402
    FEATURES,
    OUTCOMES,
    PRIOR_FEATURES,
    Aggregator,
    features,
)
from service.verification.stance_model import MODEL_DIR, StanceModel  # noqa: E402
from service.verification.verifier import ModelVerifier  # noqa: E402

AS_OF = __import__("datetime").date(2025, 1, 1)
GOLD = {"SUPPORTS": "supported", "REFUTES": "refuted"}
INDEX = ROOT / "var" / "wiki-summaries.sqlite"
SETS = ("fever_symmetric", "fm2_dev_retrieved")


def feature_rows(
    data: Path,
    titles: bool,
    prior: bool = True,
    model: Path = MODEL_DIR,
    index: Path = INDEX,
    names: tuple[str, ...] = SETS,
) -> tuple[np.ndarray, np.ndarray, list[str], list[str]]:
    """Feature rows (with the claim prior unless `prior` is false), outcome indices, folds and
    data set names of every fitting claim."""
    # The features do not depend on the aggregation weights: start from the defaults.
    verifier = ModelVerifier(StanceModel.load(model), Aggregator.from_meta(None), titles)
    rows, labels, folds, sets = [], [], [], []
    folder = data / "verification"
    loaders = {
        "fever_symmetric": lambda: load_fever_symmetric(folder / "fever_symmetric_dev.jsonl"),
        "climate_fever": lambda: load_climate_fever(folder / "climate_fever_dev.jsonl"),
        "fm2_dev_retrieved": lambda: open_retrieval(data, index),
    }
    examples = [(name, example) for name in names for example in loaders[name]()]
    for name, (claim, evidence, gold) in examples:
        probs, found, claim_prior = verifier.readings(claim, evidence, AS_OF, prior)
        row = features(probs, found, claim_prior)
        rows.append(row)
        labels.append(OUTCOMES.index(gold))
        folds.append(fold_of(claim.id))
        sets.append(name)
    return np.array(rows), np.array(labels), folds, sets


def open_retrieval(data: Path, index: Path) -> list[tuple[Claim, list[Evidence], str]]:
    """Fool Me Twice dev claims with the corpus's hits: the gold label when the claim's article
    is among them, else `not_enough_evidence`."""
    with sqlite3.connect(f"{index.resolve().as_uri()}?mode=ro", uri=True) as connection:
        titles = {row[0] for row in connection.execute("SELECT title FROM documents")}
    connection.close()
    source = CorpusSource("summaries", index, 5)
    examples = []
    for row in read_jsonl(data / "nli" / "fm2" / "dev.jsonl"):
        claim = claim_from_text(f"fm{row['id']}", row["text"])
        evidence = source.search(claim, AS_OF, timeout=5.0)
        present = row["wikipedia_page"] in titles
        gold = GOLD[row["label"]] if present else "not_enough_evidence"
        if evidence:
            examples.append((claim, evidence, gold))
    source.close()
    return examples


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 3000) -> np.ndarray:
    """Multinomial logistic regression by full-batch gradient descent (bias unpenalised)."""
    w = np.zeros((len(OUTCOMES), x.shape[1]))
    onehot = np.eye(len(OUTCOMES))[y]
    for _ in range(steps):
        s = x @ w.T
        p = np.exp(s - s.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        grad = (p - onehot).T @ x / len(x)
        grad[:, 1:] += l2 * w[:, 1:]
        w -= 2.0 * grad
    return w


def refute_threshold(agg: Aggregator, x: np.ndarray, y: np.ndarray, cost: float) -> float:
    """The P(refuted) threshold with the most right verdicts on the fitted claims, a wrong
    `refuted` counting as `cost` errors (a demoted one becomes an abstention)."""
    p = np.array([agg.outcome_probabilities(row) for row in x])
    top = p.argmax(1)
    best, best_score = 0.34, -np.inf
    for t in np.arange(0.34, 0.96, 0.02):
        pred = np.where((top == 1) & (p[:, 1] < t), 2, top)
        wrong_refuted = ((pred == 1) & (y != 1)).sum()
        score = (pred == y).sum() - (cost - 1.0) * wrong_refuted
        if score > best_score:
            best, best_score = float(t), score
    return round(best, 2)


def fitted(x: np.ndarray, y: np.ndarray, cost: float) -> dict:
    """Weights and thresholds fitted on (x, y), in model.json's form."""
    w = fit(x, y)
    agg = Aggregator(w)
    return {
        "weights": np.round(w, 4).tolist(),
        "refute_threshold": refute_threshold(agg, x, y, cost),
        "conflict_threshold": 0.9,
        "claims": int(len(y)),
    }


def main() -> None:
    """Fit per fold and on all, print the held-out accuracy, write model.json."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    p.add_argument("--refute-cost", type=float, default=4.0, help="errors a wrong refuted counts")
    p.add_argument("--model", type=Path, default=MODEL_DIR)
    p.add_argument("--titles", action="store_true", help="prefix passages with their titles")
    p.add_argument("--no-claim-prior", action="store_true", help="leave out PRIOR_FEATURES")
    p.add_argument("--sets", default=",".join(SETS), help="fitting sets, comma-separated")
    args = p.parse_args()
    names = tuple(args.sets.split(","))
    x, y, folds, sets = feature_rows(
        args.data, args.titles, not args.no_claim_prior, args.model, names=names
    )
    folds_arr = np.array(folds)
    out = {
        "features": list(FEATURES) + ([] if args.no_claim_prior else list(PRIOR_FEATURES)),
        "outcomes": list(OUTCOMES),
        "titles": args.titles,
        "fitted_on": f"{' + '.join(names)} (calibrate.py --sets); folds by sha1(claim id), "
        "FEVER Symmetric's groups of four kept together; fold_X is fitted on fold X and judges "
        "the other fold; passages read within their bearing (bearing.py)",
    }
    for fold in ("a", "b"):
        mask = folds_arr == fold
        out[f"fold_{fold}"] = fitted(x[mask], y[mask], args.refute_cost)
    out["all"] = fitted(x, y, args.refute_cost)
    meta_path = args.model / "model.json"
    meta = json.loads(meta_path.read_text())
    meta["aggregation"] = out
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    pred = np.zeros(len(y), dtype=int)
    for fold, other in (("a", "b"), ("b", "a")):
        agg = Aggregator.from_meta(out[f"fold_{other}"])
        for i in np.flatnonzero(folds_arr == fold):
            pred[i] = OUTCOMES.index(agg.decide_row(x[i])[0])
    metrics = {}
    for name in sorted(set(sets)):
        mask = np.array(sets) == name
        accuracy = float((pred[mask] == y[mask]).mean())
        refuted = pred[mask] == 1
        precision = float((y[mask][refuted] == 1).mean()) if refuted.any() else None
        metrics[name] = {"accuracy": round(accuracy, 3), "refuted_precision": precision,
                         "refuted": int(refuted.sum()), "claims": int(mask.sum())}  # fmt: skip
        print(name, json.dumps(metrics[name]))
    meta["metrics_cross_fold"] = metrics
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    print(json.dumps({k: v for k, v in out["all"].items() if k != "weights"}))


if __name__ == "__main__":
    main()
