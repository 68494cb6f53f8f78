"""Check-worthiness by a fine-tuned MiniLM, run with ONNX Runtime (int8, CPU, no torch).

The artefact in `model/` is built by training/checkworthiness/ (train.py, then export_onnx.py):
`model.onnx` maps (input_ids, attention_mask[, token_type_ids]) to the probability that a
sentence is check-worthy, `tokenizer.json` is its WordPiece tokenizer and `model.json` holds the
decision threshold, the maximum length, the context the model reads and the training figures.

A model trained with context (`model.json` "context": {"before": n, "after": m}) reads
`[CLS] previous [SEP] sentence [SEP]`: the previous sentence's last n tokens (and the next
one's first m, then `[SEP]`) as segment 0, the sentence as segment 1, pooled over segment 1 only.
"""

from __future__ import annotations

import functools
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

    @property
    def context(self) -> tuple[int, int]:
        """Tokens read of the previous and of the next sentence; (0, 0) for none."""
        context = self.meta.get("context") or {}
        return int(context.get("before", 0)), int(context.get("after", 0))

    def predict(
        self,
        sentences: Sequence[str],
        previous: Sequence[str] | None = None,
        following: Sequence[str] | None = None,
    ) -> list[float]:
        """Probability that each sentence is check-worthy, in input order.

        `previous` / `following` hold each sentence's neighbours in its text ("" for none);
        a model trained without context ignores them.
        """
        if not sentences:
            return []
        before = previous if previous is not None else [""] * len(sentences)
        after = following if following is not None else [""] * len(sentences)
        rows = [self.encode(*texts) for texts in zip(sentences, before, after, strict=True)]
        # Sorting by length keeps padding (wasted compute) small inside each batch.
        order = sorted(range(len(rows)), key=lambda i: len(rows[i][0]))
        probs = np.zeros(len(rows), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            batch = order[start : start + self.batch_size]
            probs[batch] = self._run([rows[i] for i in batch])
        return [float(p) for p in probs]

    def encode(
        self, sentence: str, previous: str = "", following: str = ""
    ) -> tuple[list[int], list[int]]:
        """Token ids and segment ids of a sentence in its context, as the model was trained."""
        return encode_in_context(self.tokenizer, sentence, previous, following, *self.context)

    def _run(self, batch: list[tuple[list[int], list[int]]]) -> np.ndarray:
        width = max(len(ids) for ids, _ in batch)
        input_ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        types = np.zeros((len(batch), width), dtype=np.int64)
        for row, (token_ids, segments) in enumerate(batch):
            input_ids[row, : len(token_ids)] = token_ids
            mask[row, : len(token_ids)] = 1
            types[row, : len(segments)] = segments
        feeds = {"input_ids": input_ids, "attention_mask": mask}
        if self._reads_segments:
            feeds["token_type_ids"] = types
        return self.session.run(["probability"], feeds)[0]

    @functools.cached_property
    def _reads_segments(self) -> bool:
        """Whether the graph takes segment ids (models trained with context do)."""
        return any(node.name == "token_type_ids" for node in self.session.get_inputs())


def encode_in_context(
    tokenizer: Tokenizer, sentence: str, previous: str, following: str, before: int, after: int
) -> tuple[list[int], list[int]]:
    """Ids and segment ids of `[CLS] previous [SEP] sentence [SEP] (next [SEP])`.

    The previous sentence's last `before` tokens and the next one's first `after` are segment 0,
    the sentence segment 1; with neither, the sentence alone (`[CLS] sentence [SEP]`). Training
    (training/checkworthiness/train.py) encodes with this same function.
    """
    # encode() one by one stays on this thread; encode_batch would start a rayon pool.
    own = tokenizer.encode(sentence).ids
    if not before and not after:
        return own, [0] * len(own)

    def tokens(text: str) -> list[int]:
        return tokenizer.encode(text, add_special_tokens=False).ids if text else []

    cls, sep = own[0], own[-1]
    head = tokens(previous)[-before:] if before else []
    tail = [*tokens(following)[:after], sep] if after else []
    ids = [cls, *head, sep, *own[1:], *tail]
    return ids, [0] * (len(head) + 2) + [1] * (len(own) - 1) + [0] * len(tail)


default_model = loaded_once(CheckworthinessModel.load)  # the shipped model, loaded on first use
