"""Count the Traditional forms Yinzi offers when the text typed is Simplified.

Types the pinyin (`query_of`, as `eval-ime` types a clause) of the first N Han clauses of a
text file into `yinzi convert --stdin` and counts the answers whose top candidate, or any of
the first five, OpenCC `t2s` would change. docs/RESULTS.md (2026-12-07, night) reports it for dev.txt:

    .venv/bin/python scripts/traditional_in_candidates.py ../shared/data/p2c/dev.txt --limit 4000

Set YINZI_RESOURCES to try another lexicon build; `--model` as for `yinzi convert`.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import opencc

from trainer.evaluation.ime import query_of

CLAUSE = re.compile(r"[\u4e00-\u9fff]+")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("text", type=Path)
    ap.add_argument("--limit", type=int, default=4000, help="first N clauses")
    ap.add_argument("--model", default="none", help="as `yinzi convert --model` (default none)")
    args = ap.parse_args(argv)
    clauses: list[str] = []
    with open(args.text, encoding="utf-8") as fh:
        for line in fh:
            clauses += CLAUSE.findall(line)
            if len(clauses) >= args.limit:
                break
    clauses = clauses[: args.limit]
    queries = "".join(query_of(c) + "\n" for c in clauses)
    yinzi = Path(sys.executable).with_name("yinzi")
    out = subprocess.run([str(yinzi), "convert", "--stdin", "--model", args.model],
                         input=queries, capture_output=True, text=True,
                         check=True).stdout.splitlines()
    t2s = opencc.OpenCC("t2s")

    def traditional(text: str) -> bool:
        return t2s.convert(text) != text

    top1 = top5 = 0
    for answer in out:
        first, _, rest = answer.partition("\t")
        top1 += traditional(first)
        top5 += any(traditional(c) for c in rest.split("|")[:5])
    print(f"{args.text}: {len(out)} clauses; Traditional top-1 {top1}; a Traditional form in "
          f"the top 5: {top5} ({100 * top5 / max(len(out), 1):.2f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
