"""Ordinals and the nouns they rank: "the 44th president", "the second-largest city".

An ordinal is a figure like any other: "Barack Obama was the 45th president of the United States"
is contradicted by "served as the 44th president of the United States", however many words the
two share. An ordinal is compared only with one that ranks the same noun, followed by the same
words ("44th president of the United States", not "45th birthday", nor "second album" for "first
album", which may be another album); "the 45th and 47th president" ranks the noun twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.extraction.vocabulary import NAME_TITLES as TITLES
from service.verification.lexicon import stem

# fmt: off
_SPELLED = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth",
]
# fmt: on
ORDINAL_NUMBERS = {word: n for n, word in enumerate(_SPELLED, start=1)}  # "first": 1
_ORDINAL = re.compile(r"\b(?:(\d{1,4})(?:st|nd|rd|th)|(" + "|".join(_SPELLED) + r"))\b", re.I)
# Words between an ordinal and its noun: other ordinals and "and", "current" ("45th and current",
# "seventh and final season", "third consecutive title").
_BETWEEN = re.compile(
    r"\s+(?:and\s+|or\s+|current\s+|incumbent\s+|final\s+|last\s+|consecutive\s+"
    r"|straight\s+|(?:\d{1,4}(?:st|nd|rd|th)|"
    + "|".join(_SPELLED)
    + r")\s+){0,6}",  # bounded: a text of many ordinals is read in linear time
    re.I,
)
_NOUN = re.compile(r"[a-z][a-z-]+")
# An office written as a title ranks like a noun: "the second President of the United States".
_TITLE = re.compile(r"[A-Z][a-z]+")
# "-largest", "-most populous": a ranked superlative, compared as its noun would be.
# "the 13th century" dates a span, which "until the 18th century" may reach: a date, not a rank.
_PERIODS = frozenset({"century", "centuries", "millennium", "millennia"})
_WORD = re.compile(r"[\w'’]+")
_CONTEXT = 3  # words after the noun that must be the same for ranks to be compared
_FOLLOWING = re.compile(r"(?:\W*[\w'’]+){0,3}")  # those words, read no further
_SUPERLATIVE = re.compile(r"-(?:largest|biggest|highest|longest|most\s+\w+|smallest|oldest)")


@dataclass(frozen=True)
class Ordinal:
    """A rank, the noun it ranks and the words that follow it."""

    rank: int
    noun: str  # stemmed
    after: tuple[str, ...] = ()  # the next few words, lowercased


@dataclass(frozen=True)
class OrdinalMatch:
    """A claim's ordinal and the passage's for the same noun."""

    claim: str  # as written, e.g. "45th president"
    passage: str
    agrees: bool


def find_ordinals(text: str) -> list[tuple[Ordinal, str]]:
    """Each ordinal of a text with its noun, and how it is written ("44th president")."""
    found = []
    for match in _ORDINAL.finditer(text):
        rank = int(match.group(1)) if match.group(1) else ORDINAL_NUMBERS[match.group(2).lower()]
        superlative = _SUPERLATIVE.match(text, match.end())
        if superlative:
            noun, end = superlative.group().lstrip("-"), superlative.end()
        else:
            between = _BETWEEN.match(text, match.end())
            at = between.end() if between else match.end()
            word = _NOUN.match(text, at) or _TITLE.match(text, at)
            if word is None or (word.group()[:1].isupper() and word.group().lower() not in TITLES):
                continue  # "Second World War" is a name, not a rank of worlds
            noun, end = word.group().lower(), word.end()
        following = _FOLLOWING.match(text, end)
        after = tuple(w.lower() for w in _WORD.findall(following.group()))[:_CONTEXT]
        if noun.lower() not in _PERIODS:
            found.append((Ordinal(rank, stem(noun), after), text[match.start() : end]))
    return found


def compare_ordinals(claim_text: str, passage: str) -> OrdinalMatch | None:
    """The claim's ordinal against the passage's for the same noun: agreeing if the passage
    gives the same rank, else disagreeing (None when no noun is ranked by both in the same
    words)."""
    given = find_ordinals(passage)
    for ordinal, written in find_ordinals(claim_text):
        same_noun = [(o, w) for o, w in given if o.noun == ordinal.noun and _same_after(ordinal, o)]
        if not same_noun:
            continue
        agreeing = [w for o, w in same_noun if o.rank == ordinal.rank]
        if agreeing:
            return OrdinalMatch(written, agreeing[0], True)
        return OrdinalMatch(written, same_noun[0][1], False)
    return None


def _same_after(claim: Ordinal, passage: Ordinal) -> bool:
    """Whether the words after the passage's ranked noun are the claim's ("of the United
    States"); a claim whose noun ends it ("the 44th president.") has none to compare."""
    return passage.after[: len(claim.after)] == claim.after
