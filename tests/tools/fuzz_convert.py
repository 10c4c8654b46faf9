"""Seeded fuzzer for `yinzi convert --stdin`: every line in gets exactly one answer line out.

    python tests/tools/fuzz_convert.py --queries 20000 --seed 15 [--model none]

Lines mix pinyin, valid syllable runs, `ü` spellings, raw bytes (often not UTF-8), control
characters, tabs, CJK and emoji, and very long inputs. The process must end with status 0 and
answer in step (`top1<TAB>c1|...|c5`, top1 equal to c1); prints counts and exits 1 otherwise.
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def lines(n: int, seed: int) -> list[bytes]:
    from core.pinyin.syllables import SYLLABLES

    rng = random.Random(seed)
    syllables = sorted(SYLLABLES)
    junk = "ü:'- \t\r\x00\x07\x1b中文汉字😀é" + "abcdefghijklmnopqrstuvwxyz" * 2
    out: list[bytes] = []
    for _ in range(n):
        kind = rng.random()
        if kind < 0.35:
            text = "".join(rng.choice(syllables) for _ in range(rng.randint(1, 10)))
        elif kind < 0.55:
            text = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz'") for _ in range(rng.randint(0, 40)))
        elif kind < 0.65:
            text = rng.choice(["lü", "nü", "lüe", "nüe", "LÜ", "lu:", "nu\u0308", "lv", "nve"]) + \
                rng.choice(["", "e", "se", "xing"])
        elif kind < 0.75:
            out.append(bytes(rng.choice([b for b in range(256) if b != 10])
                             for _ in range(rng.randint(0, 60))))
            continue
        elif kind < 0.9:
            text = "".join(rng.choice(junk) for _ in range(rng.randint(0, 50)))
        elif kind < 0.99:
            text = ""
        else:  # past what a clause needs; the engine keeps MAX_RAW letters
            text = "".join(rng.choice(syllables) for _ in range(rng.randint(50, 150)))
        out.append(text.replace("\n", " ").encode("utf-8"))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--model", default=None, help="model folder, or none (default: the shipped one)")
    args = ap.parse_args()
    queries = lines(args.queries, args.seed)
    cmd = [sys.executable, "-m", "core.cli", "convert", "--stdin", "--cpu"]
    if args.model:
        cmd += ["--model", args.model]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={"PYTHONIOENCODING": "utf-8:strict",
                                                         "LC_ALL": "C", "PATH": "/usr/bin:/bin"})
    assert proc.stdin and proc.stdout and proc.stderr

    def feed() -> None:
        for q in queries:
            proc.stdin.write(q + b"\n")
        proc.stdin.close()

    started = time.monotonic()
    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    answers = proc.stdout.read().split(b"\n")
    err = proc.stderr.read().decode("utf-8", "replace")
    code = proc.wait()
    seconds = time.monotonic() - started
    if answers and answers[-1] == b"":
        answers.pop()
    bad_format = 0
    empty = 0
    for a in answers:
        top1, tab, cands = a.decode("utf-8").partition("\t")
        if not tab or (cands and cands.split("|")[0] != top1) or (not cands and top1):
            bad_format += 1
        empty += not top1
    ok = code == 0 and len(answers) == len(queries) and bad_format == 0
    print(f"{len(queries):,} queries, {len(answers):,} answers, exit {code}, "
          f"{bad_format} malformed, {empty:,} empty answers, {seconds:.0f} s "
          f"({len(queries) / seconds:,.0f} queries/s): {'PASS' if ok else 'FAIL'}")
    if err.strip():
        print("stderr:", err.strip()[-500:])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
