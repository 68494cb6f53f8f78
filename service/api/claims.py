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
from service.api.formats import JSON_LD, render_report
from service.api.options import check_options
from service.domain import Claim, Sentence
from service.extraction import ENGLISH, detect_language, language_note

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
    options = check_options(request)
    text = request["text"]
    threshold = checker().threshold if options.min_score is None else options.min_score
    language = detect_language(text)
    english = language == ENGLISH
    claims = checker().extract(text, options) if english else []
    sentences = checker().score_sentences(text)
    return {
        "threshold": threshold,
        "language": language,
        "notes": [] if english else [language_note(language)],
        "sentences": [_sentence(i, sentence, claims) for i, sentence in enumerate(sentences)],
        "claims": claims,
    }


def _sentence(index: int, sentence: Sentence, claims: list[Claim]) -> dict:
    """A sentence as the extraction lists it: with its index and whether it gave a claim."""
    is_claim = any(sentence.start <= c.start and c.end <= sentence.end for c in claims)
    return {**asdict(sentence), "index": index, "is_claim": is_claim}


@blp.route("/claims/verify", methods=["POST"])
@blp.arguments(VerifyRequestSchema)
@blp.arguments(FormatQuerySchema, location="query")
@blp.response(200, ReportSchema)
@blp.alt_response(200, content_type=JSON_LD, success=True, description="As ClaimReview JSON-LD.")
def verify_claims(request: dict, query: dict):
    """Verify one claim or a list of claims as given, without extraction."""
    texts = [request["claim"]] if "claim" in request else request["claims"]
    claims = [
        Claim(
            id=f"c{number}",
            text=text,
            start=0,
            end=len(text),
            checkworthiness=1.0,
            original=text,
        )
        for number, text in enumerate(texts, start=1)
    ]
    report = checker().check_claims(claims, check_options(request))
    return render_report(report, request, query)
