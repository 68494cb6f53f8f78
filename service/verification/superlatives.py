"""A superlative is a rank: "the highest mountain" is confirmed only by a passage that says so.

An entailment model reads "K2 ... is the second-highest mountain on Earth" as support for "K2 is
the highest mountain above sea level", and "China is the home of the largest movie and drama
production complex" for "China is the largest country in the world": the superlative is there,
the rank or what it ranks is not. A claim that calls something "the <superlative> <noun>" is
confirmed only by a passage that gives that superlative (or its synonym, "biggest" for "largest")
to the same noun a few words on, first in rank: not "second-highest", "third largest", nor "one
of the largest". Such a passage may still deny the claim. A passage that gives the superlative
to nothing at all, in no rank, may not deny it either: the model reads "Vatican City ... is a
landlocked sovereign city-state" as the denial of "the smallest sovereign state in the world".
"""

from __future__ import annotations

import re

from service.verification import lexicon
from service.verification.cues import negation_cue
from service.verification.ordinals import ORDINAL_NUMBERS

# fmt: off
_SUPERLATIVES = [
    "largest", "biggest", "highest", "tallest", "longest", "shortest", "smallest", "oldest",
    "youngest", "newest", "deepest", "widest", "heaviest", "lightest", "hottest", "coldest",
    "fastest", "slowest", "richest", "poorest", "strongest", "brightest", "closest", "nearest",
    "farthest", "furthest", "earliest", "latest", "greatest", "densest", "driest", "wettest",
    "busiest", "lowest", "best", "worst",
]
# fmt: on
_SYNONYMS = [
    {"largest", "biggest"},
    {"highest", "tallest"},
    {"farthest", "furthest"},
    {"closest", "nearest"},
]  # fmt: skip
# The other end of each scale: "the largest ocean" speaks to, and denies, "the smallest ocean".
_OPPOSITES = [
    ({"largest", "biggest"}, {"smallest"}),
    ({"highest", "tallest"}, {"lowest", "shortest"}),
    ({"longest"}, {"shortest"}),
    ({"oldest"}, {"youngest", "newest"}),
    ({"heaviest"}, {"lightest"}),
    ({"hottest"}, {"coldest"}),
    ({"fastest"}, {"slowest"}),
    ({"richest"}, {"poorest"}),
    ({"closest", "nearest"}, {"farthest", "furthest"}),
    ({"earliest"}, {"latest"}),
    ({"best"}, {"worst"}),
    ({"wettest"}, {"driest"}),
]  # fmt: skip
_SUPERLATIVE = (
    r"(?P<sup>(?:most|least)\s+[a-z]+|" + "|".join(_SUPERLATIVES) + r")"
    r"(?P<noun>(?:\s+[\w'’-]+){1,6})"
)
_IN_CLAIM = re.compile(r"\bthe\s+" + _SUPERLATIVE, re.I)
_IN_PASSAGE = re.compile(r"\b" + _SUPERLATIVE, re.I)
_WORD = re.compile(r"[\w'’]+")
# What, right before a superlative, makes it no first rank: "second-highest", "third largest",
# "one of the largest", "among the largest".
_RANKED = re.compile(
    r"(?:\b(?:" + "|".join(ORDINAL_NUMBERS) + r"|\d+(?:st|nd|rd|th))[\s-]*"
    r"|\b(?:one|some|among)\s+of\s+the\s+|\bamong\s+the\s+)$",
    re.I,
)
_COPULA = re.compile(r"\b(?:is|was|are|were|remains|remained|became|becomes)\s+$")
_NOUN_REACH = 6  # words after the superlative within which its noun must come ("the lightest
# and most abundant chemical element")


def unranked(claim_text: str, passage: str) -> str:
    """The claim's "superlative noun" the passage does not give first rank ("" when it does,
    or the claim has none): the passage may deny it, not confirm it."""
    for match in _IN_CLAIM.finditer(claim_text):
        superlative = _normal(match.group("sup"))
        noun = _noun(match.group("noun"))
        if noun is None:
            continue
        if not _ranks_first(passage, superlative, noun):
            return f"{match.group('sup')} {noun}"
    return ""


def _ranks_first(passage: str, superlative: str, noun: str) -> bool:
    """Whether the passage gives the superlative (or a synonym) to the noun, first in rank."""
    accepted = next((group for group in _SYNONYMS if superlative in group), {superlative})
    for match in _IN_PASSAGE.finditer(passage):
        if _normal(match.group("sup")) not in accepted:
            continue
        words = [lexicon.stem(w.lower()) for w in _WORD.findall(match.group("noun"))]
        if lexicon.stem(noun) not in words[:_NOUN_REACH]:
            continue
        if not _RANKED.search(passage[max(0, match.start() - 30) : match.start()]):
            return True
    return False


def _normal(superlative: str) -> str:
    """A superlative as compared: lowercased, "most  populous" with one space."""
    return " ".join(superlative.lower().split())


def _noun(following: str) -> str | None:
    """The noun a claim's superlative ranks: the last of the words after it up to a function
    word ("mountain" of "highest mountain above sea level", "element" of "lightest chemical
    element and"); None when a function word follows it at once ("the most abundant in")."""
    words = []
    for word in _WORD.findall(following):
        if word.lower() in lexicon.STOPWORDS:
            break
        words.append(word.lower())
    return words[-1] if words else None


def unspoken(claim_text: str, passage: str) -> bool:
    """Whether a passage says nothing of the claim's superlative, so it may not deny it either:
    it gives neither that superlative, nor a synonym, nor the other end of its scale to anything,
    in any rank ("Vatican City ... is a landlocked sovereign city-state" neither confirms nor
    denies "the smallest sovereign state in the world"; "the largest ocean" does deny "the
    smallest"), and says no "not". Only a superlative the claim predicates of its subject counts
    ("X is the largest N", not "X, one of the driest places, lies in Brazil")."""
    wanted: set[str] = set()
    for match in _IN_CLAIM.finditer(claim_text):
        said_of_subject = _COPULA.search(claim_text[: match.start()])  # not "one of the driest"
        if said_of_subject and _noun(match.group("noun")) is not None:
            wanted |= _scale(_normal(match.group("sup")))
    if not wanted or negation_cue(passage):
        return False
    said = {_normal(m.group("sup")) for m in _IN_PASSAGE.finditer(passage)}
    return not wanted & said


def _scale(superlative: str) -> set[str]:
    """The superlatives that speak to this one: itself, its synonyms, the other end of its scale
    ("most" and "least" of the same adjective)."""
    if superlative.startswith(("most ", "least ")):
        adjective = superlative.split()[1]
        return {f"most {adjective}", f"least {adjective}"}
    scale = {superlative}
    for one_end, other_end in _OPPOSITES:  # "shortest" is at the end of two scales
        if superlative in one_end | other_end:
            scale |= one_end | other_end
    return scale
