"""File layout of the compiled system lexicon, shared by the compiler and the loader.

Arrays are `<name>.npy` (memory-mapped); string tables are `<name>.strings` (the strings
concatenated, UTF-8) with `<name>.offsets.npy` (character offsets), decoded on first use.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

FORMAT_VERSION = 3
BI_LP_STEP = 0.1  # bigram log-probabilities are stored as uint8 multiples of -0.1 nats
BOS = "<s>"
EOS = "</s>"
BOS_ID, EOS_ID = 0, 1   # their word ids in every compiled lexicon


def most_likely(lp: np.ndarray, n: int) -> np.ndarray:
    """Positions of the `n` most likely entries of a row of quantised log-probabilities
    (uint8 multiples of minus a step: smaller is likelier), most likely first."""
    k = min(n, len(lp))
    if k <= 0:
        return np.empty(0, np.int64)
    top = np.argpartition(lp, k - 1)[:k] if k < len(lp) else np.arange(len(lp))
    return top[np.argsort(lp[top], kind="stable")]


class StringTable(Sequence[str]):
    """A read-only list of strings: one UTF-8 blob plus character offsets.

    The blob is decoded and the offsets checked when the table is opened, so a truncated or
    garbled file fails there, once, with a ValueError, and never on a lookup.
    """

    def __init__(self, path: Path, offsets: np.ndarray) -> None:
        self._path = path
        self._off = offsets
        try:
            self._text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(f"{path.name} is not valid UTF-8 at byte {exc.start} "
                             "(truncated or garbled)") from None
        off = np.asarray(offsets)
        if (off.ndim != 1 or len(off) == 0 or off.dtype.kind not in "iu" or int(off[0]) != 0
                or int(off[-1]) != len(self._text) or bool((np.diff(off) < 0).any())):
            raise ValueError(f"{path.name} and its offsets disagree ({len(self._text)} characters, "
                             f"offsets end at {int(off[-1]) if len(off) else 'nothing'})")

    def _decoded(self) -> str:
        return self._text

    def __len__(self) -> int:
        return len(self._off) - 1

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        return self._decoded()[int(self._off[i]):int(self._off[i + 1])]

    def to_list(self) -> list[str]:
        text = self._decoded()
        off = self._off.tolist()
        return [text[a:b] for a, b in zip(off[:-1], off[1:])]


class LexiconFiles:
    """Names of the artifact's files."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def npy(self, name: str) -> Path:
        return self.root / f"{name}.npy"

    def write_strings(self, name: str, items: list[str]) -> None:
        # Offsets in characters, not bytes; int32 while they fit (half the shipped size).
        total = sum(len(s) for s in items)
        offsets = np.zeros(len(items) + 1, dtype=np.int32 if total < 2**31 else np.int64)
        np.cumsum([len(s) for s in items], out=offsets[1:])
        (self.root / f"{name}.strings").write_bytes("".join(items).encode("utf-8"))
        np.save(self.npy(f"{name}.offsets"), offsets)

    def read_strings(self, name: str) -> StringTable:
        path = self.root / f"{name}.strings"
        if not path.exists():
            raise FileNotFoundError(path)
        return StringTable(path, np.load(self.npy(f"{name}.offsets")))
