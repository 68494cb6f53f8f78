"""Read-only SQLite connections, one per thread (searches run in a thread pool), and what the
file-backed sources (corpus, claimreview) do with them alike: check a file's format, and run
queries that SQLite itself interrupts at a deadline."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from service.sources.base import SourceError

STEPS_PER_CHECK = 1000  # SQLite VM steps between deadline checks (a 10k-document search: ~17k)


class ThreadConnections:
    """Opens a file read-only once per thread and closes every connection on demand."""

    def __init__(self, path: Path) -> None:
        self.uri = path.resolve().as_uri() + "?mode=ro"
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []

    def get(self) -> sqlite3.Connection:
        """This thread's connection (sqlite3 wants one each)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.uri, uri=True, check_same_thread=False)
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def __len__(self) -> int:
        """How many connections are open."""
        return len(self._connections)

    def close(self) -> None:
        """Close every connection opened so far."""
        with self._lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            conn.close()
        self._local = threading.local()


def read_format(conn: sqlite3.Connection, table: str) -> str | None:
    """The format version a file records in its (key, value) `table`; None if it records none.
    Raises sqlite3.DatabaseError when the file is not SQLite or has no such table."""
    row = conn.execute(f"SELECT value FROM {table} WHERE key = 'format'").fetchone()
    return None if row is None else row[0]


@contextmanager
def deadline_guard(conn: sqlite3.Connection, at: float, what: str) -> Iterator[sqlite3.Connection]:
    """Queries inside are interrupted by SQLite once time.monotonic() passes `at`; a failure
    becomes a SourceError ("timeout" when interrupted, else "error") naming `what`."""
    conn.set_progress_handler(lambda: time.monotonic() > at, STEPS_PER_CHECK)
    try:
        yield conn
    except sqlite3.Error as exc:
        if "interrupted" in str(exc):
            raise SourceError("timeout", f"{what} exceeded its deadline") from None
        raise SourceError("error", f"{what} failed: {exc}") from None
    finally:
        conn.set_progress_handler(None, 0)
