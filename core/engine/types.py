"""Plain data the engine hands out: candidates and their sources, and the engine config."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol

from core.pinyin.fuzzy import FuzzyConfig

__all__ = ["Candidate", "CandidateSource", "CustomPhraseSource", "EngineConfig", "FuzzyConfig"]


class CustomPhraseSource(Protocol):
    """The user's custom phrases: the texts stored under a key (`dz` -> an address)."""

    def lookup(self, key: str) -> list[str]: ...


class CandidateSource(str, Enum):
    SENTENCE = "sentence"  # a whole-input conversion
    WORD = "word"          # a system-lexicon word covering a prefix of the input
    CHAR = "char"          # a single character covering the first syllable
    USER = "user"          # a word from the user lexicon
    CUSTOM = "custom"      # a custom phrase whose key is the whole input
    PREDICTION = "prediction"  # a likely next word after a commit (no letters consumed)


@dataclass(frozen=True)
class Candidate:
    """One entry of the candidate list.

    `letters` is how many letters of the (remaining) raw input it consumes, `syllables`
    the syllables it was read as (`('bei', 'jing')`; an abbreviation keeps the full reading).
    """

    text: str
    letters: int
    syllables: tuple[str, ...]
    source: CandidateSource
    score: float = 0.0


@dataclass(frozen=True)
class EngineConfig:
    """Engine settings. Defaults are what a new user gets."""

    page_size: int = 7            # candidates per page
    max_sentences: int = 3        # whole-input candidates shown before words
    fuzzy: FuzzyConfig = field(default_factory=FuzzyConfig)
    learn: bool = True            # learn chosen words into the user lexicon
    chinese_punctuation: bool = True
