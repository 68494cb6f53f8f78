"""A piece of a sentence: the span of one fact, and its text made to read as a sentence."""

from __future__ import annotations

from typing import NamedTuple

QUOTE_MARKS = '“”"‘’'


class Piece(NamedTuple):
    """A fact of a sentence: its span in the sentence, and its text made to stand alone."""

    start: int
    end: int
    text: str
    content: bool = False  # what the sentence's speaker says ("saying ...", "“...,” X said")
    quoted: bool = False  # the piece is the inside of a quotation
    origin: int | None = None  # where in the sentence its text begins, if not at `start`:
    # "approved Y" of "Japan pledged X and approved Y" reads "Japan approved Y" (origin 0)

    @property
    def text_start(self) -> int:
        """Where in the sentence the piece's text begins."""
        return self.start if self.origin is None else self.origin


def whole(sentence: str) -> Piece:
    """The whole sentence as its only piece."""
    return Piece(0, len(sentence), sentence)


def trim_end(sentence: str, start: int, end: int) -> int:
    """The end of a span without trailing spaces, commas and quotation marks."""
    while end > start and (sentence[end - 1].isspace() or sentence[end - 1] in ",;" + QUOTE_MARKS):
        end -= 1
    return end


def final_mark(sentence: str) -> str:
    """The sentence's own final punctuation ("." by default)."""
    stripped = sentence.rstrip(QUOTE_MARKS + " )")
    return stripped[-1] if stripped and stripped[-1] in ".!?" else "."


def as_sentence(fragment: str, sentence: str) -> str:
    """A fragment with a capital and the sentence's final punctuation, to read as a sentence."""
    fragment = fragment.strip()
    if fragment and fragment[-1] not in ".!?":
        fragment += final_mark(sentence)
    return fragment[:1].upper() + fragment[1:]
