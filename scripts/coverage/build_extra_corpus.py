"""Build the extra training text and word list that cover classical and idiomatic Chinese.

Reads fetched snapshots of chinese-poetry/chinese-poetry (famous poems and classics, MIT),
thunlp/THUOCL (domain word lists with document frequencies, MIT) and, optionally,
BYVoid/OpenCC (its phrase dictionary, Apache-2.0) and zispace/hanzi-words-zhwiki (the page
titles of the Chinese Wiktionary, CC BY-SA 4.0), and writes, outside the repository:

  OUT/text/*.txt        one poem line or passage per line, Simplified Chinese
  OUT/words.tsv         word <TAB> pseudo-count <TAB> source
  OUT/words_jieba_scale.tsv   the same counts / 0.05, for `core.lexicon.compile --words`
  OUT/probe/*.txt       held-out probes: poem lines and idioms that no training file holds
                        (only with --holdout-fraction above 0: a measurement build)
  OUT/provenance.json   per source: repository, commit, paths, licence, what was taken

Every text line that contains a clause (>= 10 Han characters) of an --exclude file is dropped
and counted, and so is every line that shares a clause with a held-out probe poem.

    python scripts/coverage/build_extra_corpus.py \\
        --poetry <chinese-poetry/chinese-poetry snapshot> \\
        --thuocl <thunlp/THUOCL snapshot> --opencc <BYVoid/OpenCC snapshot> \\
        --wiktionary <zispace/hanzi-words-zhwiki snapshot> \\
        --exclude ../shared/data/p2c/dev.txt --out ../extra_corpus
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
for p in (HERE, REPO):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from mirror import Mirror  # noqa: E402
from sources import (  # noqa: E402
    HAN,
    POETRY_FILES,
    RESERVED_TITLES,
    THUOCL_LISTS,
    PoetryFile,
    clean_line,
    read_opencc_phrases,
    read_poetry,
    read_thuocl,
    read_title_list,
)

from core.exclusion import ClauseGuard  # noqa: E402
from core.filehash import sha256_file  # noqa: E402

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


@dataclass(frozen=True)
class ExtraConfig:
    # Of poems and idioms, kept out of everything for the probes. The shipped build holds out
    # nothing (a user's famous line or idiom must not be missing because it was drawn for a
    # probe); a measurement build passes --holdout-fraction 0.05 to see what is learnt.
    holdout_fraction: float = 0.0
    probe_lines: int = 200           # poem lines in probe/poem_lines.txt
    probe_idioms: int = 200          # idioms in each idiom probe
    # THUOCL frequencies count documents of a large web corpus. On the 7,874 four-character
    # idioms of THUOCL_chengyu, our corpus's count is 0.010 (mean) to 0.0135 (median) of that
    # figure, so 0.01 puts a listed word at about the count the corpus would give it.
    thuocl_scale: float = 0.01
    # The lists are there for words the corpus lacks or barely has; a word seen 50 times in 44 M
    # tokens is already well estimated, so no pseudo-count goes above that (the car, food and
    # finance lists count on another scale, up to 1.9 M, and would otherwise swamp it).
    max_count: float = 50.0
    min_count: float = 1.0           # floor, so that every listed word is a real candidate
    # An idiom typed whole is nearly always meant, but at the floor of 1 a run of everyday words
    # outranks it (先入之见 → 陷入之间, 不失时机 → 不是实际). At 5, idioms typed whole come out
    # right 99 % of the time (98 % before) and dev.txt does not move (docs/RESULTS.md).
    idiom_min_count: float = 5.0
    opencc_count: float = 1.0        # OpenCC phrases carry no frequency: the floor only
    wiktionary_count: float = 1.0    # nor do Wiktionary's titles
    max_word_len: int = 8            # the lexicon's longest word
    # `core.lexicon.compile --words` reads counts on jieba's scale and multiplies them by its
    # jieba_weight (0.05); words_jieba_scale.tsv carries the same pseudo-counts in that unit.
    jieba_weight: float = 0.05
    min_probe_run: int = 5           # held-out clauses this long or longer are guarded
    min_probe_han: int = 8           # probe lines as long as dev.txt's shortest clauses
    # Every line of the famous anthologies (唐诗三百首, 宋词三百首, 千家诗) and of 诗经 is also
    # listed as a word, as IME dictionaries list famous lines: typed whole, a listed line comes
    # out right (99 % exact, against 3 % for an unlisted one read word by word). Four characters
    # at least (诗经's lines, 宋词's 寻寻觅觅): with one pseudo-count, the 7,600 lines this
    # added did not move dev.txt (docs/RESULTS.md), and shorter ones would stand in for words.
    famous_line_min: int = 4
    famous_line_count: float = 1.0


LICENCES = {
    "chinese-poetry/chinese-poetry": ("MIT", "LICENSE"),
    "thunlp/THUOCL": ("MIT", "LICENSE"),
    "BYVoid/OpenCC": ("Apache-2.0", "LICENSE"),
    # The snapshot is an automated export of zh.wiktionary's page titles (Simplified) and has
    # no licence file of its own; the titles are Wiktionary's, under CC BY-SA 4.0.
    "zispace/hanzi-words-zhwiki": ("CC-BY-SA-4.0", None),
}

WIKTIONARY_DIR = "dict/zhwiktionary/main"

SKIPPED = [
    {"repo": "pwxcoo/chinese-xinhua", "licence": "MIT",
     "why": "data/idiom.json and data/ci.json are 4 MiB or larger and absent from the snapshot; "
            "data/xiehouyu.json is already corpus/xinhua_xiehouyu.txt.gz"},
    {"repo": "iDvel/rime-ice", "licence": "GPL-3.0-only",
     "why": "its slang and name lists are GPL-3.0; the shipped lexicon is MIT"},
    {"repo": "ispacekid/wxa-internet-slangs", "licence": None, "why": "no licence"},
    {"repo": "zispace/hanzi-words-zhwiki", "licence": "CC-BY-SA-4.0",
     "why": "not taken: dict/zhwiki (1.45 M Wikipedia titles not in the lexicon, mostly names of "
            "people, places and species) would about double the lexicon's size"},
    {"repo": "chinese-poetry/chinese-poetry", "licence": "MIT",
     "why": "not taken: 元曲, 全宋诗, the rest of 全唐诗 and 全宋词 (about a million lines of "
            "rarely quoted verse would swamp everyday text), rank/ (search-hit counts, noisy)"},
]


def _hash_unit(key: str) -> float:
    """A stable number in [0, 1) for `key`: the same poem is held out on every run."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:12], 16) / float(1 << 48)


def han_key(text: str) -> str:
    return "".join(HAN.findall(text))


@dataclass
class SourceReport:
    name: str
    repo: str
    commit: str | None
    commit_date: str | None
    licence: str | None
    licence_file: str | None
    paths: list[str]
    what: str
    files: int = 0              # files read (a folder in `paths` stands for many)
    lines: int = 0
    han_chars: int = 0
    words: int = 0
    poems: int = 0
    poems_held_out: int = 0
    dropped: dict[str, int] = field(default_factory=dict)

    def drop(self, why: str, n: int = 1) -> None:
        self.dropped[why] = self.dropped.get(why, 0) + n


def _report(name: str, mirror: Mirror, paths: list[str], what: str) -> SourceReport:
    licence, licence_file = LICENCES.get(mirror.repo, (None, None))
    if licence_file and not mirror.exists(licence_file):
        licence_file = None
    return SourceReport(name, mirror.repo, mirror.commit(), mirror.commit_date(), licence,
                        licence_file, paths, what)


def build_text(poetry: Mirror, cfg: ExtraConfig, guard: ClauseGuard | None,
               convert: Callable[[str], str], specs: tuple[PoetryFile, ...] = POETRY_FILES
               ) -> tuple[dict[str, list[str]], list[str], list[str], list[SourceReport]]:
    """Lines per output file, probe lines, every held-out line, and the per-source reports."""
    kept: dict[str, list[str]] = {}
    reports: list[SourceReport] = []
    seen: set[str] = set()
    probe_pool: list[tuple[float, str]] = []
    held_runs: set[str] = set()
    held_lines: list[str] = []
    for spec in specs:
        rep = _report(spec.name, poetry, list(spec.paths), spec.what)
        out: list[str] = []
        files: set[str] = set()
        for path, poem in read_poetry(poetry, spec, convert):
            files.add(path)
            if any(t in poem.title for t in RESERVED_TITLES):
                rep.drop("reserved work (four classic novels)", len(poem.lines))
                continue
            conv = convert if spec.traditional else None
            lines = [c for c in (clean_line(raw, conv) for raw in poem.lines) if c]
            if not lines:
                continue
            rep.poems += 1
            key = han_key(lines[0])[:16]
            u = _hash_unit(key)
            if u < cfg.holdout_fraction:
                rep.poems_held_out += 1
                held_lines.extend(lines)
                for line in lines:
                    held_runs.update(r for r in HAN_RUN.findall(line) if len(r) >= cfg.min_probe_run)
                    if spec.anthology:
                        probe_pool.append((_hash_unit(line), line))
                continue
            for line in lines:
                k = han_key(line)
                if k in seen:
                    rep.drop("duplicate line")
                    continue
                seen.add(k)
                out.append(line)
        kept[spec.name] = out
        rep.files = len(files)
        reports.append(rep)
    # Second pass: held-out clauses are known only now, and a poem can sit in two collections.
    for rep in reports:
        lines = kept[rep.name]
        clean: list[str] = []
        for line in lines:
            if any(r in held_runs for r in HAN_RUN.findall(line)):
                rep.drop("shares a clause with a held-out probe poem")
                continue
            if guard is not None and guard.contains(line):
                rep.drop("contains an evaluation clause (--exclude)")
                continue
            clean.append(line)
        kept[rep.name] = clean
        rep.lines = len(clean)
        rep.han_chars = sum(len(HAN.findall(x)) for x in clean)
    probe: list[str] = []
    seen_probe: set[str] = set()
    for _u, line in sorted(probe_pool):
        k = han_key(line)
        if len(k) < cfg.min_probe_han or k in seen_probe:
            continue
        if guard is not None and guard.contains(line):
            continue
        seen_probe.add(k)
        probe.append(line)
        if len(probe) >= cfg.probe_lines:
            break
    return kept, probe, held_lines, reports


def build_words(thuocl: Mirror | None, opencc: Mirror | None, cfg: ExtraConfig,
                held_text: str = "", wiktionary: Mirror | None = None
                ) -> tuple[dict[str, tuple[float, str]], list[str], list[SourceReport]]:
    """word -> (pseudo-count, source); held-out idioms; per-list reports.

    `held_text` is the held-out probe poems' text, one clause a line: a listed word of four or
    more characters inside it (THUOCL's poem list holds whole famous lines) is left out, so
    that the probe measures what was learnt, not what was listed."""
    words: dict[str, tuple[float, str]] = {}
    held: list[str] = []
    reports: list[SourceReport] = []

    def in_probe(word: str) -> bool:
        return len(word) >= 4 and word in held_text

    def add(word: str, count: float, source: str) -> bool:
        old = words.get(word)
        if old is None or count > old[0]:
            words[word] = (count, source)
        return old is None

    if thuocl is not None:
        for wl in THUOCL_LISTS:
            if not thuocl.exists(wl.path):
                continue
            rep = _report(wl.name, thuocl, [wl.path], wl.what)
            rep.files = 1
            for word, df in read_thuocl(thuocl.read(wl.path), cfg.max_word_len):
                if wl.name == "thuocl_chengyu" and _hash_unit(word) < cfg.holdout_fraction:
                    held.append(word)
                    continue
                if in_probe(word):
                    rep.drop("inside a held-out probe poem")
                    continue
                floor = cfg.idiom_min_count if wl.name == "thuocl_chengyu" else cfg.min_count
                count = min(cfg.max_count, max(floor, round(cfg.thuocl_scale * df, 2)))
                rep.words += add(word, count, wl.name)
            reports.append(rep)
    held_set = set(held)
    if opencc is not None:
        path = "data/dictionary/STPhrases.txt"
        rep = _report("opencc_stphrases", opencc, [path],
                      "Simplified keys of the Simplified-to-Traditional phrase table")
        rep.files = 1
        for word in read_opencc_phrases(opencc.read(path), cfg.max_word_len):
            if word in held_set:
                rep.drop("held-out idiom")
                continue
            if in_probe(word):
                rep.drop("inside a held-out probe poem")
                continue
            rep.words += add(word, cfg.opencc_count, rep.name)
        reports.append(rep)
    if wiktionary is not None:
        # Everyday words the corpus lacks (摆烂, 社牛, 破防, 搭子) with many rare ones; at
        # the floor count they fill candidate pages and join longer words without outranking
        # a word the corpus has seen.
        paths = wiktionary.list(WIKTIONARY_DIR)
        rep = _report("zhwiktionary", wiktionary, [WIKTIONARY_DIR],
                      "zh.wiktionary page titles (Simplified), GB 2312 characters only")
        rep.files = len(paths)
        for path in paths:
            for word in read_title_list(wiktionary.read(path), cfg.max_word_len):
                if word in held_set:
                    rep.drop("held-out idiom")
                elif in_probe(word):
                    rep.drop("inside a held-out probe poem")
                elif word in words:
                    rep.drop("already listed")
                else:
                    rep.words += add(word, cfg.wiktionary_count, rep.name)
        reports.append(rep)
    for w in held_set:
        words.pop(w, None)
    return words, sorted(held, key=_hash_unit)[: cfg.probe_idioms], reports


def add_famous_lines(words: dict[str, tuple[float, str]], lines: list[str], source: str,
                     cfg: ExtraConfig) -> int:
    """List each clause of an anthology's (kept, not held-out) lines as a word; returns how many
    were new. A word already listed keeps its count and source."""
    added = 0
    for line in lines:
        for run in HAN_RUN.findall(line):
            if cfg.famous_line_min <= len(run) <= cfg.max_word_len and run not in words:
                words[run] = (cfg.famous_line_count, f"famous_lines_{source}")
                added += 1
    return added


def listed_idiom_probe(words: dict[str, tuple[float, str]], n: int) -> list[str]:
    """Idioms that are in words.tsv: a probe of the word list's own effect (not of learning)."""
    idioms = [w for w, (_c, s) in words.items() if s == "thuocl_chengyu" and len(w) == 4]
    return sorted(idioms, key=lambda w: _hash_unit("listed:" + w))[:n]


def t2s_converter() -> Callable[[str], str]:
    import opencc  # PyPI OpenCC

    cc = opencc.OpenCC("t2s")
    return cc.convert


def write_outputs(out: Path, text: dict[str, list[str]], words: dict[str, tuple[float, str]],
                  probes: dict[str, list[str]], provenance: dict, jieba_weight: float) -> None:
    (out / "text").mkdir(parents=True, exist_ok=True)
    (out / "probe").mkdir(parents=True, exist_ok=True)
    for old in (out / "text").glob("*.txt"):
        old.unlink()
    for name, lines in text.items():
        if lines:
            (out / "text" / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = sorted(words.items(), key=lambda kv: (-kv[1][0], kv[0]))
    with open(out / "words.tsv", "w", encoding="utf-8") as fh:
        for w, (c, s) in rows:
            fh.write(f"{w}\t{c:g}\t{s}\n")
    with open(out / "words_jieba_scale.tsv", "w", encoding="utf-8") as fh:
        for w, (c, s) in rows:
            fh.write(f"{w}\t{round(c / jieba_weight, 2):g}\t{s}\n")
    for name, lines in probes.items():
        (out / "probe" / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "provenance.json").write_text(json.dumps(provenance, ensure_ascii=False, indent=1),
                                         encoding="utf-8")


def build(poetry: Mirror | None, thuocl: Mirror | None, opencc: Mirror | None, out: Path,
          exclude: list[Path], cfg: ExtraConfig = ExtraConfig(),
          convert: Callable[[str], str] | None = None,
          specs: tuple[PoetryFile, ...] = POETRY_FILES,
          wiktionary: Mirror | None = None) -> dict:
    """Build everything into `out` and return the provenance record."""
    guard = ClauseGuard.from_files(exclude) if exclude else None
    convert = convert or t2s_converter()
    text: dict[str, list[str]] = {}
    probe_lines: list[str] = []
    held_lines: list[str] = []
    reports: list[SourceReport] = []
    if poetry is not None:
        text, probe_lines, held_lines, reports = build_text(poetry, cfg, guard, convert, specs)
    held_text = "\n".join(r for line in held_lines for r in HAN_RUN.findall(line))
    words, held_idioms, word_reports = build_words(thuocl, opencc, cfg, held_text, wiktionary)
    reports += word_reports
    listed_lines = {sp.name for sp in specs if sp.anthology or sp.lines_listed}
    for rep in (r for r in reports if r.name in listed_lines):
        rep.words = add_famous_lines(words, text.get(rep.name, []), rep.name, cfg)
    probes = {"poem_lines": probe_lines, "idioms_heldout": held_idioms,
              "idioms_listed": listed_idiom_probe(words, cfg.probe_idioms)}
    dropped_eval = sum(r.dropped.get("contains an evaluation clause (--exclude)", 0)
                       for r in reports)
    provenance = {
        "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "builder": "scripts/coverage/build_extra_corpus.py",
        "config": asdict(cfg),
        "excluded_clauses_from": {p.name: sha256_file(p) for p in exclude},
        "lines_dropped_for_evaluation_clauses": dropped_eval,
        "totals": {"text_lines": sum(len(v) for v in text.values()),
                   "text_han_chars": sum(r.han_chars for r in reports),
                   "words": len(words),
                   "probe": {k: len(v) for k, v in probes.items()}},
        "sources": [asdict(r) for r in reports],
        "skipped": SKIPPED,
        "traditional_conversion": "OpenCC t2s (PyPI OpenCC)",
    }
    write_outputs(out, text, words, probes, provenance, cfg.jieba_weight)
    return provenance


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--poetry", type=Path, help="chinese-poetry/chinese-poetry snapshot")
    ap.add_argument("--thuocl", type=Path, help="thunlp/THUOCL snapshot")
    ap.add_argument("--opencc", type=Path, help="BYVoid/OpenCC snapshot")
    ap.add_argument("--wiktionary", type=Path, help="zispace/hanzi-words-zhwiki snapshot")
    ap.add_argument("--out", type=Path, default=Path("../extra_corpus"))
    default_dev = REPO.parent / "shared" / "data" / "p2c" / "dev.txt"
    ap.add_argument("--exclude", type=Path, nargs="*",
                    default=[default_dev] if default_dev.is_file() else [],
                    help="evaluation files: text lines holding any of their clauses are dropped")
    ap.add_argument("--holdout-fraction", type=float, default=ExtraConfig.holdout_fraction,
                    help="share of poems and idioms held out for the probes (a measurement "
                         "build; 0.05 was used); the shipped build holds out none")
    args = ap.parse_args(argv)
    if args.out.resolve().is_relative_to(REPO.resolve()):
        print("refusing to write inside the repository: pick an --out outside it", file=sys.stderr)
        return 2
    cfg = ExtraConfig(holdout_fraction=args.holdout_fraction)
    mirrors = {
        "poetry": Mirror(args.poetry, "chinese-poetry/chinese-poetry") if args.poetry else None,
        "thuocl": Mirror(args.thuocl, "thunlp/THUOCL") if args.thuocl else None,
        "opencc": Mirror(args.opencc, "BYVoid/OpenCC") if args.opencc else None,
        "wiktionary": (Mirror(args.wiktionary, "zispace/hanzi-words-zhwiki")
                       if args.wiktionary else None),
    }
    prov = build(mirrors["poetry"], mirrors["thuocl"], mirrors["opencc"], args.out,
                 args.exclude, cfg, wiktionary=mirrors["wiktionary"])
    for r in prov["sources"]:
        print(f"{r['name']:20s} lines {r['lines']:7,d}  han {r['han_chars']:9,d}  "
              f"words {r['words']:6,d}  dropped {r['dropped']}", file=sys.stderr)
    print(json.dumps(prov["totals"], ensure_ascii=False), file=sys.stderr)
    print(f"dropped {prov['lines_dropped_for_evaluation_clauses']} lines holding an evaluation "
          f"clause; wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
