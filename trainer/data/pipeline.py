"""`prepare`: corpus files -> vocabulary -> annotated, memory-mapped token shards.

Streams every file in chunks of lines through a small process pool (pypinyin is the slow
part), so memory stays flat whatever the corpus size.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.exclusion import ClauseGuard
from core.filehash import sha256_file
from core.model.spec import Vocab
from trainer.data.annotate import annotate_lines, normalize_text
from trainer.data.readers import CorpusError, ReadOptions, find_files, iter_records
from trainer.data.shards import ShardWriter, write_manifest
from trainer.data.vocab_build import build_hanzi_vocab, count_chars
from trainer.progress import Progress


@dataclass(frozen=True)
class PrepareConfig:
    """Options of `yinzi-train prepare` (see its --help)."""

    inputs: tuple[str, ...]
    out_dir: str
    vocab: str | None = None        # reuse this vocab.json (adapting a model keeps its vocab)
    max_han: int = 6000             # Han characters in a new vocabulary
    workers: int = 2                # annotation processes
    chunk_lines: int = 2000         # lines per work unit
    max_lines: int | None = None    # per file, for quick trials
    read: ReadOptions = ReadOptions()
    progress: bool = True
    exclude: tuple[str, ...] = ()   # evaluation files: lines holding one of their clauses are dropped


_VOCAB: Vocab | None = None


def _init_worker(vocab_path: str) -> None:
    global _VOCAB
    _VOCAB = Vocab.load(vocab_path)


def _work(lines: list[str]):
    assert _VOCAB is not None
    return len(lines), annotate_lines(lines, _VOCAB)


def _chunks(records: Iterator[str], size: int) -> Iterator[list[str]]:
    while chunk := list(itertools.islice(records, size)):
        yield chunk


def prepare(cfg: PrepareConfig) -> dict[str, Any]:
    """Run the pipeline; returns the manifest written to `out_dir/shards.json`."""
    skipped: list[Path] = []
    files = find_files(cfg.inputs, skipped=skipped)
    for f in skipped:
        print(f"skipping {f}: an evaluation file (name it on its own to read it)")
    excluded = {Path(e).resolve() for e in cfg.exclude}
    clash = [f for f in files if f.resolve() in excluded]
    if clash:
        raise CorpusError(f"{clash[0]}: is both an input and an evaluation file (--dev/--exclude)")
    guard = ClauseGuard.from_files(cfg.exclude) if cfg.exclude else None
    out = Path(cfg.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    vocab_path = out / "vocab.json"
    dropped: dict[Path, int] = {}

    def records(path: Path, tally: dict[Path, int] | None = None) -> Iterator[str]:
        it = iter_records(path, cfg.read)
        it = itertools.islice(it, cfg.max_lines) if cfg.max_lines else it
        return _guarded(it, guard, {} if tally is None else tally, path) if guard else it

    if cfg.vocab:
        vocab = Vocab.load(cfg.vocab)
        vocab_sha = vocab.hanzi.save(vocab_path)
    else:
        bar = Progress("counting characters", unit=" lines") if cfg.progress else None
        counts = None
        for f in files:
            c = count_chars(normalize_text(line) for line in _tick(records(f), bar))
            counts = c if counts is None else counts + c
        if bar:
            bar.close()
        assert counts is not None
        hanzi = build_hanzi_vocab(counts, max_han=cfg.max_han)
        vocab_sha = hanzi.save(vocab_path)
        han_total = sum(n for ch, n in counts.items() if "\u3400" <= ch <= "\u9fff")
        covered = sum(counts[ch] for ch in hanzi.readings)
        print(f"vocabulary: {hanzi.size} tokens, covers {100 * covered / max(han_total, 1):.3f}% "
              f"of {han_total:,} Han characters")

    sources = []
    started = time.time()
    bar = Progress("annotating", unit=" chars") if cfg.progress else None
    ctx = mp.get_context("spawn" if cfg.workers > 1 else "fork")
    pool = ctx.Pool(cfg.workers, _init_worker, (str(vocab_path),)) if cfg.workers > 1 else None
    if pool is None:
        _init_worker(str(vocab_path))
    try:
        for index, f in enumerate(files):
            writer = ShardWriter(out, index)
            lines = 0
            chunks = _chunks(records(f, dropped), cfg.chunk_lines)
            results = pool.imap(_work, chunks) if pool else map(_work, chunks)
            for n, (hz, py, lens) in results:
                writer.write(hz, py, lens)
                lines += n
                if bar:
                    bar.update(len(hz), extra=f.name)
            info = writer.close()
            if lines == 0 and not dropped.get(f):
                raise CorpusError(f"{f}: no text lines")
            sources.append({"path": str(f), "sha256": sha256_file(f), "lines": lines,
                            "lines_left_out": dropped.get(f, 0), **info})
    finally:
        if pool:
            pool.close()
            pool.join()
    if bar:
        bar.close()
    n_dropped = sum(s["lines_left_out"] for s in sources)
    if n_dropped:
        print(f"left out {n_dropped:,} lines that contain an evaluation clause")
    manifest = {
        "vocab_sha256": vocab_sha,
        "excluded_clauses_from": {str(p): sha256_file(Path(p)) for p in cfg.exclude},
        "skipped_evaluation_files": [str(f) for f in skipped],
        "pypinyin": _version("pypinyin"),
        "sources": sources,
        "totals": {
            "lines": sum(s["lines"] for s in sources),
            "pieces": sum(s["pieces"] for s in sources),
            "tokens": sum(s["tokens"] for s in sources),
        },
        "seconds": round(time.time() - started, 1),
    }
    write_manifest(out, manifest)
    return manifest


def _guarded(lines: Iterator[str], guard: ClauseGuard, dropped: dict[Path, int],
             path: Path) -> Iterator[str]:
    """Lines without an evaluation clause; the others are counted in `dropped[path]`."""
    for line in lines:
        if guard.contains(line):
            dropped[path] = dropped.get(path, 0) + 1
        else:
            yield line


def _tick(it, bar: Progress | None):
    for x in it:
        if bar:
            bar.update(1)
        yield x


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)
