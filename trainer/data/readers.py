"""Read corpus files line by line: .txt, .txt.gz, .csv/.tsv (a column), .jsonl (a field).

Encodings: UTF-8, UTF-8 with BOM, UTF-16 with BOM, GB18030 (a superset of GBK) detected from
the head of the file by core.textfile; binary or undecodable input raises CorpusError naming the file and the byte offset.
Everything streams: a file is never held in memory whole.
"""
from __future__ import annotations

import codecs
import csv
import gzip
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

SUPPORTED = (".txt", ".txt.gz", ".csv", ".tsv", ".jsonl", ".csv.gz", ".tsv.gz", ".jsonl.gz")
_HEAD = 1 << 16
_CHUNK = 1 << 20


class CorpusError(ValueError):
    """A corpus input that cannot be read; the message names the file (and offset)."""


@dataclass(frozen=True)
class ReadOptions:
    """How to pull text out of table-like files."""

    column: str | None = None   # .csv/.tsv: header name or 0-based index; default: the last column
    field: str = "text"         # .jsonl: the field holding the text


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for ext in sorted(SUPPORTED, key=len, reverse=True):
        if name.endswith(ext):
            return ext
    return path.suffix.lower()


def find_files(inputs: Sequence[str | Path], *, skipped: list[Path] | None = None) -> list[Path]:
    """Expand files and folders (recursively, sorted) into supported corpus files.

    A folder walk never picks up an evaluation file (`p2c/`, `*dev*`, `*test*`: see
    core.exclusion.is_evaluation_file); those go to `skipped`. A file named on its own is read."""
    from core.exclusion import is_evaluation_file

    files: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and _suffix(f) in SUPPORTED)
            held_out = [f for f in found if is_evaluation_file(f.relative_to(p))
                        or is_evaluation_file(f)]
            if skipped is not None:
                skipped.extend(held_out)
            found = [f for f in found if f not in held_out]
            if not found:
                raise CorpusError(f"{p}: folder holds no corpus files ({', '.join(SUPPORTED)})"
                                  + (f"; {len(held_out)} evaluation files skipped" if held_out else ""))
            files.extend(found)
        elif p.is_file():
            if _suffix(p) not in SUPPORTED:
                raise CorpusError(f"{p}: unsupported file type (use one of {', '.join(SUPPORTED)})")
            files.append(p)
        else:
            raise CorpusError(f"{p}: no such file or folder")
    return files


def _open_binary(path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def detect_encoding(path: Path, head: bytes) -> str:
    """The encoding of a file starting with `head` (core.textfile's rule, shared with the app's
    batch reader); CorpusError naming the file when it is not text."""
    from core.textfile import EncodingError, sniff_encoding

    try:
        return sniff_encoding(head)
    except EncodingError as exc:
        raise CorpusError(f"{path}: {exc}") from None


def iter_text_lines(path: str | Path) -> Iterator[str]:
    """Decoded lines (without line ends) of a text file, streamed in 1 MB chunks."""
    path = Path(path)
    with _open_binary(path) as raw:
        try:
            head = raw.read(_HEAD)
        except (OSError, EOFError) as exc:  # a truncated or corrupt .gz
            raise CorpusError(f"{path}: cannot read: {exc}") from exc
        encoding = detect_encoding(path, head)
        decoder = codecs.getincrementaldecoder(encoding)()
        offset = 0
        pending = ""
        chunk = head
        while True:
            final = not chunk
            buffered = len(decoder.getstate()[0])  # bytes of a character split across chunks
            try:
                text = decoder.decode(chunk, final=final)
            except UnicodeDecodeError as exc:
                at = offset - buffered + exc.start
                raise CorpusError(f"{path}: cannot decode as {encoding} at byte offset {at}") from exc
            offset += len(chunk)
            if "\x00" in text:
                raise CorpusError(f"{path}: NUL character near byte offset {offset}; binary data?")
            pending += text
            lines = pending.splitlines(keepends=True)
            pending = lines.pop() if lines and not final and not lines[-1].endswith(("\n", "\r")) else ""
            for line in lines:
                yield line.rstrip("\r\n")
            if final:
                return
            try:
                chunk = raw.read(_CHUNK)
            except (OSError, EOFError) as exc:
                raise CorpusError(f"{path}: cannot read near byte offset {offset}: {exc}") from exc


def iter_records(path: str | Path, options: ReadOptions | None = None) -> Iterator[str]:
    """The text of each record: a line, a CSV/TSV cell, or a JSONL field."""
    path = Path(path)
    options = options or ReadOptions()
    ext = _suffix(path).removesuffix(".gz")
    lines = iter_text_lines(path)
    if ext == ".txt":
        yield from lines
    elif ext in (".csv", ".tsv"):
        yield from _table_cells(path, lines, "\t" if ext == ".tsv" else ",", options.column)
    elif ext == ".jsonl":
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{path}:{n}: invalid JSON: {exc.msg}") from exc
            value = obj.get(options.field) if isinstance(obj, dict) else None
            if not isinstance(value, str):
                raise CorpusError(f"{path}:{n}: no text field {options.field!r}")
            yield value
    else:
        raise CorpusError(f"{path}: unsupported file type")


def _table_cells(path: Path, lines: Iterator[str], delimiter: str, column: str | None) -> Iterator[str]:
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise CorpusError(f"{path}: empty table") from None
    if column is None:
        index = len(header) - 1
    elif column.isdigit():
        index = int(column)
    elif column in header:
        index = header.index(column)
    else:
        raise CorpusError(f"{path}: no column {column!r} (header: {', '.join(header)})")
    if index >= len(header):
        raise CorpusError(f"{path}: column index {index} out of range ({len(header)} columns)")
    for row in reader:
        if len(row) > index:
            yield row[index]


__all__ = ["CorpusError", "ReadOptions", "find_files", "iter_records", "iter_text_lines"]
