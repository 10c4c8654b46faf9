"""How the engine types famous poem lines: a seeded sample of the anthologies' lines (the ones
`build_extra_corpus.py` lists as words) and the held-out probe lines (poems in no file).

    python scripts/coverage/poem_lines_probe.py --extra ../extra_corpus [--sample 300]

Each line is typed whole into a fresh engine (lexicon decoder alone) and scored with DESIGN.md's
char and exact measures. Point `YINZI_RESOURCES` at another resources folder to compare a
lexicon built without the listed lines.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from core.engine.engine import ImeEngine  # noqa: E402
from trainer.evaluation.ime import score_clauses  # noqa: E402

HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
ANTHOLOGIES = ("tang300", "qianjiashi", "song_ci300")


def score(engine: ImeEngine, lines: list[str]) -> tuple[float, float]:
    """(char %, exact %) of `lines` typed whole into a fresh engine each."""
    def convert(query: str) -> list[str]:
        engine.reset()
        engine.type(query)
        return [s.text for s in engine.sentences(1)]

    matched, exact, _top5, chars, _errors = score_clauses(lines, convert)
    return 100.0 * matched / max(1, chars), 100.0 * exact / max(1, len(lines))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--extra", type=Path, default=REPO.parent / "extra_corpus")
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    runs = sorted({r for name in ANTHOLOGIES
                   for line in (args.extra / "text" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
                   for r in HAN_RUN.findall(line) if 5 <= len(r) <= 8})
    random.Random(args.seed).shuffle(runs)
    probe = [r for line in (args.extra / "probe" / "poem_lines.txt").read_text(encoding="utf-8").splitlines()
             for r in HAN_RUN.findall(line) if len(r) >= 2]
    engine = ImeEngine()
    for name, lines in (("anthology lines (listed)", runs[: args.sample]),
                        ("held-out probe lines", probe)):
        char, exact = score(engine, lines)
        print(f"{name}: {len(lines)} clauses, char {char:.2f} %, exact {exact:.2f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
