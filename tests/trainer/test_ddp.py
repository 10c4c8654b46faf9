"""The multi-process path of the training loop: `pretrain` under torchrun with two CPU processes
(gloo), checked step by step against the same two batches trained in one process."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from p2c_fixtures import build_tiny_shards, tiny_config

torch = pytest.importorskip("torch")

from trainer.training.loop import distributed_backend, pick_device  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
STEPS = 3


@pytest.mark.parametrize(("device", "cuda", "backend"), [
    ("cpu", False, "gloo"),
    ("cpu", True, "gloo"),     # --device cpu on a GPU machine still trains on the CPUs
    ("auto", False, "gloo"),
    ("auto", True, "nccl"),
    ("cuda", True, "nccl"),
])
def test_distributed_backend(device: str, cuda: bool, backend: str) -> None:
    assert distributed_backend(device, cuda_available=cuda) == backend


def test_pick_device(monkeypatch: pytest.MonkeyPatch) -> None:
    assert pick_device("cpu") == torch.device("cpu")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert pick_device("auto") == torch.device("cpu")
    for name in ("cuda", "cuda:1"):
        with pytest.raises(RuntimeError, match=f"--device {name} .* no CUDA GPU"):
            pick_device(name)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 2)
    assert pick_device("cuda:1") == torch.device("cuda", 1)
    with pytest.raises(RuntimeError, match="sees 2 CUDA GPU"):
        pick_device("cuda:2")


@pytest.mark.slow
def test_pretrain_under_torchrun_with_two_processes(tmp_path: Path) -> None:
    from core.model.network import load_checkpoint
    from trainer.training.loop import BatchStream, Trainer
    from trainer.training.schedule import lr_at

    shards = build_tiny_shards(tmp_path)
    run = tmp_path / "run"
    cfg = tiny_config(shards, run, max_steps=STEPS, batch_size=8, warmup=1)
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}
    for var in ("WORLD_SIZE", "RANK", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT"):
        env.pop(var, None)
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2",
           "-m", "trainer.commands.pretrain", "--data", str(shards), "--out", str(run),
           "--device", "cpu", "--threads", "1", "--d-model", str(cfg.d_model),
           "--layers", str(cfg.n_layers), "--heads", str(cfg.n_heads), "--d-ff", str(cfg.d_ff),
           "--dropout", "0", "--batch-size", str(cfg.batch_size), "--lr", str(cfg.lr),
           "--warmup", str(cfg.warmup), "--max-steps", str(STEPS), "--seed", str(cfg.seed),
           "--log-every", "1", "--eval-every", "1000000", "--ckpt-every", "1000000"]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]

    events = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    kinds = [e["event"] for e in events]
    # only rank 0 reports: one start, one line per step, one checkpoint, one end
    assert kinds == ["start"] + ["step"] * STEPS + ["checkpoint", "end"]
    assert events[0]["world"] == 2 and events[0]["device"] == "cpu"
    assert sorted(p.name for p in run.iterdir()) == ["last.pt", "metrics.jsonl", "vocab.json"]
    assert "done (max_steps) at step 3" in done.stderr

    # The same steps in one process: a fresh trainer (rank 0's initial weights), each step's
    # gradient the mean of rank 0's and rank 1's batch losses, as DDP's all-reduce makes it.
    ref = Trainer(replace(cfg, out=str(tmp_path / "reference")))
    ref._setup()
    batches = [iter(BatchStream(cfg.data, ref.vocab, cfg.batch_size, cfg.seed, rank, 0, cfg.masking))
               for rank in (0, 1)]
    for step in range(STEPS):
        for g in ref.optim.param_groups:
            g["lr"] = lr_at(step, peak=cfg.lr, warmup=cfg.warmup, total=cfg.max_steps,
                            floor_ratio=cfg.min_lr_ratio)
        ref.optim.zero_grad(set_to_none=True)
        for stream in batches:
            py, hz, tgt, _ = next(stream)
            loss, _, _ = ref.model.restricted_loss(py, hz, tgt, ref.cand_mask)
            (loss / 2).backward()
        torch.nn.utils.clip_grad_norm_(ref.model.parameters(), cfg.clip)
        ref.optim.step()

    trained, ckpt = load_checkpoint(run / "last.pt")
    assert ckpt["step"] == STEPS
    got, want = trained.state_dict(), ref.model.state_dict()
    assert set(got) == set(want)
    for name, value in want.items():
        assert torch.allclose(got[name], value, atol=1e-5), name
