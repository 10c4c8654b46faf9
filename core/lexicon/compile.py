"""Compile the system lexicon: words, readings, and a word bigram model, into resources/lexicon.

Inputs: jieba's word list (words and frequencies), pypinyin's readings (phrase readings for
words, every reading of a single character), and unigram/bigram counts of the jieba-segmented
training corpus. Output: flat numpy arrays and text files that `SystemLexicon` memory-maps.
Run with `make lexicon` (or `python -m core.lexicon.compile --corpus DIR --out DIR`).
"""
from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing as mp
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from core.exclusion import ClauseGuard, is_evaluation_file
from core.filehash import sha256_file
from core.integrity import stamp
from core.lexicon import familiarity as fam
from core.lexicon import kneser_ney as kn
from core.lexicon import triggers as trg
from core.lexicon import trigram as tri
from core.lexicon.format import BI_LP_STEP, BOS, EOS, FORMAT_VERSION, LexiconFiles
from core.pinyin.syllables import is_syllable

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
HAN_CHAR = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]+$")


@dataclass(frozen=True)
class CompileConfig:
    discount: float | None = None   # one Kneser-Ney discount; None: modified KN (three)
    min_bigram_count: int = 1       # bigrams seen this often are always kept
    keep_gain: float = 0.0          # rarer ones only if they beat the back-off by this many nats
    jieba_weight: float = 0.05      # pseudo-count per unit of jieba frequency for dict words
    min_jieba_freq: int = 5         # jieba-only words rarer than this are left out
    max_word_len: int = 8           # characters
    reading_penalty: float = 5.0    # nats charged to a character's non-default readings
    traditional_penalty: float = 8.0  # nats charged to Traditional forms (們 for 们): see below
    max_per_key: int = 96           # entries kept per letter key (best first)
    max_per_abbr: int = 1500        # entries kept per abbreviation key
    cont_mix: float = 0.5           # base unigram = mix * KN continuation + (1-mix) * ML
    trigram: bool = True            # also write a word trigram (core.lexicon.trigram)
    trigram_min_count: int = tri.TrigramConfig.min_count
    trigram_keep_gain: float = tri.TrigramConfig.keep_gain
    word_list_count: int = 100      # jieba-scale frequency of a listed word without a count
    familiarity: bool = True        # also write the initials' prior (core.lexicon.familiarity)
    clause_links: bool = True       # and the n-gram history across punctuation (trigram.LINKS)
    triggers: bool = True           # and the words each word makes likelier (core.lexicon.triggers)
    link_min_count: int = tri.TrigramConfig.min_count
    link_keep_gain: float = tri.TrigramConfig.keep_gain


# --- corpus segmentation (parallel) ------------------------------------------------------

_GUARD: ClauseGuard | None = None


def _init_worker(guard: ClauseGuard | None = None) -> None:
    global _GUARD
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    _GUARD = guard


def _segment_chunk(lines: list[str]) -> tuple[str, int]:
    """Segment each Han run of each line: one input line per output line, its clauses
    tab-separated, words space-separated. Lines holding an evaluation clause are dropped;
    returns (text, lines dropped)."""
    import jieba

    out: list[str] = []
    dropped = 0
    for line in lines:
        if _GUARD is not None and _GUARD.contains(line):
            dropped += 1
            continue
        runs = HAN_RUN.findall(line)
        if runs:
            out.append("\t".join(" ".join(jieba.lcut(run, HMM=False)) for run in runs))
    return "\n".join(out), dropped


def _read_chunks(files: list[Path], chunk_lines: int = 4000) -> Iterator[list[str]]:
    for path in files:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
            chunk: list[str] = []
            for line in fh:
                chunk.append(line)
                if len(chunk) >= chunk_lines:
                    yield chunk
                    chunk = []
            if chunk:
                yield chunk


@dataclass
class CorpusCounts:
    """Segmented-corpus statistics: word strings, unigram counts, bigram codes and counts."""

    words: list[str]
    uni: np.ndarray
    codes: np.ndarray
    counts: np.ndarray
    dropped_lines: int = 0      # lines left out because they hold an evaluation clause
    tri_codes: np.ndarray | None = None   # (u * V + v) * V + w, unique (core.lexicon.trigram)
    tri_counts: np.ndarray | None = None
    # Clause links: the last word of a clause and the first of the next one in the same line
    # (across a comma, say), as u * V + w, unique; the n-gram's history across punctuation.
    link_codes: np.ndarray | None = None
    link_counts: np.ndarray | None = None


def count_corpus(files: list[Path], workers: int, guard: ClauseGuard | None = None) -> CorpusCounts:
    """Segment the corpus and count words and word pairs, skipping guarded lines."""
    vocab: dict[str, int] = {BOS: 0, EOS: 1}
    ids: list[np.ndarray] = []
    link_u: list[int] = []
    link_w: list[int] = []
    n_clauses = 0
    dropped = 0
    t0 = time.time()
    with mp.Pool(workers, initializer=_init_worker, initargs=(guard,)) as pool:
        for i, (text, n_dropped) in enumerate(pool.imap(_segment_chunk, _read_chunks(files), chunksize=1)):
            dropped += n_dropped
            if not text:
                continue
            seq: list[int] = []
            for line in text.split("\n"):
                last = -1
                for clause in line.split("\t"):
                    seq.append(0)
                    first = -1
                    for w in clause.split(" "):
                        wid = vocab.get(w)
                        if wid is None:
                            wid = vocab[w] = len(vocab)
                        seq.append(wid)
                        if first < 0:
                            first = wid
                    seq.append(1)
                    if last >= 0:
                        link_u.append(last)
                        link_w.append(first)
                    last = seq[-2]
                    n_clauses += 1
            ids.append(np.asarray(seq, dtype=np.int32))
            if i % 50 == 0:
                print(f"\r  segmented {n_clauses:,} clauses, {len(vocab):,} words, "
                      f"{time.time() - t0:.0f}s", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    if dropped:
        print(f"  left out {dropped:,} lines that contain an evaluation clause", file=sys.stderr)
    if not ids:
        raise ValueError("the corpus has no Han text")
    arr = np.concatenate(ids)
    V = len(vocab)
    uni = np.bincount(arr, minlength=V).astype(np.int64)
    a, b = arr[:-1].astype(np.int64), arr[1:].astype(np.int64)
    keep = ~((a == 1) & (b == 0))  # EOS -> BOS is not a bigram
    codes, counts = np.unique(a[keep] * V + b[keep], return_counts=True)
    tri_codes, tri_counts = tri.trigram_codes(arr, V)
    link_codes, link_counts = np.unique(np.asarray(link_u, dtype=np.int64) * V
                                        + np.asarray(link_w, dtype=np.int64), return_counts=True)
    words = [""] * V
    for w, i in vocab.items():
        words[i] = w
    return CorpusCounts(words, uni, codes, counts, dropped, tri_codes, tri_counts,
                        link_codes, link_counts)


def read_counts_cache(path: Path) -> tuple[CorpusCounts, list[str]]:
    """The counts a `--counts-cache` file holds, and the sha256 of the files excluded then."""
    z = np.load(path, allow_pickle=False)
    cc = CorpusCounts(z["words"].tolist(), z["uni"], z["codes"], z["counts"],
                      int(z["dropped"]) if "dropped" in z.files else 0,
                      z["tri_codes"] if "tri_codes" in z.files else None,
                      z["tri_counts"] if "tri_counts" in z.files else None,
                      z["link_codes"] if "link_codes" in z.files else None,
                      z["link_counts"] if "link_counts" in z.files else None)
    return cc, z["exclude"].tolist() if "exclude" in z.files else []


def merge_counts(a: CorpusCounts, b: CorpusCounts, weight: float = 1.0) -> CorpusCounts:
    """The counts of two corpora together (b's new words get ids after a's); b's counts are
    multiplied by `weight` (a small corpus of another kind of text, e.g. poetry, is added
    without swamping the general model)."""
    index = {w: i for i, w in enumerate(a.words)}
    words = list(a.words)
    map_b = np.empty(len(b.words), dtype=np.int64)
    for i, w in enumerate(b.words):
        j = index.get(w)
        if j is None:
            j = index[w] = len(words)
            words.append(w)
        map_b[i] = j
    V, Va, Vb = len(words), len(a.words), len(b.words)
    uni = np.zeros(V, dtype=np.float64 if weight != 1.0 else np.int64)
    uni[:Va] = a.uni
    np.add.at(uni, map_b, b.uni * weight if weight != 1.0 else b.uni)

    def join(codes_a, counts_a, codes_b, counts_b, order: int):
        def split(codes, Vs):
            parts = []
            for _ in range(order):
                parts.append(codes % Vs)
                codes = codes // Vs
            return parts[::-1]

        def encode(parts):
            out = np.zeros(len(parts[0]), dtype=np.int64)
            for p in parts:
                out = out * V + p
            return out

        ca = encode(split(codes_a.astype(np.int64), Va))
        cb = encode([map_b[p] for p in split(codes_b.astype(np.int64), Vb)])
        codes, inv = np.unique(np.concatenate([ca, cb]), return_inverse=True)
        counts = np.bincount(inv, weights=np.concatenate(
            [counts_a.astype(np.float64), counts_b.astype(np.float64) * weight]))
        return codes, counts if weight != 1.0 else counts.astype(np.int64)

    codes, counts = join(a.codes, a.counts, b.codes, b.counts, 2)
    tri_codes = tri_counts = None
    if a.tri_codes is not None and b.tri_codes is not None:
        tri_codes, tri_counts = join(a.tri_codes, a.tri_counts, b.tri_codes, b.tri_counts, 3)
    link_codes = link_counts = None
    if a.link_codes is not None and b.link_codes is not None:
        link_codes, link_counts = join(a.link_codes, a.link_counts, b.link_codes, b.link_counts, 2)
    return CorpusCounts(words, uni, codes, counts, a.dropped_lines + b.dropped_lines,
                        tri_codes, tri_counts, link_codes, link_counts)


def read_word_list(path: Path, default_count: float) -> dict[str, float]:
    """`word`, or `word<whitespace>count[<whitespace>anything]`, per line (Han words only;
    other lines are skipped)."""
    out: dict[str, float] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts or not HAN_CHAR.match(parts[0]):
                continue
            try:
                count = float(parts[1]) if len(parts) > 1 else default_count
            except ValueError:
                count = default_count
            out[parts[0]] = max(out.get(parts[0], 0.0), count)
    return out


# --- readings ------------------------------------------------------------------------------

def word_readings(word: str) -> list[tuple[tuple[str, ...], float]]:
    """(syllables, penalty) for a word: one phrase reading, or every reading of a character."""
    from pypinyin import Style, lazy_pinyin, pinyin

    if len(word) == 1:
        raw = pinyin(word, style=Style.NORMAL, heteronym=True, errors="ignore")
        seen: list[str] = []
        for r in (raw[0] if raw else []):
            if r not in seen and is_syllable(r):
                seen.append(r)
        return [((r,), 0.0 if i == 0 else 1.0) for i, r in enumerate(seen)]
    syl = lazy_pinyin(word, style=Style.NORMAL, errors="ignore")
    if len(syl) != len(word) or not all(is_syllable(s) for s in syl):
        return []
    return [(tuple(syl), 0.0)]


def traditional_words(words: list[str]) -> set[int]:
    """Indexes of the words that OpenCC writes differently in Simplified (們, 關係, 乾淨).

    Yinzi types Simplified Chinese. Traditional leftovers in the corpus and in jieba's list
    would otherwise stand one character away from the right sentence and surface as its
    runner-up (我們一起 under 我们一起); they are charged a penalty rather than dropped, so a
    name or a quotation that needs one can still be picked from the list. Phrases OpenCC keeps
    (著名, 乾坤, 乾隆) are not touched."""
    import opencc

    t2s = opencc.OpenCC("t2s")
    return {i for i, w in enumerate(words) if HAN_CHAR.match(w) and t2s.convert(w) != w}


def read_jieba_dict() -> dict[str, int]:
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    freq: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and HAN_CHAR.match(parts[0]):
                freq[parts[0]] = int(parts[1])
    return freq


# --- compile ---------------------------------------------------------------------------------

def compile_lexicon(corpus: list[Path], out: Path, cfg: CompileConfig, workers: int = 2,
                    counts_cache: Path | None = None, exclude: list[Path] | None = None,
                    extra: list[Path] | None = None, word_lists: list[Path] | None = None,
                    provenance: Path | None = None, extra_weight: float = 1.0) -> dict:
    """Build the artifact in `out`. `counts_cache` keeps the (slow) corpus counts between runs
    that only change the estimation settings; `exclude` names evaluation files whose clauses
    (>= 10 Han characters) no corpus line may contain. `extra` corpus files are counted on
    every run (never cached) and added; `word_lists` add words (with a count, as jieba's list
    does); `provenance` (a JSON file: where the extra text and lists come from, their
    licences) is copied into the manifest."""
    t0 = time.time()
    exclude = list(exclude or [])
    guard = ClauseGuard.from_files(exclude) if exclude else None
    if counts_cache is not None and counts_cache.exists():
        print(f"reading corpus counts from {counts_cache}", file=sys.stderr)
        cc, cached_exclude = read_counts_cache(counts_cache)
        if sorted(cached_exclude) != sorted(sha256_file(p) for p in exclude):
            raise ValueError(f"{counts_cache} was counted with other --exclude files; delete it")
        if cfg.trigram and cc.tri_codes is None:
            raise ValueError(f"{counts_cache} holds no trigram counts; delete it")
    else:
        print(f"segmenting {len(corpus)} corpus files with jieba ({workers} workers)"
              + (f", leaving out lines with any of {len(guard):,} evaluation clauses" if guard else ""),
              file=sys.stderr)
        cc = count_corpus(corpus, workers, guard)
        if counts_cache is not None:
            np.savez(counts_cache, words=np.asarray(cc.words), uni=cc.uni, codes=cc.codes,
                     counts=cc.counts, dropped=cc.dropped_lines, tri_codes=cc.tri_codes,
                     tri_counts=cc.tri_counts, link_codes=cc.link_codes,
                     link_counts=cc.link_counts,
                     exclude=np.asarray([sha256_file(p) for p in exclude]))
    extra = list(extra or [])
    if extra:
        print(f"segmenting {len(extra)} extra corpus files", file=sys.stderr)
        cc = merge_counts(cc, count_corpus(extra, workers, guard), extra_weight)
    import jieba
    import pypinyin

    jfreq: dict[str, float] = dict(read_jieba_dict())
    listed: set[str] = set()
    for wl in word_lists or []:
        for w, c in read_word_list(wl, cfg.word_list_count).items():
            jfreq[w] = max(jfreq.get(w, 0), c)
            listed.add(w)
    inputs = {
        "corpus": {p.name: sha256_file(p) for p in corpus},
        **({"extra_corpus": {p.name: sha256_file(p) for p in extra},
            "extra_corpus_weight": extra_weight} if extra else {}),
        **({"word_lists": {p.name: sha256_file(p) for p in word_lists}} if word_lists else {}),
        "excluded_clauses_from": {p.name: sha256_file(p) for p in exclude},
        "jieba": {"version": jieba.__version__,
                  "dict.txt": sha256_file(Path(jieba.__file__).parent / "dict.txt")},
        "pypinyin": {"version": pypinyin.__version__},
    }
    more = {"provenance": json.loads(provenance.read_text(encoding="utf-8"))} if provenance else None
    samples = None
    if cfg.familiarity:
        print(f"sampling {len(corpus)} corpus files for the initials' prior", file=sys.stderr)
        samples = fam.sample_sources(corpus, fam.FamiliarityConfig(), workers, guard)
    manifest = write_lexicon(cc, out, cfg, jieba_freq=jfreq, inputs=inputs, t0=t0, extra=more,
                             listed=listed, familiarity_samples=samples)
    if cfg.triggers:
        print(f"counting trigger pairs in {len(corpus)} corpus files", file=sys.stderr)
        trg.add_to_lexicon(out, corpus, trg.TriggerConfig(), workers, exclude)
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return manifest


def write_lexicon(cc: CorpusCounts, out: Path, cfg: CompileConfig, *,
                  jieba_freq: dict[str, float], inputs: dict, t0: float | None = None,
                  extra: dict | None = None, log: bool = True,
                  listed: set[str] | None = None,
                  familiarity_samples: list[fam.SourceSample] | None = None) -> dict:
    """Estimate the bigram model from corpus counts and write the artifact into `out`.

    `jieba_freq` adds jieba's words as pseudo-counts (the system lexicon); a domain layer
    passes {} so that only its own text counts. `listed` words join the vocabulary however
    small their count. `familiarity_samples` (per-source samples of the corpus) give the
    initials' prior, `abbr_uni`. `extra` is merged into the manifest."""
    t0 = time.time() if t0 is None else t0
    words, uni, codes, counts = cc.words, cc.uni, cc.codes, cc.counts
    V0 = len(words)
    jfreq = jieba_freq
    say = (lambda *a: print(*a, file=sys.stderr)) if log else (lambda *a: None)

    # Vocabulary: every corpus word (all are jieba words or characters, HMM is off) with a
    # valid reading, plus frequent-enough jieba words the corpus never used.
    keep_old: list[int] = [0, 1]
    new_words: list[str] = [BOS, EOS]
    for i in range(2, V0):
        w = words[i]
        if len(w) <= cfg.max_word_len and HAN_CHAR.match(w):
            keep_old.append(i)
            new_words.append(w)
    in_corpus = set(new_words)
    # (words of the --words lists are kept however rare: they were listed to be typed)
    listed = listed or set()
    jieba_only = [w for w, f in jfreq.items() if w not in in_corpus and len(w) <= cfg.max_word_len
                  and (f >= cfg.min_jieba_freq or w in listed)]
    new_words.extend(jieba_only)
    V = len(new_words)
    remap = np.full(V0, -1, dtype=np.int64)
    remap[np.asarray(keep_old)] = np.arange(len(keep_old))
    say(f"vocabulary: {V:,} words ({len(jieba_only):,} from jieba's list only)")

    c_uni = np.zeros(V, dtype=np.float64)
    c_uni[: len(keep_old)] = uni[np.asarray(keep_old)]
    pseudo = np.array([cfg.jieba_weight * jfreq.get(w, 0) for w in new_words])
    c_eff = c_uni + pseudo

    # Bigrams in the new ids.
    w1 = remap[codes // V0]
    w2 = remap[codes % V0]
    ok = (w1 >= 0) & (w2 >= 0)
    w1, w2, cnt = w1[ok], w2[ok], counts[ok].astype(np.float64)

    # Interpolated Kneser-Ney: modified (a discount per count class) unless one is given.
    D = kn.discounts(cnt) if cfg.discount is None else (cfg.discount,) * 3
    d_each, hist, lam = kn.interpolate(w1, cnt, V, D)
    n1p_cont = np.bincount(w2, minlength=V).astype(np.float64)
    p_cont = n1p_cont / n1p_cont.sum()
    p_ml = c_eff / c_eff.sum()
    p_base = cfg.cont_mix * p_cont + (1 - cfg.cont_mix) * p_ml
    p_base[0] = 0.0  # BOS is never predicted
    p_base = np.maximum(p_base, 1e-12)
    p_base /= p_base.sum()
    p_all = (cnt - d_each) / hist[w1] + lam[w1] * p_base[w2]
    # Keep a rare bigram only when it says much more than the back-off would (a cheap
    # relative-entropy pruning): most singletons after frequent words add nothing.
    gain = np.log(p_all) - np.log(lam[w1] * p_base[w2])
    keep = (cnt >= cfg.min_bigram_count) | (gain > cfg.keep_gain)
    w1k, w2k = w1[keep], w2[keep]
    p_bi = p_all[keep]
    order = np.lexsort((w2k, w1k))
    w1k, w2k, lp_bi = w1k[order], w2k[order], np.log(p_bi[order])
    bi_off = np.zeros(V + 1, dtype=np.int64)
    np.add.at(bi_off, w1k + 1, 1)
    bi_off = np.cumsum(bi_off)
    say(f"bigrams: {len(w1k):,} kept of {len(w1):,} (discounts {', '.join(f'{x:.3f}' for x in D)})")

    # Entries: (word, reading, penalty), sorted by letter key then by score.
    log_base = np.log(p_base)
    ent_word: list[int] = []
    ent_syl: list[str] = []
    ent_pen: list[float] = []
    traditional = traditional_words(new_words) if cfg.traditional_penalty else set()
    say(f"traditional forms: {len(traditional):,} words charged {cfg.traditional_penalty:g} nats")
    for wid in range(2, V):
        extra_pen = cfg.traditional_penalty if wid in traditional else 0.0
        for syl, pen in word_readings(new_words[wid]):
            ent_word.append(wid)
            ent_syl.append("'".join(syl))
            ent_pen.append(pen * cfg.reading_penalty + extra_pen)
    ent_word_a = np.asarray(ent_word, dtype=np.int32)
    ent_pen_a = np.asarray(ent_pen, dtype=np.float32)
    score = log_base[ent_word_a] - ent_pen_a
    letter_keys = [s.replace("'", "") for s in ent_syl]
    order = sorted(range(len(ent_word)), key=lambda e: (letter_keys[e], -score[e]))
    key_list: list[str] = []
    key_off: list[int] = []
    kept: list[int] = []
    prev = None
    n_in_key = 0
    for e in order:
        k = letter_keys[e]
        if k != prev:
            key_list.append(k)
            key_off.append(len(kept))
            prev, n_in_key = k, 0
        if n_in_key < cfg.max_per_key:
            kept.append(e)
            n_in_key += 1
    key_off.append(len(kept))
    kept_a = np.asarray(kept, dtype=np.int64)
    E_word = ent_word_a[kept_a]
    E_pen = ent_pen_a[kept_a]
    E_syl = [ent_syl[e] for e in kept]
    E_score = score[kept_a]

    # Abbreviation index: first letters of the syllables -> entries, best first.
    abbr: dict[str, list[int]] = {}
    for new_e, syl in enumerate(E_syl):
        parts = syl.split("'")
        if len(parts) > 6:
            continue
        abbr.setdefault("".join(p[0] for p in parts), []).append(new_e)
    abbr_keys = sorted(abbr)
    abbr_off = [0]
    abbr_ent: list[int] = []
    for k in abbr_keys:
        lst = sorted(abbr[k], key=lambda e: -E_score[e])[: cfg.max_per_abbr]
        abbr_ent.extend(lst)
        abbr_off.append(len(abbr_ent))

    files = LexiconFiles(out)
    out.mkdir(parents=True, exist_ok=True)
    files.write_strings("words", new_words)
    np.save(files.npy("uni"), log_base.astype(np.float32))
    np.save(files.npy("bow"), np.log(lam).astype(np.float32))
    np.save(files.npy("bi_off"), bi_off.astype(np.int32 if len(w1k) < 2**31 else np.int64))
    np.save(files.npy("bi_w2"), w2k.astype(np.int32))
    # log P(w2|w1) in steps of BI_LP_STEP nats, as uint8: a quarter of float32, error <= 0.05.
    np.save(files.npy("bi_lp"), np.clip(np.round(-lp_bi / BI_LP_STEP), 0, 255).astype(np.uint8))
    np.save(files.npy("ent_word"), E_word.astype(np.int32))
    np.save(files.npy("ent_pen"), E_pen.astype(np.float16))
    files.write_strings("ent_syl", E_syl)
    files.write_strings("keys", key_list)
    np.save(files.npy("key_off"), np.asarray(key_off, dtype=np.int32))
    files.write_strings("abbr_keys", abbr_keys)
    np.save(files.npy("abbr_off"), np.asarray(abbr_off, dtype=np.int32))
    np.save(files.npy("abbr_ent"), np.asarray(abbr_ent, dtype=np.int32))

    (out / f"{fam.FILE}.npy").unlink(missing_ok=True)   # an old prior belongs to old words
    for name in trg.FILES:                                # ... and old trigger pairs too
        (out / f"{name}.npy").unlink(missing_ok=True)
    familiarity_info: dict = {}
    if familiarity_samples is not None:
        fcfg = fam.FamiliarityConfig()
        prior = fam.familiarity(new_words, log_base, familiarity_samples, fcfg)
        np.save(files.npy(fam.FILE), prior.astype(np.float16))
        familiarity_info = {"familiarity": fam.describe(familiarity_samples, fcfg)}

    counts_extra: dict = {}
    for name in tri.ALL_FILES:     # a lexicon built without a trigram must not keep an old one
        (out / f"{name}.npy").unlink(missing_ok=True)
    if cfg.trigram and cc.tri_codes is not None and len(cc.tri_codes):
        bkeys = w1k.astype(np.int64) * V + w2k.astype(np.int64)

        def bigram_logp(u: np.ndarray, w: np.ndarray) -> np.ndarray:
            q = u * V + w
            idx = np.minimum(np.searchsorted(bkeys, q), len(bkeys) - 1)
            hit = bkeys[idx] == q
            back = np.log(lam[u]) + log_base[w]
            # the stored (quantised) value, so the back-off matches what the decoder reads
            stored = -np.round(-lp_bi[idx] / BI_LP_STEP) * BI_LP_STEP
            return np.where(hit, stored, back)

        tc = cc.tri_codes
        u0, v0, x0 = tc // (V0 * V0), (tc // V0) % V0, tc % V0
        u, v, x = remap[u0], remap[v0], remap[x0]
        ok3 = (u >= 0) & (v >= 0) & (x >= 0)
        tcfg = tri.TrigramConfig(cfg.trigram_min_count, cfg.trigram_keep_gain)
        arrays = tri.estimate(u[ok3], v[ok3], x[ok3], cc.tri_counts[ok3], bigram_keys=bkeys,
                              bigram_logp=bigram_logp, V=V, cfg=tcfg)
        n_tri = len(arrays["tri_keys"])
        counts_extra = {"trigrams": int(n_tri),
                        "bigram_discounts": [round(float(x), 4) for x in D],
                        "trigram_discounts": [round(float(x), 4) for x in arrays["discount"]]}
        say(f"trigrams: {n_tri:,} kept of {int(ok3.sum()):,}")
        if cfg.clause_links and cc.link_codes is not None and len(cc.link_codes):
            lu, lw = remap[cc.link_codes // V0], remap[cc.link_codes % V0]
            okl = (lu > 1) & (lw > 1)
            links = tri.estimate_links(lu[okl], lw[okl], cc.link_counts[okl],
                                       n_bigrams=len(bkeys), bigram_logp=bigram_logp, V=V,
                                       cfg=tri.TrigramConfig(cfg.link_min_count,
                                                             cfg.link_keep_gain))
            arrays = tri.with_links(arrays, links)
            counts_extra["clause_links"] = int(len(links["tri_keys"]))
            say(f"clause links: {len(links['tri_keys']):,} kept of {int(okl.sum()):,} "
                f"(after {len(links[tri.LINKS]):,} words)")
        tri.write(out, arrays)

    manifest = {
        "format_version": FORMAT_VERSION,
        "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "config": asdict(cfg),
        "counts": {"words": V, "entries": len(E_word), "letter_keys": len(key_list),
                   "abbreviation_keys": len(abbr_keys), "bigrams": int(len(w1k)),
                   "corpus_tokens": int(uni.sum()),
                   "corpus_lines_left_out": cc.dropped_lines, **counts_extra},
        "inputs": inputs,
        **familiarity_info,
        **(extra or {}),
        "seconds": round(time.time() - t0, 1),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
    manifest["integrity"] = stamp(out)   # sizes and sha256 of the files, in the manifest
    say(json.dumps(manifest["counts"]), f"in {manifest['seconds']}s")
    return manifest


def corpus_files(paths: list[Path]) -> list[Path]:
    """Files named, plus the .txt/.txt.gz files of folders named, except evaluation files
    found in a folder (`p2c/`, `*dev*`, `*test*`): those are never read by accident."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            for q in sorted(p.iterdir()):
                if not q.name.endswith((".txt", ".txt.gz")):
                    continue
                if is_evaluation_file(q):
                    print(f"skipping {q}: an evaluation file", file=sys.stderr)
                    continue
                files.append(q)
        else:
            files.append(p)
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, nargs="+", required=True,
                    help="corpus files or folders (.txt/.txt.gz, one sentence or paragraph per line)")
    ap.add_argument("--out", type=Path, default=Path("resources/lexicon"))
    ap.add_argument("--exclude", type=Path, nargs="*", default=[],
                    help="evaluation files (dev/test text, TSV too): corpus lines containing any "
                         "of their clauses of >= 10 Han characters are left out and counted")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--counts-cache", type=Path, default=None,
                    help="an .npz that keeps the segmented corpus counts between runs")
    ap.add_argument("--min-bigram-count", type=int, default=CompileConfig.min_bigram_count)
    ap.add_argument("--keep-gain", type=float, default=CompileConfig.keep_gain)
    ap.add_argument("--reading-penalty", type=float, default=CompileConfig.reading_penalty)
    ap.add_argument("--traditional-penalty", type=float,
                    default=CompileConfig.traditional_penalty,
                    help="nats charged to Traditional forms (們 for 们); 0 turns it off")
    ap.add_argument("--jieba-weight", type=float, default=CompileConfig.jieba_weight)
    ap.add_argument("--discount", type=float, default=CompileConfig.discount,
                    help="one Kneser-Ney discount for the bigram (default: modified Kneser-Ney, "
                         "three discounts from the counts of counts)")
    ap.add_argument("--cont-mix", type=float, default=CompileConfig.cont_mix,
                    help="weight of the continuation unigram in the base unigram")
    ap.add_argument("--extra-corpus", type=Path, nargs="*", default=[],
                    help="more text files (.txt/.txt.gz), counted on every run and added to "
                         "the (cached) corpus counts")
    ap.add_argument("--link-min-count", type=int, default=CompileConfig.link_min_count,
                    help="clause links (last word, next clause's first word) seen fewer times "
                         "are dropped")
    ap.add_argument("--link-keep-gain", type=float, default=CompileConfig.link_keep_gain,
                    help="... and those within this many nats of the clause-start bigram")
    ap.add_argument("--extra-weight", type=float, default=1.0,
                    help="multiply the extra corpus's counts by this (default 1)")
    ap.add_argument("--words", type=Path, nargs="*", default=[],
                    help="word lists: `word [count]` per line (count on jieba's scale, default "
                         f"{CompileConfig.word_list_count})")
    ap.add_argument("--provenance", type=Path, default=None,
                    help="a JSON file describing the extra text and word lists (source, "
                         "licence), copied into the manifest")
    ap.add_argument("--no-trigram", action="store_true", help="write the bigram model only")
    ap.add_argument("--no-triggers", action="store_true",
                    help="leave out the trigger pairs (core.lexicon.triggers)")
    ap.add_argument("--trigram-min-count", type=int, default=CompileConfig.trigram_min_count,
                    help="trigrams seen fewer times are pruned")
    ap.add_argument("--trigram-keep-gain", type=float, default=CompileConfig.trigram_keep_gain,
                    help="trigrams within this many nats of their back-off are pruned")
    args = ap.parse_args(argv)
    files = corpus_files(args.corpus)
    if not files:
        print(f"no corpus files under {args.corpus}", file=sys.stderr)
        return 2
    cfg = CompileConfig(min_bigram_count=args.min_bigram_count, keep_gain=args.keep_gain,
                        reading_penalty=args.reading_penalty, jieba_weight=args.jieba_weight,
                        traditional_penalty=args.traditional_penalty,
                        discount=args.discount, cont_mix=args.cont_mix,
                        trigram=not args.no_trigram, trigram_min_count=args.trigram_min_count,
                        trigram_keep_gain=args.trigram_keep_gain,
                        link_min_count=args.link_min_count, link_keep_gain=args.link_keep_gain,
                        triggers=not args.no_triggers)
    overlap = set(map(Path.resolve, files)) & set(map(Path.resolve, args.exclude))
    if overlap:
        print(f"refusing to compile: {', '.join(map(str, sorted(overlap)))} is both corpus and "
              "--exclude", file=sys.stderr)
        return 2
    try:
        compile_lexicon(files, args.out, cfg, workers=args.workers,
                        counts_cache=args.counts_cache, exclude=args.exclude,
                        extra=corpus_files(args.extra_corpus) if args.extra_corpus else [],
                        word_lists=args.words, provenance=args.provenance,
                        extra_weight=args.extra_weight)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
