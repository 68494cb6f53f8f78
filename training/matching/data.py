"""Training examples for the claim matcher from CLEF 2020 Task 2 (read by path, never copied)."""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from bench_matching import (  # noqa: E402
    DEFAULT_DATA,
    build_index,
    first_stage,
    load_claims,
    load_split,
)

from service.sources.matching_text import normalise  # noqa: E402

__all__ = ["DEFAULT_DATA", "Query", "load_queries", "load_claims", "split_fold", "split_holdout"]


@dataclass(frozen=True)
class Query:
    """A tweet with its relevant claim ids and its BM25 candidates (claim id, score)."""

    id: str
    text: str
    relevant: frozenset[int]
    candidates: tuple[tuple[int, float], ...]


def load_queries(data: Path, split: str, claims: list, top_n: int = 100) -> list[Query]:
    """The split's tweets (normalised) with qrels and first-stage candidates."""
    conn = build_index(claims)
    tweets, qrels = load_split(data, split)
    return [
        Query(
            tid,
            normalise(tweets[tid]),
            frozenset(rel),
            tuple(first_stage(conn, tweets[tid], top_n)),
        )
        for tid, rel in sorted(qrels.items(), key=lambda kv: int(kv[0]))
    ]


def split_holdout(queries: list[Query], fraction: float, seed: int = 13) -> tuple[list, list]:
    """A random split of queries: (kept, held out)."""
    rng = random.Random(seed)
    held = set(rng.sample(range(len(queries)), round(len(queries) * fraction)))
    keep = [q for i, q in enumerate(queries) if i not in held]
    return keep, [q for i, q in enumerate(queries) if i in held]


def split_fold(
    queries: list[Query], fraction: float, fold: int, seed: int = 13
) -> tuple[list, list]:
    """Cross-validation folds of about `fraction` each: fold 0 is split_holdout's slice, the
    others split the rest of the queries in a seeded order, so the folds cover every query once."""
    keep, held = split_holdout(queries, fraction, seed)
    if fold == 0:
        return keep, held
    folds = round(1 / fraction) - 1
    if not 1 <= fold <= folds:
        raise ValueError(f"fold {fold} is not in 0..{folds}")
    order = list(range(len(keep)))
    random.Random(seed).shuffle(order)
    chosen = set(order[fold - 1 :: folds])
    return (
        [q for i, q in enumerate(keep) if i not in chosen] + held,
        [q for i, q in enumerate(keep) if i in chosen],
    )
