"""What a sentence's speaker says, cut out of the sentence: quotations and reported content.

- "X did A, saying, “Q”" / "X did A, announcing that B": the clause (the article's account of
  what X did) and what X says; a clause that only names the speaker ("X was quoted by VOA,
  saying, ...") is dropped;
- "X said: “Q”", "“Q,” X said.", "“Q,” said X.": the quotation alone, its speaker being the
  claimant. A quotation with words on both sides ("“A,” X said, “B.”") stays whole.
"""

from __future__ import annotations

import re

from service.extraction.pieces import QUOTE_MARKS, Piece, as_sentence, final_mark, trim_end, whole
from service.extraction.vocabulary import word_set

_PARTICIPLE = re.compile(
    r",\s*(?:saying|announcing|noting|adding|claiming|arguing|insisting|warning|stating|"
    r"declaring|explaining|stressing|emphasi[sz]ing|asserting|revealing|confirming)"
    r"(?:\s*[,:]\s*|\s+that\s+|\s+)(?=[“\"]?\w)"
)
_LEADING = re.compile(r"(?P<attribution>[^“”\"]{3,100}?)[,:]\s*[“\"]")
_TRAILING = re.compile(r"(?P<quote>[^“”\"]+?)[,]?[”\"]\s*,?\s*(?P<attribution>[^“”\"]{3,60})$")
# Verbs that introduce a quotation; "announced" and the like take a clause of their own.
_SAYS = word_set("""
    said says told tells quoted wrote writes added adds stated replied remarked asked declared
    insisted warned argued noted explained continued tweeted posted
""")
_MAX_ATTRIBUTION_WORDS = 8
_MAX_ATTRIBUTION_TAIL = 4
_WORD = re.compile(r"[\w’'-]+")


def split_speech(sentence: str) -> list[Piece]:
    """The sentence's clause and what its speaker says, what is said alone, or the whole."""
    participle = _PARTICIPLE.search(sentence)
    if participle:
        return _split_participle(sentence, participle)
    quotation = _quotation(sentence)
    return [quotation] if quotation else [whole(sentence)]


def _split_participle(sentence: str, match: re.Match[str]) -> list[Piece]:
    """ "X did A, saying Q": the clause A (unless it only names X) and Q."""
    start, end = match.end(), len(sentence)
    quoted = sentence[start] in QUOTE_MARKS
    if quoted:
        start += 1
        closing = _closing_quote(sentence, start)
        end = closing if closing is not None else end
    end = trim_end(sentence, start, end)
    if start >= end:
        return [whole(sentence)]
    content = Piece(start, end, as_sentence(sentence[start:end], sentence), True, quoted)
    clause = sentence[: match.start()]
    if _only_attribution(clause):
        return [content]
    return [Piece(0, len(clause), clause + final_mark(sentence)), content]


def _quotation(sentence: str) -> Piece | None:
    """The quotation of "X said: “Q”" or "“Q,” X said.", if the sentence is one."""
    leading = _LEADING.match(sentence)
    if leading and _names_speaker(leading.group("attribution")):
        start = leading.end()
        closing = _closing_quote(sentence, start)
        if closing is None or not sentence[closing + 1 :].strip(" .!?)"):
            return _quoted(sentence, start, len(sentence))
    opening = 1 if sentence[:1] in '“"' else 0
    trailing = _TRAILING.match(sentence, opening)
    if trailing and _names_speaker(trailing.group("attribution")):
        return _quoted(sentence, opening, trailing.end("quote"))
    return None


def _quoted(sentence: str, start: int, end: int) -> Piece | None:
    end = trim_end(sentence, start, end)
    if start >= end:
        return None
    return Piece(start, end, as_sentence(sentence[start:end], sentence), True, True)


def _names_speaker(attribution: str) -> bool:
    """Whether a few words say who speaks ("Trump said", "said the minister", "he told VOA")."""
    words = [w.lower() for w in _WORD.findall(attribution)]
    return 0 < len(words) <= _MAX_ATTRIBUTION_WORDS and any(w in _SAYS for w in words)


def _only_attribution(clause: str) -> bool:
    """Whether a clause just says who spoke: a speech verb and a few words after it."""
    words = [w.lower() for w in _WORD.findall(clause)]
    for i, word in enumerate(words):
        if word in _SAYS:
            return len(words) - i - 1 <= _MAX_ATTRIBUTION_TAIL and "that" not in words
    return False


def _closing_quote(sentence: str, start: int) -> int | None:
    """Where the quotation opened before `start` closes in the sentence, if it does."""
    for i in range(start, len(sentence)):
        if sentence[i] in '”"':
            return i
    return None
