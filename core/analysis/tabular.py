"""Streaming readers (and a writer) for the text files users analyse: CSV, TSV, TXT (one text
a line), JSONL.

Rows come out one at a time with their 1-based line number, so 100k-line files never sit in
memory and bad rows can be reported where the user can find them.
"""
from __future__ import annotations

import csv
import itertools
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

FORMATS = ("csv", "tsv", "txt", "jsonl")
TXT_COLUMN = "text"  # the single column a plain-text file has

# Reviews can be long; the csv module's default field limit (128 KiB) is too small for some.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class TableError(ValueError):
    """A file that cannot be read as a table, with a message a user can act on."""


@dataclass(frozen=True)
class Row:
    line: int                # 1-based line number in the file (first line of a CSV record)
    values: dict[str, str]   # column -> value; missing columns are absent


def detect_format(path: str | Path) -> str:
    """The format from the file name; unknown suffixes are read as plain text."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in ("csv", "tsv", "jsonl"):
        return suffix
    if suffix == "json":
        return "jsonl"
    return "txt"


def detect_encoding(path: str | Path) -> str:
    """The file's text encoding (core.textfile's rule: UTF-8 with or without BOM, UTF-16 with a
    BOM, or GB18030, which is what Excel on a Chinese Windows writes). Binary and empty files
    get a TableError that says so."""
    from core.textfile import SNIFF_BYTES, EncodingError, sniff_encoding

    path = Path(path)
    if not path.exists():
        raise TableError(f"{path}: no such file")
    if path.is_dir():
        raise TableError(f"{path} is a folder, not a file")
    with open(path, "rb") as fh:
        sample = fh.read(SNIFF_BYTES)
    try:
        encoding = sniff_encoding(sample)
    except EncodingError as exc:
        if not sample.strip():
            raise TableError(f"{path} is empty") from None
        if exc.offset is not None and sample[exc.offset:exc.offset + 1] == b"\x00":
            raise TableError(f"{path} looks like a binary file, not text (it has NUL bytes); "
                             "give a CSV, TSV, TXT or JSONL file") from None
        raise TableError(f"{path} is neither UTF-8 nor GB18030/GBK text; "
                         "save it as UTF-8 (or it may be a binary file)") from None
    # utf-8-sig also reads plain UTF-8 and drops a BOM.
    return "utf-8-sig" if encoding == "utf-8" else encoding


class _Decoded:
    """A text file opened in its detected encoding whose decoding errors become TableErrors."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.encoding = detect_encoding(path)
        # utf-8-sig drops the BOM that spreadsheet programs write.
        self.fh = open(path, encoding=self.encoding, newline="")

    def __enter__(self):
        return self.fh

    def __exit__(self, kind, exc, tb) -> bool:
        self.fh.close()
        if isinstance(exc, UnicodeDecodeError):
            raise TableError(f"{self.path}: part of it is not valid {self.encoding} text ({exc.reason}); "
                             "the file mixes encodings or is damaged") from None
        return False


def _open(path: Path) -> _Decoded:
    return _Decoded(path)


def unique_names(header: list[str]) -> list[str]:
    """The header with repeated names numbered (`text`, `text_2`): a row is a dict, and two
    columns under one name would silently keep only the last one's values."""
    seen: set[str] = set()
    names = []
    for name in header:
        candidate, n = name, 1
        while candidate in seen:
            n += 1
            candidate = f"{name}_{n}"
        seen.add(candidate)
        names.append(candidate)
    return names


def read_columns(path: str | Path, fmt: str | None = None) -> list[str]:
    """Column names: the header of a CSV/TSV, the keys of the first JSONL object, or `text`."""
    path = Path(path)
    fmt = fmt or detect_format(path)
    if fmt == "txt":
        detect_encoding(path)  # a missing, empty or binary file says so here, not later
        return [TXT_COLUMN]
    if fmt == "jsonl" and _is_json_array(path):
        for row in _json_array_rows(path):
            return list(row.values)
        return []
    with _open(path) as fh:
        if fmt == "jsonl":
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    obj = _parse_json_line(line, lineno, path)
                    return [str(k) for k in obj]
            return []
        header = fh.readline().rstrip("\r\n")
        if not header:
            return []
        if fmt == "tsv":
            return unique_names(header.split("\t"))
        return unique_names(next(csv.reader([header])))


def _cell(value) -> str:
    """A JSON value as a table cell: strings as they are, null empty, the rest as JSON
    (so a nested object stays JSON in the output CSV, and true stays true, not True)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _parse_json_line(line: str, lineno: int, path: Path) -> dict:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise TableError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(obj, dict):
        raise TableError(f"{path}:{lineno}: each JSONL line must be an object")
    return obj


def _is_json_array(path: Path) -> bool:
    """Whether a .json/.jsonl file is one JSON array (what most tools export) rather than
    JSON Lines."""
    with _open(path) as fh:
        head = fh.read(4096).lstrip()
    return head.startswith("[")


def _json_array_rows(path: Path) -> Iterator[Row]:
    """The objects of a JSON array file; `line` is the item's 1-based position. The array is
    parsed whole (a JSON array cannot be streamed with the standard library), which 100k
    short records fit easily."""
    with _open(path) as fh:
        try:
            items = json.load(fh)
        except json.JSONDecodeError as exc:
            raise TableError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    for i, obj in enumerate(items, 1):
        if not isinstance(obj, dict):
            raise TableError(f"{path}: item {i} of the array is not an object; "
                             "each record must be an object of column: value")
        yield Row(i, {str(k): _cell(v) for k, v in obj.items()})


def iter_rows(path: str | Path, fmt: str | None = None, *,
              on_bad: Callable[[int, str], None] | None = None) -> Iterator[Row]:
    """Yield the data rows (header excluded) one by one; blank lines are skipped.

    A JSONL line that is not a JSON object, a CSV/TSV row whose field count differs from the
    header's, or a CSV quote left open raises a TableError, or, given `on_bad`, is reported to
    it (line number, reason) and skipped: one broken line in a 100k-line export should not
    stop a batch, nor vanish without a word.
    """
    path = Path(path)
    fmt = fmt or detect_format(path)
    if fmt not in FORMATS:
        raise TableError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "jsonl" and _is_json_array(path):
        yield from _json_array_rows(path)
        return
    with _open(path) as fh:
        if fmt == "txt":
            for lineno, line in enumerate(fh, 1):
                text = line.rstrip("\r\n")
                if text.strip():
                    yield Row(lineno, {TXT_COLUMN: text})
        elif fmt == "jsonl":
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        obj = _parse_json_line(line, lineno, path)
                    except TableError as exc:
                        if on_bad is None:
                            raise
                        on_bad(lineno, str(exc))
                        continue
                    yield Row(lineno, {str(k): _cell(v) for k, v in obj.items()})
        elif fmt == "tsv":
            # TSV is split on tabs only: quotes are ordinary characters in Chinese reviews and
            # csv-style quote handling would silently glue lines together.
            header = unique_names(fh.readline().rstrip("\r\n").split("\t"))
            for lineno, line in enumerate(fh, 2):
                line = line.rstrip("\r\n")
                if line.strip():
                    cells = line.split("\t")
                    if len(cells) != len(header):
                        _bad(on_bad, path, lineno, _ragged(len(cells), len(header)))
                        continue
                    yield Row(lineno, dict(zip(header, cells, strict=True)))
    if fmt == "csv":
        yield from _csv_rows(path, on_bad)


def _bad(on_bad: Callable[[int, str], None] | None, path: Path, line: int, reason: str) -> None:
    if on_bad is None:
        raise TableError(f"{path}:{line}: {reason}")
    on_bad(line, reason)


def _ragged(found: int, wanted: int) -> str:
    return (f"{found} field(s) where the header has {wanted} (a separator inside an unquoted "
            "cell, or a missing one); the row was skipped")


def _csv_rows(path: Path, on_bad: Callable[[int, str], None] | None) -> Iterator[Row]:
    """CSV records, strictly parsed: a row with the wrong number of fields, or a quote that is
    never closed (which would swallow every later row into one cell), is reported and skipped,
    and reading goes on from the line after it."""
    with _open(path) as fh:
        try:
            header = unique_names(next(csv.reader(fh, strict=True)))
        except StopIteration:
            return
        except csv.Error as exc:
            raise TableError(f"{path}: the header line is not valid CSV ({exc})") from None
    first: int | None = 2
    while first is not None:
        first = yield from _csv_records(path, header, first, on_bad)


def _csv_records(path: Path, header: list[str], first: int,
                 on_bad: Callable[[int, str], None] | None):
    """Rows from physical line `first` on; returns where to start again after a bad record."""
    with _open(path) as fh:
        reader = csv.reader(itertools.islice(fh, first - 1, None), strict=True)
        lineno = first
        while True:
            start = lineno
            try:
                record = next(reader)
            except StopIteration:
                return None
            except csv.Error as exc:
                _bad(on_bad, path, start, f"not valid CSV ({exc}): a quote opened on this line is "
                     "not closed properly; the line was skipped")
                return start + 1
            lineno = first + reader.line_num
            if not any(field.strip() for field in record):
                continue
            if len(record) != len(header):
                _bad(on_bad, path, start, _ragged(len(record), len(header)))
                continue
            yield Row(start, dict(zip(header, record, strict=True)))


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name one file: the same resolved path, or a link to it."""
    a, b = Path(a), Path(b)
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def neutralize(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula: one starting with = + - @ (or a tab or
    CR) gets a leading apostrophe, as OWASP advises for CSV injection. Plain numbers such as
    -3 or +1.5 stay as they are."""
    if cell and cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


class TableWriter:
    """Writes result rows in the format the output's name asks for: TSV (tabs and line breaks
    in cells become spaces, as our TSV reader splits on tabs only), JSONL (numbers as
    numbers), else CSV. CSV gets a UTF-8 BOM: Excel, which is where most analysts open it,
    reads BOM-less UTF-8 as the local code page and shows Chinese as mojibake. CSV and TSV
    cells that a spreadsheet would run as formulas are neutralized unless `raw_cells`;
    JSONL is always raw (no spreadsheet opens it)."""

    def __init__(self, fh, fmt: str, header: list[str], *, raw_cells: bool = False) -> None:
        self.fh, self.fmt, self.header = fh, fmt, header
        self.raw_cells = raw_cells
        self.csv = csv.writer(fh) if fmt == "csv" else None
        if fmt != "jsonl":
            self._write(header)

    def _write(self, cells: list) -> None:
        cells = [str(c) for c in cells]
        if self.csv is not None:
            self.csv.writerow(cells if self.raw_cells else [neutralize(c) for c in cells])
        else:
            flat = [" ".join(c.splitlines()).replace("\t", " ") for c in cells]
            if not self.raw_cells:
                flat = [neutralize(c) for c in flat]
            self.fh.write("\t".join(flat) + "\n")

    def row(self, values: list[str], added: tuple) -> None:
        if self.fmt == "jsonl":
            self.fh.write(json.dumps(dict(zip(self.header, [*values, *added], strict=True)),
                                     ensure_ascii=False) + "\n")
        else:
            self._write([*values, *(f"{v:.4f}" if isinstance(v, float) else v for v in added)])


def open_output(path: Path):
    """(format, file) for writing a table to `path`: TSV or JSONL by its suffix, else CSV."""
    fmt = detect_format(path)
    fmt = fmt if fmt in ("tsv", "jsonl") else "csv"
    return fmt, open(path, "w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="")
