"""The web page at `/`: a form over the API for people who do not read JSON.

Every asset (HTML, CSS, JS, icon) is served from this package, so the page works offline and
behind a firewall. The blueprint is Flask's own, not flask-smorest's: it stays out of the
OpenAPI document, which describes the JSON API only.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, json, render_template, request
from flask_smorest import abort
from marshmallow import ValidationError

from schemas import ClaimReviewDocumentSchema
from service import __version__
from service.claimreview import review_document
from service.web.export import ExportRequestSchema

blp = Blueprint(
    "web",
    __name__,
    static_folder="static",
    static_url_path="/web/static",
    template_folder="templates",
)

# Only this origin: no CDN, no inline script, no framing; report text never becomes markup.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
LONG_ARTICLE_CHARS = 1500  # longer articles are checked in the background, with progress
_EXPORT = ExportRequestSchema()


@blp.route("/", methods=["GET"])
def page():
    """The page: paste or drop an article, read its claims highlighted in place."""
    html = render_template(
        "web/index.html",
        version=__version__,
        root=request.script_root,
        long_article=LONG_ARTICLE_CHARS,
    )
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@blp.route("/web/claimreview", methods=["POST"])
def export_claimreview():
    """A report the page shows (inline or from a background check) as ClaimReview JSON-LD."""
    try:
        body = _EXPORT.load(request.get_json(silent=True) or {})
    except ValidationError as error:
        abort(422, errors=error.messages)
    settings = current_app.extensions["factcheck"].settings
    published_at = body.get("published_at")
    document = review_document(
        body["report"],
        publisher={"name": settings.publisher_name, "url": settings.publisher_url or None},
        article_url=body.get("url"),
        review_url=body.get("review_url"),
        published_at=published_at.isoformat() if published_at else None,
    )
    payload = ClaimReviewDocumentSchema().dump(document)
    return Response(json.dumps(payload), mimetype="application/ld+json")
