"""Cues that turn an on-topic passage against a claim: negation, opposite words, debunking."""

from __future__ import annotations

import re

from service.verification.lexicon import NEGATIONS, TOKEN, tokenize

_NEGATION_PHRASE = re.compile(r"\b(?:fail(?:s|ed)? to|did not|(?:ha(?:s|ve)|is|are) yet to)\b")
_NOT_ONLY = re.compile(r"\s+(?:only|just|merely|simply)\b", re.I)

# A passage that calls the statement false, or only reports that someone made it.
_DEBUNKING = re.compile(
    r"\b(?:falsely|false claims?|myths?|misconceptions?|debunk\w*|hoax(?:es)?|incorrectly|"
    r"erroneous(?:ly)?|baseless|unfounded|conspiracy theor(?:y|ies))\b",
    re.I,
)
_HEARSAY = re.compile(
    r"\b(?:supposedly|allegedly|purported(?:ly)?|claimed|claiming|claims that|asserted|"
    r"asserting)\b",
    re.I,
)

# Small, explainable table of opposites: a claim word whose opposite appears in the passage.
_OPPOSITES = (
    ("best", "worst"),
    ("win", "lose"),
    ("won", "lost"),
    ("alive", "dead"),
    ("male", "female"),
    ("before", "after"),
    ("increase", "decrease"),
    ("rise", "fall"),
    ("higher", "lower"),
    ("larger", "smaller"),
    ("largest", "smallest"),
    ("highest", "lowest"),
    ("majority", "minority"),
    ("north", "south"),
    ("east", "west"),
    ("older", "younger"),
    ("oldest", "youngest"),
    ("success", "failure"),
    ("legal", "illegal"),
    ("private", "public"),
)
OPPOSITES: dict[str, str] = {a: b for a, b in _OPPOSITES} | {b: a for a, b in _OPPOSITES}


def negation_cue(text: str) -> str | None:
    """The first negation cue in a text, or None ("No. 16" and "Reporters Without Borders" are
    not negations: a capitalised cue counts only at the start)."""
    phrase = _NEGATION_PHRASE.search(text.lower())
    if phrase:
        return phrase.group()
    for i, match in enumerate(TOKEN.finditer(text)):
        surface = match.group()
        token = surface.lower().replace("’", "'")
        if not (token in NEGATIONS or token.endswith("n't")):
            continue
        abbreviation = token == "no" and text[match.end() : match.end() + 1] == "."
        # "not only a singer but also ...", "not just": no denial of what follows
        additive = token == "not" and _NOT_ONLY.match(text, match.end())
        if (i == 0 or surface.islower()) and not abbreviation and not additive:
            return token
    return None


def debunking_cue(text: str) -> str | None:
    """A phrase by which a passage calls a statement false ("falsely", "myth"), or None."""
    match = _DEBUNKING.search(text)
    return match.group().lower() if match else None


def hearsay_cue(text: str) -> str | None:
    """A phrase by which a passage only reports a statement ("claimed", "allegedly"), or None."""
    match = _HEARSAY.search(text)
    return match.group().lower() if match else None


def opposite_pair(claim_text: str, passage_text: str) -> tuple[str, str] | None:
    """A (claim word, passage word) pair of opposites, each absent from the other side."""
    claim_words, passage_words = set(tokenize(claim_text)), set(tokenize(passage_text))
    for word in sorted(claim_words):
        other = OPPOSITES.get(word)
        if other and other in passage_words and word not in passage_words:
            return word, other
    return None
