"""Plain results of text analysis: what the Analyzer returns and the GUI and CLI display."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    """A span of the input text: `text == source[start:end]`."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class SentimentScore:
    """Class probabilities of one text; `label` is the most probable class name."""

    label: str
    probability: float            # probability of `label`
    probabilities: dict[str, float]

    @property
    def positive(self) -> float:
        return self.probabilities.get("positive", 0.0)


@dataclass(frozen=True)
class SentenceSentiment:
    sentence: Sentence
    score: SentimentScore


MIXED = "mixed"   # the verdict of a text whose sentences disagree (core.analysis.verdict)


@dataclass(frozen=True)
class Verdict:
    """The headline of a reading: `label` is "positive", "negative" or "mixed"; `positive` the
    calibrated probability of positive; `probability` the figure shown beside the label (for
    "mixed", the larger side's share of the sentences)."""

    label: str
    positive: float
    probability: float


@dataclass(frozen=True)
class SentimentResult:
    """The whole text's sentiment plus each sentence's.

    `overall` classifies the text as one piece (the model was trained on whole reviews, so it
    weighs "good room, but rude staff" better than an average of sentences would);
    `sentence_mean` is the average of the per-sentence probabilities, shown beside it.
    `verdict` is the headline decided from both (mixed when they disagree), calibrated.
    """

    overall: SentimentScore
    sentences: tuple[SentenceSentiment, ...]
    sentence_mean: dict[str, float]
    model: str
    verdict: Verdict | None = None


@dataclass(frozen=True)
class Keyword:
    word: str
    weight: float


@dataclass(frozen=True)
class Token:
    """A segmented word with its span and part of speech (jieba's tag set)."""

    word: str
    start: int
    end: int
    pos: str = ""


@dataclass(frozen=True)
class PinyinChar:
    """One character with its reading in context (tone marks) and every other reading.

    Non-Han characters have `reading == ""` and no alternatives. `ambiguous`: a common
    heteronym whose reading here no phrase decided (core.analysis.text.annotate_pinyin).
    """

    char: str
    reading: str
    alternatives: tuple[str, ...] = ()
    ambiguous: bool = False

    @property
    def is_heteronym(self) -> bool:
        return len(self.alternatives) > 1


@dataclass(frozen=True)
class Analysis:
    """Everything the analysis panel shows for one text. `sentiment` is None when there is
    no model or no Chinese text; `sentiment_note` then says which, for the user."""

    text: str
    sentiment: SentimentResult | None
    keywords_tfidf: tuple[Keyword, ...] = ()
    keywords_textrank: tuple[Keyword, ...] = ()
    tokens: tuple[Token, ...] = ()
    pinyin: tuple[PinyinChar, ...] = ()
    timings_ms: dict[str, float] = field(default_factory=dict)
    sentiment_note: str = ""
