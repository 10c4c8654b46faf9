"""ModelSpec (the architecture that travels with the weights) and the two vocabularies.

No torch here: the inference path (core.inference) and the trainer both read these.
Pinyin tokens: specials, every full syllable of `core.pinyin.SYLLABLES`, and partial tokens
`p*` ("a syllable starting with p": initials-only `b*`, `zh*`, truncated `zho*`).
Hanzi tokens: specials, a fixed set of punctuation/ASCII (context only, never predicted),
then Han characters by corpus frequency. `readings` maps each Han token to its syllables,
from which the syllable -> candidate-hanzi table is derived.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, fields
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from core.pinyin.syllables import SYLLABLES, is_syllable, normalize_syllable

PAD, UNK, CLS, SEP = 0, 1, 2, 3
NONE_PINYIN = 4   # pinyin id of a position with no reading (punctuation, latin, digits)
MASK = 4          # hanzi id of a position whose character is to be predicted
PINYIN_SPECIALS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[NONE]")
HANZI_SPECIALS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")

# Non-Han characters the model sees as context (never predicted). Fullwidth ASCII variants are
# folded onto ASCII by `normalize_char`; everything else outside this set and Han is [UNK].
SYMBOLS = tuple(
    "，。！？、；：“”‘’（）《》〈〉【】「」『』…—～·￥"
) + tuple(chr(c) for c in range(0x20, 0x7F))


class SpecError(ValueError):
    """A spec or vocabulary file that does not describe a usable model."""


@dataclass(frozen=True)
class ModelSpec:
    """Architecture of the pinyin-hanzi encoder; saved in checkpoints and manifests."""

    n_pinyin: int              # pinyin vocabulary size (PinyinVocab.size)
    n_hanzi: int               # hanzi vocabulary size (HanziVocab.size)
    d_model: int = 256         # width of every position's state
    n_layers: int = 4          # Transformer encoder blocks
    n_heads: int = 4           # attention heads (d_model must divide evenly)
    d_ff: int = 1024           # feed-forward width
    max_len: int = 128         # longest sequence (context + input) the position table holds
    dropout: float = 0.1       # training only; the exported graph has none

    def __post_init__(self) -> None:
        if self.d_model % self.n_heads:
            raise SpecError(f"d_model {self.d_model} is not divisible by n_heads {self.n_heads}")
        if min(self.n_pinyin, self.n_hanzi, self.d_model, self.n_layers, self.max_len) <= 0:
            raise SpecError(f"every size must be positive: {self}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelSpec:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise SpecError(f"unknown ModelSpec keys: {sorted(unknown)}")
        return cls(**data)


def is_han(ch: str) -> bool:
    """CJK Unified Ideographs and Extension A: the characters a pinyin input produces."""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF


def readings(text: str) -> list[str | None]:
    """One toneless syllable per character (None where there is no reading), phrase-aware.

    The one place text becomes model pinyin: pretraining, the scorer's context and the
    sentiment features all read it the same way.
    """
    return list(_readings_cached(text))


@lru_cache(maxsize=256)
def _readings_cached(text: str) -> tuple[str | None, ...]:
    from pypinyin import Style, lazy_pinyin

    out = lazy_pinyin(text, style=Style.NORMAL, errors=lambda s: ["#"] * len(s))
    if len(out) != len(text):  # pypinyin grouped a non-Han run differently: go char by char
        out = [lazy_pinyin(c, style=Style.NORMAL, errors=lambda s: ["#"])[0] for c in text]
    result: list[str | None] = []
    for ch, syl in zip(text, out):
        syl = normalize_syllable(syl)
        result.append(syl if is_han(ch) and is_syllable(syl) else None)
    return tuple(result)


def normalize_char(ch: str) -> str:
    """Fold fullwidth ASCII letters and digits onto ASCII and whitespace onto a space."""
    o = ord(ch)
    if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return chr(o - 0xFEE0)
    if ch in "\t\u3000\xa0":
        return " "
    return ch


def partial_tokens() -> tuple[str, ...]:
    """`p*` for every proper or full prefix p of a syllable (initials are such prefixes)."""
    prefixes = sorted({s[:i] for s in SYLLABLES for i in range(1, len(s) + 1)})
    return tuple(p + "*" for p in prefixes)


class PinyinVocab:
    """Pinyin token <-> id. Deterministic from the syllable inventory, so not stored."""

    def __init__(self) -> None:
        self.tokens: tuple[str, ...] = (*PINYIN_SPECIALS, *SYLLABLES, *partial_tokens())
        self._ids = {t: i for i, t in enumerate(self.tokens)}
        self.first_syllable = len(PINYIN_SPECIALS)
        self.first_partial = self.first_syllable + len(SYLLABLES)

    @property
    def size(self) -> int:
        return len(self.tokens)

    def id(self, syllable: str) -> int:
        """Id of a full syllable (`zhong`, `lue` accepted) or a partial token (`zh*`); else UNK."""
        if syllable.endswith("*"):
            return self._ids.get(syllable, UNK)
        return self._ids.get(normalize_syllable(syllable), UNK)

    def partial_id(self, prefix: str) -> int:
        return self._ids.get(normalize_syllable(prefix) + "*", UNK)

    def is_partial(self, idx: int) -> bool:
        return idx >= self.first_partial


@dataclass
class HanziVocab:
    """Hanzi token <-> id plus each Han character's readings; stored as `vocab.json`."""

    tokens: list[str]
    readings: dict[str, list[str]]   # Han char -> toneless syllables, most common first

    def __post_init__(self) -> None:
        self._ids = {t: i for i, t in enumerate(self.tokens)}
        if tuple(self.tokens[: len(HANZI_SPECIALS)]) != HANZI_SPECIALS:
            raise SpecError("hanzi vocabulary must start with the special tokens")

    @property
    def size(self) -> int:
        return len(self.tokens)

    def id(self, ch: str) -> int:
        return self._ids.get(normalize_char(ch), UNK)

    def __contains__(self, ch: str) -> bool:
        return normalize_char(ch) in self._ids

    # -- files -----------------------------------------------------------------------------
    def to_json(self) -> str:
        return json.dumps(
            {"format": "yinzi-vocab/1", "hanzi": self.tokens, "readings": self.readings},
            ensure_ascii=False, separators=(",", ":"), sort_keys=True,
        )

    def save(self, path: str | Path) -> str:
        """Write the file; returns its sha256 (recorded in manifests)."""
        data = self.to_json().encode("utf-8")
        Path(path).write_bytes(data)
        return hashlib.sha256(data).hexdigest()

    @classmethod
    def load(cls, path: str | Path) -> HanziVocab:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise SpecError(f"cannot read vocabulary {path}: {exc}") from exc
        if not isinstance(data, dict) or data.get("format") != "yinzi-vocab/1":
            raise SpecError(f"{path} is not a Yinzi vocabulary (format yinzi-vocab/1)")
        return cls(tokens=list(data["hanzi"]), readings=dict(data["readings"]))


class Vocab:
    """Both vocabularies and the syllable -> candidate tables derived from them."""

    def __init__(self, hanzi: HanziVocab, pinyin: PinyinVocab | None = None) -> None:
        self.hanzi = hanzi
        self.pinyin = pinyin or PinyinVocab()

    @classmethod
    def load(cls, path: str | Path) -> Vocab:
        return cls(HanziVocab.load(path))

    @cached_property
    def candidate_mask(self) -> np.ndarray:
        """(n_pinyin, n_hanzi) bool: which characters a pinyin token may stand for.

        A full syllable allows the characters with that reading; a partial token `p*` the
        union over every syllable starting with p; specials allow nothing.
        """
        py, hz = self.pinyin, self.hanzi
        mask = np.zeros((py.size, hz.size), dtype=bool)
        for ch, syls in self.readings_items():
            h = hz.id(ch)
            for s in syls:
                sid = py.id(s)
                if sid == UNK:
                    continue
                mask[sid, h] = True
                for i in range(1, len(s) + 1):
                    pid = py.partial_id(s[:i])
                    if pid != UNK:
                        mask[pid, h] = True
        return mask

    def readings_items(self) -> list[tuple[str, list[str]]]:
        return [(ch, syls) for ch, syls in self.hanzi.readings.items() if ch in self.hanzi]

    @cached_property
    def candidate_table(self) -> np.ndarray:
        """(n_pinyin, K) int64: candidate hanzi ids per full syllable, PAD-filled.

        Used by the ONNX scorer; partial tokens get an empty row (the engine sends full
        syllables). K is the largest candidate count of any syllable.
        """
        mask = self.candidate_mask
        rows = [
            np.flatnonzero(mask[i]) if not self.pinyin.is_partial(i) else np.zeros(0, np.int64)
            for i in range(self.pinyin.size)
        ]
        k = max(1, max(len(r) for r in rows))
        table = np.full((self.pinyin.size, k), PAD, dtype=np.int64)
        for i, r in enumerate(rows):
            table[i, : len(r)] = r
        return table

    @cached_property
    def candidate_counts(self) -> np.ndarray:
        return (self.candidate_table != PAD).sum(axis=1)

    def encode_text(self, text: str, syllables: list[str | None]) -> tuple[list[int], list[int]]:
        """Hanzi ids and pinyin ids of a text whose per-character readings are given.

        `syllables[i]` is None for a character without a reading (punctuation, latin).
        """
        if len(text) != len(syllables):
            raise ValueError("text and syllables differ in length")
        hz = [self.hanzi.id(c) for c in text]
        py = [NONE_PINYIN if s is None else self.pinyin.id(s) for s in syllables]
        return hz, py
