"""Relevance of the `corpus` source's hits: Fool Me Twice claims against the 10k summaries.

    .venv/bin/python benchmarks/bench_retrieval.py [--index var/wiki-summaries.sqlite]
        [--data ../shared/data] [--limit 5]

Each Fool Me Twice claim (dev + test, 2,549) names the Wikipedia article it was written from.
About a third of those articles are among the summaries. For each setting of the relevance cuts
(`min_relevance`, `relative_cut`) the benchmark prints how many of those articles are still among
the hits (recall) and how many other hits survive: mostly articles that share a common word with
the claim, the noise the cuts exist to drop. Build the index first with `make corpus`.

Then, for the claims whose article is not among the summaries, the shipped verifier judges each
claim on its hits (no cuts, and the cuts of sources.yaml): the right verdict is nearly always
`not_enough_evidence`, so the shares of `supported` and `refuted` are (mostly) false verdicts that
off-topic passages provoke. Fool Me Twice sentences are in the stance model's training data
(training/verification), but these passages, from other articles, are not.
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

from service.extraction import claim_from_text  # noqa: E402
from service.sources.corpus import CorpusSource  # noqa: E402
from service.verification.choice import shipped_verifier  # noqa: E402

SETTINGS = [(0.0, 0.0), (0.0, 0.85), (0.4, 0.0), (0.4, 0.85), (0.45, 0.9)]
JUDGED = [(0.0, 0.0), (0.4, 0.85)]  # no cuts; sources.yaml's
LABELS = ("supported", "refuted", "conflicting", "not_enough_evidence")
AS_OF = datetime.date(2025, 7, 1)


def load_claims(data: Path) -> list[tuple[str, str]]:
    """(claim, its Wikipedia article) of Fool Me Twice dev and test."""
    claims = []
    for split in ("dev", "test"):
        with (data / "nli" / "fm2" / f"{split}.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                claims.append((row["text"], row["wikipedia_page"]))
    return claims


def main(argv: list[str] | None = None) -> int:
    """Print recall of the claims' own articles and the share of other hits kept, per setting."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=ROOT / "var" / "wiki-summaries.sqlite")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=5)
    args = parser.parse_args(argv)
    claims = [(claim_from_text("c", text), page) for text, page in load_claims(args.data)]
    print(f"{len(claims)} Fool Me Twice claims; index {args.index}; limit {args.limit}")
    print("min_relevance relative_cut | articles found  other hits kept  hits/claim  ms/claim")
    for min_relevance, relative_cut in SETTINGS:
        source = CorpusSource(
            "summaries", args.index, args.limit, min_relevance=min_relevance,
            relative_cut=relative_cut,
        )  # fmt: skip
        found = others = hits = 0
        timings = []
        for claim, page in claims:
            started = time.perf_counter()
            evidence = source.search(claim, AS_OF, timeout=5.0)
            timings.append((time.perf_counter() - started) * 1000)
            hits += len(evidence)
            found += any(e.title == page for e in evidence)
            others += sum(e.title != page for e in evidence)
        if (min_relevance, relative_cut) == (0.0, 0.0):
            baseline_found, baseline_others = found, others
        cuts = f"{min_relevance:13.2f} {relative_cut:12.2f}"
        print(
            f"{cuts} | {found:5d} ({found / baseline_found:4.0%})"
            f"  {others:6d} ({others / baseline_others:4.0%})   {hits / len(claims):9.2f}"
            f"  {statistics.median(timings):8.2f}"
        )
        source.close()
    judge_off_topic(args, claims)
    return 0


def judge_off_topic(args: argparse.Namespace, claims: list) -> None:
    """Verdicts on claims whose own article is not in the index: what off-topic hits provoke."""
    with sqlite3.connect(f"{args.index.resolve().as_uri()}?mode=ro", uri=True) as index:
        titles = {row[0] for row in index.execute("SELECT title FROM documents")}
    index.close()
    orphans = [claim for claim, page in claims if page not in titles]
    verifier = shipped_verifier()
    print(f"\nverdicts on the {len(orphans)} claims whose article is not in the index")
    print("min_relevance relative_cut | judged  " + "  ".join(f"{label:>19}" for label in LABELS))
    for min_relevance, relative_cut in JUDGED:
        source = CorpusSource(
            "summaries", args.index, args.limit, min_relevance=min_relevance,
            relative_cut=relative_cut,
        )  # fmt: skip
        counts = dict.fromkeys(LABELS, 0)
        for claim in orphans:
            evidence = source.search(claim, AS_OF, timeout=5.0)
            if evidence:
                verdict = verifier.judge(claim, evidence, AS_OF, AS_OF.isoformat())
                counts[verdict.label] += 1
        judged = sum(counts.values())
        shares = "  ".join(
            f"{counts[label]:>10d} ({counts[label] / judged:6.1%})" for label in LABELS
        )
        print(f"{min_relevance:13.2f} {relative_cut:12.2f} | {judged:6d}  {shares}")
        source.close()


if __name__ == "__main__":
    sys.exit(main())
