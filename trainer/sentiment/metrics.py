"""Classification metrics for the sentiment report: accuracy, macro-F1, confusion, per class."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass


@dataclass
class ClassMetrics:
    name: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class Metrics:
    accuracy: float
    macro_f1: float
    confusion: list[list[int]]   # confusion[true][predicted]
    per_class: list[ClassMetrics]
    count: int

    def to_dict(self) -> dict:
        return asdict(self)


def compute_metrics(
    y_true: Sequence[int], y_pred: Sequence[int], class_names: Sequence[str]
) -> Metrics:
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred differ in length")
    k = len(class_names)
    confusion = [[0] * k for _ in range(k)]
    for t, p in zip(y_true, y_pred, strict=False):
        confusion[t][p] += 1
    per_class = []
    for c in range(k):
        tp = confusion[c][c]
        predicted = sum(confusion[r][c] for r in range(k))
        support = sum(confusion[c])
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class.append(ClassMetrics(class_names[c], precision, recall, f1, support))
    n = len(y_true)
    accuracy = sum(confusion[c][c] for c in range(k)) / n if n else 0.0
    present = [m for m in per_class if m.support > 0] or per_class
    macro_f1 = sum(m.f1 for m in present) / len(present)
    return Metrics(accuracy, macro_f1, confusion, per_class, n)


@dataclass(frozen=True)
class PairedDifference:
    """Accuracy of A minus accuracy of B on the same rows, in points, with a bootstrap interval."""

    diff: float       # points
    low: float        # 2.5th percentile of the resampled differences
    high: float       # 97.5th percentile
    p_a_better: float  # share of resamples in which A beats B
    a_only: int       # rows only A gets right
    b_only: int       # rows only B gets right


def paired_bootstrap(a_correct: Sequence[bool], b_correct: Sequence[bool], *, resamples: int = 10_000,
                     seed: int = 0) -> PairedDifference:
    """Paired bootstrap over rows: are A's extra points more than which rows the test happened
    to hold? Rows are resampled together, so the interval reflects the rows where the two
    systems disagree, not each system's own spread."""
    import numpy as np

    a = np.asarray(a_correct, dtype=bool)
    b = np.asarray(b_correct, dtype=bool)
    if a.shape != b.shape or a.ndim != 1 or not len(a):
        raise ValueError("paired_bootstrap needs two equally long, non-empty rows of outcomes")
    delta = a.astype(np.int8) - b.astype(np.int8)    # +1, 0 or -1 per row
    rng = np.random.default_rng(seed)
    diffs = np.empty(resamples)
    for start in range(0, resamples, 1000):  # in blocks: 10k x 35k rows would be 350 M indices
        idx = rng.integers(0, len(a), size=(min(1000, resamples - start), len(a)))
        diffs[start:start + len(idx)] = delta[idx].mean(axis=1)
    diffs *= 100
    return PairedDifference(float(delta.mean() * 100), float(np.percentile(diffs, 2.5)),
                            float(np.percentile(diffs, 97.5)), float((diffs > 0).mean()),
                            int((delta > 0).sum()), int((delta < 0).sum()))
