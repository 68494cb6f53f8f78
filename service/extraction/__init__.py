"""Claim extraction: sentences, check-worthiness, self-contained claims, speakers (pure)."""

from service.extraction.checkworthiness import DEFAULT_THRESHOLD, score_sentence
from service.extraction.claimant import find_claimant
from service.extraction.entities import find_entities
from service.extraction.extractor import (
    claim_from_text,
    extract_all,
    extract_claims,
    extract_claims_until,
    score_sentences,
)
from service.extraction.language import ENGLISH, detect_language, language_note
from service.extraction.quantities import find_quantities
from service.extraction.sentences import split_sentences
from service.extraction.verifiability import not_a_claim

__all__ = [
    "DEFAULT_THRESHOLD",
    "ENGLISH",
    "claim_from_text",
    "detect_language",
    "extract_all",
    "extract_claims",
    "extract_claims_until",
    "find_claimant",
    "find_entities",
    "find_quantities",
    "language_note",
    "not_a_claim",
    "score_sentence",
    "score_sentences",
    "split_sentences",
]
