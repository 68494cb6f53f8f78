"""What a passage must say to support that one place lies north (south, east, west) of another.

"X is north of Y" relates two places by a compass direction. An entailment model reads "France
shares borders with Belgium and Luxembourg to the north" as support for "France is north of
Belgium" (the names and the direction match, their order does not), and "Mexico ... is a country
in North America" for "Mexico is north of the United States". Such a claim is supported only by
a passage that states the direction between the two places, either way round:

- "Y to the north" in a list of neighbours ("bordered by Canada to the north", "shares borders
  with Belgium to the north"), or "bordered to the north by Y", says Y lies north of the
  passage's subject (its title, or the name opening the sentence);
- "(lies / is located) north of Y" says the sentence's subject lies north of Y.

"Y lies north of X" supports "X is south of Y". A passage that states no such direction keeps
no side: an entailment model reads a list of neighbours either way, and so does the word
"north" against "south" (the passage on Portugal, "bordered by Spain to the north and east",
is no refutation of "Portugal is west of Spain").
"""

from __future__ import annotations

import re

from service.extraction.sentences import split_sentences
from service.verification.relations import bare_name

_OPPOSITE = {
    "north": "south", "south": "north", "east": "west", "west": "east",
    "northeast": "southwest", "southwest": "northeast",
    "northwest": "southeast", "southeast": "northwest",
}  # fmt: skip
_POINT = r"(?:north|south)-?(?:east|west)|north|south|east|west"
_NAME = r"\b[A-Z][\w'’.-]*(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w'’.-]*)*"
# "Canada is north of the United States", "Mexico lies directly south of the United States".
_CLAIM = re.compile(
    rf"^(?:The\s+)?(?P<a>{_NAME})\s+(?:is|are|was|were|lies|lie)\s+(?:located\s+|situated\s+)?"
    rf"(?:directly\s+|just\s+|immediately\s+|due\s+)?(?P<point>{_POINT})\s+of\s+(?:the\s+)?"
    rf"(?P<b>{_NAME})\W*$"
)
# "Belgium and Luxembourg to the north", "Canada to the north": neighbours before a direction.
_NEIGHBOURS = re.compile(
    rf"(?P<names>{_NAME}(?:(?:,\s+|,?\s+and\s+)(?:the\s+)?{_NAME})*)\s+(?:to|on)\s+(?:the|its)\s+"
    rf"(?P<point>{_POINT})(?:\s+and\s+(?P<point2>{_POINT}))?\b"
)
# "bordered to the north by Canada", "bounded on the south by Mexico".
_BORDERED_BY = re.compile(
    rf"\b(?:to|on)\s+(?:the|its)\s+(?P<point>{_POINT})\s+by\s+(?:the\s+)?(?P<names>{_NAME}"
    rf"(?:(?:,\s+|,?\s+and\s+)(?:the\s+)?{_NAME})*)"
)
# "... lies north of the United States", "located just south of Y".
_OF = re.compile(
    rf"\b(?:directly\s+|just\s+|immediately\s+|due\s+)?(?P<point>{_POINT})\s+of\s+(?:the\s+)?"
    rf"(?P<names>{_NAME})"
)
_SENTENCE_SUBJECT = re.compile(rf"^(?:The\s+)?(?P<name>{_NAME})\s+(?:is|lies|was|borders)\b")
_PRONOUNS = frozenset(("it", "this", "they", "he", "she"))  # "It is bordered by": the title's
# The main part of a place is the place: "Metropolitan France", "Peninsular Spain".
_PART = re.compile(r"^(?:the\s+)?(?:mainland|metropolitan|peninsular|continental|contiguous)\s+")
_LIST_SPLIT = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def claim_direction(text: str) -> tuple[str, str, str] | None:
    """(place, direction, other place) of a claim "X is north of Y", if it states one."""
    match = _CLAIM.match(text.strip())
    if not match:
        return None
    point = match.group("point").lower().replace("-", "")
    return match.group("a"), point, match.group("b").rstrip(".")


def passage_directions(snippet: str, title: str) -> list[tuple[str, str, str]]:
    """The (place, direction, other place) statements of a passage: "A lies <direction> of B"."""
    found: list[tuple[str, str, str]] = []
    for start, end in split_sentences(snippet):
        sentence = snippet[start:end]
        opening = _SENTENCE_SUBJECT.match(sentence)
        anchor = opening.group("name") if opening else ""
        anchor = title if not anchor or anchor.lower() in _PRONOUNS else anchor
        if not anchor:
            continue
        for match in _BORDERED_BY.finditer(sentence):
            point = _point(match.group("point"))
            found += [(name, point, anchor) for name in _names(match.group("names"))]
        for match in _NEIGHBOURS.finditer(sentence):
            names = _names(match.group("names"))
            for group in ("point", "point2"):
                if match.group(group):
                    found += [(name, _point(match.group(group)), anchor) for name in names]
        for match in _OF.finditer(sentence):
            names = _names(match.group("names"))
            found += [(anchor, _point(match.group("point")), name.rstrip(".")) for name in names]
    return found


def judge(claim_text: str, snippet: str, title: str) -> tuple[str, str] | None:
    """(stance, reason) of a passage on a claim "X is north of Y": supports where it states that
    direction between the two (either way round), refutes where it states only the opposite one,
    neutral where it states none (None when the claim states no direction)."""
    claimed = claim_direction(claim_text)
    if claimed is None:
        return None
    a, point, b = claimed
    said = set()  # the directions the passage gives from b to a
    for x, stated, y in passage_directions(snippet, title):
        if _same(x, a) and _same(y, b):
            said.add(stated)
        elif _same(x, b) and _same(y, a):
            said.add(_OPPOSITE[stated])
    if point in said:
        return "supports", f"places {a} {point} of {b}"
    if said and _OPPOSITE[point] in said:
        return "refutes", f"places {a} {_OPPOSITE[point]} of {b}"
    return "neutral", f"states no direction from {b} to {a}"


def _point(word: str) -> str:
    return word.lower().replace("-", "")


def _names(listed: str) -> list[str]:
    """The names of a list ("Belgium and Luxembourg", "Germany, Austria and Switzerland")."""
    return [n.rstrip(".") for n in _LIST_SPLIT.split(listed) if n[:1].isupper()]


def _same(a: str, b: str) -> bool:
    """Whether two names name one place ("the United States", "United States"; a title's
    "(country)" aside)."""
    return _bare(a) == _bare(b)


def _bare(name: str) -> str:
    return _PART.sub("", bare_name(re.sub(r"\s*\([^)]*\)", "", name)))
