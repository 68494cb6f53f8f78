"""Evidence stance by a fine-tuned MiniLM cross-encoder, run with ONNX Runtime (int8, CPU).

The artefact in `model/` is built by training/verification/ (train.py, export_onnx.py, then
calibrate.py): `model.onnx` maps (input_ids, attention_mask, token_type_ids) of the pair
"claim [SEP] evidence" to three logits (supports, neutral, refutes), `tokenizer.json` is its
WordPiece tokenizer and `model.json` holds the maximum length, the temperature, the aggregation
weights, the training data and the measured figures.
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
BATCH_SIZE = 16
STANCE_ORDER = ("supports", "neutral", "refutes")  # the model's output columns
_FEVER_MARKS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-COLON-": ":"}


@dataclass(frozen=True)
class StanceModel:
    """A loaded stance cross-encoder; `probabilities` is safe to call from many threads."""

    session: ort.InferenceSession
    tokenizer: Tokenizer
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: str | Path = MODEL_DIR, threads: int = 1) -> StanceModel:
        """Read model.onnx, tokenizer.json and model.json from `directory`."""
        session, tokenizer, meta = load_model_files(directory, threads)
        return cls(session, tokenizer, meta)

    @property
    def temperature(self) -> float:
        """The logit temperature fitted on held-out pairs (1.0 when none was fitted)."""
        return float(self.meta.get("temperature", 1.0))

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """(supports, neutral, refutes) probabilities of each (claim, evidence) pair, in order."""
        if not pairs:
            return np.zeros((0, 3), dtype=np.float32)
        cleaned = [(clean(claim), clean(text)) for claim, text in pairs]
        encoded = self.tokenizer.encode_batch(cleaned)
        # Sorting by length keeps padding (wasted compute) small inside each batch.
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i].ids))
        logits = np.zeros((len(encoded), 3), dtype=np.float32)
        for start in range(0, len(order), BATCH_SIZE):
            batch = order[start : start + BATCH_SIZE]
            logits[batch] = self._run([encoded[i] for i in batch])
        scaled = logits / self.temperature
        scaled -= scaled.max(axis=1, keepdims=True)
        exp = np.exp(scaled)
        return exp / exp.sum(axis=1, keepdims=True)

    def _run(self, batch: list) -> np.ndarray:
        width = max(len(e.ids) for e in batch)
        ids, mask, types = (np.zeros((len(batch), width), dtype=np.int64) for _ in range(3))
        for row, e in enumerate(batch):
            ids[row, : len(e.ids)] = e.ids
            mask[row, : len(e.ids)] = 1
            types[row, : len(e.ids)] = e.type_ids
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        return self.session.run(["logits"], feeds)[0]


def clean(text: str) -> str:
    """Undo FEVER-style bracket tokens and collapse white space (training applies the same)."""
    for mark, char in _FEVER_MARKS.items():
        text = text.replace(mark, char)
    return " ".join(text.split())


default_model = loaded_once(StanceModel.load)  # the shipped model, loaded on first use
