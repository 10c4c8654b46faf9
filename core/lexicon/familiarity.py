"""How familiar a word is to someone typing: the prior that ranks words typed as initials.

A person who types `zd` means a word they use, and the corpus's own frequency is a poor guide
to that: its biggest sources (news, laws, software documentation) put 列表, 线程 and 输出 above
真的, 觉得 and 快递. So at build time each corpus source is sampled (an even stride through it,
at most `sample_chars` Han characters) and segmented, and a word's familiarity is a mixture of
  - its relative frequency averaged over the sources, each source counting once (a word common
    across kinds of text is familiar; one that only documentation uses is not), and
  - its relative frequency in the typing-register sources (chat, SMS, social media, reviews,
    dialogue), which is how people write when they type,
with a little of the lexicon's own unigram so that words no sample saw keep their order.
The result is stored with the lexicon as `abbr_uni.npy` (natural-log probability, float16);
`core.engine.abbreviation` ranks initials by it where no committed context says more.

Build-time only: it needs jieba, as `core.lexicon.compile` does.
"""
from __future__ import annotations

import gzip
import multiprocessing as mp
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from core.exclusion import ClauseGuard

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

FILE = "abbr_uni"        # the lexicon file: <FILE>.npy

# Corpus sources (file stems in ../shared/data/corpus) written the way people type.
TYPING_REGISTER = (
    "weibo_ced_rumor", "online_shopping", "hotel_reviews", "nus_sms_zh_simplified",
    "msctd_subtitle_dialogue_zh", "cped_tv_dialogue_valtest", "kdconv_devtest",
    "crosswoz_valtest", "medical_dialogue_neike", "chatterbot_zh",
)


@dataclass(frozen=True)
class FamiliarityConfig:
    sample_chars: int = 400_000     # Han characters sampled per source (about 10 s of jieba)
    balanced_weight: float = 0.45   # every source once
    register_weight: float = 0.45   # the typing-register sources pooled
    unigram_weight: float = 0.10    # the lexicon's unigram, for words no sample saw
    register: tuple[str, ...] = field(default=TYPING_REGISTER)


@dataclass
class SourceSample:
    name: str
    tokens: int
    counts: Counter


def source_name(path: Path) -> str:
    """The corpus file's stem: weibo_ced_rumor.txt.gz -> weibo_ced_rumor."""
    name = path.name
    for suffix in (".gz", ".txt"):
        name = name.removesuffix(suffix)
    return name


def _sample_source(args: tuple[Path, int, ClauseGuard | None]) -> SourceSample:
    """Every k-th line of one file, segmented; k spreads `sample_chars` over the whole file."""
    import jieba

    jieba.setLogLevel(60)
    path, sample_chars, guard = args
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        lines = fh.read().splitlines()
    head = lines[:2000]
    per_line = sum(len(HAN.findall(x)) for x in head) / max(1, len(head))
    stride = max(1, int(per_line * len(lines) // max(1, sample_chars)))
    counts: Counter = Counter()
    tokens = 0
    for line in lines[::stride]:
        if guard is not None and guard.contains(line):
            continue
        for w in jieba.lcut(line, HMM=False):
            if HAN.match(w):
                counts[w] += 1
                tokens += 1
    return SourceSample(source_name(path), tokens, counts)


def sample_sources(files: list[Path], cfg: FamiliarityConfig, workers: int = 2,
                   guard: ClauseGuard | None = None) -> list[SourceSample]:
    """Segmented samples of each corpus file (empty files are left out)."""
    jobs = [(p, cfg.sample_chars, guard) for p in files]
    if workers <= 1:
        samples = [_sample_source(j) for j in jobs]
    else:
        with mp.Pool(workers) as pool:
            samples = pool.map(_sample_source, jobs, chunksize=1)
    return [s for s in samples if s.tokens]


def familiarity(words: list[str], uni: np.ndarray, samples: list[SourceSample],
                cfg: FamiliarityConfig) -> np.ndarray:
    """log P(word) for ranking initials, one per lexicon word (`uni`: the lexicon's unigram)."""
    index = {w: i for i, w in enumerate(words)}
    balanced = np.zeros(len(words), dtype=np.float64)
    register = np.zeros(len(words), dtype=np.float64)
    register_tokens = sum(s.tokens for s in samples if s.name in cfg.register)
    for s in samples:
        mine = s.name in cfg.register
        for w, k in s.counts.items():
            i = index.get(w)
            if i is None:
                continue
            balanced[i] += k / s.tokens / len(samples)
            if mine:
                register[i] += k / register_tokens
    wb, wr, wu = cfg.balanced_weight, cfg.register_weight, cfg.unigram_weight
    if not register_tokens:      # a corpus without such sources: balanced and unigram only
        wb, wr = wb + wr, 0.0
    if not samples:
        wb = wr = 0.0
        wu = 1.0
    p = wb * balanced + wr * register + wu * np.exp(np.asarray(uni, dtype=np.float64))
    return np.log(np.maximum(p, 1e-30)).astype(np.float32)


def describe(samples: list[SourceSample], cfg: FamiliarityConfig) -> dict:
    """What the manifest records: the settings and the tokens sampled per source."""
    return {"config": asdict(cfg),
            "sampled_tokens": {s.name: s.tokens for s in samples}}
