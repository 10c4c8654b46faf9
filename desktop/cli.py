"""The `yinzi` console script: no arguments opens the typing app, `wizard` the fine-tune
wizard; other commands go to core.cli."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("app", "gui"):
        from desktop.__main__ import main as run_app

        return int(run_app() or 0)
    if argv[0] == "wizard":
        from desktop.__main__ import main as run_gui

        return int(run_gui(argv) or 0)
    from core.cli import main as core_main

    return core_main(argv)


if __name__ == "__main__":
    sys.exit(main())
