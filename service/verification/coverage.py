"""What a passage must at least mention to support a claim: the names the claim gives, and the
nationality it gives ("an Indian cricketer" is not borne out by "a Pakistani cricketer").

An entailment model reads "the first person to walk on the Moon" as support for "Neil Armstrong
walked on Mars": one name swapped in a sentence that otherwise matches. A passage that never
mentions a name the claim gives, not even in another form ("Australian" for "Australia"), does
not say what the claim says; it may still contradict it, so only its support is set aside.
Common nouns are not asked for: passages say "film" for "movie" and "author" for "writer" too
often (on FEVER Symmetric dev, a noun check set aside a quarter of the right supports).
A name of several words is mentioned only where one of its words is, in one of its inflections
("Union", "Unions"), or its initials are ("EU"): a word that only begins alike is often another
name's ("Europe" in "Switzerland ... is a landlocked country ... of Central, Western, and Southern
Europe" is no mention of the European Union, which the model took it for), and its ordinal must
be there ("the Second World War" is no mention of the First).
"""

from __future__ import annotations

import re

from service.domain import Claim, Evidence
from service.extraction.entities import find_entities
from service.verification import lexicon
from service.verification.ordinals import ORDINAL_NUMBERS

_WORD = re.compile(r"[^\W_]+")
STEM = 4  # letters a name word and a passage word share to be one name's forms ("Austral")
# A nationality before what it qualifies, after "a"/"an"/"the" ("an Indian cricketer").
_DEMONYM = re.compile(r"\b(?:a|an|the) ([A-Z][a-z]+(?:an|ian|ese|ish|i|ch))(?= [a-z])")


def unsaid(claim: Claim, evidence: Evidence, subject: str | None) -> str:
    """A name of the claim the passage never mentions in any form ("" if none). The subject is
    not asked of a passage without a title: whoever supplied it chose it for the claim, and it
    may call the subject "she"."""
    text = f"{evidence.title} {evidence.snippet}"
    words = [lexicon.fold(w) for w in _WORD.findall(text)]
    stems = {w[:STEM] for w in words}
    # a word of a name of several words counts where it is written as a name: "state" is no
    # mention of the United States ("a state in the southwestern region of Mexico")
    forms = {lexicon.stem(lexicon.fold(w)) for w in _WORD.findall(text) if w[:1].isupper()}
    for name in claim.entities or find_entities(claim.text):
        if name == subject and not evidence.title:
            continue
        name = _with_rank(claim.text, name)
        named = {lexicon.fold(w) for w in _WORD.findall(name)} - lexicon.STOPWORDS
        if named and not _mentioned(name, named, (stems, forms, set(words))):
            return name
    for demonym in _DEMONYM.findall(claim.text):
        # "an Indian cricketer": the nationality is a name too ("India" or "Indian" for it)
        if lexicon.fold(demonym)[:STEM] not in stems:
            return demonym
    return ""


def _with_rank(text: str, name: str) -> str:
    """A name with the capitalised ordinal the claim writes before it ("First World War": the
    names found leave it out)."""
    ranked = re.search(rf"\b([A-Z][a-z]+)\s+{re.escape(name)}", text)
    if ranked and ranked.group(1).lower() in ORDINAL_NUMBERS:
        return f"{ranked.group(1)} {name}"
    return name


def _mentioned(name: str, named: set[str], passage: tuple[set[str], set[str], set[str]]) -> bool:
    """Whether a passage (its words' beginnings, inflected forms and words) names a name: by its
    initials ("EU"), or by one of its words in another form ("Australian"); a name of several
    words by one of its words as itself, inflected or not (a shared beginning alone, "Europe"
    for "European Union", is another name's word)."""
    stems, forms, words = passage
    initials = "".join(w[0] for w in _WORD.findall(name) if w[:1].isupper()).lower()
    if len(initials) > 1 and initials in words:
        return True
    if len(named) > 1:
        # the word that tells it from its namesakes must be there: "First" of "First World War"
        # ("during the Second World War" is no mention of it)
        ranks = {w for w in named if w in ORDINAL_NUMBERS}
        return bool({lexicon.stem(w) for w in named} & forms) and ranks <= words
    return bool({w[:STEM] for w in named} & stems)
