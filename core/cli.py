"""`yinzi convert` converts pinyin without a GUI; `yinzi analyze` runs text analysis.

The `yinzi` console script is `desktop.cli`, which opens the app when no command is given and
hands every command to this module (so core never imports the GUI).
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys
import unicodedata
from pathlib import Path

from core import offline


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


def normalize_query(text: str) -> str:
    """Pinyin letters as the engine takes them: lower case, ü (however typed: ü, u:, v) as v,
    everything that is not a letter or an apostrophe dropped."""
    text = unicodedata.normalize("NFC", text).lower().replace("ü", "v").replace("u:", "v")
    return "".join(ch for ch in text if "a" <= ch <= "z" or ch == "'")


def _answer(engine, context: str, query: str) -> str:
    """One protocol answer line: `top1<TAB>c1|...|c5` (an empty query gets a lone tab)."""
    engine.reset()
    engine.set_context(context)
    cands: list[str] = []
    if query:
        engine.type(query)
        cands = [c.text for c in engine.sentences(5)]
    return f"{cands[0] if cands else ''}\t{'|'.join(cands)}\n"


def _serve_stdin(engine, *, with_context: bool) -> int:
    """The line protocol of docs/PROTOCOL.md: bytes in, UTF-8 out, one answer per line, flushed.

    Input is read as bytes, so a line that is not UTF-8 (or that the engine fails on) gets an
    empty answer and the next line goes on: the answers stay in step with the questions.
    """
    out = sys.stdout.buffer
    bad = 0
    for raw in sys.stdin.buffer:
        try:
            line = raw.decode("utf-8").rstrip("\r\n")
            context, _, query = line.rpartition("\t") if with_context else ("", "", line)
            answer = _answer(engine, context, normalize_query(query))
        except Exception as exc:  # noqa: BLE001 - one bad line must not end the session
            bad += 1
            if bad == 1:
                reason = "not UTF-8" if isinstance(exc, UnicodeDecodeError) else exc
                print(f"yinzi convert: a line got an empty answer ({reason}); "
                      "later ones are not reported", file=sys.stderr, flush=True)
            answer = "\t\n"
        out.write(answer.encode("utf-8"))
        out.flush()
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    if args.context and not args.stdin:
        print("yinzi convert: --context goes with --stdin (lines of context<TAB>query)",
              file=sys.stderr)
        return 2
    engine = _make_engine(args)
    if args.stdin:
        return _serve_stdin(engine, with_context=args.context)
    if not args.pinyin:
        print("yinzi convert: give pinyin (e.g. `yinzi convert nihao shijie`) or --stdin",
              file=sys.stderr)
        return 2
    query = normalize_query("".join(args.pinyin))
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
                   help="read one query per line, write `top1<TAB>c1|c2|...|c5` per line "
                        "(UTF-8; a line that cannot be read gets an empty answer)")
    p.add_argument("--context", action="store_true",
                   help="with --stdin: lines are `<context><TAB><query>`; the context is the "
                        "text committed before the query, as an editor would give it (the "
                        "engine starts afresh on each line); see docs/PROTOCOL.md")
    p.add_argument("-n", type=int, default=20, help="candidates to print (default 20)")
    p.add_argument("--model", default=_default_model(),
                   help="model folder for neural rescoring (default: the shipped p2c-default; "
                        "`none` for the lexicon decoder alone)")
    p.add_argument("--fp32", action="store_true", help="use the fp32 model instead of int8")
    p.add_argument("--cpu", action="store_true", help="never try CUDA")
    add_verbose(p)
    p.set_defaults(func=cmd_convert)
    try:
        analysis = importlib.import_module("core.analysis.cli")
    except ModuleNotFoundError as exc:
        if exc.name != "core.analysis.cli":
            raise
    else:
        analysis.register(sub)
    return parser


def add_verbose(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="say more on standard error (which device runs the model, and why)")


def _logging(verbose: bool) -> None:
    if verbose:
        logging.basicConfig(level=logging.INFO, format="yinzi: %(message)s")
    else:
        # That a GPU cannot be used is news once, not on every run of a CPU-only machine.
        logging.getLogger("yinzi.inference").setLevel(logging.ERROR)


def main(argv: list[str] | None = None) -> int:
    offline.apply()  # before anything imports onnxruntime
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    _logging(getattr(args, "verbose", False))
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
