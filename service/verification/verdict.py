"""Aggregate evidence stances into a verdict with a calibrated-ish confidence and a rationale.

Each side's strength is its strongest passage, raised a little by a corroborating one. A side
must reach its minimum and beat the other side by DOMINANCE to win; `refuted` needs more than
`supported` (REFUTE_MIN > SUPPORT_MIN) because a wrong accusation costs more than an abstention.
Two strong sides make `conflicting`; weak or no signal makes `not_enough_evidence`, whose
confidence is the confidence in abstaining. Structured, time-scoped statements (Wikidata) are
judged as of the verdict's date by `temporal.assess_statement`, every other passage by `assess`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from datetime import date

from service.domain import Claim, Evidence, Verdict
from service.verification import directions, relations
from service.verification.bearing import Bearing, bearing, main_entity
from service.verification.rationale import Ranked, explain, explain_unavailable
from service.verification.stance import StanceResult, assess
from service.verification.temporal import assess_statement

ENGINE_VERSION = "6"  # part of the verdict cache key: bump whenever the rules change

MAX_EVIDENCE = 5
SUPPORT_MIN = 0.6
REFUTE_MIN = 0.75
DOMINANCE = 0.2
REFUTE_DISCOUNT = 0.9  # refuted confidences are shaded down: accusing needs more certainty
RELATION_STRENGTH = 0.9  # a passage naming the holder's one capital, say (relations.py)


def judge(claim: Claim, evidence: Sequence[Evidence], as_of: date, checked_at: str) -> Verdict:
    """Judge a claim on the evidence gathered for it, as of a date."""
    titles = passage_titles(evidence)
    assessed = [
        (replace(ev, stance=r.stance), r)
        for ev in evidence
        for r in [assess_passage(claim, ev, as_of, titles)]
    ]
    relevant = [pair for pair in assessed if on_topic(pair)]
    support = _combine(r.strength for _, r in relevant if r.stance == "supports")
    refute = _combine(r.strength for _, r in relevant if r.stance == "refutes")
    best_relevance = max((r.relevance for _, r in assessed), default=0.0)
    label, confidence = decide(support, refute, best_relevance)
    winner = {"supported": "supports", "refuted": "refutes"}.get(label)
    kept = listed(relevant, winner)
    relevant.sort(key=lambda pair: rank_key(pair, winner))
    closest = max(assessed, key=lambda pair: pair[1].relevance, default=None)
    rationale = explain(label, relevant, closest, evidence_count=len(evidence))
    return Verdict(label, confidence, rationale, as_of.isoformat(), checked_at, kept)


def judge_unavailable(claim: Claim, as_of: date, checked_at: str, reason: str) -> Verdict:
    """The verdict when no source could be queried: an abstention with no confidence behind it."""
    return Verdict(
        "not_enough_evidence", 0.0, explain_unavailable(reason), as_of.isoformat(), checked_at
    )


def decide(support: float, refute: float, best_relevance: float) -> tuple[str, float]:
    """Label and confidence from the combined support and refutation strengths."""
    if refute >= REFUTE_MIN and refute - support >= DOMINANCE:
        return "refuted", _clip(REFUTE_DISCOUNT * (refute - 0.5 * support))
    if support >= SUPPORT_MIN and support - refute >= DOMINANCE:
        return "supported", _clip(support - 0.5 * refute)
    if support >= SUPPORT_MIN and refute >= REFUTE_MIN:
        return "conflicting", _clip(min(support, refute))
    # Abstaining is less sure when a passage came close to deciding, or at least to the topic.
    signal = max(support, refute)
    return "not_enough_evidence", _clip(0.7 - 0.5 * signal - 0.3 * best_relevance, low=0.05)


def assess_passage(
    claim: Claim, evidence: Evidence, as_of: date, titles: Collection[str] = ()
) -> StanceResult:
    """The rules' stance of one passage (see read_passage)."""
    return read_passage(claim, evidence, as_of, titles)[0]


def passage_titles(evidence: Sequence[Evidence]) -> frozenset[str]:
    """The titles of the passages gathered for a claim (bearing.py tells homonyms by them)."""
    return frozenset(ev.title.strip() for ev in evidence if ev.title.strip())


def read_passage(
    claim: Claim, evidence: Evidence, as_of: date, titles: Collection[str] = ()
) -> tuple[StanceResult, Bearing | None]:
    """A time-scoped statement is judged as of the date, a fact-check by its rating (each matched
    to the claim by its source); any other passage by the text rules, within what it bears on
    (bearing.py, among passages with these titles), which is returned beside (None for
    statements and fact-checks)."""
    statement = assess_statement(claim, evidence, as_of)
    if statement is not None:
        return statement, None
    result = assess(claim, evidence)
    if evidence.rating is not None:
        return result, None
    found = bearing(claim, evidence, titles)
    if relations.claim_statement(claim.text) is not None:
        return _relation_reading(claim, evidence, result, found)
    placed = directions.judge(claim.text, evidence.snippet, evidence.title)
    if placed is not None:
        return _direction_reading(placed, result, found)
    if result.exact and main_entity(claim) is None:
        # A claim that names nothing gives no subject to tie a figure to: "one degree" in the
        # article on the calorie is not the "100 degrees" at which water boils. A matching
        # figure still counts, but the stance model reads the passage.
        reason = f"gives another figure ({result.reason}), but not of what the claim measures"
        unbound = StanceResult("neutral", 0.0, reason, result.relevance)
        result = replace(result, exact=False) if result.stance == "supports" else unbound
    return within_bearing(result, found), found


def _relation_reading(
    claim: Claim, evidence: Evidence, result: StanceResult, found: Bearing
) -> tuple[StanceResult, Bearing]:
    """A claim of a single-valued relation ("The capital of Canada is Toronto.", "Mount Kenya is
    the highest mountain in Africa.") is settled by a passage that states the relation for its
    holder: one that states another value refutes it, and shared words, or the same value for
    another holder ("capital of Osaka Prefecture"), bear on nothing it says. Only the rules'
    own refutations of such a passage stand ("the largest" against "the smallest ocean")."""
    stated = relations.judge(claim.text, evidence.snippet, evidence.title)
    if stated is None and result.stance == "refutes" and found.bears:
        return result, found
    if stated is None or stated.stance == "neutral":
        claimed = relations.claim_statement(claim.text)
        relation = claimed.relation if claimed else "value"
        reason = stated.reason if stated else f"states no {relation} of what the claim names"
        return StanceResult("neutral", 0.0, reason, result.relevance), Bearing(found.own, reason)
    settled = StanceResult(
        stated.stance, RELATION_STRENGTH, stated.reason, result.relevance, True, settles=True
    )
    return settled, Bearing(found.own)


def _direction_reading(
    placed: tuple[str, str], result: StanceResult, found: Bearing
) -> tuple[StanceResult, Bearing]:
    """A claim that one place lies north (south, ...) of another is read by the direction the
    passage states between the two (directions.py), either way round; a passage that states none
    takes no side, whatever the words "north" and "south" suggest to a reader."""
    stance, reason = placed
    if stance == "neutral":
        return StanceResult("neutral", 0.0, reason, result.relevance), Bearing(found.own, reason)
    return StanceResult(stance, RELATION_STRENGTH, reason, result.relevance, True), Bearing(
        found.own
    )


def within_bearing(result: StanceResult, found: Bearing) -> StanceResult:
    """The rules' reading, made neutral where the passage may take no side."""
    if found.bears:
        return result
    return StanceResult("neutral", 0.0, found.reason, result.relevance)


def _combine(strengths: Iterable[float]) -> float:
    """The strongest passage, raised by half of the runner-up's strength on what it leaves open.

    Passages retrieved for one claim often share a source and wording, so they are not
    independent: corroboration counts, but weak passages cannot add up to a verdict.
    """
    ranked = sorted(strengths, reverse=True)
    if not ranked:
        return 0.0
    second = ranked[1] if len(ranked) > 1 else 0.0
    return ranked[0] + (1.0 - ranked[0]) * 0.5 * second


def on_topic(pair: Ranked) -> bool:
    """A passage on the claim's topic, or a fact-check its source matched to the claim (the
    source's `min_match` chose it, whatever words it shares with the claim: a tweet's are many)."""
    return pair[1].relevant or pair[0].match_score is not None


def listed(relevant: Sequence[Ranked], winner: str | None) -> tuple[Evidence, ...]:
    """The verdict's evidence from the relevant passages in the sources' order: the first
    MAX_EVIDENCE by rank_key, the fact-checks among them put back in the sources' order (best
    match first, as the matcher ranked them) in the places fact-checks hold."""
    kept = sorted(relevant, key=lambda pair: rank_key(pair, winner))[:MAX_EVIDENCE]
    places = [i for i, (evidence, _) in enumerate(kept) if evidence.match_score is not None]
    chosen = {id(kept[i]) for i in places}
    in_order = [pair for pair in relevant if id(pair) in chosen]
    for place, pair in zip(places, in_order, strict=True):
        kept[place] = pair
    return tuple(evidence for evidence, _ in kept)


def rank_key(pair: Ranked, winner: str | None) -> tuple[int, float, float]:
    """The deciding side first, then the other side, then neutral passages; strongest first."""
    _, result = pair
    group = 0 if result.stance == winner else 2 if result.stance == "neutral" else 1
    return (group, -result.strength, -result.relevance)


def _clip(x: float, low: float = 0.0, high: float = 0.95) -> float:
    return round(min(high, max(low, x)), 3)
