"""`python -m desktop` (and `yinzi` without a command): open the typing app (`wizard`: the
fine-tune wizard), or explain how to run without a display instead of letting Qt abort.
`--version` and `--self-test` behave as they do for the `yinzi` command."""
from __future__ import annotations

import multiprocessing
import sys

# Before onnxruntime is imported: no device id under ~/.cache/Microsoft, no file in TMPDIR.
from core import offline

offline.apply()

from desktop.app import display_problem  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    # A PyInstaller bundle re-runs itself to start the analysis child process (spawn);
    # this turns that run into the child instead of a second app. A no-op elsewhere.
    multiprocessing.freeze_support()
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in ("--version", "--self-test"):
        from desktop.cli import main as cli_main

        return cli_main(argv)
    if argv and argv[0] in ("app", "gui"):  # `yinzi app FILE` reaches here with the word kept
        argv = argv[1:]
    wizard = bool(argv) and argv[0] == "wizard"   # `yinzi wizard`: the fine-tune wizard alone
    advice = display_problem()
    if advice is not None:
        print(advice, file=sys.stderr, end="")
        return 2
    if wizard:
        from desktop.wizard.app import main as run_wizard

        return run_wizard(argv[1:])
    from desktop.app import main as run_app

    return run_app(argv)


if __name__ == "__main__":
    sys.exit(main())
