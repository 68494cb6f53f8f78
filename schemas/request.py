"""Request bodies; unknown fields are rejected (marshmallow's default, RAISE).

Every constraint is one the OpenAPI document can state (lengths, ranges, patterns, `oneOf`),
so that a request valid by the document is accepted and an invalid one refused.
"""

import re

from marshmallow import Schema, ValidationError, fields, validate, validates, validates_schema

MAX_TEXT_CHARS = 200_000
MAX_CLAIM_CHARS = 2_000
MAX_EVIDENCE_CHARS = 10_000
MAX_URL_CHARS = 2_000


class Pattern(validate.Regexp):
    """A regular expression read as JSON Schema reads it: searched, `$` only at the very end.

    The same text then passes here and in any client's validator (Python's `$` also matches
    before a final newline). Write character classes out: engines disagree on `\\s`.
    """

    def __init__(self, pattern: str, error: str | None = None) -> None:
        super().__init__(pattern, error=error)
        self._search = re.compile(re.sub(r"\$$", r"\\Z", pattern)).search

    def __call__(self, value: str) -> str:
        if self._search(value) is None:
            raise ValidationError(self._format_error(value))
        return value


SPACE = r" \t\n\r\f\v"  # ASCII whitespace, as every regular expression engine reads it
# Anchored: schemathesis cannot generate long texts for the unanchored form.
NOT_BLANK = Pattern(f"^[{SPACE}]*[^{SPACE}]", error="Must contain some text, not only whitespace.")
URL = Pattern(f"^https?://[^{SPACE}/?#]+[^{SPACE}]*$", error="Must be an http(s) URL.")
LANGUAGE_TAG = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"  # BCP 47, as far as it matters here
_SURROGATE = re.compile("[\ud800-\udfff]")


class Text(fields.String):
    """A string that is Unicode text: JSON can smuggle in lone surrogates ("\\ud800")."""

    default_error_messages = {"surrogate": "Must be valid Unicode text (no lone surrogates)."}

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if _SURROGATE.search(text):
            raise self.make_error("surrogate")
        return text


class Number(fields.Float):
    """A JSON number: strings such as "0.5" are refused, not converted."""

    def _deserialize(self, value, attr, data, **kwargs) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


LANGUAGE_HELP = (
    "BCP 47 language of the text (en, en-GB, fr, ...). Overrides detection; "
    "only English text is checked, other languages get a report with a note and no claims."
)


class _SourceChoice(Schema):
    """Fields shared by every request that reaches the reference sources."""

    published_at = fields.Date(
        format="%Y-%m-%d",
        metadata={
            "description": "Judge claims as of this day (YYYY-MM-DD); default today.",
            "example": "2025-02-08",
        },
    )
    sources = fields.List(
        Text(validate=validate.Length(min=1, max=100)),
        validate=validate.Length(min=1, max=20),
        metadata={
            "description": "Names of configured sources to consult; default all.",
            "uniqueItems": True,
        },
    )

    @validates("sources")
    def _unique_sources(self, value: list[str], **kwargs) -> None:
        """A source named twice is a client mistake worth pointing out."""
        if len(set(value)) != len(value):
            raise ValidationError("Each source may be named once.")


class FormatQuerySchema(Schema):
    """?format=: the report as JSON (default) or as schema.org ClaimReview JSON-LD."""

    format = Text(
        validate=validate.OneOf(["json", "claimreview"]),
        metadata={"description": "`claimreview` is the same as `Accept: application/ld+json`."},
    )


class _Review(Schema):
    """Where the claims appeared and where their review is published (for ClaimReview)."""

    url = Text(
        validate=[validate.Length(max=MAX_URL_CHARS), URL],
        metadata={"description": "The article's URL: the claims' `appearance` in ClaimReview."},
    )
    review_url = Text(
        validate=[validate.Length(max=MAX_URL_CHARS), URL],
        metadata={"description": "Where you publish the review: each ClaimReview's `url`."},
    )


class CheckRequestSchema(_SourceChoice, _Review):
    """POST /v1/checks: an article to check. A text/plain body is read as `text`."""

    plain_text_field = "text"

    text = Text(
        required=True,
        validate=[validate.Length(max=MAX_TEXT_CHARS), NOT_BLANK],
        metadata={"description": "The article text."},
    )
    language = Text(
        validate=Pattern(LANGUAGE_TAG),
        metadata={"description": LANGUAGE_HELP},
    )
    min_score = Number(
        validate=validate.Range(min=0.0, max=1.0),
        metadata={"description": "Check-worthiness threshold; default the model's own."},
    )
    max_claims = fields.Integer(
        strict=True,
        validate=validate.Range(min=1, max=200),
        metadata={"description": "Check at most this many claims, the most check-worthy."},
    )


class ClaimsRequestSchema(Schema):
    """POST /v1/claims: extraction only. A text/plain body is read as `text`."""

    plain_text_field = "text"

    text = Text(
        required=True,
        validate=[validate.Length(max=MAX_TEXT_CHARS), NOT_BLANK],
        metadata={"description": "The text to extract claims from."},
    )
    language = Text(
        validate=Pattern(LANGUAGE_TAG),
        metadata={"description": LANGUAGE_HELP},
    )
    min_score = Number(validate=validate.Range(min=0.0, max=1.0))
    max_claims = fields.Integer(strict=True, validate=validate.Range(min=1, max=200))


class SuppliedEvidenceSchema(Schema):
    """A passage the client retrieved itself."""

    text = Text(
        required=True,
        validate=[validate.Length(max=MAX_EVIDENCE_CHARS), NOT_BLANK],
        metadata={"description": "The passage."},
    )
    title = Text(validate=validate.Length(max=500))
    url = Text(validate=[validate.Length(max=MAX_URL_CHARS), URL])


class VerifyRequestSchema(_SourceChoice, _Review):
    """POST /v1/claims/verify: one claim or a list, without extraction."""

    # What _one_of_claim_or_claims checks, in the OpenAPI document's words.
    openapi_extra = {
        "oneOf": [{"required": ["claim"]}, {"required": ["claims"]}],
        "not": {"required": ["evidence", "sources"]},
    }

    claim = Text(
        validate=[validate.Length(max=MAX_CLAIM_CHARS), NOT_BLANK],
        metadata={"description": "One claim to verify."},
    )
    claims = fields.List(
        Text(validate=[validate.Length(max=MAX_CLAIM_CHARS), NOT_BLANK]),
        validate=validate.Length(min=1, max=100),
        metadata={"description": "Several claims to verify."},
    )

    language = Text(
        validate=Pattern(LANGUAGE_TAG),
        metadata={
            "description": "BCP 47 language of the claims (en, en-GB, fr, ...). Overrides "
            "detection; claims not in English are not judged (`not_enough_evidence`, a note)."
        },
    )
    evidence = fields.List(
        fields.Nested(SuppliedEvidenceSchema),
        validate=validate.Length(min=1, max=50),
        metadata={
            "description": "Judge on these passages only: no source is queried, nothing cached."
        },
    )

    @validates_schema
    def _one_of_claim_or_claims(self, data: dict, **kwargs) -> None:
        """Exactly one of `claim` and `claims`; supplied evidence excludes sources."""
        if ("claim" in data) == ("claims" in data):
            raise ValidationError("Give either `claim` or `claims`.", "_schema")
        if "evidence" in data and "sources" in data:
            raise ValidationError("With `evidence` no source is queried.", "sources")
