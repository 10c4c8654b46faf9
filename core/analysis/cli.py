"""`yinzi analyze`: sentiment, keywords and pinyin of a text, or batch sentiment of a file.

    yinzi analyze "这家酒店很干净，服务也好。"
    yinzi analyze --file in.csv --column text --out out.csv

The output file keeps the input's columns and adds sentiment, probability and positive.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import signal
import sys
from dataclasses import asdict
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "analyze",
        help="sentiment, keywords and pinyin of a text, or batch sentiment of a file",
        description="Analyse one text, or classify every row of a CSV/TSV/TXT/JSONL file.",
    )
    p.add_argument("text", nargs="?", help="text to analyse (or use --file / --stdin)")
    p.add_argument("--stdin", action="store_true", help="read the text from standard input")
    p.add_argument("--file", help="CSV/TSV/TXT/JSONL file to classify row by row")
    p.add_argument("--column", help="text column of --file (default: text, review, ... or the first)")
    p.add_argument("--out", help="output file for --file: CSV (UTF-8 with a BOM, for Excel), or TSV / "
                   "JSONL by its suffix (default: <file>.sentiment.csv)")
    p.add_argument("--model", help="sentiment model folder or name (default: sentiment-default)")
    p.add_argument("--fp32", action="store_true", help="use the fp32 graph instead of int8")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--top-k", type=int, default=8, help="keywords per method")
    p.add_argument("--json", action="store_true", help="print the analysis as JSON")
    p.add_argument("--raw-cells", action="store_true",
                   help="write CSV/TSV cells exactly as read: by default a cell starting with "
                        "= + - @ gets a leading ' so a spreadsheet does not run it as a formula "
                        "(JSONL is always raw)")
    p.add_argument("--verbose", "-v", action="store_true",
                   help="say more on standard error (which device runs the model, and why)")
    p.set_defaults(func=handler)


def _analyzer(args: argparse.Namespace):
    from core.analysis.analyzer import Analyzer, AnalyzerConfig

    return Analyzer(AnalyzerConfig(model=args.model, int8=not args.fp32, threads=args.threads,
                                   top_k=args.top_k))


def _print_analysis(analysis, out) -> None:
    s = analysis.sentiment
    if s is not None:
        head = s.verdict or s.overall   # the headline: mixed when the sentences disagree
        bar = "#" * round(20 * head.positive)
        print(f"sentiment: {head.label} ({head.probability:.1%})  "
              f"positive [{bar:<20}] {head.positive:.1%}   model: {s.model}", file=out)
        if len(s.sentences) > 1:
            for ss in s.sentences:
                print(f"  {ss.score.label:<8} P(positive) {ss.score.positive:5.1%}  {ss.sentence.text}",
                      file=out)
    print("keywords (TF-IDF):  " + "  ".join(f"{k.word}:{k.weight:.2f}" for k in analysis.keywords_tfidf), file=out)
    print("keywords (TextRank): " + "  ".join(f"{k.word}:{k.weight:.2f}" for k in analysis.keywords_textrank), file=out)
    print("words: " + " / ".join(t.word for t in analysis.tokens), file=out)
    print("pinyin: " + " ".join(p.reading or p.char for p in analysis.pinyin if p.char.strip()), file=out)


def _run_file(args: argparse.Namespace) -> int:
    from core.analysis.batch import (
        BatchJob,
        guess_date_column,
        guess_text_column,
        run_batch,
        sample_rows,
    )
    from core.analysis.classifier import ModelLoadError
    from core.analysis.tabular import TableError, read_columns

    path = Path(args.file)
    try:
        columns = read_columns(path)
    except TableError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sample = sample_rows(path)
    column = args.column or guess_text_column(columns, sample)
    if column not in columns:
        print(f"error: column {column!r} not found; the file has: {', '.join(columns)}", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else path.with_suffix(".sentiment.csv")
    problem = _unwritable(out)
    if problem:
        print(f"error: cannot write {out}: {problem}", file=sys.stderr)
        return 2
    analyzer = _analyzer(args)
    job = BatchJob(path, column, out, date_column=guess_date_column(columns, sample),
                   raw_cells=args.raw_cells)

    def progress(p, _results) -> None:
        eta = f", ETA {p.eta_s:.0f}s" if p.eta_s is not None else ""
        print(f"\r{p.done:,}/{p.total:,} rows, {p.rate:,.0f} rows/s{eta}   ", end="", file=sys.stderr, flush=True)

    done = {"rows": 0}

    def on_chunk(p, results) -> None:
        done["rows"] = p.done
        progress(p, results)

    try:
        with _stop_signals_raise():
            summary = run_batch(job, analyzer, on_chunk=on_chunk)
    except (ModelLoadError, TableError) as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # the output's disk filled, or its folder went away
        print(f"\nerror: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except (KeyboardInterrupt, _Stopped) as exc:
        name = exc.name if isinstance(exc, _Stopped) else "SIGINT"
        _say(f"\ninterrupted ({name}): {out} holds the {done['rows']:,} rows done so far")
        return 128 + (exc.signum if isinstance(exc, _Stopped) else signal.SIGINT)
    counts = ", ".join(f"{k} {v:,}" for k, v in sorted(summary.label_counts.items()))
    print(f"\n{summary.rows:,} rows in {summary.seconds:.1f}s ({summary.rate:,.0f} rows/s): {counts}"
          + (f", {summary.empty - summary.no_chinese:,} empty" if summary.empty > summary.no_chinese else "")
          + (f", {summary.no_chinese:,} without Chinese (not classified)" if summary.no_chinese else "")
          + f"\nwritten: {out}", file=sys.stderr)
    if summary.bad_lines:
        shown = ", ".join(map(str, summary.bad_lines[:10])) + (" ..." if len(summary.bad_lines) > 10 else "")
        print(f"skipped {len(summary.bad_lines):,} unreadable line(s): {shown}\n  first: {summary.bad_reason}",
              file=sys.stderr)
    return 0


class _Stopped(Exception):
    """SIGTERM or SIGHUP during a batch: ends it as Ctrl+C does, with the same message."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


@contextlib.contextmanager
def _stop_signals_raise():
    """SIGTERM/SIGHUP raise _Stopped in the main thread while a batch runs (the default
    action would end the process without a word about the partial output)."""
    def stop(signum, _frame):
        raise _Stopped(signum)

    wanted = [getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)]
    try:
        previous = {s: signal.signal(s, stop) for s in wanted}
    except ValueError:  # not the main thread: leave the signals alone
        yield
        return
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _say(message: str) -> None:
    """Print to stderr; after SIGHUP the terminal may be gone, which must not hide the exit."""
    try:
        print(message, file=sys.stderr, flush=True)
    except OSError:
        pass


def _unwritable(out: Path) -> str | None:
    """Why `out` cannot be written (before any work is done), or None."""
    if out.is_dir():
        return "it is a folder"
    parent = out.parent if str(out.parent) else Path(".")
    probe = parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        return f"{probe} is not a folder"
    target = out if out.exists() else probe
    if not os.access(target, os.W_OK) or (not out.exists() and not os.access(probe, os.X_OK)):
        return "permission denied"
    return None


def _not_utf8(text: str) -> bool:
    """argv that was not UTF-8 reaches Python as lone surrogates (surrogateescape)."""
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def _read_stdin() -> str:
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _InputError(f"standard input is not UTF-8 text (byte {exc.start}); "
                          "convert it to UTF-8 first") from None


class _InputError(ValueError):
    """Input the command cannot read: a one-line message, exit status 2."""


def handler(args: argparse.Namespace) -> int:
    try:
        return _handle(args)
    except _InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _handle(args: argparse.Namespace) -> int:
    if args.file:
        if args.text or args.stdin:
            print("error: give one of a text, --stdin or --file", file=sys.stderr)
            return 2
        return _run_file(args)
    if args.text is not None and args.stdin:
        print("error: give either a text or --stdin, not both", file=sys.stderr)
        return 2
    text = _read_stdin() if args.stdin else args.text
    if text and _not_utf8(text):
        raise _InputError("the text is not valid UTF-8 (check the terminal's encoding)")
    if not text or not text.strip():
        print("error: give a text, --stdin, or --file FILE", file=sys.stderr)
        return 2
    analyzer = _analyzer(args)
    analysis = analyzer.analyze(text)
    if analysis.sentiment is None and analysis.sentiment_note:
        print(f"note: no sentiment ({analysis.sentiment_note})", file=sys.stderr)
    # UTF-8 out whatever the locale says: the analysis is Chinese text.
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline=None,
                           line_buffering=False, write_through=True)
    try:
        if args.json:
            json.dump(asdict(analysis), out, ensure_ascii=False, indent=2)
            print(file=out)
        else:
            _print_analysis(analysis, out)
        out.flush()
    finally:
        out.detach()
    return 0


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry (`python -m core.analysis.cli ...`) until `yinzi` mounts it."""
    parser = argparse.ArgumentParser(prog="yinzi")
    register(parser.add_subparsers(dest="command"))
    from core import offline
    from core.cli import _logging

    offline.apply()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    _logging(args.verbose)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
