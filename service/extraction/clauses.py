"""One sentence, several facts: the pieces a sentence splits into, each with its own span.

Two cuts, both conservative (a sentence that does not fit stays whole):

- what a speaker says, cut from the words around it (quotations.py);
- predicates joined by "and" that share a subject: "Japan pledged X and approved Y" gives
  "Japan pledged X" and "Japan approved Y" (the second piece's text borrows the words before
  the first verb), and clauses with subjects of their own ("exports rose and imports fell").
  Only past-tense verbs join (a list of known verbs, or "-ed" words followed by what an object
  starts with), so "between X and Y", "Canada and Mexico" and "boosting X and expanding Y"
  stay whole.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from service.extraction.cues import FACTUAL_VERBS
from service.extraction.pieces import Piece, as_sentence, trim_end
from service.extraction.quotations import split_speech
from service.extraction.vocabulary import word_set

_WORD = re.compile(r"[\w’'$%-]+(?:[.,]\d+)*")
_ADVERBS = word_set("also then later subsequently quickly recently eventually again even further")
_AUXILIARIES = word_set("has have had was were is are")
_DETERMINERS = word_set("the a an its their his her our this that these those my your every")
_OBJECT_STARTS = _DETERMINERS | word_set("""
    to by in on at for with from about nearly almost more less some all new over up down out
    several two three four five six seven eight nine ten
""")
_NOT_VERBS = word_set("indeed hundred speed sacred naked wicked rugged ragged beloved kindred")
_STOP_BEFORE = word_set("who which that having being and or to")
_PRESENT = frozenset(v for v in FACTUAL_VERBS if v.endswith("s") and not v.endswith("ss"))
_PAST = FACTUAL_VERBS - _PRESENT
_CLAUSE_DETERMINERS = word_set("the its their his her this these")
_MAX_SUBJECT = 3
_REPORTING = word_set("said says told tells stated announced added noted reported claimed")
_SUBORDINATORS = word_set("while although though because since if when after before as unless")


def split_facts(sentence: str) -> list[Piece]:
    """The pieces of a sentence: its facts when they separate cleanly, else the whole of it."""
    pieces: list[Piece] = []
    for piece in split_speech(sentence):
        parts = _split_predicates(sentence[piece.start : piece.end])
        if len(parts) == 1:
            pieces.append(piece)
            continue
        for start, end, text, borrowed in parts:
            origin = piece.text_start if borrowed or start == 0 else piece.start + start
            pieces.append(
                piece._replace(start=piece.start + start, end=piece.start + end, text=text,
                               origin=origin)
            )  # fmt: skip
    return pieces


class _Token(NamedTuple):
    word: str  # lower case
    start: int
    end: int
    capital: bool


class _Join(NamedTuple):
    """A later predicate: where its joint ("and", or the word after a comma) and it start."""

    token: int
    joint: int
    start: int
    has_aux: bool
    own_subject: bool = False  # "..., and imports fell 3%": a clause of its own


def _split_predicates(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, text, borrows the subject) per predicate of "X verb1 A and verb2 B".

    One item when the text does not split.
    """
    if " and " not in text:  # every split needs one: most sentences end here
        return [(0, len(text), text, False)]
    tokens = [
        _Token(m.group().lower(), m.start(), m.end(), m.group()[0].isupper())
        for m in _WORD.finditer(text)
    ]
    joins = _joins(text, tokens)
    first = _first_verb(tokens, joins[0].token) if joins else None
    if first is None or _in_opening_subordinate(text, tokens, joins[0]):
        return [(0, len(text), text, False)]
    verb_start, aux_start = first
    bounds = [join.joint for join in joins] + [len(text)]
    end = trim_end(text, 0, bounds[0])
    pieces = [(0, end, text[:end], False)]
    for n, join in enumerate(joins):
        end = trim_end(text, join.start, bounds[n + 1])
        prefix = "" if join.own_subject else text[: aux_start if join.has_aux else verb_start]
        pieces.append((join.start, end, prefix + text[join.start : end], bool(prefix)))
    if any(len(body[len(body) - (end - start) :].split()) < 2 for start, end, body, _ in pieces):
        return [(0, len(text), text, False)]  # "delayed and delayed": no fact of its own
    return [
        (start, end, as_sentence(body, text), borrowed) for start, end, body, borrowed in pieces
    ]


def _joins(text: str, tokens: list[_Token]) -> list[_Join]:
    """The later predicates, in order: after "and", or after a comma in a list ending in one."""
    found = []
    for i, token in enumerate(tokens):
        is_and = token.word == "and"
        if not is_and and not text[: token.start].rstrip().endswith(","):
            continue
        verb = _verb_after(tokens, i + 1 if is_and else i)
        if verb is not None:
            at, has_aux = verb
            found.append(_Join(i, token.start, tokens[at - has_aux].start, has_aux))
        elif is_and and _clause_after(tokens, i + 1):
            found.append(_Join(i, token.start, tokens[i + 1].start, False, True))
    while found and tokens[found[-1].token].word != "and":
        found.pop()  # "pledged A, approved B" without a final "and" is no list
    return found


def _verb_after(tokens: list[_Token], i: int) -> tuple[int, bool] | None:
    """The past-tense verb starting a predicate at token i (after adverbs, an auxiliary)."""
    while i < len(tokens) and tokens[i].word in _ADVERBS:
        i += 1
    has_aux = i < len(tokens) and tokens[i].word in _AUXILIARIES
    i += has_aux
    if i >= len(tokens) or not _is_past(tokens, i):
        return None
    return i, has_aux


def _is_past(tokens: list[_Token], i: int) -> bool:
    """A past-tense verb: a known one, or an "-ed" word followed by what starts an object."""
    word = tokens[i].word
    if word in _PAST:
        return True
    if not _is_verb_form(word):
        return False
    if i + 1 >= len(tokens):
        return False
    following = tokens[i + 1]
    return (
        following.word in _OBJECT_STARTS or following.capital or following.word[0] in "$0123456789"
    )


def _clause_after(tokens: list[_Token], i: int) -> bool:
    """Whether a clause with its own subject starts at token i ("imports fell", "Biden blocked").

    The subject is a name, or "the"/"its"/"their" and up to three words, or one plural noun.
    """
    if i >= len(tokens):
        return False
    if tokens[i].capital:
        end = i
        while end < len(tokens) and tokens[end].capital and end - i < _MAX_SUBJECT:
            end += 1
    elif tokens[i].word in _CLAUSE_DETERMINERS:
        end = next((j for j in range(i + 1, min(i + 2 + _MAX_SUBJECT, len(tokens)))
                    if _is_verb_form(tokens[j].word)), len(tokens))  # fmt: skip
    elif tokens[i].word.endswith("s") and not _is_verb_form(tokens[i].word):
        end = i + 1
    else:
        return False
    has_aux = end < len(tokens) and tokens[end].word in _AUXILIARIES
    return _verb_after(tokens, end) is not None or (
        has_aux and end + 1 < len(tokens) and _is_verb_form(tokens[end + 1].word)
    )


def _first_verb(tokens: list[_Token], joint: int) -> tuple[int, int] | None:
    """Offsets of the first predicate's verb and of its auxiliaries, before the first joint."""
    for i in range(joint - 1, 0, -1):
        if tokens[i - 1].word in _DETERMINERS or not _is_verb_form(tokens[i].word):
            continue
        aux = i
        while aux > 0 and tokens[aux - 1].word in _AUXILIARIES | _ADVERBS:
            aux -= 1
        if aux == 0 or tokens[aux - 1].word in _STOP_BEFORE:
            return None  # no subject, or a relative clause ("which was founded and ...")
        if any(_is_clause_verb(token.word) for token in tokens[:aux]):
            return None  # "X have looked at what I've looked at and ...": whose subject?
        return tokens[i].start, tokens[aux].start
    return None


def _is_clause_verb(word: str) -> bool:
    """A verb before a subject that makes the sentence too tangled to split, unless it reports
    ("Trump said Japan pledged X and approved Y" still splits)."""
    return (_is_verb_form(word) or word in _AUXILIARIES) and word not in _REPORTING


def _is_verb_form(word: str) -> bool:
    return word in _PAST or (len(word) > 4 and word.endswith("ed") and word not in _NOT_VERBS)


def _in_opening_subordinate(text: str, tokens: list[_Token], join: _Join) -> bool:
    """ "While A rose and B fell, ...": the joint sits in a clause that opens the sentence."""
    comma = text.find(",")
    return tokens[0].word in _SUBORDINATORS and (comma < 0 or join.joint < comma)
