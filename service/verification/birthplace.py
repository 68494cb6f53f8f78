"""Where someone was born is said as "born in <place>": a passage must say it to take a side.

An entailment model reads "He was born in Pisa, then part of the Duchy of Florence" as support for
"Galileo Galilei was born in Florence" (the name is there, not as the birthplace), and "a
Scottish-born Canadian-American inventor" as the denial of "Alexander Graham Bell was born in
Edinburgh" (Edinburgh is absent, not contradicted). So, for a claim "X was born in P":

- a passage that names a birthplace ("born in Q", "born on 15 February 1564 in Q") confirms the
  claim only if P is among the places it names there ("born in Honolulu, Hawaii" for Hawaii);
- only a passage that names a birthplace, or says "not" or "never", may deny it.

bearing.py already sets aside a passage that speaks of no birth at all ("a Spanish painter who
spent most of his adult life in France").
"""

from __future__ import annotations

import re

from service.extraction.vocabulary import word_set
from service.verification import cues, lexicon

_PLACE = r"(?:the\s+)?(?P<place>[A-Z][\w'’.-]*(?:(?:\s+|\s+of\s+|\s+de\s+|-)[A-Z][\w'’.-]*)*)"
_CLAIM_BORN = re.compile(r"\bborn\s+(?:in|at)\s+" + _PLACE)
# "born in Pisa", "born on 4 July 1804 in Salem", "born at Stratford": the place follows.
_BORN = re.compile(r"\b(?i:born)\b[^.;:()]{0,40}?\b(?:in|at)\s+" + _PLACE)
# More places of the same birthplace, each after a comma: "Stratford-upon-Avon, Warwickshire".
_MORE_PLACES = re.compile(r",\s+" + _PLACE)
_MONTHS = word_set(
    "january february march april may june july august september october november december"
)
_WORD = re.compile(r"[^\W\d_]+")


def claimed_birthplace(claim_text: str) -> str | None:
    """The place a claim says someone was born in ("born in Florence"), if it says one."""
    match = _CLAIM_BORN.search(claim_text)
    if match is None or _bare(match.group("place")) in _MONTHS:
        return None
    return match.group("place").rstrip(".")


def other_birthplace(claim_text: str, passage: str) -> str:
    """The birthplace a passage gives that is not the claim's ("" when it gives the claim's,
    gives none, or the claim names none): such a passage does not confirm the claim."""
    place = claimed_birthplace(claim_text)
    if place is None:
        return ""
    given = _given(passage)
    if not given or any(_same_place(place, places) for places in given):
        return ""
    return given[0][0]


def unstated_birthplace(claim_text: str, passage: str) -> bool:
    """Whether a passage may not deny where the claim says someone was born: it names no
    birthplace and says no "not" or "never"."""
    if claimed_birthplace(claim_text) is None:
        return False
    return not _given(passage) and not cues.negation_cue(passage)


def _given(passage: str) -> list[list[str]]:
    """The birthplaces a passage gives, each as the places it names there, most specific first."""
    found = []
    for match in _BORN.finditer(passage):
        if _bare(match.group("place")) in _MONTHS:
            continue
        places = [match.group("place")]
        at = match.end()
        while more := _MORE_PLACES.match(passage, at):
            places.append(more.group("place"))
            at = more.end()
        found.append(places)
    return found


def _bare(place: str) -> str:
    """A place as compared with month names: lower case, no final period ("May.")."""
    return place.rstrip(".").lower()


def _same_place(place: str, places: list[str]) -> bool:
    """Whether the claim's place is one of the named ones: all its words in one of them."""
    words = _words(place)
    return any(words <= _words(named) for named in places)


def _words(name: str) -> set[str]:
    return {lexicon.fold(w) for w in _WORD.findall(name)} - lexicon.STOPWORDS
