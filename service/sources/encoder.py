"""A sentence encoder run with onnxruntime: texts in, unit-length embeddings out (no torch)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from service.onnx_model import load_model_files

MODEL_DIR = Path(__file__).resolve().parent / "models" / "claim-matcher"
CACHE_SIZE = 4096  # embeddings of recent texts: popular fact-checks come back again and again


class SentenceEncoder:
    """An exported sentence encoder: model.onnx (ids, mask -> embedding) and tokenizer.json."""

    def __init__(
        self, model_dir: str | Path = MODEL_DIR, threads: int = 1, cache_size: int = CACHE_SIZE
    ) -> None:
        self.session, self.tokenizer, self.meta = load_model_files(model_dir, threads)
        self._embed = lru_cache(maxsize=cache_size)(self._embed_one)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised row per text, in input order."""
        out = np.zeros((len(texts), int(self.meta["dimensions"])), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = self._embed(text)
        return out

    def _embed_one(self, text: str) -> np.ndarray:
        """The embedding of one text.

        One text per run, not batches: int8 activations are quantized over the whole batch, so
        a batched embedding would shift with its companions, and a cached one could not be reused.
        """
        ids = np.array([self.tokenizer.encode(text).ids], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
        vector = self.session.run(None, feed)[0][0]
        vector.flags.writeable = False  # shared through the cache
        return vector
