"""A report kept as JSON (a background check's result), read back as domain objects."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

from service.domain import Claim, ClaimResult, Evidence, Quantity, Report, SourceStatus, Verdict


def report_from_data(data: dict[str, Any]) -> Report:
    """The Report that schemas.ReportSchema dumped as `data`."""
    return Report(
        claims=tuple(_result(item) for item in data.get("claims", [])),
        sources=tuple(_make(SourceStatus, item) for item in data.get("sources", [])),
        cache=data.get("cache", "miss"),
        summary=data.get("summary", {}),
        sentences=data.get("sentences", 0),
        language=data.get("language", "en"),
        elapsed_ms=data.get("elapsed_ms", 0.0),
        notes=tuple(data.get("notes", [])),
    )


def request_of(payload: dict[str, Any]) -> dict[str, Any]:
    """What ClaimReview output takes from a job's request: URLs and the publication day."""
    published_at = payload.get("published_at")
    return {
        "url": payload.get("url"),
        "review_url": payload.get("review_url"),
        "published_at": date.fromisoformat(published_at) if published_at else None,
    }


def _result(item: dict[str, Any]) -> ClaimResult:
    """A claim and its verdict, from one dumped claim (the verdict's evidence beside it)."""
    claim = _make(Claim, item)
    claim = Claim(
        **{
            **claim.__dict__,
            "entities": tuple(item.get("entities", [])),
            "quantities": tuple(_make(Quantity, q) for q in item.get("quantities", [])),
        }
    )
    evidence = tuple(_make(Evidence, e) for e in item.get("evidence", []))
    verdict = _make(Verdict, {**item.get("verdict", {}), "evidence": evidence})
    return ClaimResult(claim, verdict)


def _make(cls, data: dict[str, Any]):
    """A dataclass from the keys of `data` that are its fields (the rest keep defaults)."""
    names = {field.name for field in fields(cls)}
    return cls(**{key: value for key, value in data.items() if key in names})
