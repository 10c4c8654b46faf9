"""Build a lexicon variant with the extra corpus, reusing the main corpus's cached counts.

Segmenting the 52 M-character corpus takes long on two cores, so this reads its counts from
a `--counts-cache` that `python -m core.lexicon.compile --counts-cache` wrote, segments only
the extra text, adds the two (vocabularies merged, unigram and bigram counts summed), and
gives each words.tsv entry its pseudo-count through the channel jieba's dictionary uses.
It is for measuring the extra corpus before the lexicon build takes it in its own way:

    python scripts/coverage/build_variant_lexicon.py --counts-cache counts.npz \\
        --extra ../extra_corpus --out /tmp/lexicon-extra [--no-text] [--no-words]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from core.exclusion import ClauseGuard  # noqa: E402
from core.filehash import sha256_file  # noqa: E402
from core.lexicon.compile import (  # noqa: E402
    CompileConfig,
    corpus_files,
    count_corpus,
    merge_counts,
    read_counts_cache,
    read_jieba_dict,
    write_lexicon,
)


def read_words(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                out[parts[0]] = out.get(parts[0], 0.0) + float(parts[1])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--counts-cache", type=Path, required=True)
    ap.add_argument("--extra", type=Path, default=Path("../extra_corpus"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--exclude", type=Path, nargs="*", default=[])
    ap.add_argument("--text-weight", type=float, default=1.0)
    ap.add_argument("--no-text", action="store_true", help="leave out text/*.txt")
    ap.add_argument("--no-words", action="store_true", help="leave out words.tsv")
    ap.add_argument("--text-files", nargs="*", default=None,
                    help="only these text/ files, by stem (e.g. tang300 song_ci300)")
    ap.add_argument("--sources", nargs="*", default=None,
                    help="only words.tsv rows from these sources (e.g. thuocl_chengyu)")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    t0 = time.time()
    cfg = CompileConfig()
    cc, _ = read_counts_cache(args.counts_cache)
    inputs: dict = {"counts_cache": sha256_file(args.counts_cache)}
    if not args.no_text:
        files = corpus_files([args.extra / "text"])
        if args.text_files is not None:
            files = [f for f in files if f.name.split(".")[0] in set(args.text_files)]
        guard = ClauseGuard.from_files(args.exclude) if args.exclude else None
        extra = count_corpus(files, args.workers, guard)
        cc = merge_counts(cc, extra, args.text_weight)
        inputs["extra_text"] = {p.name: sha256_file(p) for p in files}
    jfreq = dict(read_jieba_dict())
    if not args.no_words:
        words = read_words(args.extra / "words.tsv")
        if args.sources is not None:
            keep = set(args.sources)
            rows = (line.rstrip("\n").split("\t") for line in open(args.extra / "words.tsv",
                                                                  encoding="utf-8"))
            words = {r[0]: float(r[1]) for r in rows if len(r) >= 3 and r[2] in keep}
        # write_lexicon adds cfg.jieba_weight * frequency; express each pseudo-count in that unit.
        for w, c in words.items():
            if len(w) <= cfg.max_word_len:
                jfreq[w] = jfreq.get(w, 0) + int(round(c / cfg.jieba_weight))
        inputs["extra_words"] = sha256_file(args.extra / "words.tsv")
    manifest = write_lexicon(cc, args.out, cfg, jieba_freq=jfreq, inputs=inputs, t0=t0,
                             extra={"variant": vars(args) | {"counts_cache": str(args.counts_cache),
                                                              "extra": str(args.extra),
                                                              "out": str(args.out),
                                                              "exclude": [str(p) for p in args.exclude]}})
    print(json.dumps(manifest["counts"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
