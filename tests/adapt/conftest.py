"""A tiny domain corpus (a made-up sect of a fantasy novel) for the adaptation tests."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from domain_corpus import DOMAIN_WORDS, TEMPLATES, write_corpus  # noqa: F401 (the tests' imports)

ROOT = Path(__file__).resolve().parents[2]
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
