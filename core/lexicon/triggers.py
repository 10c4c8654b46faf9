"""Trigger pairs: the words that a text's earlier words make likelier (a topic cache).

The engine's cache model makes a word of the committed text likelier again. A trigger model
(Lau, Rosenfeld and Roukos, 1993) also makes likelier the words that go *with* it: after 撤县设市,
县城; after 购物, 超市. It answers the context protocol's commonest miss, a homophone that the
clause alone cannot decide and that no word of the context repeats.

Built from the corpus (`build`, with jieba; build-time only): each line, less the lines that hold
an evaluation clause, is segmented, and each lexicon word of two or more characters is paired
with the `window` such words after it (a pair counts once per line). P(b | a) is b's share of
a's pairs. Of the pairs seen at least `min_count` times whose P(b | a) is at least `min_lift`
times b's unigram probability, two tiers are kept per trigger word, the most lifted first:
- up to `per_trigger` whose target a bonus can move past a homophone: a word that is not the
  first entry of its letter key (县城 under xiancheng, where 线程 is first); 9 % of targets;
- up to `common_per_trigger` of any target, among the pairs seen `common_min_count` times and
  lifted `common_min_lift` times (a word first for its letters can still lose to a split).
On dev.txt's context protocol the two tiers (1.2 M pairs, 4 MB) keep 90 % of what all 5.4 M
pairs of the first tier's size limits give (34 MB, too much for the app bundle's budget);
the first tier alone keeps 59 % (docs/RESULTS.md).

Stored beside the lexicon (`FILES`): the trigger words (sorted ids) with CSR offsets into
their targets, the targets as 16-bit indices into the list of target words, and -log P(b | a)
in 1/16 nat steps (uint8); memory-mapped like the rest.

At typing time `Triggers.probabilities(words)` is P_trig(b) = the mean, over the context's
words that trigger anything, of P(b | a); the engine turns it into a bonus as it does the
cache's.
"""
from __future__ import annotations

import gzip
import json
import multiprocessing as mp
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from core.exclusion import ClauseGuard

# <name>.npy in the lexicon folder: trigger word ids, their offsets into the pairs, the pairs'
# targets (indices into trig_vocab, the target word ids) and -log P(b | a) in LP_STEP units.
FILES = ("trig_words", "trig_off", "trig_vocab", "trig_tgt", "trig_lp")
LP_STEP = 1 / 16          # nats per unit of trig_lp
MANIFEST_KEY = "triggers"


@dataclass(frozen=True)
class TriggerConfig:
    """What `build` counts and keeps (see the module docstring)."""

    window: int = 20          # words after a word that it triggers, within its line
    min_count: int = 2        # lines a pair must be seen in
    min_lift: float = 2.0     # P(b | a) / P(b) at least this
    per_trigger: int = 200    # contested targets kept per trigger word, the most lifted first
    # ... and, contested or not, the most lifted targets among the pairs seen this often and
    # lifted this much (a word already first for its letters can still lose to a split).
    common_per_trigger: int = 50
    common_min_count: int = 5
    common_min_lift: float = 4.0
    min_len: int = 2          # characters of a trigger or target word


class Triggers:
    """A lexicon's trigger table (memory-mapped arrays; see FILES)."""

    def __init__(self, words: np.ndarray, off: np.ndarray, vocab: np.ndarray, tgt: np.ndarray,
                 lp: np.ndarray) -> None:
        if (len(off) != len(words) + 1 or int(off[0]) != 0 or int(off[-1]) != len(tgt)
                or len(lp) != len(tgt) or bool((np.diff(off.astype(np.int64)) < 0).any())
                or bool((np.diff(words.astype(np.int64)) <= 0).any())
                or (len(tgt) and int(tgt.max()) >= len(vocab))):
            raise ValueError("the trigger arrays (trig_*.npy) do not index each other")
        self.words, self.off, self.vocab, self.tgt, self.lp = words, off, vocab, tgt, lp

    @classmethod
    def open(cls, root: Path) -> Triggers | None:
        """The folder's trigger table, or None for a lexicon built without one."""
        paths = [Path(root) / f"{name}.npy" for name in FILES]
        if not all(p.exists() for p in paths):
            return None
        return cls(*(np.asarray(np.load(p, mmap_mode="r")) for p in paths))

    @property
    def pairs(self) -> int:
        return len(self.tgt)

    def probabilities(self, words) -> tuple[np.ndarray, np.ndarray]:
        """(target word ids, P_trig) for the context's words `words` (ids); those that
        trigger nothing count neither way."""
        ids = np.asarray(list(words), np.int64)
        at = np.searchsorted(self.words, ids)
        found = at < len(self.words)
        at = at[found][self.words[at[found]] == ids[found]]
        if not len(at):
            return np.zeros(0, np.int64), np.zeros(0)
        idx = np.concatenate([np.arange(self.off[k], self.off[k + 1]) for k in at.tolist()])
        targets, inverse = np.unique(self.tgt[idx], return_inverse=True)
        p = np.bincount(inverse, weights=np.exp(-LP_STEP * self.lp[idx].astype(np.float64)))
        return self.vocab[targets].astype(np.int64), p / len(at)


def contested_words(lexicon) -> np.ndarray:
    """Per word of a compiled lexicon, whether one of its entries is not the first of its
    letter key: the words a bonus can bring forward."""
    ent_word = np.asarray(lexicon.ent_word)
    key_off = np.asarray(lexicon.key_off)
    first = np.zeros(len(ent_word), bool)
    first[key_off[:-1][np.diff(key_off) > 0]] = True
    out = np.zeros(len(lexicon.uni), bool)
    out[ent_word[~first]] = True
    return out


# --- build ----------------------------------------------------------------------------------

_WORKER: dict = {}


def _init_worker(word_index: dict[str, int], bound: int, guard: ClauseGuard | None,
                 cfg: TriggerConfig) -> None:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    _WORKER.update(index=word_index, bound=bound, guard=guard, cfg=cfg)


def _run_starts(a: np.ndarray) -> np.ndarray:
    """Where each run of equal values of the sorted, non-empty `a` starts."""
    return np.flatnonzero(np.r_[True, a[1:] != a[:-1]])


def _merge(keys: list[np.ndarray], counts: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The distinct keys of several (keys, counts) lists, with their counts summed."""
    k, c = np.concatenate(keys), np.concatenate(counts)
    if not len(k):
        return k, c
    order = np.argsort(k, kind="stable")
    k, c = k[order], c[order]
    starts = _run_starts(k)
    return k[starts], np.add.reduceat(c, starts)


def _count_file(path: Path) -> tuple[np.ndarray, np.ndarray, int]:
    """(pair keys a * V + b, lines each was seen in, lines read) of one corpus file."""
    import jieba

    index, v, guard, cfg = _WORKER["index"], _WORKER["bound"], _WORKER["guard"], _WORKER["cfg"]
    keys: list[np.ndarray] = []
    counts: list[np.ndarray] = []
    buf: list[np.ndarray] = []
    held = lines = 0

    def flush() -> None:   # the buffered lines' pairs, counted, into keys/counts
        k, c = np.unique(np.concatenate(buf), return_counts=True)
        keys.append(k)
        counts.append(c.astype(np.int32))
        buf.clear()

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
                flush()
                held = 0
                if len(keys) > 4:
                    k, c = _merge(keys, counts)
                    keys[:], counts[:] = [k], [c]   # in place: flush() appends to them
    if buf:
        flush()
    if not keys:
        return np.zeros(0, np.int64), np.zeros(0, np.int32), lines
    k, c = _merge(keys, counts)
    return k, c, lines


def _ranks(a: np.ndarray) -> np.ndarray:
    """Each element's place (0, 1, ...) within its run of equal values of the sorted `a`."""
    if not len(a):
        return np.zeros(0, np.int64)
    starts = _run_starts(a)
    return np.arange(len(a)) - np.repeat(starts, np.diff(np.r_[starts, len(a)]))


def build(corpus: list[Path], words: list[str], uni: np.ndarray, contested: np.ndarray | None = None,
          cfg: TriggerConfig = TriggerConfig(), workers: int = 2,
          guard: ClauseGuard | None = None) -> tuple[Triggers, dict]:
    """The trigger table for a lexicon's `words`, unigram `uni` (natural log) and
    `contested` words (`contested_words`; None: every word is a target), and what the
    manifest records about it."""
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
    a, b, c, lp, lift = a[keep], b[keep], c[keep], lp[keep], lift[keep]
    order = np.lexsort((-lift, a))                    # per trigger, the most lifted first
    a, b, c, lp, lift = a[order], b[order], c[order], lp[order], lift[order]
    keep = _ranks(a) < cfg.per_trigger
    if contested is not None:
        keep &= np.asarray(contested, bool)[b]
    common = np.flatnonzero((c >= cfg.common_min_count) & (lift >= np.log(cfg.common_min_lift)))
    keep[common[_ranks(a[common]) < cfg.common_per_trigger]] = True
    a, b, lp = a[keep], b[keep], lp[keep]
    trig_words, starts = np.unique(a, return_index=True)
    off = np.r_[starts, len(a)].astype(np.int32)
    vocab, tgt = np.unique(b, return_inverse=True)
    codes = np.clip(np.rint(-lp / LP_STEP), 0, 255).astype(np.uint8)
    table = Triggers(trig_words.astype(np.int32), off, vocab.astype(np.int32),
                     tgt.astype(np.uint16 if len(vocab) <= 2**16 else np.int32), codes)
    info = {"config": asdict(cfg), "pairs": table.pairs, "trigger_words": len(trig_words),
            "target_words": len(vocab), "lines": int(lines), "seconds": round(time.time() - t0, 1)}
    return table, info


def write(root: Path, table: Triggers) -> None:
    """Write the table into the lexicon folder `root` (each file whole or not at all)."""
    arrays = (table.words, table.off, table.vocab, table.tgt, table.lp)
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
    from core import integrity
    from core.filehash import sha256_file
    from core.lexicon.system import SystemLexicon

    # The rest of the lexicon must be intact; a trigger table already there is replaced.
    recorded = json.loads((Path(root) / "manifest.json").read_text(encoding="utf-8"))
    others = [n for n in recorded.get(integrity.KEY, {}) if not n.startswith("trig_")]
    problems = integrity.verify(root, others)
    if problems:
        raise ValueError(f"the compiled lexicon at {root} is damaged: {'; '.join(problems[:3])}")
    for old in Path(root).glob("trig_*.npy"):
        old.unlink()
    lexicon = SystemLexicon(root, verify=False)
    exclude = list(exclude or [])
    guard = ClauseGuard.from_files(exclude) if exclude else None
    table, info = build(corpus, lexicon.words, lexicon.uni, contested_words(lexicon), cfg,
                        workers, guard)
    info["corpus"] = {p.name: sha256_file(p) for p in corpus}
    info["excluded_clauses_from"] = {p.name: sha256_file(p) for p in exclude}
    write(root, table)
    integrity.stamp(root, {MANIFEST_KEY: info})
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
