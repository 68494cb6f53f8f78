"""Readable rationales: one or two sentences naming the deciding passage and why it decided."""

from __future__ import annotations

from collections.abc import Sequence

from service.domain import Evidence
from service.verification.stance import StanceResult

Ranked = tuple[Evidence, StanceResult]


def explain(
    label: str, relevant: Sequence[Ranked], closest: Ranked | None, evidence_count: int
) -> str:
    """The rationale for a verdict, from the ranked relevant passages and the closest passage."""
    if evidence_count == 0:
        return "Not enough evidence: no source returned evidence for this claim."
    supports = [pair for pair in relevant if pair[1].stance == "supports"]
    refutes = [pair for pair in relevant if pair[1].stance == "refutes"]
    if label == "supported":
        return f"Supported: {_because(supports[0])}.{_others(supports, refutes, 'agree')}"
    if label == "refuted":
        return f"Refuted: {_because(refutes[0])}.{_others(refutes, supports, 'disagree')}"
    if label == "conflicting":
        return f"Sources conflict: {_because(supports[0])}, but {_because(refutes[0])}."
    return _abstention(supports, refutes, relevant, closest)


def explain_unavailable(reason: str) -> str:
    """The rationale when no source could be queried."""
    return f"Not enough evidence: the sources were unavailable ({reason}), so nothing was checked."


def cite(evidence: Evidence) -> str:
    """Name a passage by its source and title."""
    return f"{evidence.source} '{evidence.title}'" if evidence.title else evidence.source


def _because(pair: Ranked) -> str:
    evidence, result = pair
    return f"{cite(evidence)} {result.reason}"


def _others(same: Sequence[Ranked], other: Sequence[Ranked], verb: str) -> str:
    """A short tail counting the passages beside the deciding one."""
    tail = ""
    if len(same) > 1:
        n = len(same) - 1
        tail += f" {n} more passage{'s' if n > 1 else ''} {verb}{'' if n > 1 else 's'}."
    if other:
        n = len(other)
        tail += f" {n} weaker passage{'s point' if n > 1 else ' points'} the other way."
    return tail


def _abstention(
    supports: Sequence[Ranked],
    refutes: Sequence[Ranked],
    relevant: Sequence[Ranked],
    closest: Ranked | None,
) -> str:
    if supports and refutes:
        return (
            f"Not enough evidence: the passages point both ways, none decisively: "
            f"{_because(supports[0])}, but {_because(refutes[0])}."
        )
    if supports or refutes:
        strongest = (supports or refutes)[0]
        return f"Not enough evidence: the only signal is too weak: {_because(strongest)}."
    if relevant:
        closest_relevant = _because(relevant[0])
        return f"Not enough evidence: no passage supports or contradicts it; {closest_relevant}."
    if closest is None:
        return "Not enough evidence: no source passage mentions the claim."
    return (
        "Not enough evidence: no source passage mentions enough of the claim; "
        f"the closest, {_because(closest)}."
    )
