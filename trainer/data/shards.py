"""Token shards on disk: raw uint16/int32 arrays, memory-mapped for training, with a manifest.

A shard set is a folder: `vocab.json`, `shards.json` (manifest: sources, counts, sha256) and
per source `NNN.hanzi.u16`, `NNN.pinyin.u16` (one id per character) and `NNN.lengths.i32`
(piece lengths; pieces are stored back to back).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from core.filehash import sha256_file

MANIFEST = "shards.json"
FORMAT = "yinzi-shards/1"


class ShardWriter:
    """Appends annotated chunks of one source to its three array files."""

    def __init__(self, out_dir: Path, index: int) -> None:
        self.prefix = f"{index:03d}"
        self.out_dir = out_dir
        self._files: dict[str, BinaryIO] = {
            kind: open(out_dir / f"{self.prefix}.{kind}", "wb")
            for kind in ("hanzi.u16", "pinyin.u16", "lengths.i32")
        }
        self.tokens = 0
        self.pieces = 0

    def write(self, hanzi: np.ndarray, pinyin: np.ndarray, lengths: np.ndarray) -> None:
        self._files["hanzi.u16"].write(hanzi.astype(np.uint16).tobytes())
        self._files["pinyin.u16"].write(pinyin.astype(np.uint16).tobytes())
        self._files["lengths.i32"].write(lengths.astype(np.int32).tobytes())
        self.tokens += int(len(hanzi))
        self.pieces += int(len(lengths))

    def close(self) -> dict[str, Any]:
        for f in self._files.values():
            f.close()
        return {
            "prefix": self.prefix,
            "tokens": self.tokens,
            "pieces": self.pieces,
            "shard_sha256": {k: sha256_file(self.out_dir / f"{self.prefix}.{k}") for k in self._files},
        }


@dataclass
class ShardSet:
    """All pieces of a shard folder, memory-mapped; `piece(i)` -> (hanzi, pinyin) arrays."""

    root: Path
    manifest: dict[str, Any]
    hanzi: np.ndarray      # all shards' ids back to back (a concatenation of memmaps is avoided:
    pinyin: np.ndarray     # each shard is mapped, and `starts` indexes into a flat view)
    starts: np.ndarray     # int64 start of each piece in the flat arrays
    lengths: np.ndarray    # int32 length of each piece

    @classmethod
    def open(cls, root: str | Path) -> ShardSet:
        root = Path(root)
        path = root / MANIFEST
        if not path.exists():
            raise FileNotFoundError(f"{root}: no {MANIFEST}; run `yinzi-train prepare` first")
        manifest = json.loads(path.read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT:
            raise ValueError(f"{path}: not a Yinzi shard manifest ({FORMAT})")
        hz, py, lens = [], [], []
        for src in manifest["sources"]:
            if not src["tokens"]:
                continue
            p = src["prefix"]
            hz.append(np.memmap(root / f"{p}.hanzi.u16", dtype=np.uint16, mode="r"))
            py.append(np.memmap(root / f"{p}.pinyin.u16", dtype=np.uint16, mode="r"))
            lens.append(np.fromfile(root / f"{p}.lengths.i32", dtype=np.int32))
        if not hz:
            raise ValueError(f"{root}: the shards hold no tokens")
        # One flat array per kind: shards are small enough to concatenate lazily on first use
        # only when there are several; a single shard stays a memmap.
        hanzi = hz[0] if len(hz) == 1 else np.concatenate(hz)
        pinyin = py[0] if len(py) == 1 else np.concatenate(py)
        lengths = np.concatenate(lens)
        starts = np.zeros(len(lengths), dtype=np.int64)
        np.cumsum(lengths[:-1], out=starts[1:])
        return cls(root, manifest, hanzi, pinyin, starts, lengths)

    def __len__(self) -> int:
        return len(self.lengths)

    @property
    def tokens(self) -> int:
        return int(self.lengths.sum())

    def piece(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        s, n = int(self.starts[i]), int(self.lengths[i])
        return self.hanzi[s : s + n], self.pinyin[s : s + n]


def write_manifest(out_dir: Path, manifest: dict[str, Any]) -> None:
    manifest = {"format": FORMAT, **manifest}
    (out_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
