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
    """A check-worthy statement; start/end index the submitted text."""

    id: str
    text: str
    start: int
    end: int
    checkworthiness: float
    claimant: str | None = None
    entities: tuple[str, ...] = ()
    quantities: tuple[Quantity, ...] = ()


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
    rating: str | None = None


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
