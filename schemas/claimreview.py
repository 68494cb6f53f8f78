"""A report as schema.org ClaimReview JSON-LD, one ClaimReview per claim.

Follows Google's fact-check markup: `claimReviewed`, `reviewRating` with `alternateName`,
`url` (when the request gives `review_url`), `author`, `datePublished`, and `itemReviewed`
(a Claim with its `author`, the claimant, and `appearance`, the article's URL when given).
"""

from marshmallow import Schema, fields, post_dump


class _Typed(Schema):
    """Adds the JSON-LD `@type` named by the schema's TYPE."""

    TYPE = "Thing"
    type_ = fields.String(data_key="@type", metadata={"description": "The schema.org type."})

    @post_dump
    def _add_type(self, data: dict, **kwargs) -> dict:
        """Put `@type` first and drop empty values, which JSON-LD readers would misread."""
        return {"@type": self.TYPE, **{k: v for k, v in data.items() if v not in (None, [], {})}}


class _Named(_Typed):
    """A Person or Organization with a name and an optional URL."""

    name = fields.String()
    url = fields.String()


class OrganizationSchema(_Named):
    TYPE = "Organization"


class PersonSchema(_Named):
    TYPE = "Person"


class CitationSchema(_Typed):
    """An evidence passage as a cited CreativeWork."""

    TYPE = "CreativeWork"
    name = fields.String(attribute="title")
    url = fields.String()
    publisher = fields.String(attribute="source")


class RatingSchema(_Typed):
    """schema.org Rating of the verdict."""

    TYPE = "Rating"
    ratingValue = fields.Integer()
    bestRating = fields.Integer()
    worstRating = fields.Integer()
    alternateName = fields.String()
    ratingExplanation = fields.String()


class AppearanceSchema(_Typed):
    """Where the claim appeared: the article."""

    TYPE = "CreativeWork"
    url = fields.String()


class ReviewedClaimSchema(_Typed):
    """schema.org Claim: what was said, by whom, where."""

    TYPE = "Claim"
    author = fields.Nested(PersonSchema)
    appearance = fields.Nested(AppearanceSchema)
    datePublished = fields.String()


class ClaimReviewSchema(_Typed):
    """schema.org ClaimReview of one claim."""

    TYPE = "ClaimReview"
    url = fields.String()
    claimReviewed = fields.String()
    datePublished = fields.String()
    author = fields.Nested(OrganizationSchema)
    itemReviewed = fields.Nested(ReviewedClaimSchema)
    reviewRating = fields.Nested(RatingSchema)
    citation = fields.List(fields.Nested(CitationSchema))


class ClaimReviewDocumentSchema(Schema):
    """The JSON-LD document: a context and a graph of ClaimReviews."""

    context = fields.String(data_key="@context")
    graph = fields.List(fields.Nested(ClaimReviewSchema), data_key="@graph")
