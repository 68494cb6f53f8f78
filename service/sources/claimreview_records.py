"""ClaimReview records from files: schema.org JSON-LD, JSONL, or CSV with flattened columns.

JSON-LD: a ClaimReview object, a list of them, or an `@graph` holding them (other types are
skipped). JSONL: one such object per line; a Google Fact Check Tools claim (`text` plus
`claimReview` list) is read too. CSV: one review per row, columns named after the ClaimReview
fields, flattened with `_` or `.` (`claimReview_claimReviewed`, `rating_alternateName`,
`reviewRating.ratingValue`, `itemReviewed.author.name`, ...), as ClaimsKG's extractor writes them.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from service.sources.factcheck import FactCheck
from service.sources.google_factcheck import parse as parse_claims

# For each FactCheck field, the CSV column names that may hold it, in order of preference.
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "claim_reviewed": ("claimReview_claimReviewed", "claimReviewed", "claim_reviewed", "claim"),
    "url": ("claimReview_url", "url"),
    "title": ("extra_title", "claimReview_headline", "headline", "title", "name"),
    "publisher": (
        "claimReview_author_name",
        "author_name",
        "author.name",
        "publisher_name",
        "publisher",
    ),
    "review_date": ("claimReview_datePublished", "datePublished", "review_date", "reviewDate"),
    "rating": (
        "rating_alternateName",
        "reviewRating_alternateName",
        "reviewRating.alternateName",
        "alternateName",
        "textualRating",
        "rating",
    ),
    "rating_value": ("rating_ratingValue", "reviewRating_ratingValue", "reviewRating.ratingValue"),
    "worst_rating": ("rating_worstRating", "reviewRating_worstRating", "reviewRating.worstRating"),
    "best_rating": ("rating_bestRating", "reviewRating_bestRating", "reviewRating.bestRating"),
    "claimant": (
        "creativeWork_author_name",
        "itemReviewed_author_name",
        "itemReviewed.author.name",
        "claimant",
    ),
    "claim_date": (
        "creativeWork_datePublished",
        "itemReviewed_datePublished",
        "itemReviewed.datePublished",
        "claimDate",
    ),
}


def read_file(path: str | Path) -> Iterator[FactCheck | None]:
    """The records of a .json / .jsonld, .jsonl or .csv file; None for each unusable record."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as handle:
            for row in csv.DictReader(handle):
                yield from_row(row)
    elif suffix == ".jsonl":
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    yield from _objects(_load(line, f"{path}:{number}"))
    elif suffix in (".json", ".jsonld"):
        yield from _objects(_load(path.read_text(encoding="utf-8"), str(path)))
    else:
        raise ValueError(f"{path}: unsupported file type (use .json, .jsonld, .jsonl or .csv)")


def _load(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as error:
        raise ValueError(f"{where}: invalid JSON ({error})") from None


def _objects(data: Any) -> Iterator[FactCheck | None]:
    """ClaimReviews in a JSON value: one object, a list, an @graph, or a Google API claim."""
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict) and isinstance(data.get("@graph"), list):
        yield from _objects(data["@graph"])
    elif isinstance(data, dict) and isinstance(data.get("claims"), list):
        yield from _objects(data["claims"])  # a saved claims:search answer
    elif isinstance(data, dict) and isinstance(data.get("claimReview"), list):
        yield from _google_claim(data)
    elif isinstance(data, dict) and _is_claim_review(data):
        yield from_json_ld(data)
    else:
        yield None


def _is_claim_review(data: dict[str, Any]) -> bool:
    kind = data.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return "ClaimReview" in kinds or ("claimReviewed" in data and "@type" not in data)


def from_json_ld(data: dict[str, Any]) -> FactCheck | None:
    """A schema.org ClaimReview object as a FactCheck; None without a claim text."""
    rating = _dict(data.get("reviewRating"))
    item = _dict(data.get("itemReviewed"))
    claim = _text(data.get("claimReviewed")) or _text(item.get("text")) or _text(item.get("name"))
    if not claim:
        return None
    return FactCheck(
        claim_reviewed=claim,
        url=_text(data.get("url")),
        title=_text(data.get("headline")) or _text(data.get("name")),
        publisher=_name(data.get("author")) or _name(data.get("publisher")),
        review_date=_text(data.get("datePublished")),
        rating=_text(rating.get("alternateName")) or _text(rating.get("name")),
        rating_value=rating.get("ratingValue"),
        worst_rating=rating.get("worstRating"),
        best_rating=rating.get("bestRating"),
        claimant=_name(item.get("author")),
        claim_date=_text(item.get("datePublished")),
    )


def _google_claim(data: dict[str, Any]) -> Iterator[FactCheck | None]:
    """The reviews of a Fact Check Tools Claim object."""
    factchecks, _ = parse_claims({"claims": [data]})
    yield from factchecks or [None]


def from_row(row: dict[str, Any]) -> FactCheck | None:
    """A flattened CSV row as a FactCheck; None without a claim text (or a title)."""
    values = {field: _column(row, names) for field, names in CSV_COLUMNS.items()}
    claim = values.pop("claim_reviewed") or values["title"]
    if not claim:
        return None
    return FactCheck(claim_reviewed=claim, **values)


def _column(row: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = _text(row.get(name))
        if value:
            return value
    return None


def _name(value: Any) -> str | None:
    """An author / publisher: a string, an object with a name, or the first of a list."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _dict(value: Any) -> dict[str, Any]:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return " ".join(value.split()) or None if isinstance(value, str) else None
