"""`yinzi-train`: the command-line face of the trainer.

Each subcommand lives in `trainer/commands/<name>.py` and exposes
`register(subparsers) -> None`, which adds its parser and sets `func=handler(args) -> int`.
Heavy imports (torch) happen inside the handlers, so `--help` stays fast.
"""
from __future__ import annotations

import argparse
import importlib
import sys

# Order shown in --help.
COMMANDS = (
    "eval_ime",
    "prepare",
    "pretrain",
    "export",
    "finetune_sentiment",
    "eval_sentiment",
    "tune_rescore",
    "adapt",
    "devices",
    "inspect_corpus",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="yinzi-train",
        description="Train, evaluate and export Yinzi's pinyin-hanzi and sentiment models.",
    )
    from core.version import __version__

    parser.add_argument("--version", action="version", version=f"yinzi-train {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"trainer.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from core import offline

    offline.apply()  # before any command imports onnxruntime: no telemetry, no files in ~/.cache
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
