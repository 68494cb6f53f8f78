"""A report as schema.org ClaimReview data (serialized by schemas.claimreview)."""

from __future__ import annotations

from typing import Any

from service.domain import ClaimResult, Report

SCHEMA_ORG = "https://schema.org"
# The verdict on a stated 1-5 scale: 1 = refuted (false), 5 = supported (true).
RATINGS = {
    "supported": (5, "Supported"),
    "conflicting": (3, "Conflicting evidence"),
    "refuted": (1, "Refuted"),
    "not_enough_evidence": (None, "Not enough evidence"),
}


def review_document(
    report: Report,
    *,
    publisher: dict[str, str],
    article_url: str | None = None,
    review_url: str | None = None,
    published_at: str | None = None,
) -> dict[str, Any]:
    """The JSON-LD document data: a context and one ClaimReview per claim."""
    return {
        "context": SCHEMA_ORG,
        "graph": [
            _review(result, publisher, article_url, review_url, published_at)
            for result in report.claims
        ],
    }


def _review(
    result: ClaimResult,
    publisher: dict[str, str],
    article_url: str | None,
    review_url: str | None,
    published_at: str | None,
) -> dict[str, Any]:
    """One ClaimReview: the claim, who said it where, the rating and the evidence."""
    verdict = result.verdict
    value, name = RATINGS[verdict.label]
    return {
        "url": f"{review_url}#{result.claim.id}" if review_url else None,
        "claimReviewed": result.claim.text,
        "datePublished": verdict.checked_at[:10],
        "author": publisher,
        "itemReviewed": {
            "author": {"name": result.claim.claimant} if result.claim.claimant else None,
            "appearance": {"url": article_url} if article_url else None,
            "datePublished": published_at,
        },
        "reviewRating": {
            "ratingValue": value,
            "bestRating": 5 if value else None,
            "worstRating": 1 if value else None,
            "alternateName": name,
            "ratingExplanation": verdict.rationale,
        },
        "citation": [evidence for evidence in verdict.evidence if evidence.url],
    }
