"""`yinzi convert --stdin` speaks DESIGN.md's protocol: a line in, `top1<TAB>c1|...|c5` out."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest


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


def _run(args, data: bytes, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "core.cli", "convert", "--stdin", "--model", "none",
                           *args], input=data, capture_output=True, timeout=120,
                          env=dict(os.environ, **env))


def test_invalid_utf8_under_a_strict_locale_gets_an_empty_answer_and_the_rest_go_on() -> None:
    done = _run([], b"nihao\n\xff\xfe\xfa\nbeijing\nl\xc3\xbc\n",
                PYTHONIOENCODING="utf-8:strict", LC_ALL="C")
    assert done.returncode == 0
    answers = done.stdout.decode("utf-8").splitlines()
    assert len(answers) == 4                      # one answer per question, in step
    assert answers[0].startswith("你好\t") and answers[1] == "\t"
    assert answers[2].startswith("北京\t")
    assert answers[3].split("\t")[0] == "绿"        # lü typed with the ü character
    assert b"not UTF-8" in done.stderr


def test_context_lines_give_the_engine_left_context() -> None:
    done = _run(["--context"], "我们去\tshijie\n\tnihao\nnihao\n".encode())
    assert done.returncode == 0
    answers = done.stdout.decode("utf-8").splitlines()
    assert len(answers) == 3 and answers[1] == answers[2] and answers[1].startswith("你好\t")


def test_context_without_stdin_is_refused() -> None:
    done = subprocess.run([sys.executable, "-m", "core.cli", "convert", "--context", "nihao",
                           "--model", "none"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "--context goes with --stdin" in done.stderr


def test_u_umlaut_typed_as_a_character_is_read_as_v() -> None:
    from core.cli import normalize_query

    assert normalize_query("lü") == normalize_query("LÜ") == normalize_query("lu:") == "lv"
    assert normalize_query("nu\u0308") == "nv"   # decomposed ü
    assert normalize_query("ni hao!") == "nihao"


def test_the_cuda_fallback_is_said_only_with_verbose() -> None:
    import shutil

    import onnxruntime as ort

    if "CUDAExecutionProvider" in ort.get_available_providers() and shutil.which("nvidia-smi"):
        pytest.skip("a usable GPU is present: there is no fallback to report")
    from core.inference.session import CUDA_FALLBACK_MESSAGE

    cmd = [sys.executable, "-m", "core.cli", "convert", "nihao", "-n", "1"]
    quiet = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    loud = subprocess.run([*cmd, "--verbose"], capture_output=True, text=True, timeout=120)
    assert quiet.returncode == loud.returncode == 0
    assert CUDA_FALLBACK_MESSAGE not in quiet.stderr and CUDA_FALLBACK_MESSAGE in loud.stderr
