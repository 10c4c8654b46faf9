"""TrainConfig: every option of `yinzi-train pretrain`, with commented defaults."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from trainer.training.batches import MaskingConfig


@dataclass(frozen=True)
class TrainConfig:
    data: str                          # shard folder written by `yinzi-train prepare`
    out: str                           # run folder: checkpoints, metrics.jsonl, vocab.json
    dev: str | None = None             # dev .npz (see `prepare --dev`) or a text file
    init_from: str | None = None       # model dir or checkpoint to start from (adapting)
    resume: bool = True                # continue from out/last.pt when it exists
    # model size (ignored with init_from/resume: the architecture travels with the weights)
    d_model: int = 256
    n_layers: int = 4
    n_heads: int = 4
    d_ff: int = 1024
    dropout: float = 0.1
    # optimisation
    batch_size: int = 64               # pieces per step (per process under torchrun)
    lr: float = 1e-3                   # peak learning rate
    min_lr_ratio: float = 0.1          # cosine floor, as a share of lr
    warmup: int = 300                  # warmup steps
    max_steps: int = 20000             # schedule length; training stops here at the latest
    max_minutes: float | None = None   # stop (and checkpoint) after this much wall time
    weight_decay: float = 0.01
    clip: float = 1.0                  # gradient-norm clipping
    micro_batches: int = 1             # split each batch into length-sorted parts (CPU: less padding)
    # bookkeeping
    seed: int = 1234
    log_every: int = 20
    eval_every: int = 500
    ckpt_every: int = 500
    device: str = "auto"               # auto | cpu | cuda
    bf16: bool = True                  # bf16 autocast on CUDA (ignored on CPU)
    threads: int | None = None         # CPU threads (default: all cores)
    loader_workers: int = 0            # batch-building processes (useful on GPU machines)
    masking: MaskingConfig = field(default_factory=MaskingConfig)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainConfig:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown TrainConfig keys: {sorted(unknown)}")
        data = dict(data)
        if isinstance(data.get("masking"), dict):
            data["masking"] = MaskingConfig(**data["masking"])
        return cls(**data)
