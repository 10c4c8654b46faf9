"""The sentiment model: the pretrained pinyin-hanzi encoder plus a classification head.

Pooling joins the [CLS] state and the mean over real positions: the backbone was never
trained to put a summary in [CLS], so the mean carries the signal early in fine-tuning and
[CLS] learns to add to it. An optional bag of hashed character bigrams (fastText-style,
computed inside the graph from the hanzi ids, so inputs stay the same) gives the head the
lexical cues a small encoder learns slowly from 50k reviews.

The optional wide path is a hashed TF-IDF logistic regression over character 1..n-grams,
added to the logits: fitted alone first (convex, seconds per epoch), then frozen while the
encoder and head learn what it gets wrong. Its inverse document frequencies are a buffer
fitted on the training set, so the exported graph computes exactly what was trained.
With `word_buckets` it also reads hashed jieba word 1..n-grams (a third input, `words`,
computed by core.analysis.features), in rows after the character n-grams' rows of its table.
With `blend` the encoder and head are not trained on what the wide path gets wrong but on
the labels alone, as a second, independent model, and the graph adds their logits times a
weight (`deep_scale`) chosen on dev. The wide path fits the training set closely, so the
residual it leaves there is small and unlike the errors it makes on new text; an encoder
trained on its own learns more, and the two disagree where it helps.
With `wide_from_input` the `words` input carries the character n-gram rows as well (hashed
by core.analysis.features over a longer window than the encoder's), and the graph hashes
nothing itself.
"""
from __future__ import annotations

from collections.abc import Iterable

import torch
import torch.nn as nn

from core.model.network import P2CEncoder, padding_mask
from core.model.spec import ModelSpec

BIGRAM_MULT = 1_000_003  # hash of a bigram (a, b): (a * BIGRAM_MULT + b) mod buckets


def hashed_ngrams(hanzi_ids: torch.Tensor, real: torch.Tensor, n: int,
                  buckets: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Bucket ids (1..buckets, 0 where not a real n-gram) of every n-gram, and the real mask.

    Each order hashes into the same table with its own offset (n) to keep the orders apart.
    """
    t = hanzi_ids.shape[1] - n + 1
    code = hanzi_ids[:, :t]
    ok = real[:, :t]
    for j in range(1, n):
        code = code * BIGRAM_MULT + hanzi_ids[:, j : j + t]
        ok = ok & real[:, j : j + t]
    ids = torch.remainder(code + n, buckets) + 1                       # (B, t)
    return torch.where(ok, ids, torch.zeros_like(ids)), ok


class SentimentNet(nn.Module):
    def __init__(self, spec: ModelSpec, n_classes: int, *, head_dropout: float = 0.1,
                 ngram_buckets: int = 0, ngram_dim: int = 64, ngram_max: int = 2,
                 wide_buckets: int = 0, wide_max: int = 2, word_buckets: int = 0,
                 wide_from_input: bool = False, blend: bool = False) -> None:
        super().__init__()
        self.spec = spec
        self.n_classes = n_classes
        self.ngram_buckets = ngram_buckets
        self.ngram_dim = ngram_dim
        self.ngram_max = ngram_max  # 2: bigrams; 3: bigrams and trigrams share the table
        self.wide_buckets = wide_buckets
        self.wide_max = wide_max    # the wide path reads 1..wide_max-grams
        self.word_buckets = word_buckets if wide_buckets else 0  # word n-grams need the wide path
        self.wide_from_input = bool(wide_from_input and wide_buckets)
        self.blend = bool(blend and wide_buckets)
        # Weight of the deep logits beside the wide path's; saved only by blended models, so
        # the state of an older model loads unchanged (and its weight stays 1).
        self.register_buffer("deep_scale", torch.ones(()), persistent=self.blend)
        self.encoder = P2CEncoder(spec)
        extra = 0
        if ngram_buckets:
            # Row 0 is the padding bigram; hashed ids land in 1..buckets.
            self.bigram_emb = nn.Embedding(ngram_buckets + 1, ngram_dim, padding_idx=0)
            nn.init.normal_(self.bigram_emb.weight, std=0.02)
            with torch.no_grad():
                self.bigram_emb.weight[0].zero_()
            extra = ngram_dim
            # The bag's linear path: n-gram bag straight to logits, a linear model the deep head
            # corrects. It can be trained alone first (cheap), see FinetuneConfig.bag_epochs.
            self.bag_out = nn.Linear(ngram_dim, n_classes)
            nn.init.zeros_(self.bag_out.weight)
            nn.init.zeros_(self.bag_out.bias)
        if wide_buckets:
            # Row 0 is padding; its idf is 0, so it never contributes.
            rows = wide_buckets + self.word_buckets + 1
            self.wide_w = nn.Embedding(rows, n_classes)
            nn.init.zeros_(self.wide_w.weight)
            self.wide_bias = nn.Parameter(torch.zeros(n_classes))
            self.register_buffer("wide_idf", torch.zeros(rows))
        self.head = nn.Sequential(
            nn.Dropout(head_dropout),
            nn.Linear(2 * spec.d_model + extra, spec.d_model),
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
        """(B, T) ids (and (B, W) word n-gram ids, 0-padded) -> (B, K) logits."""
        logits = self.deep_logits(hanzi_ids, pinyin_ids, words)
        if self.blend:
            logits = self.deep_scale * logits
        if self.wide_buckets:
            logits = logits + self.wide_logits(hanzi_ids, pinyin_ids, words)
        return logits

    def deep_logits(self, hanzi_ids: torch.Tensor, pinyin_ids: torch.Tensor,
                    words: torch.Tensor | None = None) -> torch.Tensor:
        """(B, K): the encoder and head (and the n-gram bag), without the wide path."""
        states = self.encoder(pinyin_ids, hanzi_ids)                  # (B, T, C)
        mask = padding_mask(pinyin_ids).unsqueeze(-1).to(states.dtype)  # (B, T, 1)
        mean = (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)    # (B, C)
        parts = [states[:, 0], mean]                                   # (B, C) each
        if not self.ngram_buckets:
            logits = self.head(torch.cat(parts, dim=-1))
        else:
            bag = self._bigram_bag(hanzi_ids, pinyin_ids)              # (B, E)
            logits = self.head(torch.cat([*parts, bag], dim=-1)) + self.bag_out(bag)
        return logits

    # -- the wide path: hashed TF-IDF logistic regression --------------------------------------
    def wide_ids(self, hanzi_ids: torch.Tensor, pinyin_ids: torch.Tensor,
                 words: torch.Tensor | None = None) -> torch.Tensor:
        """(B, N) table rows of every character 1..wide_max-gram (1..wide_buckets) and every
        word n-gram (after them), 0 at padding."""
        if self.wide_from_input:
            if words is None:
                raise ValueError("this model reads its n-gram ids: pass `words` (core.analysis.features)")
            return words
        real = pinyin_ids != 0
        orders = range(1, min(self.wide_max, hanzi_ids.shape[1]) + 1)
        parts = [hashed_ngrams(hanzi_ids, real, n, self.wide_buckets)[0] for n in orders]
        if self.word_buckets:
            if words is None:
                raise ValueError("this model reads word n-grams: pass `words` (core.analysis.features)")
            parts.append(torch.where(words > 0, words + self.wide_buckets, torch.zeros_like(words)))
        return torch.cat(parts, dim=1)

    def wide_logits(self, hanzi_ids: torch.Tensor, pinyin_ids: torch.Tensor,
                    words: torch.Tensor | None = None) -> torch.Tensor:
        """(B, K): sum over n-grams of idf-weighted, L2-normalised weights, plus a bias."""
        ids = self.wide_ids(hanzi_ids, pinyin_ids, words)              # (B, N)
        v = self.wide_idf[ids]                                          # (B, N), 0 at padding
        norm = v.pow(2).sum(1, keepdim=True).clamp(min=1e-6).sqrt()    # (B, 1)
        return ((v / norm).unsqueeze(-1) * self.wide_w(ids)).sum(1) + self.wide_bias

    @torch.no_grad()
    def fit_idf(self, batches: Iterable[tuple[torch.Tensor, ...]]) -> None:
        """Smoothed idf, ln((1 + N) / (1 + df)) + 1, over the training texts given as
        (hanzi, pinyin[, words]) id batches; df counts each n-gram once per text."""
        df = torch.zeros(len(self.wide_idf), dtype=torch.float64)
        n_docs = 0
        for inputs in batches:
            ids, _ = self.wide_ids(*inputs).sort(dim=1)                   # (B, N)
            first = torch.ones_like(ids, dtype=torch.bool)
            first[:, 1:] = ids[:, 1:] != ids[:, :-1]
            df += torch.bincount(ids[first], minlength=len(df)).to(df.dtype)
            n_docs += ids.shape[0]
        idf = torch.log((1 + n_docs) / (1 + df)) + 1
        idf[0] = 0.0
        self.wide_idf.copy_(idf.to(self.wide_idf.dtype))

    def bag_logits(self, hanzi_ids: torch.Tensor, pinyin_ids: torch.Tensor,
                   words: torch.Tensor | None = None) -> torch.Tensor:
        """The n-gram bag path alone (no encoder pass): what the bag warm-up trains.

        `words` is accepted so every path takes the same inputs; the bag reads characters only."""
        return self.bag_out(self._bigram_bag(hanzi_ids, pinyin_ids))

    def _bigram_bag(self, hanzi_ids: torch.Tensor, pinyin_ids: torch.Tensor) -> torch.Tensor:
        """Mean embedding of the text's hashed character n-grams (2..ngram_max)."""
        real = pinyin_ids != 0                                         # (B, T)
        total = None
        count = None
        for n in range(2, self.ngram_max + 1):
            ids, ok = hashed_ngrams(hanzi_ids, real, n, self.ngram_buckets)  # (B, t) each
            s = self.bigram_emb(ids).sum(1)                            # (B, E)
            c = ok.sum(1, keepdim=True)
            total = s if total is None else total + s
            count = c if count is None else count + c
        return total / count.clamp(min=1).to(total.dtype)

    def config(self) -> dict:
        """What a loader needs besides the spec to rebuild this network."""
        return {"n_classes": self.n_classes, "ngram_buckets": self.ngram_buckets,
                "ngram_dim": self.ngram_dim, "ngram_max": self.ngram_max,
                "wide_buckets": self.wide_buckets, "wide_max": self.wide_max,
                "word_buckets": self.word_buckets, "wide_from_input": self.wide_from_input,
                "blend": self.blend}

    @property
    def reads_ids(self) -> bool:
        """Whether the network takes the third input, `words`."""
        return bool(self.word_buckets or self.wide_from_input)


class SentimentGraph(nn.Module):
    """What is exported: inputs named as the classifier expects, probabilities out."""

    def __init__(self, net: SentimentNet) -> None:
        super().__init__()
        self.net = net

    def forward(self, hanzi: torch.Tensor, pinyin: torch.Tensor,
                words: torch.Tensor | None = None) -> torch.Tensor:
        return torch.softmax(self.net(hanzi, pinyin, words), dim=-1)


def from_backbone(encoder: P2CEncoder, n_classes: int) -> SentimentNet:
    """A SentimentNet whose encoder starts from pretrained weights (the head is fresh)."""
    net = SentimentNet(encoder.spec, n_classes)
    net.encoder.load_state_dict(encoder.state_dict())
    return net
