"""Response bodies: reports, extractions, sources and health."""

from marshmallow import Schema, fields

LABELS = ["supported", "refuted", "conflicting", "not_enough_evidence"]
STANCES = ["supports", "refutes", "neutral"]


class QuantitySchema(Schema):
    """A number or date in a claim; start/end index the claim's text."""

    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    kind = fields.String(metadata={"enum": ["money", "percent", "count", "date", "year"]})
    value = fields.Float(allow_none=True)
    unit = fields.String(allow_none=True)


class EvidenceSchema(Schema):
    """A passage from a reference source and its stance towards the claim."""

    source = fields.String(metadata={"description": "The configured source's name."})
    title = fields.String()
    url = fields.String(allow_none=True)
    snippet = fields.String()
    stance = fields.String(metadata={"enum": STANCES})
    score = fields.Float(metadata={"description": "Retrieval relevance in [0, 1]."})
    published_at = fields.String(allow_none=True)
    rating = fields.String(
        allow_none=True, metadata={"description": "A fact-check's rating, as published."}
    )
    rating_normalised = fields.String(
        allow_none=True,
        metadata={
            "enum": ["true", "mostly_true", "mixed", "mostly_false", "false", "unrated", None],
            "description": "The rating on one scale (the original is kept in `rating`).",
        },
    )
    publisher = fields.String(allow_none=True)
    match_score = fields.Float(
        allow_none=True,
        metadata={"description": "How surely a fact-check is about this claim, in [0, 1]."},
    )
    relation = fields.String(
        allow_none=True, metadata={"description": "A structured statement's relation."}
    )
    value = fields.String(allow_none=True, metadata={"description": "The statement's value."})
    valid_from = fields.String(
        allow_none=True, metadata={"description": "Start of the statement's validity (ISO)."}
    )
    valid_until = fields.String(
        allow_none=True, metadata={"description": "End of the statement's validity (ISO)."}
    )
    single_valued = fields.Boolean(
        metadata={"description": "Whether the relation has one value at a time."}
    )


class VerdictSchema(Schema):
    """The judgement on one claim."""

    label = fields.String(metadata={"enum": LABELS})
    confidence = fields.Float(metadata={"description": "In [0, 1]."})
    rationale = fields.String()
    as_of = fields.String(metadata={"description": "The day the claim is judged at."})
    checked_at = fields.String(metadata={"description": "When the verdict was reached."})
    cached = fields.Boolean()


KINDS = ["quote", "reported", "author"]
_CLAIM_DOCS = {
    "id": "c1, c2, ... in document order.",
    "text": (
        "The claim made to stand alone, and what is verified: pronouns and references the "
        "article resolves plainly are replaced (“He said” gets the speaker, “the deal” what the "
        "article said it was, a quoted “I”/“my” the speaker), stray quotation marks dropped, and "
        "a fact split from a sentence given its subject. Equal to `original` when nothing "
        "needed resolving; when unsure, it is left as the article has it."
    ),
    "original": (
        "The submitted text's own words at `start`:`end`: the sentence, or, when a sentence "
        "states several facts that separate cleanly, the part that states this one."
    ),
    "start": "Offset of `original` in the submitted text (characters, i.e. code points).",
    "end": "Offset just after `original` in the submitted text.",
    "checkworthiness": (
        "In [0, 1]; for a fact split from a sentence, that fact's own score. Claims score at "
        "least the threshold in force, except a plain statement of fact (a name, then “is” or "
        "a verb of record, and no question, opinion, hedge or first person: “Paris is the "
        "capital of France.”), which is a claim at any score while the threshold is not above "
        "the default."
    ),
    "claimant": (
        "Who makes the claim: the speaker the article names (in full where it gives the full "
        "name, or as described, e.g. “a senior US official”); null for the article's own "
        "statement, or a quotation whose speaker the article does not give."
    ),
    "kind": (
        "`quote`: the claimant's own words, in quotation marks; `reported`: attributed to the "
        "claimant without quoting (“Trump said that ...”, “according to ...”); `author`: the "
        "article's own statement."
    ),
    "entities": "Names in `text`, in order.",
    "quantities": "Numbers and dates in `text` (their start/end index `text`).",
}


def _described(field: fields.Field, name: str) -> fields.Field:
    """The field with the claim field's OpenAPI description."""
    field.metadata = {**field.metadata, "description": _CLAIM_DOCS[name]}
    return field


class ClaimSchema(Schema):
    """A claim; start/end are character offsets of `original` in the submitted text."""

    id = _described(fields.String(), "id")
    text = _described(fields.String(), "text")
    original = _described(fields.String(), "original")
    start = _described(fields.Integer(), "start")
    end = _described(fields.Integer(), "end")
    checkworthiness = _described(fields.Float(), "checkworthiness")
    claimant = _described(fields.String(allow_none=True), "claimant")
    kind = _described(fields.String(metadata={"enum": KINDS}), "kind")
    entities = _described(fields.List(fields.String()), "entities")
    quantities = _described(fields.List(fields.Nested(QuantitySchema)), "quantities")


class CheckedClaimSchema(ClaimSchema):
    """A claim with its verdict and evidence (dumped from a ClaimResult)."""

    id = _described(fields.String(attribute="claim.id"), "id")
    text = _described(fields.String(attribute="claim.text"), "text")
    original = _described(fields.String(attribute="claim.original"), "original")
    start = _described(fields.Integer(attribute="claim.start"), "start")
    end = _described(fields.Integer(attribute="claim.end"), "end")
    checkworthiness = _described(fields.Float(attribute="claim.checkworthiness"), "checkworthiness")
    claimant = _described(fields.String(attribute="claim.claimant", allow_none=True), "claimant")
    kind = _described(fields.String(attribute="claim.kind", metadata={"enum": KINDS}), "kind")
    entities = _described(fields.List(fields.String(), attribute="claim.entities"), "entities")
    quantities = _described(
        fields.List(fields.Nested(QuantitySchema), attribute="claim.quantities"), "quantities"
    )
    verdict = fields.Nested(VerdictSchema)
    evidence = fields.List(fields.Nested(EvidenceSchema), attribute="verdict.evidence")


class SourceStatusSchema(Schema):
    """How one source answered during a request."""

    name = fields.String()
    status = fields.String(
        metadata={"enum": ["ok", "error", "timeout", "rate_limited", "circuit_open", "cached"]}
    )
    latency_ms = fields.Float(metadata={"description": "The slowest query of this request."})
    queries = fields.Integer(metadata={"description": "Claims this source was asked about."})
    results = fields.Integer(metadata={"description": "Evidence passages it returned."})
    detail = fields.String(allow_none=True)


class SummarySchema(Schema):
    """Counts of claims per verdict label."""

    claims = fields.Integer()
    supported = fields.Integer()
    refuted = fields.Integer()
    conflicting = fields.Integer()
    not_enough_evidence = fields.Integer()


_LANGUAGE = (
    "The language detected in the text (ISO 639-1, e.g. `en`, `fr`; `und` when it reads as no "
    "language known). Only English is checked: for any other, `claims` is empty and `notes` "
    "says why. Short or mixed texts count as English unless clearly not."
)
_NOTES = (
    "Notices about the answer, e.g. that the text is not in English and was not checked, or "
    "that a claim was not judged (“c2 is not judged: this is a question, not a statement of "
    "fact”): questions, opinions, wishes, greetings, commands, fragments with no verb and text "
    "not in English get `not_enough_evidence`, with the reason as rationale, and no source is "
    "queried for them."
)


class ReportSchema(Schema):
    """The answer to a check: claims with verdicts, sources consulted, cache state."""

    claims = fields.List(fields.Nested(CheckedClaimSchema))
    summary = fields.Nested(SummarySchema)
    sources = fields.List(fields.Nested(SourceStatusSchema))
    cache = fields.String(metadata={"enum": ["hit", "partial", "miss", "unavailable", "bypass"]})
    sentences = fields.Integer(metadata={"description": "Sentences in the submitted text."})
    language = fields.String(metadata={"description": _LANGUAGE})
    notes = fields.List(fields.String(), metadata={"description": _NOTES})
    elapsed_ms = fields.Float()


class SentenceSchema(Schema):
    """A sentence with its check-worthiness (ClaimBuster's `results` items: text, index, score)."""

    index = fields.Integer(metadata={"description": "Position of the sentence, from 0."})
    text = fields.String()
    start = fields.Integer(metadata={"description": "Offset of the sentence in the text."})
    end = fields.Integer(metadata={"description": "Offset just after the sentence."})
    checkworthiness = fields.Float(
        metadata={
            "description": (
                "In [0, 1]: how worth checking the sentence is. Questions, predictions, opinions "
                "and pleasantries score low but are listed all the same."
            )
        }
    )
    is_claim = fields.Boolean(
        metadata={
            "description": (
                "Whether `claims` holds a claim from this sentence: it scores at least the "
                "threshold, or it plainly states a fact (see the claim's `checkworthiness`)."
            )
        }
    )


class ExtractionSchema(Schema):
    """Every sentence with its score, the threshold in force, and the claims."""

    threshold = fields.Float(
        metadata={
            "description": "Sentences scoring at least this give claims (and plain statements "
            "of fact, while it is not above the default)."
        }
    )
    language = fields.String(
        metadata={
            "description": (
                _LANGUAGE + " Sentences are scored whatever the language (by an English model)."
            )
        }
    )
    notes = fields.List(fields.String(), metadata={"description": _NOTES})
    sentences = fields.List(fields.Nested(SentenceSchema))
    claims = fields.List(fields.Nested(ClaimSchema))


class CircuitSchema(Schema):
    """A source's circuit breaker."""

    state = fields.String(metadata={"enum": ["closed", "open", "half_open"]})
    failures = fields.Integer(metadata={"description": "Failed queries in a row."})
    retry_in = fields.Float(
        allow_none=True, metadata={"description": "Seconds until the source is tried again."}
    )


class SourceInfoSchema(Schema):
    """A configured source and how it fared lately."""

    name = fields.String()
    type = fields.String()
    status = fields.String(
        metadata={
            "description": "ok, degraded, circuit_open, circuit_half_open or unknown.",
            "enum": ["ok", "degraded", "circuit_open", "circuit_half_open", "unknown"],
        }
    )
    last_status = fields.String(allow_none=True)
    last_latency_ms = fields.Float(allow_none=True)
    circuit = fields.Nested(
        CircuitSchema,
        metadata={"description": "The circuit breaker, once it has seen a failure."},
    )


class SourceListSchema(Schema):
    """GET /v1/sources."""

    sources = fields.List(fields.Nested(SourceInfoSchema))


class HealthSchema(Schema):
    """GET /healthz."""

    status = fields.String()
    version = fields.String()


class ReadinessSchema(Schema):
    """GET /readyz."""

    status = fields.String(metadata={"enum": ["ready", "degraded"]})
    cache = fields.String(metadata={"enum": ["redis", "memory", "unavailable"]})
    sources = fields.Integer()


class ProgressSchema(Schema):
    """How far a background check has got."""

    done = fields.Integer(metadata={"description": "Claims judged so far."})
    total = fields.Integer(metadata={"description": "Claims the article gave."})


class JobSchema(Schema):
    """A background check (POST /v1/checks with `Prefer: respond-async`)."""

    id = fields.String()
    status = fields.String(metadata={"enum": ["queued", "running", "done", "failed", "cancelled"]})
    created_at = fields.DateTime(allow_none=True)
    ended_at = fields.DateTime(allow_none=True)
    report = fields.Dict(
        metadata={"description": "The report (as from POST /v1/checks) once done."}
    )
    progress = fields.Nested(
        ProgressSchema,
        allow_none=True,
        metadata={"description": "Claims done / total: null until the claims are extracted."},
    )
    error = fields.String()
