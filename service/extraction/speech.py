"""Who speaks in each sentence, and how: a quotation, reported speech, or the article itself.

The speaker of a sentence is the one its attribution names (see claimant.py); inside a quotation
that spans sentences it is the speaker of the whole quotation, whether the attribution comes
before it ("Trump said: “A. B.”") or after it ("“A. B,” Trump said."); a quotation left open
ends with its paragraph unless the next paragraph opens with a quotation mark. "He" or "She" is
the person the sentence before names as its subject when it names no one else, or the speaker
of the last few sentences when it names nobody; otherwise nobody (a wrong speaker is worse than
none). Names come out in full ("Trump" -> "Donald Trump") when the text allows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from service.extraction.claimant import PRONOUNS, attribute
from service.extraction.people import People

QUOTE, REPORTED, AUTHOR = "quote", "reported", "author"
SPEAKER_MEMORY = 3  # how many sentences back a "He said" may reach for the last speaker
QUOTED_SHARE = 0.4  # an attributed sentence this much inside quotation marks is a quotation
WHOLLY_QUOTED = 0.9  # ...and this much, even when it does not say whose
_QUOTE_MARK = re.compile(r'[“”"]')


class Voice(NamedTuple):
    """Who makes a sentence's claim (None: the article, or a speaker it leaves unclear), and how.

    kind: quote (the speaker's words in quotation marks), reported (attributed without quoting),
    author (the article's own statement).
    """

    claimant: str | None
    kind: str
    inside_quote: bool = False  # the sentence goes on a quotation opened before it


class Reading(NamedTuple):
    """What voices() needs to know of each sentence besides its words."""

    persons: tuple[str, ...]  # the people it names, in full
    subject: str | None  # the one person it names as its subject
    new_paragraph: bool  # it opens a paragraph


def voices(
    sentences: Sequence[str], readings: Sequence[Reading], people: People
) -> tuple[list[Voice], list[str | None]]:
    """The voice of each sentence, and the speaker of the few sentences before each."""
    speakers: list[str | None] = []
    recents: list[str | None] = []
    attributed: list[bool] = []
    inside: list[bool] = []
    quotation = _Quotation()
    for i, sentence in enumerate(sentences):
        if readings[i].new_paragraph and not sentence.startswith(("“", '"')):
            quotation = _Quotation()  # a quotation ends with its paragraph, unless it reopens
        inside.append(quotation.open)
        recents.append(next((s for s in reversed(speakers[-SPEAKER_MEMORY:]) if s), None))
        named = attribute(sentence)
        attributed.append(named is not None)
        if named and named.lower() in PRONOUNS:
            named = pronoun_antecedent(readings[i - 1] if i else None, recents[i])
        speakers.append((people.canonical(named) if named else None) or quotation.speaker)
        quotation.read(sentence, speakers)
    found = zip(sentences, speakers, attributed, inside, strict=True)
    return [_voice(*each) for each in found], recents


class _Quotation:
    """The quotation being read: whether it is open, its speaker, and its sentences so far."""

    def __init__(self) -> None:
        self.open = False
        self.speaker: str | None = None
        self.sentences: list[int] = []

    def read(self, sentence: str, speakers: list[str | None]) -> None:
        """Take in the last sentence; "“A. B,” Trump said." makes A Trump's too."""
        i, still_open = len(speakers) - 1, quote_open_after(sentence, self.open)
        if self.open or still_open:
            self.sentences.append(i)
        if self.open and not still_open and speakers[i]:
            for j in self.sentences:
                speakers[j] = speakers[j] or speakers[i]
        if still_open and not self.open:
            self.speaker = speakers[i]
        if not still_open:
            self.speaker, self.sentences = None, []
        self.open = still_open


def pronoun_antecedent(previous: Reading | None, recent: str | None) -> str | None:
    """Whom an opening "He" means: the subject of the sentence before, if it names one person
    and no other; the last speaker if it names nobody; else nobody."""
    if previous is not None and previous.persons:
        return previous.subject
    return recent


def only(persons: Sequence[str]) -> str | None:
    """The one person of a list, or None when there are none or several."""
    return persons[0] if len(persons) == 1 else None


def quote_open_after(sentence: str, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of the sentence."""
    opened, closed = sentence.count("“"), sentence.count("”")
    if opened or closed:
        return opened > closed or (open_before and opened == closed)
    return open_before != (sentence.count('"') % 2 == 1)


def quoted_share(sentence: str, open_before: bool) -> float:
    """The share of a sentence's characters inside quotation marks."""
    inside, count = open_before, 0
    for ch in sentence:
        if ch in '“”"':
            inside = ch == "“" or (ch == '"' and not inside)
        elif inside:
            count += 1
    return count / len(sentence) if sentence else 0.0


def _voice(sentence: str, speaker: str | None, attributed: bool, inside: bool) -> Voice:
    """A sentence's voice: a quotation when mostly quoted, reported when attributed at all."""
    if inside:
        return Voice(speaker, QUOTE, inside)
    share = quoted_share(sentence, inside) if _QUOTE_MARK.search(sentence) else 0.0
    if share >= WHOLLY_QUOTED or ((speaker or attributed) and share >= QUOTED_SHARE):
        return Voice(speaker, QUOTE, inside)
    return Voice(speaker, REPORTED if speaker or attributed else AUTHOR, inside)
