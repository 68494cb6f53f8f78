"""Money, percentages, counts, dates and years in a text, with normalised values and units.

Spans cover the quantity itself ("$1 billion"), not a hedge in front of it ("nearly"): readers of a
quantity look at the words just before its span for "nearly", "more than", "up to" and the like
(service/verification/agreement.py does). Values: 1.5e9 for "$1.5 billion", 25.0 for "25%", the
year for a year; None for a full date, whose ISO form is the unit.
"""

from __future__ import annotations

import re

from service.domain import Quantity
from service.extraction.dates import find_dates
from service.extraction.numerals import ABBREVIATIONS, find_numbers, has_scale, parse_number
from service.extraction.vocabulary import word_set

PREFIX_CURRENCIES = {
    "$": "USD", "us$": "USD", "u.s.$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD",
    "ca$": "CAD", "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "r$": "BRL", "€": "EUR", "£": "GBP",
    "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB",
}  # fmt: skip
CODES = ("USD", "EUR", "GBP", "JPY", "CNY", "CHF", "INR", "KRW", "CAD", "AUD", "RUB", "MXN")
CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "pound": "GBP", "rupee": "INR", "won": "KRW", "ruble": "RUB", "rouble": "RUB",
    "peso": "MXN", "cent": "USD",
}  # fmt: skip
DOLLAR_ADJECTIVES = {
    "us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
    "hong kong": "HKD", "new zealand": "NZD", "singapore": "SGD",
}  # fmt: skip
# Which kind wins when two readings of the same length overlap.
PRIORITY = {"date": 0, "money": 1, "percent": 2, "year": 3, "count": 4}

_CODES = "|".join(CODES)
# A currency sign or code right before a number ("$", "US$", "€", "USD ").
_PREFIX = re.compile(
    r"(?:(?<![\w.])(?:us|u\.s\.|au|ca|hk|nz|[acsr])?\$|[€£¥₹₩₽]|\b(?:" + _CODES + r")\s?)\s?$",
    re.IGNORECASE,
)
_ABBREVIATION = re.compile(r"\s?(?:bn|mn|mln|bln|tn|trn)\b|(?:[kmbt])\b", re.IGNORECASE)
_SUFFIX = re.compile(
    r"\s+(?:(?P<adj>us|u\.s\.|american|canadian|australian|hong kong|new zealand|singapore)"
    r"\s+(?=dollars?\b))?(?P<word>dollar|euro|yen|yuan|renminbi|pound|rupee|won|ruble|rouble"
    r"|peso|cent)(?:s|es)?(?P<sterling>\s+sterling)?\b|\s(?P<code>" + _CODES + r")\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    r"\s?%|\s+(?:percent|per\s?cent)\b|\s+(?P<pp>percentage\s+points?)\b", re.IGNORECASE
)
# The counted noun, possibly after one modifier ("3,000 American troops", "2 million more jobs").
_NOUN = re.compile(
    r"\s+(?:(?:more|new|additional|other|extra|[A-Z][\w-]*)\s+)?(?P<noun>[a-z][a-z'’-]*[a-z])\b"
)
# Digit groups with separators: a phone number, whose last group must not read as a year.
_PHONE = re.compile(r"(?<![\w-])\+?(?:\(\d{2,4}\)\s?)?\d{2,4}(?:[ .-]\d{2,4}){2,}(?![\w-])")
# Words after which a 4-digit number is a year ("in 2024", "the 2024 election").
_YEAR_WORDS = re.compile(
    r"\b(?:in|by|since|until|till|from|of|before|after|during|through|to|between|and|the|"
    r"fiscal|year|early|late|mid|around|circa|'s|’s)\s*$",
    re.IGNORECASE,
)
NOT_NOUNS = word_set("""
    a an the of to in on at by for from with and or nor but than as that this these those is are
    was were be been being has have had will would can could may might shall should must do does
    did it its he she they we you i his her their our your my me us them percent per cent more less
    fewer so if when while after before since until into over under about between during through
    against among up down out off not no all each every both either neither also just only even
    still too very now then there here where which who whom whose what how why hundred thousand
    million billion trillion times
""")


def find_quantities(text: str) -> list[Quantity]:
    """Every money amount, percentage, count, date and year in the text, in order."""
    candidates = find_dates(text)
    for start, end, phrase in find_numbers(text):
        quantity = _read(text, start, end, phrase)
        if quantity:
            candidates.append(quantity)
    return _resolve([q for q in candidates if not _in_phone_number(text, q)])


def _read(text: str, start: int, end: int, phrase: str) -> Quantity | None:
    """Money, percent or count, by the currency or word around the number."""
    value = parse_number(phrase)
    prefix = _PREFIX.search(text, max(0, start - 6), start)
    if prefix and phrase[0].isdigit():
        unit = _prefix_code(prefix.group())
        abbreviation = _ABBREVIATION.match(text, end)
        if abbreviation:
            value *= ABBREVIATIONS[abbreviation.group().strip().lower()]
            end = abbreviation.end()
        return Quantity(text[prefix.start() : end], prefix.start(), end, "money", value, unit)
    suffix = _SUFFIX.match(text, end)
    if suffix and _is_currency(suffix, phrase):
        scale = 0.01 if suffix.group("word") and suffix.group("word").lower() == "cent" else 1.0
        return Quantity(text[start : suffix.end()], start, suffix.end(), "money",
                        value * scale, _suffix_code(suffix))  # fmt: skip
    percent = _PERCENT.match(text, end)
    if percent:
        unit = "pp" if percent.group("pp") else "%"
        return Quantity(text[start : percent.end()], start, percent.end(), "percent", value, unit)
    return _count(text, start, end, phrase, value)


def _count(text: str, start: int, end: int, phrase: str, value: float) -> Quantity | None:
    """A number with the noun it counts ("3,000 troops"); bare only if large ("2 million")."""
    noun = _NOUN.match(text, end)
    word = noun.group("noun") if noun else None
    if word and word.lower() not in NOT_NOUNS:
        # "2000 troops" is a count; "the 2024 election" and "in 1999 unemployment" hold years.
        if _is_year_like(phrase) and (_after_year_word(text, start) or not word.endswith("s")):
            return None
        return Quantity(text[start : noun.end()], start, noun.end(), "count", value, word)
    if has_scale(phrase) or (phrase[0].isdigit() and "," in phrase):
        return Quantity(phrase, start, end, "count", value, None)
    return None


def _is_year_like(phrase: str) -> bool:
    return len(phrase) == 4 and phrase.isdigit() and 1700 <= int(phrase) <= 2199


def _after_year_word(text: str, start: int) -> bool:
    return bool(_YEAR_WORDS.search(text, max(0, start - 12), start))


def _is_currency(suffix: re.Match[str], phrase: str) -> bool:
    word = (suffix.group("word") or "").lower()
    # "5 pounds" is more often a weight; "5 million pounds" or "pounds sterling" is money.
    return word != "pound" or bool(suffix.group("sterling")) or has_scale(phrase)


def _prefix_code(prefix: str) -> str:
    key = prefix.strip().lower()
    return PREFIX_CURRENCIES.get(key, key.upper())


def _suffix_code(suffix: re.Match[str]) -> str:
    if suffix.group("code"):
        return suffix.group("code").upper()
    adjective = suffix.group("adj")
    if adjective:
        return DOLLAR_ADJECTIVES[adjective.lower()]
    return CURRENCY_WORDS[suffix.group("word").lower()]


def _resolve(candidates: list[Quantity]) -> list[Quantity]:
    """Keep the longest reading where readings overlap (kind priority breaks ties)."""
    ordered = sorted(candidates, key=lambda q: (q.start - q.end, PRIORITY[q.kind], q.start))
    kept: list[Quantity] = []
    for q in ordered:
        if all(q.end <= k.start or q.start >= k.end for k in kept):
            kept.append(q)
    return sorted(kept, key=lambda q: q.start)


def _in_phone_number(text: str, q: Quantity) -> bool:
    """Digits in a run like "+1 202 555 2027" or "202-555-2027" (an ISO date is no phone)."""
    if q.kind == "date" or not q.text[-1:].isdigit():
        return False
    window = _PHONE.finditer(text, max(0, q.start - 24), min(len(text), q.end + 24))
    return any(m.start() < q.end and q.start < m.end() for m in window)
