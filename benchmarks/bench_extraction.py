"""Speed and quality of claim extraction: timings, ct24_dev P/R/F1, CT19 transcripts P@k.

    .venv/bin/python benchmarks/bench_extraction.py [--data ../shared/data] [--runs 30]

CT19 (CheckThat! 2019 task 1): each debate or speech goes through extract_claims whole, its lines
in document order (so speakers, quotations and references are read as in an article); a line's
score is its best sentence's. Ranked by score: P@k, R-precision and average precision per
transcript, averaged (the task's measures); at the threshold: recall and precision of the lines
that give a claim.

Prints figures only (no asserts). --data is relative to the repository root unless absolute.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ct24_data import Ct24Sentence, read_ct24  # noqa: E402

from service.extraction import (  # noqa: E402
    DEFAULT_THRESHOLD,
    detect_language,
    extract_claims,
    score_sentence,
    score_sentences,
    split_sentences,
)

ARTICLE = "articles/us-japan-alliance.txt"
CT19_TRAIN = "checkworthiness/ct19_t1_train.csv"
CUTOFFS = (1, 5, 10, 20, 50)
TEXT_WORDS = (1000, 3000)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data", help="the shared data directory")
    parser.add_argument("--runs", type=int, default=30, help="timed runs per figure (median)")
    args = parser.parse_args(argv)
    data = Path(args.data) if Path(args.data).is_absolute() else ROOT / args.data
    article = (data / ARTICLE).read_text(encoding="utf-8")
    print_claims(article)
    texts = [("example article", article)]
    for words in TEXT_WORDS:
        texts.append((f"{words:,}-word text", repeated(article, words)))
    for label, text in texts:
        print_speed(label, text, args.runs)
    print_quality(read_ct24(data))
    print_transcripts(load_ct19(data / CT19_TRAIN))


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


def repeated(article: str, words: int) -> str:
    """The article's paragraphs over and over, up to the first that reaches `words` words."""
    paragraphs, count = [], 0
    while count < words:
        for paragraph in article.split("\n"):
            paragraphs.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
    return "\n".join(paragraphs)


def print_speed(label: str, text: str, runs: int) -> None:
    """Median time of each stage on one text, and sentences per second."""
    sentences = len(split_sentences(text))
    print(f"{label}: {len(text.split())} words, {sentences} sentences (median of {runs} runs)")
    for stage, work in (
        ("split_sentences", lambda: split_sentences(text)),
        ("score_sentences", lambda: score_sentences(text)),
        ("extract_claims", lambda: extract_claims(text)),
        ("detect_language", lambda: detect_language(text)),
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


def print_quality(examples: list[Ct24Sentence]) -> None:
    """P/R/F1 of the positive class at the default threshold and at the best one."""
    started = time.perf_counter()
    scored = [
        (score_sentence(text, previous=previous, following=following), label)
        for text, label, previous, following in examples
    ]
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


def load_ct19(path: Path) -> dict[str, list[tuple[str, bool]]]:
    """(line, check-worthy) pairs per transcript of the CheckThat! 2019 CSV, in document order."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    transcripts: dict[str, list[tuple[int, str, bool]]] = {}
    for row in rows:
        line = (int(row["line_number"]), row["text"], row["label"] == "1")
        transcripts.setdefault(row["file_name"], []).append(line)
    return {
        name: [(text, label) for _, text, label in sorted(lines)]
        for name, lines in transcripts.items()
    }


def print_transcripts(transcripts: dict[str, list[tuple[str, bool]]]) -> None:
    """Ranking and threshold figures on whole transcripts, and the time extract_claims took."""
    measures: list[dict[str, float]] = []
    flagged = true_flags = positives = lines = claims = resolved = 0
    elapsed = 0.0
    for transcript in transcripts.values():
        text, starts = _joined([line for line, _ in transcript])
        started = time.perf_counter()
        found = extract_claims(text)
        elapsed += time.perf_counter() - started
        scores = _line_scores(text, starts)
        labels = [label for _, label in transcript]
        measures.append(ranking_measures(scores, labels))
        claimed = {bisect.bisect_right(starts, claim.start) - 1 for claim in found}
        flagged += len(claimed)
        true_flags += sum(labels[i] for i in claimed)
        positives += sum(labels)
        lines += len(labels)
        claims += len(found)
        resolved += sum(claim.text != claim.original for claim in found)
    print(f"ct19_t1_train: {len(transcripts)} transcripts, {lines} lines, {positives} check-worthy")
    averaged = {key: statistics.mean(m[key] for m in measures) for key in measures[0]}
    print("  ranked: " + "  ".join(f"{key} {value:.3f}" for key, value in averaged.items()))
    print(f"  at {DEFAULT_THRESHOLD:.2f}: lines with a claim {flagged}, recall "
          f"{true_flags / positives:.3f}, precision {true_flags / max(flagged, 1):.3f}; "
          f"{claims} claims, {resolved} with a resolved text")  # fmt: skip
    print(f"  extract_claims on whole transcripts: {elapsed * 1000:.0f} ms in all, "
          f"{lines / elapsed:,.0f} lines/s")  # fmt: skip


def _joined(lines: list[str]) -> tuple[str, list[int]]:
    """The lines as one text, a line each, and where each starts."""
    starts, position = [], 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    return "\n".join(lines), starts


def _line_scores(text: str, starts: list[int]) -> list[float]:
    """Each line's score: the best of its sentences' (0 for a line with none)."""
    scores = [0.0] * len(starts)
    for sentence in score_sentences(text):
        line = bisect.bisect_right(starts, sentence.start) - 1
        scores[line] = max(scores[line], sentence.checkworthiness)
    return scores


def ranking_measures(scores: list[float], labels: list[bool]) -> dict[str, float]:
    """P@k, R-precision and average precision of lines ranked by score (earlier on ties)."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    ranked = [labels[i] for i in order]
    relevant = sum(ranked)
    measures = {f"P@{k}": sum(ranked[:k]) / k for k in CUTOFFS}
    measures["R-prec"] = sum(ranked[:relevant]) / relevant if relevant else 0.0
    hits, precisions = 0, []
    for rank, label in enumerate(ranked, start=1):
        if label:
            hits += 1
            precisions.append(hits / rank)
    measures["AP"] = statistics.mean(precisions) if precisions else 0.0
    return measures


if __name__ == "__main__":
    main()
