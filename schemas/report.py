"""Response bodies: reports, extractions, sources and health."""

from marshmallow import Schema, fields

LABELS = ["supported", "refuted", "conflicting", "not_enough_evidence"]
STANCES = ["supports", "refutes", "neutral"]


class QuantitySchema(Schema):
    """A number or date in a claim; start/end index the claim's text."""

    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    kind = fields.String(metadata={"enum": ["money", "percent", "count", "date", "year"]})
    value = fields.Float(allow_none=True)
    unit = fields.String(allow_none=True)


class EvidenceSchema(Schema):
    """A passage from a reference source and its stance towards the claim."""

    source = fields.String(metadata={"description": "The configured source's name."})
    title = fields.String()
    url = fields.String(allow_none=True)
    snippet = fields.String()
    stance = fields.String(metadata={"enum": STANCES})
    score = fields.Float(metadata={"description": "Retrieval relevance in [0, 1]."})
    published_at = fields.String(allow_none=True)
    rating = fields.String(allow_none=True)


class VerdictSchema(Schema):
    """The judgement on one claim."""

    label = fields.String(metadata={"enum": LABELS})
    confidence = fields.Float(metadata={"description": "In [0, 1]."})
    rationale = fields.String()
    as_of = fields.String(metadata={"description": "The day the claim is judged at."})
    checked_at = fields.String(metadata={"description": "When the verdict was reached."})
    cached = fields.Boolean()


class ClaimSchema(Schema):
    """A claim; start/end are character offsets into the submitted text."""

    id = fields.String()
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    checkworthiness = fields.Float()
    claimant = fields.String(allow_none=True)
    entities = fields.List(fields.String())
    quantities = fields.List(fields.Nested(QuantitySchema))


class CheckedClaimSchema(ClaimSchema):
    """A claim with its verdict and evidence (dumped from a ClaimResult)."""

    id = fields.String(attribute="claim.id")
    text = fields.String(attribute="claim.text")
    start = fields.Integer(attribute="claim.start")
    end = fields.Integer(attribute="claim.end")
    checkworthiness = fields.Float(attribute="claim.checkworthiness")
    claimant = fields.String(attribute="claim.claimant", allow_none=True)
    entities = fields.List(fields.String(), attribute="claim.entities")
    quantities = fields.List(fields.Nested(QuantitySchema), attribute="claim.quantities")
    verdict = fields.Nested(VerdictSchema)
    evidence = fields.List(fields.Nested(EvidenceSchema), attribute="verdict.evidence")


class SourceStatusSchema(Schema):
    """How one source answered during a request."""

    name = fields.String()
    status = fields.String(
        metadata={"enum": ["ok", "error", "timeout", "rate_limited", "circuit_open", "cached"]}
    )
    latency_ms = fields.Float(metadata={"description": "The slowest query of this request."})
    queries = fields.Integer(metadata={"description": "Claims this source was asked about."})
    results = fields.Integer(metadata={"description": "Evidence passages it returned."})
    detail = fields.String(allow_none=True)


class SummarySchema(Schema):
    """Counts of claims per verdict label."""

    claims = fields.Integer()
    supported = fields.Integer()
    refuted = fields.Integer()
    conflicting = fields.Integer()
    not_enough_evidence = fields.Integer()


class ReportSchema(Schema):
    """The answer to a check: claims with verdicts, sources consulted, cache state."""

    claims = fields.List(fields.Nested(CheckedClaimSchema))
    summary = fields.Nested(SummarySchema)
    sources = fields.List(fields.Nested(SourceStatusSchema))
    cache = fields.String(metadata={"enum": ["hit", "partial", "miss", "unavailable"]})
    sentences = fields.Integer(metadata={"description": "Sentences in the submitted text."})
    language = fields.String()
    elapsed_ms = fields.Float()


class SentenceSchema(Schema):
    """A sentence with its check-worthiness."""

    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    checkworthiness = fields.Float()


class ExtractionSchema(Schema):
    """Every sentence with its score, the threshold in force, and the claims."""

    threshold = fields.Float()
    sentences = fields.List(fields.Nested(SentenceSchema))
    claims = fields.List(fields.Nested(ClaimSchema))


class SourceInfoSchema(Schema):
    """A configured source and how it fared lately."""

    name = fields.String()
    type = fields.String()
    status = fields.String(metadata={"description": "ok, degraded, circuit_open or unknown."})
    last_status = fields.String(allow_none=True)
    last_latency_ms = fields.Float(allow_none=True)


class SourceListSchema(Schema):
    """GET /v1/sources."""

    sources = fields.List(fields.Nested(SourceInfoSchema))


class HealthSchema(Schema):
    """GET /healthz."""

    status = fields.String()
    version = fields.String()


class ReadinessSchema(Schema):
    """GET /readyz."""

    status = fields.String(metadata={"enum": ["ready", "degraded"]})
    cache = fields.String(metadata={"enum": ["redis", "memory", "unavailable"]})
    sources = fields.Integer()
