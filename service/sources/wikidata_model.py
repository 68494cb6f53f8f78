"""Pure parsers for Wikibase answers: search hits, entities, statements with ranks and dates.

A statement's validity comes from its P580 (start time) and P582 (end time) qualifiers, kept at
the precision Wikidata gives them: "2024-10-01" (day), "2024-10" (month) or "2024" (year and
coarser). An end time of "some value" (ended, date unknown) makes `ended_unknown` true.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from service.sources.base import SourceError
from service.sources.wikipedia import mediawiki_error

START, END = "P580", "P582"
_TIME = re.compile(r"^([+-])(\d{1,16})-(\d{2})-(\d{2})T")


@dataclass(frozen=True)
class Statement:
    """One statement of an entity: its property, value, rank and validity interval."""

    subject: str  # entity id, "Q17"
    property: str  # "P6"
    value: str  # an entity id for items, else the literal as text
    rank: str  # preferred | normal | deprecated
    valid_from: str | None = None
    valid_until: str | None = None
    ended_unknown: bool = False


@dataclass(frozen=True)
class Entity:
    """An entity's id, English label and aliases, and its statements by property."""

    id: str
    label: str | None
    aliases: tuple[str, ...]
    statements: dict[str, tuple[Statement, ...]]


def check_answer(payload: Any) -> dict[str, Any]:
    """The payload as a dict, or the SourceError its `error` member (or its shape) calls for."""
    if not isinstance(payload, dict):
        raise SourceError("bad_payload", "answer is not a JSON object")
    if "error" in payload:
        raise mediawiki_error(payload["error"])
    return payload


def parse_search_hits(payload: Any) -> list[tuple[str, str]]:
    """(id, the label or alias that matched) of a wbsearchentities answer, best first."""
    hits = check_answer(payload).get("search")
    if not isinstance(hits, list):
        raise SourceError("bad_payload", "wbsearchentities answer has no 'search' list")
    found = []
    for hit in hits:
        if not isinstance(hit, dict) or not isinstance(hit.get("id"), str):
            continue
        match = hit.get("match") if isinstance(hit.get("match"), dict) else {}
        text = match.get("text") or hit.get("label") or ""
        found.append((hit["id"], text if isinstance(text, str) else ""))
    return found


def pick(hits: list[tuple[str, str]], name: str) -> str | None:
    """The hit whose label or alias is the name itself, else the search's best hit."""
    for entity_id, text in hits:
        if text.casefold() == name.casefold():
            return entity_id
    return hits[0][0] if hits else None


def parse_entities(payload: Any, language: str = "en") -> dict[str, Entity]:
    """The entities of a wbgetentities answer, keyed by id (missing ones left out)."""
    entities = check_answer(payload).get("entities")
    if not isinstance(entities, dict):
        raise SourceError("bad_payload", "wbgetentities answer has no 'entities' object")
    parsed = {}
    for key, raw in entities.items():
        if not isinstance(raw, dict):
            raise SourceError("bad_payload", f"entity {key!r} is not an object")
        if "missing" in raw or not isinstance(raw.get("id"), str):
            continue
        parsed[raw["id"]] = _entity(raw, language)
    return parsed


def _entity(raw: dict[str, Any], language: str) -> Entity:
    """One entity record."""
    label = _text(raw.get("labels"), language)
    aliases = raw.get("aliases", {})
    alias_list = aliases.get(language, []) if isinstance(aliases, dict) else []
    alias_texts = tuple(
        a["value"] for a in alias_list if isinstance(a, dict) and isinstance(a.get("value"), str)
    )
    claims = raw.get("claims", {})
    if not isinstance(claims, dict):
        raise SourceError("bad_payload", f"entity {raw['id']!r} has malformed claims")
    statements = {}
    for prop, items in claims.items():
        if not isinstance(items, list):
            raise SourceError("bad_payload", f"entity {raw['id']!r}: {prop} is not a list")
        parsed = (parse_statement(raw["id"], item) for item in items if isinstance(item, dict))
        statements[prop] = tuple(s for s in parsed if s is not None)
    return Entity(raw["id"], label, alias_texts, statements)


def _text(values: Any, language: str) -> str | None:
    """The label (or description) in a language, if there is one."""
    if not isinstance(values, dict):
        return None
    entry = values.get(language)
    if isinstance(entry, dict) and isinstance(entry.get("value"), str):
        return entry["value"]
    return None


def parse_statement(subject: str, raw: dict[str, Any]) -> Statement | None:
    """A statement with a value and its interval; None for no-value / unknown-value snaks."""
    snak = raw.get("mainsnak")
    if not isinstance(snak, dict) or snak.get("snaktype") != "value":
        return None
    value = snak_value(snak)
    if value is None:
        return None
    qualifiers = raw.get("qualifiers") or {}
    start, _ = _qualifier_time(qualifiers, START)
    end, end_unknown = _qualifier_time(qualifiers, END)
    rank = raw.get("rank") if raw.get("rank") in ("preferred", "normal", "deprecated") else "normal"
    return Statement(subject, str(snak.get("property", "")), value, rank, start, end, end_unknown)


def snak_value(snak: dict[str, Any]) -> str | None:
    """A value snak's value as text: an item id, a string, a time or an amount."""
    datavalue = snak.get("datavalue")
    if not isinstance(datavalue, dict):
        return None
    value, kind = datavalue.get("value"), datavalue.get("type")
    if kind == "wikibase-entityid" and isinstance(value, dict):
        return value.get("id") if isinstance(value.get("id"), str) else None
    if kind == "string" and isinstance(value, str):
        return value
    if kind == "time" and isinstance(value, dict):
        return parse_time(value)
    if kind == "quantity" and isinstance(value, dict):
        amount = value.get("amount")
        return amount.lstrip("+") if isinstance(amount, str) else None
    if kind == "monolingualtext" and isinstance(value, dict):
        return value.get("text") if isinstance(value.get("text"), str) else None
    return None


def _qualifier_time(qualifiers: Any, prop: str) -> tuple[str | None, bool]:
    """(the qualifier's date at its precision, whether it is "some value" = unknown)."""
    snaks = qualifiers.get(prop) if isinstance(qualifiers, dict) else None
    if not isinstance(snaks, list) or not snaks or not isinstance(snaks[0], dict):
        return None, False
    snak = snaks[0]
    if snak.get("snaktype") == "somevalue":
        return None, True
    datavalue = snak.get("datavalue")
    if snak.get("snaktype") != "value" or not isinstance(datavalue, dict):
        return None, False  # "no value": explicitly open-ended
    return parse_time(datavalue.get("value")), False


def parse_time(value: Any) -> str | None:
    """A Wikibase time value as an ISO date cut to its precision (9 year, 10 month, 11 day).

    Coarser precisions (decade, century...) keep the year; years before 1 are clamped to 0001,
    which is "long before any as-of date" for the comparisons that follow.
    """
    if not isinstance(value, dict) or not isinstance(value.get("time"), str):
        return None
    match = _TIME.match(value["time"])
    precision = value.get("precision")
    if not match or not isinstance(precision, int):
        return None
    sign, year, month, day = match.groups()
    year_number = int(year) if sign == "+" else -int(year)
    if year_number < 1:
        return "0001"
    if year_number > 9999:
        return None
    text = f"{year_number:04d}"
    if precision >= 10 and month != "00":
        text += f"-{month}"
        if precision >= 11 and day != "00":
            text += f"-{day}"
    return text
