"""Exclusive claims: "X is only Y" (or "for his whole career", "has always been") is not borne
out by a passage that says X is Y.

A passage that says "Andrew Kevin Walker is an American screenwriter" neither confirms "Andrew
Kevin Walker is only American" (it says nothing of other nationalities) nor denies it, yet an
entailment model reads the unmatched "only" as a contradiction. Such a passage is read against
the claim without its qualifier: where it denies that (X is not Y at all), it denies the
exclusive claim too; where it confirms it, it has not said the "only", and confirms nothing. A
passage that itself speaks of exclusivity ("the only", "solely", "alone") is read as it is.
"""

from __future__ import annotations

import re

# "only", "solely", "exclusively", but not "not only ... but also" (no exclusivity claimed),
# nor a title's "Only" ("Only Fools and Horses"): capitalised, it counts only opening the claim
# before a lower-case word or a number ("Only three people ...").
EXCLUSIVE = re.compile(
    r"(?<!\bnot )\b(?:only|solely|exclusively)\b\s*|^(?:Only|Solely)\s+(?=[a-z0-9])"
    # totality: "for his whole career", "has always been"
    r"|\s*\b(?:for|throughout)\s+(?:his|her|their|its)\s+(?:whole|entire)\s+"
    r"(?:career|life|lives|history)\b|(?<!\bnot )\balways\s+"
)
STATES_EXCLUSIVITY = re.compile(
    r"\b(?:only|sole|solely|exclusive|exclusively|unique|uniquely|alone|entirely|nothing else"
    r"|no other|any other|always|throughout|whole|entire)\b",
    re.IGNORECASE,
)


def unqualified(claim_text: str) -> str | None:
    """The claim without its exclusive qualifier ("X is American" for "X is only American"),
    or None if it has none."""
    if not EXCLUSIVE.search(claim_text):
        return None
    return EXCLUSIVE.sub("", claim_text)


def states_exclusivity(passage: str) -> bool:
    """Whether a passage speaks of exclusivity at all ("the only", "solely", "no other")."""
    return bool(STATES_EXCLUSIVITY.search(passage))
