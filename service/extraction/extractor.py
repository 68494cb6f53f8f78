"""From article text to scored sentences and self-contained claims, in one pass over the text.

Every sentence is scored. A sentence that scores at least the threshold gives its claims: one per
fact when it splits cleanly (clauses.py) and the pieces are check-worthy on their own, else the
whole sentence. So does a plain statement of fact under it ("Paris is the capital of France.",
verifiability.py) while the threshold is not above the default: the score is tuned on debates,
where such a sentence is not worth checking, but a client who sends one wants it checked. Each
claim keeps the exact words of its span (`original`) and carries a `text` that stands alone
(standalone.py), its claimant and how it is made (quote, reported, author).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import NamedTuple

from service.domain import Claim, Quantity, Sentence
from service.extraction.checkworthiness import DEFAULT_THRESHOLD, score_sentence
from service.extraction.claimant import PRONOUNS, attribute, find_claimant
from service.extraction.clauses import split_facts
from service.extraction.context import Setting, read_context
from service.extraction.entities import Span, entity_spans, find_entities
from service.extraction.people import People
from service.extraction.pieces import Piece, whole
from service.extraction.quantities import find_quantities
from service.extraction.sentences import split_sentences
from service.extraction.speech import AUTHOR, QUOTE, REPORTED, Voice
from service.extraction.standalone import stand_alone
from service.extraction.verifiability import states_plain_fact

_SAYS = re.compile(r"(?:Says|Said)\s+(?:that\s+)?(?=\S)")


class _Analysis(NamedTuple):
    text: str
    start: int
    end: int
    score: float
    names: tuple[Span, ...]  # spans relative to the sentence
    quantities: tuple[Quantity, ...]
    neighbours: tuple[str, str]  # the sentences before and after it ("" at either end)


class _Candidate(NamedTuple):
    piece: Piece
    sentence: _Analysis
    setting: Setting
    score: float
    voice: Voice


def score_sentences(text: str) -> list[Sentence]:
    """Every sentence of the text with its span and check-worthiness (3 decimals)."""
    return [_sentence(a) for a in _analyse(text)]


def extract_claims(
    text: str, min_score: float = DEFAULT_THRESHOLD, max_claims: int | None = None
) -> list[Claim]:
    """The claims of sentences scoring at least min_score, in document order, as c1, c2, ...

    With max_claims, the best-scoring ones are kept (earlier first on ties), still in order.
    """
    return _claims(list(_analyse(text)), text, min_score, max_claims)


def extract_claims_until(
    text: str, deadline: float, min_score: float = DEFAULT_THRESHOLD, max_claims: int | None = None
) -> tuple[list[Claim], int]:
    """extract_claims reading sentences only until `deadline` (a time.perf_counter() value);
    also how many sentences were read, so a caller can say the text was cut short."""
    analyses = list(_analyse(text, deadline))
    return _claims(analyses, text, min_score, max_claims), len(analyses)


def extract_all(
    text: str, min_score: float = DEFAULT_THRESHOLD, max_claims: int | None = None
) -> tuple[list[Sentence], list[Claim]]:
    """Every sentence scored and the claims, from one reading of the text."""
    analyses = list(_analyse(text))
    return [_sentence(a) for a in analyses], _claims(analyses, text, min_score, max_claims)


def _sentence(analysis: _Analysis) -> Sentence:
    """An analysed sentence as the domain's Sentence."""
    return Sentence(analysis.text, analysis.start, analysis.end, analysis.score)


def _claims(
    analyses: list[_Analysis], text: str, min_score: float, max_claims: int | None
) -> list[Claim]:
    """The claims of the analysed sentences (see extract_claims)."""
    people = People(span.name for a in analyses for span in a.names)
    spans = [(a.start, a.end) for a in analyses]
    settings = read_context(text, spans, [a.names for a in analyses], people)
    candidates = [
        candidate
        for analysis, setting in zip(analyses, settings, strict=True)
        if _counts(analysis, min_score)
        for candidate in _candidates(analysis, setting, people, min_score)
    ]
    if max_claims is not None:
        best = sorted(range(len(candidates)), key=lambda i: (-candidates[i].score, i))
        candidates = [candidates[i] for i in sorted(best[: max(0, max_claims)])]
    known = {span.name for a in analyses for span in a.names}
    return [
        _claim(f"c{n}", candidate, people, known) for n, candidate in enumerate(candidates, start=1)
    ]


def _counts(analysis: _Analysis, min_score: float) -> bool:
    """Check-worthy enough; or, while the cut is at most the default, a plain fact stated."""
    if analysis.score >= min_score:
        return True
    names = [span.name for span in analysis.names]
    return min_score <= DEFAULT_THRESHOLD and states_plain_fact(
        analysis.text, names, analysis.quantities
    )


def _analyse(text: str, deadline: float | None = None) -> Iterator[_Analysis]:
    """Each sentence with its names, its quantities (spans relative to it) and its score;
    with a deadline, none past it (scoring is most of the time a long text takes)."""
    spans = split_sentences(text)
    names = _names_by_sentence(entity_spans(text), spans)
    sentences = [text[start:end] for start, end in spans]
    for i, ((start, end), sentence_names) in enumerate(zip(spans, names, strict=True)):
        if deadline is not None and time.perf_counter() >= deadline:
            return
        sentence = sentences[i]
        quantities = tuple(find_quantities(sentence))
        entities = tuple(dict.fromkeys(span.name for span in sentence_names))
        around = (sentences[i - 1] if i else "", sentences[i + 1] if i + 1 < len(spans) else "")
        score = score_sentence(
            sentence,
            previous=around[0],
            following=around[1],
            quantities=quantities,
            entities=entities,
        )
        yield _Analysis(
            sentence, start, end, round(score, 3), tuple(sentence_names), quantities, around
        )


def _names_by_sentence(names: list[Span], spans: list[tuple[int, int]]) -> list[list[Span]]:
    """Names found over the whole text (so that the whole text informs them), per sentence."""
    buckets: list[list[Span]] = [[] for _ in spans]
    i = 0
    for name in names:
        while i < len(spans) and spans[i][1] <= name.start:
            i += 1
        if i < len(spans) and spans[i][0] <= name.start and name.end <= spans[i][1]:
            offset = spans[i][0]
            buckets[i].append(Span(name.name, name.start - offset, name.end - offset))
    return buckets


def _candidates(
    analysis: _Analysis, setting: Setting, people: People, min_score: float
) -> list[_Candidate]:
    """The sentence's facts that are check-worthy on their own, or the whole sentence."""
    pieces = split_facts(analysis.text)
    split = len(pieces) > 1 and any(piece.content for piece in pieces)
    voiced = [(piece, _piece_voice(piece, setting.voice, people, split)) for piece in pieces]
    if len(pieces) == 1:  # the whole sentence, or just what its speaker says
        return [_Candidate(pieces[0], analysis, setting, analysis.score, voiced[0][1])]
    scored = [
        _Candidate(piece, analysis, setting, _piece_score(piece, analysis), voice)
        for piece, voice in voiced
    ]
    kept = [candidate for candidate in scored if candidate.score >= min_score]
    if kept:
        return kept
    return [_Candidate(whole(analysis.text), analysis, setting, analysis.score, setting.voice)]


def _piece_score(piece: Piece, analysis: _Analysis) -> float:
    """A piece's own check-worthiness, with the sentence's quantities and names it holds."""
    quantities = [q for q in analysis.quantities if piece.start <= q.start < piece.end]
    names = [span.name for span in analysis.names if piece.start <= span.start < piece.end]
    score = score_sentence(
        piece.text,
        previous=analysis.neighbours[0],
        following=analysis.neighbours[1],
        quantities=quantities,
        entities=list(dict.fromkeys(names)),
    )
    return round(score, 3)


def _piece_voice(piece: Piece, voice: Voice, people: People, split: bool) -> Voice:
    """Who makes a piece's claim: what the subject says is theirs; the clause, its own voice."""
    if piece.content:
        return Voice(voice.claimant, QUOTE if piece.quoted else REPORTED, voice.inside_quote)
    if not split:
        return voice
    speaker = attribute(piece.text)
    if speaker and speaker.lower() in PRONOUNS:
        speaker = voice.claimant  # the clause's subject is the one who goes on to speak
    speaker = people.canonical(speaker) if speaker else None
    return Voice(speaker, REPORTED if speaker else AUTHOR, voice.inside_quote)


def _claim(claim_id: str, candidate: _Candidate, people: People, known: set[str]) -> Claim:
    """The claim of a candidate, with its self-contained text and what that text holds."""
    piece, sentence = candidate.piece, candidate.sentence
    origin = piece.text_start
    before = people.persons(span.name for span in sentence.names if span.end <= origin)
    text, gained, described = stand_alone(
        piece, candidate.setting, candidate.voice, people, known, before
    )
    original = sentence.text[piece.start : piece.end]
    quantities = sentence.quantities if text == sentence.text else None
    if quantities is None and original == sentence.text and not described:
        quantities = _moved(sentence.quantities, text)  # the same numbers, elsewhere
    if quantities is None:
        quantities = tuple(find_quantities(text))
    return Claim(
        id=claim_id,
        text=text,
        start=sentence.start + piece.start,
        end=sentence.start + piece.end,
        checkworthiness=candidate.score,
        claimant=candidate.voice.claimant,
        entities=_entities(text, [s.name for s in sentence.names] + gained),
        quantities=quantities,
        original=original,
        kind=candidate.voice.kind,
    )


def _moved(quantities: Sequence[Quantity], text: str) -> tuple[Quantity, ...] | None:
    """The quantities with spans in `text`, which holds them in the same order; else None."""
    moved, cursor = [], 0
    for quantity in quantities:
        at = text.find(quantity.text, cursor)
        if at < 0:
            return None
        cursor = at + len(quantity.text)
        moved.append(replace(quantity, start=at, end=cursor))
    return tuple(moved)


def _entities(text: str, names: Sequence[str]) -> tuple[str, ...]:
    """The names that the claim's text holds (as whole words), in the order it gives them."""
    found = {}
    for name in dict.fromkeys(names):
        at = text.find(name)
        while at >= 0 and not _whole_word(text, at, at + len(name)):
            at = text.find(name, at + 1)
        if at >= 0:
            found[name] = at
    return tuple(sorted(found, key=found.__getitem__))


def _whole_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is not part of a longer word ("Japan" in "Japanese")."""
    return (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum()
    )


def claim_from_text(claim_id: str, text: str) -> Claim:
    """A claim given as it is (no extraction): its entities, quantities and claimant read off.

    Fact-checkers write a claim whose speaker they name elsewhere as "Says ...": the claim is
    what follows (PolitiFact's "Says Nelson Mandela was a communist.").
    """
    said = _SAYS.match(text)
    stated = text[said.end() :] if said else text
    stated = stated[:1].upper() + stated[1:]
    return Claim(
        id=claim_id,
        text=stated,
        start=0,
        end=len(text),
        checkworthiness=score_sentence(text),
        claimant=find_claimant(text),
        entities=tuple(find_entities(stated)),
        quantities=tuple(find_quantities(stated)),
        original=text,
        kind=REPORTED if said else AUTHOR,
    )
