"""What a passage must say to support that something is of a kind: that it is one.

"X is/was a(n) [adjectives] N" says what X is. An entailment model reads "Pablo Picasso was a
Spanish painter" as support for "... a Spanish composer", the article on Perth ("the capital and
largest city of Western Australia") for "Australia is a city", and the one on Mercury ("the
smallest planet") for "The Sun is a planet": the words match, the kind or its bearer do not. Such
a claim is supported only by a passage that predicates N of X: in a sentence whose subject is X
("X (born ...) is an American N who ...", "X, an N, ...") or, in X's own article, refers back to
it ("It is an N"), with N (or a noun of lexicon.KIND_NOUNS: "film" for "movie", "novelist" for
"writer") heading what it says X is. A bare "the claim's noun must appear" check set aside a
quarter of FEVER Symmetric dev's right supports; this one asks for the predication, not the
word, and knows the common synonyms. The same holds of a count, "X has K Ns": a passage that
gives no count of Ns ("over 20 million residents", "the fourth-most populous state") does not
say it. Other passages keep their power to deny: not saying that X is an N is no refutation.
A kind said only under a privative modifier ("Pluto is a dwarf planet", "a former quarterback")
is not said, and such a passage does not deny "X is not an N" either: it says X is none.
"""

from __future__ import annotations

import re

from service.domain import Claim, Evidence, Quantity
from service.extraction.quantities import find_quantities
from service.extraction.sentences import split_sentences
from service.extraction.vocabulary import word_set
from service.verification import lexicon

_CLAIM = re.compile(r"(?P<subject>.+?)\s+(?:is|was|are|were)\s+(?:a|an|the)\s+(?P<kind>[^.!?;:]+)")
_NEGATED = re.compile(
    r"(?P<subject>.+?)\s+(?:is|was|are|were)\s+not\s+(?P<kind>(?:a|an)\s+[^.!?;:]+)"
)
# "Bats are mammals", "Whales are large marine mammals": a plural kind, ending the claim (not
# "Bats are dangerous", "Prices are rising").
_PLURAL_CLAIM = re.compile(
    r"(?P<subject>.+?)\s+(?:are|were)\s+(?P<kind>(?:[a-z-]+\s+){0,2}[a-z-]+s(?<!ous)(?<!ss)(?<!us))"
    r"\W*$"
)
# "X has / had / consists of K Ns": the count of Ns X has; "X composed K Ns" too.
_HAS = re.compile(
    r"(?P<subject>.+?)\s+(?:has|have|had|contains|contained|comprises|comprised|includes|"
    r"included|consists of|consisted of|is made up of|is divided into|"
    # "composed nine symphonies", "has won 23 titles", "wrote 39 plays": a count of what X did
    r"(?:(?:has|have|had)\s+)?(?:[a-z]+ed|wrote|won|built|made|sold|gave|took|drew|sang|fought|"
    r"led|held|bore|ran|lost|spent|fathered))\s+"
    r"(?:(?:about|around|nearly|almost|over|exactly|only|just|more than|fewer than|less than)\s+)?"
)
_NEW_PHRASE = word_set("no a an the some any many few several his her its their one two three")
_COUNT_REACH = 4  # words after a passage's count within which its noun may come
_COPULA = re.compile(r"\b(?:is|was|are|were|remains|remained|became|becomes|has been|had been)\b")
# "served as a senator", "making it one of the largest cities", "its status as a destination".
_AS_KIND = re.compile(r"\b(?:as|making it|makes it|made it)\s+(?=(?:a|an|the|one of)\s)")
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+")
_QUOTED = re.compile(r'\s*(?:“[^”]*”|"[^"]*")')
_PARENTHETICAL = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
# How an own article's sentence refers back to its subject: "It is ...", "In 2004, she was ...".
# "The film was ..." also says what it is.
_REFERS_BACK = re.compile(r"(?:^|,\s*)(?:(?i:he|she|it|they|this)|(?i:the)\s+(?P<kind>[a-z]+))$")
_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[,&/]")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# A relative clause that says more of what the subject is: "... who was a mathematician".
_MORE = re.compile(r"\s*,?\s*(?:who|which)\s+(?:is|was|are|were)\s+(?=(?:a|an|the)\s)")
_COORDINATION = frozenset((",", "and", "or", "&", "/"))
# Words that end a noun phrase: prepositions, relatives, conjunctions of another clause.
_ENDS_PHRASE = word_set("""
    of in on at by for from to with within without about after before during since until between
    among under over into through across near like than against via as who whom whose which that
    above below beyond along around behind beside outside inside throughout toward towards upon
    where when while whereas but because although though if so
""")
# A noun before "of" that leaves the kind to the noun after it ("one of the largest cities").
_TRANSPARENT = word_set("one kind type sort species genus subspecies form variety breed")
# Participles that follow a head noun ("a cricketer born in 1996"); -ed / -ing words do too
# when what follows them is no noun of the phrase ("a film directed by", "a country comprising").
_PARTICIPLES = word_set("born known made set written held built run shown sung led won")
_ING_NOUNS = word_set("""
    painting building recording drawing engraving etching wedding clothing meeting evening
    morning offering setting ring king thing string spring wing
""")
_ADVERBS = word_set("best also well mostly mainly primarily currently now")
# Lower-case words inside a name ("The Lord of the Rings"), and adjectives after a noun.
_NAME_LINKS = word_set("the of and de la le du da del der von van y")
_POSTPOSITIVE = word_set("emeritus elect designate general")
_DETERMINERS = word_set("a an the one his her its their")
# Modifiers that make a noun's thing no such thing ("a dwarf planet" is no planet, "a former
# president" none now): a head they qualify is not said of the subject unless the claim
# qualifies it so too. Not "fictional": "a fictional character" is a character.
PRIVATIVE = word_set("""
    dwarf former fake counterfeit mock toy imitation pseudo would-be so-called alleged
    hypothetical proposed failed onetime erstwhile ex
""")
# Kinds too broad to check: almost anything is a "thing", and a "person" is said in many ways.
_BROAD = word_set("""
    person people man woman human thing place entity individual being work name object someone
    something example member part
""")


def unpredicated(claim: Claim, evidence: Evidence, subject: str | None, own: bool) -> str:
    """The category noun of a claim "X is a(n) ... N" that the passage never predicates of X
    ("" when it does, or the claim is of no such shape). `own`: the passage is X's own (its
    title names X, or it has no title), so "It is ..." speaks of X and any word of X's name
    names it."""
    kinds = claim_kinds(claim.text, subject)
    if not kinds or subject is None:
        return ""
    words = _name_words(subject)
    text = _PARENTHETICAL.sub("", evidence.snippet)  # "X (born 1987) is": the copula follows X
    said: set[str] = set()
    anywhere: set[str] = set()
    qualified = set(lexicon.tokenize(claim.text)) & PRIVATIVE
    for phrase in predicated(text, words, own):
        heads, tokens = _heads(phrase, qualified)
        said |= {lexicon.stem(h) for h in heads}
        anywhere |= {lexicon.stem(t) for t in tokens}
    for kind in kinds:
        if kind[:1].isupper():  # "an American": a people's name is said by its adjective too
            if lexicon.stem(kind.lower()) not in anywhere:
                return kind
        elif not {lexicon.stem(k) for k in _names_of(kind)} & said:
            return kind
    return ""


def qualified_denial(claim: Claim, evidence: Evidence, subject: str | None, own: bool) -> str:
    """The kind of a claim "X is not a(n) ... N" that the passage says X is only under a
    privative modifier ("Pluto is a dwarf planet" for "Pluto is not a planet"), "" if none: such
    a passage says X is no N, so whatever the claim's "not" makes an entailment model read, it
    does not deny the claim."""
    negated = _NEGATED.match(claim.text.strip())
    if negated is None or subject is None:
        return ""
    kinds = claim_kinds(f"{negated.group('subject')} is {negated.group('kind')}", subject)
    if not kinds:
        return ""
    allowed = set(lexicon.tokenize(claim.text)) & PRIVATIVE
    text = _PARENTHETICAL.sub("", evidence.snippet)
    plain: set[str] = set()
    qualified: set[str] = set()
    words = _name_words(subject)
    for phrase in predicated(text, words, own) + _naming(text, words):
        kept = {lexicon.stem(h) for h in _heads(phrase, allowed)[0]}
        plain |= kept
        qualified |= {lexicon.stem(h) for h in _heads(phrase)[0]} - kept
    for kind in kinds:
        names = {lexicon.stem(k) for k in _names_of(kind)}
        if names & qualified and not names & plain:
            return kind
    return ""


def _naming(text: str, words: set[str]) -> list[list[str]]:
    """The tokens of what the text's sentences name the subject as, the other way round: "The
    prototypical dwarf planet is Pluto, which ..." (the subject right after the copula)."""
    phrases = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        copula = _COPULA.search(sentence)
        if copula is None:
            continue
        after = sentence[copula.end() :].split(",", 1)[0].split()
        if after and _names(" ".join(after[:2]), words, False):
            phrases.append(_tokens(sentence[: copula.start()])[0])
    return phrases


def uncounted(claim: Claim, evidence: Evidence, subject: str | None) -> str:
    """The count of a claim "X has K Ns" ("20 states") for which the passage gives no count of
    Ns at all ("" when it gives one, or the claim is of no such shape): "the fourth-most
    populous state ..., with over 20 million residents" does not say how many states X has,
    whatever the shared "20" and "state" make an entailment model read. Whether the count the
    passage gives is the claim's is left to the readers."""
    counted = claim_count(claim, subject)
    if counted is None:
        return ""
    # the noun counted may come a few words on: "400 training films", "400 propaganda and
    # training films"
    noun = _counted_noun(claim.text, counted) or counted.unit or ""
    nouns = {lexicon.stem(n) for n in _names_of(noun)}
    for q in find_quantities(evidence.snippet):
        if q.kind != "count":
            continue
        words = [q.unit or "", *_phrase_words(evidence.snippet[q.end :])[:_COUNT_REACH]]
        if nouns & {lexicon.stem(w.lower()) for w in words}:
            return ""
    return counted.text


def _counted_noun(text: str, q: Quantity) -> str:
    """The noun a count counts: the last word of the phrase it opens ("films" of "400 training
    films about the war")."""
    at = text.find(q.text)
    if at < 0:
        return ""
    words = _phrase_words(text[at + len(q.text) :])
    return words[-1] if words else ""


def _phrase_words(text: str) -> list[str]:
    """The words a text opens with, up to where its phrase ends ("800,000 inhabitants, making
    it ...": none after the comma)."""
    words: list[str] = []
    tokens = _TOKEN.findall(text)
    for i, token in enumerate(tokens):
        if not token.isalpha() or token.lower() in _ENDS_PHRASE:
            break
        following = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        if token.lower() in ("and", "or") and (following in _NEW_PHRASE or following.isdigit()):
            break  # "two daughters and no sons": another phrase, of another count
        words.append(token)
    return words


def claim_count(claim: Claim, subject: str | None) -> Quantity | None:
    """The count a claim "X has/had/contains/consists of K Ns" gives X, if it is of that shape."""
    if subject is None:
        return None
    quantities = claim.quantities or find_quantities(claim.text)
    for q in quantities:
        at = claim.text.find(q.text)
        if q.kind != "count" or at < 0 or not (q.unit or "").isalpha() or q.value == 1:
            continue  # "one host" is said as "hosted only by"
        before = _HAS.fullmatch(claim.text[:at])
        if before and _is_name(before.group("subject"), subject):
            return q
    return None


def claim_kinds(text: str, subject: str | None) -> list[str]:
    """The category nouns of a claim "X is a(n) [adjectives] N [and M]" whose subject X holds
    the claim's main entity, as written; [] for other claims and for broad kinds ("a person")."""
    match = _CLAIM.match(text.strip())
    plural = None if match else _PLURAL_CLAIM.match(text.strip())
    if plural and not _verbal(plural.group("kind")):
        match = plural
    if match is None or subject is None or not _is_name(match.group("subject"), subject):
        return []
    kind = _QUOTED.sub("", match.group("kind")).split(",", 1)[0]
    tokens, _ = _tokens(kind)
    while len(tokens) > 1 and tokens[-1].lower() in _POSTPOSITIVE:
        tokens.pop()  # "a professor emeritus" is a professor
    heads, _ = _heads(tokens)
    if any(h.lower() in _BROAD for h in heads):
        return []
    # "the lightest element and the most abundant": a superlative without its noun is no kind
    return [h for h in heads if not _superlative_only(h, tokens)]


def _superlative_only(head: str, tokens: list[str]) -> bool:
    """Whether a phrase's head is a superlative standing for its noun ("most abundant")."""
    at = tokens.index(head) if head in tokens else -1
    before = tokens[at - 1].lower() if at > 0 else ""
    return before in ("most", "least") or (head.lower().endswith("est") and len(head) > 5)


def _verbal(phrase: str) -> bool:
    """Whether a phrase after "are" is a verb's ("found in oceans", "made of"), not a kind."""
    words = phrase.split()
    return any(w in _ENDS_PHRASE or w in _PARTICIPLES or w.endswith("ed") for w in words)


def _is_name(text: str, subject: str) -> bool:
    """Whether the text before a claim's copula is its subject's name, and no more ("The Sun",
    "Prescott, Arizona", "Dreamer (2005 film)"; not "Wind is a resource and harnessing it")."""
    bare = _PARENTHETICAL.sub("", text)
    lower = [w for w in _NAME_WORD.findall(bare) if not w[:1].isupper()]
    return subject in text and all(w in _NAME_LINKS for w in lower)


def predicated(text: str, words: set[str], own: bool) -> list[list[str]]:
    """The tokens of what the text's sentences say the subject (its name's `words`) is: after
    a copula whose subject names it, or after an apposition to its name ("X, an N, ...")."""
    phrases = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        for copula in _COPULA.finditer(sentence):
            region = sentence[: copula.start()].strip()
            if _is_subject(region, words, own):
                phrases.extend(_phrases(sentence[copula.end() :]))
                back = _REFERS_BACK.search(region) if own else None
                if back and back.group("kind"):
                    phrases.append([back.group("kind")])
                break
        if own:  # every sentence of its own article speaks of it
            phrases.extend(_tokens(sentence[m.end() :])[0] for m in _AS_KIND.finditer(sentence))
        for comma in _APPOSITION.finditer(sentence):
            before = sentence[: comma.start()].rsplit(",", 1)[-1]
            if _names(before, words, own):
                phrases.append(_tokens(sentence[comma.end() :].split(",", 1)[0])[0])
    return phrases


def _phrases(predicate: str) -> list[list[str]]:
    """The noun phrases of a predicate: the first, and those a relative clause on it adds of
    the same subject ("an English polymath who was a mathematician, physicist ...")."""
    phrases = []
    while predicate:
        tokens, predicate = _tokens(predicate)
        phrases.append(tokens)
        more = _MORE.match(predicate)
        predicate = predicate[more.end() :] if more else ""
    return phrases


def _is_subject(region: str, words: set[str], own: bool) -> bool:
    """Whether a copula's subject is the claim's subject: the text before it names it, or, in
    its own article, refers back to it, and opens no other clause ("X married Y, who is")."""
    tokens = set(lexicon.tokenize(region))
    if tokens & {"who", "whom", "whose", "which", "that", "where", "when"}:
        return False
    return _names(region, words, own) or (own and bool(_REFERS_BACK.search(region)))


def _names(text: str, words: set[str], own: bool) -> bool:
    """Whether a text names the subject: all of its name's words capitalised, or, in its own
    article, any one ("Picasso" for "Pablo Picasso")."""
    named = {_fold(w) for w in _NAME_WORD.findall(text) if w[:1].isupper()}
    return bool(words) and (bool(words & named) if own else words <= named)


def _name_words(name: str) -> set[str]:
    """The words that identify a name, as compared ("picasso" of "Pablo Picasso")."""
    return {_fold(w) for w in _NAME_WORD.findall(name)} - lexicon.STOPWORDS


def _fold(word: str) -> str:
    """A word as compared: folded (lexicon.fold), no final period."""
    return lexicon.fold(word).rstrip(".")


def _tokens(phrase: str) -> tuple[list[str], str]:
    """A noun phrase's tokens (commas and "&" kept), up to where the phrase ends, and the text
    from there on."""
    tokens: list[str] = []
    found = list(_TOKEN.finditer(phrase))
    for i, match in enumerate(found):
        token, low = match.group(), match.group().lower()
        following = [m.group() for m in found[i + 1 : i + 3]]
        if low in _ENDS_PHRASE and not _goes_on(low, tokens, following[:1]):
            return tokens, phrase[match.start() :]
        begun = any(t not in _DETERMINERS and t not in lexicon.STOPWORDS for t in tokens)
        if begun and _ends_after_noun(token, following):
            return tokens, phrase[match.start() :]
        tokens.append(low if low in _DETERMINERS or low in lexicon.STOPWORDS else token)
    return tokens, ""


def _goes_on(word: str, tokens: list[str], after: list[str]) -> bool:
    """Whether a word that may end a phrase continues it: "one of the ...", "a species of
    ...", "active as a mathematician"."""
    if word == "of":
        return bool(tokens) and tokens[-1].lower() in _TRANSPARENT
    return word == "as" and [w.lower() for w in after] in (["a"], ["an"])


def _ends_after_noun(token: str, following: list[str]) -> bool:
    """Whether a word past the phrase's first one starts what follows it: a participle ("born",
    "directed by", "produced and directed") or an adverb ("best known")."""
    low = token.lower()
    if low in _PARTICIPLES and _noun_follows(following):
        return False  # "the farthest known planet": an adjective before its noun
    if low in _PARTICIPLES or low in _ADVERBS:
        return True
    if not _participle(token):
        return False
    after = following[0] if following else ""
    if after.lower() in ("and", "or"):
        return len(following) > 1 and _participle(following[1])
    return not after or after[:1].isupper() or after.lower() in _ENDS_PHRASE | _DETERMINERS


def _noun_follows(following: list[str]) -> bool:
    """Whether the next word goes on the phrase as its noun: lower case, no preposition,
    determiner, conjunction, participle or adverb."""
    after = following[0] if following else ""
    low = after.lower()
    stops = _ENDS_PHRASE | _DETERMINERS | _COORDINATION | _PARTICIPLES | _ADVERBS
    return after.isalpha() and after.islower() and low not in stops and not _participle(after)


def _participle(token: str) -> bool:
    """A lower-case -ed or -ing word ("directed", "comprising") or a common irregular one."""
    low = token.lower()
    if not token.islower() or low in _ING_NOUNS:
        return False
    return low.endswith(("ed", "ing")) and len(low) > 4 or low in _PARTICIPLES


def _heads(tokens: list[str], allowed: set[str] | None = None) -> tuple[list[str], list[str]]:
    """The nouns heading a phrase ("physicist" and "chemist" of "a Polish physicist and
    chemist"), then all its word tokens, a hyphened word's parts apart ("singer-songwriter").
    With `allowed` (a passage's phrase), a head a privative modifier other than these qualifies
    ("a dwarf planet") is left out: it is no such thing."""
    words = [t for t in tokens if t not in _COORDINATION and t not in _DETERMINERS]
    heads = []
    for i, token in enumerate(tokens):
        if token in _COORDINATION or token in _DETERMINERS or token in lexicon.STOPWORDS:
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        # The modifier right before the head: "a fake news program" is still a program.
        before = tokens[i - 1].lower() if i else ""
        qualified = allowed is not None and before in PRIVATIVE and before not in allowed
        if (not after or after in _COORDINATION) and not qualified:
            heads.extend(token.split("-"))
    parts = [p for w in words for p in w.split("-")]
    return heads, parts


def _names_of(kind: str) -> set[str]:
    """A category noun and the nouns that say it too (lexicon.KIND_NOUNS), by its stem."""
    low = kind.lower()
    for noun, others in lexicon.KIND_NOUNS.items():
        if lexicon.stem(noun) == lexicon.stem(low):
            return {low, noun, *others}
    return {low}
