"""Pack token shards into one compact compressed file (to move them to a GPU machine), and back.

Pinyin is stored as the index of the reading among the character's readings (almost always
0), which compresses to nearly nothing; positions the table cannot rebuild are stored as
exceptions. The GPU machine needs only numpy to unpack: no pypinyin there.
"""
from __future__ import annotations

import json
import lzma
from pathlib import Path

import numpy as np

from core.model.spec import NONE_PINYIN, Vocab
from trainer.data.shards import ShardSet, ShardWriter, write_manifest


def reading_table(vocab: Vocab) -> np.ndarray:
    """(n_hanzi, R) pinyin ids of each hanzi's readings; column 0 is NONE for non-Han tokens."""
    r = max((len(s) for s in vocab.hanzi.readings.values()), default=1)
    table = np.full((vocab.hanzi.size, r), NONE_PINYIN, dtype=np.int64)
    for ch, syls in vocab.hanzi.readings.items():
        table[vocab.hanzi.id(ch), : len(syls)] = [vocab.pinyin.id(s) for s in syls]
    return table


def pack(shards_dir: str | Path, out_file: str | Path, *, max_tokens: int | None = None, seed: int = 0) -> dict:
    """Write `out_file` (lzma); with max_tokens, a random subset of whole pieces."""
    shards = ShardSet.open(shards_dir)
    vocab = Vocab.load(Path(shards_dir) / "vocab.json")
    order = np.arange(len(shards))
    if max_tokens is not None and shards.tokens > max_tokens:
        order = np.random.default_rng(seed).permutation(len(shards))
        keep = np.searchsorted(np.cumsum(shards.lengths[order]), max_tokens)
        order = np.sort(order[:keep])
    lengths = shards.lengths[order]
    idx = np.concatenate([np.arange(s, s + n) for s, n in zip(shards.starts[order], lengths)]) if len(order) else np.zeros(0, np.int64)
    hz = np.asarray(shards.hanzi[idx], dtype=np.uint16)
    py = np.asarray(shards.pinyin[idx], dtype=np.int64)
    table = reading_table(vocab)
    cand = table[hz.astype(np.int64)]                                  # (N, R)
    match = cand == py[:, None]
    ridx = np.where(match.any(1), match.argmax(1), 0).astype(np.uint8)
    bad = np.flatnonzero(cand[np.arange(len(py)), ridx] != py)
    payload = {
        "hanzi": hz, "reading": ridx, "lengths": lengths.astype(np.int32),
        "exc_pos": bad.astype(np.int64), "exc_pinyin": py[bad].astype(np.uint16),
    }
    header = {"vocab": vocab.hanzi.to_json(), "arrays": {k: [str(v.dtype), len(v)] for k, v in payload.items()},
              "source_manifest": shards.manifest}
    with lzma.open(out_file, "wb", preset=9 | lzma.PRESET_EXTREME) as f:
        head = json.dumps(header, ensure_ascii=False).encode("utf-8")
        f.write(len(head).to_bytes(8, "little"))
        f.write(head)
        for k in header["arrays"]:
            f.write(payload[k].tobytes())
    return {"tokens": int(len(hz)), "pieces": int(len(lengths)), "exceptions": int(len(bad))}


def unpack(packed: str | Path, out_dir: str | Path) -> Path:
    """Rebuild a shard folder (one shard) from a packed file; returns the folder."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with lzma.open(packed, "rb") as f:
        n = int.from_bytes(f.read(8), "little")
        header = json.loads(f.read(n).decode("utf-8"))
        arrays = {}
        for k, (dtype, count) in header["arrays"].items():
            dt = np.dtype(dtype)
            arrays[k] = np.frombuffer(f.read(dt.itemsize * count), dtype=dt)
    (out / "vocab.json").write_text(header["vocab"], encoding="utf-8")
    vocab = Vocab.load(out / "vocab.json")
    table = reading_table(vocab)
    hz = arrays["hanzi"].astype(np.int64)
    py = table[hz, arrays["reading"].astype(np.int64)]
    py[arrays["exc_pos"]] = arrays["exc_pinyin"]
    w = ShardWriter(out, 0)
    w.write(arrays["hanzi"], py.astype(np.uint16), arrays["lengths"])
    info = w.close()
    src = header["source_manifest"]
    write_manifest(out, {"vocab_sha256": src.get("vocab_sha256"), "pypinyin": src.get("pypinyin"),
                         "sources": [{"path": str(packed), "sha256": "", "lines": 0, **info}],
                         "totals": {"lines": 0, "pieces": info["pieces"], "tokens": info["tokens"]},
                         "packed_from": src.get("sources", [])})
    return out
