"""The domain lexicon layer: the user's words and word pairs, compiled like the system lexicon.

Words: jieba (no HMM) with the system lexicon's words as its dictionary plus the new words
found by `trainer.adapt.newwords`; counts of words and word pairs of the training text;
readings from pypinyin; estimation and file format from `core.lexicon.compile`.
"""
from __future__ import annotations

import io
import multiprocessing as mp
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from core.lexicon.compile import CompileConfig, CorpusCounts, write_lexicon
from core.lexicon.domain import LAYER_KIND
from core.lexicon.format import BOS, EOS
from core.lexicon.system import SystemLexicon
from trainer.adapt.newwords import DiscoveryConfig, NewWord, RunBuffer, discover

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
DICT_SCALE = 1e8          # jieba frequencies: probability times this


@dataclass(frozen=True)
class LayerConfig:
    discovery: DiscoveryConfig = DiscoveryConfig()
    max_chars: int = 60_000_000    # Han characters counted (the rest of a huge corpus is skipped)
    discovery_chars: int = 20_000_000
    workers: int = 2
    chunk_lines: int = 2000


# --- segmentation in worker processes -----------------------------------------------------

_TOK = None


def _seg_init(dict_bytes: bytes) -> None:
    global _TOK
    import jieba

    jieba.setLogLevel(60)
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total = tok.gen_pfdict(io.BytesIO(dict_bytes))
    tok.initialized = True
    _TOK = tok


def _seg_chunk(lines: list[str]) -> list[list[str]]:
    assert _TOK is not None
    out = []
    for line in lines:
        for run in HAN_RUN.findall(line):
            out.append(_TOK.lcut(run, HMM=False))
    return out


def jieba_dictionary(system: SystemLexicon, new_words: list[NewWord], domain_chars: int) -> bytes:
    """A jieba dictionary: the system lexicon's words at their unigram probability, and the new
    words at their relative frequency in the user's text."""
    uni = np.exp(system.uni.astype(np.float64))
    lines = []
    for w, p in zip(system.words[2:], uni[2:].tolist()):
        lines.append(f"{w} {max(1, int(p * DICT_SCALE))}")
    for nw in new_words:
        lines.append(f"{nw.text} {max(1, int(nw.count / max(domain_chars, 1) * DICT_SCALE))}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _chunks(lines: Iterator[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _capped(lines: Iterator[str], max_chars: int) -> Iterator[str]:
    seen = 0
    for line in lines:
        yield line
        seen += sum(len(r) for r in HAN_RUN.findall(line))
        if seen >= max_chars:
            return


def count_words(lines: Iterator[str], dict_bytes: bytes, cfg: LayerConfig,
                progress: Callable[[int], None] | None = None) -> CorpusCounts:
    vocab: dict[str, int] = {BOS: 0, EOS: 1}
    ids: list[np.ndarray] = []
    done = 0
    ctx = mp.get_context("fork") if hasattr(mp, "get_context") else mp
    pool = ctx.Pool(cfg.workers, _seg_init, (dict_bytes,)) if cfg.workers > 1 else None
    if pool is None:
        _seg_init(dict_bytes)
    try:
        chunks = _chunks(lines, cfg.chunk_lines)
        results = pool.imap(_seg_chunk, chunks) if pool else map(_seg_chunk, chunks)
        for clauses in results:
            seq: list[int] = []
            for words in clauses:
                seq.append(0)
                for w in words:
                    wid = vocab.get(w)
                    if wid is None:
                        wid = vocab[w] = len(vocab)
                    seq.append(wid)
                    done += len(w)
                seq.append(1)
            if seq:
                ids.append(np.asarray(seq, dtype=np.int32))
            if progress:
                progress(done)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    if not ids:
        raise ValueError("the training text has no Han characters")
    arr = np.concatenate(ids)
    V = len(vocab)
    uni = np.bincount(arr, minlength=V).astype(np.int64)
    a, b = arr[:-1].astype(np.int64), arr[1:].astype(np.int64)
    keep = ~((a == 1) & (b == 0))
    codes, counts = np.unique(a[keep] * V + b[keep], return_counts=True)
    words = [""] * V
    for w, i in vocab.items():
        words[i] = w
    return CorpusCounts(words, uni, codes, counts, 0)


def build_layer(read_lines: Callable[[], Iterator[str]], out: Path, *, system: SystemLexicon,
                cfg: LayerConfig = LayerConfig(), lam: float = 0.3,
                progress: Callable[[str, int, int | None], None] | None = None) -> dict:
    """Build the layer from the training text (`read_lines()` streams it; called twice)."""
    t0 = time.time()
    buf = RunBuffer()
    for line in _capped(read_lines(), cfg.discovery_chars):
        for run in HAN_RUN.findall(line):
            buf.add(run)
    domain_chars = buf.chars
    if progress:
        progress("discovery", 0, None)
    found = discover(buf.array(), lambda w: system.word_id(w) is not None, cfg.discovery)
    del buf
    dict_bytes = jieba_dictionary(system, found, domain_chars)
    total = min(domain_chars, cfg.max_chars) if domain_chars < cfg.discovery_chars else None
    cc = count_words(_capped(read_lines(), cfg.max_chars), dict_bytes, cfg,
                     (lambda d: progress("segment", d, total)) if progress else None)
    out.mkdir(parents=True, exist_ok=True)
    ccfg = CompileConfig()
    manifest = write_lexicon(
        cc, out, ccfg, jieba_freq={}, t0=t0, log=False,
        inputs={"training_han_chars": _han_chars(cc)},
        extra={"kind": LAYER_KIND, "lambda": lam, "new_words": len(found),
               "discovery": asdict(cfg.discovery),
               "new_word_examples": [w.text for w in found[:50]]})
    (out / "new_words.tsv").write_text(
        "word\tcount\tpmi\tleft_entropy\tright_entropy\n" + "".join(
            f"{w.text}\t{w.count}\t{w.pmi:.2f}\t{w.left_entropy:.2f}\t{w.right_entropy:.2f}\n"
            for w in found), encoding="utf-8")
    return manifest


def layer_size_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).iterdir() if f.is_file())


def _han_chars(cc: CorpusCounts) -> int:
    lengths = np.fromiter((len(w) for w in cc.words), dtype=np.int64, count=len(cc.words))
    lengths[:2] = 0
    return int(cc.uni.dot(lengths))
