"""scripts/gpu/timeboxed_pretrain.py, dry-run on the CPU: it trains within its budget from
packed shards and leaves a checkpoint that `yinzi-train export` accepts."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from p2c_fixtures import build_tiny_shards

ROOT = Path(__file__).resolve().parents[2]


def test_timeboxed_pretrain_on_cpu_writes_an_exportable_model(tmp_path):
    from trainer.data.pack import pack

    shards = build_tiny_shards(tmp_path)
    pack(shards, tmp_path / "shards.xz")
    out = tmp_path / "out"
    env = {"OMP_NUM_THREADS": "1", "TMPDIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "scripts.gpu.timeboxed_pretrain", "--packed", str(tmp_path / "shards.xz"),
         "--out", str(out), "--device", "cpu", "--minutes", "0.25", "--batch-size", "8",
         "--d-model", "32", "--layers", "1", "--d-ff", "64", "--loader-workers", "0", "--evals", "2"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert result["bench_steps_per_s"] > 0
    assert (out / "metrics.jsonl").stat().st_size > 0

    from core.model.network import load_checkpoint

    model, ckpt = load_checkpoint(out / "model.pt")
    assert "optim" not in ckpt and ckpt["step"] >= 1
    assert model.spec.d_model == 32
