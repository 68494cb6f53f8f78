"""The stance of a structured, time-scoped statement (Wikidata) towards a claim, as of a date.

Evidence with `relation` and `value` says "value is (the) relation" between `valid_from`
(inclusive) and `valid_until` (exclusive), at the precision of those ISO dates. The claim is read
for the relation (the source picked the wording closest to the claim's), the holder it names and
its tense ("X is the R", "R X", "X, the R" present; "X was the R", "former R X" past):

- a statement current at `as_of` whose holder the claim names supports a present-tense claim;
- a statement naming the claim's holder that ended before `as_of` refutes a claim that says, in
  the present tense, that the holder is so (the term is over); one that starts after `as_of`
  does not count as current: neutral;
- a different current holder of a single-valued relation (head of government, capital...)
  refutes a present-tense claim naming someone else;
- a past-tense claim is supported by any statement that began before `as_of`.

An apposition ("Japanese Prime Minister Shigeru Ishiba met ...") presupposes the title rather
than asserting it, so it gets weaker strengths that cannot decide a verdict alone.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from service.domain import Claim, Evidence
from service.verification.lexicon import STOPWORDS
from service.verification.stance import StanceResult

CURRENT, PAST, FUTURE, UNKNOWN = "current", "past", "future", "unknown"
# (copula, apposition) strengths; apposition stays under the verdict's minimums on its own.
SUPPORT = (0.9, 0.55)
REFUTE = (0.9, 0.7)
ENDED = 0.88
# Relevance: the claim names the relation and its holder / the relation only / not even that.
NAMED, ON_TOPIC, OFF_TOPIC = 0.8, 0.6, 0.2

_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_VERB = (
    r"is|was|has\s+been|had\s+been|became|becomes|remains|remained|will\s+be|'s|’s|as|serves\s+as"
    r"|served\s+as"
)
_ADJECTIVE = r"current|former|new|sitting|then|incumbent|acting|outgoing|incoming|late"
_BEFORE = re.compile(rf"(?P<name>{_NAME})\s*,?\s*(?:(?P<verb>{_VERB})\s+)?(?:(?:the|a|an)\s+)?$")
_MODIFIER = re.compile(rf"\b(?P<adj>{_ADJECTIVE})\s+$", re.IGNORECASE)
_AFTER = re.compile(rf"^\s*,?\s*(?P<name>{_NAME})")
_PAST_VERBS = {"was", "had been", "became", "remained", "served as"}


@dataclass(frozen=True)
class _Reading:
    """Who the claim says holds the relation, how it says it, and in which tense."""

    holder: str | None
    copular: bool
    past: bool


def validity(as_of: date, valid_from: str | None, valid_until: str | None) -> str:
    """current / past / future / unknown: where `as_of` falls in the statement's interval."""
    if valid_from:
        first, last = _bounds(valid_from)
        if as_of < first:
            return FUTURE
        if as_of < last:
            return UNKNOWN  # within the start's imprecision (a year, a month)
    if valid_until:
        first, last = _bounds(valid_until)
        if as_of >= last:
            return PAST
        if as_of >= first:
            return UNKNOWN
    return CURRENT


def assess_statement(claim: Claim, evidence: Evidence, as_of: date) -> StanceResult | None:
    """The stance of a statement evidence (None for other evidence; see the module's rules)."""
    if not evidence.relation or not evidence.value:
        return None
    span = find_phrase(claim.text, evidence.relation)
    if span is None:
        reason = f"is about the {evidence.relation}, which the claim does not mention"
        return StanceResult("neutral", 0.0, reason, OFF_TOPIC)
    reading = _read(claim.text, span)
    when = validity(as_of, evidence.valid_from, evidence.valid_until)
    said = _statement_text(evidence)  # a verb phrase: "lists X as R from A to B"
    named = reading.holder is not None and _same_person(reading.holder, evidence.value)
    if reading.holder is None and find_phrase(claim.text, evidence.value) is not None:
        named = True  # the holder is in the claim, just not in a pattern we read
    strength = 0 if reading.copular else 1
    if named and (when == CURRENT or (reading.past and when == PAST)):
        return StanceResult("supports", SUPPORT[strength], said, 1.0)
    if named and reading.copular and not reading.past and when == PAST:
        # An ended term refutes a claim that its holder is so now (a little below a different
        # current holder, whom the rationale then names first).
        reason = f"{said}: the term ended before {as_of.isoformat()}"
        return StanceResult("refutes", ENDED, reason, 1.0)
    if named:
        reason = f"{said}: not current as of {as_of.isoformat()}"
        return StanceResult("neutral", 0.0, reason, NAMED)
    if reading.holder and evidence.single_valued and when == CURRENT and not reading.past:
        reason = f"{said}, not {reading.holder}"
        return StanceResult("refutes", REFUTE[strength], reason, 1.0)
    return StanceResult("neutral", 0.0, said, ON_TOPIC)


def _read(text: str, span: tuple[int, int]) -> _Reading:
    """The holder the claim names next to the relation's mention, and how."""
    head = text[: span[0]]
    modifier = _MODIFIER.search(head)  # "former Prime Minister", "the then Prime Minister"
    past = bool(modifier) and modifier["adj"].lower() in ("former", "then", "late")
    if modifier:
        head = head[: modifier.start()]
    before = _BEFORE.search(head)
    if before and _clean_name(before["name"]):
        verb = " ".join((before["verb"] or "").split())
        copular = bool(verb) and verb not in {"as", "'s", "’s"}
        return _Reading(_clean_name(before["name"]), copular, past or verb in _PAST_VERBS)
    after = _AFTER.search(text[span[1] :])
    if after and _clean_name(after["name"]):
        return _Reading(_clean_name(after["name"]), False, past)
    return _Reading(None, False, past)


def _clean_name(name: str) -> str | None:
    """A name without leading function words ("The", "In"); None when nothing is left."""
    words = name.split()
    while words and words[0].lower() in STOPWORDS:
        words.pop(0)
    while words and words[-1].lower() in STOPWORDS:
        words.pop()
    return " ".join(words) or None


def _same_person(claimed: str, value: str) -> bool:
    """Whether the claim's name is the statement's value ("Ishiba" / "Shigeru Ishiba")."""
    a, b = set(_words(claimed)), set(_words(value))
    return bool(a) and (a <= b or b <= a)


def find_phrase(text: str, phrase: str) -> tuple[int, int] | None:
    """The span of a phrase's words in order in the text, case-insensitive; None if absent."""
    words = _words(phrase)
    if not words:
        return None
    pattern = r"\b" + r"[\s'’-]+".join(re.escape(w) for w in words) + r"\b"
    match = re.search(pattern, text.replace("’", "'"), re.IGNORECASE)
    return match.span() if match else None


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _statement_text(evidence: Evidence) -> str:
    """'lists Sanae Takaichi as Prime Minister of Japan since 2025-10-21' and the like."""
    start, end = evidence.valid_from, evidence.valid_until
    listed = f"lists {evidence.value} as {evidence.relation}"
    if start and end:
        return f"{listed} from {start} to {end}"
    if end:
        return f"{listed} until {end}"
    return f"{listed} since {start}" if start else listed


def _bounds(text: str) -> tuple[date, date]:
    """First and last day an ISO date of year, month or day precision may stand for."""
    parts = [int(p) for p in text.split("-")]
    year = max(1, min(9999, parts[0]))
    if len(parts) == 1:
        return date(year, 1, 1), date(year, 12, 31)
    month = max(1, min(12, parts[1]))
    if len(parts) == 2:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = max(1, min(calendar.monthrange(year, month)[1], parts[2]))
    return date(year, month, day), date(year, month, day)
