"""Request bodies; unknown fields are rejected (marshmallow's default, RAISE)."""

from marshmallow import Schema, ValidationError, fields, validate, validates, validates_schema

MAX_TEXT_CHARS = 200_000
MAX_CLAIM_CHARS = 2_000
MAX_EVIDENCE_CHARS = 10_000


def _not_blank(value: str) -> None:
    """Reject text that is empty or only whitespace."""
    if not value.strip():
        raise ValidationError("Must contain some text, not only whitespace.")


LANGUAGE_TAG = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"  # BCP 47, as far as it matters here
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
        fields.String(validate=validate.Length(min=1, max=100)),
        validate=validate.Length(min=1, max=20),
        metadata={"description": "Names of configured sources to consult; default all."},
    )

    @validates("sources")
    def _unique_sources(self, value: list[str], **kwargs) -> None:
        """A source named twice is a client mistake worth pointing out."""
        if len(set(value)) != len(value):
            raise ValidationError("Each source may be named once.")


class FormatQuerySchema(Schema):
    """?format=: the report as JSON (default) or as schema.org ClaimReview JSON-LD."""

    format = fields.String(
        validate=validate.OneOf(["json", "claimreview"]),
        metadata={"description": "`claimreview` is the same as `Accept: application/ld+json`."},
    )


class _Review(Schema):
    """Where the claims appeared and where their review is published (for ClaimReview)."""

    url = fields.Url(
        schemes={"http", "https"},
        metadata={"description": "The article's URL: the claims' `appearance` in ClaimReview."},
    )
    review_url = fields.Url(
        schemes={"http", "https"},
        metadata={"description": "Where you publish the review: each ClaimReview's `url`."},
    )


class CheckRequestSchema(_SourceChoice, _Review):
    """POST /v1/checks: an article to check. A text/plain body is read as `text`."""

    plain_text_field = "text"

    text = fields.String(
        required=True,
        validate=[validate.Length(max=MAX_TEXT_CHARS), _not_blank],
        metadata={"description": "The article text."},
    )
    language = fields.String(
        validate=validate.Regexp(LANGUAGE_TAG),
        metadata={"description": LANGUAGE_HELP},
    )
    min_score = fields.Float(
        validate=validate.Range(min=0.0, max=1.0),
        metadata={"description": "Check-worthiness threshold; default the model's own."},
    )
    max_claims = fields.Integer(
        validate=validate.Range(min=1, max=200),
        metadata={"description": "Check at most this many claims, the most check-worthy."},
    )


class ClaimsRequestSchema(Schema):
    """POST /v1/claims: extraction only. A text/plain body is read as `text`."""

    plain_text_field = "text"

    text = fields.String(
        required=True,
        validate=[validate.Length(max=MAX_TEXT_CHARS), _not_blank],
        metadata={"description": "The text to extract claims from."},
    )
    language = fields.String(
        validate=validate.Regexp(LANGUAGE_TAG),
        metadata={"description": LANGUAGE_HELP},
    )
    min_score = fields.Float(validate=validate.Range(min=0.0, max=1.0))
    max_claims = fields.Integer(validate=validate.Range(min=1, max=200))


class SuppliedEvidenceSchema(Schema):
    """A passage the client retrieved itself."""

    text = fields.String(
        required=True,
        validate=[validate.Length(max=MAX_EVIDENCE_CHARS), _not_blank],
        metadata={"description": "The passage."},
    )
    title = fields.String(validate=validate.Length(max=500))
    url = fields.Url(schemes={"http", "https"})


class VerifyRequestSchema(_SourceChoice, _Review):
    """POST /v1/claims/verify: one claim or a list, without extraction."""

    claim = fields.String(
        validate=[validate.Length(max=MAX_CLAIM_CHARS), _not_blank],
        metadata={"description": "One claim to verify."},
    )
    claims = fields.List(
        fields.String(validate=[validate.Length(max=MAX_CLAIM_CHARS), _not_blank]),
        validate=validate.Length(min=1, max=100),
        metadata={"description": "Several claims to verify."},
    )

    language = fields.String(
        validate=validate.Regexp(LANGUAGE_TAG),
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
