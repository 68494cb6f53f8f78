"""From article text to scored sentences and check-worthy claims, in one pass over the text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from service.domain import Claim, Quantity, Sentence
from service.extraction.checkworthiness import DEFAULT_THRESHOLD, score_sentence
from service.extraction.claimant import PRONOUNS, attribute, last_person
from service.extraction.entities import Span, entity_spans
from service.extraction.quantities import find_quantities
from service.extraction.sentences import split_sentences

# How many sentences back a "He said" may reach for the speaker quoted last.
SPEAKER_MEMORY = 3


class _Analysis(NamedTuple):
    text: str
    start: int
    end: int
    score: float
    entities: tuple[str, ...]
    quantities: tuple[Quantity, ...]


def score_sentences(text: str) -> list[Sentence]:
    """Every sentence of the text with its span and check-worthiness (3 decimals)."""
    return [Sentence(a.text, a.start, a.end, a.score) for a in _analyse(text)]


def extract_claims(
    text: str, min_score: float = DEFAULT_THRESHOLD, max_claims: int | None = None
) -> list[Claim]:
    """Sentences scoring at least min_score, in document order, as claims c1, c2, ...

    With max_claims, the best-scoring ones are kept (earlier first on ties), still in order.
    """
    analyses = list(_analyse(text))
    speakers = _claimants([a.text for a in analyses])
    chosen = [i for i, a in enumerate(analyses) if a.score >= min_score]
    if max_claims is not None:
        best = sorted(chosen, key=lambda i: (-analyses[i].score, i))[: max(0, max_claims)]
        chosen = sorted(best)
    return [
        Claim(
            id=f"c{n}",
            text=analyses[i].text,
            start=analyses[i].start,
            end=analyses[i].end,
            checkworthiness=analyses[i].score,
            claimant=speakers[i],
            entities=analyses[i].entities,
            quantities=analyses[i].quantities,
        )
        for n, i in enumerate(chosen, start=1)
    ]


def _analyse(text: str) -> Iterator[_Analysis]:
    """Each sentence with its names, its quantities (spans relative to it) and its score."""
    spans = split_sentences(text)
    names = _names_by_sentence(entity_spans(text), spans)
    for (start, end), sentence_names in zip(spans, names, strict=True):
        sentence = text[start:end]
        quantities = tuple(find_quantities(sentence))
        entities = tuple(dict.fromkeys(sentence_names))
        score = score_sentence(sentence, quantities=quantities, entities=entities)
        yield _Analysis(sentence, start, end, round(score, 3), entities, quantities)


def _names_by_sentence(names: list[Span], spans: list[tuple[int, int]]) -> list[list[str]]:
    """Names found over the whole text (so that the whole text informs them), per sentence."""
    buckets: list[list[str]] = [[] for _ in spans]
    i = 0
    for name in names:
        while i < len(spans) and spans[i][1] <= name.start:
            i += 1
        if i < len(spans) and spans[i][0] <= name.start and name.end <= spans[i][1]:
            buckets[i].append(name.name)
    return buckets


def _claimants(sentences: list[str]) -> list[str | None]:
    """The speaker of each sentence, carried through a quotation that spans several sentences."""
    result: list[str | None] = []
    quote_speaker: str | None = None
    open_quote = False
    last_speaker, last_seen = None, -SPEAKER_MEMORY - 1
    for i, sentence in enumerate(sentences):
        speaker = attribute(sentence)
        if speaker and speaker.lower() in PRONOUNS:
            previous = sentences[i - 1] if i else ""
            recent = last_speaker if i - last_seen <= SPEAKER_MEMORY else None
            speaker = last_person(previous) or recent
        speaker = speaker or (quote_speaker if open_quote else None)
        result.append(speaker)
        if speaker:
            last_speaker, last_seen = speaker, i
        still_open = _quote_open_after(sentence, open_quote)
        if not still_open:
            quote_speaker = None
        elif not open_quote:  # this sentence opens a quotation that goes on
            quote_speaker = speaker
        open_quote = still_open
    return result


def _quote_open_after(sentence: str, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of the sentence."""
    opened, closed = sentence.count("“"), sentence.count("”")
    if opened or closed:
        return opened > closed or (open_before and opened == closed)
    return open_before != (sentence.count('"') % 2 == 1)
