"""Speed and quality of claim extraction: split / score / extract timings, ct24_dev P/R/F1.

    .venv/bin/python benchmarks/bench_extraction.py [--data ../shared/data] [--runs 30]

Prints figures only (no asserts). --data is relative to the repository root unless absolute.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from service.extraction import (  # noqa: E402
    DEFAULT_THRESHOLD,
    extract_claims,
    score_sentence,
    score_sentences,
    split_sentences,
)

ARTICLE = "articles/us-japan-alliance.txt"
CT24_DEV = "checkworthiness/ct24_dev.tsv"
LONG_TEXT_WORDS = 3000


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data", help="the shared data directory")
    parser.add_argument("--runs", type=int, default=30, help="timed runs per figure (median)")
    args = parser.parse_args(argv)
    data = Path(args.data) if Path(args.data).is_absolute() else ROOT / args.data
    article = (data / ARTICLE).read_text(encoding="utf-8")
    print_claims(article)
    long_text = "\n\n".join([article] * (LONG_TEXT_WORDS // len(article.split()) + 1))
    for label, text in (("example article", article), ("long text", long_text)):
        print_speed(label, text, args.runs)
    print_quality(load_ct24(data / CT24_DEV))


def print_claims(article: str) -> None:
    """The claims found on the example article, with their scores and speakers."""
    claims = extract_claims(article)
    total = len(split_sentences(article))
    print(f"Example article: {total} sentences, {len(claims)} claims at {DEFAULT_THRESHOLD}")
    for claim in claims:
        speaker = f" [{claim.claimant}]" if claim.claimant else ""
        print(f"  {claim.id:>4} {claim.checkworthiness:.3f}{speaker} {claim.text}")
    below = [s for s in score_sentences(article) if s.checkworthiness < DEFAULT_THRESHOLD]
    print("  below the threshold:")
    for sentence in below:
        print(f"       {sentence.checkworthiness:.3f} {sentence.text}")
    print()


def print_speed(label: str, text: str, runs: int) -> None:
    """Median time of each stage on one text, and sentences per second."""
    sentences = len(split_sentences(text))
    print(f"{label}: {len(text.split())} words, {sentences} sentences (median of {runs} runs)")
    for stage, work in (
        ("split_sentences", lambda: split_sentences(text)),
        ("score_sentences", lambda: score_sentences(text)),
        ("extract_claims", lambda: extract_claims(text)),
    ):
        ms = median_ms(work, runs)
        print(f"  {stage:<16} {ms:8.2f} ms  {sentences / (ms / 1000):10,.0f} sentences/s")
    print()


def median_ms(work: Callable[[], object], runs: int) -> float:
    """Median wall time of `work` in milliseconds, after one warm-up call."""
    work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def load_ct24(path: Path) -> list[tuple[str, bool]]:
    """(sentence, check-worthy) pairs from a CheckThat! 2024 TSV file."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(row["Text"], row["class_label"] == "Yes") for row in rows]


def print_quality(examples: list[tuple[str, bool]]) -> None:
    """P/R/F1 of the positive class at the default threshold and at the best one."""
    started = time.perf_counter()
    scored = [(score_sentence(text), label) for text, label in examples]
    elapsed = time.perf_counter() - started
    positives = sum(label for _, label in scored)
    rate = len(scored) / elapsed
    print(f"ct24_dev: {len(scored)} sentences, {positives} check-worthy, "
          f"scored in {elapsed * 1000:.0f} ms ({rate:,.0f} sentences/s)")  # fmt: skip
    thresholds = [t / 100 for t in range(5, 96)]
    best = max(thresholds, key=lambda t: prf(scored, t)[2])
    for name, threshold in (("default", DEFAULT_THRESHOLD), ("best", best)):
        precision, recall, f1 = prf(scored, threshold)
        print(f"  {name:<8} threshold {threshold:.2f}: P {precision:.3f}  R {recall:.3f}  "
              f"F1 {f1:.3f}")  # fmt: skip
    print("  yardstick: TF-IDF + logistic regression F1 0.68 (NOTES.md)")


def prf(scored: list[tuple[float, bool]], threshold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of the positive class at a threshold."""
    tp = sum(1 for score, label in scored if score >= threshold and label)
    fp = sum(1 for score, label in scored if score >= threshold and not label)
    fn = sum(1 for score, label in scored if score < threshold and label)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


if __name__ == "__main__":
    main()
