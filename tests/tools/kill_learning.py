"""kill -9 while learning: every word the user lexicon acknowledged must survive, intact.

    python tests/tools/kill_learning.py --trials 30 --seed 15

Each trial starts a process that learns words in a loop and prints each one after learn()
returns; the parent kills it with SIGKILL at a random moment, then reopens the file and checks
`PRAGMA integrity_check` and that every acknowledged word is there with at least its count.
"""
from __future__ import annotations

import argparse
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CHILD = """
import sys
from core.lexicon.user import UserLexicon
lex = UserLexicon(sys.argv[1])
words = [("北京", ("bei", "jing")), ("上海", ("shang", "hai")), ("天气", ("tian", "qi")),
         ("音字", ("yin", "zi")), ("你好", ("ni", "hao"))]
print("ready", flush=True)
i = 0
while True:
    text, syl = words[i % len(words)]
    lex.learn(text, syl)
    print(text, flush=True)
    i += 1
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trials", type=int, default=30)
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    intact = kept = acknowledged = 0
    with tempfile.TemporaryDirectory() as tmp:
        for trial in range(args.trials):
            path = Path(tmp) / f"u{trial}.sqlite"
            proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], cwd=ROOT,
                                    stdout=subprocess.PIPE, text=True, encoding="utf-8")
            assert proc.stdout
            assert proc.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.05, 0.6))
            proc.send_signal(signal.SIGKILL)
            said = [line.strip() for line in proc.stdout.read().splitlines() if line.strip()]
            proc.wait()
            conn = sqlite3.connect(path)
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            counts = dict(conn.execute("SELECT text, count FROM words").fetchall())
            conn.close()
            wanted: dict[str, int] = {}
            for text in said:
                wanted[text] = wanted.get(text, 0) + 1
            # counts decay by a few seconds' worth: 0.999 of a use is still the use
            trial_kept = sum(min(n, round(counts.get(t, 0.0))) for t, n in wanted.items())
            intact += ok
            kept += trial_kept
            acknowledged += len(said)
    print(f"{args.trials} kill -9 trials: integrity ok {intact}/{args.trials}; "
          f"acknowledged learns kept {kept:,}/{acknowledged:,}")
    return 0 if intact == args.trials and kept == acknowledged else 1


if __name__ == "__main__":
    sys.exit(main())
