"""Conjunctive claims: "X was on the Beaneaters and was born in Delaware" says two things.

An entailment model reads such a claim against a passage that bears out one half as support of
the whole ("Acceleration is the rate of change of the velocity ... and is measured by an
altimeter" against "It is defined as the rate of change of the velocity"). Each half is read
with the claim's subject too ("Acceleration is measured by an altimeter"): a passage supports
the claim only as far as it supports the whole and every half. Denial stays the whole claim's:
the model reads a half the passage is silent on as denied too often (FM2 dev: "Paraguay has the
warmest weather in January and is a tropical place." came out refuted).
"""

from __future__ import annotations

import re

# Finite verbs that open a second predicate after "and" ("... and was born in Delaware").
_VERB = (
    r"(?:is|was|are|were|has|had|have|won|became|played|wrote|directed|starred|received|died|"
    r"served|founded|lived|worked|appeared|released|created|went|made|lost|led|moved|married|"
    r"studied|contains|includes)"
)
_CONJUNCTIVE = re.compile(
    rf"^(?P<subject>[^,;]+?)\s+(?P<first>{_VERB}\b[^;]+?),?\s+and\s+(?P<second>{_VERB}\b[^;]+)$"
)
_WORD = re.compile(r"[\w'’-]+")


def conjuncts(claim_text: str) -> list[str]:
    """The claim's two predicates each said of its subject, or [] if it is not "X <verb> ...
    and <verb> ..." (nor "X was written and directed by Y", whose halves share an object)."""
    match = _CONJUNCTIVE.match(claim_text.strip())
    if match is None or len(_WORD.findall(match.group("first"))) < 3:
        return []
    subject = match.group("subject")
    first = f"{subject} {match.group('first')}".rstrip(" ,")
    second = f"{subject} {match.group('second')}"
    return [first if first.endswith((".", "!")) else f"{first}.", second]
