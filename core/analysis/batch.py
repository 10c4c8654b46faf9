"""Batch sentiment of a file: stream rows in chunks, classify, append to an output CSV.

Memory stays flat for 100k-line files: rows are read, classified and written one chunk at
a time. The output is valid after every chunk (header plus complete rows, flushed), so a
cancelled run leaves a usable partial file. Progress and each chunk's results go to a
callback: the CLI prints them, the batch window fills its table and charts.
"""
from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from core.analysis.tabular import (
    Row,
    TableError,
    TableWriter,
    detect_format,
    iter_rows,
    open_output,
    read_columns,
    same_file,
)
from core.analysis.text import has_han, is_han
from core.analysis.timeline import parse_date

LABEL_COLUMN = "sentiment"
PROBABILITY_COLUMN = "probability"
POSITIVE_COLUMN = "positive"
DATE_WORDS = {"date", "time", "datetime", "timestamp", "created", "updated", "published", "posted", "day", "ts"}
DATE_HINTS_ZH = ("日期", "时间")
TEXT_NAMES = ("text", "review", "content", "comment", "sentence", "body", "message",
              "文本", "内容", "评论", "评价", "正文", "留言")


@dataclass(frozen=True)
class BatchJob:
    input: Path
    text_column: str
    output: Path
    fmt: str | None = None          # None: from the file name
    chunk_size: int = 512           # rows read, classified and written at a time
    batch_size: int = 32            # texts per model call
    date_column: str | None = None  # carried into results for the over-time chart
    raw_cells: bool = False         # CSV/TSV cells as they are (no formula neutralizing)


@dataclass(frozen=True)
class ResultRow:
    line: int
    text: str
    label: str          # "" for an empty text
    probability: float  # of `label`; NaN-free: 0.0 when empty
    positive: float
    date: str = ""
    values: dict[str, str] = field(default_factory=dict)   # the input row's own columns


@dataclass
class BatchProgress:
    done: int
    total: int | None
    elapsed_s: float

    @property
    def rate(self) -> float:
        return self.done / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def eta_s(self) -> float | None:
        if not self.total or self.rate <= 0:
            return None
        return max(0.0, (self.total - self.done) / self.rate)


@dataclass
class BatchSummary:
    rows: int = 0
    classified: int = 0
    empty: int = 0                  # blank text, or none with a Chinese character (label "")
    no_chinese: int = 0             # ... of which had text, but no Chinese (English, digits)
    bad_lines: list[int] = field(default_factory=list)  # unreadable or ragged lines skipped
    bad_reason: str = ""            # the first one's reason
    label_counts: dict[str, int] = field(default_factory=dict)
    cancelled: bool = False
    seconds: float = 0.0
    output: str = ""

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0


class Scorer:
    """What batch analysis needs from a model (the Analyzer provides it via `classify`)."""

    def classify(self, texts: Sequence[str], *, batch_size: int = 32): ...


def _name_words(column: str) -> set[str]:
    """Lower-case words of a column name: `createdAt`, `created_at`, `Created At` -> created, at."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", column)
    return set(re.findall(r"[a-z]+", spaced.lower()))


def sample_rows(path: Path, fmt: str | None = None, n: int = 50) -> list[Row]:
    """The first `n` data rows, for guessing columns ([] if the file cannot be read)."""
    try:
        return list(itertools.islice(iter_rows(path, fmt, on_bad=lambda _line, _why: None), n))
    except TableError:
        return []


def guess_date_column(columns: Sequence[str], sample: Sequence[Row] = ()) -> str | None:
    """A column named like a date (`date`, `created_at`, `日期`; whole words, so `sentiment`
    and `candidate` are not), whose sampled values mostly read as dates when a sample is given."""
    named = [c for c in columns if _name_words(c) & DATE_WORDS or any(h in c for h in DATE_HINTS_ZH)]
    if not sample:
        return named[0] if named else None
    for col in named:
        values = [r.values.get(col, "").strip() for r in sample]
        values = [v for v in values if v]
        if values and sum(parse_date(v) is not None for v in values) >= len(values) / 2:
            return col
    return None


def guess_text_column(columns: Sequence[str], sample: Sequence[Row] = ()) -> str | None:
    """A column with a text-like name, else the one whose sampled values hold the most
    Chinese (not an `id` that happens to come first), else the first."""
    for name in TEXT_NAMES:
        for col in columns:
            if col.lower() == name:
                return col
    if sample and columns:
        han = {c: sum(sum(map(is_han, r.values.get(c, ""))) for r in sample) for c in columns}
        best = max(columns, key=lambda c: han[c])
        if han[best] > 0:
            return best
    return columns[0] if columns else None


def output_columns(columns: Sequence[str]) -> tuple[str, str, str]:
    """Names of the three added columns; `_pred` is appended where the input already has the
    name (a file with its own gold `sentiment` column keeps it beside ours)."""
    taken = set(columns)
    names = []
    for name in (LABEL_COLUMN, PROBABILITY_COLUMN, POSITIVE_COLUMN):
        while name in taken:
            name += "_pred"
        taken.add(name)
        names.append(name)
    return names[0], names[1], names[2]


def check_output(input_path: Path, output: Path) -> None:
    """Refuse an output that would overwrite the input or cannot be a file: the output is
    opened for writing before the input is read, so the same path would empty the input."""
    if output.is_dir():
        raise TableError(f"{output} is a folder; give the output file's name")
    if same_file(output, input_path):
        raise TableError(f"the output {output} is the input file; give another name "
                         "(the input would be overwritten)")


def count_rows(path: Path) -> int:
    """Lines in the file minus a header (an estimate for CSVs with multi-line fields)."""
    n = 0
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            n += block.count(b"\n")
    fmt = detect_format(path)
    return max(0, n - (1 if fmt in ("csv", "tsv") else 0))


def _chunks(rows: Iterator[Row], size: int) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_batch(
    job: BatchJob,
    scorer: Scorer,
    *,
    on_chunk: Callable[[BatchProgress, list[ResultRow]], None] | None = None,
    should_cancel: Callable[[], bool] = lambda: False,
) -> BatchSummary:
    """Classify every row's text; write input columns + sentiment columns to job.output.

    The input's columns all stay, in order; the added ones are `sentiment`, `probability`
    and `positive` (with `_pred` appended where the input has the name)."""
    fmt = job.fmt or detect_format(job.input)
    columns = read_columns(job.input, fmt)
    if job.text_column not in columns:
        raise TableError(f"column {job.text_column!r} not in {job.input}; it has: {', '.join(columns)}")
    check_output(job.input, job.output)
    total = count_rows(job.input)
    summary = BatchSummary(output=str(job.output))
    start = time.monotonic()
    job.output.parent.mkdir(parents=True, exist_ok=True)
    out_columns = list(columns)
    # A plain-text file skips blank lines: its line numbers let the output be joined back.
    line_column = "line" if fmt == "txt" else None
    out_fmt, fh = open_output(job.output)
    with fh:
        lead = [line_column] if line_column else []
        writer = TableWriter(fh, out_fmt, [*lead, *out_columns, *output_columns([*lead, *columns])],
                             raw_cells=job.raw_cells)
        fh.flush()
        def skip(line: int, reason: str) -> None:
            summary.bad_lines.append(line)
            summary.bad_reason = summary.bad_reason or reason

        for chunk in _chunks(iter_rows(job.input, fmt, on_bad=skip), job.chunk_size):
            if should_cancel():
                summary.cancelled = True
                break
            texts = [r.values.get(job.text_column, "").strip() for r in chunk]
            wanted = [i for i, t in enumerate(texts) if has_han(t)]
            summary.no_chinese += sum(1 for t in texts if t and not has_han(t))
            scores = scorer.classify([texts[i] for i in wanted], batch_size=job.batch_size) if wanted else []
            by_index = dict(zip(wanted, scores, strict=True))
            results: list[ResultRow] = []
            for i, row in enumerate(chunk):
                score = by_index.get(i)
                date = row.values.get(job.date_column, "") if job.date_column else ""
                if score is None:
                    summary.empty += 1
                    result = ResultRow(row.line, texts[i], "", 0.0, 0.0, date, row.values)
                    added: tuple = ("", "", "")
                else:
                    result = ResultRow(row.line, texts[i], score.label, score.probability, score.positive, date,
                                       row.values)
                    added = (score.label, float(score.probability), float(score.positive))
                    summary.label_counts[score.label] = summary.label_counts.get(score.label, 0) + 1
                lead_values = [str(row.line)] if line_column else []
                writer.row([*lead_values, *(row.values.get(c, "") for c in out_columns)], added)
                results.append(result)
            fh.flush()  # every chunk ends on a complete row: a valid partial file
            summary.rows += len(chunk)
            summary.classified += len(wanted)
            if on_chunk is not None:
                on_chunk(BatchProgress(summary.rows, max(total, summary.rows), time.monotonic() - start), results)
    summary.seconds = time.monotonic() - start
    return summary
