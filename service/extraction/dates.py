"""Dates ("February 7, 2025", "7 Feb 2025", "2025-02-07", "March 2024") and years ("in 1999")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from service.domain import Quantity

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
FIRST_YEAR, LAST_YEAR = 1700, 2199

# Month names are matched case-sensitively: "may" and "march" are also common lower-case words.
_MONTH = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})(?![\d%])"
# Patterns open with a literal or a digit (no leading \b or lookbehind) so that the regex engine
# can skip ahead to candidates; the boundary is checked after the first character instead.
_MONTH_FIRST = re.compile(rf"(?P<month>{_MONTH})\b\.?(?:\s+{_DAY}\b)?(?:,?\s+{_YEAR})?")
_DAY_FIRST = re.compile(
    rf"\d(?<![\w.,$]\d)\d?(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})\b\.?(?:,?\s+{_YEAR})?"
)
_ISO = re.compile(r"\d(?<![\d-]\d)\d{3}-(?P<month>\d\d)-(?P<day>\d\d)(?![\d-])")
_FOUR_DIGITS = re.compile(r"\d(?<!\d\d)\d{3}(?!\d)")
_GLUE_BEFORE = set("$€£¥₹₩₽.,:/+#_@")


def find_dates(text: str) -> list[Quantity]:
    """Calendar dates and stand-alone years, possibly overlapping (the caller resolves that)."""
    found = [*_month_first(text), *_day_first(text), *_iso_dates(text)]
    found.extend(_years(text))
    return found


def _month_first(text: str) -> Iterator[Quantity]:
    for m in _MONTH_FIRST.finditer(text):
        start, day, year = m.start(), m.group("day"), m.group("year")
        if (start and text[start - 1].isalnum()) or not (day or year):
            continue
        if day:
            iso = _iso(year, MONTHS[m.group("month").lower()], int(day))
        elif FIRST_YEAR <= int(year) <= LAST_YEAR:
            iso = f"{year}-{MONTHS[m.group('month').lower()]:02d}"
        else:
            iso = None
        if iso:
            yield Quantity(m.group(), start, m.end(), "date", None, iso)


def _day_first(text: str) -> Iterator[Quantity]:
    for m in _DAY_FIRST.finditer(text):
        day = int(re.match(r"\d+", m.group()).group())
        iso = _iso(m.group("year"), MONTHS[m.group("month").lower()], day)
        if iso:
            yield Quantity(m.group(), m.start(), m.end(), "date", None, iso)


def _iso_dates(text: str) -> Iterator[Quantity]:
    for m in _ISO.finditer(text):
        iso = _iso(m.group()[:4], int(m.group("month")), int(m.group("day")))
        if iso:
            yield Quantity(m.group(), m.start(), m.end(), "date", None, iso)


def _years(text: str) -> Iterator[Quantity]:
    for m in _FOUR_DIGITS.finditer(text):
        year = int(m.group())
        if FIRST_YEAR <= year <= LAST_YEAR and _stands_alone(text, m.start(), m.end()):
            yield Quantity(m.group(), m.start(), m.end(), "year", float(year), m.group())


def _iso(year: str | None, month: int, day: int) -> str | None:
    """YYYY-MM-DD, or --MM-DD (ISO 8601's form without a year) when no year is written."""
    try:
        date(int(year) if year else 2000, month, day)  # 2000 is a leap year: Feb 29 passes
    except ValueError:
        return None
    if year and not FIRST_YEAR <= int(year) <= LAST_YEAR:
        return None
    return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _stands_alone(text: str, start: int, end: int) -> bool:
    """A year, not part of an amount, a decimal, a code or a phone number ("$2027", "555-2027")."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or before in _GLUE_BEFORE:
        return False
    if before == "-" and not _is_year_at(text, start - 5):  # "2020-2024" is a range of years
        return False
    if after.isalnum() or after in "%_":
        return False
    following = text[end + 1 : end + 2]
    if after in ".,:/" and following.isdigit():
        return False
    return not (after == "-" and following.isdigit() and not _is_year_at(text, end + 1))


def _is_year_at(text: str, start: int) -> bool:
    token = text[start : start + 4] if start >= 0 else ""
    return len(token) == 4 and token.isdigit() and not text[start + 4 : start + 5].isdigit()
