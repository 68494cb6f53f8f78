"""Sources as configuration: the YAML sources file, its validation, and the type registry."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import requests
import yaml

from service.sources.base import ConfigError, Source, SourceClass
from service.sources.corpus import CorpusSource
from service.sources.wikipedia import WikipediaSource

SOURCE_TYPES: dict[str, type] = {"corpus": CorpusSource, "wikipedia": WikipediaSource}
ENTRY_KEYS = frozenset({"name", "type", "enabled"})  # everything else is a setting of the type
# Names travel in requests and reports: keep them short, plain and URL-safe.
NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


def load_sources_file(path: str | Path) -> list[dict[str, Any]]:
    """The enabled entries of a YAML sources file (`sources:` list), relative paths resolved."""
    path = Path(path)
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
        if not _is_enabled(entry, label):
            continue
        entry = dict(entry)
        if isinstance(entry.get("path"), str):
            # Relative to the YAML file, not to whatever directory the service started in.
            entry["path"] = str(path.resolve().parent / Path(entry["path"]).expanduser())
        entries.append(entry)
    return entries


def build_sources(
    entries: list[dict[str, Any]], http: requests.Session, user_agent: str
) -> dict[str, Source]:
    """Validate the entries and build one source each, keyed by name (disabled ones skipped)."""
    sources: dict[str, Source] = {}
    for index, entry in enumerate(entries):
        label = _label(entry, index)
        if not isinstance(entry, dict):
            raise ConfigError(f"{label}: an entry must be a mapping with 'name' and 'type'")
        if not _is_enabled(entry, label):
            continue
        name, cls = _check_entry(entry, label)
        if name in sources:
            raise ConfigError(f"{label}: duplicate source name {name!r}")
        settings = {key: value for key, value in entry.items() if key not in ENTRY_KEYS}
        _check_settings(cls, settings, label)
        sources[name] = cls.from_settings(name, settings, http, user_agent)
    return sources


def _label(entry: Any, index: int) -> str:
    """How error messages name an entry: by its name when it has a usable one."""
    name = entry.get("name") if isinstance(entry, dict) else None
    return f"source {name!r}" if isinstance(name, str) and name else f"sources[{index}]"


def _is_enabled(entry: dict[str, Any], label: str) -> bool:
    """The entry's `enabled` flag (default true); it must be a boolean."""
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ConfigError(f"{label}: 'enabled' must be true or false, not {enabled!r}")
    return enabled


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
    allowed = cls.SETTINGS
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
        # bool is an int to Python, never to a config file's author.
        if not isinstance(value, allowed[key]) or (isinstance(value, bool) and allowed[key] is int):
            raise ConfigError(f"{label}: setting {key!r} has the wrong type ({value!r})")
