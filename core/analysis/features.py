"""Text -> model inputs for the sentiment classifier: hanzi ids and pinyin ids per character.

Shared by the trainer and the ONNX classifier so both see exactly the same inputs. The
backbone was pretrained with pinyin beside every known character, so both are visible here:
each Han character gets its reading in context (pypinyin), anything else `[NONE]`.
Long texts keep their head and tail: reviews put the verdict first or last.

A model may also read hashed word n-grams (jieba words, 1..word_max in a row): its wide
linear path then sees "不错", "不 推荐" as units, which character n-grams only approximate.
The hash is crc32 of the UTF-8 words, so it is the same in every process and platform.

Newer models (`char_buckets` set) get all of the wide path's n-grams from here, characters
and words, over a longer window (`wide_chars`) than the encoder's: a third of the reviews
are longer than the encoder's 126 characters, and a linear model reads a 1,000-character
review as cheaply as a short one. Older models hash the characters inside the graph, from
the encoder's clipped ids.
"""
from __future__ import annotations

import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from core.model.spec import CLS, PAD, SEP, Vocab, normalize_char, readings


@dataclass(frozen=True)
class FeatureConfig:
    max_len: int = 128      # positions including [CLS] and [SEP]; at most the backbone's max_len
    head_fraction: float = 0.5  # share of a truncated text's budget taken from its start
    word_buckets: int = 0   # hashed word n-gram ids in 1..word_buckets (0: the model reads none)
    word_max: int = 2       # longest word n-gram
    char_buckets: int = 0   # hashed char n-gram ids in 1..char_buckets, computed here (0: in the graph)
    char_max: int = 2       # longest char n-gram
    wide_chars: int = 0     # characters the n-gram features read, head and tail (0: the encoder's window)
    lexicon: str = ""       # polar-word lexicon file (core.analysis.sentiment_lexicon); "" = none
    lexicon_repeat: int = 1  # each cue token counts this many times (weighs cues above n-grams)

    @property
    def reads_ids(self) -> bool:
        """Whether the graph takes the `words` input (hashed n-gram ids from wide_input_ids)."""
        return bool(self.word_buckets or self.char_buckets)


def normalize_text(text: str) -> str:
    """NFC, fullwidth letters/digits folded to ASCII, runs of whitespace to one space.

    The same normalisation pretraining applied (trainer.data.annotate.normalize_text).
    """
    text = unicodedata.normalize("NFC", text)
    return " ".join("".join(normalize_char(c) for c in text).split())




def clip(text: str, cfg: FeatureConfig, budget: int | None = None) -> str:
    """The text's head and tail within `budget` characters (default: the encoder's window)."""
    budget = cfg.max_len - 2 if budget is None else budget
    if len(text) <= budget:
        return text
    head = int(budget * cfg.head_fraction)
    return text[:head] + text[len(text) - (budget - head):]


def _wide_window(text: str, cfg: FeatureConfig) -> str:
    """What the wide path's n-grams are read from: `wide_chars` of head and tail, else the
    encoder's window."""
    return clip(normalize_text(text), cfg, cfg.wide_chars or None)


def encode(text: str, vocab: Vocab, cfg: FeatureConfig) -> tuple[list[int], list[int]]:
    """Hanzi ids and pinyin ids of `[CLS] text [SEP]` (clipped)."""
    text = clip(normalize_text(text), cfg)
    hz, py = vocab.encode_text(text, readings(text))
    # [CLS]/[SEP] carry the same id in both vocabularies (core/model/README.md).
    return [CLS, *hz, SEP], [CLS, *py, SEP]


WORD_JOIN = "\x1f"  # between the words of an n-gram, so ("a", "bc") and ("ab", "c") differ


def word_ngram_ids(text: str, cfg: FeatureConfig) -> list[int]:
    """Bucket ids (1..word_buckets) of the jieba word 1..word_max-grams of the clipped text
    (of the wide window when `wide_chars` is set)."""
    return _word_ids(_wide_window(text, cfg), cfg) if cfg.word_buckets else []


def char_ngram_ids(text: str, cfg: FeatureConfig) -> list[int]:
    """Bucket ids (1..char_buckets) of the character 1..char_max-grams of the wide window."""
    return _char_ids(_wide_window(text, cfg), cfg) if cfg.char_buckets else []


def wide_input_ids(text: str, cfg: FeatureConfig) -> list[int]:
    """The graph's `words` input for one text: table rows of the wide path.

    Older models: word n-gram ids only (the graph offsets them past its character rows).
    Models with `char_buckets`: character ids (1..char_buckets), then word ids after them.
    """
    if not cfg.char_buckets:
        return word_ngram_ids(text, cfg)
    window = _wide_window(text, cfg)  # normalised and clipped once for both kinds
    return _wide_ids(window, _segment(window) if cfg.word_buckets else [], cfg)


def wide_window_words(text: str, cfg: FeatureConfig) -> list[str]:
    """The jieba words of the wide window (what wide_input_ids segments; for callers that cache it)."""
    return _segment(_wide_window(text, cfg))


def wide_ids_from_words(text: str, words: list[str], cfg: FeatureConfig) -> list[int]:
    """wide_input_ids(text, cfg) given the words wide_window_words(text, cfg) returned."""
    return _wide_ids(_wide_window(text, cfg), words if cfg.word_buckets else [], cfg)


def _wide_ids(window: str, words: list[str], cfg: FeatureConfig) -> list[int]:
    ids = _char_ids(window, cfg)
    if cfg.word_buckets:
        ids += [cfg.char_buckets + w for w in _ids_of_words(words, cfg)]
        if cfg.lexicon:
            ids += [cfg.char_buckets + w for w in lexicon_ids(words, cfg)]
    return ids


def lexicon_ids(words: list[str], cfg: FeatureConfig) -> list[int]:
    """Word-table rows of the lexicon's cue tokens (polarity with negation and degree scope),
    each `lexicon_repeat` times; hashed apart from word n-grams by their prefix."""
    from core.analysis.sentiment_lexicon import load_lexicon

    tokens = load_lexicon(cfg.lexicon).tokens(words)
    ids = [zlib.crc32(f"L{WORD_JOIN}{t}".encode()) % cfg.word_buckets + 1 for t in tokens]
    return ids * max(1, cfg.lexicon_repeat)


def _segment(window: str) -> list[str]:
    # Loaded here: models without word features never load its dictionary. Through the
    # analyzer's loader, so its cache and log level are ours, not /tmp and INFO lines.
    from core.analysis.text import load_jieba

    return [w for w in load_jieba().lcut(window) if not w.isspace()]


def _word_ids(window: str, cfg: FeatureConfig) -> list[int]:
    return _ids_of_words(_segment(window), cfg)


def _ids_of_words(words: list[str], cfg: FeatureConfig) -> list[int]:
    ids = []
    for n in range(1, cfg.word_max + 1):
        for i in range(len(words) - n + 1):
            key = f"{n}{WORD_JOIN}{WORD_JOIN.join(words[i : i + n])}".encode()
            ids.append(zlib.crc32(key) % cfg.word_buckets + 1)
    return ids


def _char_ids(window: str, cfg: FeatureConfig) -> list[int]:
    ids = []
    for n in range(1, cfg.char_max + 1):
        for i in range(len(window) - n + 1):
            gram = window[i : i + n]
            if not gram.isspace():
                ids.append(zlib.crc32(f"{n}{WORD_JOIN}{gram}".encode()) % cfg.char_buckets + 1)
    return ids


def pad_rows(rows: Sequence[Sequence[int]]) -> np.ndarray:
    """(B, W) int64, right-padded with 0 (PAD); W >= 1 so an empty text still has a column."""
    width = max([1, *(len(r) for r in rows)])
    out = np.zeros((len(rows), width), dtype=np.int64)
    for i, r in enumerate(rows):
        out[i, : len(r)] = r
    return out


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
