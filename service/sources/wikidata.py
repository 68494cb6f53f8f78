"""Source type `wikidata`: the claim's entities and their time-scoped role statements.

Per claim: `wbsearchentities` for each named entity (at most `max_entities`, side by side), one
`wbgetentities` for their statements, one more for the labels of the statements' values and
offices; then `wikidata_evidence` keeps the statements whose relation the claim names, judged
as of the claim's date (validity intervals from P580 / P582, ranks). Every request carries
`maxlag=5` and the shared client's User-Agent; answers are cached like any source's.
"""

from __future__ import annotations

import datetime
import functools
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ClassVar

from service.domain import Claim, Evidence
from service.sources import wikidata_evidence
from service.sources.base import ConfigError, SourceContext, check_base_url, check_cache_ttl
from service.sources.breaker import CircuitBreaker
from service.sources.http import HttpClient, RetryPolicy
from service.sources.wikidata_model import Entity, parse_entities, parse_search_hits, pick

DEFAULT_BASE_URL = "https://www.wikidata.org/w/api.php"
MAX_IDS = 50  # wbgetentities takes at most 50 ids per request


class WikidataSource:
    """Role statements (offices, heads of government, capitals...) valid as of a date."""

    type = "wikidata"
    SETTINGS: ClassVar[dict[str, type | tuple[type, ...]]] = {
        "base_url": str,
        "language": str,
        "max_entities": int,
        "limit": int,
        "cache_ttl": int,
    }
    REQUIRED_SETTINGS: ClassVar[frozenset[str]] = frozenset()
    CACHE_TTL = 3600  # seconds

    def __init__(
        self,
        name: str,
        http: HttpClient,
        base_url: str = DEFAULT_BASE_URL,
        language: str = "en",
        max_entities: int = 4,
        limit: int = 6,
        cache_ttl: int = 0,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.name = name
        self.http = http
        self.base_url = base_url
        self.language = language
        self.max_entities = max_entities
        self.limit = limit
        self.cache_ttl = cache_ttl
        self.retry = retry
        self.breaker: CircuitBreaker | None = None
        self.timeout: float | None = None
        self.page_url = _page_url(base_url)
        # Entity look-ups run side by side; the shared client's per-host limit still applies.
        self._lookups = ThreadPoolExecutor(max_entities, thread_name_prefix=f"{name}-lookup")

    @classmethod
    def from_settings(
        cls, name: str, settings: dict[str, Any], context: SourceContext
    ) -> WikidataSource:
        """Build from configuration: base_url, language, max_entities (1-10), limit, cache_ttl."""
        base_url = check_base_url(name, settings.get("base_url", DEFAULT_BASE_URL))
        max_entities, limit = settings.get("max_entities", 4), settings.get("limit", 6)
        if not 1 <= max_entities <= 10:
            raise ConfigError(f"source {name!r}: 'max_entities' must be between 1 and 10")
        if limit < 1:
            raise ConfigError(f"source {name!r}: 'limit' must be at least 1")
        assert context.http is not None
        source = cls(
            name,
            context.http,
            base_url,
            settings.get("language", "en"),
            max_entities,
            limit,
            check_cache_ttl(name, settings, cls.CACHE_TTL),
            context.retry,
        )
        source.breaker, source.timeout = context.breaker, context.timeout
        return source

    def search(self, claim: Claim, as_of: datetime.date, timeout: float) -> list[Evidence]:
        """Evidence from the role statements of the entities the claim names, as of `as_of`."""
        deadline = time.monotonic() + timeout
        names = list(dict.fromkeys(e for e in claim.entities if len(e) > 1))[: self.max_entities]
        ids = [i for i in self._lookups.map(lambda n: self._find(n, deadline), names) if i]
        ids = list(dict.fromkeys(ids))
        if not ids:
            return []
        entities = self._entities(ids, "labels|aliases|claims", deadline)
        statements = wikidata_evidence.select(entities, as_of, set(ids))
        missing = sorted(wikidata_evidence.needed_labels(entities, statements))[:MAX_IDS]
        if missing:
            entities = {**self._entities(missing, "labels|aliases", deadline), **entities}
        found = wikidata_evidence.build(
            claim, statements, entities, as_of, self.name, self.page_url
        )
        return found[: self.limit]

    def _find(self, name: str, deadline: float) -> str | None:
        """The entity id a name most likely stands for (wbsearchentities)."""
        params = {
            "action": "wbsearchentities",
            "search": name,
            "language": self.language,
            "uselang": self.language,
            "type": "item",
            "limit": 5,
            "format": "json",
            "maxlag": 5,
        }
        hits = self._get(params, parse_search_hits, deadline)
        return pick(hits, name)

    def _entities(self, ids: list[str], props: str, deadline: float) -> dict[str, Entity]:
        """Entities by id (wbgetentities), with the given props in the source's language."""
        params = {
            "action": "wbgetentities",
            "ids": "|".join(ids),
            "props": props,
            "languages": self.language,
            "format": "json",
            "maxlag": 5,
        }
        parse = functools.partial(parse_entities, language=self.language)
        return self._get(params, parse, deadline)

    def _get(self, params: dict[str, Any], parse: Any, deadline: float) -> Any:
        """One API call through the shared client."""
        return self.http.get_json(
            self.base_url,
            params,
            deadline=deadline,
            parse=parse,
            cache_ttl=self.cache_ttl,
            retry=self.retry,
        )


def _page_url(base_url: str) -> str:
    """Where entity pages live: https://www.wikidata.org/wiki/ for the API's host."""
    parts = urllib.parse.urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}/wiki/"
