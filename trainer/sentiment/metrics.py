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
