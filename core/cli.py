"""`yinzi convert` converts pinyin without a GUI; `yinzi analyze` runs text analysis.

The `yinzi` console script is `desktop.cli`, which opens the app when no command is given and
hands every command to this module (so core never imports the GUI).
"""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path


def _make_engine(args: argparse.Namespace):
    from core.engine import ImeEngine

    scorer = None
    lexicon = None
    model = getattr(args, "model", None)
    if model is not None and str(model).lower() != "none":
        from core.inference.p2c_scorer import ModelLoadError, load_p2c_scorer
        from core.lexicon.domain import load_model_domain
        from core.lexicon.system import LexiconError

        try:
            lexicon = load_model_domain(Path(model))  # an adapted model's domain layer
        except LexiconError as exc:
            print(f"yinzi: {exc}; using the system lexicon alone", file=sys.stderr)
        try:
            scorer = load_p2c_scorer(Path(model), int8=not args.fp32, prefer_cuda=not args.cpu)
        except ModelLoadError as exc:
            print(f"yinzi: {exc}; using the lexicon decoder alone", file=sys.stderr)
    return ImeEngine(scorer=scorer, system_lexicon=lexicon)


def _default_model() -> str | None:
    from core import paths

    path = paths.shipped_models_dir() / "p2c-default"
    return str(path) if (path / "manifest.json").exists() else None


def cmd_convert(args: argparse.Namespace) -> int:
    engine = _make_engine(args)
    if args.stdin:
        # DESIGN.md protocol: one query per line in, `top1<TAB>c1|...|c5` out, flushed.
        out = sys.stdout
        for line in sys.stdin:
            query = "".join(ch for ch in line.strip().lower() if "a" <= ch <= "z" or ch == "'")
            engine.reset()
            cands: list[str] = []
            if query:
                engine.type(query)
                cands = [c.text for c in engine.sentences(5)]
            out.write(f"{cands[0] if cands else ''}\t{'|'.join(cands)}\n")
            out.flush()
        return 0
    if not args.pinyin:
        print("yinzi convert: give pinyin (e.g. `yinzi convert nihao shijie`) or --stdin",
              file=sys.stderr)
        return 2
    query = "".join(args.pinyin)
    try:
        engine.type(query)
    except ValueError as exc:
        print(f"yinzi convert: {exc}", file=sys.stderr)
        return 2
    for k, c in enumerate(engine.all_candidates()[: args.n], 1):
        span = "'".join(c.syllables)
        print(f"{k:>2}. {c.text}\t{c.source.value}\t{span}")
    print(f"({engine.decoder_name}, {engine.last_latency_ms:.1f} ms)", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="yinzi", description=__doc__)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("convert", help="convert pinyin to hanzi (ranked candidates)")
    p.add_argument("pinyin", nargs="*", help="pinyin letters, e.g. nihao shijie")
    p.add_argument("--stdin", action="store_true",
                   help="read one query per line, write `top1<TAB>c1|c2|...|c5` per line")
    p.add_argument("-n", type=int, default=20, help="candidates to print (default 20)")
    p.add_argument("--model", default=_default_model(),
                   help="model folder for neural rescoring (default: the shipped p2c-default; "
                        "`none` for the lexicon decoder alone)")
    p.add_argument("--fp32", action="store_true", help="use the fp32 model instead of int8")
    p.add_argument("--cpu", action="store_true", help="never try CUDA")
    p.set_defaults(func=cmd_convert)
    try:
        analysis = importlib.import_module("core.analysis.cli")
    except ModuleNotFoundError as exc:
        if exc.name != "core.analysis.cli":
            raise
    else:
        analysis.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
