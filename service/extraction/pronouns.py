"""Pronouns made explicit: "He also said ..." -> "Donald Trump also said ...".

Third person: a "He", "She", "His" or "Her" that opens a sentence (or follows a short opening
phrase with no name in it) becomes the one person the sentence before names. Which person that
is the caller decides, and gives none when there are two or more: the sentence then stays as it
is. Gender is not guessed.

First person, inside a quotation whose speaker is known: "I'm pleased to announce that my
administration has approved ..." -> "Donald Trump's administration has approved ...". Every
"I", "me" and "my" must be rewritable ("I have" -> "X has", "I approved" -> "X approved"), or
the text is kept as it is: half a rewrite reads worse than none.
"""

from __future__ import annotations

import re

from service.extraction.cues import FACTUAL_VERBS
from service.extraction.vocabulary import NOT_NAMES

_OPENING = re.compile(
    r"^(?:(?P<intro>[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,7}),\s+)?"
    r"(?P<pronoun>He|She|His|Her|he|she|his|her)\b(?!['’-])"
)
_PREAMBLE = re.compile(
    r"^(?:I|We)(?:['’]m|\s+am|['’]re|\s+are)\s+(?:(?:very|so|really|truly)\s+)?(?:pleased|"
    r"happy|proud|glad|delighted|honou?red|thrilled|excited)\s+to\s+(?:announce|report|say|"
    r"share|confirm|tell\s+you)(?:\s+that)?,?\s+|^(?:I|We)\s+can\s+(?:now\s+)?(?:announce|confirm|"
    r"report|tell\s+you|say)(?:\s+that)?,?\s+"
)
_FIRST_PERSON = re.compile(r"\b(?:I['’](?:m|ve|ll|d)|I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b")
_AGREEMENT = {"am": "is", "have": "has", "was": "was", "will": "will", "had": "had",
              "can": "can", "could": "could", "would": "would", "should": "should",
              "must": "must", "did": "did", "also": "also", "never": "never"}  # fmt: skip
_CONTRACTIONS = {"m": "is", "ve": "has", "ll": "will"}
_NEXT_WORD = re.compile(r"\s+([\w’'-]+)")


def name_third_person(text: str, person: str) -> str:
    """The text with an opening "He"/"His" replaced by the person (or "Person's")."""
    m = _opening(text)
    if not m:
        return text
    pronoun = m.group("pronoun").lower()
    replacement = person if pronoun in ("he", "she") else f"{person}'s"
    return text[: m.start("pronoun")] + replacement + text[m.end("pronoun") :]


def opens_with_pronoun(text: str) -> bool:
    """Whether the text opens with a third-person pronoun that needs a person."""
    return _opening(text) is not None


def _opening(text: str) -> re.Match[str] | None:
    """The opening pronoun, after a short phrase with no name in it ("On Monday, he ...")."""
    m = _OPENING.match(text)
    if not m or not m.group("intro"):
        return m
    later = m.group("intro").split()[1:]
    plain = all(w[0].islower() or w[0].isdigit() or w.lower() in NOT_NAMES for w in later)
    return m if plain else None


def name_first_person(text: str, speaker: str) -> str:
    """The text with the speaker's "I", "me" and "my" named, or unchanged if any would not be."""
    stripped = _PREAMBLE.sub("", text, count=1)
    pieces, position = [], 0
    for m in _FIRST_PERSON.finditer(stripped):
        replacement = _rewrite(stripped, m, speaker)
        if replacement is None:
            return text
        pieces += [stripped[position : m.start()], replacement[0]]
        position = m.end() + replacement[1]
    named = "".join(pieces) + stripped[position:]
    return named[:1].upper() + named[1:]


def _rewrite(text: str, m: re.Match[str], speaker: str) -> tuple[str, int] | None:
    """The words that replace one first-person word, and how many characters more they eat."""
    word = m.group()
    if word.lower() == "my":
        return f"{speaker}'s", 0
    if word.lower() == "me":
        return speaker, 0
    if word[:1] == "I" and len(word) > 1:
        verb = _CONTRACTIONS.get(word[2:])
        return (f"{speaker} {verb}", 0) if verb else None
    if word != "I":
        return None  # "mine", "myself"
    following = _NEXT_WORD.match(text, m.end())
    if not following:
        return None
    verb = following.group(1)
    if verb.lower() in _AGREEMENT:
        return f"{speaker} {_AGREEMENT[verb.lower()]}", following.end() - m.end()
    if verb.lower() in FACTUAL_VERBS or (verb.islower() and verb.endswith("ed")):
        return speaker, 0
    return None
