"""A country's currency: one official currency, so a passage naming another confirms nothing.

"The euro is the currency of Japan." meets the article on the yen ("The yen is the official
currency of Japan. It is the third-most traded currency ..., after the United States dollar and
the euro."), which an entailment model reads as support: it speaks of Japan's currency and names
the euro. A passage that states the currency of the claim's holder and names another one there
does not say what the claim says, so its support is set aside. It is not made to refute: some
places have two currencies ("the balboa and the United States dollar"), and a passage may name
one only. The claim's currency is written in lower case ("the euro"), which the name patterns of
relations.py do not read.
"""

from __future__ import annotations

import re

from service.extraction.sentences import split_sentences
from service.verification.relations import same_name

# A holder: capitalised words, with the particles names carry ("Bosnia and Herzegovina").
_HOLDER = r"[A-Z][\w'’.-]*(?: (?:(?:and|of|the|de|del|la) )*[A-Z][\w'’.-]*)*"
# A currency as a claim or a passage names it: up to four words ("the euro", "the US dollar").
_VALUE = r"[\w'’.-]+(?: [\w'’.-]+){0,3}?"
_NOUN = r"(?:(?:official|national|sole|only)\s+)?currency"
_CLAIM = (
    re.compile(
        rf"^(?:[Tt]he\s+)?(?P<value>{_VALUE})\s+(?:is|was)\s+(?:the\s+)?{_NOUN}\s+(?:of|in)\s+"
        rf"(?:the\s+)?(?P<holder>{_HOLDER})\W*$"
    ),
    re.compile(
        rf"^The\s+{_NOUN}\s+(?:of|in)\s+(?:the\s+)?(?P<holder>{_HOLDER})\s+(?:is|was)\s+"
        rf"(?:the\s+)?(?P<value>{_VALUE})\W*$"
    ),
    re.compile(
        rf"^(?:The\s+)?(?P<holder>{_HOLDER})['’]s?\s+{_NOUN}\s+(?:is|was)\s+(?:the\s+)?"
        rf"(?P<value>{_VALUE})\W*$"
    ),
)
# "The yen is the official currency of Japan", "Sterling is the currency of the United Kingdom".
_PASSAGE = re.compile(
    rf"(?:^|(?<=; )|(?<=, and ))(?:[Tt]he\s+)?(?P<value>{_VALUE})\s+(?:is|was|has been)\s+"
    rf"(?:also\s+)?(?:the\s+)?{_NOUN}\s+of\s+(?:the\s+)?(?P<holder>{_HOLDER})"
)
_DROPPED = frozenset({"the", "a", "an", "official"})


def other_currency(claim_text: str, snippet: str) -> str:
    """The currency a passage names as the claim's holder's, where it is not the claim's ("" if
    the claim names no currency of a place or the passage states none other for it)."""
    claimed = _claim(claim_text.strip())
    if claimed is None:
        return ""
    value, holder = claimed
    for start, end in split_sentences(snippet):
        for match in _PASSAGE.finditer(snippet[start:end].strip()):
            said = match.group("value")
            if same_name(match.group("holder"), holder) and not _same_currency(said, value):
                return f"names {said} as the currency of {holder.rstrip('.')}"
    return ""


def _claim(text: str) -> tuple[str, str] | None:
    """(currency, holder) of a claim that names a place's currency, if it does."""
    for pattern in _CLAIM:
        match = pattern.match(text)
        if match:
            return match.group("value"), match.group("holder")
    return None


def _same_currency(a: str, b: str) -> bool:
    """Whether two names may be of one currency: the same last word ("dollar") and qualifiers
    that do not differ ("US" and "United States" as initials; "dollar" and "US dollar")."""
    x, y = _words(a), _words(b)
    if not x or not y or x[-1] != y[-1]:
        return False
    qx, qy = x[:-1], y[:-1]
    if set(qx) <= set(qy) or set(qy) <= set(qx):
        return True
    return _initials(qx) == "".join(qy) or _initials(qy) == "".join(qx)


def _words(name: str) -> list[str]:
    words = re.findall(r"[\w'’]+", name.lower().replace(".", ""))
    return [w for w in words if w not in _DROPPED]


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words)
