"""New-word discovery: frequent character n-grams that hold together and stand free.

A candidate (2-6 Han characters) must be frequent, cohesive (its weakest split has a high
pointwise mutual information) and free at both ends (high entropy of the characters seen
left and right of it). Counting is vectorised with numpy over the text as code points, so a
10 M-character corpus takes seconds, not a dict of every n-gram.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

SEP = 0  # between Han runs


@dataclass(frozen=True)
class DiscoveryConfig:
    min_len: int = 2
    max_len: int = 6
    min_count: int = 5            # occurrences in the text
    min_pmi: float = 3.0          # nats, weakest split
    min_entropy: float = 1.0      # nats, each side
    max_words: int = 20000


@dataclass(frozen=True)
class NewWord:
    text: str
    count: int
    pmi: float
    left_entropy: float
    right_entropy: float


class RunBuffer:
    """Collects Han runs into one uint32 code-point array with separators (bounded memory:
    4 bytes a character)."""

    def __init__(self) -> None:
        self._parts: list[np.ndarray] = []
        self._pending: list[str] = []
        self._pending_chars = 0
        self.chars = 0

    def add(self, run: str) -> None:
        self._pending.append(run)
        self._pending_chars += len(run) + 1
        self.chars += len(run)
        if self._pending_chars > 1 << 20:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            text = "\x00".join(self._pending) + "\x00"
            self._parts.append(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32))
            self._pending, self._pending_chars = [], 0

    def array(self) -> np.ndarray:
        self._flush()
        if not self._parts:
            return np.zeros(1, dtype=np.uint32)
        return np.concatenate([np.zeros(1, dtype=np.uint32), *self._parts])


def _entropy_by_group(group: np.ndarray, other: np.ndarray, n_groups: int) -> np.ndarray:
    """Entropy (nats) of `other` within each group id; groups never seen get 0."""
    if len(group) == 0:
        return np.zeros(n_groups)
    code = group.astype(np.int64) * (1 << 21) + other.astype(np.int64)
    uniq, cnt = np.unique(code, return_counts=True)
    g = uniq >> 21
    cnt = cnt.astype(np.float64)
    tot = np.bincount(g, weights=cnt, minlength=n_groups)
    s = np.bincount(g, weights=cnt * np.log(cnt), minlength=n_groups)
    with np.errstate(divide="ignore", invalid="ignore"):
        h = np.where(tot > 0, np.log(np.maximum(tot, 1)) - s / np.maximum(tot, 1), 0.0)
    return h


def discover(text: np.ndarray, known: Iterable[str] | callable, cfg: DiscoveryConfig = DiscoveryConfig()
             ) -> list[NewWord]:
    """New words of `text` (a RunBuffer array) that `known` (a container or a predicate) lacks."""
    is_known = known if callable(known) else (lambda w, s=known: w in s)
    a = text
    N = max(int((a != SEP).sum()), 1)
    # Counts of every n-gram (n = 1..max_len) that occurs min_count times, as strings.
    counts: dict[str, int] = {}
    chars, ccount = np.unique(a[a != SEP], return_counts=True)
    for c, k in zip(chars.tolist(), ccount.tolist()):
        counts[chr(c)] = k
    cands: list[tuple[str, int, float, float]] = []
    for n in range(2, cfg.max_len + 1):
        if len(a) < n + 2:
            break
        win = np.lib.stride_tricks.sliding_window_view(a, n)
        ok = (win != SEP).all(axis=1)
        pos = np.flatnonzero(ok)
        if len(pos) == 0:
            break
        rows = np.ascontiguousarray(win[pos])
        keys = rows.view(np.dtype((np.void, 4 * n))).ravel()
        uniq, inv, cnt = np.unique(keys, return_inverse=True, return_counts=True)
        frequent = cnt >= cfg.min_count
        if not frequent.any():
            break
        fidx = np.flatnonzero(frequent)
        grams = uniq[fidx].view(np.uint32).reshape(-1, n)
        texts = ["".join(map(chr, g)) for g in grams.tolist()]
        for t, k in zip(texts, cnt[fidx].tolist()):
            counts[t] = k
        if n < cfg.min_len:
            continue
        # Boundary entropies of the frequent grams (left/right neighbours, SEP counts too:
        # a clause edge is a free boundary).
        remap = np.full(len(uniq), -1, dtype=np.int64)
        remap[fidx] = np.arange(len(fidx))
        g_of = remap[inv]
        sel = g_of >= 0
        gpos, gid = pos[sel], g_of[sel]
        left = a[np.maximum(gpos - 1, 0)]
        right = a[np.minimum(gpos + n, len(a) - 1)]
        # Each clause edge is its own neighbour, so many edges make for high freedom.
        left = np.where(left == SEP, (1 << 20) + (np.arange(len(left)) % 1000), left)
        right = np.where(right == SEP, (1 << 20) + (np.arange(len(right)) % 1000), right)
        hl = _entropy_by_group(gid, left, len(fidx))
        hr = _entropy_by_group(gid, right, len(fidx))
        for t, k, h_left, h_right in zip(texts, cnt[fidx].tolist(), hl.tolist(), hr.tolist()):
            if min(h_left, h_right) >= cfg.min_entropy:
                cands.append((t, k, h_left, h_right))
    logN = math.log(N)
    out: list[NewWord] = []
    for t, k, h_left, h_right in cands:
        if is_known(t):
            continue
        pmi = min(math.log(k) + logN - math.log(counts[t[:i]]) - math.log(counts[t[i:]])
                  for i in range(1, len(t)))
        if pmi >= cfg.min_pmi:
            out.append(NewWord(t, k, pmi, h_left, h_right))
    out.sort(key=lambda w: -w.count * len(w.text))
    return out[: cfg.max_words]
