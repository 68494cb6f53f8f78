"""Sentence spans: a regex for candidate ends, then an abbreviation guard decides.

A line break always ends a sentence, and a bullet's marker ("- ", "• ", "1. ") is left out of
its span. Inside a line, a ".", "!", "?" or "…" (with any closing quotes or brackets after it)
followed by white space ends a sentence unless the next word starts in lower case or the word
before is an abbreviation. Abbreviations that can also end a sentence ("U.S.", "Inc.", "etc.",
an initial) end one only when the next word is a usual sentence opener ("The", "He", "But"...):
cheap, and better than merging every "...in the U.S. The..." with what follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from service.extraction.vocabulary import (
    END_ABBREVIATIONS,
    NUMBER_ABBREVIATIONS,
    SENTENCE_OPENERS,
    TITLES,
)

_LINE = re.compile(r"[^\r\n\u2028\u2029]+")
_BULLET = re.compile(r"\s*(?:[-–—•*·▪◦‣>]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")
_END = re.compile(r"(?:[.!?…]+)[\"'”’)\]]*(?=\s|$)")
_WORD_BEFORE = re.compile(r"[^\s\"'“‘(\[]*$")
_NEXT_WORD = re.compile(r"\s*[\"'“‘(\[]*([^\s\"'”’)\],;:.!?]*)")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_ALWAYS_INSIDE = frozenset(("e.g", "i.e", "cf", "vs", "viz", "approx", "ca"))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of a text, trimmed: text[start:end] is the sentence."""
    spans = []
    for line in _LINE.finditer(text):
        start = line.start()
        bullet = _BULLET.match(text, start, line.end())
        if bullet:
            start = bullet.end()
        spans.extend(_line_sentences(text, start, line.end()))
    return spans


def _line_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentences of one line (a line break always ends a sentence)."""
    sentence_start = start
    for m in _END.finditer(text, start, end):
        if m.end() < end and _ends_sentence(text, m, end):
            span = _trim(text, sentence_start, m.end())
            if span:
                yield span
            sentence_start = m.end()
    span = _trim(text, sentence_start, end)
    if span:
        yield span


def _ends_sentence(text: str, end_mark: re.Match[str], line_end: int) -> bool:
    """Whether the punctuation ends a sentence, judging by the words on both sides of it."""
    following = _NEXT_WORD.match(text, end_mark.end(), line_end).group(1)
    if not following or following[0].islower():
        return False
    mark = end_mark.group()
    if "?" in mark or "!" in mark or "…" in mark or ".." in mark:
        return True
    word = _WORD_BEFORE.search(text, max(0, end_mark.start() - 40), end_mark.start()).group()
    return _after_word(word, following)


def _after_word(word: str, following: str) -> bool:
    """The abbreviation guard: does a sentence end after `word.` when `following` comes next?"""
    key = word.lower()
    if key in TITLES or key in _ALWAYS_INSIDE:
        return False
    if key in NUMBER_ABBREVIATIONS and following[0].isdigit():
        return False
    if key in END_ABBREVIATIONS or key in NUMBER_ABBREVIATIONS or _is_initial(word):
        # "J. A. Smith": after a single initial, a one-letter opener is another initial.
        return following in SENTENCE_OPENERS and (len(following) > 1 or len(word) > 1)
    return True


def _is_initial(word: str) -> bool:
    """ "J" of "J. K. Rowling", "U.S" of "U.S.", "a.m" of "a.m."."""
    return (len(word) == 1 and word.isalpha()) or bool(_DOTTED.fullmatch(word))


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without white space around it; None if it holds no letter or digit."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return None
    return start, end
