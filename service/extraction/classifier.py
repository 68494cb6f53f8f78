"""Check-worthiness by a fine-tuned MiniLM, run with ONNX Runtime (int8, CPU, no torch).

The artefact in `model/` is built by training/checkworthiness/ (train.py, then export_onnx.py):
`model.onnx` maps (input_ids, attention_mask) to the probability that a sentence is
check-worthy, `tokenizer.json` is its WordPiece tokenizer and `model.json` holds the decision
threshold, the maximum length and the training figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

from service.onnx_model import load_model_files, loaded_once

MODEL_DIR = Path(__file__).resolve().parent / "model"
# int8 activations are quantized per run with one scale for the whole batch, so a sentence's
# score moves a little (mean 0.01, up to ~0.1) with its batch mates. One sentence per run keeps
# every score a function of its sentence alone, at ~560 sentences/s on one core against ~630/s
# in batches of 32 (benchmarks/bench_checkworthiness.py); bulk scoring may pass batch_size.
BATCH_SIZE = 1


@dataclass(frozen=True)
class CheckworthinessModel:
    """A loaded check-worthiness classifier; `predict` is safe to call from many threads."""

    session: ort.InferenceSession
    tokenizer: Tokenizer
    meta: dict[str, Any] = field(default_factory=dict)
    batch_size: int = BATCH_SIZE

    @classmethod
    def load(
        cls, directory: str | Path = MODEL_DIR, threads: int = 1, batch_size: int = BATCH_SIZE
    ) -> CheckworthinessModel:
        """Read model.onnx, tokenizer.json and model.json from `directory`."""
        session, tokenizer, meta = load_model_files(directory, threads)
        return cls(session, tokenizer, meta, batch_size)

    @property
    def threshold(self) -> float:
        """The probability above which a sentence counts as check-worthy."""
        return float(self.meta["threshold"])

    def predict(self, sentences: Sequence[str]) -> list[float]:
        """Probability that each sentence is check-worthy, in input order."""
        if not sentences:
            return []
        # encode() one by one stays on this thread; encode_batch would start a rayon pool.
        ids = [self.tokenizer.encode(sentence).ids for sentence in sentences]
        # Sorting by length keeps padding (wasted compute) small inside each batch.
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        probs = np.zeros(len(ids), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            batch = order[start : start + self.batch_size]
            probs[batch] = self._run([ids[i] for i in batch])
        return [float(p) for p in probs]

    def _run(self, batch: list[list[int]]) -> np.ndarray:
        width = max(len(row) for row in batch)
        input_ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, token_ids in enumerate(batch):
            input_ids[row, : len(token_ids)] = token_ids
            mask[row, : len(token_ids)] = 1
        feeds = {"input_ids": input_ids, "attention_mask": mask}
        return self.session.run(["probability"], feeds)[0]


default_model = loaded_once(CheckworthinessModel.load)  # the shipped model, loaded on first use
