"""POST /v1/claims (extraction only) and POST /v1/claims/verify."""

from dataclasses import asdict

from schemas import (
    ClaimsRequestSchema,
    ExtractionSchema,
    FormatQuerySchema,
    ReportSchema,
    VerifyRequestSchema,
)
from service.api.body import ApiBlueprint, checker
from service.api.formats import CLAIMREVIEW_RESPONSE, render_report
from service.api.options import check_options
from service.domain import Claim, Evidence, Sentence
from service.extraction import claim_from_text

blp = ApiBlueprint("claims", __name__, url_prefix="/v1", description="Extract and verify claims.")


@blp.route("/claims", methods=["POST"])
@blp.arguments(ClaimsRequestSchema)
@blp.response(200, ExtractionSchema)
def extract_claims(request: dict):
    """Score every sentence for check-worthiness and list the claims (no verification).

    Every sentence comes back with its score and index, as from ClaimBuster's scoring API, with
    the threshold in force. Each claim stands alone (`text`) and keeps the article's words
    (`original`, at `start`:`end`), its claimant and its kind. Text that is not in English is
    still scored, but gives no claims; `language` and `notes` say so.
    """
    found = checker().extract_all(request["text"], check_options(request))
    return {
        "threshold": found.threshold,
        "language": found.language,
        "notes": found.notes,
        "sentences": [_sentence(i, s, found.claims) for i, s in enumerate(found.sentences)],
        "claims": found.claims,
    }


def _sentence(index: int, sentence: Sentence, claims: tuple[Claim, ...]) -> dict:
    """A sentence as the extraction lists it: with its index and whether it gave a claim."""
    is_claim = any(sentence.start <= c.start and c.end <= sentence.end for c in claims)
    return {**asdict(sentence), "index": index, "is_claim": is_claim}


@blp.route("/claims/verify", methods=["POST"])
@blp.arguments(VerifyRequestSchema)
@blp.arguments(FormatQuerySchema, location="query")
@blp.response(200, ReportSchema)
@blp.alt_response(200, **CLAIMREVIEW_RESPONSE)
def verify_claims(request: dict, query: dict):
    """Verify one claim or a list of claims as given, without extraction.

    With `evidence`, the verdicts rest on the supplied passages alone (for pipelines that do
    their own retrieval): no source is queried and nothing is cached.
    """
    texts = [request["claim"]] if "claim" in request else request["claims"]
    claims = [claim_from_text(f"c{n}", text) for n, text in enumerate(texts, start=1)]
    options = check_options(request)
    if "evidence" in request:
        supplied = [
            Evidence(
                source="supplied",
                title=item.get("title", ""),
                snippet=item["text"],
                url=item.get("url"),
                score=1.0,
            )
            for item in request["evidence"]
        ]
        report = checker().check_against(claims, supplied, options)
    else:
        report = checker().check_claims(claims, options)
    return render_report(report, request, query)
