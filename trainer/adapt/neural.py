"""The neural stage of adaptation: continue the base model on the user's text, then export.

Shards come from `trainer.data.pipeline.prepare` with the base model's vocabulary; training is
`trainer.training.loop.Trainer` with `init_from` (it resumes from RUN/train/last.pt and runs
under torchrun with DDP); export is `trainer.export.export` (fp32 + int8, parity checked).
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from trainer.adapt.events import EventStream, TrainerBridge


@dataclass(frozen=True)
class NeuralConfig:
    max_steps: int
    max_minutes: float | None
    batch_size: int
    lr: float = 3e-4
    warmup: int = 50
    log_every: int = 10
    eval_every: int = 200
    ckpt_every: int = 100
    dev_clauses: int = 1000


def prepare_shards(train_txt: Path, shards: Path, vocab: Path, *, workers: int) -> dict:
    from trainer.data.pipeline import PrepareConfig, prepare

    done = shards / "shards.json"
    if done.exists():
        return json.loads(done.read_text(encoding="utf-8"))
    return prepare(PrepareConfig(inputs=(str(train_txt),), out_dir=str(shards), vocab=str(vocab),
                                 workers=workers, progress=False))


def dev_arrays(held_txt: Path, vocab_path: Path, out: Path, clauses: int) -> Path | None:
    import numpy as np

    from core.model.spec import Vocab
    from trainer.training.devset import build_dev_arrays

    if out.exists():
        return out
    try:
        dev = build_dev_arrays(held_txt, Vocab.load(vocab_path), max_clauses=clauses)
    except ValueError:
        return None
    np.savez_compressed(out, **dev)
    return out


def train(run: Path, base: Path, cfg: NeuralConfig, events: EventStream, *, device: str,
          threads: int | None) -> dict:
    """Train (or resume) to cfg.max_steps; KeyboardInterrupt (SIGINT/SIGTERM) leaves a
    checkpoint and propagates."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import torch

    from trainer.training.config import TrainConfig
    from trainer.training.loop import Trainer
    from trainer.training.reporting import JsonlMetrics

    dev = run / "held_out_dev.npz"
    tcfg = TrainConfig(
        data=str(run / "shards"), out=str(run / "train"), dev=str(dev) if dev.exists() else None,
        init_from=str(base), resume=True, batch_size=cfg.batch_size, lr=cfg.lr,
        warmup=cfg.warmup, max_steps=cfg.max_steps, max_minutes=cfg.max_minutes,
        log_every=cfg.log_every, eval_every=cfg.eval_every, ckpt_every=cfg.ckpt_every,
        device=device, threads=threads, dropout=0.1)
    torch.manual_seed(tcfg.seed)
    bridge = TrainerBridge(events, cfg.max_steps)
    trainer = Trainer(tcfg, [bridge, JsonlMetrics(run / "train" / "metrics.jsonl")])
    try:
        result = trainer.run()
    except KeyboardInterrupt:
        raise _Cancelled(trainer.step if hasattr(trainer, "step") else bridge.last_step) from None
    # Every rank records what it did (a torchrun test checks both trained).
    rank = int(os.environ.get("RANK", "0"))
    (run / "train" / f"rank{rank}.json").write_text(json.dumps(
        {"rank": rank, "step": result["step"], "world": trainer.world,
         "steps_here": result["step"] - trainer.start_step, "time": time.time()}))
    return result


class _Cancelled(Exception):
    def __init__(self, step: int) -> None:
        super().__init__(step)
        self.step = step


Cancelled = _Cancelled


def export_model(run: Path, name: str, *, dev: Path | None) -> dict:
    from trainer.export import ExportConfig, export

    return export(ExportConfig(checkpoint=str(run / "train" / "last.pt"), out_dir=str(run / "export"),
                               name=name, dev=str(dev) if dev else None,
                               metrics=str(run / "train" / "metrics.jsonl"),
                               shards=str(run / "shards")))
