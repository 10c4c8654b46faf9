"""Modified Kneser-Ney discounts: the closed-form estimates, their fallback, and that the
resulting bigram is a distribution."""
import numpy as np
import pytest

from core.lexicon import kneser_ney as kn


def _counts(n1: int, n2: int, n3: int, n4: int, more: int = 0) -> np.ndarray:
    return np.array([1] * n1 + [2] * n2 + [3] * n3 + [4] * n4 + [9] * more, dtype=np.float64)


def test_discounts_follow_chen_and_goodman() -> None:
    d1, d2, d3 = kn.discounts(_counts(400, 100, 50, 25, more=10))
    y = 400 / (400 + 2 * 100)
    assert d1 == pytest.approx(1 - 2 * y * 100 / 400)
    assert d2 == pytest.approx(2 - 3 * y * 50 / 100)
    assert d3 == pytest.approx(3 - 4 * y * 25 / 50)
    assert d1 < d2 < d3   # frequent n-grams give up more


def test_tiny_corpora_fall_back_to_one_discount() -> None:
    d = kn.discounts(np.array([1.0, 1.0, 2.0, 5.0]))   # no count of 3 or 4
    assert d[0] == d[1] == d[2]
    assert 0.1 <= d[0] <= 0.95
    assert kn.discounts(np.array([], dtype=np.float64)) == (kn.FALLBACK,) * 3


def test_a_discount_never_exceeds_its_count() -> None:
    counts = np.array([0.3, 1.0, 2.0, 7.0])
    d = kn.per_ngram(counts, (0.7, 1.1, 1.4))
    assert d.tolist() == pytest.approx([0.3, 0.7, 1.1, 1.4])
    assert (counts - d >= 0).all()


def test_interpolated_estimate_sums_to_one_over_the_vocabulary() -> None:
    rng = np.random.default_rng(0)
    V = 30
    counts = rng.zipf(1.8, size=V).clip(max=40).astype(np.float64)   # c(h, w) for one history h
    counts[rng.random(V) < 0.4] = 0
    seen = counts > 0
    base = rng.random(V)
    base /= base.sum()
    D = kn.discounts(counts[seen])
    d = kn.per_ngram(counts[seen], D)
    total = counts.sum()
    gamma = d.sum() / total
    p = gamma * base
    p[seen] += (counts[seen] - d) / total
    assert p.sum() == pytest.approx(1.0)
    assert (p > 0).all()
