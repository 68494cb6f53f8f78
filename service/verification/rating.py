"""Existing fact-check ratings (ClaimReview's textual rating) on one scale, and what they imply."""

from __future__ import annotations

import re

SCALE = ("true", "mostly_true", "mixed", "mostly_false", "false")

# Checked in order: the first pattern found in the lowercased rating wins, so the more specific
# phrases ("mostly false", "not true") come before the bare words they contain.
_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"pants on fire|four pinocchios|\bfake\b|fabricated|altered|satire|hoax|not true", "false"),
    (
        r"mostly false|three pinocchios|barely true|somewhat false|misleading|exaggerat",
        "mostly_false",
    ),
    (
        r"partly false|partially false|half[- ]true|two pinocchios|mixture|mixed|missing context",
        "mixed",
    ),
    (r"needs context|lacks context|decontextuali[sz]ed|cherry[- ]pick|half[- ]truth", "mixed"),
    (r"mostly true|one pinocchio|somewhat true|mostly accurate|largely accurate", "mostly_true"),
    (r"\bfalse\b|\bincorrect\b|\binaccurate\b|\bwrong\b|\bdebunked\b|\bscam\b", "false"),
    (r"geppetto|\btrue\b|\bcorrect\b|\baccurate\b|\bconfirmed\b|correct attribution", "true"),
)

# The stance a rating gives the claim it rated, and how strongly.
RATING_STANCE: dict[str, tuple[str, float]] = {
    "true": ("supports", 0.9),
    "mostly_true": ("supports", 0.7),
    "mixed": ("neutral", 0.0),
    "mostly_false": ("refutes", 0.7),
    "false": ("refutes", 0.9),
}


def normalise_rating(rating: str | None) -> str | None:
    """Map a fact-checker's textual rating to the common scale, or None when it says nothing."""
    if not rating:
        return None
    lowered = rating.strip().lower()
    for pattern, level in _PATTERNS:
        if re.search(pattern, lowered):
            return level
    return None
