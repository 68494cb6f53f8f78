"""Source type `corpus`: a local document index (SQLite FTS5, BM25), the offline default."""

from __future__ import annotations

import datetime
import re
import sqlite3
import time
from pathlib import Path
from typing import Any, ClassVar

from service.domain import Claim, Evidence
from service.sources.base import ConfigError, SourceContext, SourceError
from service.sources.breaker import CircuitBreaker
from service.sources.corpus_index import FORMAT_VERSION, build_corpus, default_wiki_summaries
from service.sources.passage import best_passage
from service.sources.query import build_query, fts5_match
from service.sources.sqlite_reader import ThreadConnections, deadline_guard, read_format

__all__ = ["CorpusSource", "bm25_score", "build_corpus", "default_wiki_summaries"]

BUILD_HINT = "build it with: python -m service corpus build OUT.sqlite FILE..."
TITLE_WEIGHT = 3.0  # a query word in the title says more about the document than one in the text
# Half-saturation of the score squashing. Measured on the 10k wiki summaries: the right article
# for a claim scores a BM25 of 25-55 (0.55-0.75), an article sharing one common word 8-12 (~0.3).
BM25_HALF = 20.0
# Relevance cuts, off by default: a hit must score `min_relevance` and come within
# `relative_cut` of the query's best hit. On the 10k summaries, 0.4 and 0.85 keep ~89% of Fool Me
# Twice claims' own articles and drop ~65% of the other hits (benchmarks/bench_retrieval.py),
# but the shipped verifier then refutes 37% of the claims it should abstain on, against 2% on
# all five hits: its aggregation reads a lone passage as decisive (FEVER's setting). BM25's
# scale also grows with the corpus, so a floor is the corpus's own setting.
MIN_RELEVANCE = 0.0
RELATIVE_CUT = 0.0
# BM25 over an OR of the claim's terms favours documents repeating one rare word. A document
# whose title is (a part of) one of the claim's entities gains this share of its missing
# relevance: of the 787 Fool Me Twice claims whose article is in the 10k summaries, that article
# is among the five hits for 691 (88%) instead of 659 (84%) (benchmarks/bench_retrieval.py;
# the 30 best BM25 hits are re-ranked; 0.3 does as well). The other way round ("Music of
# China" for the entity "China") does worse.
TITLE_BONUS = 0.2
CANDIDATES_PER_HIT = 6  # BM25 hits re-ranked per hit returned
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)\s*$")  # "Mercury (planet)" -> "Mercury"
_WORD = re.compile(r"\w+")
SEARCH_SQL = f"""
SELECT title, text, url, published_at, bm25(documents, {TITLE_WEIGHT}, 1.0) AS bm25
FROM documents WHERE documents MATCH ? ORDER BY bm25 LIMIT ?
"""

RELEVANCE_DEFAULTS = {"min_relevance": MIN_RELEVANCE, "relative_cut": RELATIVE_CUT}


def bm25_score(bm25: float) -> float:
    """SQLite's BM25 (negative, lower is better) squashed into a [0, 1) relevance.

    x / (x + BM25_HALF) with x = -bm25: absolute rather than relative to the best hit, so a
    weak best match stays weak and scores mean the same from one query to the next.
    """
    x = max(0.0, -bm25)
    return round(x / (x + BM25_HALF), 4)


def entity_words(claim: Claim) -> list[tuple[str, ...]]:
    """The claim's entities as lower-case words."""
    return [tuple(_WORD.findall(entity.lower())) for entity in claim.entities]


def relevance(entities: list[tuple[str, ...]], title: str, bm25: float) -> float:
    """A hit's relevance in [0, 1): its squashed BM25, raised when its title names an entity."""
    score = bm25_score(bm25)
    if _names_an_entity(title, entities):
        score += TITLE_BONUS * (1.0 - score)
    return round(score, 4)


def _names_an_entity(title: str, entities: list[tuple[str, ...]]) -> bool:
    """The title (less a parenthetical) is one of the entities, or whole words of one."""
    name = tuple(_WORD.findall(_PARENTHETICAL.sub("", title).lower()))
    if not name:
        return False
    size = len(name)
    return any(
        words[i : i + size] == name for words in entities for i in range(len(words) - size + 1)
    )


class CorpusSource:
    """Searches a corpus index built by `build_corpus`; one read-only connection per thread."""

    type = "corpus"
    SETTINGS: ClassVar[dict[str, type | tuple[type, ...]]] = {
        "path": str,
        "limit": int,
        "min_relevance": (int, float),
        "relative_cut": (int, float),
    }
    REQUIRED_SETTINGS: ClassVar[frozenset[str]] = frozenset({"path"})

    def __init__(
        self,
        name: str,
        path: str | Path,
        limit: int = 5,
        min_relevance: float = MIN_RELEVANCE,
        relative_cut: float = RELATIVE_CUT,
    ) -> None:
        self.name = name
        self.path = Path(path)
        self.limit = limit
        self.min_relevance = min_relevance
        self.relative_cut = relative_cut
        self.breaker: CircuitBreaker | None = None
        self.timeout: float | None = None
        if not self.path.is_file():
            raise ConfigError(
                f"source {name!r}: corpus index {str(self.path)!r} not found; " + BUILD_HINT
            )
        self._connections = ThreadConnections(self.path)
        self._check_index()

    @classmethod
    def from_settings(
        cls, name: str, settings: dict[str, Any], context: SourceContext | None = None
    ) -> CorpusSource:
        """Build from configuration: `path` (required), `limit` and the relevance cuts."""
        limit = settings.get("limit", 5)
        if limit < 1:
            raise ConfigError(f"source {name!r}: 'limit' must be at least 1")
        cuts = {key: settings.get(key, default) for key, default in RELEVANCE_DEFAULTS.items()}
        for key, value in cuts.items():
            if not 0 <= value <= 1:
                raise ConfigError(f"source {name!r}: {key!r} must be between 0 and 1")
        source = cls(name, settings["path"], limit=limit, **cuts)
        if context is not None:
            source.breaker, source.timeout = context.breaker, context.timeout
        return source

    def _check_index(self) -> None:
        """Fail at start-up, not at the first request, when the file is not a corpus index."""
        try:
            found = read_format(self._connection(), "corpus_meta")
        except sqlite3.DatabaseError as exc:
            raise ConfigError(
                f"source {self.name!r}: {str(self.path)!r} is not a corpus index ({exc}); "
                + BUILD_HINT
            ) from None
        if found != FORMAT_VERSION:
            raise ConfigError(
                f"source {self.name!r}: {str(self.path)!r} has an unknown "
                f"index format; rebuild it: " + BUILD_HINT
            )

    def _connection(self) -> sqlite3.Connection:
        """This thread's read-only connection."""
        return self._connections.get()

    def close(self) -> None:
        """Close every connection this source opened."""
        self._connections.close()

    def search(self, claim: Claim, as_of: datetime.date, timeout: float) -> list[Evidence]:
        """The `limit` best documents for the claim, each with its most relevant sentences."""
        query = build_query(claim)
        match = fts5_match(query)
        if not match:
            return []
        if timeout <= 0:
            raise SourceError("timeout", "no time left for the corpus search")
        rows = self._query(match, time.monotonic() + timeout)
        entities = entity_words(claim)
        scored = sorted(
            ((relevance(entities, row[0], row[-1]), row) for row in rows), key=lambda pair: -pair[0]
        )
        return [
            Evidence(
                source=self.name,
                title=title,
                snippet=best_passage(text, query),
                url=url,
                score=score,
                published_at=published_at,
            )
            for score, (title, text, url, published_at, _) in self._relevant(scored)
        ]

    def _relevant(self, scored: list[tuple[float, Any]]) -> list[tuple[float, Any]]:
        """The `limit` best hits that score enough, absolutely and against the best one."""
        if not scored:
            return scored
        floor = max(self.min_relevance, self.relative_cut * scored[0][0])  # best first
        return [pair for pair in scored[: self.limit] if pair[0] >= floor]

    def _query(self, match: str, deadline: float) -> list[tuple[Any, ...]]:
        """Run the search; SQLite itself is interrupted once the deadline has passed."""
        with deadline_guard(self._connection(), deadline, "corpus search") as conn:
            return conn.execute(SEARCH_SQL, (match, self.limit * CANDIDATES_PER_HIT)).fetchall()
