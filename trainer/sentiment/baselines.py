"""The two classic baselines the shipped model must beat, run on the same files.

- char 1-2-gram TF-IDF + logistic regression (scikit-learn), trained on our training files;
- SnowNLP's shipped sentiment model (naive Bayes on its own review data), run as is.
Both are dev-only dependencies; a missing one is reported with an install hint.
"""
from __future__ import annotations

import time
from collections.abc import Sequence

from trainer.sentiment.data import Example


def _require(module: str, package: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise RuntimeError(f"baseline needs {package}: pip install {package}") from None


class TfidfLogReg:
    """char 1-2-gram TF-IDF features + logistic regression."""

    name = "TF-IDF char 1-2gram + LR"

    def __init__(self, *, max_features: int = 200_000, c: float = 4.0) -> None:
        _require("sklearn", "scikit-learn")
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.vectorizer = TfidfVectorizer(
            analyzer="char", ngram_range=(1, 2), max_features=max_features, sublinear_tf=True
        )
        self.model = LogisticRegression(C=c, max_iter=2000)

    def fit(self, train: Sequence[Example]) -> TfidfLogReg:
        x = self.vectorizer.fit_transform([e.text for e in train])
        self.model.fit(x, [e.label for e in train])
        return self

    def predict(self, texts: Sequence[str]) -> list[int]:
        return [int(p) for p in self.model.predict(self.vectorizer.transform(list(texts)))]


class SnowNLPBaseline:
    """SnowNLP's sentiment probability, thresholded at 0.5 (binary only)."""

    name = "SnowNLP (shipped model)"

    def __init__(self) -> None:
        self._snownlp = _require("snownlp", "snownlp")

    def fit(self, train: Sequence[Example]) -> SnowNLPBaseline:
        return self  # run as shipped: retraining its naive Bayes is what users of it rarely do

    def predict(self, texts: Sequence[str]) -> list[int]:
        return [int(self._snownlp.SnowNLP(t).sentiments >= 0.5) for t in texts]


def timed_predict(model, texts: Sequence[str]) -> tuple[list[int], float]:
    """Predictions and milliseconds per text."""
    start = time.perf_counter()
    preds = model.predict(texts)
    return preds, (time.perf_counter() - start) * 1000 / max(1, len(texts))
