"""The sentiment model: the pretrained pinyin-hanzi encoder plus a classification head.

Pooling joins the [CLS] state and the mean over real positions: the backbone was never
trained to put a summary in [CLS], so the mean carries the signal early in fine-tuning and
[CLS] learns to add to it.
"""
from __future__ import annotations

import torch
import torch.nn as nn

from core.model.network import P2CEncoder, padding_mask
from core.model.spec import ModelSpec


class SentimentNet(nn.Module):
    def __init__(self, spec: ModelSpec, n_classes: int, *, head_dropout: float = 0.1) -> None:
        super().__init__()
        self.spec = spec
        self.n_classes = n_classes
        self.encoder = P2CEncoder(spec)
        self.head = nn.Sequential(
            nn.Dropout(head_dropout),
            nn.Linear(2 * spec.d_model, spec.d_model),
            nn.GELU(),
            nn.Dropout(head_dropout),
            nn.Linear(spec.d_model, n_classes),
        )
        for module in self.head:
            if isinstance(module, nn.Linear):
                nn.init.normal_(module.weight, std=0.02)
                nn.init.zeros_(module.bias)

    def forward(self, hanzi_ids: torch.Tensor, pinyin_ids: torch.Tensor) -> torch.Tensor:
        """(B, T) ids -> (B, K) logits."""
        states = self.encoder(pinyin_ids, hanzi_ids)                  # (B, T, C)
        mask = padding_mask(pinyin_ids).unsqueeze(-1).to(states.dtype)  # (B, T, 1)
        mean = (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)    # (B, C)
        pooled = torch.cat([states[:, 0], mean], dim=-1)               # (B, 2C)
        return self.head(pooled)


class SentimentGraph(nn.Module):
    """What is exported: inputs named as the classifier expects, probabilities out."""

    def __init__(self, net: SentimentNet) -> None:
        super().__init__()
        self.net = net

    def forward(self, hanzi: torch.Tensor, pinyin: torch.Tensor) -> torch.Tensor:
        return torch.softmax(self.net(hanzi, pinyin), dim=-1)


def from_backbone(encoder: P2CEncoder, n_classes: int) -> SentimentNet:
    """A SentimentNet whose encoder starts from pretrained weights (the head is fresh)."""
    net = SentimentNet(encoder.spec, n_classes)
    net.encoder.load_state_dict(encoder.state_dict())
    return net
