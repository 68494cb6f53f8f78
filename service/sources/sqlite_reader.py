"""Read-only SQLite connections, one per thread: searches run in a thread pool."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


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
