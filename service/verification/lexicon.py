"""Word-level tools for stance rules: tokens, crude stems, content terms, clauses."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Dotted abbreviations ("U.S.") stay one token; words keep inner apostrophes ("didn't").
TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’][^\W_]+)*")
# Sentence ends, punctuation and conjunctions / relative pronouns that open a new clause.
# A period after a capital ("U.S. Steel") is taken for an abbreviation, not a sentence end.
_CLAUSE_BREAK = re.compile(
    r"(?<=[a-z0-9)\"'][.!?])\s+(?=[A-Z\"'])|[;:,()\[\]–—]"
    r"|\b(?i:but|while|whereas|although|though|however|who|whom|whose|which)\b"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _words(
    """a about above after again against all also am an and any are as at be because been before
    being below between both by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself of off on once only or other our ours ourselves out over own same
    she should so some such than that the their theirs them themselves then there these they this
    those through to too under until up very was we were what when where which while who whom why
    will with would you your yours yourself yourselves s t one ones said says say according
    million billion trillion thousand hundred percent per cent dollar dollars euro euros usd
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday"""
)

# Cues that flip a statement's polarity; "n't" endings are caught separately.
NEGATIONS = _words(
    """not no never nor neither none nobody nothing nowhere cannot deny denies denied
    denying reject rejects rejected refuse refuses refused unable incapable false"""
)


def fold(text: str) -> str:
    """Text as names are compared: lower-case, without accents ("Álvares" is "alvares")."""
    bare = unicodedata.normalize("NFKD", text)
    return "".join(c for c in bare if not unicodedata.combining(c)).lower()


def tokenize(text: str) -> list[str]:
    """Split text into word tokens (letters/digits, inner apostrophes kept), lowercased."""
    return [t.lower().replace("’", "'") for t in TOKEN.findall(text)]


# Irregular verb forms, met with their base's stem ("wrote", "written" and "writes" meet).
_IRREGULAR = {
    form: base
    for base, forms in (
        ("write", "wrote written"), ("sing", "sang sung"), ("begin", "began begun"),
        ("draw", "drew drawn"), ("build", "built"), ("win", "won"), ("give", "gave given"),
        ("take", "took taken"), ("hold", "held"), ("become", "became"), ("fight", "fought"),
        ("sell", "sold"), ("speak", "spoke spoken"), ("choose", "chose chosen"),
        ("grow", "grew grown"), ("teach", "taught"), ("bring", "brought"), ("buy", "bought"),
        ("steal", "stole stolen"), ("fly", "flew flown"), ("lose", "lost"), ("lead", "led"),
        ("rise", "risen"), ("drive", "drove driven"), ("eat", "ate eaten"),
        ("fall", "fell fallen"), ("sink", "sank sunk"), ("swim", "swam swum"),
        ("think", "thought"), ("meet", "met"),
        ("die", "died dies dying"),
    )
    for form in forms.split()
}  # fmt: skip


def stem(word: str) -> str:
    """Strip common English suffixes so that 'released', 'releases' and 'release' meet (and
    irregular forms: 'wrote', 'written' and 'write')."""
    w = word.lower().removesuffix("'s")
    w = _IRREGULAR.get(w, w)
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("es") and w[-3:-2] in ("s", "x", "h") and len(w) > 4:
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        w = w[:-1]
    if w.endswith("er") and len(w) >= 6:
        return stem(w[:-2] + "e")  # "writer" -> "write" -> "writ", "singer" -> "sing"
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if w[-1] == w[-2] and w[-1] not in "aeioulsfz":
                w = w[:-1]  # "stopped" -> "stop", but "called" -> "call"
            return w
    # Only a bare word loses its final "e", so "agree"/"agreed" and "make"/"making" meet.
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


def is_content(token: str) -> bool:
    """A token that carries meaning for overlap: not a stopword, a number or a negation cue."""
    return (
        token not in STOPWORDS
        and token not in NEGATIONS
        and not token.endswith("n't")
        and not any(c.isdigit() for c in token)
    )


def content_terms(text: str, entities: Iterable[str] = ()) -> dict[str, tuple[str, float]]:
    """Map each content stem of a text to (its surface form, weight); names weigh 2."""
    entity_words = {t for e in entities for t in tokenize(e)}
    terms: dict[str, tuple[str, float]] = {}
    for i, match in enumerate(TOKEN.finditer(text)):
        surface = match.group()
        token = surface.lower().replace("’", "'")
        if not is_content(token):
            continue
        # A capitalised word past the first position is likely a name: it identifies the topic.
        named = token in entity_words or (i > 0 and surface[:1].isupper())
        weight = 2.0 if named else 1.0
        key = stem(token)
        if key not in terms or terms[key][1] < weight:
            terms[key] = (surface, weight)
    return terms


def overlap(
    text: str, entities: Iterable[str], passage: str
) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    """Weighted share of a text's content words found in a passage (by stem), then the words
    found and the words missing, as the text spells them."""
    terms = content_terms(text, entities)
    total = sum(weight for _, weight in terms.values())
    if not total:
        return 0.0, (), ()
    present = stems_of(passage)
    found = tuple(surface for key, (surface, _) in terms.items() if key in present)
    missing = tuple(surface for key, (surface, _) in terms.items() if key not in present)
    share = sum(w for key, (_, w) in terms.items() if key in present) / total
    return share, found, missing


def subject_stems(text: str) -> set[str]:
    """Stems of the claim's leading run of capitalised words: its subject, in most claims."""
    subject = set()
    for match in TOKEN.finditer(text):
        surface = match.group()
        if not surface[:1].isupper():
            break
        subject.add(stem(surface))
    return subject


def stems_of(text: str) -> set[str]:
    """Every token stem of a text (stopwords included; cheap membership tests)."""
    return {stem(t) for t in tokenize(text)}


def clauses(text: str) -> list[str]:
    """Split a passage at clause boundaries, so a negation is read only where it applies."""
    parts = [p.strip() for p in _CLAUSE_BREAK.split(text)]
    return [p for p in parts if TOKEN.search(p)] or [text]


def _kinds(table: str) -> dict[str, frozenset[str]]:
    """'noun: other nouns' entries (an entry may run on over lines) as {noun: other nouns}."""
    parts = re.split(r"(\w+):", table)[1:]
    return {noun: _words(others) for noun, others in zip(parts[::2], parts[1::2], strict=True)}


# Nouns a passage may name a claim's category with: its synonyms and its kinds ("novelist" says
# "writer"). Small on purpose: a noun missing here only leaves a passage's support aside.
KIND_NOUNS = _kinds(
    """
    film: movie picture
    movie: film picture
    picture: film movie
    writer: author novelist poet playwright screenwriter dramatist essayist journalist lyricist
    author: writer novelist poet playwright screenwriter dramatist essayist
    singer: vocalist
    vocalist: singer
    musician: singer vocalist songwriter composer guitarist pianist drummer bassist rapper
    violinist cellist keyboardist saxophonist trumpeter organist instrumentalist
    performer: singer vocalist actor actress musician comedian dancer rapper entertainer
    entertainer: singer actor actress comedian dancer performer
    artist: painter sculptor illustrator printmaker photographer musician singer rapper
    actor: actress
    actress: actor
    show: series programme program sitcom serial
    series: show programme program sitcom serial
    programme: show series program sitcom serial
    program: show series programme sitcom serial
    band: group
    book: novel novella memoir
    company: corporation business firm conglomerate manufacturer
    business: company corporation firm
    country: nation
    nation: country
    politician: senator congressman congresswoman legislator statesman stateswoman lawmaker
    scientist: physicist chemist biologist astronomer mathematician geologist
    network: channel
    channel: network
    song: single hit track
    player: footballer cricketer quarterback goalkeeper pitcher
    leader: king queen ruler monarch emperor empress chief chieftain president premier
    ruler: king queen monarch emperor empress pharaoh sultan tsar czar shah khan caliph sovereign
    monarch: king queen emperor empress pharaoh sultan tsar czar shah sovereign
    city: capital metropolis town
    """
)
