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
    "0": 0, "neg": 0, "negative": 0, "n": 0, "负": 0, "负面": 0, "差评": 0, "消极": 0,
    "1": 1, "pos": 1, "positive": 1, "p": 1, "正": 1, "正面": 1, "好评": 1, "积极": 1,
    "2": 2, "neu": 2, "neutral": 2, "中": 2, "中性": 2, "中评": 2,
}
# A file that uses -1 has the signed scheme: -1 negative, 0 neutral, 1 positive. Read as
# the 0/1/2 scheme its 0 rows would silently train as negative.
_SIGNED_LABELS = {"-1": 0, "0": 2, "1": 1}
ACCEPTED_LABELS = ("0/1 (2 = neutral), -1/0/1, neg/pos/neutral, negative/positive, "
                   "负面/正面/中性, 消极/积极, 差评/好评/中评")

MIN_TEXT_CHARS = 1          # "好" alone is a review; only empty texts are refused
MAX_BAD_FRACTION = 0.2      # above this, the columns or label scheme are probably wrong


class DataError(ValueError):
    """Labelled data that cannot be used, with the reason in words."""


def _normal(raw: str) -> str:
    value = raw.strip().lower()
    if value.endswith(".0"):  # spreadsheets write 1 as 1.0
        value = value[:-2]
    return value


def parse_label(raw: str, *, signed: bool = False) -> int | None:
    """0/1/2, neg/pos/neutral (and common Chinese names); with `signed`, -1/0/1 are
    negative/neutral/positive. None when not a label we know."""
    value = _normal(raw)
    if signed and value in _SIGNED_LABELS:
        return _SIGNED_LABELS[value]
    return _LABEL_ALIASES.get(value)


@dataclass(frozen=True)
class Example:
    text: str
    label: int
    line: int = 0
    weight: float = 1.0   # loss weight (a whole file can be up-weighted, e.g. in-domain data)
    source: str = ""      # the file's name, for messages that point at a row


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
    conflict_examples: list[BadRow] = field(default_factory=list)  # the first few
    class_counts: dict[int, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)            # how the file was read

    def summary(self) -> str:
        lines = [f"{self.path}: {self.rows} rows, {self.kept} usable"]
        lines += [f"  {note}" for note in self.notes]
        if self.duplicates:
            lines.append(f"  {_rows(self.duplicates)} removed: duplicates")
        if self.conflicts:
            lines.append(f"  {_rows(self.conflicts)} dropped: same text labelled differently")
            for bad in self.conflict_examples:
                lines.append(f"    line {bad.line}: {bad.reason}: {bad.content[:60]!r}")
        for reason, count in self.bad_counts.most_common():
            lines.append(f"  {_rows(count)} rejected: {reason}")
        for bad in self.bad_examples:
            lines.append(f"    line {bad.line}: {bad.reason}: {bad.content[:60]!r}")
        if any(reason.startswith("unknown label") for reason in self.bad_counts):
            lines.append(f"  labels understood: {ACCEPTED_LABELS}")
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
        rows = [(row.line, row.values.get(label_column), (row.values.get(text_column) or "").strip())
                for row in iter_rows(path)]
    except TableError as exc:
        raise DataError(str(exc)) from None
    signed = any(raw is not None and _normal(raw) == "-1" for _, raw, _ in rows)
    if signed:
        report.notes.append("labels read as -1 = negative, 0 = neutral, 1 = positive (the file uses -1)")
    for line, raw_label, text in rows:
        report.rows += 1
        if raw_label is None:
            reject(line, "missing label field", text)
            continue
        if not raw_label.strip():
            reject(line, "empty label", text)
            continue
        label = parse_label(raw_label, signed=signed)
        if label is None:
            reject(line, f"unknown label {raw_label.strip()[:20]!r}", text)
            continue
        if len(text) < MIN_TEXT_CHARS:
            reject(line, "empty text", text)
            continue
        examples.append(Example(text, label, line, source=path.name))

    if dedupe:
        examples, report.duplicates, conflicting = _dedupe(examples)
        report.conflicts = len(conflicting)
        report.conflict_examples = [BadRow(e.line, f"labelled {CLASS_NAMES[e.label]}", e.text)
                                    for e in conflicting[:max_listed]]
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


def _dedupe(examples: Sequence[Example]) -> tuple[list[Example], int, list[Example]]:
    """(kept, number of duplicates removed, the rows dropped for conflicting labels)."""
    labels_by_text: dict[str, set[int]] = {}
    for e in examples:
        labels_by_text.setdefault(e.text, set()).add(e.label)
    seen: set[str] = set()
    kept: list[Example] = []
    conflicts: list[Example] = []
    duplicates = 0
    for e in examples:
        if len(labels_by_text[e.text]) > 1:
            conflicts.append(e)
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


MIN_CLASS_ROWS = 10  # fewer cannot be learned, and usually mean a stray label


def check_class_sizes(examples: Sequence[Example], *, min_rows: int = MIN_CLASS_ROWS) -> None:
    """Refuse a class with only a handful of rows: one stray "2" in a 0/1 file would
    otherwise turn the model into a three-class one that never predicts its third class."""
    by_class: dict[int, list[Example]] = {}
    for e in examples:
        by_class.setdefault(e.label, []).append(e)
    for label, items in sorted(by_class.items()):
        if len(items) < min_rows:
            lines = ", ".join(f"{e.line}" + (f" of {e.source}" if e.source else "") for e in items[:5] if e.line)
            raise DataError(
                f"class {CLASS_NAMES[label]} has only {_rows(len(items))}"
                + (f" (line {lines})" if lines else "")
                + f"; a class needs at least {min_rows} to be learned. Fix those labels or remove the rows.")


def check_held_out_classes(n_classes: int, sets: dict[str, Sequence[Example]]) -> None:
    """A dev or test file must not have a class the training data lacks: the model could
    never predict it, and the metrics would index past its classes."""
    for name, examples in sets.items():
        extra = sorted({e.label for e in examples} - set(range(n_classes)))
        if extra:
            trained = "/".join(CLASS_NAMES[:n_classes])
            raise DataError(f"{name} has {', '.join(CLASS_NAMES[c] for c in extra)} rows, but the training "
                            f"data has only {trained}: add such rows to the training data or remove them")


def overlap_key(text: str) -> str:
    """The form two texts are compared in for leaks: NFKC, lower case, only letters and digits
    (Han included). Texts that differ only in spaces, punctuation or width are the same review,
    and the model, which squeezes spaces, reads them alike."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKC", text).lower() if c.isalnum())


def remove_overlap(train: Sequence[Example], held_out: Iterable[Example]) -> list[Example]:
    """Training rows whose text also occurs in a held-out set leak it: drop them."""
    keys = {overlap_key(e.text) for e in held_out}
    return [e for e in train if overlap_key(e.text) not in keys]


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
