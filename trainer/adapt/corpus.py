"""Reading the user's text for adaptation: files and folders, any encoding the readers detect,
Traditional converted to Simplified, split by document into training and held-out text.

A document is a file when there are at least `MIN_FILE_DOCUMENTS` files; otherwise it is a
blank-line-separated block of a file (at most `MAX_BLOCK_LINES` lines) or one record of a
.jsonl/.csv/.tsv file. Everything streams: a 2 GB file is read once to count its documents
and once to split it, a megabyte at a time.
"""
from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from trainer.data.readers import CorpusError, _suffix, detect_encoding, find_files, iter_records

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
MIN_FILE_DOCUMENTS = 20
MAX_BLOCK_LINES = 50
EXTRA_SUFFIXES = (".md", ".markdown")   # read as plain text
ENOUGH_HAN = 200_000


class InputError(ValueError):
    """The user's input cannot be used; the message says why in one line."""


@dataclass
class FileSummary:
    path: str
    lines: int = 0
    han_chars: int = 0
    duplicates: int = 0
    non_chinese_share: float = 0.0
    encoding: str | None = None
    traditional_converted: bool = False
    error: str | None = None
    documents: int = 0
    _chars: int = field(default=0, repr=False)

    def public(self, keys: tuple[str, ...]) -> dict:
        d = asdict(self)
        return {k: d[k] for k in keys}


class T2S:
    """OpenCC Traditional -> Simplified, applied only to lines that have Han characters."""

    def __init__(self) -> None:
        import opencc

        self._cc = opencc.OpenCC("t2s")

    def __call__(self, line: str) -> tuple[str, bool]:
        if not HAN.search(line):
            return line, False
        out = self._cc.convert(line)
        return out, out != line


def collect_files(inputs: list[str]) -> list[Path]:
    """Corpus files from files and folders (the trainer's readers, plus Markdown)."""
    files: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            md = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in EXTRA_SUFFIXES)
            try:
                found = find_files([p])
            except CorpusError:
                found = []
            if not found and not md:
                raise InputError(f"{p}: the folder holds no text files (.txt, .md, .csv, .tsv, .jsonl)")
            files.extend(sorted(found + md))
        elif p.is_file():
            if p.suffix.lower() in EXTRA_SUFFIXES:
                files.append(p)
            else:
                try:
                    files.extend(find_files([p]))
                except CorpusError as exc:
                    raise InputError(str(exc)) from None
        else:
            raise InputError(f"{p}: no such file or folder")
    if not files:
        raise InputError("no input files")
    return list(dict.fromkeys(files))


def _records(path: Path) -> Iterator[str]:
    if path.suffix.lower() in EXTRA_SUFFIXES:
        from trainer.data.readers import iter_text_lines

        return iter_text_lines(path)
    return iter_records(path)


def file_encoding(path: Path) -> str:
    from trainer.data.readers import _HEAD, _open_binary

    with _open_binary(path) as fh:
        head = fh.read(_HEAD)
    return detect_encoding(path, head)


def _is_blocky(path: Path) -> bool:
    """Plain text split into documents at blank lines (tables and JSONL: a record each)."""
    ext = _suffix(path)
    return ext in (".txt", ".txt.gz") or path.suffix.lower() in EXTRA_SUFFIXES


def iter_documents(files: list[Path], t2s: T2S, summaries: dict[str, FileSummary] | None = None,
                   per_file: bool | None = None) -> Iterator[tuple[int, list[str]]]:
    """(document index, its converted lines). Unreadable files are recorded in `summaries`
    and skipped."""
    if per_file is None:
        per_file = len(files) >= MIN_FILE_DOCUMENTS
    doc = 0
    for path in files:
        s = summaries.setdefault(str(path), FileSummary(str(path))) if summaries is not None else None
        blocky = _is_blocky(path)
        block: list[str] = []
        try:
            if s is not None:
                s.encoding = file_encoding(path)
            for line in _records(path):
                line = line.strip()
                if s is not None:
                    s.lines += 1
                if not line:
                    if not per_file and blocky and block:
                        yield doc, block
                        doc += 1
                        block = []
                    continue
                line, changed = t2s(line)
                if s is not None:
                    n_han = len(HAN.findall(line))
                    s.han_chars += n_han
                    s._chars += len(line)
                    s.traditional_converted |= changed
                block.append(line)
                if len(block) >= MAX_BLOCK_LINES or (not per_file and not blocky):
                    yield doc, block   # a whole file is yielded in pieces, one index
                    block = []
                    if not per_file:
                        doc += 1
        except CorpusError as exc:
            if s is not None:
                s.error = str(exc)
            block = []
        if block:
            yield doc, block
            block = []
            if not per_file:
                doc += 1
        if per_file:
            doc += 1
        if s is not None and s._chars:
            s.non_chinese_share = round(1 - s.han_chars / s._chars, 4)


@dataclass
class SplitResult:
    files: list[FileSummary]
    documents: int
    held_out_documents: int
    han_chars: int
    train_han: int
    held_out_han: int
    left_out_lines: int


def split_corpus(files: list[Path], train_path: Path, held_path: Path, *, held_out: float,
                 seed: int = 0, guard=None,
                 progress: Callable[[int, int | None], None] | None = None) -> SplitResult:
    """Count documents (first pass), choose the held-out ones at random (at least one when
    there are two or more), and write both texts, one line per input line, documents
    separated by blank lines (second pass). Lines holding a clause of `guard` (the general
    check file) are left out of training."""
    t2s = T2S()
    summaries: dict[str, FileSummary] = {}
    n_docs = 0
    for n_docs_minus_1, _ in iter_documents(files, t2s, summaries):
        n_docs = n_docs_minus_1 + 1
    total_han = sum(s.han_chars for s in summaries.values())
    bad = [s for s in summaries.values() if s.error]
    if total_han == 0:
        if bad and len(bad) == len(summaries):
            raise InputError(bad[0].error or "unreadable input")
        raise InputError("the input has no Chinese text (no Han characters found)")
    k = 0
    if n_docs >= 2 and held_out > 0:
        k = min(n_docs - 1, max(1, round(held_out * n_docs)))
    chosen = set(random.Random(seed).sample(range(n_docs), k))
    train_han = held_han = left_out = 0
    per_file = len(files) >= MIN_FILE_DOCUMENTS
    with open(train_path, "w", encoding="utf-8") as tr, open(held_path, "w", encoding="utf-8") as ho:
        for d, lines in iter_documents(files, t2s, None, per_file):
            held = d in chosen
            out = ho if held else tr
            for line in lines:
                n = len(HAN.findall(line))
                if not held and guard is not None and guard.contains(line):
                    left_out += 1
                    continue
                out.write(line + "\n")
                if held:
                    held_han += n
                else:
                    train_han += n
            out.write("\n")
            if progress:
                progress(train_han + held_han, total_han)
    return SplitResult(list(summaries.values()), n_docs, k, total_han, train_han, held_han, left_out)


def read_lines(path: Path) -> Iterator[str]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line:
                yield line


def held_out_documents(path: Path) -> list[list[str]]:
    docs: list[list[str]] = [[]]
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line:
                docs[-1].append(line)
            elif docs[-1]:
                docs.append([])
    return [d for d in docs if d]
