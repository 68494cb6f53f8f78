"""Search queries from claims: entities, content words and numbers, safe for any back end."""

from __future__ import annotations

import re

from service.domain import Claim

MAX_TERMS = 12

# Function words, auxiliaries and speech verbs: they match everything and say nothing.
_STOPWORD_TEXT = """
a about above after again against all also although am among an and another any are around
as at be became because been before being below between both but by can could did do does
doing done down during each either else even ever every few for from further had has have
having he her here hers herself him himself his how however i if in into is it its itself
just least less let like made make makes many may me might more most much must my myself
neither no nor not now of off often on once one only or other others our ours ourselves out
over own per quite rather same say says said saying shall she should since so some still
such than that the their theirs them themselves then there these they this those though
through thus to too under until up upon us very via was we were what whatever when where
whether which while who whom whose why will with within without would yet you your yours
yourself claim claimed claims claiming stated told tells according added argued
insisted noted wrote tweeted posted reported suggested asserted alleged declared
mr mrs ms dr
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_OPERATORS = frozenset({"AND", "OR", "NOT"})  # search-engine syntax, never a term

_SPEECH = (
    r"(?:said|says|say|claimed|claims|stated|states|told\s+\w+|tells\s+\w+|argued|argues|"
    r"insisted|insists|noted|notes|wrote|writes|tweeted|posted|added|declared|asserted|alleged)"
)
# "Trump said that ...", "The White House claimed on Monday ...", "According to X, ..."
_LEADING_ATTRIBUTION = re.compile(
    rf"^\s*(?:according\s+to\s+[^,]{{1,60}},\s*|(?:[\w.'’-]+\s+){{1,5}}?(?:has\s+|have\s+|had\s+)?"
    rf"{_SPEECH}(?:\s+(?:on|in|last)\s+\w+)?(?:\s*[,:]\s*|\s+that\s+))",
    re.IGNORECASE,
)
# "..., Trump said.", "..., said the minister.", "..., according to the ministry."
_TRAILING_ATTRIBUTION = re.compile(
    rf"[,;]?\s*[\"”’]?\s*,?\s*(?:(?:[\w.'’-]+\s+){{1,5}}?{_SPEECH}|{_SPEECH}\s+[^,.]{{1,60}}|"
    rf"according\s+to\s+[^,.]{{1,60}})\s*\.?\s*$",
    re.IGNORECASE,
)
# The body speaks of its speaker ("X said that it will..."): the speaker's name still matters.
_SELF_REFERENCE = re.compile(r"\b(?:it|its|we|our|he|his|she|her|they|their|i|my)\b", re.I)
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_][\w'’.&-]*")
_WORD = re.compile(r"\w+")


def strip_attribution(text: str) -> str:
    """The claim without a leading or trailing attribution ("X said that", ", X said.")."""
    body = _LEADING_ATTRIBUTION.sub("", text, count=1)
    body = _TRAILING_ATTRIBUTION.sub("", body, count=1)
    # A whole-sentence match means the "attribution" was the claim itself: keep it.
    return body if len(_WORD.findall(body)) >= 2 else text


def _clean_token(token: str) -> str:
    """Trim punctuation and possessives a token caught, keeping initialisms like U.S."""
    if _INITIALISM.match(token):
        return token
    token = re.sub(r"['’]s$", "", token)
    return token.strip(".,'’-&")


def _words(text: str) -> list[str]:
    """Candidate terms of a text, in order."""
    return [t for t in (_clean_token(m.group()) for m in _TOKEN.finditer(text)) if t]


def _is_stopword(word: str) -> bool:
    """A function word; acronyms that spell one ("US", "IT", "WHO") are not."""
    acronym = word.isupper() and len(word) > 1 and word not in _OPERATORS
    return word.lower() in STOPWORDS and not acronym


def query_terms(claim: Claim, max_terms: int = MAX_TERMS) -> list[str]:
    """The claim's search terms: entity words, then content words, then numbers (deduplicated)."""
    body = strip_attribution(claim.text)
    keep_all = body == claim.text or bool(_SELF_REFERENCE.search(body))
    entities = [
        e
        for e in claim.entities
        if keep_all or e.lower() in body.lower() or e.lower() not in claim.text.lower()
    ]
    words = _words(body)
    ordered = [w for e in entities for w in _words(e)]
    ordered += [w for w in words if not w[0].isdigit()]
    ordered += [w for w in words if w[0].isdigit()]
    terms: list[str] = []
    seen: set[str] = set()
    for word in ordered:
        key = word.lower()
        if key in seen or (len(key) < 2 and not key.isdigit()) or _is_stopword(word):
            continue
        seen.add(key)
        terms.append(word)
    return terms[:max_terms]


def build_query(claim: Claim, max_terms: int = MAX_TERMS) -> str:
    """A plain search query for the claim ("" when it has no searchable words)."""
    return " ".join(query_terms(claim, max_terms))


def fts5_match(query: str) -> str:
    """An FTS5 MATCH expression OR-ing the query's terms, each quoted so no syntax gets through.

    Only word characters survive inside the quotes, so `"`, `*`, `:`, `-`, `^`, parentheses and
    keywords like NEAR / AND / NOT reach FTS5 as plain text. Returns "" for an empty query.
    """
    phrases: dict[str, str] = {}  # FTS5 ignores case, so "Steel" and "steel" are one term
    for term in query.split():
        words = _WORD.findall(term)
        if words:
            phrases.setdefault(" ".join(words).lower(), '"' + " ".join(words) + '"')
    return " OR ".join(phrases.values())
