"""Is a fact-check about the same claim? A calibrated score in [0, 1] and a batch re-ranker.

The score is a logistic function of the cosine of two sentence embeddings (an int8 ONNX
MiniLM), BM25 of the fact-check for the claim's words (IDF from Wikipedia leads) and whether
their numbers agree. Weights and threshold come from training/matching/fit_matcher.py, fitted
on CLEF 2020 Task 2 train. A candidate may carry its fact-check's title after a newline
("claim reviewed\\nreview title"): the words of both count, the encoder reads the first line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from service.onnx_model import loaded_once
from service.sources.encoder import MODEL_DIR, SentenceEncoder
from service.sources.matching_features import ClaimText, Lexicon, pair_features

# Above it a candidate is almost always the same claim (precision-oriented; see model.json).
MATCH_THRESHOLD = 0.6674
FEATURES = ("cosine", "bm25", "numbers_agree", "numbers_conflict")


class Matcher:
    """A sentence encoder, an IDF table and the logistic weights that combine their features."""

    def __init__(self, model_dir: str | Path = MODEL_DIR, threads: int = 1) -> None:
        model_dir = Path(model_dir)
        self.encoder = SentenceEncoder(model_dir, threads)
        self.lexicon = Lexicon.load(model_dir / "idf.json")
        meta = json.loads((model_dir / "model.json").read_text(encoding="utf-8"))
        # Absent only while fit_matcher.py computes the features it fits the weights on.
        combiner = meta.get("combiner") or {"weights": dict.fromkeys(FEATURES, 0.0), "bias": 0.0}
        self.weights = np.array([combiner["weights"][name] for name in FEATURES])
        self.bias = float(combiner["bias"])

    def features(self, claim: str, candidates: Sequence[str]) -> np.ndarray:
        """One row of FEATURES per candidate."""
        vectors = self.embed([claim, *candidates])
        return self._rows(ClaimText(claim), candidates, vectors[1:] @ vectors[0])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """The unit vectors the cosine compares: of each text's first line, normalised."""
        return self.encoder.encode([ClaimText(t.split("\n", 1)[0]).text for t in texts])

    def nearest(self, claim: str, vectors: np.ndarray, k: int) -> np.ndarray:
        """Row indices of the `k` vectors closest to the claim's (cosine), best first."""
        if k <= 0 or not len(vectors):
            return np.zeros(0, dtype=np.int64)
        cosines = vectors @ self.embed([claim])[0]
        k = min(k, len(cosines))
        top = np.argpartition(-cosines, k - 1)[:k]
        return top[np.argsort(-cosines[top], kind="stable")]

    def combine(self, claim: str, candidates: Sequence[str], cosines: np.ndarray) -> np.ndarray:
        """The feature rows, given the cosines (fit_matcher.py computes those in bulk)."""
        return self._rows(ClaimText(claim), candidates, cosines)

    def _rows(self, query: ClaimText, candidates: Sequence[str], cosines) -> np.ndarray:
        rows = [
            [float(cosine), *pair_features(self.lexicon, query, ClaimText(candidate))]
            for cosine, candidate in zip(cosines, candidates, strict=True)
        ]
        return np.array(rows, dtype=np.float64).reshape(len(candidates), len(FEATURES))

    def scores(self, claim: str, candidates: Sequence[str]) -> np.ndarray:
        """Probability-like match scores in [0, 1], one per candidate."""
        if not candidates:
            return np.zeros(0)
        logits = self.features(claim, candidates) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-logits))


default_matcher = loaded_once(Matcher)  # the shipped matcher (about 0.3 s to load)


def match_score(claim: str, candidate: str) -> float:
    """How likely `candidate` (a fact-checked claim) is about the same claim, in [0, 1]."""
    return float(default_matcher().scores(claim, [candidate])[0])


def rank_candidates(claim: str, candidates: Sequence[str]) -> list[tuple[int, float]]:
    """Indices of `candidates` with their match scores, best first (ties keep input order)."""
    scores = default_matcher().scores(claim, candidates)
    order = np.argsort(-scores, kind="stable")
    return [(int(i), float(scores[i])) for i in order]
