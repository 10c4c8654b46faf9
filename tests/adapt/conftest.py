"""A tiny domain corpus (a made-up sect of a fantasy novel) for the adaptation tests."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOMAIN_WORDS = {"moyuanjian": "墨渊剑", "qingmingzong": "青冥宗", "tianshuzhen": "天枢阵"}
TEMPLATES = (
    "青冥宗弟子手持墨渊剑，走出了天枢阵。",
    "长老说墨渊剑是青冥宗的镇派之宝。",
    "天枢阵前，青冥宗的弟子正在练剑。",
    "那一天，青冥宗掌门祭出墨渊剑，布下天枢阵。",
    "{n}年以后，墨渊剑再一次回到青冥宗。",
    "没有人能破天枢阵，除了青冥宗的{n}位长老。",
    "他想起墨渊剑的寒光，心里一阵发冷。",
    "山下的村民都知道青冥宗和天枢阵的传说。",
)


def write_corpus(folder: Path, files: int = 24, lines: int = 8, *, traditional: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in range(files):
        text = []
        for k in range(lines):
            line = TEMPLATES[(f + k) % len(TEMPLATES)].format(n="一二三四五六七八九十"[(f * 3 + k) % 10])
            text.append(line)
        body = "\n".join(text) + "\n"
        if traditional:
            body = body.replace("剑", "劍").replace("阵", "陣").replace("说", "說").replace("门", "門")
        (folder / f"chapter{f:02d}.txt").write_text(body, encoding="utf-8")
    return folder


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "novel")


def child_env() -> dict[str, str]:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT), "OMP_WAIT_POLICY": "PASSIVE"}
    for var in ("WORLD_SIZE", "RANK", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT"):
        env.pop(var, None)
    return env


def run_cli(args: list[str], *, timeout: float = 600, module: str = "trainer.cli") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, env=child_env(),
                          capture_output=True, text=True, timeout=timeout)


def read_events(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]
