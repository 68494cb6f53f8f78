"""POST /v1/claims (extraction only) and POST /v1/claims/verify."""

from schemas import ClaimsRequestSchema, ExtractionSchema, ReportSchema, VerifyRequestSchema
from service.api.body import ApiBlueprint, checker
from service.api.options import check_options
from service.domain import Claim

blp = ApiBlueprint("claims", __name__, url_prefix="/v1", description="Extract and verify claims.")


@blp.route("/claims", methods=["POST"])
@blp.arguments(ClaimsRequestSchema)
@blp.response(200, ExtractionSchema)
def extract_claims(request: dict):
    """Score every sentence for check-worthiness and list the claims (no verification)."""
    options = check_options(request)
    threshold = checker().threshold if options.min_score is None else options.min_score
    return {
        "threshold": threshold,
        "sentences": checker().score_sentences(request["text"]),
        "claims": checker().extract(request["text"], options),
    }


@blp.route("/claims/verify", methods=["POST"])
@blp.arguments(VerifyRequestSchema)
@blp.response(200, ReportSchema)
def verify_claims(request: dict):
    """Verify one claim or a list of claims as given, without extraction."""
    texts = [request["claim"]] if "claim" in request else request["claims"]
    claims = [
        Claim(id=f"c{number}", text=text, start=0, end=len(text), checkworthiness=1.0)
        for number, text in enumerate(texts, start=1)
    ]
    return checker().check_claims(claims, check_options(request))
