"""Training batches from token shards: windows, P2C span masking, partial masking, pinyin noise.

Each row is one piece (a sentence or a few), in one of two modes:
- P2C (the typing task): up to 16 characters of known left context, then a span whose
  hanzi are all [MASK] and whose pinyin is visible; the row ends with the span (the engine
  never sees text to the right of what is being typed).
- partial: the whole piece, a random 15-50 % of its predictable characters masked.
Masked positions' pinyin is sometimes reduced to an initial (`bj*dx*` abbreviations) or a
truncated syllable (`zho*`), and whole short spans become initials-only.
Everything is vectorised numpy, so building a batch costs little beside a GPU step.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.model.spec import MASK, PAD, UNK, Vocab
from core.pinyin.syllables import syllable_initial


@dataclass(frozen=True)
class MaskingConfig:
    """Probabilities of the pretraining objective (see the module docstring)."""

    p2c_rows: float = 0.6          # share of rows in P2C mode (the rest: partial masking)
    max_context: int = 16          # known left context in P2C rows, chosen uniformly 0..max
    max_span: int = 32             # longest masked span in P2C rows
    partial_min: float = 0.15      # masking rate range of partial rows
    partial_max: float = 0.5
    initial_prob: float = 0.06     # a masked position's pinyin becomes its initial token
    truncate_prob: float = 0.03    # ... or a truncated syllable
    last_truncate_prob: float = 0.15  # the last position of a P2C span is typed half-way
    abbrev_rows: float = 0.05      # P2C rows whose whole (<= 4 char) span is initials-only


class PinyinNoise:
    """Lookup tables: syllable id -> its initial token id, and -> its truncated prefix ids."""

    def __init__(self, vocab: Vocab) -> None:
        py = vocab.pinyin
        n = py.size
        self.initial = np.arange(n, dtype=np.int64)
        self.prefixes = np.zeros((n, 6), dtype=np.int64)   # proper prefixes, 0-padded
        self.n_prefixes = np.zeros(n, dtype=np.int64)
        for i in range(py.first_syllable, py.first_partial):
            s = py.tokens[i]
            self.initial[i] = py.partial_id(syllable_initial(s))
            pre = [py.partial_id(s[:k]) for k in range(1, len(s))]
            self.prefixes[i, : len(pre)] = pre
            self.n_prefixes[i] = len(pre)
        self.first_syllable, self.first_partial = py.first_syllable, py.first_partial
        # Hanzi that can be targets: Han characters (symbols and specials are context only).
        self.first_han = len(vocab.hanzi.tokens) - len(vocab.hanzi.readings)


@dataclass
class Batch:
    pinyin: np.ndarray   # (B, T) int64 input pinyin ids (noised at masked positions)
    hanzi: np.ndarray    # (B, T) int64 input hanzi ids (MASK where predicted)
    targets: np.ndarray  # (B, T) int64 true hanzi at predicted positions, else PAD
    tokens: int          # real (non-pad) positions


def make_batch(
    hanzi_flat: np.ndarray,
    pinyin_flat: np.ndarray,
    starts: np.ndarray,
    lengths: np.ndarray,
    rows: np.ndarray,
    noise: PinyinNoise,
    rng: np.random.Generator,
    cfg: MaskingConfig = MaskingConfig(),
) -> Batch:
    """Build one batch from pieces `rows` (indices into starts/lengths)."""
    b = len(rows)
    lens = lengths[rows].astype(np.int64)
    p2c = rng.random(b) < cfg.p2c_rows
    # P2C rows: span [s, e) inside the piece, window [w0, e) with w0 = s - context.
    span = np.minimum(rng.integers(1, cfg.max_span + 1, b), lens)
    e = span + (rng.random(b) * (lens - span + 1)).astype(np.int64)
    s = e - span
    ctx = np.minimum(rng.integers(0, cfg.max_context + 1, b), s)
    w0 = np.where(p2c, s - ctx, 0)
    wl = np.where(p2c, e - w0, lens)
    t = int(wl.max())
    col = np.arange(t)
    valid = col[None, :] < wl[:, None]                                       # (B, T)
    pos = starts[rows][:, None] + w0[:, None] + np.minimum(col[None, :], wl[:, None] - 1)
    hz = np.where(valid, hanzi_flat[pos].astype(np.int64), PAD)              # (B, T)
    py = np.where(valid, pinyin_flat[pos].astype(np.int64), PAD)             # (B, T)

    predictable = (
        valid & (py >= noise.first_syllable) & (py < noise.first_partial) & (hz >= noise.first_han)
    )
    span_cols = col[None, :] >= ctx[:, None]                                 # P2C: after context
    rate = rng.uniform(cfg.partial_min, cfg.partial_max, b)
    random_mask = rng.random((b, t)) < rate[:, None]
    masked = predictable & np.where(p2c[:, None], span_cols, random_mask)

    # Pinyin noise at masked positions.
    u = rng.random((b, t))
    to_initial = masked & (u < cfg.initial_prob)
    to_trunc = masked & (u >= cfg.initial_prob) & (u < cfg.initial_prob + cfg.truncate_prob)
    last = col[None, :] == (wl[:, None] - 1)
    to_trunc |= masked & p2c[:, None] & last & (rng.random(b)[:, None] < cfg.last_truncate_prob)
    abbrev = p2c & (span <= 4) & (rng.random(b) < cfg.abbrev_rows)
    to_initial |= masked & abbrev[:, None]
    to_trunc &= ~to_initial
    noisy = py.copy()
    noisy[to_initial] = noise.initial[py[to_initial]]
    if to_trunc.any():
        syl = py[to_trunc]
        n_pre = noise.n_prefixes[syl]
        ok = n_pre > 0
        k = (rng.random(len(syl)) * np.maximum(n_pre, 1)).astype(np.int64)
        noisy[to_trunc] = np.where(ok, noise.prefixes[syl, k], syl)

    targets = np.where(masked, hz, PAD)
    hanzi_in = np.where(masked, MASK, hz)
    return Batch(pinyin=noisy, hanzi=hanzi_in, targets=targets, tokens=int(valid.sum()))


__all__ = ["Batch", "MaskingConfig", "PinyinNoise", "make_batch", "UNK"]
