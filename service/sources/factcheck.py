"""Existing fact-checks (ClaimReview) as evidence: only those about the very claim count.

Every fact-check source (Google Fact Check Tools, a local ClaimReview archive, an in-house API
with a rating field) turns its records into `FactCheck`s and hands them to `matched_evidence`,
which scores each against the claim with `matching.match_score`, drops those under the threshold
and reports the score on the evidence it keeps, with the rating as published and normalised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from service.domain import Claim, Evidence
from service.sources.matching import MATCH_THRESHOLD, rank_candidates
from service.sources.passage import truncate
from service.verification.rating import classify_rating


@dataclass(frozen=True)
class FactCheck:
    """One fact-check of one claim, in ClaimReview's terms."""

    claim_reviewed: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    review_date: str | None = None
    rating: str | None = None  # textualRating / alternateName
    rating_value: Any = None
    worst_rating: Any = None
    best_rating: Any = None
    claimant: str | None = None
    claim_date: str | None = None

    @property
    def rating_level(self) -> str | None:
        """The rating on the common scale (text first, then the number), or None."""
        return classify_rating(self.rating, self.rating_value, self.worst_rating, self.best_rating)


def matched_evidence(
    claim: Claim,
    factchecks: Sequence[FactCheck],
    source: str,
    threshold: float = MATCH_THRESHOLD,
    limit: int = 5,
) -> list[Evidence]:
    """Evidence for the fact-checks of this claim, best match first, at most `limit`."""
    # The matcher reads "claim reviewed\nreview title": the title's words count too.
    texts = [
        f"{fc.claim_reviewed}\n{fc.title}" if fc.title else fc.claim_reviewed for fc in factchecks
    ]
    ranked = rank_candidates(claim.text, texts)
    kept, seen = [], set()
    for index, score in ranked:
        if score < threshold or len(kept) >= limit:
            break
        factcheck = factchecks[index]
        key = (factcheck.url, factcheck.claim_reviewed)
        if key not in seen:  # one review listed twice (several languages, several pages)
            seen.add(key)
            kept.append(to_evidence(factcheck, source, score))
    return kept


def to_evidence(factcheck: FactCheck, source: str, match: float) -> Evidence:
    """A fact-check as evidence, its match score as the relevance score."""
    return Evidence(
        source=source,
        title=factcheck.title
        or f"{factcheck.publisher or 'Fact-check'}: {factcheck.claim_reviewed}",
        snippet=snippet(factcheck),
        url=factcheck.url,
        score=round(match, 4),
        published_at=factcheck.review_date,
        rating=factcheck.rating or _numeric(factcheck),
        rating_normalised=factcheck.rating_level,
        publisher=factcheck.publisher,
        match_score=round(match, 4),
    )


def snippet(factcheck: FactCheck) -> str:
    """'Claim: "..." (claimant, date). Rated "False" by Publisher.'"""
    said = ", ".join(p for p in (factcheck.claimant, factcheck.claim_date) if p)
    claim = truncate(factcheck.claim_reviewed, 300).rstrip(".")
    text = f"Claim: “{claim}”" + (f" ({said})" if said else "")
    rating = factcheck.rating or _numeric(factcheck)
    if rating:
        text += f". Rated “{rating}”" + (
            f" by {factcheck.publisher}" if factcheck.publisher else ""
        )
    return text + "."


def _numeric(factcheck: FactCheck) -> str | None:
    """A numeric rating as text ("2/5"), when there is no textual one."""
    if factcheck.rating_value in (None, ""):
        return None
    best = factcheck.best_rating if factcheck.best_rating not in (None, "") else 5
    return f"{factcheck.rating_value}/{best}"
