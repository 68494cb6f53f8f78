"""Fact-check matching as a client sees it: CLEF 2020 Task 2 tweets through /v1/claims/verify.

    .venv/bin/python benchmarks/bench_matching_service.py [--split dev|train|both|NAME]
        [--data ../shared/data] [--archive PATH] [--limit N] [--verifier default|rules]

Builds a `claimreview` archive with the CLI (`python -m service claimreview import`) from the
10,375 Snopes verified claims, written as schema.org ClaimReview JSONL (claimReviewed = vclaim,
headline = the article's title, url = https://clef2020-task2.invalid/vclaim/ID so that an
evidence item names its claim; duplicates left out as bench_matching.py does). Then the app
(Flask test client, memory cache) with a sources file holding only that source, `min_match: 0`,
answers each tweet sent as {"claim": tweet, "sources": ["clef"]}; MAP@1/3/5 are scored from the
verdict's evidence list, in its order. Beside it, on the same claims:
  bm25       BM25 top-100 alone (bench_matching.py's first stage)
  matcher    bench_matching.py's pipeline: BM25 top-100 + 10 nearest, re-ranked by the matcher
  source     ClaimReviewSource.search on the claim as the API builds it (no verification)
  service    /v1/claims/verify, the evidence list as a client reads it
`--split NAME` reads NAME.tweets.queries.tsv and NAME.tweet-vclaim-pairs.qrels.tsv, so a split
kept elsewhere (the task's test tweets) is measured with --data pointing at it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench_matching import (
    DEFAULT_DATA,
    average_precision,
    build_index,
    candidate_texts,
    embedded_index,
    first_stage,
    load_claims,
    load_split,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.app import build_app  # noqa: E402
from service.extraction import claim_from_text  # noqa: E402
from service.sources.claimreview import ClaimReviewSource  # noqa: E402
from service.sources.matching import default_matcher, rank_candidates  # noqa: E402

URL = "https://clef2020-task2.invalid/vclaim/"
SOURCE = "clef"
KS = (1, 3, 5)


def write_records(claims: Sequence[tuple[str, str]], ids: Sequence[int], path: Path) -> None:
    """The verified claims as ClaimReview JSON-LD objects, one per line."""
    with path.open("w", encoding="utf-8") as out:
        for i in ids:
            vclaim, title = claims[i]
            record = {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": f"{URL}{i}",
                "claimReviewed": vclaim,
                "headline": title,
                "author": {"@type": "Organization", "name": "Snopes"},
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def build_archive(claims, ids: Sequence[int], archive: Path) -> None:
    """Import the records with the service's own command line (embeddings included)."""
    records = archive.with_suffix(".jsonl")
    write_records(claims, ids, records)
    command = [sys.executable, "-m", "service", "claimreview", "import", str(archive), str(records)]
    print("$", " ".join(command[1:]), flush=True)
    subprocess.run(command, cwd=ROOT, check=True)


def claim_id(url: str | None) -> int:
    """The vclaim id an evidence item's URL names (-1 for anything else)."""
    return int(url[len(URL) :]) if url and url.startswith(URL) else -1


def scores(ranked: Sequence[int], relevant: set[int]) -> list[float]:
    """AP@k for each k of KS."""
    return [average_precision(ranked, relevant, k) for k in KS]


class Service:
    """The app on a sources file with the archive as its only source, min_match 0."""

    def __init__(self, archive: Path, folder: Path, verifier: str) -> None:
        sources = folder / "sources.yaml"
        sources.write_text(
            f"sources:\n  - name: {SOURCE}\n    type: claimreview\n    path: {archive}\n"
            "    min_match: 0\n",
            encoding="utf-8",
        )
        self.app = build_app({"sources_file": str(sources), "redis_url": "", "verifier": verifier})
        self.client = self.app.test_client()
        self.not_judged: set[str] = set()  # tweets answered with a note instead of a search

    def ranking(self, tweet: str) -> list[int]:
        """The claim ids of the verdict's evidence, in the order the API lists them."""
        answer = self.client.post("/v1/claims/verify", json={"claim": tweet, "sources": [SOURCE]})
        if answer.status_code != 200:
            raise RuntimeError(f"{answer.status_code}: {answer.get_data(as_text=True)[:300]}")
        report = answer.get_json()
        if report["notes"]:
            self.not_judged.add(tweet)
        return [claim_id(e.get("url")) for e in report["claims"][0]["evidence"]]

    def close(self) -> None:
        """Stop the checker's thread pools."""
        self.app.extensions["factcheck"].checker.close()


def stages(claims, conn, archive: Path, service: Service) -> dict[str, Callable[[str], list]]:
    """Each stage's ranking of a tweet (claim ids, best first)."""
    index_ids, vectors = embedded_index(conn, claims)
    source = ClaimReviewSource(SOURCE, archive, min_match=0.0)

    def matcher(tweet: str) -> list[int]:
        ids = [i for i, _ in first_stage(conn, tweet, 100)]
        near = default_matcher().nearest(tweet, vectors, 10)
        ids += [index_ids[i] for i in near if index_ids[i] not in set(ids)]
        return [ids[i] for i, _ in rank_candidates(tweet, candidate_texts(claims, ids))]

    def from_source(tweet: str) -> list[int]:
        found = source.search(claim_from_text("c1", tweet), datetime.date.today(), 30.0)
        return [claim_id(e.url) for e in found]

    return {
        "bm25": lambda tweet: [i for i, _ in first_stage(conn, tweet, 100)],
        "matcher": matcher,
        "source": from_source,
        "service": service.ranking,
    }


def evaluate(data: Path, split: str, ranks: dict[str, Callable], service: Service, args) -> None:
    """Print MAP@1/3/5 of each stage for one split, and where the service's order departs."""
    tweets, qrels = load_split(data, split)
    if args.limit:
        qrels = dict(list(qrels.items())[: args.limit])
    ranked: dict[str, dict[str, list[int]]] = {name: {} for name in ranks}
    seconds = dict.fromkeys(ranks, 0.0)
    service.not_judged.clear()
    for tweet_id in qrels:
        for name, rank in ranks.items():
            started = time.perf_counter()
            ranked[name][tweet_id] = rank(tweets[tweet_id])
            seconds[name] += time.perf_counter() - started
    judged = [t for t in qrels if tweets[t] not in service.not_judged]
    print(f"\n{split}: {len(qrels)} tweets, {len(judged)} judged by the service (the others are "
          "answered with a note: a question, an opinion, ... and no source is asked)")  # fmt: skip
    heading = "".join(f"{'MAP@' + str(k):>9}" for k in KS)
    print(f"{'stage':<10}{heading}{'ms/tweet':>10}   | judged only:{heading}")
    for name in ranks:
        row = _map_row(ranked[name], qrels, list(qrels))
        judged_row = _map_row(ranked[name], qrels, judged)
        print(f"{name:<10}{row}{seconds[name] / len(qrels) * 1000:>10.1f}   | {'':11}{judged_row}")
    differ = sum(ranked["service"][t] != ranked["source"][t][:5] for t in judged)
    print(f"judged tweets whose evidence order differs from the source's ranking: {differ}")


def _map_row(ranked: dict[str, list[int]], qrels: dict[str, set[int]], ids: list[str]) -> str:
    """MAP@k for each k of KS over the tweets `ids`, formatted."""
    totals = [0.0] * len(KS)
    for tweet_id in ids:
        for i, figure in enumerate(scores(ranked[tweet_id], qrels[tweet_id])):
            totals[i] += figure
    return "".join(f"{t / max(len(ids), 1):>9.4f}" for t in totals)


def main() -> None:
    """Build the archive (or reuse --archive), start the app and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", default="both", help="dev, train, both, or a file prefix")
    parser.add_argument("--archive", type=Path, help="an archive this script built before")
    parser.add_argument("--limit", type=int, default=0, help="first N queries only (a smoke run)")
    parser.add_argument("--verifier", default="default", help="the service's FACTCHECK_VERIFIER")
    args = parser.parse_args()
    claims = load_claims(args.data)
    conn = build_index(claims)
    with tempfile.TemporaryDirectory() as folder:
        archive = args.archive or Path(folder) / "clef.sqlite"
        if not archive.exists():
            ids = [row[0] for row in conn.execute("SELECT rowid FROM claims ORDER BY rowid")]
            build_archive(claims, ids, archive)
        service = Service(archive, Path(folder), args.verifier)
        ranks = stages(claims, conn, archive, service)
        try:
            for split in ("dev", "train") if args.split == "both" else (args.split,):
                evaluate(args.data, split, ranks, service, args)
        finally:
            service.close()


if __name__ == "__main__":
    main()
