"""Who makes a claim: the speaker a sentence attributes it to, or None for the article's own voice.

Attributions read, in this order: "According to X, ...", a reporting verb with its subject
("Trump said ...", "a senior US official revealed to VOA that ...", "“...,” Trump said.",
"..., said Trump."), and a reporting participle after a clause ("Trump emphasized the ties,
saying, “...”"), whose speaker is the subject of that clause. "He" or "she" resolves to the one
person-like name of the previous sentence, and to nothing when there is none or several: a wrong
speaker is worse than none.
"""

from __future__ import annotations

import re

from service.extraction.entities import entity_spans, is_person_like
from service.extraction.vocabulary import NAME_TITLES, NOT_NAMES, TITLE_MODIFIERS, word_set

_REPORTING = (
    "said says say told tells stated announced announces claimed claims argued argues added adds "
    "noted notes wrote writes tweeted posted revealed reveals insisted insists warned warns "
    "explained declared emphasized emphasised stressed highlighted asserted alleged reported "
    "confirmed confirms denied acknowledged predicted promised vowed contended maintained "
    "testified believes quoted"
)
_PARTICIPLES = (
    "saying noting adding announcing claiming arguing insisting warning stating declaring "
    "explaining stressing emphasizing emphasising telling asserting writing tweeting revealing"
)
_VERB = re.compile(r"\b(?:" + "|".join(_REPORTING.split()) + r")\b")
_PARTICIPLE = re.compile(r"(?:,\s*|\s)(?:" + "|".join(_PARTICIPLES.split()) + r")\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<who>[^,.;:“”\"()]+)")
_CLAUSE_BREAK = re.compile(r".*[,;:“”\"(—–]")
_INVERTED = re.compile(r"\s+(?P<who>(?:[A-Z][\w.’'-]*\s)*[A-Z][\w’'-]*)")
_WORDS = re.compile(r"[\w.’'-]+")
# Words between a subject and its verb: "Trump has also said", "an official was quoted".
_AUXILIARIES = word_set("""
    is was were are has have had also reportedly publicly previously repeatedly then later
    earlier once again already recently who that which
""")
_ROLES = word_set("""
    official officials spokesperson spokesman spokeswoman minister ministry president secretary
    administration department police report study survey analysts experts sources source aide
    aides lawmakers leaders governor senator statement agency company researchers scientists
    office government
""")
# Lower-case words a speaker's noun phrase may hold ("a senior US official").
_PHRASE_WORDS = _ROLES | word_set("a an the senior top former chief local foreign white house")
PRONOUNS = frozenset(("he", "she"))
_MAX_INTRO_WORDS = 8  # "Ahead of the meeting with the two leaders, ..."
_MAX_SPEAKER_WORDS = 8
_TITLE_WORDS = NAME_TITLES | TITLE_MODIFIERS


def find_claimant(sentence: str, previous: str | None = None) -> str | None:
    """The speaker a sentence attributes its claim to, or None for the article's own statement.

    A "He" is the one person the previous sentence names; with none or several, nobody. (Over a
    whole text, extract_claims reads speakers with more context: see speech.py.)
    """
    speaker = attribute(sentence)
    if speaker and speaker.lower() in PRONOUNS:
        return only_person(previous) if previous else None
    return speaker


def attribute(sentence: str) -> str | None:
    """The speaker as written: a name, a noun phrase ("a senior US official"), or "He"/"She"."""
    according = _ACCORDING.search(sentence)
    if according:
        return _speaker(according.group("who"))
    for verb in _VERB.finditer(sentence):
        before = sentence[: verb.start()]
        speaker = _subject_before(before)
        if not speaker and before.rstrip().endswith((",", "”", '"')):
            speaker = _subject_after(sentence, verb.end())  # "..., said Trump."
        if speaker:
            return speaker
    if _PARTICIPLE.search(sentence):
        return _speaker(_main_subject(sentence))
    return None


def only_person(text: str) -> str | None:
    """The one person-like name of a text ("Donald Trump"), if it names exactly one."""
    people = {span.name for span in entity_spans(text) if is_person_like(span.name)}
    return people.pop() if len(people) == 1 else None


def _subject_before(before: str) -> str | None:
    """The noun phrase right before a reporting verb, within its clause."""
    clause = _CLAUSE_BREAK.sub("", before)
    words = _WORDS.findall(clause)
    while words and words[-1].lower() in _AUXILIARIES:
        words.pop()
    return _speaker(" ".join(words))


def _subject_after(sentence: str, end: int) -> str | None:
    """The name after the verb in "..., said Trump." (only capitalised words count)."""
    match = _INVERTED.match(sentence, end)
    return _speaker(match.group("who")) if match else None


def _main_subject(sentence: str) -> str:
    """The subject of the sentence's main clause, after any introductory phrase."""
    clause = sentence.split(",", 1)[1] if _has_intro(sentence) else sentence
    subject = []
    for word in _WORDS.findall(clause):
        if not (word[0].isupper() or word.lower() in _PHRASE_WORDS):
            break
        subject.append(word)
    return " ".join(subject)


def _has_intro(sentence: str) -> bool:
    """Whether the sentence opens with a short phrase and a comma ("Following the meeting, ")."""
    head, comma, _ = sentence.partition(",")
    first = head.split(" ", 1)[0].lower()
    return bool(comma) and len(head.split()) <= _MAX_INTRO_WORDS and first in NOT_NAMES


def _speaker(phrase: str) -> str | None:
    """A clean speaker from a noun phrase, or None if it does not name anyone."""
    words = phrase.split()
    if not words or len(words) > _MAX_SPEAKER_WORDS:
        return None
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return words[0]
    people = [span.name for span in entity_spans(phrase) if is_person_like(span.name)]
    if people:
        return people[-1]
    titled = _titled_name(words)
    if titled:
        return titled
    lowered = [w.lower() for w in words]
    if any(w in _ROLES for w in lowered):
        article = lowered[0] in ("a", "an", "the")
        return " ".join([lowered[0] if article else words[0], *words[1:]])
    if lowered[0] in ("a", "an", "the"):
        words = words[1:]  # "the Pentagon"
    if words and all(w[0].isupper() for w in words):
        return _without_titles(words)
    return None


def _titled_name(words: list[str]) -> str | None:
    """The name after a title: "As President Kennedy very wisely" -> "Kennedy"."""
    for i, word in enumerate(words[:-1]):
        if word.lower() in NAME_TITLES and words[i + 1][0].isupper():
            run = []
            for following in words[i + 1 :]:
                if not following[0].isupper() or following.lower() in _TITLE_WORDS:
                    break
                run.append(following)
            return " ".join(run) or None
    return None


def _without_titles(words: list[str]) -> str | None:
    """'President Trump' -> 'Trump'; None when nothing but titles and function words remain."""
    kept = [w for w in words if w.lower() not in _TITLE_WORDS]
    while kept and kept[0].lower().replace("’", "'") in NOT_NAMES:
        kept.pop(0)
    return " ".join(kept) or None
