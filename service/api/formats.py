"""Content negotiation: the JSON report, or schema.org ClaimReview JSON-LD."""

from flask import Response, current_app, json, request

from schemas import ClaimReviewDocumentSchema
from service.claimreview import review_document
from service.domain import Report

JSON_LD = "application/ld+json"
# The alternative 200 of every report endpoint: `@blp.alt_response(200, **CLAIMREVIEW_RESPONSE)`.
CLAIMREVIEW_RESPONSE = {
    "schema": ClaimReviewDocumentSchema,
    "content_type": JSON_LD,
    "success": True,
    "description": "The report, or as ClaimReview JSON-LD (`Accept: application/ld+json`).",
}


def wants_claimreview(query: dict) -> bool:
    """?format=claimreview, or an Accept header that prefers JSON-LD to JSON."""
    if "format" in query:
        return query["format"] == "claimreview"
    best = request.accept_mimetypes.best_match(["application/json", JSON_LD])
    return best == JSON_LD


def render_report(report: Report, body: dict, query: dict):
    """The report as the client asked for it (the view's schema dumps plain reports)."""
    if not wants_claimreview(query):
        return report
    settings = current_app.extensions["factcheck"].settings
    publisher = {"name": settings.publisher_name, "url": settings.publisher_url or None}
    published_at = body.get("published_at")
    document = review_document(
        report,
        publisher=publisher,
        article_url=body.get("url"),
        review_url=body.get("review_url"),
        published_at=published_at.isoformat() if published_at else None,
    )
    payload = ClaimReviewDocumentSchema().dump(document)
    return Response(json.dumps(payload), mimetype=JSON_LD)
