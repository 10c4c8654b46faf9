"""`yinzi convert --stdin` speaks DESIGN.md's protocol: a line in, `top1<TAB>c1|...|c5` out."""
from __future__ import annotations

import os
import subprocess
import sys


def test_stdin_protocol_answers_each_line_flushed() -> None:
    env = dict(os.environ, PYTHONUNBUFFERED="0")
    proc = subprocess.Popen([sys.executable, "-m", "core.cli", "convert", "--stdin",
                             "--model", "none"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            encoding="utf-8", env=env)
    assert proc.stdin and proc.stdout
    # One query at a time: the answer must arrive before the next line is sent (flushed).
    proc.stdin.write("nihao\n")
    proc.stdin.flush()
    first = proc.stdout.readline()
    proc.stdin.write("bjdx\n\n")
    proc.stdin.close()
    rest = proc.stdout.read().splitlines()
    assert proc.wait(timeout=60) == 0
    top1, cands = first.rstrip("\n").split("\t")
    assert top1 == "你好" and cands.split("|")[0] == "你好"
    assert 1 <= len(cands.split("|")) <= 5
    top1, cands = rest[0].split("\t")
    assert "北京大学" in cands.split("|")
    assert rest[1] == "\t"  # an empty query gets an empty answer, not silence


def test_convert_prints_ranked_candidates() -> None:
    out = subprocess.run([sys.executable, "-m", "core.cli", "convert", "nihao", "shijie",
                          "--model", "none", "-n", "3"],
                         capture_output=True, text=True, encoding="utf-8", check=True).stdout
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(" 1. 你好世界")
