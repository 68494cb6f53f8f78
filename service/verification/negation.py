"""Negated claims: "X is not Y" is read through "X is Y", whose reading the model gets right.

An entailment model trained on FEVER reads "Neil Diamond is not a football player." against
"Neil Diamond is an American singer-songwriter, musician and actor." as a contradiction: the
unmatched "not" weighs more than what the passage says. The claim's positive form ("Neil Diamond
is a football player.") is read instead: a passage that confirms it denies the negated claim. One
that denies it is not taken to confirm the negated claim: the model reads a passage naming
something else ("singer-songwriter") as a denial, which only a closed world makes a proof. Read
that way (support from the positive form's denial), FEVER Symmetric's `refuted` precision was
0.885 rather than 0.864, but Climate-FEVER's `supported` precision fell from 0.746 to 0.723.
"""

from __future__ import annotations

import re

# One plain negation of the verb: "is not", "was never", "does not", "isn't", "has never". In
# lower case only: "Do Not Disturb" and "Never Let Me Go" are titles, not negations.
_NEGATED = re.compile(
    r"\b(?P<verb>is|are|was|were|has|have|had|does|do|did|can|could|will|would)"
    r"(?:\s+not\b|n['’]t\b|\s+never\b)"
)
_NEGATIONS = re.compile(r"\b(?:not|never|cannot)\b|n['’]t\b")
_NEVER = re.compile(r"\bnever\s+")


def positive(claim_text: str) -> str | None:
    """The claim without its one negation ("X is Y" for "X is not Y", "X won" for "X never
    won"), or None if it has none, or more than one (a double negation is read as it is)."""
    if len(_NEGATIONS.findall(claim_text)) != 1:
        return None
    if _NEGATED.search(claim_text):
        return _NEGATED.sub(lambda m: m.group("verb"), claim_text, count=1)
    if re.search(r"\bcannot\b", claim_text):
        return re.sub(r"\bcannot\b", "can", claim_text, count=1)
    if _NEVER.search(claim_text):
        return _NEVER.sub("", claim_text, count=1)
    return None  # "not" with no verb before it ("X, not Y, ..."): read as it is
