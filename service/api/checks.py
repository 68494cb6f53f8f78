"""POST /v1/checks: check an article."""

from flask_smorest import abort

from schemas import CheckRequestSchema, ReportSchema
from service.api.body import ApiBlueprint, checker
from service.api.options import check_options

blp = ApiBlueprint("checks", __name__, url_prefix="/v1", description="Check articles.")


@blp.route("/checks", methods=["POST"])
@blp.arguments(CheckRequestSchema)
@blp.response(200, ReportSchema)
@blp.alt_response(413, description="The body is over the configured limit.")
@blp.alt_response(415, description="The body is neither JSON nor text/plain.")
def check_article(request: dict):
    """Extract an article's claims and give each a verdict with evidence.

    The body is JSON, or the article itself as `text/plain`.
    """
    language = request.get("language", "en")
    if not language.lower().startswith("en"):
        abort(422, errors={"language": ["Only English text can be checked for now."]})
    return checker().check_article(request["text"], check_options(request))
