"""The Analyzer facade: sentiment, keywords, segmentation and pinyin of a text, as plain data.

The classifier is opened lazily on first use (or handed in, for tests); when no model can be
loaded, `sentiment` raises ModelLoadError and `analyze` returns the rest without sentiment,
keeping the reason in `load_error`.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from core.analysis import text as textlib
from core.analysis import verdict as verdictlib
from core.analysis.classifier import ModelLoadError, SentimentClassifier, find_model
from core.analysis.types import (
    Analysis,
    Keyword,
    PinyinChar,
    SentenceSentiment,
    SentimentResult,
    SentimentScore,
    Token,
)

SENTENCE_CACHE_SIZE = 4096  # sentences whose scores are kept (a 60-page document)


class Classifier(Protocol):
    classes: tuple[str, ...]
    name: str

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray: ...

    def predict_batched(self, texts: Sequence[str], *, batch_size: int = 32) -> np.ndarray: ...

    def score(self, probs: np.ndarray) -> SentimentScore: ...


class NoChineseText(ValueError):
    """The text has no Chinese character for the sentiment model to read."""


@dataclass(frozen=True)
class AnalyzerConfig:
    model: str | None = None     # model folder or registry name; None = sentiment-default
    int8: bool = True            # the quantized graph: half the latency, same accuracy (card)
    threads: int = 1             # ONNX Runtime intra-op threads
    top_k: int = 8               # keywords per method


class Analyzer:
    """One object per app; thread-safe for concurrent reads after the model has loaded."""

    def __init__(self, config: AnalyzerConfig | None = None, *, classifier: Classifier | None = None):
        self.config = config or AnalyzerConfig()
        self._classifier = classifier
        self._lock = threading.Lock()
        self.load_error: str | None = None
        # Sentence -> probabilities. Typing in a long document changes one sentence between two
        # analyses; without this every pause re-scored all of them (600 sentences: 3.7 s).
        self._sentence_cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()

    # -- model -----------------------------------------------------------------------------
    @property
    def classifier(self) -> Classifier:
        if self._classifier is None:
            with self._lock:
                if self._classifier is None:
                    try:
                        path: Path = find_model(self.config.model)
                        self._classifier = SentimentClassifier(
                            path, int8=self.config.int8, threads=self.config.threads
                        )
                    except ModelLoadError as exc:
                        self.load_error = str(exc)
                        raise
        return self._classifier

    @property
    def model_name(self) -> str:
        return self.classifier.name

    # -- sentiment -------------------------------------------------------------------------
    def sentiment(self, text: str) -> SentimentResult:
        """The whole text and each of its sentences, classified in one batch."""
        clf = self.classifier
        # Sentences without a Chinese character ("OK!", "……", a URL) carry nothing the model
        # can read: they get no colour rather than a confident guess.
        sentences = [s for s in textlib.split_sentences(text) if textlib.has_han(s.text)]
        if not sentences:
            raise NoChineseText("no Chinese text to read" if text.strip() else "no text to analyse")
        whole = textlib.to_simplified(text.strip())
        if len(sentences) == 1:
            probs = clf.predict_proba([whole])
            overall, per = clf.score(probs[0]), probs[:1]
        else:
            overall = clf.score(clf.predict_proba([whole])[0])
            per = self._sentence_probs(clf, [textlib.to_simplified(s.text) for s in sentences])
        mean = per.mean(axis=0)
        scores = tuple(SentenceSentiment(s, clf.score(p)) for s, p in zip(sentences, per, strict=False))
        # A sentence that turns ("还行，就是性价比不高") is read once more from its turn on: the
        # headline weighs the turn as one more sentence (core.analysis.verdict).
        tails = [t for s in sentences if (t := textlib.contrast_tail(textlib.to_simplified(s.text)))]
        units = [s.score.positive for s in scores]
        if tails:
            units += [clf.score(p).positive for p in self._sentence_probs(clf, tails)]
        return SentimentResult(
            overall=overall,
            sentences=scores,
            sentence_mean={c: float(v) for c, v in zip(clf.classes, mean, strict=False)},
            model=clf.name,
            verdict=verdictlib.decide(overall.positive, units, chars=len(whole)),
        )

    def _sentence_probs(self, clf: Classifier, texts: list[str]) -> np.ndarray:
        """(N, K) probabilities of the sentences, from the cache where it has them."""
        with self._cache_lock:
            known = {t: self._sentence_cache[t] for t in set(texts) if t in self._sentence_cache}
            for t in known:
                self._sentence_cache.move_to_end(t)
        todo = list(dict.fromkeys(t for t in texts if t not in known))
        if todo:
            fresh = clf.predict_batched(todo) if len(todo) > 1 else clf.predict_proba(todo)
            known.update(zip(todo, fresh, strict=True))
            with self._cache_lock:
                for t, p in zip(todo, fresh, strict=True):
                    self._sentence_cache[t] = p
                while len(self._sentence_cache) > SENTENCE_CACHE_SIZE:
                    self._sentence_cache.popitem(last=False)
        return np.stack([known[t] for t in texts])

    def classify(self, texts: Sequence[str], *, batch_size: int = 32) -> list[SentimentScore]:
        """Whole-text scores for many texts (batch analysis), in length-sorted batches.
        Traditional text is read as Simplified; callers skip texts without Chinese
        (`text.has_han`), which the model cannot read."""
        clf = self.classifier
        probs = clf.predict_batched([textlib.to_simplified(t) for t in texts], batch_size=batch_size)
        return [clf.score(p) for p in probs]

    # -- text tools ------------------------------------------------------------------------
    def keywords(self, text: str, *, method: str = "tfidf", top_k: int | None = None) -> list[Keyword]:
        return textlib.keywords(text, top_k=top_k or self.config.top_k, method=method)

    def segment(self, text: str, *, with_pos: bool = False) -> list[Token]:
        return textlib.segment(text, with_pos=with_pos)

    def pinyin(self, text: str) -> list[PinyinChar]:
        return textlib.annotate_pinyin(text)

    def analyze(self, text: str, *, with_sentiment: bool = True, pinyin_chars: int | None = None,
                with_tokens: bool = True) -> Analysis:
        """Everything the panel shows; sentiment is None when no model could be loaded.

        `pinyin_chars`: annotate only the text's first characters, and `with_tokens=False`:
        leave out the segmentation. The panel shows neither in full, and on a long document they
        are most of the result's objects: 36,000 of them for 20,000 characters, which the app
        unpickles and the garbage collector then walks while the user types."""
        timings: dict[str, float] = {}

        def timed(key, fn, *args, **kwargs):
            start = time.perf_counter()
            value = fn(*args, **kwargs)
            timings[key] = (time.perf_counter() - start) * 1000
            return value

        sentiment, note = None, ""
        if with_sentiment and text.strip():
            try:
                # Load first, outside the timing: it measures the analysis, not a one-off load.
                self.classifier  # noqa: B018
                sentiment = timed("sentiment", self.sentiment, text)
            except ModelLoadError as exc:
                note = f"no sentiment model: {exc}"
            except NoChineseText as exc:
                note = str(exc)
        return Analysis(
            text=text,
            sentiment=sentiment,
            sentiment_note=note,
            keywords_tfidf=tuple(timed("tfidf", self.keywords, text, method="tfidf")),
            keywords_textrank=tuple(timed("textrank", self.keywords, text, method="textrank")),
            tokens=tuple(timed("segment", self.segment, text)) if with_tokens else (),
            pinyin=tuple(timed("pinyin", self.pinyin, text if pinyin_chars is None else text[:pinyin_chars])),
            timings_ms=timings,
        )

    def warm_up(self) -> None:
        """Load dictionaries and the model now (call from a background thread)."""
        textlib.warm_up()
        try:
            self.classifier  # noqa: B018 - loads the model
        except ModelLoadError:
            pass
        # One small analysis loads what the first real one would otherwise pay for (jieba's idf
        # table and tagger, ONNX Runtime's first run): 0.7 s of it in the app's first update.
        self.analyze("预热一下，很好。")
