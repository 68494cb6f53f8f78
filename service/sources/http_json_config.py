"""Validation of `http_json` settings: the URL template, the field mapping, the headers."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import Any

from service.sources.base import ConfigError, check_base_url

PLACEHOLDERS = frozenset({"query", "limit", "as_of"})
FIELDS = frozenset(
    {"title", "snippet", "url", "published_at", "score", "rating", "claim", "publisher"}
)
_ENV = re.compile(r"^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$")


def check_template(name: str, url: str) -> str:
    """A URL template with known placeholders only, that yields an http(s) URL."""
    try:
        names = {field for _, field, _, _ in string.Formatter().parse(url) if field is not None}
    except ValueError as exc:
        raise ConfigError(f"source {name!r}: bad 'url' template ({exc})") from None
    unknown = names - PLACEHOLDERS
    if unknown or "query" not in names:
        raise ConfigError(
            f"source {name!r}: 'url' must use {{query}} and only {', '.join(sorted(PLACEHOLDERS))}"
        )
    check_base_url(name, url.format(query="q", limit="1", as_of="2000-01-01"), "url")
    return url


def check_fields(name: str, fields: dict[Any, Any]) -> dict[str, str]:
    """A mapping of known evidence fields to string paths, with a title or a snippet."""
    unknown = sorted(str(k) for k in fields.keys() - FIELDS)
    if unknown or not all(isinstance(v, str) for v in fields.values()):
        raise ConfigError(
            f"source {name!r}: 'fields' maps {', '.join(sorted(FIELDS))} to path strings"
            + (f" (unknown: {', '.join(unknown)})" if unknown else "")
        )
    if not {"title", "snippet"} & fields.keys():
        raise ConfigError(f"source {name!r}: 'fields' must map 'title' or 'snippet'")
    return dict(fields)


def resolve_headers(
    name: str, headers: dict[Any, Any], environ: Mapping[str, str]
) -> dict[str, str]:
    """Request headers; a value "${VAR}" is read from the environment (and must be set)."""
    resolved = {}
    for key, value in headers.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise ConfigError(f"source {name!r}: 'headers' must map names to strings")
        match = _ENV.match(value)
        if match:
            value = environ.get(match.group(1), "")
            if not value:
                raise ConfigError(f"source {name!r}: header {key!r} needs ${match.group(1)}")
        resolved[key] = value
    return resolved
