"""Labelled sentiment data: loading from TSV/CSV/JSONL, validation, de-duplication, dev split.

Validation never drops rows silently: every rejected row is counted by reason, the first few
are listed with their line numbers, and a file that cannot train a model is refused with an
explanation (`DataError`).
"""
from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from core.analysis.tabular import TableError, iter_rows, read_columns

# Class index -> name. Index 1 is positive in every file we read (the data's convention);
# a third, neutral class is used only when the data has one.
CLASS_NAMES = ("negative", "positive", "neutral")

_LABEL_ALIASES = {
    "0": 0, "neg": 0, "negative": 0, "n": 0, "负": 0, "负面": 0, "差评": 0, "-1": 0,
    "1": 1, "pos": 1, "positive": 1, "p": 1, "正": 1, "正面": 1, "好评": 1,
    "2": 2, "neu": 2, "neutral": 2, "中": 2, "中性": 2,
}

MIN_TEXT_CHARS = 1          # "好" alone is a review; only empty texts are refused
MAX_BAD_FRACTION = 0.2      # above this, the columns or label scheme are probably wrong


class DataError(ValueError):
    """Labelled data that cannot be used, with the reason in words."""


def parse_label(raw: str) -> int | None:
    """0/1/2, neg/pos/neutral (and common Chinese names); None when not a label we know."""
    value = raw.strip().lower()
    if value.endswith(".0"):  # spreadsheets write 1 as 1.0
        value = value[:-2]
    return _LABEL_ALIASES.get(value)


@dataclass(frozen=True)
class Example:
    text: str
    label: int
    line: int = 0
    weight: float = 1.0   # loss weight (a whole file can be up-weighted, e.g. in-domain data)


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str
    content: str


@dataclass
class LoadReport:
    """What loading found, for the CLI and the wizard to show."""

    path: str
    rows: int = 0
    kept: int = 0
    bad_counts: Counter = field(default_factory=Counter)  # reason -> count
    bad_examples: list[BadRow] = field(default_factory=list)  # the first few
    duplicates: int = 0       # same text, same label: kept once
    conflicts: int = 0        # same text with different labels: all dropped
    class_counts: dict[int, int] = field(default_factory=dict)

    def summary(self) -> str:
        lines = [f"{self.path}: {self.rows} rows, {self.kept} usable"]
        if self.duplicates:
            lines.append(f"  {_rows(self.duplicates)} removed: duplicates")
        if self.conflicts:
            lines.append(f"  {_rows(self.conflicts)} dropped: same text labelled differently")
        for reason, count in self.bad_counts.most_common():
            lines.append(f"  {_rows(count)} rejected: {reason}")
        for bad in self.bad_examples:
            lines.append(f"    line {bad.line}: {bad.reason}: {bad.content[:60]!r}")
        names = ", ".join(f"{CLASS_NAMES[c]}={n}" for c, n in sorted(self.class_counts.items()))
        lines.append(f"  classes: {names}")
        return "\n".join(lines)


def _rows(n: int) -> str:
    return f"{n} row" if n == 1 else f"{n} rows"


def load_labelled(
    path: str | Path,
    *,
    text_column: str = "text",
    label_column: str = "label",
    max_listed: int = 10,
    dedupe: bool = True,
) -> tuple[list[Example], LoadReport]:
    """Read and validate one labelled file; raise DataError when it cannot be used."""
    path = Path(path)
    report = LoadReport(path=str(path))
    try:
        columns = read_columns(path)
    except TableError as exc:
        raise DataError(str(exc)) from None
    missing = [c for c in (text_column, label_column) if c not in columns]
    if missing:
        raise DataError(
            f"{path}: column(s) {', '.join(missing)} not found; the file has: "
            f"{', '.join(columns) or '(no header)'}. Choose them with --text-column/--label-column."
        )

    def reject(line: int, reason: str, content: str) -> None:
        report.bad_counts[reason] += 1
        if len(report.bad_examples) < max_listed:
            report.bad_examples.append(BadRow(line, reason, content))

    examples: list[Example] = []
    try:
        for row in iter_rows(path):
            report.rows += 1
            raw_label = row.values.get(label_column)
            text = (row.values.get(text_column) or "").strip()
            if raw_label is None:
                reject(row.line, "missing label field", text)
                continue
            label = parse_label(raw_label)
            if label is None:
                reject(row.line, f"unknown label {raw_label.strip()[:20]!r}", text)
                continue
            if len(text) < MIN_TEXT_CHARS:
                reject(row.line, "empty text", text)
                continue
            examples.append(Example(text, label, row.line))
    except TableError as exc:
        raise DataError(str(exc)) from None

    if dedupe:
        examples, report.duplicates, report.conflicts = _dedupe(examples)
    report.kept = len(examples)
    report.class_counts = dict(Counter(e.label for e in examples))
    bad = sum(report.bad_counts.values())
    if report.rows == 0:
        raise DataError(f"{path}: no data rows")
    if bad > MAX_BAD_FRACTION * report.rows:
        raise DataError(
            f"{path}: {bad} of {report.rows} rows rejected (more than {MAX_BAD_FRACTION:.0%}); "
            f"are the text and label columns right?\n{report.summary()}"
        )
    if not examples:
        raise DataError(f"{path}: no usable rows\n{report.summary()}")
    return examples, report


def _dedupe(examples: Sequence[Example]) -> tuple[list[Example], int, int]:
    labels_by_text: dict[str, set[int]] = {}
    for e in examples:
        labels_by_text.setdefault(e.text, set()).add(e.label)
    seen: set[str] = set()
    kept: list[Example] = []
    duplicates = conflicts = 0
    for e in examples:
        if len(labels_by_text[e.text]) > 1:
            conflicts += 1
            continue
        if e.text in seen:
            duplicates += 1
            continue
        seen.add(e.text)
        kept.append(e)
    return kept, duplicates, conflicts


def check_classes(examples: Iterable[Example]) -> int:
    """Number of classes (2 or 3); refuse data with a single class or a neutral-only gap."""
    present = sorted({e.label for e in examples})
    if len(present) < 2:
        names = ", ".join(CLASS_NAMES[c] for c in present) or "none"
        raise DataError(f"the data has only one class ({names}); a classifier needs two or more")
    if present == [0, 1]:
        return 2
    if present == [0, 1, 2]:
        return 3
    raise DataError(
        "with a neutral class the data needs negative and positive rows too; found "
        + ", ".join(CLASS_NAMES[c] for c in present)
    )


def remove_overlap(train: Sequence[Example], held_out: Iterable[Example]) -> list[Example]:
    """Training rows whose text also occurs in a held-out set leak it: drop them."""
    texts = {e.text for e in held_out}
    return [e for e in train if e.text not in texts]


def stratified_split(
    examples: Sequence[Example], *, dev_fraction: float = 0.1, seed: int = 0
) -> tuple[list[Example], list[Example]]:
    """Split keeping each class's share in both parts (at least one dev row per class)."""
    if not 0 < dev_fraction < 1:
        raise DataError("dev fraction must lie between 0 and 1")
    rng = random.Random(seed)
    by_class: dict[int, list[Example]] = {}
    for e in examples:
        by_class.setdefault(e.label, []).append(e)
    train: list[Example] = []
    dev: list[Example] = []
    for label in sorted(by_class):
        items = by_class[label][:]
        rng.shuffle(items)
        n_dev = max(1, round(len(items) * dev_fraction)) if len(items) > 1 else 0
        dev.extend(items[:n_dev])
        train.extend(items[n_dev:])
    rng.shuffle(train)
    rng.shuffle(dev)
    return train, dev
