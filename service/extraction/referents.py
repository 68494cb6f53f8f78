"""What "the deal" and "the meeting" stand for, when the article has said it plainly before.

An antecedent names the thing in full: "a $15 billion acquisition bid by Nippon Steel for US
Steel", "Nippon Steel offered $15 billion for U.S. Steel", "Trump met with Prime Minister
Shigeru Ishiba". It gives a description ("Nippon Steel's $15 billion bid for US Steel", "the
meeting between Donald Trump and Shigeru Ishiba") that a later bare "the deal", "the
acquisition" or "the meeting" is replaced with. Any other mention of the same kind of thing
("a trade deal", "the deal with Canada") makes the reference unsure, and nothing is replaced
until the article names one plainly again; so does distance (MEMORY sentences).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import NamedTuple

from service.extraction.entities import entity_spans
from service.extraction.people import People
from service.extraction.vocabulary import word_set

MEMORY = 6  # sentences a description stays in reach after its last mention
TRANSACTION, MEETING = "transaction", "meeting"
_HEADS = {
    TRANSACTION: r"(?:(?:acquisition|takeover|merger|purchase|buyout)(?:\s+(?:bid|offer|deal))?"
    r"|deal|bid|offer|agreement|pact|accord|contract)",
    MEETING: r"(?:meeting|talks|summit)",
}
_QUALIFIERS = word_set("proposed planned pending attempted contested controversial")
_MONEY = r"(?:US)?[$€£]\s?\d[\d,.]*\d(?:\s+(?:million|billion|trillion))?|(?:US)?[$€£]\s?\d"
_NAME = r"[A-Z][\w.&’'-]*(?:\s+(?:of\s+)?[A-Z][\w.&’'-]*)*"
_PHRASE = r"[^;:()“”\"]{1,80}?"
_END = r"(?=\s*[,;]|\.?[\"”’]?\s*$|\s+(?:by|in|on|at|last|and|after|before|was|were|is|to)\b)"
_MOD = r"(?!(?:a|an|the|of|for|by|with|to|in|on|and|or|its|their|his|her)\s)[^\s,;:“”]+\s+"
_MENTION = {
    kind: re.compile(rf"\b(?P<det>[Aa]n?|[Tt]he)\s+(?P<mods>(?:{_MOD}){{0,4}}?)(?P<head>{head})\b")
    for kind, head in _HEADS.items()
}
_HEAD_CUES = {kind: re.compile(rf"\b{head}\b") for kind, head in _HEADS.items()}
_POSSESSIVE = re.compile(
    rf"(?P<actor>{_NAME})['’]s\s+(?P<mods>(?:{_MOD}){{0,3}}?)(?P<head>{_HEADS[TRANSACTION]})"
    rf"\s+(?P<prep>for|of|with)\s+(?P<target>{_PHRASE}){_END}"
)
_OFFER = re.compile(
    rf"(?P<actor>{_NAME})\s+(?:has\s+|had\s+)?(?P<verb>offered|bid)\s+(?P<money>{_MONEY})\s+"
    rf"(?:for|to\s+(?:buy|acquire))\s+(?P<target>{_PHRASE}){_END}"
)
_BUY = re.compile(
    rf"(?P<actor>{_NAME})\s+(?:has\s+|had\s+)?(?:(?:agreed|offered|proposed|sought|planned)\s+to"
    rf"\s+)?(?:buy|acquire|purchase|bought|acquired|purchased)\s+(?P<target>{_PHRASE})"
    rf"(?:\s+for\s+(?P<money>{_MONEY}))?{_END}"
)
_MET = re.compile(
    rf"(?P<actor>{_NAME})\s+(?:has\s+|had\s+)?(?:met|meets|held\s+talks)\s+(?:with\s+)?"
    rf"(?P<target>{_PHRASE}){_END}"
)
_POSTMODIFIER = re.compile(r"\s*(?:['’]s\b|(?:of|for|with|between|by|from|on|about|over|to)\b)")
_ACTOR = re.compile(r"\s+by\s+(?P<phrase>[^;]{1,80}?)(?=,?\s+(?:for|of|with)\s|[;]|\.?\s*$)")
_TARGET = re.compile(rf"[^;]{{0,100}}?,?\s+(?P<prep>for|of|with)\s+(?P<phrase>{_PHRASE}){_END}")
_PREPOSITION = {"bid": "for", "offer": "for", "contract": "for"} | dict.fromkeys(
    ("deal", "merger", "agreement", "pact", "accord"), "with"
)


_Builder = Callable[[re.Match[str], People, Collection[str]], tuple[str, str | None]]


class Mention(NamedTuple):
    """A mention of a kind of thing in a sentence, with its description when it gives one."""

    kind: str
    start: int
    end: int
    description: str | None
    anaphor: bool = False  # a bare "the deal", which needs a description from before


def find_mentions(sentence: str, people: People, names: Collection[str]) -> list[Mention]:
    """Mentions of transactions and meetings in a sentence, in order (names: the text's)."""
    found: list[Mention] = []
    for cue, pattern, build in _BUILDERS:
        if not cue.search(sentence):
            continue  # the cheap test first: most sentences have none of these words
        for m in pattern.finditer(sentence):
            kind, description = build(m, people, names)
            found.append(Mention(kind, m.start(), m.end(), description))
    for kind, pattern in _MENTION.items():
        if not _HEAD_CUES[kind].search(sentence):
            continue
        for m in pattern.finditer(sentence):
            if not any(f.start <= m.start("head") < f.end for f in found):
                found.append(_noun_mention(kind, m, sentence, names))
    return sorted(found, key=lambda mention: mention.start)


class Referents:
    """The description each kind of thing has at this point of the article, if it is sure."""

    def __init__(self) -> None:
        self._known: dict[str, tuple[str | None, int]] = {}

    def current(self, index: int) -> dict[str, str]:
        """The descriptions sentence `index` may use."""
        return {
            kind: description
            for kind, (description, seen) in self._known.items()
            if description and index - seen <= MEMORY
        }

    def update(self, mentions: list[Mention], index: int) -> None:
        """Take in a sentence's mentions: a resolved anaphor keeps its description in reach."""
        usable = self.current(index)
        for mention in mentions:
            if not mention.anaphor:
                self._known[mention.kind] = (mention.description, index)
            elif mention.kind in usable:
                self._known[mention.kind] = (usable[mention.kind], index)


def descriptions_before(
    descriptions: dict[str, str], mentions: list[Mention], position: int
) -> dict[str, str]:
    """The descriptions in reach at `position` of a sentence, given its mentions before it."""
    known = dict(descriptions)
    for mention in mentions:
        if mention.start >= position or mention.anaphor:
            continue
        if mention.description:
            known[mention.kind] = mention.description
        else:
            known.pop(mention.kind, None)
    return known


def replace_anaphors(
    text: str, mentions: list[Mention], descriptions: dict[str, str]
) -> tuple[str, list[str]]:
    """The text with its bare "the deal"s replaced (mentions index the text), and what was used.

    An anaphor after another mention of its kind in the text is left alone: the text already
    says what it is, or has just been told.
    """
    pieces, used, position = [], [], 0
    for n, mention in enumerate(mentions):
        if not mention.anaphor or mention.kind not in descriptions:
            continue
        if any(m.kind == mention.kind for m in mentions[:n]):
            continue
        description = descriptions[mention.kind]
        if mention.start == 0:
            description = description[:1].upper() + description[1:]
        pieces += [text[position : mention.start], description]
        used.append(descriptions[mention.kind])
        position = mention.end
    return ("".join(pieces) + text[position:] if pieces else text), used


def _noun_mention(kind: str, m: re.Match[str], sentence: str, names: Collection[str]) -> Mention:
    """ "the deal" (an anaphor), or "a $15 billion acquisition bid by X for Y" (a description)."""
    mods, head, after = m.group("mods").split(), m.group("head"), sentence[m.end() :]
    bare = all(mod.lower() in _QUALIFIERS for mod in mods)
    if m.group("det").lower() == "the" and bare and not _POSTMODIFIER.match(after):
        return Mention(kind, m.start(), m.end(), None, True)
    if kind == MEETING:
        return Mention(kind, m.start(), m.end(), _meeting_description(after, names))
    actor = _ACTOR.match(after)
    target = _TARGET.match(after)
    description = None
    if target:
        owner = _name_in(actor.group("phrase"), names) if actor else None
        thing = _name_in(target.group("phrase"), names)
        description = _describe(owner, " ".join(mods), head, target.group("prep"), thing)
    return Mention(kind, m.start(), m.end(), description)


def _meeting_description(after: str, names: Collection[str]) -> str | None:
    """ "the meeting between A and B" from "... between A and B", else None."""
    between = re.match(rf"\s+between\s+(?P<phrase>{_PHRASE}){_END.replace('|and', '')}", after)
    if not between:
        return None
    phrase = between.group("phrase")
    found = [span.name for span in entity_spans(phrase) if _known(span.name, names)]
    return f"the meeting between {found[0]} and {found[1]}" if len(found) == 2 else None


def _name_in(phrase: str, names: Collection[str]) -> str | None:
    """The last name of the text in a phrase ("Japan's largest steel producer, Nippon Steel")."""
    found = [span for span in entity_spans(phrase) if _known(span.name, names)]
    if not found:
        return None
    last = found[-1]
    article = phrase[: last.start].endswith(("the ", "The "))  # "the US", "the White House"
    return f"the {last.name}" if article else last.name


def _known(name: str, names: Collection[str]) -> bool:
    """A name of the text, or part of one ("US Steel" of "Nippon Steel for US Steel")."""
    return name in names or any(name in known.split(" for ") for known in names)


def _describe(
    owner: str | None, mods: str, head: str, preposition: str | None, thing: str | None
) -> str | None:
    """ "Nippon Steel's $15 billion bid for US Steel"; None without the thing it is about."""
    if thing is None:
        return None
    noun = head.split()[-1]  # "acquisition bid" -> "bid"
    preposition = preposition or _PREPOSITION.get(noun, "of")
    owner = f"{owner}'s" if owner else "the"
    return " ".join(part for part in (owner, mods, noun, preposition, thing) if part)


def _cue(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{words})")


def _from_possessive(m: re.Match[str], people: People, names: Collection[str]):
    owner, thing = _name_in(m.group("actor"), names), _name_in(m.group("target"), names)
    mods = m.group("mods").strip()
    return TRANSACTION, _describe(owner, mods, m.group("head"), m.group("prep"), thing)


def _from_offer(m: re.Match[str], people: People, names: Collection[str]):
    noun = "offer" if m.group("verb") == "offered" else "bid"
    owner, thing = _name_in(m.group("actor"), names), _name_in(m.group("target"), names)
    return TRANSACTION, _describe(owner, m.group("money"), noun, "for", thing)


def _from_purchase(m: re.Match[str], people: People, names: Collection[str]):
    owner, thing = _name_in(m.group("actor"), names), _name_in(m.group("target"), names)
    return TRANSACTION, _describe(owner, m.group("money") or "", "acquisition", "of", thing)


def _from_meeting(m: re.Match[str], people: People, names: Collection[str]):
    actor, other = _name_in(m.group("actor"), names), _name_in(m.group("target"), names)
    if actor is None or other is None:
        return MEETING, None
    return MEETING, f"the meeting between {people.canonical(actor)} and {people.canonical(other)}"


_BUILDERS: list[tuple[re.Pattern[str], re.Pattern[str], _Builder]] = [
    (_cue("['’]s "), _POSSESSIVE, _from_possessive),
    (_cue(r"offered|\bbid\b"), _OFFER, _from_offer),
    (_cue(r"\bbu[yo]|acqui|purchas"), _BUY, _from_purchase),
    (_cue(r"\bmeets?\b|\bmet\b|held talks"), _MET, _from_meeting),
]
