"""Text features for claim matching: tweet clean-up, content words and numbers."""

from __future__ import annotations

import re
from functools import lru_cache

from service.extraction.numerals import find_numbers, parse_number
from service.sources.query import STOPWORDS

_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S*", re.IGNORECASE)
_MENTION = re.compile(r"(?<!\w)[@#](\w+)")
# A tweet embed's signature, "— Brad Trost (@BradTrostCPC) December 26, 2019": the author's
# name is kept (fact-checks name who tweeted), the handle and the date are not.
_SIGNATURE = re.compile(r"\s*\(@\w+\)(?:\s*[A-Z][a-z]+\s+\d{1,2},\s*\d{4})?")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Words of tweets and fact-check boilerplate ("A video shows ...") that say nothing of the claim.
_EXTRA_STOPWORD_TEXT = """
rt via amp pic http https www com video photo photos image picture shows show says
viral post posts breaking news just new
"""
EXTRA_STOPWORDS = frozenset(_EXTRA_STOPWORD_TEXT.split())


def _split_tag(match: re.Match[str]) -> str:
    """'#DefundTheCBC' -> 'Defund The CBC', '@JohnnySins' -> 'Johnny Sins'."""
    return _CAMEL.sub(" ", match.group(1))


def normalise(text: str) -> str:
    """A tweet or claim as plain prose: no URLs or dates of signatures, tags split into words."""
    text = text.replace('""', '"')  # TSV-style doubled quotes
    text = _SIGNATURE.sub("", text)
    text = _URL.sub(" ", text)
    text = _MENTION.sub(_split_tag, text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """A light suffix stripper: enough that 'vaccines' meets 'vaccine', 'banned' meets 'ban'."""
    w = word.lower().replace("’", "'")
    w = w.removesuffix("'s")
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + keep
            if not keep and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]  # "bann(ed)" -> "ban", "stopp(ing)" -> "stop"
            break
    else:
        if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
            w = w[:-1]
    return w.removesuffix("e") if len(w) > 4 else w


def content_words(text: str) -> list[str]:
    """Stemmed content words of a normalised text, in order."""
    words = (w for w in _WORD.findall(text) if not w.isdigit())
    return [
        stem(w)
        for w in words
        if len(w) > 1 and w.lower() not in STOPWORDS and w.lower() not in EXTRA_STOPWORDS
    ]


def numbers(text: str) -> set[float]:
    """Values of the numbers a text states (years included)."""
    values = set()
    for _, _, phrase in find_numbers(text):
        try:
            values.add(parse_number(phrase))
        except ValueError:
            continue
    return values
