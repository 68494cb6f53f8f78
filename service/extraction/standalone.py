"""A piece of a sentence made to stand alone: quotation marks, pronouns, "the deal".

Each step changes the text only when it is sure (see pronouns.py and referents.py); the span
of the piece never changes, so a client can always show the words as the article has them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from service.extraction.context import Setting
from service.extraction.entities import find_entities
from service.extraction.people import People
from service.extraction.pieces import Piece
from service.extraction.pronouns import name_first_person, name_third_person, opens_with_pronoun
from service.extraction.referents import descriptions_before, find_mentions, replace_anaphors
from service.extraction.speech import QUOTE, Voice, only

_ENCLOSED = re.compile(r'[“"]([^“”"]*?)([.!?]?)[”"]')
_CLOSING_AT_END = re.compile(r"”([.!?]?)$")
_STRAIGHT_AT_END = re.compile(r'"([.!?]?)$')


def stand_alone(
    piece: Piece,
    setting: Setting,
    voice: Voice,
    people: People,
    names: Collection[str],
    persons_before: Sequence[str] = (),
) -> tuple[str, list[str], bool]:
    """The piece's self-contained text, the names it gained, and whether a description did.

    persons_before: the people the sentence names before the piece's text begins.
    """
    text = _without_stray_quotes(piece.text)
    in_quote = piece.quoted or (setting.voice.inside_quote and _no_close_inside(text))
    speaker = voice.claimant if in_quote else None
    gained: list[str] = []
    if speaker and voice.kind == QUOTE and speaker[0].isupper():
        named = name_first_person(text, speaker)
        gained += [speaker] if named != text else []
        text = named
    if (piece.text_start == 0 or piece.quoted) and opens_with_pronoun(text):
        person = _person(persons_before, setting, speaker)
        text = name_third_person(text, person) if person else text
        gained += [person] if person else []
    text, used = _described(text, piece, setting, people, names)
    gained += [name for description in used for name in find_entities(description)]
    return text, gained, bool(used)


def _described(
    text: str, piece: Piece, setting: Setting, people: People, names: Collection[str]
) -> tuple[str, list[str]]:
    """The text with its bare "the deal"s described, and the descriptions used."""
    if not any(mention.anaphor for mention in setting.mentions):
        return text, []
    descriptions = descriptions_before(setting.descriptions, setting.mentions, piece.start)
    if not descriptions:
        return text, []
    return replace_anaphors(text, find_mentions(text, people, names), descriptions)


def _person(before: Sequence[str], setting: Setting, speaker: str | None) -> str | None:
    """The one person an opening "He" can be (never the speaker of the quotation it is in).

    Inside a quotation: the one other person named just before, or the last speaker. Outside:
    the subject of the sentence before when it names no one else (speech.pronoun_antecedent).
    """
    if speaker is None:
        return None if before else setting.antecedent
    context = before or setting.previous_persons
    if context:
        return only([person for person in context if person != speaker])
    recent = setting.recent_speaker
    return recent if recent != speaker else None


def _without_stray_quotes(text: str) -> str:
    """The text without quotation marks that open or close it unmatched, or enclose it."""
    enclosed = _ENCLOSED.fullmatch(text)
    if enclosed:
        return enclosed.group(1) + enclosed.group(2)
    if text.count("“") > text.count("”") and text.startswith("“"):
        text = text[1:].lstrip()
    elif text.count("”") > text.count("“"):
        text = _CLOSING_AT_END.sub(r"\1", text)
    if text.count('"') % 2:
        text = text[1:].lstrip() if text.startswith('"') else _STRAIGHT_AT_END.sub(r"\1", text)
    return text


def _no_close_inside(text: str) -> bool:
    """Whether no quotation closes inside the text ("A,” he said." has one)."""
    return not any(mark in text for mark in '”"')
