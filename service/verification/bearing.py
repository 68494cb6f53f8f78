"""Whether a passage bears on a claim at all, before anything reads its stance.

Open retrieval returns passages that are topical without bearing on the claim: the article on
Kenya for "Barack Obama was born in Kenya", on Sydney ("the capital city of the state of New
South Wales") for "The capital of Australia is Sydney", on Sanae Takaichi for "Shigeru Ishiba is
the Prime Minister of Japan". An entailment model reads such passages as support or contradiction
often enough to decide verdicts wrongly, so a passage may take a side only when

- it is about the claim's subject, its main entity (the name the claim opens with): the
  passage's title is that name (its own article; so is "Apple Inc." for "Apple" and, unless the
  passage calls it a work or a thing, "Barack Obama" for "Obama", not "2001: A Space Odyssey" for
  "The Odyssey") or contains it, or its text names it in full;
- what it says is said of that subject: a clause that repeats the claim's predicate names the
  subject (a word of its name inside another name, "River" of "Paraguay River", is no mention
  of the Amazon River), or the passage is the subject's own article, whose every clause is
  about it; an own article that repeats nothing of the predicate may still speak to it in other
  words. A qualified title ("Casablanca (film)") is not the subject's own article when the
  unqualified one was found too and the claim does not say what the qualifier says: it is
  another thing of that name;
- it does not say it only of the past when the claim says someone holds a role now ("served as
  Prime Minister" for "is the Prime Minister"), nor of another name where the claim relates its
  subject to one ("capital of New South Wales" for "capital of Australia");
- where the claim compares its subject with something ("The Moon is larger than the Earth"), it
  compares that subject, not something else with it ("Slightly larger than Earth's Moon, Io is
  ..."): a passage whose comparisons all have another subject states none of the claim's;
- where the claim says where someone was born, it speaks of a birth at all ("born",
  "birthplace", "German-born"): where a person lived or reigned is no birthplace.

A claim that names no subject ("Global warming is ...": an opening capitalised word before a
lower-case word other than a verb is an ordinary word) is matched by its words: a titled passage
must mention a share of them (TOPICAL). A claim that opens by referring back to what it does not
name ("It was published in 1849.", "The film was based on a novel.") is matched by no titled
passage. A passage without a title
was supplied for the claim by the client (who chose it, and it often says "she" or "the film"):
it is taken as the subject's own.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from service.domain import Claim, Evidence, Quantity
from service.extraction.entities import find_entities
from service.extraction.quantities import find_quantities
from service.extraction.sentences import split_sentences
from service.extraction.vocabulary import (
    DEMONYMS,
    NAME_TITLES,
    NOT_PERSON,
    TITLE_MODIFIERS,
    word_set,
)
from service.verification import cues, lexicon
from service.verification.ordinals import find_ordinals

# A passage without a title that opens like this refers back to a subject named elsewhere.
ANAPHOR = re.compile(
    r"\W*(?:he|she|it|they|his|her|its|their|this|these|those|the|several)\b", re.I
)
# A clause of another article that opens with these speaks of that article's subject.
_OWN_PRONOUN = re.compile(r"\W*(?:it|its|he|his|she|her|they|their)\b", re.I)
# A claim that opens with these refers to something it does not name ("It was ...").
_REFERRING = word_set("it its this these those that he she his her they their")
# "The film ...", "The band's ...": one thing of a kind the claim does not name (a claim that
# names nothing else; "The film Psycho" names it and has a subject).
_DEFINITE_THING = re.compile(
    r"(?:The|This|That)\s+(?:[a-z-]+\s+)?(?:film|movie|book|novel|novella|song|album|band|"
    r"company|firm|city|town|village|team|club|show|series|episode|game|play|character|man|"
    r"woman|boy|girl|actor|actress|singer|player|president|king|queen|group|building|ship|"
    r"author|writer|director|university|school|painting|poem|story|church|magazine|newspaper)"
    r"(?:['’]s)?(?![\w'’])(?!\s+[A-Z])"
)
# Verbs that follow a name opening a claim ("Mexico had", "Paris is").
_VERBS_AFTER_NAME = word_set("""
    is are was were has have had will would can could did does do may might must shall should
    remains became becomes
""")
# A name inside a longer one, or after a preposition, is mentioned in passing.
_GLUED = ("–", "—", "-")  # "post–World War II"
_DASH_IN_WORD = re.compile(r"(?<=\w)[–—](?=\w)")
_PREPOSITIONS = word_set("""
    of with in on at by for from to after before during since until against between among under
    over about like than into through within without despite toward towards
""")
_KIND_NAMES = {"year": "year", "date": "year", "money": "amount", "percent": "percentage"}
_YEAR = re.compile(r"\b(?:1\d{3}|20\d{2})(?:s|’s|'s)?\b")
# Whether a passage gives any figure of a kind at all (its value is the rules' to compare).
_FIGURE_OF_KIND = {
    "year": _YEAR,
    "date": _YEAR,
    "money": re.compile(r"[$€£¥]\s?\d|\d\s?(?:dollars?|euros?|pounds|yen|usd|eur)\b", re.I),
    "percent": re.compile(r"\d\s?(?:%|per\s?cent)", re.I),
}
# "born in France", "was born at Stratford": a birthplace, a capitalised name, follows.
_BORN_IN = re.compile(r"\bborn\s+(?:in|at)\s+(?:the\s+)?(?P<place>[A-Z][\w'’.-]*)")
_MONTH_NAMES = word_set(
    "january february march april may june july august september october november december"
)
_BIRTH = re.compile(r"\b(?:born|birth|birthplace|native|natives)\b", re.I)  # "German-born" too
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:an|ian|ese|ish|ch)")
TOPICAL = 0.35  # share of a nameless claim's content words a titled passage must mention
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_NUMERALS = frozenset("IVX")  # one-letter Roman numerals closing a name
# A word of a title that may be a name's (an initial "J." too): letters, no digit.
_TITLE_TOKEN = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]*)*")
# What may follow a name in its own article's title ("Martin Luther King Jr.", "Apple Inc.").
_NAME_SUFFIXES = word_set(
    "jr sr inc ltd corp co plc llc corporation incorporated limited i ii iii iv v vi vii viii"
)
# A ship's or an office's designator before a name ("RMS Titanic", "HMS Victory", "US").
_DESIGNATOR = re.compile(r"[A-Z]{2,4}")
# Abbreviations a name goes on after ("St. Louis", "Mt. Fuji").
_ABBREVIATIONS = word_set("st mt ft jr sr dr mr mrs ms prof gen col sen rep gov lt sgt")
# A lead that says its subject is a work or a thing, not a person ("Blue Moon is a 1934 popular
# song"): a title of given words and a name is then no fuller name of the claim's subject.
_THING_LEAD = re.compile(
    r"\b(?:is|was|are|were)\s+(?:an?|the)\b(?:\s+[\w'’-]+){0,6}?\s+(?:film|movie|song|single|"
    r"album|novel|book|series|sitcom|opera|musical|poem|painting|sculpture|band|company|brand|"
    r"ship|episode|magazine|newspaper|franchise|manga|anime|festival|building|bridge|river|lake|"
    r"mountain|island|village|region|county|province|crater|moon|planet|galaxy|species|genus|"
    r"dish|beer|wine|vehicle|aircraft|satellite|spacecraft|software|hotel|restaurant|tower|"
    r"church|temple|airport)s?\b",
    re.I,
)
_LEAD_CHARS = 200  # how far into the passage its first statement of what it is is sought
# "capital of Australia", "Prime Minister of Japan": a relation from the subject to a name.
_RELATION = re.compile(r"\b([A-Za-z]+) of (?:the )?((?:[A-Z][\w'’.-]*)(?: [A-Z][\w'’.-]*)*)")
# A present-tense claim ("X is the Prime Minister") is not borne out by a past-tense clause ("X
# served as Prime Minister"): the passage says it was so, not that it is.
_PRESENT = re.compile(r"\b(?:is|are|remains|serves|holds|leads|heads|runs)\b", re.I)
_PAST = re.compile(r"\b(?:was|were|served|former|formerly|until|ended|previously|had been)\b", re.I)
_CURRENT = re.compile(
    r"\b(?:is|are|serves|has served|have served|remains|since|current|currently|incumbent)\b", re.I
)
# Roles a person holds for a time: a present-tense claim of one needs a present-tense passage.
_ROLE = re.compile(
    r"\b(?:president|prime minister|minister|chancellor|premier|king|queen|monarch|emperor|pope|"
    r"ceo|chief|chair|chairman|chairwoman|leader|head|governor|mayor|senator|member|captain|"
    r"coach|director|manager|secretary|speaker|champion|holder|owner|editor|ambassador|judge)s?\b",
    re.I,
)
# A comparison: a comparative ("larger", "more populous", "fewer") and "than", a few words on
# ("larger in diameter than"), not "other than" or "rather than".
_THAN = re.compile(
    r"\b(?!(?:oth|rath|eith|neith|wheth|nev|aft|und|ov|ev)er\b)(?:[a-z]+er|more|less|fewer|"
    r"better|worse)\b(?:\s+[\w%-]+){0,3}?\s+than\b",
    re.I,
)
# Between a claim's subject and its comparison: a verb and a few words ("is", "has a", "is 8
# times").
_COMPARES = re.compile(
    r"\s+(?:is|are|was|were|has|have|had|remains|became)(?:\s+[\w%.,-]+){0,3}\s+"
)
# What ends a "than" phrase: another clause ("larger than Mercury, but has less ... than").
_NEW_CLAUSE = re.compile(r"[;:]|,\s+(?:and|but|while|whereas)\b|\b(?:but|whereas)\b")
# What refers back to an own article's subject as a comparison's subject ("It is larger than").
_PRONOUN_SUBJECT = re.compile(r"\b(?:it|he|she|they)\b", re.I)
# The same relation in a passage may name its object a few words on ("capital city of the
# state of New South Wales").
_RELATION_IN_PASSAGE = (
    r"\b(?i:{noun})\w*(?:\s+[a-z]+){{0,2}}\s+of\s+(?:the\s+)?(?:[a-z]+\s+of\s+)?(?:the\s+)?"
    r"((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*)*)"
)


@dataclass(frozen=True)
class Bearing:
    """Whether a passage may take a side on a claim, and whether it is the subject's own."""

    own: bool  # its topic is the claim's subject: its title names it (or it has no title)
    reason: str = ""  # why it may take no side ("" when it may)

    @property
    def bears(self) -> bool:
        """Whether the passage may support or refute the claim."""
        return not self.reason


def bearing(claim: Claim, evidence: Evidence, titles: Collection[str] = ()) -> Bearing:
    """Whether and how the passage bears on the claim (see the module's rules), among passages
    with these titles (a qualified title is another sense of a name whose article is there)."""
    found = _bearing(claim, evidence, titles)
    missing = ""
    if found.bears:
        missing = _missing_figure(claim, evidence.snippet) or _missing_birth(claim, evidence)
    return Bearing(found.own, missing) if missing else found


def _bearing(claim: Claim, evidence: Evidence, titles: Collection[str]) -> Bearing:
    """bearing() but for the claim's figures."""
    title = _PARENTHETICAL.sub("", evidence.title).strip()
    snippet = evidence.snippet
    if _refers_back(claim.text):
        if not title:
            return Bearing(True)  # supplied for this claim: the readers decide
        return Bearing(False, "cannot be matched: the claim does not name its subject")
    subject = main_entity(claim)
    if subject is None:
        # No name to anchor on ("Global warming is driving polar bears toward extinction"):
        # a passage about the claim's topic at all may be read.
        share = lexicon.overlap(claim.text, (), f"{title}. {snippet}")[0]
        if title and share < TOPICAL:
            return Bearing(False, "mentions little of the claim")
        heads = _subject_heads(claim.text)
        if title and heads and not heads & lexicon.stems_of(f"{title}. {snippet}"):
            # "The element mercury is a gas" is not said by the article on nitrous oxide
            return Bearing(False, f"never mentions {min(heads)!r}, what the claim speaks of")
        return _within_predicate(claim, title, snippet, not title)
    words = _significant(subject)
    numbered = _numbers_after(claim.text, subject)
    if numbered:
        seen = _numbers_after(f"{title}. {snippet}", subject)
        if seen and not seen & numbered:
            # "Apollo 11" for "Apollo 13": the number is part of the name
            return Bearing(False, f"speaks of {subject} {min(seen)}, not {subject} {min(numbered)}")
    if not title:
        # A passage without a title was chosen for this claim by whoever supplied it, and
        # often refers to its subject only as "she" or "the film": it is taken as the
        # subject's own.
        own = about = True
    else:
        own = _is_name_of(title, words, snippet) and not _homonym(claim, evidence.title, titles)
        about = own or words <= _significant(title) or _names_all(snippet, words)
    if not about:
        return Bearing(False, f"is not about {subject}")
    if _compared_otherwise(claim.text, subject, words, snippet, own):
        return Bearing(own, f"compares something else with {subject}, not {subject} with it")
    predicate = _predicate_terms(claim, words)
    clause = _predicate_clause(snippet, predicate) if predicate else snippet
    if clause is None and _repeats_figure(claim, snippet):
        clause = snippet  # a date or number of the claim is what the passage speaks to
    if clause is None:
        if own:
            return Bearing(True)  # its own article may say it in other words
        return Bearing(False, f"says nothing of what the claim says of {subject}")
    # A title naming the subject inside a longer name ("Post–World War II economic expansion")
    # is about that other thing: where the claim names its subject as such ("World War II
    # ended ..."), a clause must too, not in passing ("the aftermath of World War II").
    inside = title and not own and words <= _significant(title)
    strict = inside and _names_as_subject(claim.text, words)
    names = _names_as_subject if strict else _names
    joined = _DASH_IN_WORD.sub("-", snippet)  # "post–World War II" stays one clause
    said_of = [c for c in _repeating(joined, predicate) if not _OWN_PRONOUN.match(c)]
    if title and not own and not any(names(c, words) for c in said_of):
        # The clauses that repeat the predicate speak of the article's own subject: "It
        # completes an orbit in relation to Earth and the Sun" in the article on the Moon.
        return Bearing(False, f"says it of {title}, not of {subject}")
    return _within_predicate(claim, title, clause, own)


def _within_predicate(claim: Claim, title: str, clause: str, own: bool) -> Bearing:
    """A passage about the claim's subject, unless it speaks of the predicate in another tense
    or for another name."""
    if _past_for_present(claim.text, clause):
        reason = "says it in the past tense; the claim says it is so now"
        return Bearing(own, reason)
    other = _other_relation(claim.text, clause)
    if other:
        return Bearing(own, f"speaks of the {other[0]} of {other[1]}")
    return Bearing(own)


def main_entity(claim: Claim) -> str | None:
    """The claim's main entity: the name that comes first in it (its subject, in most claims),
    or None when it names none. A capitalised word opening the claim before a lower-case word
    other than a verb ("Global warming is ...", "Water boils at 100 degrees Celsius") is an
    ordinary word: the subject is not a name, whatever names follow."""
    names = claim.entities or find_entities(claim.text)  # a claim built without its names
    placed = sorted((claim.text.find(name), name) for name in names)
    for at, name in placed:
        if at < 0 or not _significant(name):
            continue
        rest = claim.text[at + len(name) :]
        if at == 0 and " " not in name and _common_word_follows(rest):
            return None  # the subject is an ordinary noun phrase; later names are not it
        if _title_follows(rest):
            continue  # "US President Donald Trump ...": the name is the title's, not the subject
        if _nationality(name) and _qualifies_next(claim.text, at + len(name), placed):
            continue  # "The Dutch painter Vincent van Gogh": a nationality qualifying the subject
        return name
    return None


def _subject_heads(text: str) -> set[str]:
    """The stems of what a nameless claim speaks of: the last word before its verb, and the last
    before the subject's first "of" or "for" ("mercury" of "The element mercury is a gas";
    "reflection" and "photon" of "The reflection of photons is ..."); none without a verb."""
    tokens = lexicon.tokenize(text)
    for i, token in enumerate(tokens):
        if token in _VERBS_AFTER_NAME or (i and token.endswith("s") and _is_verb_after(tokens, i)):
            subject = tokens[:i]
            cut = next((j for j, t in enumerate(subject) if t in ("of", "for")), len(subject))
            heads = set()
            for part in (subject, subject[:cut]):
                content = [t for t in part if t not in lexicon.STOPWORDS and len(t) > 1]
                heads |= {lexicon.stem(content[-1])} if content else set()
            return heads
    return set()


def _is_verb_after(tokens: list[str], i: int) -> bool:
    """Whether a word ending in -s after a nameless subject is its verb ("Smoking causes ..."):
    a determiner or a preposition follows it."""
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    return following in ("a", "an", "the", "to", "in", "on", "at", "more", "less", "no")


def _qualifies_next(text: str, end: int, placed: list[tuple[int, str]]) -> bool:
    """Whether a few common nouns and then the next name follow a nationality ("Dutch painter
    Vincent van Gogh"), not a verb ("The Russian army invaded Ukraine")."""
    following = [at for at, _ in placed if at > end]
    if not following:
        return False
    between = lexicon.tokenize(text[end : following[0]])
    verbal = any(w in _VERBS_AFTER_NAME or w.endswith("ed") for w in between)
    return 0 < len(between) <= 3 and not verbal and text[end : following[0]].strip()[:1].islower()


def _nationality(name: str) -> bool:
    """Whether a one-word name is a nationality ("Dutch", "American", "Japanese")."""
    return name.lower() in DEMONYMS or bool(_NATIONALITY.fullmatch(name))


def _numbers_after(text: str, name: str) -> set[str]:
    """The numbers that follow a name as part of it ("Apollo 13", "Windows 10")."""
    return set(re.findall(rf"\b{re.escape(name)} (\d{{1,4}})\b(?![.,]\d)", text))


def _common_word_follows(rest: str) -> bool:
    """Whether the word after an opening capitalised word makes it an ordinary word: a lower-case
    word that is no verb ("Global warming", "Human additions")."""
    following = lexicon.tokenize(rest)[:1]
    if not following or not rest.lstrip()[:1].islower():
        return False
    word = following[0]
    return word not in _VERBS_AFTER_NAME and not word.endswith("ed")


def _title_follows(rest: str) -> bool:
    """Whether a title comes next ("President", "Prime Minister"), as after a country."""
    following = lexicon.tokenize(rest)[:2]
    words = [w for w in following if w not in TITLE_MODIFIERS][:1]
    return bool(words) and words[0] in NAME_TITLES


def _refers_back(text: str) -> bool:
    """Whether a claim opens by referring to what it does not name ("It was published ...", "The
    film was based on a novel.": which film, the sentence it came from said)."""
    tokens = lexicon.tokenize(text)
    if not tokens:
        return False
    thing = _DEFINITE_THING.match(text)
    if thing is None:
        return tokens[0] in _REFERRING
    if thing.group().endswith(("'s", "’s")):
        return True  # "The band's first album ..."
    following = lexicon.tokenize(text[thing.end() :])[:1]
    # the noun is the subject when a verb follows ("The film was ..."), not a modifier ("The
    # film industry in India ...")
    return bool(following) and (following[0] in _VERBS_AFTER_NAME or following[0].endswith("ed"))


def _significant(name: str) -> set[str]:
    """The lowercased words of a name that identify it (not "of", "the", nor a particle written
    in lower case, "da" of "Leonardo da Vinci"), with a closing Roman numeral ("World War I" is
    not "World War II")."""
    found = _NAME_WORD.findall(name)
    capitalised = [w for w in found if not w[:1].islower()] if len(found) > 1 else found
    words = {part for w in capitalised for part in _word(w).split("-")}
    numeral = {found[-1].lower()} if len(found) > 1 and found[-1] in _NUMERALS else set()
    return {w for w in words if w not in lexicon.STOPWORDS and len(w) > 1} | numeral


def _homonym(claim: Claim, title: str, titles: Collection[str]) -> bool:
    """Whether a qualified title ("Casablanca (film)") is another thing of the claim's subject's
    name: the evidence holds the unqualified article too ("Casablanca"), the name's first sense,
    and the claim does not say what the qualifier says (a film, a movie). Its text may still
    bear on the claim where it says the claim's predicate of the name; it is not the subject's
    own article, whose every clause would be about the subject."""
    qualifier = " ".join(_PARENTHETICAL.findall(title))
    kinds = {w for w in lexicon.tokenize(qualifier) if w.isalpha() and w not in lexicon.STOPWORDS}
    bare = _PARENTHETICAL.sub("", title).strip()
    if not kinds or bare not in titles:
        return False
    said = set(lexicon.tokenize(claim.text))
    stems = {lexicon.stem(w) for w in said}
    return not any(
        lexicon.stem(kind) in stems or lexicon.KIND_NOUNS.get(kind, frozenset()) & said
        for kind in kinds
    )


def _word(surface: str) -> str:
    """A name word as compared: lowercased, unaccented, no final period or possessive."""
    return lexicon.fold(surface).replace("’", "'").rstrip(".").removesuffix("'s")


def _is_name_of(title: str, words: set[str], snippet: str = "") -> bool:
    """Whether a title names the subject: the same words, the subject's words with a suffix
    ("Apple Inc.", "Elizabeth II"), or a person's fuller name, given names before the subject's
    ("Barack Obama" for "Obama", in a passage that does not call it a work or a thing). Not fewer
    words ("Chicago" is not "In Old Chicago"), nor a longer title of another work or thing that
    merely contains the name ("2001: A Space Odyssey" is not the Odyssey's, "New York City" not
    York's)."""
    title_words = _significant(title)
    if not title_words:
        return False
    if title_words == words:
        return True
    if not words < title_words:
        return False
    tokens = title.replace(",", " ").split()
    if not all(t[:1].isupper() and _TITLE_TOKEN.fullmatch(t) for t in tokens):
        return False  # a digit, a colon, a lower-case or function word: a work's title
    parts = [set(_word(t).split("-")) for t in tokens]
    named = [i for i, p in enumerate(parts) if p & words]
    if not named or any(_word(t) not in _NAME_SUFFIXES for t in tokens[named[-1] + 1 :]):
        return False  # words after the name ("New York City", "Paris, Texas"): another thing
    given = [_word(t) for t in tokens[: named[0]]]
    if not given:
        return True  # the name with a suffix ("Martin Luther King Jr.", "Apple Inc.")
    # Given names before the subject's: the title must read as a person's name, and the
    # passage must not say it is a work or a thing ("Blue Moon" is a song's, not the Moon's).
    if any(w in NOT_PERSON or w in lexicon.STOPWORDS or w in DEMONYMS for w in given):
        return False
    return len(tokens) <= 4 and not _THING_LEAD.search(snippet[:_LEAD_CHARS])


def figure_of_subject(claim: Claim, evidence: Evidence, at: int) -> bool:
    """Whether a figure at `at` in a passage may be one of the claim's subject: the claim names
    no subject, the passage is the subject's own (untitled, or titled with its name), or the
    sentence giving the figure names the subject in full. A figure in a sentence about something
    else is not ("Its population was 1.60 million" in a city's article is no count of a
    country's states; "Jupiter's four Galilean moons" none of the Earth's moons; "the Korean War
    from 1950" in the article on Korea no year of World War II's end)."""
    subject = main_entity(claim)
    if subject is None or not evidence.title:
        return True
    words = _significant(subject)
    title = _PARENTHETICAL.sub("", evidence.title).strip()
    if _is_name_of(title, words, evidence.snippet):
        return True
    for start, end in split_sentences(evidence.snippet):
        if start <= at < end:
            return _names_all(evidence.snippet[start:end], words)
    return False


def _names_all(text: str, words: set[str]) -> bool:
    """Whether a text names the subject in full: each of its words, capitalised as names are, and
    not inside another name ("Greenland Sea" names no Greenland)."""
    named: set[str] = set()
    for run in _name_runs(text):
        named |= _subject_words_of(run, words)
    return words <= named


def _names(text: str, words: set[str]) -> bool:
    """Whether a text names the subject: one of its words, capitalised as a name is, and not
    inside another name ("River" of "Paraguay River" is no mention of the Amazon River, nor
    "Obama" of "Michelle Obama" of Barack Obama, "Greenland" of "Greenland Sea" of Greenland,
    "Julius Caesar" of "Tiberius Julius Caesar Augustus" of Julius Caesar)."""
    return any(_subject_words_of(run, words) for run in _name_runs(text))


def _name_runs(text: str) -> list[list[str]]:
    """The runs of capitalised words a text writes one after another, as one name is written
    ("Tiberius Julius Caesar Augustus"); a possessive ("Earth's Moon") or a sentence's end
    closes a run."""
    runs: list[list[str]] = []
    current: list[str] = []
    last_end = 0
    for match in _NAME_WORD.finditer(text):
        word = match.group()
        joined = current and not text[last_end : match.start()].strip() and _continues(current[-1])
        if not word[:1].isupper():
            current = []
        elif joined:
            current.append(word)
        else:
            current = [word]
            runs.append(current)
        last_end = match.end()
    return runs


def _continues(word: str) -> bool:
    """Whether a name may go on after this word: not after a possessive, nor after a word that
    ends a sentence ("Greenland. The ..."; an initial or an abbreviation, "J.", "St.", may)."""
    if word.endswith(("'s", "’s")):
        return False
    bare = word.rstrip(".")
    return bare == word or len(bare) == 1 or bare.lower() in _ABBREVIATIONS


def _subject_words_of(run: list[str], words: set[str]) -> set[str]:
    """The subject's words a run of capitalised words names, none if the run is another name:
    a word outside the subject's own, before its first word (other than a title and what
    qualifies the title, "US President", a designator, "RMS Titanic", or an ordinary word
    opening a sentence, "In") or after
    its last (other than a suffix, "Jr.", "II"), makes it another name; a word between them is
    a middle name ("Barack Hussein Obama"). A name of several words written in full may go on
    ("Cleopatra VII Thea Philopator")."""
    parts = [_word(w).split("-") for w in run]
    at = [i for i, p in enumerate(parts) if any(part in words for part in p)]
    if not at:
        return set()
    before = [_word(w) for w in run[: at[0]] if not _DESIGNATOR.fullmatch(w)]
    titled = [i for i, w in enumerate(before) if w in NAME_TITLES]
    before = before[titled[-1] + 1 :] if titled else before
    after = [_word(w) for w in run[at[-1] + 1 :]]
    if any(w not in lexicon.STOPWORDS for w in before):
        return set()
    named = {part for p in parts for part in p if part in words}
    if len(words) > 1 and named == words:
        return named  # the whole name, then more of it: "Cleopatra VII Thea Philopator"
    if any(w not in _NAME_SUFFIXES and w not in lexicon.STOPWORDS for w in after):
        return set()
    return {part for p in parts for part in p if part in words}


def _names_as_subject(text: str, words: set[str]) -> bool:
    """Whether a text names the subject other than in passing: not only as the object of a
    preposition ("the aftermath of World War II") or inside a longer name ("post–World War II")."""
    previous_named = False  # the word before was a word of the name: judged with it
    for match in _NAME_WORD.finditer(text):
        word = match.group()
        parts = word.split("-")
        in_name = any(p[:1].isupper() and _word(p) in words for p in parts)
        continues, previous_named = previous_named, in_name
        if not in_name or continues or not word[:1].isupper():
            continue  # no name, the rest of one, or one glued to a word ("post-World")
        before = text[max(0, match.start() - 40) : match.start()]  # the tail only: linear
        if before.endswith(_GLUED):
            continue  # a part of a longer name
        previous = lexicon.tokenize(before)[-1:]
        if previous and previous[0] in _PREPOSITIONS:
            continue
        return True
    return False


def _missing_figure(claim: Claim, snippet: str) -> str:
    """Why a passage cannot speak to the claim, if it gives no figure of a kind the claim states
    (a year or date, an amount of money, a percentage, a numbered rank) and denies nothing: it
    neither confirms nor contradicts the figure ("German-born theoretical physicist" for "born
    in 1879"), whatever an entailment model makes of the rest. A passage that says "not" or
    "never" may still deny what else the claim says ("never agreed to buy U.S. Steel"). Counts
    are left out: their nouns vary too freely ("30 years", "three decades")."""
    if cues.negation_cue(snippet):
        return ""
    quantities = claim.quantities or find_quantities(claim.text)
    for q in quantities:
        kind = _KIND_NAMES.get(q.kind)
        if kind is None or _in_parentheses(claim.text, q):
            continue  # a count, or a title's "(2008 film)"
        if not _FIGURE_OF_KIND[q.kind].search(snippet):
            return f"gives no {kind} to set against {q.text}"
    ranks = [written for _, written in find_ordinals(claim.text) if written[:1].isdigit()]
    if ranks and not find_ordinals(snippet):
        return f"gives no rank to set against {ranks[0]}"
    return ""


def _missing_birth(claim: Claim, evidence: Evidence) -> str:
    """Why a passage cannot speak to where the claim says someone was born ("born in France"), if
    it speaks of no birth ("born", "birthplace", "native of", "German-born") and denies nothing:
    where a person lived or worked is not where they were born ("a Spanish painter ... who spent
    most of his adult life in France"), nor is a reign or career a birthplace's denial. A passage
    supplied without a title is left to the readers: its client chose it for the claim. Birth
    dates are left out: a lead gives them as "(25 October 1881 – 8 April 1973)"."""
    born = _BORN_IN.search(claim.text)
    if born is None or born.group("place").lower() in _MONTH_NAMES or not evidence.title:
        return ""
    if _BIRTH.search(evidence.snippet) or cues.negation_cue(evidence.snippet):
        return ""
    return f"says nothing of where {main_entity(claim) or 'the subject'} was born"


def _in_parentheses(text: str, q: Quantity) -> bool:
    """Whether a quantity sits in parentheses, as in a title's "Australia (2008 film)"."""
    at = text.find(q.text)
    return at >= 0 and text.rfind("(", 0, at) > text.rfind(")", 0, at)


def _predicate_terms(claim: Claim, subject_words: set[str]) -> set[str]:
    """Content stems of what the claim says of its subject (its other content words)."""
    subject = {lexicon.stem(w) for w in subject_words}
    return set(lexicon.content_terms(claim.text)) - subject


def _repeating(snippet: str, predicate: set[str]) -> list[str]:
    """The passage's clauses that repeat some of the predicate (all of them if it is empty)."""
    clauses = lexicon.clauses(snippet)
    return [c for c in clauses if predicate & lexicon.stems_of(c)] if predicate else clauses


def _repeats_figure(claim: Claim, snippet: str) -> bool:
    """Whether the passage writes one of the claim's numbers or years ("1894", "2013")."""
    digits = {d for q in claim.quantities for d in re.findall(r"\d{2,}", q.text)}
    return any(re.search(rf"(?<!\d){d}(?!\d)", snippet) for d in digits)


def _predicate_clause(snippet: str, predicate: set[str]) -> str | None:
    """The passage's clause that repeats most of the predicate, if any repeats any."""
    best, best_count = None, 0
    for clause in lexicon.clauses(snippet):
        count = len(predicate & lexicon.stems_of(clause))
        if count > best_count:
            best, best_count = clause, count
    return best


def _compared_otherwise(
    claim_text: str, subject: str, words: set[str], snippet: str, own: bool
) -> bool:
    """Whether a claim that compares its subject with something ("The Moon is larger than the
    Earth") meets a passage whose comparisons are made of another subject, naming the claim's
    only after "than" ("Ganymede ... has less surface gravity than ... Earth's Moon"): the
    comparison the passage states is not the claim's. A passage the subject's own article
    compares only of the subject's name or "it"; another passage must name it as what is
    compared. A passage comparing nothing is left to the other rules."""
    at = claim_text.find(subject)
    compared = _THAN.search(claim_text)
    if at < 0 or compared is None or compared.start() < at + len(subject):
        return False  # no comparison, or one whose subject is not the claim's subject
    if not _COMPARES.fullmatch(claim_text[at + len(subject) : compared.start()]):
        return False  # not what the claim says of its subject ("sooner than you think")
    found = False  # whether the passage compares anything
    for start, end in split_sentences(snippet):
        sentence = snippet[start:end]
        comparisons = list(_THAN.finditer(sentence))
        if not comparisons:
            continue
        found = True
        if _compares(sentence, comparisons, words, own):
            return False
    if own:
        # An own article compares of its subject unless it names the subject as compared with
        # something else ("Ganymede is larger than the Moon" in the Moon's).
        return found and _named_after_than(snippet, words)
    return found


def _compares(sentence: str, comparisons: list[re.Match], words: set[str], own: bool) -> bool:
    """Whether a sentence compares the subject: the subject (or, in its own article, "it")
    comes before a comparison with no other name or comparison between, and not itself inside
    the "than" phrase of an earlier one ("larger than Mercury, but has less gravity than")."""
    starts = [m.span() for m in _NAME_WORD.finditer(sentence) if _is_subject_word(m, words)]
    if own:
        starts += [m.span() for m in _PRONOUN_SUBJECT.finditer(sentence)]
    for at, end in starts:
        earlier = [m for m in comparisons if m.end() <= at]
        if earlier and not _NEW_CLAUSE.search(sentence, earlier[-1].end(), at):
            continue  # the object of an earlier comparison
        following = [m for m in comparisons if m.start() >= end]
        if not following:
            continue
        between = sentence[end : following[0].start()]
        others = [w for w in _NAME_WORD.findall(between) if w[:1].isupper()]
        if all(_word(w) in words for w in others) and not re.search(r"\bthan\b", between):
            return True
    return False


def _named_after_than(snippet: str, words: set[str]) -> bool:
    """Whether the passage names the subject after a "than" of its sentence."""
    for start, end in split_sentences(snippet):
        sentence = snippet[start:end]
        than = [m.end() for m in _THAN.finditer(sentence)]
        named = [m.start() for m in _NAME_WORD.finditer(sentence) if _is_subject_word(m, words)]
        if than and any(at > than[0] for at in named):
            return True
    return False


def _is_subject_word(match: re.Match, words: set[str]) -> bool:
    """Whether a name word of a text is a word of the subject's name, capitalised as names are."""
    word = match.group()
    return word[:1].isupper() and _word(word) in words


def _other_relation(claim_text: str, snippet: str) -> tuple[str, str] | None:
    """(relation, other name) when the passage speaks of the claim's "R of X" for another X
    only ("capital of New South Wales" for "capital of Australia")."""
    for noun, name in _RELATION.findall(claim_text):
        noun = noun.lower()
        if noun in lexicon.STOPWORDS:
            continue
        pattern = re.compile(_RELATION_IN_PASSAGE.format(noun=re.escape(noun)))
        objects = [m.group(1) for m in pattern.finditer(snippet)]
        target = _significant(name)
        if objects and not any(_significant(o) == target for o in objects):
            return noun, objects[0]
    return None


def _past_for_present(claim_text: str, clause: str) -> bool:
    """A present-tense claim that someone holds a role against a clause that says it only of
    the past."""
    claim_present = bool(_PRESENT.search(claim_text)) and not _PAST.search(claim_text)
    claim_present = claim_present and bool(_ROLE.search(claim_text))
    return claim_present and bool(_PAST.search(clause)) and not _CURRENT.search(clause)
