"""Modified Kneser-Ney discounts (Chen & Goodman, 1998), shared by the bigram and the trigram.

One absolute discount for n-grams seen once, one for twice and one for three times or more,
estimated from the counts of counts n1..n4:

    Y = n1 / (n1 + 2 n2),  D1 = 1 - 2Y n2/n1,  D2 = 2 - 3Y n3/n2,  D3+ = 3 - 4Y n4/n3

A frequent n-gram gives up more mass than a singleton (on the shipped corpus the bigram's
are 0.70 / 1.12 / 1.43 where one discount of 0.75 was used before), so the back-off weight
of a context follows how many of its continuations are rare rather than how many there are.
Counts may be fractional (weighted corpora): they are classed by their rounded value and a
discount never exceeds the count it is taken from.
"""
from __future__ import annotations

import numpy as np

FALLBACK = 0.75     # one discount when the counts of counts cannot be estimated (tiny corpora)


def discounts(counts: np.ndarray) -> tuple[float, float, float]:
    """(D1, D2, D3+) from the counts of one order; a single fallback value three times when a
    count of counts is zero or the estimates come out of order."""
    c = np.rint(np.asarray(counts, dtype=np.float64))
    n1, n2, n3, n4 = (float((c == k).sum()) for k in (1, 2, 3, 4))
    if min(n1, n2, n3, n4) <= 0:
        d = n1 / (n1 + 2 * n2) if n1 + n2 > 0 else FALLBACK
        d = min(max(d, 0.1), 0.95)
        return (d, d, d)
    y = n1 / (n1 + 2 * n2)
    d = (1 - 2 * y * n2 / n1, 2 - 3 * y * n3 / n2, 3 - 4 * y * n4 / n3)
    if not (0 < d[0] <= d[1] <= d[2] < 3):
        return (FALLBACK, FALLBACK, FALLBACK)
    return d


def per_ngram(counts: np.ndarray, d: tuple[float, float, float]) -> np.ndarray:
    """The discount taken from each n-gram's count."""
    c = np.asarray(counts, dtype=np.float64)
    r = np.rint(c)
    out = np.where(r <= 1, d[0], np.where(r == 2, d[1], d[2]))
    return np.minimum(out, c)


def interpolate(ctx: np.ndarray, counts: np.ndarray, n_ctx: int,
                d: tuple[float, float, float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Interpolated KN for n-grams keyed by a context index in [0, n_ctx): (the discount of
    each n-gram, each context's total count, each context's back-off weight gamma), so that

        P(w | h) = (c(h w) - discount) / total(h) + gamma(h) * P_lower(w)

    gamma is 1 for a context with no counts."""
    d_each = per_ngram(counts, d)
    total = np.bincount(ctx, weights=counts, minlength=n_ctx)
    taken = np.bincount(ctx, weights=d_each, minlength=n_ctx)
    gamma = np.where(total > 0, taken / np.maximum(total, 1e-12), 1.0)
    return d_each, total, np.maximum(gamma, 1e-6)   # floor: log(gamma) stays finite
