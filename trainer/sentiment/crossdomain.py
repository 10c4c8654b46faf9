"""Cross-domain check of the wide path's features: each review source held out in turn.

    python -m trainer.sentiment.crossdomain --data ../shared/data/sentiment --json out.json

Trains linear models in seconds (scikit-learn logistic regression over exactly the hashed
TF-IDF ids the shipped model's wide path reads, from core.analysis.features) on two sources
and tests on the third, beside TF-IDF char 1-2-gram + LR (trainer.sentiment.baselines) trained
on the same rows, with the paired bootstrap of `metrics.paired_bootstrap`. It is how features
were chosen before a full `finetune-sentiment` run; its figures are the wide path alone, not
the shipped model (for that, `finetune-sentiment --train ... --test ...`, see docs/RESULTS.md).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import time
from pathlib import Path

import numpy as np

from core.analysis.features import FeatureConfig, wide_ids_from_words, wide_window_words
from trainer.sentiment.data import Example, load_labelled, remove_overlap

# held-out name -> (training files, test files); file stems under --data
SPLITS = {
    "onlineshop7": (["chnsenticorp_train", "htl_all_extra_train"], ["onlineshop7_train"]),
    "chnsenticorp": (["onlineshop7_train", "htl_all_extra_train"],
                     ["chnsenticorp_train", "chnsenticorp_dev", "chnsenticorp_test"]),
    "htl_all_extra": (["chnsenticorp_train", "onlineshop7_train"], ["htl_all_extra_train"]),
    # one source alone against the other domain
    "cs->onlineshop7": (["chnsenticorp_train"], ["onlineshop7_train"]),
    "onlineshop7->cs": (["onlineshop7_train"], ["chnsenticorp_train", "chnsenticorp_dev", "chnsenticorp_test"]),
    # in domain: all three sources, ChnSentiCorp test
    "in-domain": (["chnsenticorp_train", "onlineshop7_train", "htl_all_extra_train"], ["chnsenticorp_test"]),
}


@dataclasses.dataclass(frozen=True)
class WideSpec:
    """One linear system: which of the wide path's features it reads and how it is fitted."""
    name: str
    features: FeatureConfig
    c_scale: float = 1.0      # LR's C = c_scale / (3e-6 N): the trainer's wide_l2 at c_scale 1
    balance_sources: bool = False  # every training file weighs the same in the loss


def _load(data: Path, stems: list[str]) -> list[Example]:
    out: list[Example] = []
    for stem in stems:
        ex, _ = load_labelled(data / f"{stem}.tsv")
        out.extend(dataclasses.replace(e, source=stem) for e in ex)
    return out


class WordCache:
    """jieba words of each text's wide window, kept on disk between runs (segmenting is the slow part)."""

    def __init__(self, path: Path | None, cfg: FeatureConfig) -> None:
        self.path = path
        self.cfg = cfg
        self.words: dict[str, list[str]] = {}
        if path and path.exists():
            self.words = pickle.loads(path.read_bytes())

    def get(self, text: str) -> list[str]:
        if text not in self.words:
            self.words[text] = wide_window_words(text, self.cfg)
        return self.words[text]

    def save(self) -> None:
        if self.path:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_bytes(pickle.dumps(self.words))


def tfidf_matrix(rows: list[list[int]], n_cols: int, idf: np.ndarray | None = None):
    """The wide path's input as a sparse matrix: each occurrence adds idf / norm, norm over occurrences."""
    from scipy.sparse import csr_matrix

    if idf is None:
        df = np.zeros(n_cols)
        for r in rows:
            df[np.unique(r)] += 1
        idf = np.log((1 + len(rows)) / (1 + df)) + 1
        idf[0] = 0.0
    indptr = [0]
    indices: list[int] = []
    values: list[float] = []
    for r in rows:
        v = idf[r]
        norm = max(np.sqrt((v ** 2).sum()), 1e-3)
        indices.extend(r)
        values.extend(v / norm)
        indptr.append(len(indices))
    m = csr_matrix((values, indices, indptr), shape=(len(rows), n_cols))
    m.sum_duplicates()
    return m, idf


def fit_predict(spec: WideSpec, train: list[Example], tests: list[Example], cache: WordCache) -> list[int]:
    from sklearn.linear_model import LogisticRegression

    cfg = spec.features
    n_cols = cfg.char_buckets + cfg.word_buckets + 1
    tr_rows = [wide_ids_from_words(e.text, cache.get(e.text), cfg) for e in train]
    x, idf = tfidf_matrix(tr_rows, n_cols)
    y = np.array([e.label for e in train])
    weight = np.ones(len(train))
    if spec.balance_sources:
        sources = sorted({e.source for e in train})
        counts = {s: sum(e.source == s for e in train) for s in sources}
        weight = np.array([len(train) / (len(sources) * counts[e.source]) for e in train])
    c = spec.c_scale / (3e-6 * len(train))
    model = LogisticRegression(C=c, solver="liblinear", class_weight="balanced", max_iter=1000)
    model.fit(x, y, sample_weight=weight)
    te_rows = [wide_ids_from_words(e.text, cache.get(e.text), cfg) for e in tests]
    xt, _ = tfidf_matrix(te_rows, n_cols, idf)
    return [int(p) for p in model.predict(xt)]


def default_specs(lexicon: str) -> list[WideSpec]:
    base = FeatureConfig(word_buckets=262_144, char_buckets=262_144, wide_chars=1024)
    lex = dataclasses.replace(base, lexicon=lexicon)
    return [
        WideSpec("wide", base),
        WideSpec("wide+lex", lex),
        WideSpec("wide+lex x4", dataclasses.replace(lex, lexicon_repeat=4)),
        WideSpec("wide+lex x4 bal", dataclasses.replace(lex, lexicon_repeat=4), balance_sources=True),
    ]


def run(data: Path, splits: list[str], specs: list[WideSpec], cache_path: Path | None,
        log=print) -> dict:
    from trainer.sentiment.baselines import TfidfLogReg
    from trainer.sentiment.metrics import paired_bootstrap

    cache = WordCache(cache_path, specs[0].features)
    results: dict = {}
    for split in splits:
        train_stems, test_stems = SPLITS[split]
        train = _load(data, train_stems)
        tests = _load(data, test_stems)
        # a test text read twice (ChnSentiCorp train/dev/test share none after cleaning) counts once
        seen: set[str] = set()
        tests = [e for e in tests if not (e.text in seen or seen.add(e.text))]
        train = remove_overlap(train, tests)
        gold = np.array([e.label for e in tests])
        t0 = time.monotonic()
        base_pred = np.array(TfidfLogReg().fit(train).predict([e.text for e in tests]))
        base_ok = base_pred == gold
        row = {"train": train_stems, "test": test_stems, "train_rows": len(train), "test_rows": len(tests),
               "tfidf_lr": float(base_ok.mean() * 100), "systems": {}}
        log(f"{split}: train {len(train)} ({'+'.join(train_stems)}), test {len(tests)}; "
            f"TF-IDF+LR {row['tfidf_lr']:.2f} ({time.monotonic() - t0:.0f}s)")
        for spec in specs:
            t0 = time.monotonic()
            ok = np.array(fit_predict(spec, train, tests, cache)) == gold
            d = paired_bootstrap(ok, base_ok)
            row["systems"][spec.name] = {"accuracy": float(ok.mean() * 100), "gap": d.diff,
                                         "low": d.low, "high": d.high, "p_better": d.p_a_better}
            log(f"  {spec.name:<24} {ok.mean() * 100:6.2f}  vs TF-IDF+LR {d.diff:+.2f} "
                f"[{d.low:+.2f}, {d.high:+.2f}] ahead in {d.p_a_better:.1%} ({time.monotonic() - t0:.0f}s)")
        results[split] = row
        cache.save()
    return results


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, default=Path("../shared/data/sentiment"))
    p.add_argument("--splits", nargs="+", default=list(SPLITS), choices=list(SPLITS))
    p.add_argument("--lexicon", default="resources/sentiment_lexicon/lexicon.tsv")
    p.add_argument("--systems", nargs="*", help="names of default_specs to run (default: all)")
    p.add_argument("--cache", type=Path, help="file keeping the jieba words of each text between runs")
    p.add_argument("--json", type=Path)
    args = p.parse_args(argv)
    specs = default_specs(args.lexicon)
    if args.systems:
        specs = [s for s in specs if s.name in args.systems]
    results = run(args.data, args.splits, specs, args.cache)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
