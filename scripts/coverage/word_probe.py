"""Type short probe texts whole and score them: words, names, idioms, poem lines.

    python scripts/coverage/word_probe.py FILE... [--peer DRIVER] [--misses]

Each Han run of two or more characters in a FILE (one entry a line; punctuation splits a line
into clauses) is typed as toneless pinyin into `yinzi convert --stdin`, a fresh engine per
query with whatever `YINZI_RESOURCES` points at, or into a peer driver of ../shared/peers (same
protocol). Printed per file: DESIGN.md's char %, exact % and top-5 %. The probes in `probes/`
(app, game, brand and people's names; web slang; famous lines of the classics, 诗经 to 宋词)
were written by hand for this; the held-out poem and idiom probes come from a measurement build
of `build_extra_corpus.py`.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from trainer.evaluation.ime import query_of, score_clauses  # noqa: E402

HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def clauses(path: Path) -> list[str]:
    return [run for line in path.read_text(encoding="utf-8").splitlines()
            for run in HAN_RUN.findall(line.split("\t")[0])]


def convert(texts: list[str], peer: str | None) -> list[list[str]]:
    """Top-5 whole-input conversions per text (the first is what space commits)."""
    argv = [peer] if peer else [str(Path(sys.executable).parent / "yinzi"), "convert", "--stdin"]
    feed = "".join(query_of(t) + "\n" for t in texts)
    out = subprocess.run(argv, input=feed, capture_output=True, text=True, cwd=REPO,
                         check=True).stdout.splitlines()
    rows = []
    for line in out + [""] * (len(texts) - len(out)):
        top1, _, rest = line.partition("\t")
        rows.append([top1] + [c for c in rest.split("|") if c and c != top1])
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", type=Path, nargs="+")
    ap.add_argument("--peer", help="a peer driver to type into instead of Yinzi")
    ap.add_argument("--misses", action="store_true", help="print each miss: wanted > got")
    args = ap.parse_args(argv)
    for path in args.files:
        try:
            texts = clauses(path)
        except (OSError, UnicodeDecodeError) as exc:
            print(f"word_probe: cannot read {path}: {exc}", file=sys.stderr)
            return 2
        try:
            got = convert(texts, args.peer)
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"word_probe: the converter failed on {path}: {exc}", file=sys.stderr)
            return 2
        answers = {query_of(t): cands for t, cands in zip(texts, got)}
        matched, exact, top5, chars, errors = score_clauses(texts, answers.__getitem__)
        misses = [f"{want}>{first}" for want, first in errors]
        n = max(1, len(texts))
        print(f"{path.name:24s} {len(texts):4d}  char {100 * matched / max(1, chars):6.2f}  "
              f"exact {100 * exact / n:6.2f}  top-5 {100 * top5 / n:6.2f}")
        if args.misses and misses:
            print("  " + " ".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
