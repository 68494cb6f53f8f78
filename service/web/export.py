"""A report as the API dumped it, read back for the page's ClaimReview export.

Only what ClaimReview uses is read (claims, verdicts, evidence); anything else in the report is
ignored, so the page can send back exactly what it received.
"""

from __future__ import annotations

from marshmallow import EXCLUDE, Schema, fields, post_load, validate

from service.domain import LABELS, Claim, ClaimResult, Evidence, Report, Verdict


class _Lenient(Schema):
    """Fields of the report that ClaimReview does not use are ignored."""

    class Meta:
        unknown = EXCLUDE


class _EvidenceIn(_Lenient):
    source = fields.String(required=True)
    title = fields.String(load_default="")
    snippet = fields.String(load_default="")
    url = fields.String(allow_none=True, load_default=None)

    @post_load
    def _build(self, data: dict, **kwargs) -> Evidence:
        return Evidence(**data)


class _VerdictIn(_Lenient):
    label = fields.String(required=True, validate=validate.OneOf(LABELS))
    confidence = fields.Float(load_default=0.0)
    rationale = fields.String(load_default="")
    as_of = fields.String(load_default="")
    checked_at = fields.String(required=True, validate=validate.Length(min=10))


class _ClaimIn(_Lenient):
    id = fields.String(required=True)
    text = fields.String(required=True)
    claimant = fields.String(allow_none=True, load_default=None)
    verdict = fields.Nested(_VerdictIn, required=True)
    evidence = fields.List(fields.Nested(_EvidenceIn), load_default=list)

    @post_load
    def _build(self, data: dict, **kwargs) -> ClaimResult:
        claim = Claim(data["id"], data["text"], 0, 0, 0.0, claimant=data["claimant"])
        return ClaimResult(claim, Verdict(**data["verdict"], evidence=tuple(data["evidence"])))


class _ReportIn(_Lenient):
    claims = fields.List(fields.Nested(_ClaimIn), required=True)

    @post_load
    def _build(self, data: dict, **kwargs) -> Report:
        return Report(claims=tuple(data["claims"]), sources=(), cache="bypass")


class ExportRequestSchema(Schema):
    """POST /web/claimreview: the report, and where the article and its review are published."""

    report = fields.Nested(_ReportIn, required=True)
    url = fields.Url(schemes={"http", "https"})
    review_url = fields.Url(schemes={"http", "https"})
    published_at = fields.Date(format="%Y-%m-%d")
