"""Source type `http_json`: any in-house JSON search API, described by configuration alone.

    - name: archive
      type: http_json
      url: "https://search.example.org/api?q={query}&n={limit}"   # {query}, {limit}, {as_of}
      results: /data/hits            # JSON pointer or dotted path to the list of results
      fields: {title: headline, snippet: summary.text, url: link, published_at: date}
      headers: {Authorization: "${ARCHIVE_TOKEN}"}   # ${VAR}: read from the environment

Field paths are relative to each result. When `fields` maps a `rating`, results are taken for
fact-checks (`claim` holds the checked claim, else the title) and only those matching the claim
are kept, with their match score; otherwise `score` (clamped to [0, 1]) or the rank orders them.
"""

from __future__ import annotations

import datetime
import time
import urllib.parse
from collections.abc import Mapping
from typing import Any, ClassVar

from service.domain import Claim, Evidence
from service.sources.base import (
    ConfigError,
    SourceContext,
    SourceError,
    check_cache_ttl,
)
from service.sources.breaker import CircuitBreaker
from service.sources.factcheck import FactCheck, matched_evidence
from service.sources.http import HttpClient, RetryPolicy
from service.sources.http_json_config import check_fields, check_template, resolve_headers
from service.sources.matching import MATCH_THRESHOLD
from service.sources.passage import strip_html, truncate
from service.sources.query import build_query


def resolve(data: Any, path: str) -> Any:
    """The value at a JSON pointer ("/a/0/b") or dotted path ("a.0.b"); None if absent."""
    if path in ("", "/", "."):
        return data
    if path.startswith("/"):
        parts = [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]
    else:
        parts = path.split(".")
    for part in parts:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return None
    return data


def parse(payload: Any, results: str, fields: Mapping[str, str]) -> list[dict[str, Any]]:
    """The mapped fields of each result (results with neither title nor snippet are skipped)."""
    items = resolve(payload, results)
    if not isinstance(items, list):
        raise SourceError("bad_payload", f"no list of results at {results or 'the top'!r}")
    records = []
    for item in items:
        record = {key: _scalar(resolve(item, path)) for key, path in fields.items()}
        record = {key: value for key, value in record.items() if value is not None}
        if record.get("title") or record.get("snippet"):
            records.append(record)
    return records


def _scalar(value: Any) -> str | float | None:
    """A result field as text or number; absent, empty and structured values are None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return value
    return strip_html(value) or None if isinstance(value, str) else None


class HttpJsonSource:
    """A JSON search API reached through a URL template and a field mapping."""

    type = "http_json"
    SETTINGS: ClassVar[dict[str, type | tuple[type, ...]]] = {
        "url": str,
        "results": str,
        "fields": dict,
        "headers": dict,
        "limit": int,
        "max_terms": int,
        "min_match": (int, float),
        "cache_ttl": int,
    }
    REQUIRED_SETTINGS: ClassVar[frozenset[str]] = frozenset({"url", "fields"})
    CACHE_TTL = 600  # seconds

    def __init__(
        self,
        name: str,
        http: HttpClient,
        url: str,
        fields: Mapping[str, str],
        results: str = "",
        headers: Mapping[str, str] | None = None,
        limit: int = 5,
        max_terms: int = 8,
        min_match: float = MATCH_THRESHOLD,
        cache_ttl: int = 0,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.name = name
        self.http = http
        self.url = url
        self.fields = dict(fields)
        self.results = results
        self._headers = dict(headers or {})  # may hold secrets: never logged
        self.limit = limit
        self.max_terms = max_terms
        self.min_match = min_match
        self.cache_ttl = cache_ttl
        self.retry = retry
        self.breaker: CircuitBreaker | None = None
        self.timeout: float | None = None

    def __repr__(self) -> str:
        return f"HttpJsonSource(name={self.name!r})"

    @classmethod
    def from_settings(
        cls, name: str, settings: dict[str, Any], context: SourceContext
    ) -> HttpJsonSource:
        """Build from configuration (see the module docstring); fails on any bad setting."""
        url = check_template(name, settings["url"])
        fields = check_fields(name, settings["fields"])
        headers = resolve_headers(name, settings.get("headers", {}), context.environ)
        limit, max_terms = settings.get("limit", 5), settings.get("max_terms", 8)
        min_match = settings.get("min_match", MATCH_THRESHOLD)
        if limit < 1 or max_terms < 1 or not 0 <= min_match <= 1:
            raise ConfigError(f"source {name!r}: 'limit', 'max_terms' or 'min_match' out of range")
        assert context.http is not None
        source = cls(
            name,
            context.http,
            url,
            fields,
            settings.get("results", ""),
            headers,
            limit,
            max_terms,
            float(min_match),
            check_cache_ttl(name, settings, cls.CACHE_TTL),
            context.retry,
        )
        source.breaker, source.timeout = context.breaker, context.timeout
        return source

    def request_url(self, query: str, as_of: datetime.date) -> str:
        """The template filled in, every value URL-encoded."""
        values = {"query": query, "limit": str(self.limit), "as_of": as_of.isoformat()}
        return self.url.format(**{k: urllib.parse.quote(v, safe="") for k, v in values.items()})

    def search(self, claim: Claim, as_of: datetime.date, timeout: float) -> list[Evidence]:
        """The API's results for the claim's query, as evidence."""
        query = build_query(claim, self.max_terms)
        if not query:
            return []
        records = self.http.get_json(
            self.request_url(query, as_of),
            {},
            deadline=time.monotonic() + timeout,
            parse=lambda payload: parse(payload, self.results, self.fields),
            headers=self._headers,
            cache_ttl=self.cache_ttl,
            retry=self.retry,
        )
        if "rating" in self.fields:
            factchecks = [_factcheck(r) for r in records]
            return matched_evidence(claim, factchecks, self.name, self.min_match, self.limit)
        return [self._evidence(r, rank) for rank, r in enumerate(records[: self.limit])]

    def _evidence(self, record: dict[str, Any], rank: int) -> Evidence:
        """A plain result as evidence."""
        score = record.get("score")
        if not isinstance(score, (int, float)):
            score = 1.0 / (1.0 + 0.5 * rank)
        return Evidence(
            source=self.name,
            title=str(record.get("title") or ""),
            snippet=truncate(str(record.get("snippet") or record.get("title"))),
            url=_text(record.get("url")),
            score=round(min(1.0, max(0.0, float(score))), 4),
            published_at=_text(record.get("published_at")),
            publisher=_text(record.get("publisher")),
        )


def _factcheck(record: dict[str, Any]) -> FactCheck:
    """A result of a fact-check API."""
    claim = record.get("claim") or record.get("title") or record.get("snippet")
    return FactCheck(
        claim_reviewed=str(claim),
        url=_text(record.get("url")),
        title=_text(record.get("title")),
        publisher=_text(record.get("publisher")),
        review_date=_text(record.get("published_at")),
        rating=_text(record.get("rating")),
    )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
