"""Source type `claimreview`: a newsroom's own archive of fact-checks in SQLite FTS5.

`import_reviews(path, files)` adds ClaimReview records (JSON-LD, JSONL, CSV) to an archive,
creating it if needed and skipping records it already holds (same URL and claim). A search asks
FTS5 (BM25) for candidates among the reviewed claims, then keeps those that match the claim
(`factcheck.matched_evidence`).
"""

from __future__ import annotations

import datetime
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import astuple, dataclass, fields
from pathlib import Path
from typing import Any, ClassVar

from service.domain import Claim, Evidence
from service.sources.base import ConfigError, SourceContext, SourceError
from service.sources.breaker import CircuitBreaker
from service.sources.claimreview_records import read_file
from service.sources.factcheck import FactCheck, matched_evidence
from service.sources.matching import MATCH_THRESHOLD
from service.sources.query import build_query, fts5_match
from service.sources.sqlite_reader import ThreadConnections

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
"""
INSERT_SQL = (
    f"INSERT OR IGNORE INTO reviews ({', '.join(COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in COLUMNS)})"
)
SEARCH_SQL = f"""
SELECT {", ".join("r." + c for c in COLUMNS)}
FROM reviews_fts JOIN reviews r ON r.id = reviews_fts.rowid
WHERE reviews_fts MATCH ? ORDER BY bm25(reviews_fts, 2.0, 1.0) LIMIT ?
"""


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
    finally:
        conn.close()
    return ImportResult(added, duplicates, unusable)


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
    ) -> None:
        self.name = name
        self.path = Path(path)
        self.limit = limit
        self.candidates = candidates
        self.min_match = min_match
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
        """Build from configuration: `path` (required), `limit`, `candidates`, `min_match`."""
        limit, candidates = settings.get("limit", 5), settings.get("candidates", 30)
        min_match = settings.get("min_match", MATCH_THRESHOLD)
        if limit < 1 or candidates < limit:
            raise ConfigError(f"source {name!r}: need 1 <= 'limit' <= 'candidates'")
        if not 0 <= min_match <= 1:
            raise ConfigError(f"source {name!r}: 'min_match' must be between 0 and 1")
        source = cls(name, settings["path"], limit, candidates, float(min_match))
        if context is not None:
            source.breaker, source.timeout = context.breaker, context.timeout
        return source

    def _check(self) -> None:
        """Fail at start-up when the file is not an archive of this format."""
        try:
            row = (
                self._connection()
                .execute("SELECT value FROM archive_meta WHERE key = 'format'")
                .fetchone()
            )
        except sqlite3.DatabaseError as exc:
            raise ConfigError(
                f"source {self.name!r}: {str(self.path)!r} is not a ClaimReview archive ({exc})"
            ) from None
        if row is None or row[0] != FORMAT:
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
        deadline = time.monotonic() + timeout
        conn = self._connection()
        conn.set_progress_handler(lambda: time.monotonic() > deadline, 1000)
        try:
            rows = conn.execute(SEARCH_SQL, (match, self.candidates)).fetchall()
        except sqlite3.Error as exc:
            kind = "timeout" if "interrupted" in str(exc) else "error"
            raise SourceError(kind, f"archive search failed: {exc}") from None
        finally:
            conn.set_progress_handler(None, 0)
        factchecks = [FactCheck(*row) for row in rows]
        return matched_evidence(claim, factchecks, self.name, self.min_match, self.limit)
