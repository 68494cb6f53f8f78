"""Numbers written in digits or words ("1.5 billion", "3,000", "two million") and their values."""

from __future__ import annotations

import re
from collections.abc import Iterator

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
ABBREVIATIONS = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9,
    "t": 1e12, "tn": 1e12, "trn": 1e12,
}  # fmt: skip

_WORD = "|".join(sorted(UNITS, key=len, reverse=True))
_SCALE = "|".join(SCALES)
# Both cases spelt out, not re.IGNORECASE: a case-sensitive alternation of literals lets the
# regex engine skip ahead by first letter, which makes the pass several times faster.
_FIRST_WORDS = "|".join(
    sorted([*UNITS, *SCALES, *(w.capitalize() for w in (*UNITS, *SCALES))], key=len, reverse=True)
)
# The lookbehind after the first digit keeps digits that belong to a token out ("F-35", "G7").
DIGIT_NUMBER = re.compile(
    rf"\d(?<![\w.,-]\d)(?:\d{{0,2}}(?:,\d{{3}})+|\d*)(?:\.\d+)?(?!\d|,\d)"
    rf"(?:\s+(?i:{_SCALE})\b)*"
)
WORD_NUMBER = re.compile(rf"(?:{_FIRST_WORDS})\b(?:[\s-]+(?i:{_WORD}|{_SCALE})\b)*")
_ARTICLE = re.compile(r"(?<![\w-])[Aa]n?\s+$")


def find_numbers(text: str) -> Iterator[tuple[int, int, str]]:
    """Spans and texts of numbers in digits ("3,000", "1.5 billion") or words ("two million")."""
    for m in DIGIT_NUMBER.finditer(text):
        yield m.start(), m.end(), m.group()
    for m in WORD_NUMBER.finditer(text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "-'’"):
            continue  # inside a word: "someone", "often"
        if m.group().split()[0].lower() in SCALES:
            article = _ARTICLE.search(text, max(0, start - 4), start)
            if not article:
                continue  # a bare "million" is not a number; "a million" is
            start = article.start()
        yield start, m.end(), text[start : m.end()]


def parse_number(phrase: str) -> float:
    """The value of a number phrase from find_numbers ("1.5 billion" -> 1.5e9)."""
    tokens = re.split(r"[\s-]+", phrase.lower().strip())
    first = tokens[0].replace(",", "")
    if first[:1].isdigit():
        value = float(first)
        for token in tokens[1:]:
            value *= SCALES.get(token, 1.0)
        return value
    return _parse_words(tokens)


def _parse_words(tokens: list[str]) -> float:
    total, current = 0.0, 0.0
    for token in tokens:
        if token in ("a", "an"):
            current = 1.0
        elif token in UNITS:
            current += UNITS[token]
        elif token == "hundred":
            current = max(current, 1.0) * 100
        elif token in SCALES:
            total += max(current, 1.0) * SCALES[token]
            current = 0.0
    return total + current


def has_scale(phrase: str) -> bool:
    """Whether a number phrase carries a scale word ("two million", "1.5 billion")."""
    return any(token in SCALES for token in re.split(r"[\s-]+", phrase.lower()))
