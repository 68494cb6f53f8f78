"""Sources as configuration: the YAML sources file, its validation, and the type registry."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import requests
import yaml

from service.sources.base import ConfigError, Source, SourceClass, SourceContext
from service.sources.breaker import COOLDOWN, FAILURE_THRESHOLD, CircuitBreaker
from service.sources.claimreview import ClaimReviewSource
from service.sources.corpus import CorpusSource
from service.sources.google_factcheck import GoogleFactCheckSource
from service.sources.http import HttpClient, ResponseCache, RetryPolicy
from service.sources.http_json import HttpJsonSource
from service.sources.wikidata import WikidataSource
from service.sources.wikipedia import WikipediaSource

SOURCE_TYPES: dict[str, type] = {
    "claimreview": ClaimReviewSource,
    "corpus": CorpusSource,
    "google_factcheck": GoogleFactCheckSource,
    "http_json": HttpJsonSource,
    "wikidata": WikidataSource,
    "wikipedia": WikipediaSource,
}
# Keys of an entry itself; everything else is a setting of the type or a common setting.
ENTRY_KEYS = frozenset({"name", "type", "enabled", "when_env"})
# Settings every type takes: its own deadline, retries of its HTTP GETs, its circuit breaker.
COMMON_SETTINGS: dict[str, type | tuple[type, ...]] = {
    "timeout": (int, float),
    "retries": int,
    "failure_threshold": int,
    "cooldown": (int, float),
}
# Names travel in requests and reports: keep them short, plain and URL-safe.
NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


def load_sources_file(
    path: str | Path, environ: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """The enabled entries of a YAML sources file (`sources:` list), relative paths resolved."""
    path = Path(path)
    environ = os.environ if environ is None else environ
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"sources file {str(path)!r}: cannot read it ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"sources file {str(path)!r}: invalid YAML ({exc})") from None
    if (
        not isinstance(data, dict)
        or set(data) != {"sources"}
        or not isinstance(data["sources"], list)
    ):
        raise ConfigError(f"sources file {str(path)!r}: expected one top-level 'sources:' list")
    entries = []
    for index, entry in enumerate(data["sources"]):
        label = _label(entry, index)
        if not isinstance(entry, dict):
            raise ConfigError(f"{label}: an entry must be a mapping with 'name' and 'type'")
        if not _is_enabled(entry, label, environ):
            continue
        entry = dict(entry)
        if isinstance(entry.get("path"), str):
            # Relative to the YAML file, not to whatever directory the service started in.
            entry["path"] = str(path.resolve().parent / Path(entry["path"]).expanduser())
        entries.append(entry)
    return entries


def build_sources(
    entries: list[dict[str, Any]],
    http: requests.Session | HttpClient,
    user_agent: str,
    response_cache: ResponseCache | None = None,
    environ: Mapping[str, str] | None = None,
) -> dict[str, Source]:
    """Validate the entries and build one source each, keyed by name (disabled ones skipped).

    Every online source shares one HttpClient over `http` (a Session, or a ready client) and
    `response_cache`; each source gets a circuit breaker of its own.
    """
    environ = os.environ if environ is None else environ
    client = http if isinstance(http, HttpClient) else HttpClient(http, user_agent, response_cache)
    sources: dict[str, Source] = {}
    for index, entry in enumerate(entries):
        label = _label(entry, index)
        if not isinstance(entry, dict):
            raise ConfigError(f"{label}: an entry must be a mapping with 'name' and 'type'")
        if not _is_enabled(entry, label, environ):
            continue
        name, cls = _check_entry(entry, label)
        if name in sources:
            raise ConfigError(f"{label}: duplicate source name {name!r}")
        settings = {key: value for key, value in entry.items() if key not in ENTRY_KEYS}
        _check_settings(cls, settings, label)
        context = _context(settings, client, environ, label)
        own = {key: value for key, value in settings.items() if key not in COMMON_SETTINGS}
        sources[name] = cls.from_settings(name, own, context)
    return sources


def _context(
    settings: dict[str, Any], client: HttpClient, environ: Mapping[str, str], label: str
) -> SourceContext:
    """The shared client plus this entry's deadline, retry policy and circuit breaker."""
    timeout = settings.get("timeout")
    if timeout is not None and not (math.isfinite(timeout) and timeout > 0):
        raise ConfigError(f"{label}: 'timeout' must be a positive number of seconds")
    retries = settings.get("retries", RetryPolicy.attempts - 1)
    threshold = settings.get("failure_threshold", FAILURE_THRESHOLD)
    cooldown = settings.get("cooldown", COOLDOWN)
    if not 0 <= retries <= 10:
        raise ConfigError(f"{label}: 'retries' must be between 0 and 10")
    if threshold < 1:
        raise ConfigError(f"{label}: 'failure_threshold' must be at least 1")
    if not (math.isfinite(cooldown) and cooldown >= 0):
        raise ConfigError(f"{label}: 'cooldown' must be a number of seconds >= 0")
    return SourceContext(
        http=client,
        environ=environ,
        breaker=CircuitBreaker(threshold, float(cooldown)),
        timeout=float(timeout) if timeout is not None else None,
        retry=RetryPolicy(attempts=retries + 1),
    )


def _label(entry: Any, index: int) -> str:
    """How error messages name an entry: by its name when it has a usable one."""
    name = entry.get("name") if isinstance(entry, dict) else None
    return f"source {name!r}" if isinstance(name, str) and name else f"sources[{index}]"


def _is_enabled(entry: dict[str, Any], label: str, environ: Mapping[str, str]) -> bool:
    """The entry's `enabled` flag (default true) and its `when_env` condition, if any.

    `when_env: VAR` enables the entry only when the environment variable VAR is set and not
    empty (e.g. an API key), so one sources file serves deployments with and without it.
    """
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ConfigError(f"{label}: 'enabled' must be true or false, not {enabled!r}")
    when_env = entry.get("when_env")
    if when_env is None:
        return enabled
    if not isinstance(when_env, str) or not when_env:
        raise ConfigError(f"{label}: 'when_env' must name an environment variable")
    return enabled and bool(environ.get(when_env))


def _check_entry(entry: dict[str, Any], label: str) -> tuple[str, SourceClass]:
    """The entry's name and source class, or a ConfigError."""
    name, type_name = entry.get("name"), entry.get("type")
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        raise ConfigError(
            f"{label}: 'name' must be 1-64 letters, digits, '_', '.' or '-', not {name!r}"
        )
    if not isinstance(type_name, str) or type_name not in SOURCE_TYPES:
        known = ", ".join(sorted(SOURCE_TYPES))
        raise ConfigError(f"{label}: unknown type {type_name!r} (known types: {known})")
    return name, SOURCE_TYPES[type_name]


def _check_settings(cls: SourceClass, settings: dict[str, Any], label: str) -> None:
    """Missing, unknown or wrongly typed settings of a source type are ConfigErrors."""
    allowed = {**COMMON_SETTINGS, **cls.SETTINGS}
    missing = sorted(cls.REQUIRED_SETTINGS - settings.keys())
    if missing:
        raise ConfigError(f"{label}: missing setting(s) {', '.join(missing)} for type {cls.type!r}")
    unknown = sorted(settings.keys() - allowed.keys())
    if unknown:
        raise ConfigError(
            f"{label}: unknown setting(s) {', '.join(unknown)} for type {cls.type!r} "
            f"(allowed: {', '.join(sorted(allowed))})"
        )
    for key, value in settings.items():
        expected = allowed[key]
        # bool is an int to Python, never to a config file's author.
        wants_bool = expected is bool or (isinstance(expected, tuple) and bool in expected)
        if not isinstance(value, expected) or (isinstance(value, bool) and not wants_bool):
            raise ConfigError(f"{label}: setting {key!r} has the wrong type ({value!r})")
