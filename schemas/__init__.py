"""Marshmallow schemas of the HTTP API: they validate, serialize and document."""

from schemas.problem import ProblemSchema
from schemas.report import (
    ExtractionSchema,
    HealthSchema,
    ReadinessSchema,
    ReportSchema,
    SourceListSchema,
)
from schemas.request import CheckRequestSchema, ClaimsRequestSchema, VerifyRequestSchema

__all__ = [
    "CheckRequestSchema",
    "ClaimsRequestSchema",
    "ExtractionSchema",
    "HealthSchema",
    "ProblemSchema",
    "ReadinessSchema",
    "ReportSchema",
    "SourceListSchema",
    "VerifyRequestSchema",
]
