"""Source type `claimreview`: a newsroom's own archive of fact-checks in SQLite FTS5.

`import_reviews(path, files)` adds ClaimReview records (JSON-LD, JSONL, CSV) to an archive,
creating it if needed and skipping records it already holds (same URL and claim), and stores
each review's sentence embedding. A search takes as candidates the BM25 best (FTS5) and the
nearest by embedding among the reviewed claims, then keeps those that match the claim
(`factcheck.matched_evidence`). The nearest catch fact-checks worded otherwise than the claim:
on CLEF 2020 Task 2 dev, 10 of them beside BM25's 100 raise MAP@5 from 0.896 to 0.90
(benchmarks/bench_matching.py). A verdict lists the fact-checks in this order (verdict.listed);
benchmarks/bench_matching_service.py measures it through /v1/claims/verify.
"""

from __future__ import annotations

import datetime
import sqlite3
import threading
import time
from collections.abc import Sequence
from dataclasses import astuple, dataclass, fields
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from service.domain import Claim, Evidence
from service.sources.base import ConfigError, SourceContext, SourceError
from service.sources.breaker import CircuitBreaker
from service.sources.claimreview_records import read_file
from service.sources.factcheck import FactCheck, matched_evidence
from service.sources.matching import MATCH_THRESHOLD, default_matcher
from service.sources.query import build_query, fts5_match
from service.sources.sqlite_reader import ThreadConnections, deadline_guard, read_format

FORMAT = "claimreview-1"
IMPORT_HINT = "create it with: python -m service claimreview import OUT.sqlite FILE..."
COLUMNS = tuple(f.name for f in fields(FactCheck))
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS archive_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY, {", ".join(c + " TEXT" for c in COLUMNS)}
);
-- NULLs are distinct in a UNIQUE constraint; a review without a URL is still one review.
CREATE UNIQUE INDEX IF NOT EXISTS reviews_once ON reviews (ifnull(url, ''), claim_reviewed);
CREATE VIRTUAL TABLE IF NOT EXISTS reviews_fts USING fts5(
    claim_reviewed, title, tokenize = 'porter unicode61 remove_diacritics 2'
);
-- The matcher's embedding of claim_reviewed (float32), for the nearest-neighbour candidates.
CREATE TABLE IF NOT EXISTS review_vectors (id INTEGER PRIMARY KEY, vector BLOB NOT NULL);
"""
MISSING_VECTORS_SQL = """
SELECT r.id, r.claim_reviewed FROM reviews r LEFT JOIN review_vectors v ON v.id = r.id
WHERE v.id IS NULL ORDER BY r.id
"""
EMBED_BATCH = 256
INSERT_SQL = (
    f"INSERT OR IGNORE INTO reviews ({', '.join(COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in COLUMNS)})"
)
SEARCH_SQL = f"""
SELECT r.id, {", ".join("r." + c for c in COLUMNS)}
FROM reviews_fts JOIN reviews r ON r.id = reviews_fts.rowid
WHERE reviews_fts MATCH ? ORDER BY bm25(reviews_fts, 2.0, 1.0) LIMIT ?
"""
ROWS_SQL = f"SELECT r.id, {', '.join('r.' + c for c in COLUMNS)} FROM reviews r"


@dataclass(frozen=True)
class ImportResult:
    """What an import did: records added, records already there, records without a claim."""

    added: int
    duplicates: int
    unusable: int


def import_reviews(path: str | Path, files: Sequence[str | Path]) -> ImportResult:
    """Add the ClaimReview records of `files` to the archive at `path` (created if absent)."""
    added = duplicates = unusable = 0
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.executescript(SCHEMA)
            conn.execute("INSERT OR REPLACE INTO archive_meta VALUES ('format', ?)", (FORMAT,))
            for file in files:
                for record in read_file(file):
                    if record is None:
                        unusable += 1
                    elif _insert(conn, record):
                        added += 1
                    else:
                        duplicates += 1
            _add_vectors(conn)  # archives imported before vectors existed get theirs too
    finally:
        conn.close()
    return ImportResult(added, duplicates, unusable)


def _add_vectors(conn: sqlite3.Connection) -> None:
    """Embed every review that has no vector yet (a few ms each, on one core)."""
    missing = conn.execute(MISSING_VECTORS_SQL).fetchall()
    matcher = default_matcher()
    for start in range(0, len(missing), EMBED_BATCH):
        batch = missing[start : start + EMBED_BATCH]
        vectors = matcher.embed([text for _, text in batch]).astype(np.float32)
        pairs = zip(batch, vectors, strict=True)
        rows = [(row_id, vector.tobytes()) for (row_id, _), vector in pairs]
        conn.executemany("INSERT INTO review_vectors (id, vector) VALUES (?, ?)", rows)


def _insert(conn: sqlite3.Connection, record: FactCheck) -> bool:
    """Store one record and index it; False when the archive already has it."""
    row = tuple(None if v is None else str(v) for v in astuple(record))
    cursor = conn.execute(INSERT_SQL, row)
    if cursor.rowcount == 0:
        return False
    conn.execute(
        "INSERT INTO reviews_fts (rowid, claim_reviewed, title) VALUES (?, ?, ?)",
        (cursor.lastrowid, record.claim_reviewed, record.title or ""),
    )
    return True


class ClaimReviewSource:
    """Fact-checks from a local ClaimReview archive that match the claim."""

    type = "claimreview"
    SETTINGS: ClassVar[dict[str, type | tuple[type, ...]]] = {
        "path": str,
        "limit": int,
        "candidates": int,
        "nearest": int,
        "min_match": (int, float),
    }
    REQUIRED_SETTINGS: ClassVar[frozenset[str]] = frozenset({"path"})

    def __init__(
        self,
        name: str,
        path: str | Path,
        limit: int = 5,
        candidates: int = 30,
        min_match: float = MATCH_THRESHOLD,
        nearest: int = 10,
    ) -> None:
        self.name = name
        self.path = Path(path)
        self.limit = limit
        self.candidates = candidates
        self.min_match = min_match
        self.nearest = nearest
        self._vectors: tuple[int, np.ndarray, np.ndarray] | None = None  # (count, ids, matrix)
        self._vectors_lock = threading.Lock()
        self.breaker: CircuitBreaker | None = None
        self.timeout: float | None = None
        if not self.path.is_file():
            raise ConfigError(
                f"source {name!r}: archive {str(self.path)!r} not found; {IMPORT_HINT}"
            )
        self._connections = ThreadConnections(self.path)
        self._check()

    @classmethod
    def from_settings(
        cls, name: str, settings: dict[str, Any], context: SourceContext | None = None
    ) -> ClaimReviewSource:
        """Build from configuration: `path` (required), `limit`, `candidates` (BM25), `nearest`
        (by embedding), `min_match`."""
        limit, candidates = settings.get("limit", 5), settings.get("candidates", 30)
        min_match, nearest = settings.get("min_match", MATCH_THRESHOLD), settings.get("nearest", 10)
        if limit < 1 or candidates < limit:
            raise ConfigError(f"source {name!r}: need 1 <= 'limit' <= 'candidates'")
        if not 0 <= min_match <= 1:
            raise ConfigError(f"source {name!r}: 'min_match' must be between 0 and 1")
        if nearest < 0:
            raise ConfigError(f"source {name!r}: 'nearest' must be 0 or more")
        source = cls(name, settings["path"], limit, candidates, float(min_match), nearest)
        if context is not None:
            source.breaker, source.timeout = context.breaker, context.timeout
        return source

    def _check(self) -> None:
        """Fail at start-up when the file is not an archive of this format."""
        try:
            found = read_format(self._connection(), "archive_meta")
        except sqlite3.DatabaseError as exc:
            raise ConfigError(
                f"source {self.name!r}: {str(self.path)!r} is not a ClaimReview archive ({exc})"
            ) from None
        if found != FORMAT:
            raise ConfigError(f"source {self.name!r}: {str(self.path)!r}: unknown archive format")

    def _connection(self) -> sqlite3.Connection:
        """This thread's read-only connection."""
        return self._connections.get()

    def close(self) -> None:
        """Close every connection this source opened."""
        self._connections.close()

    def search(self, claim: Claim, as_of: datetime.date, timeout: float) -> list[Evidence]:
        """The archived fact-checks of this claim, best match first."""
        match = fts5_match(build_query(claim))
        if not match:
            return []
        if timeout <= 0:
            raise SourceError("timeout", "no time left for the archive search")
        at = time.monotonic() + timeout
        with deadline_guard(self._connection(), at, "archive search") as conn:
            rows = conn.execute(SEARCH_SQL, (match, self.candidates)).fetchall()
            rows += self._nearest_rows(conn, claim, {row[0] for row in rows})
        factchecks = [FactCheck(*row[1:]) for row in rows]
        return matched_evidence(claim, factchecks, self.name, self.min_match, self.limit)

    def _nearest_rows(
        self, conn: sqlite3.Connection, claim: Claim, found: set[int]
    ) -> list[tuple[Any, ...]]:
        """The reviews nearest to the claim by embedding that BM25 did not already find."""
        if self.nearest <= 0:
            return []
        ids, matrix = self._load_vectors(conn)
        wanted = [int(ids[i]) for i in default_matcher().nearest(claim.text, matrix, self.nearest)]
        wanted = [row_id for row_id in wanted if row_id not in found]
        if not wanted:
            return []
        marks = ", ".join("?" for _ in wanted)
        return conn.execute(f"{ROWS_SQL} WHERE r.id IN ({marks})", wanted).fetchall()

    def _load_vectors(self, conn: sqlite3.Connection) -> tuple[np.ndarray, np.ndarray]:
        """The archive's review vectors, read again when an import has added some."""
        try:
            count = conn.execute("SELECT count(*) FROM review_vectors").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if "no such table" not in str(exc):
                raise  # e.g. interrupted at the deadline
            # An archive imported before vectors existed: BM25 alone.
            return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32)
        with self._vectors_lock:
            if self._vectors is None or self._vectors[0] != count:
                rows = conn.execute("SELECT id, vector FROM review_vectors ORDER BY id").fetchall()
                ids = np.array([row_id for row_id, _ in rows], dtype=np.int64)
                matrix = np.array([np.frombuffer(blob, dtype=np.float32) for _, blob in rows])
                self._vectors = (count, ids, matrix.reshape(len(rows), -1))
            return self._vectors[1], self._vectors[2]
