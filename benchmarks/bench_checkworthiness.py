"""Check-worthiness model: quality on ct24_dev and CT19 transcripts, speed on one core, memory.

    .venv/bin/python benchmarks/bench_checkworthiness.py [--data ../shared/data] [--model DIR]

Prints figures only (no asserts). --data is relative to the repository root unless absolute.
The shipped threshold (and epoch, and the blend's weight and cut) was chosen on ct24_dev, so the
dev figures are optimistic; CT19 shares about 2,500 sentences with ct24_train, so its figures
are optimistic too. The held-out slice chose nothing: the stratified 10% of ct24_train (seed 13,
training/checkworthiness/data.py's split_holdout) that training left out; the same thresholds
are applied to it.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import importlib.util
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ct24_data import neighbours, read_ct24  # noqa: E402

from service.extraction import split_sentences  # noqa: E402
from service.extraction.checkworthiness import (  # noqa: E402
    BLEND_CUT,
    DEFAULT_THRESHOLD,
    MODEL_WEIGHT,
    score_rules,
)
from service.extraction.classifier import MODEL_DIR, CheckworthinessModel  # noqa: E402

TOP_K = (1, 5, 10, 20, 50)


def rss_mb() -> float:
    """Resident memory of this process, from /proc."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def prf(scores: list[float], labels: list[int], threshold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of the positive class."""
    tp = sum(s >= threshold and y for s, y in zip(scores, labels, strict=True))
    predicted, gold = sum(s >= threshold for s in scores), sum(labels)
    p, r = tp / max(predicted, 1), tp / max(gold, 1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def print_ct24(model: CheckworthinessModel, data: Path) -> None:
    """F1 / P / R on ct24_dev (each sentence with its neighbours) at the shipped threshold and
    at the best one."""
    rows = read_ct24(data)
    labels = [int(r.checkworthy) for r in rows]
    scores = model.predict(
        [r.text for r in rows], [r.previous for r in rows], [r.following for r in rows]
    )
    print(f"ct24_dev ({len(rows)} sentences, {sum(labels)} check-worthy)")
    p, r, f1 = prf(scores, labels, model.threshold)
    print(f"  shipped threshold {model.threshold:.2f}: F1 {f1:.3f}  P {p:.3f}  R {r:.3f}")
    grid = [t / 100 for t in range(5, 96)]
    best = max(grid, key=lambda t: prf(scores, labels, t)[2])
    p, r, f1 = prf(scores, labels, best)
    print(f"  best threshold    {best:.2f}: F1 {f1:.3f}  P {p:.3f}  R {r:.3f}")


def heldout_slice(data: Path) -> list:
    """The ct24_train sentences training left out (stratified 10%, seed 13), with neighbours."""
    path = ROOT / "training" / "checkworthiness" / "data.py"
    spec = importlib.util.spec_from_file_location("checkworthiness_training_data", path)
    training = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(training)
    rows = read_ct24(data, "train")
    labels = [int(r.checkworthy) for r in rows]
    _, (held, _) = training.split_holdout(list(range(len(rows))), labels, 0.1)
    return [rows[i] for i in held]


def print_chosen_and_heldout(model: CheckworthinessModel, data: Path) -> None:
    """F1 / P / R of the model alone (its shipped threshold), the rules alone (0.5) and the
    service's blend (its cut), on ct24_dev, which chose them, and on the held-out slice."""
    print("F1 / P / R at the shipped cuts: ct24_dev (chose them) | held-out slice (chose nothing)")
    for name, rows in (("ct24_dev", read_ct24(data)), ("held-out", heldout_slice(data))):
        labels = [int(r.checkworthy) for r in rows]
        probs = model.predict(
            [r.text for r in rows], [r.previous for r in rows], [r.following for r in rows]
        )
        rules = [score_rules(r.text) for r in rows]
        weighted = zip(probs, rules, strict=True)
        blend = [MODEL_WEIGHT * m + (1 - MODEL_WEIGHT) * r for m, r in weighted]
        print(f"  {name} ({len(rows)} sentences, {sum(labels)} check-worthy)")
        for what, scores, cut in (
            ("model alone", probs, model.threshold),
            ("rules alone", rules, DEFAULT_THRESHOLD),
            ("blend (service)", blend, BLEND_CUT),
        ):
            p, r, f1 = prf(scores, labels, cut)
            print(f"    {what:<16} cut {cut:.2f}: F1 {f1:.3f}  P {p:.3f}  R {r:.3f}")


def print_ct19(model: CheckworthinessModel, data: Path) -> None:
    """P@k, average precision and recall at the threshold per CT19 transcript, then means."""
    docs: dict[str, list[tuple[str, int]]] = defaultdict(list)
    with (data / "checkworthiness" / "ct19_t1_train.csv").open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            docs[row["file_name"]].append((row["text"], int(row["label"])))
    per_doc = defaultdict(list)
    for lines in docs.values():
        texts = [text for text, _ in lines]  # the whole transcript, in order
        scores = model.predict(texts, *neighbours(texts))
        labels = [y for _, y in lines]
        ranked = [y for _, y in sorted(zip(scores, labels, strict=True), key=lambda t: -t[0])]
        for k in TOP_K:
            per_doc[f"P@{k}"].append(sum(ranked[:k]) / k)
        hits = [i for i, y in enumerate(ranked, 1) if y]
        per_doc["AP"].append(sum(n / i for n, i in enumerate(hits, 1)) / max(len(hits), 1))
        per_doc["recall"].append(prf(scores, labels, model.threshold)[1])
        per_doc["flagged"].append(sum(s >= model.threshold for s in scores) / len(lines))
    total = sum(len(v) for v in docs.values())
    print(f"CT19 transcripts ({len(docs)} files, {total} lines), mean over files:")
    print("  " + "  ".join(f"{k} {statistics.mean(v):.3f}" for k, v in per_doc.items()))


def print_speed(model: CheckworthinessModel, data: Path, runs: int) -> None:
    """Sentences/s and words/s on ct24_dev, and the time for a 1,000-word article."""
    sentences = [r.text for r in read_ct24(data)]
    words = sum(len(s.split()) for s in sentences)
    wall, cpu = [], []
    for _ in range(max(3, runs // 10)):
        start, start_cpu = time.perf_counter(), time.process_time()
        model.predict(sentences, *neighbours(sentences))
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    # CPU time is the fairer figure on a shared machine: one thread cannot use more than a core.
    for label, times in (("wall clock", wall), ("CPU time", cpu)):
        median = statistics.median(times)
        print(
            f"speed, one thread, {label}: {len(sentences) / median:.0f} sentences/s, "
            f"{words / median:.0f} words/s (ct24_dev, {len(sentences)} sentences, "
            f"median of {len(times)})"
        )
    article = (data / "articles" / "us-japan-alliance.txt").read_text(encoding="utf-8").split()
    text = " ".join((article * (1000 // len(article) + 1))[:1000])
    pieces = [text[start:end] for start, end in split_sentences(text)]
    article_times, article_cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        model.predict(pieces, *neighbours(pieces))
        article_times.append(time.perf_counter() - start)
        article_cpu.append(time.process_time() - start_cpu)
    print(
        f"  1,000-word article ({len(pieces)} sentences): median "
        f"{statistics.median(article_times) * 1000:.1f} ms wall clock, "
        f"{statistics.median(article_cpu) * 1000:.1f} ms CPU, over {runs} runs"
    )


def main(argv: list[str] | None = None) -> None:
    """Load the model, then print quality, speed and memory figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data", help="the shared data directory")
    parser.add_argument("--model", default=str(MODEL_DIR), help="the model folder")
    parser.add_argument("--runs", type=int, default=30, help="timed runs of the article")
    parser.add_argument("--batch-size", type=int, default=None, help="sentences per run")
    args = parser.parse_args(argv)
    data = Path(args.data) if Path(args.data).is_absolute() else ROOT / args.data
    before = rss_mb()
    start = time.perf_counter()
    model = CheckworthinessModel.load(args.model, threads=1)
    if args.batch_size:
        model = dataclasses.replace(model, batch_size=args.batch_size)
    load_s = time.perf_counter() - start
    model.predict(["Warm-up sentence with 3 numbers, 4 and 5."])
    print(
        f"model {args.model}: load {load_s * 1000:.0f} ms, RSS +{rss_mb() - before:.0f} MB "
        f"after load and one prediction"
    )
    print_ct24(model, data)
    print_chosen_and_heldout(model, data)
    print_ct19(model, data)
    print_speed(model, data, args.runs)
    print(f"RSS +{rss_mb() - before:.0f} MB after the benchmark (batch size {model.batch_size})")


if __name__ == "__main__":
    main()
