"""Pinyin: the syllable inventory, fuzzy rules, and raw letters -> syllable graph."""
from core.pinyin.syllables import (
    INITIALS,
    SYLLABLES,
    is_syllable,
    is_syllable_prefix,
    normalize_syllable,
    syllable_initial,
)

__all__ = [
    "INITIALS",
    "SYLLABLES",
    "is_syllable",
    "is_syllable_prefix",
    "normalize_syllable",
    "syllable_initial",
]
