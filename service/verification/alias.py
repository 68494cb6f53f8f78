"""A name is confirmed as a name: "The Colosseum was also called the Roman Forum" needs a passage
that calls it so.

An entailment model reads "The Colosseum is an elliptical amphitheatre ... just east of the
Roman Forum" as support for "The Colosseum was also called the Roman Forum": the name is there,
as a place nearby. A claim that something is called, known as or nicknamed N is confirmed only
by a passage that introduces N as a name: after "called", "known as", "named", "nicknamed",
"or", an opening parenthesis or quotation mark, a few words before it ("also known as Shaka
Zulu, Shaka the Zulu", "(Latin: Colosseum)"). Such a passage may still
deny the claim; this reader takes only support away.
"""

from __future__ import annotations

import re

from service.verification import lexicon

# "X was (also) called N", "X is often referred to as N"; not "a capital called N", which
# names the claim's subject itself.
_CLAIM_ALIAS = re.compile(
    r"\b(?:is|was|are|were|be|been|being)\s+(?:[a-z]+ly\s+|also\s+|once\s+|later\s+)*"
    r"(?:called|known\s+as|named|nicknamed|dubbed|referred\s+to\s+as|renamed)\s+"
    r"(?:the\s+)?[\"“']?(?P<name>[A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+|de\s+)?[A-Z][\w'’.-]*)*)"
)
# What introduces a name in a passage, a few words before it.
_INTRODUCES = re.compile(
    r"(?:\b(?:called|known|named|nicknamed|dubbed|referred|renamed|or|aka|nickname|title)\b"
    r"|[(“\"'‘:])[^.;()]{0,50}$",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]+")


def unnamed_alias(claim_text: str, passage: str) -> str:
    """The name a claim says something is called that the passage never introduces as a name
    ("" when it does, or the claim gives none)."""
    match = _CLAIM_ALIAS.search(claim_text)
    if match is None:
        return ""
    name = match.group("name").rstrip(".")
    words = [w for w in _WORD.findall(name) if lexicon.fold(w) not in lexicon.STOPWORDS]
    if not words:
        return ""
    pattern = re.compile(r"\b" + r"\W+(?:\w+\W+)?".join(map(re.escape, words)) + r"\b", re.I)
    for found in pattern.finditer(passage):
        if _INTRODUCES.search(passage[max(0, found.start() - 80) : found.start()]):
            return ""
    return name
