"""Names in a text: runs of capitalised words ("Nippon Steel", "Voice of America") and acronyms.

A run breaks at punctuation, a line break, a possessive ("Japan’s") or a hyphenated modifier
("Pittsburgh-based"). Function words that open a run ("The", "Despite") are dropped, and a title
splits a run ("US President Donald Trump" gives "US" and "Donald Trump"). A single word that
opens a sentence is kept only if the text never uses it in lower case ("Trade remains..." with
"trade deficits" elsewhere is not a name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from service.extraction.vocabulary import (
    DEMONYMS,
    NAME_TITLES,
    NOT_NAMES,
    NOT_PERSON,
    SENTENCE_OPENERS,
    TITLE_MODIFIERS,
    word_set,
)

_UPPER = "A-ZÀ-ÖØ-Þ"
# A capitalised word: a dotted acronym ("U.S."), an initial before a capital ("J. K. Rowling")
# or a word. The lookbehind sits after the first letter so the regex engine can skip ahead.
_CAPITAL = (
    rf"[{_UPPER}](?<![\w’'-][{_UPPER}])"
    rf"(?:\.(?:[{_UPPER}]\.)+|\.(?= [{_UPPER}])|[\w’'&-]*\w)?"
)
_CONNECTORS = frozenset(("of", "for", "de", "del", "da", "du", "van", "von", "der", "bin", "al"))
_RUN = re.compile(rf"{_CAPITAL}(?: (?:(?:{'|'.join(_CONNECTORS)}) )?{_CAPITAL})*")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_OPENING = frozenset('.!?:;“‘"…')  # after these, a capitalised word may be an ordinary word
_CLOSING = frozenset("”’)]'")
_NOT_ALONE = NOT_NAMES | DEMONYMS | NAME_TITLES | TITLE_MODIFIERS
_NOT_PERSON = NOT_PERSON | DEMONYMS
# Capitalised words that open a question or a clause, not a name: "Is Putin ...", "Because
# Donald ...", and "I." ("I. Donald"), the pronoun rather than an initial.
_NOT_FIRST_NAMES = word_set("""
    i. is are was were do does did has have had can could would should shall might must
    because unless whereas whether
""")


class Span(NamedTuple):
    """A name and where it stands in the text."""

    name: str
    start: int
    end: int


class _Token(NamedTuple):
    text: str
    start: int
    end: int


def find_entities(text: str) -> list[str]:
    """Names and acronyms in order of first appearance, without repeats."""
    return list(dict.fromkeys(span.name for span in entity_spans(text)))


def entity_spans(text: str) -> list[Span]:
    """Every occurrence of a name, with its span."""
    lower_words: set[str] | None = None
    spans = []
    for run, initial in _runs(text):
        for segment, first in _segments(run):
            if all(_key(token) in _NOT_ALONE for token in segment):
                continue
            if len(segment) == 1:
                word = _key(segment[0])
                if initial and first:
                    lower_words = lower_words or set(_LOWER_WORD.findall(text))
                    if word in lower_words:
                        continue
            start, end = segment[0].start, segment[-1].end
            spans.append(Span(text[start:end], start, end))
    return spans


def is_person_like(name: str) -> bool:
    """Two or three capitalised words, none an acronym or a word of an organisation or place."""
    words = name.split()
    if not 2 <= len(words) <= 3 or words[0].lower() in _NOT_FIRST_NAMES:
        return False
    return all(_is_name_word(word) for word in words)


def _is_name_word(word: str) -> bool:
    acronym = word.isupper() and word.isalpha()  # "US", "VOA"; an initial "J." is fine
    return word[0].isupper() and not acronym and word.lower() not in _NOT_PERSON


def _runs(text: str) -> Iterator[tuple[list[_Token], bool]]:
    """Runs of capitalised words (with connectors), and whether each opens a sentence."""
    for m in _RUN.finditer(text):
        run: list[_Token] = []
        position, initial = m.start(), _opens_sentence(text, m.start())
        for word in m.group().split(" "):
            name, ends_run = _name_part(word)
            run.append(_Token(name, position, position + len(name)))
            position += len(word) + 1
            if ends_run:
                yield run, initial
                run, initial = [], False
        if run:
            yield run, initial


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a capitalised word may just be a sentence's first word (after ". ", ".” ", "“")."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in "\r\n" or text[i] in _OPENING:
        return True
    while i >= 0 and text[i] in _CLOSING:
        i -= 1
    return i >= 0 and text[i] in ".!?…"


def _name_part(token: str) -> tuple[str, bool]:
    """The name in a token, and whether the run must end after it ("Japan’s", "Tokyo-based")."""
    if token.endswith(("’s", "'s")):
        return token[:-2], True
    head, _, tail = token.rpartition("-")
    if head and tail[:1].islower():
        return head, True
    return token, False


def _segments(run: list[_Token]) -> Iterator[tuple[list[_Token], bool]]:
    """Parts of a run between titles, trimmed; the flag tells if a part opens the run."""
    part: list[_Token] = []
    first = True
    for i, token in enumerate(run):
        following = run[i + 1].text.lower() if i + 1 < len(run) else ""
        if _key(token) in NAME_TITLES and following not in NOT_PERSON:
            yield from _trimmed(part, first)
            part, first = [], False
        else:
            part.append(token)
    yield from _trimmed(part, first)


def _trimmed(part: list[_Token], first: bool) -> Iterator[tuple[list[_Token], bool]]:
    """Without function words and connectors in front, or connectors and openers at the end."""
    start, end = 0, len(part)
    # After a title, its qualifiers go too: "Secretary of State Marco Rubio" -> "Marco Rubio".
    leading = NOT_NAMES if first else NOT_NAMES | TITLE_MODIFIERS
    while start < end and (_key(part[start]) in leading or part[start].text in _CONNECTORS):
        start += 1
    while end > start and (
        part[end - 1].text in _CONNECTORS or part[end - 1].text in SENTENCE_OPENERS
    ):
        if _numbers_the_name(part, end - 1, start):
            break  # "World War I": the numeral tells it from "World War II"
        end -= 1
    if start < end:
        yield part[start:end], first and start == 0


def _numbers_the_name(part: list[_Token], i: int, start: int) -> bool:
    """Whether a closing "I" is a name's Roman numeral ("World War I", "Charles I was"), not the
    pronoun after a place ("In Paris I met ...": one name word after a dropped opener)."""
    if part[i].text != "I" or i == start or part[i - 1].text in _CONNECTORS:
        return False
    return i - start >= 2 or start == 0


def _key(token: _Token) -> str:
    return token.text.lower().replace("’", "'")
