"""Domain objects shared by extraction, sources, verification and the checker."""

from __future__ import annotations

from dataclasses import dataclass, field

STANCES = ("supports", "refutes", "neutral")
LABELS = ("supported", "refuted", "conflicting", "not_enough_evidence")


@dataclass(frozen=True)
class Quantity:
    """A number or date found in a sentence, with its span relative to the sentence."""

    text: str
    start: int
    end: int
    kind: str  # money | percent | count | date | year
    value: float | None = None
    unit: str | None = None  # currency code, "%", a counted noun, or an ISO date for kind=date


@dataclass(frozen=True)
class Sentence:
    """A sentence of the submitted text, its span and its check-worthiness."""

    text: str
    start: int
    end: int
    checkworthiness: float = 0.0


@dataclass(frozen=True)
class Claim:
    """A check-worthy statement; start/end index the submitted text.

    `original` is the submitted text's own words at start:end (a whole sentence, or the part of
    one that states this fact); `text` is the statement made to stand alone (pronouns and
    references resolved, quotation marks dropped), equal to `original` when nothing needed it.
    Verification, the cache, entities and quantity spans all go by `text`.
    """

    id: str
    text: str
    start: int
    end: int
    checkworthiness: float
    claimant: str | None = None  # who makes the claim; None: the article itself
    entities: tuple[str, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    original: str = ""
    kind: str = "author"  # quote (direct speech) | reported (attributed) | author (the article's)


@dataclass(frozen=True)
class Evidence:
    """A passage from a reference source and how it bears on a claim."""

    source: str
    title: str
    snippet: str
    url: str | None = None
    stance: str = "neutral"  # supports | refutes | neutral
    score: float = 0.0  # retrieval relevance from the source, in [0, 1]
    published_at: str | None = None
    rating: str | None = None  # an existing fact-check's own rating, as its publisher wrote it
    # Optional detail some source types fill in (all default to "not applicable"):
    rating_normalised: str | None = None  # true, mostly_true, mixed, mostly_false, false, unrated
    publisher: str | None = None  # who published the fact-check or document
    match_score: float | None = None  # how surely a fact-check is about this very claim, in [0, 1]
    # A structured, time-scoped statement (Wikidata): `value` is (or is the) `relation`, e.g.
    # "Shigeru Ishiba" / "Prime Minister of Japan", valid from/until ISO dates of the statement's
    # precision ("2024", "2024-10", "2024-10-01"); `single_valued`: one value at a time.
    relation: str | None = None
    value: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    single_valued: bool = False


@dataclass(frozen=True)
class Verdict:
    """The judgement on one claim, with the evidence it rests on."""

    label: str  # supported | refuted | conflicting | not_enough_evidence
    confidence: float
    rationale: str
    as_of: str  # ISO date the claim is judged at
    checked_at: str  # ISO timestamp of the judgement
    evidence: tuple[Evidence, ...] = ()
    cached: bool = False


@dataclass(frozen=True)
class SourceStatus:
    """How one source answered for one request."""

    name: str
    status: str  # ok | error | timeout | circuit_open
    latency_ms: float
    results: int = 0
    detail: str | None = None
    queries: int = 1  # how many claims this status covers, once merged per request


@dataclass(frozen=True)
class ClaimResult:
    """A claim with its verdict, as the checker returns it."""

    claim: Claim
    verdict: Verdict


@dataclass(frozen=True)
class Report:
    """The answer to one article check."""

    claims: tuple[ClaimResult, ...]
    sources: tuple[SourceStatus, ...]
    cache: str  # hit | partial | miss | unavailable
    summary: dict[str, int] = field(default_factory=dict)
    sentences: int = 0
    language: str = "en"
    elapsed_ms: float = 0.0
    notes: tuple[str, ...] = ()  # notices for the client, e.g. that a text is not in English


@dataclass(frozen=True)
class Extraction:
    """The answer to an extraction: every sentence scored, and the claims."""

    threshold: float
    language: str
    notes: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]
