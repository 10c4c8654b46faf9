"""The seam where a model scores competing conversions of the same input.

The lexicon decoder proposes N-best whole-input paths; a `PathScorer` (the ONNX
pinyin-hanzi model, see core.inference.p2c_scorer) returns one log-probability per path,
given the committed left context. The engine combines it with the lexicon score.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Path:
    """A candidate conversion: `text[i]` is read as `syllables[i]` (full toneless syllables)."""

    text: str
    syllables: tuple[str, ...]


class PathScorer(Protocol):
    """Scores competing paths in one batched call."""

    name: str          # shown in the status bar, e.g. "p2c-default (int8)"
    provider: str      # execution provider actually used: "CUDA" or "CPU"

    def score(self, context: str, paths: Sequence[Path]) -> list[float]:
        """Sum of per-character log-probabilities of each path given the left context."""
        ...
