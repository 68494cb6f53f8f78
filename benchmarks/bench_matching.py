"""Fact-check matching on CLEF 2020 Task 2: BM25 top-N and the nearest by embedding over the
Snopes claims, then re-ranking.

    .venv/bin/python benchmarks/bench_matching.py [--split dev|train|both] [--top-n 100]
        [--nearest 10] [--rerank none|matching] [--data ../shared/data] [--no-dedupe] [--limit N]

The same shape as the service's `claimreview` source: SQLite FTS5 BM25 retrieves candidates
(vclaim and title indexed), the matcher's encoder adds the --nearest claims by cosine that BM25
missed, `service.sources.matching.rank_candidates` re-orders them all. Figures: MAP@5 (the
task's metric), recall of the first stage and re-ranking speed (candidates/s on one thread,
helped by the encoder's embedding cache as candidates recur across tweets). The threshold's
precision / recall is measured by training/matching/fit_matcher.py and recorded in model.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sqlite3
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.sources.encoder import MODEL_DIR  # noqa: E402
from service.sources.matching import (  # noqa: E402
    MATCH_THRESHOLD,
    default_matcher,
    rank_candidates,
)
from service.sources.matching_text import content_words, normalise  # noqa: E402
from service.sources.query import fts5_match  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"
TASK = Path("factchecks") / "clef2020_task2"
_QUOTES = re.compile(r"[\"'“”‘’`]")
SCHEMA = """CREATE VIRTUAL TABLE claims USING fts5(
    vclaim, title, tokenize = 'porter unicode61 remove_diacritics 2')"""


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a TSV file read without quote handling (the task's files are not CSV-quoted)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _unquote(field: str) -> str:
    """A field as written, or unquoted if the file CSV-quoted it (multi-line claims are)."""
    if len(field) > 1 and field[0] == field[-1] == '"':
        return field[1:-1].replace('""', '"')
    return field


def load_claims(data: Path) -> list[tuple[str, str]]:
    """(vclaim, title) of the 10,375 verified claims, indexed by their id."""
    rows: list[list[str]] = []
    for row in read_tsv(data / TASK / "verified_claims.docs.tsv")[1:]:
        if row[0].isdigit() or not rows:
            rows.append(row)
        else:  # the rest of a quoted claim that spans lines
            rows[-1] = [*rows[-1][:-1], rows[-1][-1] + " " + row[0], *row[1:]]
    rows = [[r[0], _unquote(r[1]), _unquote(r[2])] for r in rows]
    claims = [("", "")] * (max(int(r[0]) for r in rows) + 1)
    for row in rows:
        claims[int(row[0])] = (row[1], row[2])
    return claims


def load_split(data: Path, split: str) -> tuple[dict[str, str], dict[str, set[int]]]:
    """Tweets {id: text} and qrels {tweet id: relevant claim ids} of one split."""
    tweets = {r[0]: r[1] for r in read_tsv(data / TASK / f"{split}.tweets.queries.tsv")[1:]}
    qrels: dict[str, set[int]] = defaultdict(set)
    for row in read_tsv(data / TASK / f"{split}.tweet-vclaim-pairs.qrels.tsv"):
        if row[3] == "1":
            qrels[row[0]].add(int(row[2]))
    return tweets, dict(qrels)


def duplicate_key(text: str) -> str:
    """Text with quote style, case and spacing ignored: how re-crawled duplicates differ."""
    return " ".join(_QUOTES.sub("", text).lower().split())


def build_index(claims: Sequence[tuple[str, str]], dedupe: bool = True) -> sqlite3.Connection:
    """An in-memory FTS5 index of the claims (rowid = claim id).

    With `dedupe`, a claim whose text repeats an earlier one (184 groups in the corpus, e.g.
    "said 'X'" beside 'said "X"') is left out, as a fact-check store would merge them; the
    first one is kept.
    """
    conn = sqlite3.connect(":memory:")
    conn.execute(SCHEMA)
    seen: set[str] = set()
    rows = []
    for i, (vclaim, title) in enumerate(claims):
        key = duplicate_key(vclaim)
        if vclaim and not (dedupe and key in seen):
            rows.append((i, vclaim, title))
            seen.add(key)
    conn.executemany("INSERT INTO claims(rowid, vclaim, title) VALUES (?, ?, ?)", rows)
    return conn


def first_stage(conn: sqlite3.Connection, tweet: str, top_n: int) -> list[tuple[int, float]]:
    """BM25 top-N (claim id, score: higher is better) for a tweet's content words."""
    expression = fts5_match(" ".join(content_words(normalise(tweet))))
    if not expression:
        return []
    rows = conn.execute(
        "SELECT rowid, bm25(claims) FROM claims WHERE claims MATCH ? ORDER BY rank LIMIT ?",
        (expression, top_n),
    ).fetchall()
    return [(rowid, -score) for rowid, score in rows]


def average_precision(ranked: Sequence[int], relevant: set[int], k: int = 5) -> float:
    """AP@k as the task's scorer computes it (divided by the number of relevant claims)."""
    hits, total = 0, 0.0
    for rank, claim_id in enumerate(ranked[:k], 1):
        if claim_id in relevant:
            hits += 1
            total += hits / rank
    return total / min(len(relevant), k) if relevant else 0.0


def candidate_texts(claims: Sequence[tuple[str, str]], ids: Sequence[int]) -> list[str]:
    """What the re-ranker gets: the claim, and the fact-check's title after a newline."""
    return [f"{claims[i][0]}\n{claims[i][1]}" for i in ids]


def embedded_index(conn: sqlite3.Connection, claims) -> tuple[list[int], np.ndarray]:
    """The indexed claims' ids and their embeddings, as the archive stores them at import."""
    ids = [row[0] for row in conn.execute("SELECT rowid FROM claims ORDER BY rowid")]
    return ids, default_matcher().embed([claims[i][0] for i in ids])


def evaluate(conn, claims, data: Path, split: str, args) -> dict[str, float]:
    """MAP@5 of BM25 alone and re-ranked, first-stage recall, re-ranking speed."""
    tweets, qrels = load_split(data, split)
    if args.limit:
        qrels = dict(list(qrels.items())[: args.limit])
    bm25_ap, rerank_ap, recalled, seconds, reranked = [], [], 0, 0.0, 0
    index_ids, vectors = embedded_index(conn, claims) if args.nearest else ([], None)
    for tweet_id, relevant in qrels.items():
        ids = [i for i, _ in first_stage(conn, tweets[tweet_id], args.top_n)]
        bm25_ap.append(average_precision(ids, relevant))
        if args.nearest:
            near = default_matcher().nearest(tweets[tweet_id], vectors, args.nearest)
            ids += [index_ids[i] for i in near if index_ids[i] not in set(ids)]
        recalled += bool(relevant & set(ids))
        if args.rerank == "matching":
            started = time.perf_counter()
            order = rank_candidates(tweets[tweet_id], candidate_texts(claims, ids))
            seconds += time.perf_counter() - started
            reranked += len(ids)
            ids = [ids[i] for i, _ in order]
        rerank_ap.append(average_precision(ids, relevant))
    n = len(qrels)
    return {
        "queries": n, "bm25_map5": sum(bm25_ap) / n, "map5": sum(rerank_ap) / n,
        f"recall@{args.top_n}+{args.nearest}": recalled / n,
        "candidates_per_s": reranked / seconds if seconds else 0.0,
    }  # fmt: skip


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=("dev", "train", "both"), default="both")
    parser.add_argument("--top-n", type=int, default=100)
    parser.add_argument("--nearest", type=int, default=10, help="claims added by embedding")
    parser.add_argument("--rerank", choices=("none", "matching"), default="matching")
    parser.add_argument("--no-dedupe", action="store_true", help="index duplicate claims too")
    parser.add_argument("--limit", type=int, default=0, help="first N queries only (a smoke run)")
    args = parser.parse_args()
    claims = load_claims(args.data)
    conn = build_index(claims, dedupe=not args.no_dedupe)
    meta = json.loads((MODEL_DIR / "model.json").read_text(encoding="utf-8"))
    print(f"model: {meta['name']}, threshold {MATCH_THRESHOLD}")
    print(f"weights fitted on {meta['combiner']['fitted_on']}")
    for split in ("dev", "train") if args.split == "both" else (args.split,):
        figures = evaluate(conn, claims, args.data, split, args)
        print(split, "  ".join(f"{k} {v:.4f}" if isinstance(v, float) else f"{k} {v}"
                               for k, v in figures.items()))  # fmt: skip


if __name__ == "__main__":
    main()
