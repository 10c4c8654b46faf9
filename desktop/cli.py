"""The `yinzi` console script (and the frozen app's entry point): no arguments opens the
typing app, `wizard` the fine-tune wizard, `--version` and `--self-test` answer here; other
commands (`convert`, `analyze`) go to core.cli."""
from __future__ import annotations

import multiprocessing
import sys

# onnxruntime writes a device id under ~/.cache/Microsoft and a file in TMPDIR as soon as it is
# imported unless this is set; Yinzi writes only to its own folders. Set before any import.
from core import offline

offline.apply()

USAGE = """\
usage: yinzi [FILE]                open the typing app (optionally on a text file)
       yinzi wizard                the fine-tune wizard alone
       yinzi convert|analyze ...   no GUI: see `yinzi convert --help`, `yinzi analyze --help`
       yinzi --version             print the version
       yinzi --self-test           start the app offscreen, type a sentence, exit 0 when it works
       yinzi --self-test --analysis   analyse a sentence in the app's analysis child process
"""


def main(argv: list[str] | None = None) -> int:
    # A frozen app re-runs itself to start the analysis child (multiprocessing spawn): this
    # turns that run into the child. A no-op everywhere else.
    multiprocessing.freeze_support()
    argv = sys.argv[1:] if argv is None else list(argv)
    first = argv[0] if argv else ""
    if first == "--version":
        from core.version import __version__

        print(f"yinzi {__version__}")
        return 0
    if first in ("-h", "--help"):
        print(USAGE, end="")
        return 0
    if first == "--self-test":
        from desktop.self_test import main as self_test

        return self_test(argv[1:])
    if not argv or first in ("app", "gui", "wizard") or _opens_app(first):
        from desktop.__main__ import main as run_gui

        return int(run_gui(argv) or 0)
    from core.cli import main as core_main

    return core_main(argv)


def _opens_app(word: str) -> bool:
    """An app option (`--no-model`, ...) or a file to open, rather than a core.cli command;
    anything else goes to core.cli, which names the commands it knows when it is not one."""
    from pathlib import Path

    return word.startswith("-") or Path(word).is_file()


if __name__ == "__main__":
    sys.exit(main())
