"""Relevance of the `corpus` source's hits: Fool Me Twice claims against the 10k summaries.

    .venv/bin/python benchmarks/bench_retrieval.py [--index var/wiki-summaries.sqlite]
        [--data ../shared/data] [--hits 5] [--limit N]

Each Fool Me Twice claim (dev 1,169, test 1,380) names the Wikipedia article it was written from.
About a third of those articles are among the summaries. For each setting of the relevance cuts
(`min_relevance`, `relative_cut`) the benchmark prints, for FM2 dev, FM2 test and both, how many
of those articles are still among the `--hits` hits (recall) and how many other hits survive:
mostly articles that share a common word with the claim, the noise the cuts exist to drop.
`--limit N` keeps the first N claims of each split (quick runs). Build the index first with
`make corpus`.

Then the shipped verifier judges each claim on its hits (no cuts, sources.yaml's default, and
the cuts 0.4 / 0.85), split by split: FM2 dev is where thresholds are chosen, FM2 test the
figure held out from that choice. For the claims whose article is not among the summaries the
right verdict is nearly always `not_enough_evidence`, so the shares of `supported` and `refuted`
are (mostly) false verdicts that off-topic passages provoke. For the claims whose article is
among them, the verdicts are set against the gold label (SUPPORTS / REFUTES): the precision of
the sides given, the share decided and the risk-coverage table (risk_coverage.py); a last
risk-coverage table takes all the split's claims, the off-topic ones counting as
`not_enough_evidence` (a side given on them is wrong).

Fool Me Twice claims, dev and test, with their gold evidence sentences and labels, are in the
stance model's training data (training/verification/data.py, fm2_pairs): the verdicts against
the gold label are in-sample for the model, and FM2 test is held out only from the thresholds
chosen on dev, not from the model. The passages, summaries of whole articles, are not the
training sentences (a summary may still hold one), and the off-topic ones are from other
articles.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from risk_coverage import print_risk_coverage, print_sides  # noqa: E402

from service.domain import Claim  # noqa: E402
from service.extraction import claim_from_text  # noqa: E402
from service.sources.corpus import CorpusSource  # noqa: E402
from service.verification.choice import shipped_verifier  # noqa: E402
from service.verification.verifier import Verifier  # noqa: E402

SETTINGS = [(0.0, 0.0), (0.0, 0.85), (0.4, 0.0), (0.4, 0.85), (0.45, 0.9)]
JUDGED = [(0.0, 0.0), (0.4, 0.85)]  # no cuts (sources.yaml's); the cuts corpus.py discusses
LABELS = ("supported", "refuted", "conflicting", "not_enough_evidence")
GOLD = {"SUPPORTS": "supported", "REFUTES": "refuted"}
SPLITS = ("dev", "test")
AS_OF = datetime.date(2025, 7, 1)

Row = tuple[Claim, str, str]  # claim, its Wikipedia article, gold side


def load_claims(data: Path, limit: int | None) -> dict[str, list[Row]]:
    """Split -> (claim, its Wikipedia article, gold side) of Fool Me Twice, the first `limit`."""
    claims = {}
    for split in SPLITS:
        with (data / "nli" / "fm2" / f"{split}.jsonl").open(encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()][:limit]
        claims[split] = [
            (claim_from_text("c", row["text"]), row["wikipedia_page"], GOLD[row["label"]])
            for row in rows
        ]
    return claims


def main(argv: list[str] | None = None) -> int:
    """Print recall of the claims' own articles and the share of other hits kept, per setting,
    then the verdicts on the claims, per split."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=ROOT / "var" / "wiki-summaries.sqlite")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--hits", type=int, default=5, help="the corpus source's limit")
    parser.add_argument("--limit", type=int, default=None, help="only the first N of each split")
    args = parser.parse_args(argv)
    claims = load_claims(args.data, args.limit)
    sizes = ", ".join(f"{split} {len(rows)}" for split, rows in claims.items())
    print(f"Fool Me Twice claims: {sizes}; index {args.index}; hits {args.hits}")
    with sqlite3.connect(f"{args.index.resolve().as_uri()}?mode=ro", uri=True) as index:
        titles = {row[0] for row in index.execute("SELECT title FROM documents")}
    index.close()
    measure_recall(args, claims)
    verifier = shipped_verifier()
    for split, rows in claims.items():
        judge_split(args, f"FM2 {split}", rows, titles, verifier)
    return 0


def measure_recall(args: argparse.Namespace, claims: dict[str, list[Row]]) -> None:
    """Per split and for both: own articles found and other hits kept, per setting of the cuts."""
    # setting -> split -> (found, others, hits, ms per search)
    results: dict[tuple[float, float], dict[str, tuple[int, int, int, list[float]]]] = {}
    for min_relevance, relative_cut in SETTINGS:
        source = CorpusSource(
            "summaries", args.index, args.hits, min_relevance=min_relevance,
            relative_cut=relative_cut,
        )  # fmt: skip
        results[min_relevance, relative_cut] = {}
        for split, rows in claims.items():
            found = others = hits = 0
            timings = []
            for claim, page, _ in rows:
                started = time.perf_counter()
                evidence = source.search(claim, AS_OF, timeout=5.0)
                timings.append((time.perf_counter() - started) * 1000)
                hits += len(evidence)
                found += any(e.title == page for e in evidence)
                others += sum(e.title != page for e in evidence)
            results[min_relevance, relative_cut][split] = (found, others, hits, timings)
        source.close()
    groups = [(f"FM2 {split}", [split]) for split in claims] + [("FM2 dev + test", list(claims))]
    for name, splits in groups:
        n = sum(len(claims[split]) for split in splits)
        print(f"\n{name}: {n} claims")
        print("min_relevance relative_cut | articles found  other hits kept  hits/claim  ms/claim")
        baseline_found = baseline_others = 0
        for (min_relevance, relative_cut), by_split in results.items():
            found, others, hits = (sum(by_split[s][i] for s in splits) for i in range(3))
            timings = [t for s in splits for t in by_split[s][3]]
            if (min_relevance, relative_cut) == (0.0, 0.0):
                baseline_found, baseline_others = found, others
            cuts = f"{min_relevance:13.2f} {relative_cut:12.2f}"
            print(
                f"{cuts} | {found:5d} ({found / max(1, baseline_found):4.0%})"
                f"  {others:6d} ({others / max(1, baseline_others):4.0%})"
                f"   {hits / max(1, n):9.2f}  {statistics.median(timings or [0.0]):8.2f}"
            )


def judge_split(
    args: argparse.Namespace, name: str, rows: list[Row], titles: set[str], verifier: Verifier
) -> None:
    """Verdicts on one split's claims: off topic (article not in the index), and on topic
    against the gold label, per judged setting of the cuts."""
    orphans = [row for row in rows if row[1] not in titles]
    owned = [row for row in rows if row[1] in titles]
    # setting -> (in the index, had hits, gold side, label, confidence) per claim
    judged = {cuts: judge(args, rows, titles, verifier, cuts) for cuts in JUDGED}
    print(f"\n== {name}: {len(rows)} claims, {len(owned)} whose article is in the index")
    print(f"{name}: verdicts on the {len(orphans)} claims whose article is not in the index")
    print("min_relevance relative_cut | judged  " + "  ".join(f"{label:>19}" for label in LABELS))
    for (min_relevance, relative_cut), verdicts in judged.items():
        counts = dict.fromkeys(LABELS, 0)
        for in_index, had_hits, _, label, _ in verdicts:
            if not in_index and had_hits:
                counts[label] += 1
        total = sum(counts.values())
        shares = "  ".join(
            f"{counts[label]:>10d} ({counts[label] / max(1, total):6.1%})" for label in LABELS
        )
        print(f"{min_relevance:13.2f} {relative_cut:12.2f} | {total:6d}  {shares}")
    print(f"\n{name}: verdicts on the {len(owned)} claims whose article is in the index, "
          "against the gold label")  # fmt: skip
    for (min_relevance, relative_cut), verdicts in judged.items():
        items = [(gold, label, conf) for in_index, _, gold, label, conf in verdicts if in_index]
        print(f"min_relevance {min_relevance:.2f} relative_cut {relative_cut:.2f}")
        print_sides(items, indent="  ")
        print_risk_coverage(items)
    print(f"\n{name}: all {len(rows)} claims, those whose article is not in the index taken as "
          "not_enough_evidence (a side given on them is wrong)")  # fmt: skip
    for (min_relevance, relative_cut), verdicts in judged.items():
        items = [
            (gold if in_index else "not_enough_evidence", label, conf)
            for in_index, _, gold, label, conf in verdicts
        ]
        print(f"min_relevance {min_relevance:.2f} relative_cut {relative_cut:.2f}")
        print_risk_coverage(items)


def judge(
    args: argparse.Namespace,
    rows: list[Row],
    titles: set[str],
    verifier: Verifier,
    cuts: tuple[float, float],
) -> list[tuple[bool, bool, str, str, float]]:
    """(article in the index, had hits, gold side, label, confidence) of each claim's verdict on
    its hits under the cuts; a claim with no hit is `not_enough_evidence`."""
    source = CorpusSource(
        "summaries", args.index, args.hits, min_relevance=cuts[0], relative_cut=cuts[1]
    )
    out = []
    for claim, page, gold in rows:
        evidence = source.search(claim, AS_OF, timeout=5.0)
        verdict = verifier.judge(claim, evidence, AS_OF, AS_OF.isoformat())
        out.append((page in titles, bool(evidence), gold, verdict.label, verdict.confidence))
    source.close()
    return out


if __name__ == "__main__":
    sys.exit(main())
