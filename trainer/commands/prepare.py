"""`yinzi-train prepare`: corpus files/folders -> vocabulary + memory-mapped token shards."""
from __future__ import annotations

import argparse


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "prepare",
        help="annotate a corpus with pinyin and write token shards for pretraining",
        description=(
            "Read corpora (.txt, .txt.gz, .csv/.tsv column, .jsonl field; UTF-8, UTF-8 BOM or "
            "GB18030/GBK), normalise, split into pieces, annotate pinyin with pypinyin "
            "(phrase-aware), and write memory-mapped token shards with a manifest."
        ),
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", help="corpus files or folders (searched recursively)")
    p.add_argument("--out", required=True, help="shard folder to write")
    p.add_argument("--vocab", default=None,
                   help="reuse this vocab.json (required when adapting a model: use <model dir>/vocab.json)")
    p.add_argument("--max-han", type=int, default=6000, help="Han characters in a new vocabulary")
    p.add_argument("--column", default=None, help=".csv/.tsv: column name or 0-based index (default: last)")
    p.add_argument("--field", default="text", help=".jsonl: field holding the text")
    p.add_argument("--workers", type=int, default=2, help="annotation processes")
    p.add_argument("--max-lines", type=int, default=None, help="read at most this many lines per file (trials)")
    p.add_argument("--dev", default=None,
                   help="also write OUT/dev.npz from this text (e.g. p2c/dev.txt; evaluation only)")
    p.add_argument("--exclude", nargs="*", default=[],
                   help="evaluation files (dev/test text or TSV): input lines containing any of "
                        "their clauses of >= 10 Han characters are left out and counted; --dev "
                        "is always excluded")
    p.add_argument("--dev-clauses", type=int, default=3000, help="clauses kept in dev.npz")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import sys

    import numpy as np

    from core.model.spec import Vocab
    from trainer.data.pipeline import PrepareConfig, prepare
    from trainer.data.readers import CorpusError, ReadOptions

    cfg = PrepareConfig(
        inputs=tuple(args.inputs), out_dir=args.out, vocab=args.vocab, max_han=args.max_han,
        workers=args.workers, max_lines=args.max_lines,
        read=ReadOptions(column=args.column, field=args.field), progress=not args.quiet,
        exclude=tuple(dict.fromkeys([*args.exclude, *([args.dev] if args.dev else [])])),
    )
    try:
        manifest = prepare(cfg)
    except (CorpusError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    t = manifest["totals"]
    print(f"{t['lines']:,} lines -> {t['pieces']:,} pieces, {t['tokens']:,} tokens in {args.out}")
    if args.dev:
        from pathlib import Path

        from trainer.training.devset import build_dev_arrays

        dev = build_dev_arrays(args.dev, Vocab.load(Path(args.out) / "vocab.json"), max_clauses=args.dev_clauses)
        np.savez_compressed(Path(args.out) / "dev.npz", **dev)
        print(f"dev: {len(dev['hanzi']):,} clauses -> {args.out}/dev.npz")
    return 0
