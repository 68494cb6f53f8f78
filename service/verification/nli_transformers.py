"""An optional stance scorer: any NLI cross-encoder saved in a local directory (transformers).

Selected with verifier=nli_dir and verifier_model_dir; torch and transformers are imported only
here, when it is loaded, and are not dependencies of the service. The model's own labels
(entailment / neutral / contradiction, any case) are mapped to (supports, neutral, refutes); a
two-way model's "not_entailment" counts as neutral. Nothing is downloaded (HF_HUB_OFFLINE).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from service.verification.stance_model import clean

_COLUMN = {"entailment": 0, "supports": 0, "neutral": 1, "not_entailment": 1,
           "contradiction": 2, "refutes": 2}  # fmt: skip


@dataclass(frozen=True)
class TransformersNli:
    """A loaded transformers sequence-classification NLI model and its label mapping."""

    model: Any
    tokenizer: Any
    columns: tuple[int, ...]  # the model's output index i goes to stance column columns[i]
    max_length: int = 256

    @classmethod
    def load(cls, directory: str) -> TransformersNli:
        """Load from a local directory (config.json, weights, tokenizer files)."""
        if not directory:
            raise ValueError("verifier=nli_dir needs verifier_model_dir")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        model = AutoModelForSequenceClassification.from_pretrained(directory).eval()
        labels = model.config.id2label
        columns = tuple(_COLUMN[labels[i].lower()] for i in range(len(labels)))
        return cls(model, AutoTokenizer.from_pretrained(directory), columns)

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """(supports, neutral, refutes) probabilities, one row per (claim, passage) pair."""
        import torch

        out = np.zeros((len(pairs), 3))
        if not pairs:
            return out
        # NLI models read (premise, hypothesis): the passage first, the claim second.
        premises = [clean(text) for _, text in pairs]
        hypotheses = [clean(claim) for claim, _ in pairs]
        batch = self.tokenizer(premises, hypotheses, truncation=True, padding=True,
                               max_length=self.max_length, return_tensors="pt")  # fmt: skip
        with torch.no_grad():
            probs = torch.softmax(self.model(**batch).logits, dim=-1).numpy()
        for i, column in enumerate(self.columns):
            out[:, column] += probs[:, i]
        return out
