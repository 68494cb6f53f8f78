"""Who does what the claim says: "The Earth orbits the Moon" is not borne out by "the Moon
orbits through Earth's shadow".

The stance model does not see which way a relation goes: it reads "The Moon orbits the Earth"
and "The Earth orbits the Moon" alike against the same passage (measured on 60 true two-name
claims: the swapped claim's support was within a few points of the claim's). A claim "S <verb>s
O" says S does it; a passage whose every use of that verb has another doer, the claim's object
or a third name ("the Moon orbits", "It orbits" in the article on the Moon, "invented by Y"),
says someone else does it, and does not confirm the claim. A passage that never uses the verb
is left to the other readers; so is a claim in the passive ("X was painted by Y"), and a doer
the passage does not name ("which orbits"). A claim in the passive, which names who did it, is
denied only by a passage that names someone by whom something was done, or says "not".
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from service.domain import Claim, Evidence
from service.extraction.sentences import split_sentences
from service.extraction.vocabulary import word_set
from service.verification import lexicon
from service.verification.cues import negation_cue

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
_SPELLING = 0.75  # how alike a word and a subject's word are to be one word misspelt
_THAN = re.compile(r"\bthan\b", re.I)
_NOT_FINITE = ("er", "ers", "or", "ors", "ion", "ions", "ing", "ment", "ments")
_NAME_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+|de\s+|the\s+)?[A-Z][\w'’.-]*)*")
_PRONOUN = re.compile(r"\b(?:it|he|she|they)\s*$", re.I)
_PRONOUN_OPENING = re.compile(r"\s*(?:it|he|she|they)\b(?!\s+[A-Z])", re.I)  # "She started"
_OPENERS = word_set("it he she they his her its their the a an this these that in on at")
_BY_END = re.compile(r"[;()]|\b(?:which|who|whose|that|and\s+(?:is|was|were|are|released))\b")
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
    if verb is None or _THAN.search(claim.text):
        return ""  # "Canada created more jobs than we did": both do it, the passage compares
    words = _words(subject)
    own = not evidence.title or _same(evidence.title, words)
    others = []
    for start, end in split_sentences(evidence.snippet):
        sentence = evidence.snippet[start:end]
        for match in _WORD.finditer(sentence):
            if not _verb_form(match.group(), verb):
                continue
            doers = _doers(sentence, match.start(), match.end())
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


def _doers(sentence: str, start: int, end: int) -> list[str] | None:
    """Who may do the verb at start:end: the names before it in its clause, nearest first, [""]
    for a pronoun (the article's own subject), the names after "by" in the passive; None if it
    names none."""
    before = sentence[:start]
    by = _BY.match(sentence[end:])
    if _PASSIVE.search(before) or by:  # "was produced by", "a film produced by"
        if by is None:
            return None
        # "by English computer scientist Tim Berners-Lee", "by Kenneth Edmonds, Tracey Edmonds
        # and Robert Teitel": every name of the phrase, up to a new clause
        names = _names(_BY_END.split(sentence[end + by.end() :])[0])
        return names or None
    clause = _CLAUSE.split(before)[-1]
    if _PRONOUN.search(clause) or _PRONOUN_OPENING.match(clause):
        return [""]  # the article's own subject (a supplied passage's is the claim's)
    names = _names(clause)
    return names[::-1] or None


def _names(text: str) -> list[str]:
    """The names a text writes, less the pronouns and function words that open a sentence."""
    found = []
    for name in _NAME_RUN.findall(text):
        words = name.split()
        while words and words[0].lower() in _OPENERS:
            words.pop(0)
        if words:
            found.append(" ".join(words))
    return found


def _words(name: str) -> set[str]:
    """A name's words as compared (folded, no stop words)."""
    return {lexicon.fold(w) for w in _WORD.findall(name)} - lexicon.STOPWORDS


def _same(name: str, words: set[str]) -> bool:
    """Whether a name may be the subject's: it holds all the subject's words, or it is one word
    of them, as spelt or misspelt ("Ditko" for Steve Ditko; not "Ottoman Empire" for the Roman
    Empire)."""
    named = _words(re.sub(r"\s*\([^)]*\)", "", name))
    if len(named) == 1:
        # one word of the name, or a spelling of it ("Hickam" for Homer Hickman)
        (word,) = named
        return any(SequenceMatcher(None, word, w).ratio() >= _SPELLING for w in words)
    return bool(named) and words <= named


# "was painted by Leonardo", "were written by": a claim naming who did it, in the passive.
_CLAIM_AGENT = re.compile(
    r"\b(?:is|was|are|were|has been|have been|had been)\s+(?:\w+ly\s+)?"
    r"(?P<verb>[a-z]+ed|written|built|made|drawn|sung|led|won|held|begun|founded|known)\s+by\s+"
    r"(?:the\s+)?[A-Z]"
)
# "by Raphael", "a painting by the Italian artist Leonardo": a passage naming someone who did.
_AGENT = re.compile(r"\bby\s+(?:[\w'’-]+\s+){0,4}?[A-Z]")


def unnamed_agent(claim_text: str, passage: str) -> bool:
    """Whether a passage may not deny who the claim says did it ("Sikhism was founded by Guru
    Nanak"): it names no one by whom anything was done and says no "not" or "never" (the
    article on Sikhism, which says where and when it began, denies no founder)."""
    if not _CLAIM_AGENT.search(claim_text):
        return False
    # "the sealing of Magna Carta" at the end of John's reign names no one either: a refutation
    # it implies is lost, as "one of the most recently founded religions" must deny no founder
    return not _AGENT.search(passage) and not negation_cue(passage)


# "was produced by the liver": the claim's verb in the passive and the phrase naming who did it.
_CLAIM_PASSIVE = re.compile(
    r"\b(?:is|was|are|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?P<verb>[a-z]+ed|written|"
    r"built|made|drawn|sung|led|won|held|begun|founded)\s+by\s+(?P<agent>[^,.;:()]+)"
)
_AGENT_WORDS = 4  # words of the claim's agent phrase compared
_BEGINNING = 5  # letters of a word compared
_OBJECT_REACH = re.compile(
    r"^\s+(?:the\s+|a\s+|an\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+(?:of\s+|de\s+|do\s+|the\s+)?[A-Z][\w'’.-]*)*)"
)


def other_agent(claim_text: str, passage: str) -> str:
    """Whom a passage says did what a passive claim says its agent did, where that is never the
    claim's agent ("produced by beta cells of the pancreatic islets" for "Insulin is produced by
    the liver"); "" when it names the claim's agent, or names no agent of that verb."""
    match = _CLAIM_PASSIVE.search(claim_text)
    if match is None:
        return ""
    verb = lexicon.stem(match.group("verb"))
    agent = _beginnings(_WORD.findall(match.group("agent"))[:_AGENT_WORDS])
    if not agent:
        return ""
    others = []
    for found in _WORD.finditer(passage):
        by = _BY.match(passage[found.end() :])
        if by is None or not _verb_form(found.group(), verb):
            continue
        phrase = _BY_END.split(passage[found.end() + by.end() :])[0][:100]
        if agent & _beginnings(_WORD.findall(phrase)):
            return ""
        others.append(phrase.split(".")[0].strip())
    return others[0] if others else ""


def _beginnings(words: list[str]) -> set[str]:
    """The first letters of a phrase's content words, as compared ("pancreas" and "pancreatic"
    meet: a doubt counts as the same agent, as this reader only takes support away)."""
    return {lexicon.fold(w)[:_BEGINNING] for w in words if w.lower() not in lexicon.STOPWORDS}


def other_object(claim: Claim, evidence: Evidence, subject: str | None) -> str:
    """The name a passage gives as the object of the claim's verb where it never gives the
    claim's ("to replace Rio de Janeiro" for "Brasília replaced São Paulo"); "" otherwise."""
    if subject is None:
        return ""
    verb = claim_verb(claim.text, subject)
    if verb is None:
        return ""
    at = claim.text.find(subject) + len(subject)
    following = _WORD.search(claim.text, at)
    claimed = _OBJECT_REACH.match(claim.text[following.end() :]) if following else None
    if claimed is None:
        return ""
    words = _words(claimed.group("name"))
    others = []
    for found in _WORD.finditer(evidence.snippet):
        if not _verb_form(found.group(), verb):
            continue
        given = _OBJECT_REACH.match(evidence.snippet[found.end() :])
        if given is None:
            continue
        if words & _words(given.group("name")):
            return ""
        others.append(given.group("name"))
    return others[0] if others else ""
