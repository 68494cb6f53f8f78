"""Quality, calibration and speed of verdicts on supplied evidence (Checker.check_against).

    .venv/bin/python benchmarks/bench_verification.py [--data ../shared/data] [--limit N]
        [--verifier default|rules] [--aggregation crossfold|all]

FEVER Symmetric v0.2 dev: one claim, one evidence sentence, SUPPORTS / REFUTES balanced (an
abstention counts as an error). Climate-FEVER dev: one claim, five evidence sentences, SUPPORTS /
REFUTES / NOT_ENOUGH_INFO (DISPUTED dropped). Claims are built as POST /v1/claims/verify builds
them (claim_from_text) and judged through Checker.check_against, the public verify path.

The default verifier's aggregation weights are fitted on FEVER Symmetric dev (with Fool Me Twice
dev's retrieved passages; training/verification/calibrate.py), so `--aggregation crossfold` (the
default) judges each FEVER Symmetric claim with the weights fitted on the other half (2-fold
cross-validation, folds by a hash of the claim id); Climate-FEVER, which fits nothing (its
licence is unstated), is judged by the shipped weights. `--aggregation all` uses the shipped
weights for both (in-sample for FEVER Symmetric, optimistic).
Prints accuracy, macro-F1 over the gold labels, per-label precision / recall, the expected
calibration error (ECE, 10 equal-width bins) with its reliability table, the risk-coverage
table of the supported / refuted verdicts (risk_coverage.py: precision above a confidence cut
per share of claims decided; a side given on a Climate-FEVER NOT_ENOUGH_INFO claim is wrong),
and verdicts/s on one core (ONNX Runtime with one thread; the claims' extraction is done
beforehand).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from risk_coverage import print_risk_coverage  # noqa: E402
from verification_data import Example, fold_of, load_climate_fever, load_fever_symmetric  # noqa: E402

from service.cache import MemoryCache  # noqa: E402
from service.checker import Checker, CheckOptions  # noqa: E402
from service.config import Settings  # noqa: E402
from service.domain import Evidence, Verdict  # noqa: E402
from service.extraction import claim_from_text  # noqa: E402
from service.verification.choice import shipped_verifier  # noqa: E402
from service.verification.verifier import RuleVerifier, Verifier  # noqa: E402

LABELS = ("supported", "refuted", "conflicting", "not_enough_evidence")
OPTIONS = CheckOptions(as_of=date(2025, 3, 1))
EXAMPLE = ROOT / "tests" / "fixtures" / "verification" / "example_article.json"


def checker_for(verifier: Verifier) -> Checker:
    """A checker with no sources, judging with `verifier`."""
    return Checker(Settings(workers=1), {}, MemoryCache(), verifier)


def run(examples: list[Example], verifiers: dict[str, Verifier]) -> tuple[list[Verdict], float]:
    """Verdicts through check_against (each fold by its own verifier) and the seconds spent."""
    checkers = {fold: checker_for(v) for fold, v in verifiers.items()}
    verdicts, started = [], time.perf_counter()
    for claim, evidence, _ in examples:
        checker = checkers.get(fold_of(claim.id), checkers.get("all"))
        report = checker.check_against([claim], evidence, OPTIONS)
        verdicts.append(report.claims[0].verdict)
    return verdicts, time.perf_counter() - started


def report(name: str, examples: list[Example], verdicts: list[Verdict], seconds: float) -> None:
    """Print the quality, calibration and speed figures of one data set."""
    gold = [label for _, _, label in examples]
    predicted = [v.label for v in verdicts]
    n = len(gold)
    gold_labels = [label for label in LABELS if label in set(gold)]
    scores = {label: prf(gold, predicted, label) for label in LABELS}
    macro = sum(scores[label][2] for label in gold_labels) / len(gold_labels)
    passages = sum(len(e) for _, e, _ in examples) / max(1, n)
    print(f"\n== {name}: {n} claims, {passages:.1f} passages each, gold {dict(Counter(gold))}")
    print(f"predicted {dict(Counter(predicted))}")
    print(f"accuracy {accuracy(gold, predicted):.3f}   macro-F1 (gold labels) {macro:.3f}   "
          f"{n / seconds:,.1f} verdicts/s")  # fmt: skip
    for label in LABELS:
        p, r, f = scores[label]
        print(f"  {label:<20} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    correct = [g == v.label for g, v in zip(gold, verdicts, strict=True)]
    ece, table = reliability([v.confidence for v in verdicts], correct)
    print(f"  expected calibration error {ece:.3f}  (confidence of the given label vs correct)")
    for low, count, conf, acc in table:
        print(f"    confidence {low:.1f}-{low + 0.1:.1f}: {count:>4} verdicts, "
              f"mean confidence {conf:.3f}, accuracy {acc:.3f}")  # fmt: skip
    print_risk_coverage([(g, v.label, v.confidence) for g, v in zip(gold, verdicts, strict=True)])


def reliability(confidence: Sequence[float], correct: Sequence[bool], bins: int = 10):
    """ECE over equal-width bins, and the table (bin low edge, count, mean conf, accuracy)."""
    table, ece, n = [], 0.0, len(confidence)
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(confidence) if low <= c < high or (b == bins - 1 and c == 1)]
        if not idx:
            continue
        conf = sum(confidence[i] for i in idx) / len(idx)
        acc = sum(correct[i] for i in idx) / len(idx)
        ece += len(idx) / n * abs(conf - acc)
        table.append((low, len(idx), conf, acc))
    return ece, table


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Share of exact label matches."""
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / max(1, len(gold))


def prf(gold: list[str], predicted: list[str], label: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of one label."""
    tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
    precision = tp / max(1, predicted.count(label))
    recall = tp / max(1, gold.count(label))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def verifiers_for(kind: str, aggregation: str) -> dict[str, Verifier]:
    """Fold name -> verifier: cross-fitted ("a" judged by weights fitted on "b"), or one for all."""
    if kind == "rules":
        return {"all": RuleVerifier()}
    if aggregation == "all":
        return {"all": shipped_verifier("all")}
    return {"a": shipped_verifier("fold_b"), "b": shipped_verifier("fold_a")}


def main() -> None:
    """Run both benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None, help="only the first N claims of each")
    parser.add_argument("--verifier", choices=("default", "rules"), default="default")
    parser.add_argument("--aggregation", choices=("crossfold", "all"), default="crossfold")
    args = parser.parse_args()
    folder = args.data / "verification"
    verifiers = verifiers_for(args.verifier, args.aggregation)
    print(f"verifier {args.verifier}, aggregation {args.aggregation}")
    held_out = verifiers_for(args.verifier, "all")
    for name, loader, file, fitted in (
        ("FEVER Symmetric v0.2 dev", load_fever_symmetric, "fever_symmetric_dev.jsonl", True),
        ("Climate-FEVER dev (no DISPUTED)", load_climate_fever, "climate_fever_dev.jsonl", False),
    ):
        examples = loader(folder / file)[: args.limit]
        verdicts, seconds = run(examples, verifiers if fitted else held_out)
        report(name, examples, verdicts, seconds)
    example_article(held_out["all"])


def example_article(verifier: Verifier) -> None:
    """The example article's claims judged on the Wikipedia-like passages of the test fixture."""
    cases = json.loads(EXAMPLE.read_text(encoding="utf-8"))["cases"]
    checker, right = checker_for(verifier), 0
    print(f"\n== example article claims on Wikipedia-like passages ({EXAMPLE.name})")
    for n, case in enumerate(cases, start=1):
        claim = claim_from_text(f"x{n}", case["claim"])
        evidence = [Evidence("supplied", e.get("title", ""), e["text"]) for e in case["evidence"]]
        verdict = checker.check_against([claim], evidence, OPTIONS).claims[0].verdict
        right += verdict.label == case["gold"]
        mark = "ok " if verdict.label == case["gold"] else "ERR"
        print(f"{mark} {verdict.label:<20} {verdict.confidence:.2f}  (gold {case['gold']}) "
              f"{case['claim']}\n      {verdict.rationale}")  # fmt: skip
    print(f"{right}/{len(cases)} as the author read them")


if __name__ == "__main__":
    main()
