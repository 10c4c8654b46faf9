"""A deterministic stand-in classifier for GUI tests (the real model is tested in tests/analysis)."""
from __future__ import annotations

import time

import numpy as np

from core.analysis import Analyzer, SentimentScore


class FakeClassifier:
    """Positive when the text has more 好 than 差; `delay` simulates a slow model."""

    classes = ("negative", "positive")
    name = "fake"

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.calls = 0

    def predict_proba(self, texts):
        self.calls += 1
        if self.delay:
            time.sleep(self.delay)
        out = []
        for t in texts:
            p = 0.9 if t.count("好") > t.count("差") else 0.1
            out.append([1 - p, p])
        return np.asarray(out, dtype=np.float32).reshape(len(texts), 2)

    def predict_batched(self, texts, *, batch_size=32):
        return self.predict_proba(list(texts))

    def score(self, probs) -> SentimentScore:
        best = int(np.argmax(probs))
        return SentimentScore(self.classes[best], float(probs[best]),
                              {c: float(p) for c, p in zip(self.classes, probs, strict=True)})


def fake_analyzer(delay: float = 0.0) -> Analyzer:
    return Analyzer(classifier=FakeClassifier(delay))
