"""Source type `wikipedia`: full-text search plus lead extracts from the MediaWiki Action API."""

from __future__ import annotations

import datetime
import functools
import time
from typing import Any, ClassVar

from service.domain import Claim, Evidence
from service.sources.base import (
    ConfigError,
    SourceContext,
    SourceError,
    check_base_url,
    check_cache_ttl,
)
from service.sources.breaker import CircuitBreaker
from service.sources.corpus_index import wiki_url
from service.sources.http import HttpClient, RetryPolicy
from service.sources.passage import lead_passage, strip_html
from service.sources.query import build_query

DEFAULT_BASE_URL = "https://en.wikipedia.org/w/api.php"
# CirrusSearch wants every word of the query in a page, so a long query finds nothing: keep the
# entity words and the first few content words.
MAX_TERMS = 6
MAXLAG_WAIT = 5.0  # Manual:Maxlag_parameter: wait at least 5 s when no Retry-After is given


def parse(payload: Any, source_name: str) -> list[Evidence]:
    """Evidence from a generator=search + prop=extracts|info answer (formatversion 1 or 2)."""
    if not isinstance(payload, dict):
        raise SourceError("bad_payload", "answer is not a JSON object")
    if "error" in payload:
        raise mediawiki_error(payload["error"])
    if "query" not in payload:
        if "batchcomplete" in payload:  # how MediaWiki says "no results"
            return []
        raise SourceError("bad_payload", "answer has neither 'query' nor 'batchcomplete'")
    pages = payload["query"].get("pages") if isinstance(payload["query"], dict) else None
    if isinstance(pages, dict):  # formatversion=1: keyed by pageid
        pages = list(pages.values())
    if not isinstance(pages, list) or not all(isinstance(p, dict) for p in pages):
        raise SourceError("bad_payload", "'query.pages' is not a list or object of pages")
    # formatversion 2 lists pages by pageid; `index` is the search rank.
    ranked = sorted(pages, key=lambda p: p["index"] if isinstance(p.get("index"), int) else 1e9)
    evidence: list[Evidence] = []
    for page in ranked:
        passage = _page_passage(page)
        if passage is not None:
            title, snippet, url = passage
            score = round(1.0 / (1.0 + 0.5 * len(evidence)), 4)  # by rank: 1, 0.67, 0.5, 0.4...
            evidence.append(Evidence(source_name, title, snippet, url, score=score))
    return evidence


def _page_passage(page: dict[str, Any]) -> tuple[str, str, str] | None:
    """(title, snippet, url) of a page, or None when it has no extract (exlimit reached)."""
    title, extract, url = page.get("title"), page.get("extract"), page.get("fullurl")
    if not isinstance(title, str) or not isinstance(extract, str):
        return None
    snippet = lead_passage(strip_html(extract))
    if not snippet:
        return None
    return title, snippet, url if isinstance(url, str) and url else wiki_url(title)


def mediawiki_error(error: Any) -> SourceError:
    """The SourceError for an API error object ({"code", "info", ...})."""
    if not isinstance(error, dict):
        return SourceError("bad_payload", "malformed 'error' object")
    code, info = str(error.get("code", "unknown")), str(error.get("info", ""))[:120]
    if code in ("maxlag", "ratelimited"):
        return SourceError("rate_limited", f"API error {code}: {info}", retry_after=MAXLAG_WAIT)
    return SourceError("error", f"API error {code}: {info}")


class WikipediaSource:
    """Searches a MediaWiki wiki and returns the lead of the best-matching articles."""

    type = "wikipedia"
    SETTINGS: ClassVar[dict[str, type | tuple[type, ...]]] = {
        "base_url": str,
        "limit": int,
        "max_terms": int,
        "cache_ttl": int,
    }
    REQUIRED_SETTINGS: ClassVar[frozenset[str]] = frozenset()
    CACHE_TTL = 3600  # seconds: lead sections change slowly; the API's own edge cache is 5 min

    def __init__(
        self,
        name: str,
        http: HttpClient,
        base_url: str = DEFAULT_BASE_URL,
        limit: int = 3,
        max_terms: int = MAX_TERMS,
        cache_ttl: int = 0,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.name = name
        self.http = http
        self.base_url = base_url
        self.limit = limit
        self.max_terms = max_terms
        self.cache_ttl = cache_ttl
        self.retry = retry
        self.breaker: CircuitBreaker | None = None
        self.timeout: float | None = None

    @classmethod
    def from_settings(
        cls, name: str, settings: dict[str, Any], context: SourceContext
    ) -> WikipediaSource:
        """Build from configuration: `base_url`, `limit` (1-20), `max_terms`, `cache_ttl`."""
        base_url = check_base_url(name, settings.get("base_url", DEFAULT_BASE_URL))
        limit, max_terms = settings.get("limit", 3), settings.get("max_terms", MAX_TERMS)
        if not 1 <= limit <= 20:  # TextExtracts returns at most 20 extracts per request
            raise ConfigError(f"source {name!r}: 'limit' must be between 1 and 20")
        if max_terms < 1:
            raise ConfigError(f"source {name!r}: 'max_terms' must be at least 1")
        assert context.http is not None
        source = cls(
            name,
            context.http,
            base_url,
            limit,
            max_terms,
            check_cache_ttl(name, settings, cls.CACHE_TTL),
            context.retry,
        )
        source.breaker, source.timeout = context.breaker, context.timeout
        return source

    def params(self, query: str) -> dict[str, str | int]:
        """The query-string parameters of one search."""
        return {
            "action": "query",
            "format": "json",
            "formatversion": 2,
            "generator": "search",
            "gsrsearch": query,
            "gsrlimit": self.limit,
            "gsrnamespace": 0,
            "prop": "extracts|info",
            "exintro": 1,
            "explaintext": 1,
            "exlimit": "max",
            "inprop": "url",
            "maxlag": 5,
        }

    def search(self, claim: Claim, as_of: datetime.date, timeout: float) -> list[Evidence]:
        """The lead extracts of the best-matching articles, within `timeout` seconds."""
        query = build_query(claim, self.max_terms)
        if not query:
            return []
        return self.http.get_json(
            self.base_url,
            self.params(query),
            deadline=time.monotonic() + timeout,
            parse=functools.partial(parse, source_name=self.name),
            cache_ttl=self.cache_ttl,
            retry=self.retry,
        )
