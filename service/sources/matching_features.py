"""Lexical features of a (claim, fact-check) pair: BM25 against a shipped IDF table, numbers."""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

from service.sources.matching_text import content_words, normalise, numbers

K1, B = 1.2, 0.75  # BM25's usual constants, as in SQLite FTS5


class Lexicon:
    """Document frequencies of stemmed words in a reference corpus, for BM25's IDF."""

    def __init__(self, documents: int, frequencies: dict[str, int], avgdl: float) -> None:
        self.documents = documents
        self.frequencies = frequencies
        self.avgdl = avgdl

    @classmethod
    def load(cls, path: str | Path) -> Lexicon:
        """Read an idf.json written by training/matching/build_idf.py."""
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(int(raw["documents"]), dict(raw["df"]), float(raw["avgdl"]))

    def idf(self, word: str) -> float:
        """BM25's IDF; a word absent from the table counts as seen once (the table drops those)."""
        df = self.frequencies.get(word, 1)
        return max(1e-6, math.log((self.documents - df + 0.5) / (df + 0.5)))


def bm25(lexicon: Lexicon, query: set[str], document: Counter[str]) -> float:
    """BM25 of a document (word counts) for a set of query words."""
    length = sum(document.values())
    norm = K1 * (1 - B + B * length / lexicon.avgdl)
    return sum(
        lexicon.idf(w) * document[w] * (K1 + 1) / (document[w] + norm)
        for w in query
        if w in document
    )


def number_agreement(claim: set[float], candidate: set[float]) -> tuple[float, float]:
    """(share of the candidate's numbers the claim states, 1 if both state numbers, none shared)."""
    if not claim or not candidate:
        return 0.0, 0.0
    shared = len(claim & candidate)
    return shared / len(candidate), float(shared == 0)


class ClaimText:
    """A text prepared once for matching: normalised prose, word counts, numbers."""

    def __init__(self, text: str) -> None:
        self.text = normalise(text)
        self.words = Counter(content_words(self.text))
        self.numbers = numbers(self.text)


def pair_features(lexicon: Lexicon, claim: ClaimText, candidate: ClaimText) -> list[float]:
    """[BM25 of the candidate for the claim's words, number agreement, number conflict]."""
    agree, conflict = number_agreement(claim.numbers, candidate.numbers)
    return [bm25(lexicon, set(claim.words), candidate.words), agree, conflict]
