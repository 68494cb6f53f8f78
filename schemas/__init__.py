"""Marshmallow schemas of the HTTP API: they validate, serialize and document."""

from schemas.claimreview import ClaimReviewDocumentSchema
from schemas.problem import ProblemSchema
from schemas.report import (
    ExtractionSchema,
    HealthSchema,
    JobSchema,
    ReadinessSchema,
    ReportSchema,
    SourceListSchema,
)
from schemas.request import (
    CheckRequestSchema,
    ClaimsRequestSchema,
    FormatQuerySchema,
    VerifyRequestSchema,
)

__all__ = [
    "CheckRequestSchema",
    "ClaimReviewDocumentSchema",
    "ClaimsRequestSchema",
    "ExtractionSchema",
    "FormatQuerySchema",
    "HealthSchema",
    "JobSchema",
    "ProblemSchema",
    "ReadinessSchema",
    "ReportSchema",
    "SourceListSchema",
    "VerifyRequestSchema",
]
