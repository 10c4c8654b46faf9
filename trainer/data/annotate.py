"""Text -> normalised pieces -> (hanzi ids, pinyin ids), with pypinyin as the reading source.

Readings are phrase-aware (pypinyin segments the text with its phrase dictionary, so 银行
reads hang and 行走 reads xing), toneless, ü written v: the spelling of core.pinyin.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import numpy as np

from core.model.spec import Vocab, is_han, normalize_char, readings

MAX_PIECE = 64          # characters per training piece (context windows are cut from these)
MIN_HAN = 2             # pieces with fewer Han characters carry no P2C signal
_SENT_END = re.compile(r"(?<=[。！？；!?;…])")
_SPACES = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """NFC, fullwidth letters/digits folded to ASCII, runs of whitespace to one space."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(normalize_char(c) for c in text)
    return _SPACES.sub(" ", text).strip()


def split_pieces(text: str, max_len: int = MAX_PIECE) -> Iterator[str]:
    """Sentences packed greedily into pieces of at most max_len characters."""
    current = ""
    for sent in _SENT_END.split(text):
        while len(sent) > max_len:  # a run-on sentence: cut hard, preferring a comma
            cut = max(sent.rfind("，", 0, max_len), sent.rfind(",", 0, max_len))
            cut = cut + 1 if cut > max_len // 2 else max_len
            if current:
                yield current
                current = ""
            yield sent[:cut]
            sent = sent[cut:]
        if len(current) + len(sent) > max_len:
            yield current
            current = ""
        current += sent
    if current:
        yield current




def annotate_text(text: str, vocab: Vocab) -> tuple[list[int], list[int]]:
    """Hanzi ids and pinyin ids of one text, exactly as pretraining sees them."""
    text = normalize_text(text)
    return vocab.encode_text(text, readings(text))


def annotate_lines(lines: list[str], vocab: Vocab) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Many lines -> concatenated uint16 hanzi ids, uint16 pinyin ids, int32 piece lengths."""
    hz_all: list[int] = []
    py_all: list[int] = []
    lengths: list[int] = []
    for line in lines:
        line = normalize_text(line)
        if not line:
            continue
        for piece in split_pieces(line):
            if sum(1 for c in piece if is_han(c)) < MIN_HAN:
                continue
            hz, py = vocab.encode_text(piece, readings(piece))
            hz_all.extend(hz)
            py_all.extend(py)
            lengths.append(len(piece))
    return (
        np.asarray(hz_all, dtype=np.uint16),
        np.asarray(py_all, dtype=np.uint16),
        np.asarray(lengths, dtype=np.int32),
    )
