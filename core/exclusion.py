"""Keep evaluation text out of anything we build: clause matching against held-out files.

A clause is a run of at least `MIN_CLAUSE` Han characters. `ClauseGuard` is built from the
evaluation files (the p2c dev set, sentiment dev/test files, any `--exclude` file) and says
whether a training line contains one of their clauses verbatim. The lexicon compiler and
`yinzi-train prepare` drop such lines and report how many, so a figure measured on those files
never rewards text the model has already seen.

`is_evaluation_file` names the files a folder walk must not pick up (`p2c/` and any
`*dev*`/`*test*` file), so pointing a builder at `../shared/data` cannot read them by accident.
"""
from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from pathlib import Path

MIN_CLAUSE = 10
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_NAME_TOKEN = re.compile(r"[A-Za-z]+")
_EVAL_NAME_WORDS = frozenset({"dev", "test", "valid", "validation", "heldout"})
_EVAL_FOLDERS = frozenset({"p2c"})


def han_clauses(text: str, min_len: int = MIN_CLAUSE) -> list[str]:
    """Han runs of `text` that are at least `min_len` characters long."""
    return [run for run in _HAN_RUN.findall(text) if len(run) >= min_len]


def _read_lines(path: Path) -> Iterable[str]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        yield from fh


class ClauseGuard:
    """Finds evaluation clauses inside training lines.

    Clauses are indexed by their first `MIN_CLAUSE` characters; a line is checked by sliding a
    window of that width over its Han runs and confirming candidates in place. That is one set
    lookup per Han character, about 1 µs, so a 50 M-character corpus costs a minute of one core.
    """

    def __init__(self, clauses: Iterable[str] = (), min_len: int = MIN_CLAUSE) -> None:
        self.min_len = min_len
        self._by_prefix: dict[str, set[str]] = {}
        self.sources: list[str] = []
        for clause in clauses:
            self.add(clause)

    @classmethod
    def from_files(cls, paths: Iterable[str | Path], min_len: int = MIN_CLAUSE) -> ClauseGuard:
        guard = cls(min_len=min_len)
        for p in paths:
            path = Path(p)
            if not path.is_file():
                raise FileNotFoundError(f"{path}: exclusion file not found")
            for line in _read_lines(path):
                for clause in han_clauses(line, min_len):
                    guard.add(clause)
            guard.sources.append(str(path))
        return guard

    def add(self, clause: str) -> None:
        if len(clause) >= self.min_len:
            self._by_prefix.setdefault(clause[: self.min_len], set()).add(clause)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_prefix.values())

    def __bool__(self) -> bool:
        return bool(self._by_prefix)

    def find(self, line: str) -> str | None:
        """The first evaluation clause contained in `line`, or None."""
        if not self._by_prefix:
            return None
        k = self.min_len
        index = self._by_prefix
        for run in _HAN_RUN.findall(line):
            n = len(run)
            if n < k:
                continue
            for i in range(n - k + 1):
                bucket = index.get(run[i:i + k])
                if bucket is None:
                    continue
                for clause in bucket:
                    if run.startswith(clause, i):
                        return clause
        return None

    def contains(self, line: str) -> bool:
        return self.find(line) is not None


def is_evaluation_file(path: str | Path) -> bool:
    """True for a file a folder walk must skip: under `p2c/`, or named like a dev/test split
    (`dev.txt`, `chnsenticorp_test_unseen.tsv`, `valid.jsonl`...)."""
    p = Path(path)
    if any(part.lower() in _EVAL_FOLDERS for part in p.parent.parts):
        return True
    words = {w.lower() for w in _NAME_TOKEN.findall(p.name.split(".", 1)[0])}
    return bool(words & _EVAL_NAME_WORDS)
