"""Source type `wikipedia`: full-text search plus lead extracts from the MediaWiki Action API."""

from __future__ import annotations

import datetime
import time
from typing import Any, ClassVar

import requests

from service.domain import Claim, Evidence
from service.sources.base import ConfigError, SourceError, parse_retry_after
from service.sources.corpus_index import wiki_url
from service.sources.passage import lead_passage, strip_html
from service.sources.query import build_query

DEFAULT_BASE_URL = "https://en.wikipedia.org/w/api.php"
# CirrusSearch wants every word of the query in a page, so a long query finds nothing: keep the
# entity words and the first few content words.
MAX_TERMS = 6
BACKOFF = 0.5  # seconds before the one retry after a 5xx or a connection error
MIN_ATTEMPT = 0.1  # a retry needs at least this much of the budget left after its wait
MAXLAG_WAIT = 5.0  # Manual:Maxlag_parameter: wait at least 5 s when no Retry-After is given


def parse(payload: Any, source_name: str) -> list[Evidence]:
    """Evidence from a generator=search + prop=extracts|info answer (formatversion 1 or 2)."""
    if not isinstance(payload, dict):
        raise SourceError("bad_payload", "answer is not a JSON object")
    if "error" in payload:
        raise _api_error(payload["error"])
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


def _api_error(error: Any) -> SourceError:
    """The SourceError for an API error object ({"code", "info", ...})."""
    if not isinstance(error, dict):
        return SourceError("bad_payload", "malformed 'error' object")
    code, info = str(error.get("code", "unknown")), str(error.get("info", ""))[:120]
    if code in ("maxlag", "ratelimited"):
        return SourceError("rate_limited", f"API error {code}: {info}", retry_after=MAXLAG_WAIT)
    return SourceError("error", f"API error {code}: {info}")


class _Retry(Exception):
    """A failure worth one retry after `wait` seconds (5xx, connection error, rate limit)."""

    def __init__(self, error: SourceError, wait: float) -> None:
        super().__init__(str(error))
        self.error = error
        self.wait = wait


class WikipediaSource:
    """Searches a MediaWiki wiki and returns the lead of the best-matching articles."""

    type = "wikipedia"
    SETTINGS: ClassVar[dict[str, type | tuple[type, ...]]] = {
        "base_url": str,
        "limit": int,
        "max_terms": int,
    }
    REQUIRED_SETTINGS: ClassVar[frozenset[str]] = frozenset()

    def __init__(
        self,
        name: str,
        http: requests.Session,
        user_agent: str,
        base_url: str = DEFAULT_BASE_URL,
        limit: int = 3,
        max_terms: int = MAX_TERMS,
    ) -> None:
        self.name = name
        self.http = http
        self.user_agent = user_agent
        self.base_url = base_url
        self.limit = limit
        self.max_terms = max_terms

    @classmethod
    def from_settings(
        cls, name: str, settings: dict[str, Any], http: requests.Session, user_agent: str
    ) -> WikipediaSource:
        """Build from configuration: `base_url`, `limit` (1-20), `max_terms`."""
        base_url = settings.get("base_url", DEFAULT_BASE_URL)
        if not base_url.startswith(("http://", "https://")):
            raise ConfigError(f"source {name!r}: 'base_url' must be an http(s) URL")
        limit, max_terms = settings.get("limit", 3), settings.get("max_terms", MAX_TERMS)
        if not 1 <= limit <= 20:  # TextExtracts returns at most 20 extracts per request
            raise ConfigError(f"source {name!r}: 'limit' must be between 1 and 20")
        if max_terms < 1:
            raise ConfigError(f"source {name!r}: 'max_terms' must be at least 1")
        return cls(name, http, user_agent, base_url, limit, max_terms)

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
        """The lead extracts of the best-matching articles (at most one retry, within timeout)."""
        query = build_query(claim, self.max_terms)
        if not query:
            return []
        deadline = time.monotonic() + timeout
        try:
            return self._fetch(query, deadline)
        except _Retry as retry:
            # Never sleep past the deadline: retry only if the wait leaves time for a request.
            if time.monotonic() + retry.wait + MIN_ATTEMPT > deadline:
                raise retry.error from None
            time.sleep(retry.wait)
        try:
            return self._fetch(query, deadline)
        except _Retry as retry:
            raise retry.error from None

    def _fetch(self, query: str, deadline: float) -> list[Evidence]:
        """One GET and its parse; every failure becomes a SourceError (or a _Retry)."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise SourceError("timeout", "no time left for the request")
        try:
            response = self.http.get(
                self.base_url,
                params=self.params(query),
                headers={"User-Agent": self.user_agent},
                timeout=remaining,
            )
        except requests.Timeout:
            raise SourceError("timeout", f"no answer within {remaining:.2f} s") from None
        except requests.RequestException as exc:
            error = SourceError("error", f"request failed: {type(exc).__name__}")
            raise _Retry(error, BACKOFF) from None
        return self._read(response)

    def _read(self, response: requests.Response) -> list[Evidence]:
        """Evidence from an HTTP response, or the failure its status or body calls for."""
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        if response.status_code == 429:
            error = SourceError("rate_limited", "HTTP 429", retry_after=retry_after)
            raise _Retry(error, BACKOFF if retry_after is None else retry_after)
        if response.status_code >= 500:
            raise _Retry(SourceError("error", f"HTTP {response.status_code}"), BACKOFF)
        if response.status_code != 200:
            raise SourceError("error", f"HTTP {response.status_code}")  # a 4xx stays a 4xx
        try:
            payload = response.json()
        except ValueError:
            raise SourceError("bad_payload", "answer is not JSON") from None
        try:
            return parse(payload, self.name)
        except SourceError as exc:
            if exc.kind != "rate_limited":
                raise
            wait = exc.retry_after if retry_after is None else retry_after  # maxlag
            error = SourceError("rate_limited", str(exc), retry_after=wait)
            raise _Retry(error, wait or 0.0) from None
