"""The sentiment model: the pretrained pinyin-hanzi encoder plus a classification head, beside a
wide linear path over hashed n-grams.

Pooling joins the [CLS] state and the mean over real positions: the backbone was never
trained to put a summary in [CLS], so the mean carries the signal early in fine-tuning and
[CLS] learns to add to it.

The wide path is a hashed TF-IDF logistic regression, added to the logits. Its input, `words`,
holds the table rows core.analysis.features computes for a text: character 1..n-grams
(rows 1..wide_buckets), then jieba word n-grams and lexicon cues (the next word_buckets rows).
It is fitted alone first (convex, seconds per epoch) and then frozen. Its inverse document
frequencies are a buffer fitted on the training set, so the exported graph computes exactly
what was trained.

Two ways to train the encoder beside it (trainer.sentiment.recipes):
- `blend` (shipped): the encoder and head learn the labels alone, as a second model, and the
  graph adds their logits times a weight (`deep_scale`) chosen on dev. The wide path fits the
  training set closely, so the residual it leaves there is small and unlike the errors it makes
  on new text; an encoder trained on its own learns more, and the two disagree where it helps.
- residual: the encoder learns what the frozen wide path gets wrong (their logits summed).
Without a wide path the network is the encoder and head alone.
"""
from __future__ import annotations

from collections.abc import Iterable

import torch
import torch.nn as nn

from core.model.network import P2CEncoder, padding_mask
from core.model.spec import ModelSpec


class SentimentNet(nn.Module):
    def __init__(self, spec: ModelSpec, n_classes: int, *, head_dropout: float = 0.1,
                 wide_buckets: int = 0, word_buckets: int = 0, blend: bool = False) -> None:
        super().__init__()
        self.spec = spec
        self.n_classes = n_classes
        self.wide_buckets = wide_buckets                          # character n-gram rows
        self.word_buckets = word_buckets if wide_buckets else 0   # word n-gram and cue rows after them
        self.blend = bool(blend and wide_buckets)
        # Weight of the deep logits beside the wide path's; saved only by blended models, so
        # the state of a residual model loads unchanged (and its weight stays 1).
        self.register_buffer("deep_scale", torch.ones(()), persistent=self.blend)
        self.encoder = P2CEncoder(spec)
        if wide_buckets:
            # Row 0 is padding; its idf is 0, so it never contributes.
            rows = wide_buckets + self.word_buckets + 1
            self.wide_w = nn.Embedding(rows, n_classes)
            nn.init.zeros_(self.wide_w.weight)
            self.wide_bias = nn.Parameter(torch.zeros(n_classes))
            self.register_buffer("wide_idf", torch.zeros(rows))
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

    def forward(self, hanzi_ids: torch.Tensor, pinyin_ids: torch.Tensor,
                words: torch.Tensor | None = None) -> torch.Tensor:
        """(B, T) ids (and (B, W) wide-path rows, 0-padded) -> (B, K) logits."""
        logits = self.deep_logits(hanzi_ids, pinyin_ids, words)
        if self.blend:
            logits = self.deep_scale * logits
        if self.wide_buckets:
            logits = logits + self.wide_logits(hanzi_ids, pinyin_ids, words)
        return logits

    def deep_logits(self, hanzi_ids: torch.Tensor, pinyin_ids: torch.Tensor,
                    words: torch.Tensor | None = None) -> torch.Tensor:
        """(B, K): the encoder and head, without the wide path."""
        states = self.encoder(pinyin_ids, hanzi_ids)                  # (B, T, C)
        mask = padding_mask(pinyin_ids).unsqueeze(-1).to(states.dtype)  # (B, T, 1)
        mean = (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)    # (B, C)
        return self.head(torch.cat([states[:, 0], mean], dim=-1))     # (B, 2C) -> (B, K)

    # -- the wide path: hashed TF-IDF logistic regression --------------------------------------
    def wide_logits(self, hanzi_ids: torch.Tensor, pinyin_ids: torch.Tensor,
                    words: torch.Tensor | None = None) -> torch.Tensor:
        """(B, K): sum over the text's rows of idf-weighted, L2-normalised weights, plus a bias."""
        if words is None:
            raise ValueError("the wide path reads its n-gram rows: pass `words` (core.analysis.features)")
        v = self.wide_idf[words]                                        # (B, W), 0 at padding
        norm = v.pow(2).sum(1, keepdim=True).clamp(min=1e-6).sqrt()    # (B, 1)
        return ((v / norm).unsqueeze(-1) * self.wide_w(words)).sum(1) + self.wide_bias

    @torch.no_grad()
    def fit_idf(self, batches: Iterable[tuple[torch.Tensor, ...]]) -> None:
        """Smoothed idf, ln((1 + N) / (1 + df)) + 1, over the training texts given as
        (hanzi, pinyin, words) batches; df counts each row once per text."""
        df = torch.zeros(len(self.wide_idf), dtype=torch.float64)
        n_docs = 0
        for _, _, words in batches:
            ids, _ = words.sort(dim=1)                                   # (B, W)
            first = torch.ones_like(ids, dtype=torch.bool)
            first[:, 1:] = ids[:, 1:] != ids[:, :-1]
            df += torch.bincount(ids[first], minlength=len(df)).to(df.dtype)
            n_docs += ids.shape[0]
        idf = torch.log((1 + n_docs) / (1 + df)) + 1
        idf[0] = 0.0
        self.wide_idf.copy_(idf.to(self.wide_idf.dtype))

    def config(self) -> dict:
        """What a loader needs besides the spec to rebuild this network."""
        return {"n_classes": self.n_classes, "wide_buckets": self.wide_buckets,
                "word_buckets": self.word_buckets, "blend": self.blend}

    @property
    def reads_ids(self) -> bool:
        """Whether the network takes the third input, `words`."""
        return bool(self.wide_buckets)


class SentimentGraph(nn.Module):
    """What is exported: inputs named as the classifier expects, probabilities out."""

    def __init__(self, net: SentimentNet) -> None:
        super().__init__()
        self.net = net

    def forward(self, hanzi: torch.Tensor, pinyin: torch.Tensor,
                words: torch.Tensor | None = None) -> torch.Tensor:
        return torch.softmax(self.net(hanzi, pinyin, words), dim=-1)
