"""Single-valued relations stated in so many words: a place has one capital, one largest city.

"The capital of Canada is Toronto." is read as the relation (capital, Canada, Toronto), "The
largest city of Turkey is Ankara." as (largest city, Turkey, Ankara). A passage that states the
same relation for the same holder settles it: "Its capital is Ottawa" in the article on Canada
refutes the claim, "Ottawa is the capital city of Canada" supports "The capital of Canada is
Ottawa". A passage that states it for another holder ("Osaka ... is the capital of
and most populous city in Osaka Prefecture") says nothing of the claim's, whatever an entailment
model makes of the shared words. Only plain statements are read ("its capital is", "X is the
capital of Y", "the capital and largest city is", "X is the most populous city in Y"); a
qualified one ("its administrative capital", "has three capital cities", "the second-largest
city") states no single value of the relation and is left to the other readers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from service.extraction.sentences import split_sentences
from service.verification.lexicon import KIND_NOUNS, fold

# A place name: capitalised words, with the particles names carry ("Rio de Janeiro").
_NAME = r"[A-Z][\w'’-]*(?: (?:(?:de|da|do|dos|del|la|le|al|el|of|es|on|upon) )?[A-Z][\w'’-]*)*"
# The relation nouns, alone or coordinated ("capital and largest city", "capital of and most
# populous city in", "capital, largest city and financial center").
_ONE = (
    r"(?:capital(?:\s+city)?|(?:[\w]+-)?(?:largest|biggest|most\s+populous)(?:\s+city)?|"
    r"(?:[\w-]+\s+){0,2}?(?:city|port|centre|center|metropolis|hub))"
)
_NOUN = (
    rf"{_ONE}(?:(?:,|\s+of)?\s+(?:and\s+)?(?:the\s+)?{_ONE}){{0,2}}"
    # not "capital district", "largest city by area": the noun phrase ends here
    r"(?=\s+(?:of|in|is|was|remains|has|and|since)\b|\s*[,.;:)]|\s*$)"
)
# Which relations a noun phrase names: "second-largest city" is no largest city.
_RELATION_WORDS = {
    "capital": re.compile(r"\bcapital\b"),
    "largest city": re.compile(r"(?<![\w-])(?:largest|biggest|most\s+populous)\b"),
}
# Whose relation a passage states when it names no holder: "its", "the country's".
_IMPLICIT = (
    r"(?:[Ii]ts|[Tt]he\s+(?:country|nation|state|province|region|island|territory)['’]s|[Tt]he)"
)
_HOLDER = (  # "of Canada", "of the Indian state of Maharashtra"
    rf"(?:of|in)\s+(?:the\s+)?(?:(?:(?!and\b)[\w-]+\s+){{1,4}}?of\s+(?:the\s+)?)?"
    rf"(?P<holder>{_NAME})"
)
# A holder the patterns could not read ("of the province"): the statement is not read at all.
_UNREAD_HOLDER = re.compile(r"\s+(?:of|in)\b")
# "Ottawa is the capital (city) of Canada", "It is the capital of ... Osaka Prefecture".
_VALUE_IS = re.compile(
    # The value opens the sentence or a coordinated clause, not an apposition ("known as Yẽn").
    rf"(?:^|(?<=; )|(?<=, and )|(?<=\band ))(?P<value>{_NAME}|\b[Ii]t)\s+"
    rf"(?:is|was|remains|has been)\s+"
    rf"(?:{_IMPLICIT}|(?P<possessor>{_NAME})['’]s?)\s+(?P<noun>{_NOUN})(?:\s+{_HOLDER})?"
)
# "Its capital (and largest city) is Ottawa", "The capital of Canada is Ottawa".
_IS_VALUE = re.compile(
    rf"(?:\b(?P<pronoun>{_IMPLICIT})|(?P<possessor>{_NAME})['’]s?)\s+(?P<noun>{_NOUN})"
    rf"(?:\s+{_HOLDER})?\s+(?:is|was|remains|has been)\s+(?P<value>{_NAME})"
)
# "... which hosts the capital, Brasília", "The capital and largest city, Barcelona, is ...".
_APPOSITIVE = re.compile(
    rf"\b{_IMPLICIT}\s+(?P<noun>{_NOUN}),\s+(?P<value>{_NAME})(?=,|\s+(?:is|was)\b|\.|$)"
)
# The relation as a claim names it.
_CLAIM_NOUN = r"(?:capital(?:\s+city)?|(?:largest|biggest|most\s+populous)\s+city)"
_CLAIM_VALUE_FIRST = re.compile(
    rf"^(?P<value>{_NAME})\s+(?:is|was)\s+the\s+(?P<noun>{_CLAIM_NOUN})\s+(?:of|in)\s+"
    rf"(?:the\s+)?(?P<holder>{_NAME})\W*$"
)
_CLAIM_HOLDER_FIRST = re.compile(
    rf"^(?:The\s+(?P<noun>{_CLAIM_NOUN})\s+(?:of|in)\s+(?:the\s+)?(?P<holder>{_NAME})|"
    rf"(?P<possessor>{_NAME})['’]s?\s+(?P<noun2>{_CLAIM_NOUN}))\s+(?:is|was)\s+"
    rf"(?P<value>{_NAME})\W*$"
)
# Superlatives: "the highest mountain in Africa", "the largest country in the world" (one value
# each). Not after a rank ("the second highest mountain"), which names no superlative.
_SUPERLATIVE = (
    r"(?:largest|biggest|smallest|highest|tallest|longest|shortest|deepest|oldest|youngest|"
    r"most\s+populous|least\s+populous)"
)
_RANKED = r"(?<!second\s)(?<!third\s)(?<!fourth\s)(?<!fifth\s)(?<![\w-])"
_SUPER_HOLDER = rf"(?:in|of|on)\s+(?:the\s+)?(?P<holder>{_NAME}|world)"
_SUPER_NOUN = rf"{_RANKED}(?P<sup>{_SUPERLATIVE})\s+(?P<noun>[a-z]+)\s+{_SUPER_HOLDER}"
# "the world's largest country", "Earth's highest mountain": the holder before the superlative.
_POSSESSIVE = rf"(?:the\s+)?(?P<holder>{_NAME}|world)['’]s?\s+{_RANKED}(?P<sup>{_SUPERLATIVE})"
# Where a superlative's noun phrase ends: "the largest city by area" is qualified, "the largest
# dwarf planet" no largest planet.
_NOUN_END = r"(?=\s*[,.;:)]|\s*$|\s+(?:and|but|with|since|after|which|that|who|whose)\b)"
_CLAIM_SUPERLATIVES = (
    re.compile(rf"^(?P<value>{_NAME})\s+(?:is|was)\s+the\s+{_SUPER_NOUN}\W*$"),
    re.compile(rf"^The\s+{_SUPER_NOUN}\s+(?:is|was)\s+(?P<value>{_NAME})\W*$"),
    re.compile(rf"^(?P<value>{_NAME})\s+(?:is|was)\s+{_POSSESSIVE}\s+(?P<noun>[a-z]+)\W*$"),
)
# "Pluto is the largest planet.": a superlative with no scope, read as the widest one.
_CLAIM_UNSCOPED = re.compile(
    rf"^(?P<value>{_NAME})\s+(?:is|was)\s+the\s+{_RANKED}(?P<sup>{_SUPERLATIVE})\s+"
    rf"(?P<noun>[a-z]+)\W*$"
)
# Scopes that leave nothing out: an unscoped superlative is said of them ("the largest planet"
# is the largest in the Solar System), and they are one another's ("on Earth", "in the world").
_WIDEST = {"world", "earth", "solar system", "universe"}
_SUBJECT = rf"(?:^|(?<=; )|(?<=, and )|(?<=\band ))(?P<value>{_NAME}|\b[Ii]t)\s+"
_PASSAGE_SUPERS = (
    # "X is the largest (and most massive) moon in the Solar System", "X is a natural
    # satellite of Jupiter and is the largest moon in ..."
    re.compile(
        rf"{_SUBJECT}(?:is|was|remains|has been)\s+(?:[^,;.]*?\s+and\s+is\s+)?(?:also\s+)?"
        rf"the\s+{_RANKED}(?P<sup>{_SUPERLATIVE})(?:\s+and\s+(?:the\s+)?most\s+[a-z]+)?\s+"
        rf"(?P<noun>[a-z]+)\s+{_SUPER_HOLDER}"
    ),
    # "Mount Everest is Earth's highest mountain."
    re.compile(
        rf"{_SUBJECT}(?:is|was|remains|has been)\s+(?:also\s+)?{_POSSESSIVE}\s+(?P<noun>[a-z]+)"
        rf"{_NOUN_END}"
    ),
    # "Jupiter is the fifth planet from the Sun, and the largest in the Solar System": the
    # noun carried over from an ordinal's ("a dwarf planet ..., and the largest" is not read).
    re.compile(
        rf"{_SUBJECT}(?:is|was)\s+the\s+(?:first|second|third|fourth|fifth|sixth|seventh|"
        rf"eighth|ninth|tenth)\s+(?P<noun>[a-z]+)(?:\s+from\s+the\s+{_NAME})?,?\s+and\s+"
        rf"(?:is\s+)?(?:also\s+)?the\s+{_RANKED}(?P<sup>{_SUPERLATIVE})\s+{_SUPER_HOLDER}"
    ),
)
# A value that refers back to what the claim does not name: nothing to compare.
_REFERRING = re.compile(r"(?:It|This|That|These|Those|He|She|They)$")
ALIAS_LIKE = 0.6  # names this alike may be spellings of one place ("Kiev", "Kyiv")


@dataclass(frozen=True)
class Statement:
    """The `relation` of `holder` is `value` (e.g. the capital of Canada is Ottawa)."""

    holder: str
    value: str
    relation: str = "capital"  # capital | largest city | another superlative ("highest mountain")


@dataclass(frozen=True)
class Finding:
    """What a passage says of a claim's relation: supports, refutes, or speaks of another holder."""

    stance: str  # supports | refutes | neutral
    reason: str


def claim_statement(text: str) -> Statement | None:
    """The relation a claim states ("The capital of Canada is Toronto."), if it states one."""
    text = text.strip()
    for pattern in _CLAIM_SUPERLATIVES:
        superlative = pattern.match(text)
        if superlative:
            relation = _super_relation(superlative)
            return Statement(superlative.group("holder"), superlative.group("value"), relation)
    unscoped = _CLAIM_UNSCOPED.match(text)
    if unscoped:  # no holder: the widest scope's
        return Statement("", unscoped.group("value"), _super_relation(unscoped))
    match = _CLAIM_HOLDER_FIRST.match(text) or _CLAIM_VALUE_FIRST.match(text)
    if not match:
        return None
    found = match.groupdict()
    holder = found.get("holder") or found.get("possessor") or ""
    relations = _relations(found.get("noun") or found.get("noun2") or "")
    if not holder or len(relations) != 1:
        return None
    return Statement(holder, match.group("value"), relations[0])


def passage_statements(snippet: str, title: str) -> list[Statement]:
    """The relations a passage states; a holder or value left implicit is its title's subject."""
    found: list[Statement] = []
    for start, end in split_sentences(snippet):
        sentence = snippet[start:end]
        for match in _VALUE_IS.finditer(sentence):
            holder = match.group("holder") or match.group("possessor")
            if not holder and _UNREAD_HOLDER.match(sentence, match.end()):
                continue
            value = match.group("value")
            value = title if value.lower() == "it" else value
            found += _stated(holder or title, value, match.group("noun"))
        for match in _IS_VALUE.finditer(sentence):
            holder = match.group("holder") or match.group("possessor")
            if not holder and _UNREAD_HOLDER.match(sentence, match.end("noun")):
                continue
            found += _stated(holder or title, match.group("value"), match.group("noun"))
        for match in _APPOSITIVE.finditer(sentence):
            found += _stated(title, match.group("value"), match.group("noun"))
        for pattern in _PASSAGE_SUPERS:
            for match in pattern.finditer(sentence):
                value = match.group("value")
                value = title if value.lower() == "it" else value
                found.append(Statement(match.group("holder"), value, _super_relation(match)))
    # "U.S." cut at its period by the sentence splitter leaves "U": no name. A place is not its
    # own capital: "Doha is the capital and largest city, and main financial hub of Qatar" names
    # its holder where the patterns do not reach.
    return [
        s
        for s in dict.fromkeys(found)  # a statement read by two patterns counts once
        if len(bare_name(s.holder)) > 2
        and len(bare_name(s.value)) > 2
        and not same_name(s.holder, s.value)
    ]


def judge(claim_text: str, snippet: str, title: str) -> Finding | None:
    """Whether the passage's statements of the claim's relation support or refute it, or speak
    only of another holder's (None when the claim states no such relation or the passage none).
    A superlative with no scope ("the largest planet") is the widest scope's ("in the Solar
    System", "in the world"): "the largest moon of Saturn" is another holder's."""
    claimed = claim_statement(claim_text)
    if claimed is None or _REFERRING.match(claimed.value):
        return None  # "It is Shakespeare's longest play.": the claim does not name its value
    relation = claimed.relation
    claimed = Statement(_phrase(claimed.holder), claimed.value, relation)
    stated = [
        Statement(_phrase(s.holder), s.value, s.relation)
        for s in passage_statements(snippet, title)
        if same_relation(s.relation, relation)
    ]
    mine = [s for s in stated if _same_holder(s.holder, claimed.holder)]
    of = f" of {claimed.holder}" if claimed.holder else ""
    if any(same_name(s.value, claimed.value) for s in mine):
        return Finding("supports", f"names {claimed.value} as the {relation}{of}")
    others = [s for s in mine if not _maybe_alias(s.value, claimed.value)]
    if others:
        said = others[0].value
        return Finding(
            "refutes", f"names {said} as the {relation}{of or ' of ' + others[0].holder}"
        )
    elsewhere = [s for s in stated if same_name(s.value, claimed.value)]
    if elsewhere and not mine:
        return Finding("neutral", f"speaks of the {relation} of {elsewhere[0].holder}")
    return None


def same_relation(stated: str, claimed: str) -> bool:
    """Whether two relations are one: the same superlative of the same noun or its synonym
    ("largest nation", "largest country"); a noun's kinds are not it ("largest manufacturer" is
    no "largest company")."""
    if stated == claimed:
        return True
    (sup, _, noun), (claimed_sup, _, claimed_noun) = stated.rpartition(" "), claimed.rpartition(" ")
    return (
        sup == claimed_sup
        and noun in KIND_NOUNS.get(claimed_noun, ())
        and claimed_noun in KIND_NOUNS.get(noun, ())
    )


def _same_holder(stated: str, claimed: str) -> bool:
    """Whether a passage's holder is the claim's: written alike, or both the widest scope (no
    scope in the claim)."""
    if not claimed:
        return bare_name(stated) in _WIDEST
    return same_name(stated, claimed) or (
        bare_name(stated) in _WIDEST and bare_name(claimed) in _WIDEST
    )


def _phrase(holder: str) -> str:
    """A holder as a reason names it ("the world", "the Solar System")."""
    return f"the {holder}" if bare_name(holder) in _WIDEST - {"earth"} else holder


def _super_relation(match: re.Match) -> str:
    """The relation a superlative names ("highest mountain"; "largest city" as the capital's
    coordinated form names it; "biggest" is "largest")."""
    sup = " ".join(match.group("sup").split()).replace("biggest", "largest")
    sup = "largest" if sup == "most populous" and match.group("noun") == "city" else sup
    return f"{sup} {match.group('noun')}"


def _relations(noun_phrase: str) -> list[str]:
    """The relations a noun phrase names ("capital and largest city": both)."""
    return [name for name, words in _RELATION_WORDS.items() if words.search(noun_phrase)]


def _stated(holder: str, value: str, noun_phrase: str) -> list[Statement]:
    return [Statement(holder, value, relation) for relation in _relations(noun_phrase)]


def same_name(a: str, b: str) -> bool:
    """Whether two names are written alike (case, accents and a leading "the" aside)."""
    return bare_name(a) == bare_name(b)


def _maybe_alias(a: str, b: str) -> bool:
    """Names one may be a spelling or a part of the other ("Delhi", "New Delhi")."""
    x, y = bare_name(a), bare_name(b)
    return x in y or y in x or SequenceMatcher(None, x, y).ratio() >= ALIAS_LIKE


def bare_name(name: str) -> str:
    """A name as compared: folded, without punctuation or a leading "the"."""
    text = re.sub(r"[^\w\s]", "", fold(name))
    return re.sub(r"^the\s+", "", " ".join(text.split()))
