"""`python -m desktop`: open the typing app, or explain how to run without a display."""
from __future__ import annotations

import sys

from desktop.app import display_problem


def run() -> int:
    advice = display_problem()
    if advice is not None:
        print(advice, file=sys.stderr, end="")
        return 2
    from desktop.app import main

    return main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(run())
