"""Trigger pairs: the words that a text's earlier words make likelier (a topic cache).

The engine's cache model makes a word of the committed text likelier again. A trigger model
(Lau, Rosenfeld and Roukos, 1993) also makes likelier the words that go *with* it: after 撤县设市,
县城; after 考生, 分数线; after 游戏, 对战. It answers the context protocol's commonest miss, a
homophone that the clause alone cannot decide and that no word of the context repeats.

Built from the corpus (`build`, with jieba; build-time only): each line, less the lines that hold
an evaluation clause, is segmented, and each lexicon word of two or more characters is paired
with the `window` such words after it (a pair counts once per line). P(b | a) is b's share of
a's pairs. Kept: pairs seen at least `min_count` times whose P(b | a) is at least `min_lift`
times b's unigram probability, the `per_trigger` most lifted per word. Stored beside the
lexicon as three arrays (`trig_off.npy`, `trig_tgt.npy`, `trig_lp.npy`: CSR rows per trigger
word, log P(b | a) as float16), memory-mapped like the rest.

At typing time `Triggers.probabilities(words)` is P_trig(b) = the mean over the context's
trigger words of P(b | a); the engine turns it into a bonus as it does the cache's.
"""
from __future__ import annotations

import gzip
import multiprocessing as mp
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from core.exclusion import ClauseGuard

FILES = ("trig_off", "trig_tgt", "trig_lp")   # <name>.npy in the lexicon folder
MANIFEST_KEY = "triggers"


@dataclass(frozen=True)
class TriggerConfig:
    """What `build` counts and keeps (see the module docstring)."""

    window: int = 20          # words after a word that it triggers, within its line
    min_count: int = 2        # lines a pair must be seen in
    min_lift: float = 2.0     # P(b | a) / P(b) at least this
    per_trigger: int = 200    # targets kept per trigger word, the most lifted first
    min_len: int = 2          # characters of a trigger or target word


class Triggers:
    """The trigger table of a lexicon folder (memory-mapped)."""

    def __init__(self, off: np.ndarray, tgt: np.ndarray, lp: np.ndarray) -> None:
        if len(off) < 1 or int(off[0]) != 0 or int(off[-1]) != len(tgt) or len(lp) != len(tgt):
            raise ValueError("the trigger arrays do not index each other")
        self.off, self.tgt, self.lp = off, tgt, lp

    @classmethod
    def open(cls, root: Path) -> Triggers | None:
        """The folder's trigger table, or None for a lexicon built without one."""
        paths = [Path(root) / f"{name}.npy" for name in FILES]
        if not all(p.exists() for p in paths):
            return None
        off, tgt, lp = (np.asarray(np.load(p, mmap_mode="r")) for p in paths)
        return cls(off, tgt, lp)

    @property
    def words(self) -> int:
        return len(self.off) - 1

    def probabilities(self, words) -> tuple[np.ndarray, np.ndarray]:
        """(target word ids, P_trig) for the trigger words `words` (ids; unknown ones and
        words that trigger nothing count neither way)."""
        off = self.off
        rows = [(int(off[w]), int(off[w + 1])) for w in words if 0 <= w < self.words]
        rows = [(a, b) for a, b in rows if b > a]
        if not rows:
            return np.zeros(0, np.int64), np.zeros(0)
        idx = np.concatenate([np.arange(a, b) for a, b in rows])
        targets, inverse = np.unique(self.tgt[idx], return_inverse=True)
        p = np.bincount(inverse, weights=np.exp(self.lp[idx].astype(np.float64)))
        return targets.astype(np.int64), p / len(rows)


# --- build ----------------------------------------------------------------------------------

_WORKER: dict = {}


def _init_worker(word_index: dict[str, int], bound: int, guard: ClauseGuard | None,
                 cfg: TriggerConfig) -> None:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    _WORKER.update(index=word_index, bound=bound, guard=guard, cfg=cfg)


def _merge(keys: list[np.ndarray], counts: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    k, c = np.concatenate(keys), np.concatenate(counts)
    order = np.argsort(k, kind="stable")
    k, c = k[order], c[order]
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]]) if len(k) else np.zeros(0, np.int64)
    return k[starts], np.add.reduceat(c, starts) if len(k) else c


def _count_file(path: Path) -> tuple[np.ndarray, np.ndarray, int]:
    """(pair keys a * V + b, lines each was seen in, lines read) of one corpus file."""
    import jieba

    index, v, guard, cfg = _WORKER["index"], _WORKER["bound"], _WORKER["guard"], _WORKER["cfg"]
    keys: list[np.ndarray] = []
    counts: list[np.ndarray] = []
    buf: list[np.ndarray] = []
    held = lines = 0
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if guard is not None and guard.contains(line):
                continue
            lines += 1
            ids = [index[w] for w in jieba.lcut(line, HMM=False)
                   if len(w) >= cfg.min_len and w in index]
            if len(ids) < 2:
                continue
            a = np.asarray(ids, np.int64)
            pairs = np.concatenate([a[:-d] * v + a[d:] for d in range(1, min(cfg.window, len(a) - 1) + 1)])
            pairs = np.unique(pairs)                     # once per line
            buf.append(pairs[pairs // v != pairs % v])   # a word does not trigger itself
            held += len(buf[-1])
            if held > 20_000_000:
                k, c = np.unique(np.concatenate(buf), return_counts=True)
                keys.append(k)
                counts.append(c.astype(np.int32))
                buf, held = [], 0
                if len(keys) > 4:
                    k, c = _merge(keys, counts)
                    keys, counts = [k], [c]
    if buf:
        k, c = np.unique(np.concatenate(buf), return_counts=True)
        keys.append(k)
        counts.append(c.astype(np.int32))
    if not keys:
        return np.zeros(0, np.int64), np.zeros(0, np.int32), lines
    k, c = _merge(keys, counts)
    return k, c, lines


def build(corpus: list[Path], words: list[str], uni: np.ndarray, cfg: TriggerConfig = TriggerConfig(),
          workers: int = 2, guard: ClauseGuard | None = None) -> tuple[tuple[np.ndarray, ...], dict]:
    """The trigger arrays (off, tgt, lp) for a lexicon's `words` and unigram `uni` (natural
    log), and what the manifest records about them."""
    t0 = time.time()
    index = {w: i for i, w in enumerate(words) if len(w) >= cfg.min_len}
    v = len(words)                   # a pair (a, b) is counted under the key a * v + b
    args = dict(initializer=_init_worker, initargs=(index, v, guard, cfg))
    # Largest files first, so that the pool is not left waiting on one big file at the end.
    files = sorted(corpus, key=lambda p: -p.stat().st_size)
    if workers <= 1:
        _init_worker(index, v, guard, cfg)
        parts = [_count_file(p) for p in files]
    else:
        with mp.get_context("fork").Pool(workers, **args) as pool:
            parts = pool.map(_count_file, files, chunksize=1)
    keys, counts = _merge([p[0] for p in parts], [p[1].astype(np.int64) for p in parts])
    lines = sum(p[2] for p in parts)
    print(f"triggers: {len(keys):,} pairs from {lines:,} lines ({time.time() - t0:.0f} s)",
          file=sys.stderr)
    a, b = keys // v, keys % v
    total = np.bincount(a, weights=counts, minlength=len(words))     # a's pairs, all of them
    keep = counts >= cfg.min_count
    a, b, c = a[keep], b[keep], counts[keep]
    lp = np.log(c / total[a])
    lift = lp - np.asarray(uni, np.float64)[b]
    keep = lift >= np.log(cfg.min_lift)
    a, b, lp, lift = a[keep], b[keep], lp[keep], lift[keep]
    order = np.lexsort((-lift, a))                    # per trigger, the most lifted first
    a, b, lp = a[order], b[order], lp[order]
    starts = np.flatnonzero(np.r_[True, a[1:] != a[:-1]]) if len(a) else np.zeros(0, np.int64)
    rank = np.arange(len(a)) - np.repeat(starts, np.diff(np.r_[starts, len(a)]))
    keep = rank < cfg.per_trigger
    a, b, lp = a[keep], b[keep], lp[keep]
    off = np.zeros(len(words) + 1, np.int64)
    np.add.at(off, a + 1, 1)
    off = np.cumsum(off).astype(np.int32 if len(b) < 2**31 else np.int64)
    info = {"config": asdict(cfg), "pairs": int(len(b)), "trigger_words": int((np.diff(off) > 0).sum()),
            "lines": int(lines), "seconds": round(time.time() - t0, 1)}
    return (off, b.astype(np.int32), lp.astype(np.float16)), info


def write(root: Path, arrays: tuple[np.ndarray, ...]) -> None:
    """Write the arrays into the lexicon folder `root` (each file whole or not at all)."""
    for name, arr in zip(FILES, arrays):
        path = Path(root) / f"{name}.npy"
        tmp = path.with_name(f".{path.name}.tmp")
        with open(tmp, "wb") as fh:
            np.save(fh, arr)
        tmp.replace(path)


def add_to_lexicon(root: Path, corpus: list[Path], cfg: TriggerConfig = TriggerConfig(),
                   workers: int = 2, exclude: list[Path] | None = None) -> dict:
    """Build the trigger table for the compiled lexicon in `root` and add it there (its
    manifest records the settings, the corpus and the exclusions, and the files' sha256)."""
    from core.filehash import sha256_file
    from core.integrity import stamp
    from core.lexicon.system import SystemLexicon

    lexicon = SystemLexicon(root)
    exclude = list(exclude or [])
    guard = ClauseGuard.from_files(exclude) if exclude else None
    arrays, info = build(corpus, lexicon.words, lexicon.uni, cfg, workers, guard)
    info["corpus"] = {p.name: sha256_file(p) for p in corpus}
    info["excluded_clauses_from"] = {p.name: sha256_file(p) for p in exclude}
    write(root, arrays)
    stamp(root, {MANIFEST_KEY: info})
    return info


def main(argv: list[str] | None = None) -> int:
    import argparse

    from core.lexicon.compile import corpus_files

    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, nargs="+", required=True,
                    help="corpus files or folders (.txt/.txt.gz), as `core.lexicon.compile` takes")
    ap.add_argument("--lexicon", type=Path, default=Path("resources/lexicon"),
                    help="the compiled lexicon to add the table to (default resources/lexicon)")
    ap.add_argument("--exclude", type=Path, nargs="*", default=[],
                    help="evaluation files: corpus lines holding any of their clauses are left out")
    ap.add_argument("--workers", type=int, default=2)
    d = TriggerConfig()
    ap.add_argument("--window", type=int, default=d.window)
    ap.add_argument("--min-count", type=int, default=d.min_count)
    ap.add_argument("--min-lift", type=float, default=d.min_lift)
    ap.add_argument("--per-trigger", type=int, default=d.per_trigger)
    args = ap.parse_args(argv)
    files = corpus_files(args.corpus)
    if not files:
        print(f"no corpus files under {args.corpus}", file=sys.stderr)
        return 2
    cfg = TriggerConfig(window=args.window, min_count=args.min_count, min_lift=args.min_lift,
                        per_trigger=args.per_trigger)
    try:
        info = add_to_lexicon(args.lexicon, files, cfg, args.workers, args.exclude)
    except (OSError, ValueError, RuntimeError) as exc:   # RuntimeError: LexiconError
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{info['pairs']:,} trigger pairs for {info['trigger_words']:,} words written to "
          f"{args.lexicon}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
