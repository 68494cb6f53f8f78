"""Passages from document text: sentences, the lead, and the sentences most relevant to a query."""

from __future__ import annotations

import html
import re

MAX_CHARS = 400
MAX_SENTENCES = 3

# A sentence ends at . ! ? (and closing quotes/brackets) before whitespace and a capital, digit or
# quote, unless the word before the dot is an abbreviation or an initial ("U.S.", "Dr.", "J.").
_BOUNDARY = re.compile(r"[.!?][\"')\]”’]*(\s+)(?=[\"'(“‘\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"\b(?:[A-Za-z]|Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Mt|Gen|Gov|Sen|Rep|Rev|Inc|Ltd|Co|Corp|No|vs|etc"
    r"|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$"
)
_PRONOUN_START = re.compile(r"(?:It|Its|He|His|She|Her|They|Their|This|These|Those)\b")
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


def strip_html(text: str) -> str:
    """Plain text: tags removed, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def split_sentences(text: str) -> list[str]:
    """The sentences of a plain text, in order."""
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        sentence = text[start : match.start(1)]
        if _ABBREVIATION.search(sentence.rstrip("\"')]”’")):
            continue
        sentences.append(sentence.strip())
        start = match.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def truncate(text: str, max_chars: int = MAX_CHARS) -> str:
    """The text cut on a word boundary to at most `max_chars` characters (with an ellipsis)."""
    if len(text) <= max_chars:
        return text
    cut = text[: max_chars - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def lead_passage(text: str, max_chars: int = MAX_CHARS) -> str:
    """The first sentences of a text that fit in `max_chars` (at least the first, truncated)."""
    sentences = split_sentences(" ".join(text.split()))
    if not sentences:
        return ""
    passage = sentences[0]
    for sentence in sentences[1:]:
        if len(passage) + 1 + len(sentence) > max_chars:
            break
        passage += " " + sentence
    return truncate(passage, max_chars)


def _stem(word: str) -> str:
    """A crude stem so "tariffs" meets "tariff" and "acquired" meets "acquire"."""
    word = word.lower()
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def best_passage(text: str, query: str, max_chars: int = MAX_CHARS) -> str:
    """The 1-3 consecutive sentences of `text` that cover the most query words, within max_chars.

    Ties go to the shorter window, then to the earlier one; with no match, the lead.
    """
    terms = {_stem(w) for w in _WORD.findall(query)}
    sentences = split_sentences(" ".join(text.split()))
    covers = [{_stem(w) for w in _WORD.findall(s)} & terms for s in sentences]
    best: tuple[int, int, int] | None = None  # (-covered, window size, start)
    for start in range(len(sentences)):
        for size in range(1, MAX_SENTENCES + 1):
            window = sentences[start : start + size]
            if len(window) < size or (size > 1 and len(" ".join(window)) > max_chars):
                break
            covered = len(set().union(*covers[start : start + size]))
            key = (-covered, size, start)
            if covered and (best is None or key < best):
                best = key
    if best is None:
        return lead_passage(text, max_chars)
    _, size, start = best
    window = sentences[start : start + size]
    # "It was built in 1889." needs the sentence before it to say what "it" is.
    if start and size < MAX_SENTENCES and _PRONOUN_START.match(window[0]):
        extended = [sentences[start - 1], *window]
        if len(" ".join(extended)) <= max_chars:
            window = extended
    return truncate(" ".join(window), max_chars)
