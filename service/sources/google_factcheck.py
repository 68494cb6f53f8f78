"""Source type `google_factcheck`: Google Fact Check Tools `v1alpha1/claims:search`.

The query is built from the claim (entities, key terms, numbers); each `claimReview` of each
returned claim becomes a FactCheck, and only those matching the claim are kept. The API key is
read from the environment (GOOGLE_FACTCHECK_API_KEY, or the variable named by `api_key_env`)
and sent in the `X-Goog-Api-Key` header, so it appears in no URL, log line or cache key.
"""

from __future__ import annotations

import datetime
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
from service.sources.factcheck import FactCheck, matched_evidence
from service.sources.http import HttpClient, RetryPolicy
from service.sources.matching import MATCH_THRESHOLD
from service.sources.query import build_query

DEFAULT_BASE_URL = "https://factchecktools.googleapis.com/v1alpha1/claims:search"
DEFAULT_KEY_ENV = "GOOGLE_FACTCHECK_API_KEY"
MAX_TERMS = 8


def parse(payload: Any) -> tuple[list[FactCheck], str | None]:
    """The fact-checks of a claims:search answer and its nextPageToken ({} means no results)."""
    if not isinstance(payload, dict):
        raise SourceError("bad_payload", "answer is not a JSON object")
    claims = payload.get("claims", [])
    if not isinstance(claims, list):
        raise SourceError("bad_payload", "'claims' is not a list")
    factchecks = [fc for item in claims for fc in _claim_reviews(item)]
    token = payload.get("nextPageToken")
    return factchecks, token if isinstance(token, str) and token else None


def _claim_reviews(item: Any) -> list[FactCheck]:
    """One FactCheck per review of a Claim object."""
    if not isinstance(item, dict):
        raise SourceError("bad_payload", "a claim is not an object")
    text, reviews = item.get("text"), item.get("claimReview", [])
    if not isinstance(text, str) or not text.strip() or not isinstance(reviews, list):
        return []
    factchecks = []
    for review in reviews:
        if not isinstance(review, dict):
            continue
        publisher = review.get("publisher") if isinstance(review.get("publisher"), dict) else {}
        factchecks.append(
            FactCheck(
                claim_reviewed=text.strip(),
                url=_text(review.get("url")),
                title=_text(review.get("title")),
                publisher=_text(publisher.get("name")) or _text(publisher.get("site")),
                review_date=_text(review.get("reviewDate")),
                rating=_text(review.get("textualRating")),
                claimant=_text(item.get("claimant")),
                claim_date=_text(item.get("claimDate")),
            )
        )
    return factchecks


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


class GoogleFactCheckSource:
    """Existing fact-checks from Google's ClaimReview index that match the claim."""

    type = "google_factcheck"
    SETTINGS: ClassVar[dict[str, type | tuple[type, ...]]] = {
        "base_url": str,
        "api_key_env": str,
        "language": str,
        "max_age_days": int,
        "page_size": int,
        "pages": int,
        "limit": int,
        "min_match": (int, float),
        "cache_ttl": int,
    }
    REQUIRED_SETTINGS: ClassVar[frozenset[str]] = frozenset()
    CACHE_TTL = 6 * 3600  # seconds: new fact-checks appear over days, not minutes

    def __init__(
        self,
        name: str,
        http: HttpClient,
        api_key: str,
        base_url: str = DEFAULT_BASE_URL,
        language: str | None = "en",
        max_age_days: int | None = None,
        page_size: int = 10,
        pages: int = 1,
        limit: int = 5,
        min_match: float = MATCH_THRESHOLD,
        cache_ttl: int = 0,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.name = name
        self.http = http
        self._api_key = api_key  # never logged, never in a URL
        self.base_url = base_url
        self.language = language
        self.max_age_days = max_age_days
        self.page_size = page_size
        self.pages = pages
        self.limit = limit
        self.min_match = min_match
        self.cache_ttl = cache_ttl
        self.retry = retry
        self.breaker: CircuitBreaker | None = None
        self.timeout: float | None = None

    def __repr__(self) -> str:
        return f"GoogleFactCheckSource(name={self.name!r}, base_url={self.base_url!r})"

    @classmethod
    def from_settings(
        cls, name: str, settings: dict[str, Any], context: SourceContext
    ) -> GoogleFactCheckSource:
        """Build from configuration; the API key comes from the environment, never the file."""
        key_env = settings.get("api_key_env", DEFAULT_KEY_ENV)
        api_key = context.environ.get(key_env, "")
        if not api_key:
            raise ConfigError(
                f"source {name!r}: no API key: set the environment variable {key_env}"
            )
        page_size, pages = settings.get("page_size", 10), settings.get("pages", 1)
        min_match = settings.get("min_match", MATCH_THRESHOLD)
        if not 1 <= page_size <= 100 or not 1 <= pages <= 5:
            raise ConfigError(f"source {name!r}: 'page_size' must be 1-100 and 'pages' 1-5")
        if not 0 <= min_match <= 1:
            raise ConfigError(f"source {name!r}: 'min_match' must be between 0 and 1")
        assert context.http is not None
        source = cls(
            name,
            context.http,
            api_key,
            check_base_url(name, settings.get("base_url", DEFAULT_BASE_URL)),
            settings.get("language", "en"),
            settings.get("max_age_days"),
            page_size,
            pages,
            settings.get("limit", 5),
            float(min_match),
            check_cache_ttl(name, settings, cls.CACHE_TTL),
            context.retry,
        )
        source.breaker, source.timeout = context.breaker, context.timeout
        return source

    def params(self, query: str, page_token: str | None = None) -> dict[str, str | int]:
        """The query-string parameters of one page (the key travels in a header)."""
        params: dict[str, str | int] = {"query": query, "pageSize": self.page_size}
        if self.language:
            params["languageCode"] = self.language
        if self.max_age_days:
            params["maxAgeDays"] = self.max_age_days
        if page_token:
            params["pageToken"] = page_token
        return params

    def search(self, claim: Claim, as_of: datetime.date, timeout: float) -> list[Evidence]:
        """The fact-checks of this claim, following at most `pages` pages of results."""
        query = build_query(claim, MAX_TERMS)
        if not query:
            return []
        deadline = time.monotonic() + timeout
        factchecks: list[FactCheck] = []
        token: str | None = None
        for _ in range(self.pages):
            page, token = self._page(query, token, deadline)
            factchecks += page
            found = matched_evidence(claim, factchecks, self.name, self.min_match, self.limit)
            if token is None or len(found) >= self.limit:
                break
        return matched_evidence(claim, factchecks, self.name, self.min_match, self.limit)

    def _page(
        self, query: str, token: str | None, deadline: float
    ) -> tuple[list[FactCheck], str | None]:
        """One page of results."""
        return self.http.get_json(
            self.base_url,
            self.params(query, token),
            deadline=deadline,
            parse=parse,
            headers={"X-Goog-Api-Key": self._api_key},
            cache_ttl=self.cache_ttl,
            retry=self.retry,
        )
