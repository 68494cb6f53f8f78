"""Do the numbers and dates of a claim agree with those of a passage?

Each quantity becomes an interval: its value, plus half a unit of its last written digit ("$15
billion" means 14.5-15.5 billion), widened by a hedge in front of it ("nearly", "about": 10%;
"more than", "at least": open above; "less than", "up to": open below). Two quantities agree when
their intervals meet, except that a bound confirms only a claim bounded the same way: "over 41
million" allows 300 million without confirming it (neither agreement nor contradiction).
Years and dates agree when they match at the precision of the coarser one; a year or date that
stands for a range ("before 2006", "the 1990s"), like a number that is one end of a range
("between 75% and 90%"), is not compared.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from service.domain import Quantity
from service.verification.lexicon import content_terms, stem

HEDGE_WIDTH = 0.10
_WINDOW = 24  # characters before a quantity searched for a hedge
_NEIGHBOURHOOD = 50  # characters either side of a quantity that say what it measures
_TAIL = r"\s*(?:[$€£¥]|us\$|usd|eur)?\s*$"  # the currency may sit outside the quantity's text
_APPROX = re.compile(
    r"\b(?:nearly|almost|about|around|approximately|roughly|some|close to|circa|ca\.|an estimated|"
    r"estimated|just under|just over)" + _TAIL
)
_AT_LEAST = re.compile(
    r"\b(?:more than|over|at least|upwards of|exceeding|above|in excess of)" + _TAIL
)
_AT_MOST = re.compile(r"\b(?:less than|fewer than|under|up to|at most|below|no more than)" + _TAIL)
# A year or date with these around it is a range ("before 2006", "the 1990s"), not a point.
_RANGE_BEFORE = re.compile(
    r"\b(?:before|after|by|since|until|till|prior to|as of|earlier than|later than|from|"
    r"between|and|to|through|or)\s+(?:the\s+)?(?:early\s+|mid\s+|late\s+)?$"
)
_BOUND_BEFORE = re.compile(r"\b(?:between|from|and|to|or)" + _TAIL)
_RANGE_AFTER = re.compile(r"^(?:'?s\b|’s\b|\s+or\s+(?:later|earlier|before|after)|\s+onwards?)")
_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_TEMPORAL = ("date", "year")


@dataclass(frozen=True)
class Match:
    """A claim quantity paired with the passage quantity that agrees or disagrees with it."""

    claim: Quantity
    passage: Quantity


@dataclass(frozen=True)
class Agreement:
    """Quantities of the claim that the passage confirms, and those it contradicts."""

    agrees: tuple[Match, ...] = ()
    disagrees: tuple[Match, ...] = ()
    allowed: tuple[Match, ...] = ()  # within a passage's bound, neither confirmed nor denied
    # Another bare count of the same thing ("almost 123 million" for "about 50 million"): too
    # ambiguous to deny the claim with, but no confirmation either.
    differs: tuple[Match, ...] = ()


def compare(
    claim_quantities: Sequence[Quantity],
    claim_text: str,
    passage_quantities: Sequence[Quantity],
    passage_text: str,
) -> Agreement:
    """Pair each claim quantity with a comparable passage quantity: one that agrees, else one that
    disagrees and is about the same thing (their neighbouring words meet); a claim quantity with
    no such passage quantity is left out. A year that agrees excuses the claim's other years."""
    agrees: list[Match] = []
    disagrees: list[Match] = []
    allowed: list[Match] = []
    differs: list[Match] = []
    for cq in claim_quantities:
        candidates = [pq for pq in passage_quantities if comparable(cq, pq)]
        if not candidates or _ranged(cq, claim_text):
            continue
        claim_span = interval(cq, claim_text)
        anchor = _neighbours(cq, claim_text)
        related = [pq for pq in candidates if anchor & _neighbours(pq, passage_text)]
        # A date is the date of what it sits by: "born 22 November 1948 ... after graduating on
        # November 22nd, 1968" gives no 1968 birth. Where the passage dates the claim's event,
        # only the dates whose surroundings share most with the claim's are compared.
        temporal = cq.kind in _TEMPORAL
        dated = _closest_context(cq, claim_text, candidates, passage_text) if temporal else []
        related = dated or related
        pool = dated or candidates
        agreeing = [pq for pq in pool if _meets(claim_span, cq, pq, passage_text)]
        pinned = [pq for pq in agreeing if _pins(claim_span, cq, pq, passage_text)]
        if pinned:
            agrees.append(Match(cq, pinned[0]))
            continue
        if agreeing:  # within a bound ("over 41 million" for 300 million): neither way
            allowed.append(Match(cq, agreeing[0]))
            continue
        if related:
            (disagrees if _refutable(cq) else differs).append(Match(cq, _closest(cq, related)))
    if any(m.claim.kind in _TEMPORAL for m in agrees):
        # "IPCC (2013), USGCRP (2017)": the passage dates one event; the others are not denied.
        disagrees = [m for m in disagrees if m.claim.kind not in _TEMPORAL]
    return Agreement(tuple(agrees), tuple(disagrees), tuple(allowed), tuple(differs))


def comparable(a: Quantity, b: Quantity) -> bool:
    """Same kind and unit (years compare with dates; counted nouns compare by stem)."""
    if a.kind in _TEMPORAL and b.kind in _TEMPORAL:
        return _iso(a) is not None and _iso(b) is not None
    if a.kind != b.kind or a.value is None or b.value is None:
        return False
    if a.kind == "count":
        # A bare count ("killed 12") may be compared with a counted one, nouns must otherwise meet.
        return a.unit is None or b.unit is None or stem(a.unit) == stem(b.unit)
    return (a.unit or "").upper() == (b.unit or "").upper()


def interval(q: Quantity, text: str) -> tuple[float, float]:
    """The range of values a written quantity stands for, given the words before it."""
    value = float(q.value or 0.0)
    spread = max(_half_unit(q), abs(value) * 0.005)
    before = _context_before(q, text)
    low, high = value - spread, value + spread
    if _AT_LEAST.search(before):
        return value - max(spread, abs(value) * HEDGE_WIDTH), math.inf
    if _AT_MOST.search(before):
        return -math.inf, value + max(spread, abs(value) * HEDGE_WIDTH)
    if _APPROX.search(before):
        width = max(spread, abs(value) * HEDGE_WIDTH)
        low, high = value - width, value + width
    return low, high


def _meets(claim_span: tuple[float, float], cq: Quantity, pq: Quantity, passage: str) -> bool:
    if cq.kind in _TEMPORAL:
        a, b = _iso(cq) or "", _iso(pq) or ""
        n = min(len(a), len(b))
        return a[:n] == b[:n]
    low, high = interval(pq, passage)
    return claim_span[0] <= high and low <= claim_span[1]


def _pins(claim_span: tuple[float, float], cq: Quantity, pq: Quantity, passage: str) -> bool:
    """Whether a passage quantity that meets the claim's confirms it: a bound ("more than 100")
    confirms only a claim bounded the same way, not a value it merely allows."""
    if cq.kind in _TEMPORAL:
        return True
    low, high = interval(pq, passage)
    # A passage's bound confirms a claim's bound only if it is at least as tight: "over 213
    # million" confirms "more than 100 million", not "more than 1 billion" nor "300 million".
    if high == math.inf:
        return claim_span[1] == math.inf and low >= claim_span[0]
    if low == -math.inf:
        return claim_span[0] == -math.inf and high <= claim_span[1]
    return True


def _refutable(q: Quantity) -> bool:
    # A bare count without a noun is too ambiguous to accuse a claim with.
    return not (q.kind == "count" and not q.unit)


def _ranged(q: Quantity, text: str) -> bool:
    """A quantity that is one end of a range ("before 2006", "the 1990s", "between 75% and
    90%"): not compared, as its value alone is not what the claim states."""
    before = _context_before(q, text)
    if q.kind not in _TEMPORAL:
        return bool(_BOUND_BEFORE.search(before))
    end = _locate(q, text) + len(q.text)
    return bool(_RANGE_BEFORE.search(before) or _RANGE_AFTER.match(text[end:]))


def _closest(cq: Quantity, candidates: list[Quantity]) -> Quantity:
    return min(candidates, key=lambda pq: abs(_magnitude(pq) - _magnitude(cq)))


def _magnitude(q: Quantity) -> float:
    if q.kind in _TEMPORAL:
        return float((_iso(q) or "0").lstrip("-")[:4])
    return float(q.value or 0.0)


def _iso(q: Quantity) -> str | None:
    """The ISO form of a year or date ("2019", "2019-03", "2019-03-05")."""
    if q.unit and re.match(r"^-?\d{1,4}(?:-\d\d){0,2}$", q.unit):
        return q.unit
    if q.kind == "year" and q.value is not None:
        return str(int(q.value))
    return None


def _half_unit(q: Quantity) -> float:
    """Half a unit of the last written digit, scaled like the value ("1.5 billion" -> 0.05e9)."""
    match = _NUMBER.search(q.text)
    if not match or q.value is None:
        return 0.0
    written = float(match.group().replace(",", ""))
    if written == 0:
        return 0.0
    decimals = len(match.group(1) or "")
    return 0.5 * 10.0**-decimals * abs(float(q.value) / written)


def _context_before(q: Quantity, text: str) -> str:
    start = _locate(q, text)
    if start < 0:
        return ""
    return text[max(0, start - _WINDOW) : start].lower()


def _neighbours(q: Quantity, text: str) -> set[str]:
    """Content stems in the few words around a quantity: what it measures."""
    start = _locate(q, text)
    if start < 0:
        return set()
    window = text[max(0, start - _NEIGHBOURHOOD) : start + len(q.text) + _NEIGHBOURHOOD]
    unit = {stem(q.unit)} if q.unit and q.kind == "count" else set()
    return set(content_terms(window)) - unit


def _closest_context(claim: Quantity, claim_text: str, quantities: list[Quantity], text: str):
    """The passage quantities whose next words, in their own sentence, share the most with the
    claim quantity's ("born 1947" for "was born in 1969", not "In 1969 he played"); none if
    none shares any."""
    anchor = _event_words(claim, claim_text)
    shared = [len(anchor & _event_words(q, text)) for q in quantities]
    best = max(shared, default=0)
    return [q for q, n in zip(quantities, shared, strict=True) if n == best and best]


def _event_words(q: Quantity, text: str) -> set[str]:
    """Content stems of the three words either side of a quantity, within its sentence."""
    start = _locate(q, text)
    if start < 0:
        return set()
    before = re.split(r"[.;!?]\s", text[max(0, start - 60) : start])[-1]
    after = re.split(r"[.;!?]\s", text[start + len(q.text) : start + len(q.text) + 60])[0]
    words = [*content_terms(before).keys()][-3:] + [*content_terms(after).keys()][:3]
    return set(words)


def _locate(q: Quantity, text: str) -> int:
    """Where the quantity sits in the text (its span, or its first occurrence, or -1)."""
    return q.start if text[q.start : q.end] == q.text else text.find(q.text)
