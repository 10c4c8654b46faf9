"""Word trigram on top of the lexicon's bigram: counted, estimated, stored, and queried.

The bigram model (`bi_*` arrays of the lexicon) stays the back-off. A trigram entry is keyed by
the index of its context bigram (u, v) in the sorted bigram keys, `key = bigram_index * V + w`,
so the table is one sorted int64 array (stored as the uint32 gaps between keys, half the size,
summed again at load) plus uint8 log-probabilities (steps of TRI_LP_STEP nats), memory-mapped
like the bigram. `tri_bow` holds, per bigram, the back-off weight of that
two-word context (interpolated modified Kneser-Ney, `core.lexicon.kneser_ney`):

    P(w | u, v) = (c(uvw) - D(c)) / c(uv.) + gamma(uv) * P_bigram(w | v)

Unseen (or pruned) trigrams read gamma(uv) * P_bigram(w | v). Trigrams are pruned by count
and by how far they move the probability from that back-off (a cheap relative-entropy test).

Clause links carry the history across punctuation: a clause starts with the bigram's BOS, and
(u, BOS) -- u the last word of the clause before, in the same line -- is a context of its own,
estimated the same way over P_bigram(w | BOS). Their context indices follow the bigrams'
(`n_bigrams + position of u in tri_links`), so one key array and one query serve both. The
decoder reads a link at part strength (LINK_WEIGHT); `successors` lists its own estimates.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.lexicon import kneser_ney as kn
from core.lexicon.format import BOS_ID, EOS_ID, most_likely

TRI_LP_STEP = 0.1   # log-probabilities as uint8 multiples of -0.1 nats (error <= 0.05)
FILES = ("tri_lp", "tri_bow")   # and the keys: DELTAS, or KEYS where a gap needs 64 bits
DELTAS = "tri_delta"
LEGACY_KEYS = "tri_keys"        # the keys as one int64 array (and lexicons built before DELTAS)
LINKS = "tri_links"     # sorted word ids u with a clause-link context (u, BOS); optional
ALL_FILES = (*FILES, DELTAS, LEGACY_KEYS, LINKS)   # what a build may leave
# A clause link moves the first word's log-probability only this share of the way from the
# plain clause start, log P(w | BOS), to its own estimate, log P(w | u, BOS). At full strength
# the links, estimated from far fewer clause pairs than the bigram's clauses, broke 32 of the
# context protocol's clauses for 47 they fixed (dev.txt, first 10,468 clauses after text of
# their line); at 0.5 the protocol gains 13 clauses (docs/RESULTS.md, 2026-12-08).
LINK_WEIGHT = 0.5


@dataclass(frozen=True)
class TrigramConfig:
    min_count: int = 2          # trigrams seen fewer times are dropped
    keep_gain: float = 0.5      # ... and those within this many nats of the back-off


def trigram_codes(seq: np.ndarray, V: int) -> tuple[np.ndarray, np.ndarray]:
    """Unique (u, v, w) codes `(u * V + v) * V + w` and their counts from a token sequence in
    which each clause is `BOS words EOS` (BOS = 0, EOS = 1); no trigram crosses a clause."""
    a = seq[:-2].astype(np.int64)
    b = seq[1:-1].astype(np.int64)
    c = seq[2:].astype(np.int64)
    ok = (b > 1) & (a != 1) & (c != 0)
    return np.unique((a[ok] * V + b[ok]) * V + c[ok], return_counts=True)


def _estimate(ctx: np.ndarray, n_ctx: int, v: np.ndarray, w: np.ndarray, cnt: np.ndarray,
              bigram_logp, V: int, cfg: TrigramConfig) -> dict[str, np.ndarray]:
    """Interpolated KN over P_bigram(w | v) for counts keyed by a context index in [0, n_ctx)."""
    D = kn.discounts(cnt)
    d_each, ctx_total, gamma = kn.interpolate(ctx, cnt, n_ctx, D)
    lp_back = np.log(gamma[ctx]) + bigram_logp(v, w)
    p = (cnt - d_each) / ctx_total[ctx] + np.exp(lp_back)
    lp = np.log(p)
    keep = (cnt >= cfg.min_count) & (np.abs(lp - lp_back) > cfg.keep_gain)
    keys = ctx[keep] * V + w[keep]
    order = np.argsort(keys, kind="stable")
    return {
        "tri_keys": keys[order].astype(np.int64),
        "tri_lp": np.clip(np.round(-lp[keep][order] / TRI_LP_STEP), 0, 255).astype(np.uint8),
        "tri_bow": np.clip(np.round(-np.log(gamma) / TRI_LP_STEP), 0, 255).astype(np.uint8),
        "discount": np.asarray(D),     # (D1, D2, D3+)
    }


def estimate(tri_u: np.ndarray, tri_v: np.ndarray, tri_w: np.ndarray, tri_c: np.ndarray, *,
             bigram_keys: np.ndarray, bigram_logp, V: int,
             cfg: TrigramConfig) -> dict[str, np.ndarray]:
    """The stored arrays from trigram counts (ids in the lexicon's space).

    `bigram_keys` are the sorted `w1 * V + w2` keys of the bigram model and `bigram_logp(u, w)`
    returns log P_bigram(w | u) for arrays of ids (the back-off of the model being written)."""
    cnt = tri_c.astype(np.float64)
    ctx_code = tri_u * V + tri_v
    bidx = np.searchsorted(bigram_keys, ctx_code)
    bidx = np.minimum(bidx, max(len(bigram_keys) - 1, 0))
    known = bigram_keys[bidx] == ctx_code if len(bigram_keys) else np.zeros(len(cnt), bool)
    return _estimate(bidx[known], len(bigram_keys), tri_v[known], tri_w[known], cnt[known],
                     bigram_logp, V, cfg)


def estimate_links(link_u: np.ndarray, link_w: np.ndarray, link_c: np.ndarray, *,
                   n_bigrams: int, bigram_logp, V: int,
                   cfg: TrigramConfig) -> dict[str, np.ndarray]:
    """Clause-link arrays: P(w | u, BOS) for the first word w of a clause after one ending in u,
    over P_bigram(w | BOS). Keys are offset by `n_bigrams` so they follow the trigram's."""
    words = np.unique(link_u)
    ctx = np.searchsorted(words, link_u)
    arrays = _estimate(ctx, len(words), np.full(len(link_u), BOS_ID, dtype=np.int64), link_w,
                       link_c.astype(np.float64), bigram_logp, V, cfg)
    arrays["tri_keys"] = arrays["tri_keys"] + np.int64(n_bigrams) * V
    arrays[LINKS] = words.astype(np.int32)
    return arrays


def with_links(trigram: dict[str, np.ndarray], links: dict[str, np.ndarray]
               ) -> dict[str, np.ndarray]:
    """One set of arrays: the trigram's entries, then the links' (their keys sort after)."""
    out = dict(trigram)
    for name in ("tri_keys", "tri_lp", "tri_bow"):
        out[name] = np.concatenate([trigram[name], links[name]])
    out[LINKS] = links[LINKS]
    return out


def delta_keys(keys: np.ndarray) -> np.ndarray | None:
    """Sorted int64 keys as the uint32 gaps between them (the first from 0): half the bytes,
    and a quarter less again compressed; None when a gap does not fit in 32 bits."""
    gaps = np.diff(np.asarray(keys, dtype=np.int64), prepend=np.int64(0))
    if len(gaps) and int(gaps.max()) >= 2**32:
        return None
    return gaps.astype(np.uint32)


def keys_from_deltas(gaps: np.ndarray) -> np.ndarray:
    """The sorted int64 keys that `delta_keys` stored."""
    return np.cumsum(np.asarray(gaps, dtype=np.int64))


def write(out: Path, arrays: dict[str, np.ndarray]) -> None:
    gaps = delta_keys(arrays["tri_keys"])
    if gaps is None:     # a vocabulary far larger than any shipped one: plain keys
        np.save(out / f"{LEGACY_KEYS}.npy", arrays["tri_keys"])
    else:
        np.save(out / f"{DELTAS}.npy", gaps)
    for name in FILES:
        np.save(out / f"{name}.npy", arrays[name])
    if LINKS in arrays:
        np.save(out / f"{LINKS}.npy", arrays[LINKS])


class WordTrigram:
    """Query side: trigram log-probabilities over the bigram of the lexicon it was built with."""

    def __init__(self, root: Path, bigram_keys: np.ndarray, vocab_size: int) -> None:
        def load(name: str) -> np.ndarray:
            return np.asarray(np.load(Path(root) / f"{name}.npy", mmap_mode="r"))

        legacy = Path(root) / f"{LEGACY_KEYS}.npy"
        # The keys are rebuilt in memory from their gaps (about 20 ms for 3.6 M).
        self.keys = load(LEGACY_KEYS) if legacy.exists() else keys_from_deltas(load(DELTAS))
        self.lp = load("tri_lp")
        bow = load("tri_bow")
        self.bigram_keys = bigram_keys
        self.V = vocab_size
        links = Path(root) / f"{LINKS}.npy"
        self.links = load(LINKS) if links.exists() else np.empty(0, dtype=np.int32)
        # Contexts with a back-off weight of 1 and no entry behave as the bigram: -1 then.
        self._bow = bow
        self.size = len(self.keys)

    @classmethod
    def load(cls, lexicon) -> WordTrigram | None:
        """The trigram stored beside a system lexicon, or None (an older artifact, or a
        lexicon that is not a plain system lexicon, e.g. one with a domain layer)."""
        root = getattr(lexicon, "root", None)
        if root is None or not hasattr(lexicon, "_keys") or getattr(lexicon, "lam", 0.0):
            return None
        present = {n for n in (*FILES, DELTAS, LEGACY_KEYS) if (Path(root) / f"{n}.npy").exists()}
        if not (set(FILES) <= present and (DELTAS in present or LEGACY_KEYS in present)):
            return None
        cached = getattr(lexicon, "_yinzi_trigram", None)
        if cached is None:
            # SystemLexicon builds its sorted bigram keys once; the trigram indexes into them.
            cached = cls(root, lexicon._keys(), lexicon.vocab_size)
            lexicon._yinzi_trigram = cached
        return cached

    def contexts(self, w1: np.ndarray, w2: np.ndarray) -> np.ndarray:
        """Context index of each (w1, w2) pair: its bigram index, or for (u, BOS) the clause
        link of u; -1 where there is none."""
        keys = self.bigram_keys
        if not len(keys):
            return np.full(len(w1), -1, dtype=np.int64)
        q = w1.astype(np.int64) * self.V + w2.astype(np.int64)
        idx = np.minimum(np.searchsorted(keys, q), len(keys) - 1)
        out = np.where((keys[idx] == q) & (w1 >= 0) & (w2 >= 0), idx, -1)
        if len(self.links):
            at_start = (w2 == BOS_ID) & (w1 > EOS_ID)
            if at_start.any():
                pos = np.minimum(np.searchsorted(self.links, w1), len(self.links) - 1)
                linked = at_start & (self.links[pos] == w1)
                out = np.where(linked, len(keys) + pos, out)
        return out

    def adjust(self, ctx: np.ndarray, w3s: np.ndarray, bigram: np.ndarray) -> np.ndarray:
        """Trigram log-probabilities from the bigram ones: `bigram[k, m]` is log P(w3s[m] | v_k)
        for the context `ctx[k]` (a bigram index, -1: no two-word context)."""
        has = ctx >= 0
        if not has.any() or not self.size:
            return bigram
        out = bigram.copy()
        rows = np.nonzero(has)[0]
        c = ctx[rows]
        out[rows] += self._bow[c].astype(np.float32)[:, None] * np.float32(-TRI_LP_STEP)
        q = c[:, None] * self.V + w3s.astype(np.int64)[None, :]
        idx = np.minimum(np.searchsorted(self.keys, q), self.size - 1)
        hit = (self.keys[idx] == q) & (w3s >= 0)[None, :]
        if hit.any():
            sub = out[rows]
            sub[hit] = self.lp[idx[hit]].astype(np.float32) * np.float32(-TRI_LP_STEP)
            out[rows] = sub
        link = rows[c >= len(self.bigram_keys)]
        if len(link) and LINK_WEIGHT != 1.0:
            out[link] = bigram[link] + np.float32(LINK_WEIGHT) * (out[link] - bigram[link])
        return out

    def successors(self, ctx: int, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Up to `n` most likely next words after the context bigram `ctx`: (ids, log-probs)."""
        lo = np.searchsorted(self.keys, ctx * self.V)
        hi = np.searchsorted(self.keys, (ctx + 1) * self.V)
        if hi <= lo:
            return np.empty(0, np.int64), np.empty(0, np.float32)
        lp = self.lp[lo:hi]
        top = most_likely(lp, n)
        return (self.keys[lo + top] % self.V), lp[top].astype(np.float32) * np.float32(-TRI_LP_STEP)
