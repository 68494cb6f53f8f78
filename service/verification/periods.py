"""Centuries and decades: "built in the 20th century" is confirmed only by that century or a year
in it.

A passage that names no year of the period a claim dates something to cannot confirm it ("The
first walls date to the 7th century BC" for "The Great Wall of China was built in the 20th
century", "born July 20, 1947" for "born in the fifties"), whatever an entailment model makes
of the rest. Naming another period is no denial either (a wall may be built over many
centuries), so such a passage only loses its support.
"""

from __future__ import annotations

import re

from service.verification.ordinals import ORDINAL_NUMBERS

# "the 20th century", "the twentieth century" (not "20th-century Fox": a name's adjective).
_CENTURY = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)|({'|'.join(ORDINAL_NUMBERS)}))\s+century\b", re.I
)
_YEAR_NUMBER = re.compile(r"\b(1\d{3}|20\d{2})\b")
# "the 1950s", "the '50s", "the fifties": a decade a claim may date something to ("the 1900s" may
# be a century: not read).
_DECADE_WORDS = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                 "nineties"]  # fmt: skip
_DECADE = re.compile(
    r"\bthe\s+(?:(?P<full>1\d[1-9]0|20\d0)s|['’](?P<short>\d)0s|"
    rf"(?P<word>{'|'.join(_DECADE_WORDS)}))\b",
    re.I,
)


def unconfirmed_period(claim_text: str, snippet: str) -> str:
    """Why a passage cannot confirm the century or decade a claim dates something to ("built in
    the 20th century", "born in the fifties"): it names neither that period nor a year in it
    ("" if it does, or the claim names none)."""
    for match in _CENTURY.finditer(claim_text):
        century = _century_number(match)
        named = {_century_number(m) for m in _CENTURY.finditer(snippet)}
        years = {int(y) for y in _YEAR_NUMBER.findall(snippet)}
        if century not in named and not any((y - 1) // 100 + 1 == century for y in years):
            return f"gives no year of the {match.group().lower()}"
    return _missing_decade(claim_text, snippet)


def _missing_decade(claim_text: str, snippet: str) -> str:
    """Why a passage cannot confirm the decade a claim dates something to ("born in the
    fifties", "in the 1950s"): it names neither that decade nor a year in it."""
    for match in _DECADE.finditer(claim_text):
        century, decade = _decade_of(match)
        years = {int(y) for y in _YEAR_NUMBER.findall(snippet)}
        named = {_decade_of(m) for m in _DECADE.finditer(snippet)}
        in_it = any(
            (y // 10) % 10 == decade and (century is None or y // 100 == century) for y in years
        )
        same = any(d == decade and None in (c, century) or (c, d) == (century, decade)
                   for c, d in named)  # fmt: skip
        if not in_it and not same:
            return f"gives no year of {match.group().lower()}"
    return ""


def _decade_of(match: re.Match) -> tuple[int | None, int]:
    """(century, decade digit) of "the 1950s" (19, 5), "the '50s" or "the fifties" (None, 5)."""
    if match.group("full"):
        return int(match.group("full")[:2]), int(match.group("full")[2])
    if match.group("short"):
        return None, int(match.group("short"))
    return None, _DECADE_WORDS.index(match.group("word").lower()) + 2


def _century_number(match: re.Match) -> int:
    digits, spelled = match.group(1), match.group(2)
    return int(digits) if digits else ORDINAL_NUMBERS[spelled.lower()]
