"""Write the passages the product's corpus retrieves for Fool Me Twice claims whose article is
not in the index, one JSON line per (claim, hit), for data.retrieved_negatives and measurement.

Needs the service (CorpusSource) and its index, so it runs once with the service venv:

    .venv/bin/python training/verification/build_retrieved.py --split dev --out FILE.jsonl

Retrieval is benchmarks/bench_retrieval.py's: the claim through claim_from_text, the `corpus`
source with `limit` 5 and no relevance cuts, the passage as the verifier reads it (the snippet).
Only the dev split may be trained on; the test split's orphans are the held-out benchmark.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from service.extraction import claim_from_text  # noqa: E402
from service.sources.corpus import CorpusSource  # noqa: E402

AS_OF = datetime.date(2025, 7, 1)  # bench_retrieval's


def main() -> None:
    """Retrieve for every orphan claim of the split and write the hits."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--split", choices=("dev", "test"), required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--index", type=Path, default=ROOT / "var" / "wiki-summaries.sqlite")
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    p.add_argument("--limit", type=int, default=5)
    args = p.parse_args()
    with sqlite3.connect(f"{args.index.resolve().as_uri()}?mode=ro", uri=True) as index:
        titles = {row[0] for row in index.execute("SELECT title FROM documents")}
    index.close()
    source = CorpusSource("summaries", args.index, args.limit)
    claims = orphans = hits = 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with (args.data / "nli" / "fm2" / f"{args.split}.jsonl").open(encoding="utf-8") as rows, \
            args.out.open("w", encoding="utf-8") as out:  # fmt: skip
        for line in rows:
            row = json.loads(line)
            claims += 1
            if row["wikipedia_page"] in titles:
                continue
            orphans += 1
            for ev in source.search(claim_from_text("c", row["text"]), AS_OF, timeout=5.0):
                hits += 1
                record = {"split": args.split, "id": row["id"], "claim": row["text"],
                          "page": row["wikipedia_page"], "title": ev.title,
                          "passage": ev.snippet, "score": ev.score}  # fmt: skip
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    source.close()
    print(f"{args.split}: {claims} claims, {orphans} orphans, {hits} hits -> {args.out}")


if __name__ == "__main__":
    main()
