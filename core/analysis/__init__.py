"""Text analysis: sentiment (the fine-tuned backbone via ONNX Runtime), keywords, words, pinyin."""
from __future__ import annotations

from core.analysis.analyzer import Analyzer, AnalyzerConfig
from core.analysis.classifier import ModelLoadError, SentimentClassifier
from core.analysis.types import (
    Analysis,
    Keyword,
    PinyinChar,
    Sentence,
    SentenceSentiment,
    SentimentResult,
    SentimentScore,
    Token,
)

__all__ = [
    "Analysis",
    "Analyzer",
    "AnalyzerConfig",
    "Keyword",
    "ModelLoadError",
    "PinyinChar",
    "Sentence",
    "SentenceSentiment",
    "SentimentClassifier",
    "SentimentResult",
    "SentimentScore",
    "Token",
]
