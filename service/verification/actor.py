"""Who does what the claim says: "The Earth orbits the Moon" is not borne out by "the Moon
orbits through Earth's shadow".

The stance model does not see which way a relation goes: it reads "The Moon orbits the Earth"
and "The Earth orbits the Moon" alike against the same passage (measured on 60 true two-name
claims: the swapped claim's support was within a few points of the claim's). A claim "S <verb>s
O" says S does it; a passage whose every use of that verb has another doer, the claim's object
or a third name ("the Moon orbits", "It orbits" in the article on the Moon, "invented by Y"),
says someone else does it, and does not confirm the claim. A passage that never uses the verb
is left to the other readers; so is a claim in the passive ("X was painted by Y"), and a doer
the passage does not name ("which orbits").
"""

from __future__ import annotations

import re

from service.domain import Claim, Evidence
from service.extraction.sentences import split_sentences
from service.extraction.vocabulary import word_set
from service.verification import lexicon

# A verb right after the claim's subject: a present "-s" or past "-ed" form, or a common
# irregular past; not a copula or an auxiliary (those say what S is, which others read).
_IRREGULAR = word_set("""
    wrote won built made sold gave took drew sang fought led held bore ran lost spent founded
    began became discovered invented orbits
""")
_NOT_VERBS = word_set("""
    is was are were has had have does did do can could will would may might must shall should
    remains its his her this
""")
_WORD = re.compile(r"[\w'’-]+")
_NOT_FINITE = ("er", "ers", "or", "ors", "ion", "ions", "ing", "ment", "ments")
_NAME_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w'’.-]*)*")
_PRONOUN = re.compile(r"\b(?:it|he|she|they)\s*$", re.I)
_PASSIVE = re.compile(r"\b(?:is|was|are|were|been|being|be)\s+(?:\w+ly\s+)?$", re.I)
_BY = re.compile(r"^\s+by\s+")
_CLAUSE = re.compile(r"[,;:()]|\b(?:and|but|which|who|that|when|while|where|as)\b")


def claim_verb(claim_text: str, subject: str) -> str | None:
    """The stem of the verb right after the claim's subject ("orbit" of "The Earth orbits the
    Moon"), if the claim says S does something (not "S is", not a passive "S was painted")."""
    at = claim_text.find(subject)
    if at < 0:
        return None
    following = _WORD.findall(claim_text[at + len(subject) :])[:1]
    if not following:
        return None
    word = following[0]
    low = word.lower()
    if not word.islower() or low in _NOT_VERBS:
        return None
    if low in _IRREGULAR or (low.endswith("ed") and len(low) > 4):
        return lexicon.stem(low)
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        return lexicon.stem(low)
    return None


def done_by_another(claim: Claim, evidence: Evidence, subject: str | None) -> str:
    """Another doer the passage gives to every use of the claim's verb ("" if it gives the
    subject one, uses the verb nowhere, or names no doer of it)."""
    if subject is None:
        return ""
    verb = claim_verb(claim.text, subject)
    if verb is None:
        return ""
    words = _words(subject)
    own = _same(evidence.title, words) or not evidence.title
    others = []
    for start, end in split_sentences(evidence.snippet):
        sentence = evidence.snippet[start:end]
        for match in _WORD.finditer(sentence):
            if not _verb_form(match.group(), verb):
                continue
            doers = _doers(sentence, match.start(), match.end(), evidence.title)
            if doers is None:
                continue
            if any(_same(doer, words) for doer in doers) or (doers == [""] and own):
                return ""  # said of the subject
            others.append(max(doers, key=len) or evidence.title)
    return others[0] if others else ""


def _verb_form(word: str, verb: str) -> bool:
    """Whether a passage word is the claim's verb as a finite verb: its stem, in lower case, not
    a noun of it ("composer", "invention") nor a participle whose doer is unsaid ("orbiting")."""
    low = word.lower()
    if not word.islower() or low.endswith(_NOT_FINITE):
        return False
    return lexicon.stem(low) == verb


def _doers(sentence: str, start: int, end: int, title: str) -> list[str] | None:
    """Who may do the verb at start:end: the names before it in its clause, nearest first, [""]
    for a pronoun (the article's own subject), the names after "by" in the passive; None if it
    names none."""
    before = sentence[:start]
    if _PASSIVE.search(before):
        by = _BY.match(sentence[end:])
        if by is None:
            return None
        # "by English computer scientist Tim Berners-Lee", "by the Ottoman Empire on 29 May"
        names = _NAME_RUN.findall(_CLAUSE.split(sentence[end + by.end() :])[0])
        return names or None
    clause = _CLAUSE.split(before)[-1]
    if _PRONOUN.search(clause):
        return [""] if title else None
    names = _NAME_RUN.findall(clause)
    return names[::-1] or None


def _words(name: str) -> set[str]:
    """A name's words as compared (folded, no stop words)."""
    return {lexicon.fold(w) for w in _WORD.findall(name)} - lexicon.STOPWORDS


def _same(name: str, words: set[str]) -> bool:
    """Whether a name is the subject's: it holds all the subject's words."""
    return bool(words) and words <= _words(re.sub(r"\s*\([^)]*\)", "", name))
