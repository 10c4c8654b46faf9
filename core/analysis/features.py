"""Text -> model inputs for the sentiment classifier: hanzi ids and pinyin ids per character.

Shared by the trainer and the ONNX classifier so both see exactly the same inputs. The
backbone was pretrained with pinyin beside every known character, so both are visible here:
each Han character gets its reading in context (pypinyin), anything else `[NONE]`.
Long texts keep their head and tail: reviews put the verdict first or last.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from core.model.spec import CLS, PAD, SEP, Vocab, normalize_char, readings


@dataclass(frozen=True)
class FeatureConfig:
    max_len: int = 128      # positions including [CLS] and [SEP]; at most the backbone's max_len
    head_fraction: float = 0.5  # share of a truncated text's budget taken from its start


def normalize_text(text: str) -> str:
    """NFC, fullwidth letters/digits folded to ASCII, runs of whitespace to one space.

    The same normalisation pretraining applied (trainer.data.annotate.normalize_text).
    """
    text = unicodedata.normalize("NFC", text)
    return " ".join("".join(normalize_char(c) for c in text).split())




def clip(text: str, cfg: FeatureConfig) -> str:
    budget = cfg.max_len - 2
    if len(text) <= budget:
        return text
    head = int(budget * cfg.head_fraction)
    return text[:head] + text[len(text) - (budget - head):]


def encode(text: str, vocab: Vocab, cfg: FeatureConfig) -> tuple[list[int], list[int]]:
    """Hanzi ids and pinyin ids of `[CLS] text [SEP]` (clipped)."""
    text = clip(normalize_text(text), cfg)
    hz, py = vocab.encode_text(text, readings(text))
    # [CLS]/[SEP] carry the same id in both vocabularies (core/model/README.md).
    return [CLS, *hz, SEP], [CLS, *py, SEP]


def encode_batch(
    texts: Sequence[str], vocab: Vocab, cfg: FeatureConfig
) -> tuple[np.ndarray, np.ndarray]:
    """(B, T) int64 hanzi and pinyin ids, right-padded with PAD to the longest text."""
    pairs = [encode(t, vocab, cfg) for t in texts]
    width = max(len(h) for h, _ in pairs)
    hanzi = np.full((len(pairs), width), PAD, dtype=np.int64)
    pinyin = np.full((len(pairs), width), PAD, dtype=np.int64)
    for i, (h, p) in enumerate(pairs):
        hanzi[i, : len(h)] = h
        pinyin[i, : len(p)] = p
    return hanzi, pinyin
