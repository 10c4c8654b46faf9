"""The pretraining loop. It emits events to callbacks and knows nothing of its UI.

Events (name, info dict): "start", "step" (every log_every steps), "eval", "checkpoint",
"interrupted", "end". Batches are a pure function of (seed, rank, step), so a resumed run
sees exactly the batches it would have seen. Under `torchrun` (WORLD_SIZE > 1) the model is
wrapped in DistributedDataParallel and only rank 0 evaluates, writes and reports.
"""
from __future__ import annotations

import json
import math
import os
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import torch
import torch.nn as nn

from core.model.network import P2CModel, load_checkpoint, load_pretrained
from core.model.spec import HanziVocab, ModelSpec, Vocab
from trainer.data.shards import ShardSet
from trainer.training.batches import MaskingConfig, PinyinNoise, make_batch
from trainer.training.config import TrainConfig
from trainer.training.devset import build_dev_arrays, evaluate, load_dev
from trainer.training.schedule import lr_at


class Callback(Protocol):
    def on_event(self, event: str, info: dict[str, Any]) -> None: ...


class BatchStream(torch.utils.data.IterableDataset):
    """Endless batches for steps start, start+1, ... (split round-robin over loader workers)."""

    def __init__(self, data_dir: str, vocab: Vocab, batch_size: int, seed: int, rank: int,
                 start_step: int, masking: MaskingConfig) -> None:
        super().__init__()
        self.data_dir, self.vocab, self.batch_size = data_dir, vocab, batch_size
        self.seed, self.rank, self.start_step, self.masking = seed, rank, start_step, masking

    def __iter__(self) -> Iterator[tuple[torch.Tensor, torch.Tensor, torch.Tensor, int]]:
        info = torch.utils.data.get_worker_info()
        wid, nw = (info.id, info.num_workers) if info else (0, 1)
        shards = ShardSet.open(self.data_dir)
        noise = PinyinNoise(self.vocab)
        step = self.start_step + wid
        while True:
            rng = np.random.default_rng([self.seed, self.rank, step])
            rows = rng.integers(0, len(shards), self.batch_size)
            b = make_batch(shards.hanzi, shards.pinyin, shards.starts, shards.lengths, rows,
                           noise, rng, self.masking)
            yield (torch.from_numpy(b.pinyin), torch.from_numpy(b.hanzi),
                   torch.from_numpy(b.targets), b.tokens)
            step += nw


def pick_device(name: str) -> torch.device:
    """The torch device for `--device auto|cpu|cuda|cuda:N` (the trainer's one copy)."""
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    device = torch.device(name)
    if device.type == "cuda":
        if not torch.cuda.is_available():
            raise RuntimeError(f"--device {name} was asked for, but torch sees no CUDA GPU")
        if device.index is not None and device.index >= torch.cuda.device_count():
            raise RuntimeError(f"--device {name} was asked for, but torch sees "
                               f"{torch.cuda.device_count()} CUDA GPU(s)")
    return device


def distributed_backend(device: str, *, cuda_available: bool) -> str:
    """NCCL when the processes train on GPUs, gloo on CPU (`--device cpu` or no GPU at all)."""
    return "nccl" if cuda_available and not device.startswith("cpu") else "gloo"


class _RestrictedLoss(nn.Module):
    """The model's `restricted_loss` as a forward(), so that DistributedDataParallel can wrap
    it: DDP synchronises the gradients of what runs through its own forward only."""

    def __init__(self, model: P2CModel, candidate_mask: torch.Tensor) -> None:
        super().__init__()
        self.model = model
        self.candidate_mask = candidate_mask  # a plain attribute: no buffer for DDP to broadcast

    def forward(self, pinyin_ids: torch.Tensor, hanzi_ids: torch.Tensor,
                targets: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, int]:
        return self.model.restricted_loss(pinyin_ids, hanzi_ids, targets, self.candidate_mask)


def _atomic_save(obj: Any, path: Path) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


class Trainer:
    def __init__(self, cfg: TrainConfig, callbacks: list[Callback] | None = None) -> None:
        self.cfg = cfg
        self.callbacks = list(callbacks or [])
        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        self.out = Path(cfg.out)

    # -- events ------------------------------------------------------------------------------
    def emit(self, event: str, **info: Any) -> None:
        if self.rank != 0:
            return
        for cb in self.callbacks:
            cb.on_event(event, info)

    # -- setup -------------------------------------------------------------------------------
    def _setup(self) -> None:
        cfg = self.cfg
        if self.world > 1:
            import torch.distributed as dist

            backend = distributed_backend(cfg.device, cuda_available=torch.cuda.is_available())
            dist.init_process_group(backend)
            if backend == "nccl":
                local = int(os.environ.get("LOCAL_RANK", "0"))
                torch.cuda.set_device(local)
                self.device = torch.device("cuda", local)
            else:
                self.device = torch.device("cpu")
        else:
            self.device = pick_device(cfg.device)
        if self.device.type == "cpu":
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            torch.set_num_threads(cfg.threads or os.cpu_count() or 1)
        else:
            torch.backends.cuda.matmul.allow_tf32 = True
        self.amp_dtype = torch.bfloat16 if (self.device.type == "cuda" and cfg.bf16) else None

        torch.manual_seed(cfg.seed + self.rank)  # init and dropout; batches have their own seeds
        shards_manifest = json.loads((Path(cfg.data) / "shards.json").read_text(encoding="utf-8"))
        self.data_vocab_text = (Path(cfg.data) / "vocab.json").read_text(encoding="utf-8")
        self.out.mkdir(parents=True, exist_ok=True)
        last = self.out / "last.pt"
        self.step = 0
        self.tokens_seen = 0
        self.elapsed_before = 0.0
        ckpt = None
        if cfg.resume and last.exists():
            model, ckpt = load_checkpoint(last)
            vocab_text = ckpt["vocab_json"]
            self.step, self.tokens_seen = int(ckpt["step"]), int(ckpt["tokens_seen"])
            self.elapsed_before = float(ckpt.get("elapsed", 0.0))
            self.origin = f"resumed {last} at step {self.step}"
        elif cfg.init_from:
            model, vocab = load_pretrained(cfg.init_from)
            vocab_text = vocab.hanzi.to_json()
            self.origin = f"initialised from {cfg.init_from}"
        else:
            vocab_text = self.data_vocab_text
            vocab = Vocab(HanziVocab.load(Path(cfg.data) / "vocab.json"))
            spec = ModelSpec(n_pinyin=vocab.pinyin.size, n_hanzi=vocab.hanzi.size,
                             d_model=cfg.d_model, n_layers=cfg.n_layers, n_heads=cfg.n_heads,
                             d_ff=cfg.d_ff, dropout=cfg.dropout)
            model = P2CModel(spec)
            self.origin = "from scratch"
        if json.loads(vocab_text) != json.loads(self.data_vocab_text):
            raise ValueError(
                f"the shards in {cfg.data} were prepared with another vocabulary than the model's; "
                f"re-run `yinzi-train prepare --vocab <model dir>/vocab.json`"
            )
        self.vocab_text = vocab_text
        self.vocab = Vocab(HanziVocab(**_vocab_fields(vocab_text)))
        self.shards_tokens = shards_manifest["totals"]["tokens"]
        (self.out / "vocab.json").write_text(vocab_text, encoding="utf-8")
        if model.spec.dropout != cfg.dropout and ckpt is None:
            model = _with_dropout(model, cfg.dropout)
        self.model = model.to(self.device).train()
        self.spec = model.spec
        self.cand_mask = torch.from_numpy(self.vocab.candidate_mask).to(self.device)

        decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
        no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
        self.optim = torch.optim.AdamW(
            [{"params": decay, "weight_decay": cfg.weight_decay},
             {"params": no_decay, "weight_decay": 0.0}],
            lr=cfg.lr, betas=(0.9, 0.98), eps=1e-8,
            fused=self.device.type == "cuda",
        )
        if ckpt is not None:
            self.optim.load_state_dict(ckpt["optim"])
            if "torch_rng" in ckpt:
                torch.set_rng_state(ckpt["torch_rng"])
        self.net: nn.Module = _RestrictedLoss(self.model, self.cand_mask)
        if self.world > 1:
            from torch.nn.parallel import DistributedDataParallel as DDP

            self.net = DDP(self.net, device_ids=[self.device.index] if self.device.type == "cuda" else None)
        self.dev = None
        if cfg.dev and self.rank == 0:
            self.dev = load_dev(cfg.dev) if cfg.dev.endswith(".npz") else build_dev_arrays(cfg.dev, self.vocab)
        self.best = float(ckpt.get("best_char_acc", -1.0)) if ckpt else -1.0

    # -- the loop ----------------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        previous = _stop_on_sigterm()
        try:
            return self._run()
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)

    def _run(self) -> dict[str, Any]:
        self._setup()
        cfg = self.cfg
        stream = BatchStream(cfg.data, self.vocab, cfg.batch_size, cfg.seed, self.rank, self.step, cfg.masking)
        loader = torch.utils.data.DataLoader(
            stream, batch_size=None, num_workers=cfg.loader_workers,
            pin_memory=self.device.type == "cuda", prefetch_factor=4 if cfg.loader_workers else None,
            persistent_workers=False,
            # Its own generator: creating the iterator must not consume the global RNG that
            # dropout uses, or a resumed run would drift from an uninterrupted one.
            generator=torch.Generator().manual_seed(cfg.seed),
        )
        self.emit("start", step=self.step, tokens_seen=self.tokens_seen, origin=self.origin,
                  parameters=self.model.num_parameters(), device=str(self.device), world=self.world,
                  spec=self.spec.to_dict(), shard_tokens=self.shards_tokens)
        self.start_step = self.step
        t0 = time.time()
        window_t, window_tok = time.time(), 0
        last_eval: dict[str, float] = {}
        reason = "max_steps"
        try:
            for py, hz, tgt, ntok in loader:
                if self.step >= cfg.max_steps:
                    break
                if cfg.max_minutes is not None and self._out_of_time(t0):
                    reason = "max_minutes"
                    break
                lr = lr_at(self.step, peak=cfg.lr, warmup=cfg.warmup, total=cfg.max_steps,
                           floor_ratio=cfg.min_lr_ratio)
                for g in self.optim.param_groups:
                    g["lr"] = lr
                py = py.to(self.device, non_blocking=True)
                hz = hz.to(self.device, non_blocking=True)
                tgt = tgt.to(self.device, non_blocking=True)
                self.optim.zero_grad(set_to_none=True)
                loss, ok, n = self._forward_backward(py, hz, tgt)
                gnorm = torch.nn.utils.clip_grad_norm_(self.model.parameters(), cfg.clip)
                self.optim.step()
                self.step += 1
                ntok = int(ntok) * self.world
                self.tokens_seen += ntok
                window_tok += ntok
                if self.step % cfg.log_every == 0:
                    now = time.time()
                    tps = window_tok / max(now - window_t, 1e-9)
                    remaining = _eta(self, now - t0, tps)
                    self.emit("step", step=self.step, loss=float(loss.detach()), acc=float(ok) / max(n, 1),
                              lr=lr, grad_norm=float(gnorm), tokens_seen=self.tokens_seen,
                              tokens_per_s=tps, eta_s=remaining, elapsed_s=now - t0)
                    window_t, window_tok = now, 0
                if self.dev is not None and self.step % cfg.eval_every == 0:
                    last_eval = self._evaluate()
                if self.step % cfg.ckpt_every == 0:
                    self.save(time.time() - t0, last_eval)
        except KeyboardInterrupt:
            path = self.save(time.time() - t0, last_eval)
            self.emit("interrupted", step=self.step, path=str(path))
            raise
        if self.dev is not None and (not last_eval or self.step % cfg.eval_every):
            last_eval = self._evaluate()
        path = self.out / "last.pt"
        if getattr(self, "_saved_step", None) != self.step or last_eval:
            path = self.save(time.time() - t0, last_eval)
        result = {"step": self.step, "tokens_seen": self.tokens_seen, "reason": reason,
                  "elapsed_s": time.time() - t0, "checkpoint": str(path), **last_eval}
        self.emit("end", **result)
        if self.world > 1:
            import torch.distributed as dist

            dist.destroy_process_group()
        return result

    def _forward_backward(self, py: torch.Tensor, hz: torch.Tensor, tgt: torch.Tensor):
        """Loss and gradients of one batch, optionally as length-sorted micro-batches.

        Rows vary a lot in length, so a padded batch is mostly padding (about 60 % on the
        default mix); on CPU, sorting rows by length and trimming each micro-batch to its
        own longest row spends the compute on real tokens. Gradients equal the full batch's.
        """
        m = self.cfg.micro_batches if self.world == 1 else 1
        chunks = [(py, hz, tgt)]
        if m > 1:
            order = torch.argsort((py != 0).sum(1))
            chunks = []
            for idx in order.chunk(m):
                t = int((py[idx] != 0).sum(1).max())
                chunks.append((py[idx, :t], hz[idx, :t], tgt[idx, :t]))
        total = max(1, int((tgt != 0).sum()))
        loss_sum = torch.zeros((), device=self.device)
        ok_sum, n_sum = 0, 0
        for cpy, chz, ctgt in chunks:
            n_here = int((ctgt != 0).sum())
            if n_here == 0:
                continue
            with torch.autocast(device_type=self.device.type, dtype=self.amp_dtype or torch.bfloat16,
                                enabled=self.amp_dtype is not None):
                loss, ok, n = self.net(cpy, chz, ctgt)
            (loss * (n_here / total)).backward()
            loss_sum += loss.detach() * (n_here / total)
            ok_sum += int(ok)
            n_sum += n
        return loss_sum, torch.tensor(ok_sum), n_sum

    def _out_of_time(self, t0: float) -> bool:
        over = (time.time() - t0) / 60 >= self.cfg.max_minutes
        if self.world > 1:
            # Rank 0's clock decides for all: a rank that stopped alone would leave the others
            # waiting forever in the next gradient all-reduce.
            import torch.distributed as dist

            flag = torch.tensor([float(over)], device=self.device)
            dist.broadcast(flag, 0)
            over = bool(flag.item())
        return over

    def _evaluate(self) -> dict[str, float]:
        assert self.dev is not None
        m = evaluate(self.model, self.dev, self.cand_mask, device=self.device, autocast_dtype=self.amp_dtype)
        self.emit("eval", step=self.step, tokens_seen=self.tokens_seen, **m)
        if m["char_acc"] > self.best and self.rank == 0:
            self.best = m["char_acc"]
        return m

    def save(self, elapsed: float, last_eval: dict[str, float]) -> Path:
        path = self.out / "last.pt"
        if self.rank != 0:
            return path
        ckpt = {
            "spec": self.spec.to_dict(),
            "model": self.model.state_dict(),
            "optim": self.optim.state_dict(),
            "step": self.step,
            "tokens_seen": self.tokens_seen,
            "elapsed": self.elapsed_before + elapsed,
            "config": json.dumps(self.cfg.to_dict()),
            "vocab_json": self.vocab_text,
            "dev": json.dumps(last_eval),
            "best_char_acc": self.best,
            "torch_rng": torch.get_rng_state(),
        }
        _atomic_save(ckpt, path)
        self._saved_step = self.step
        self.emit("checkpoint", step=self.step, path=str(path))
        return path


def _stop_on_sigterm():
    """SIGTERM (a stop button, `kill`, a cluster preemption) ends the run like Ctrl-C does:
    with a checkpoint. Background jobs ignore SIGINT, so this is their way to stop cleanly."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum, frame):
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, handler)


def _eta(trainer: Trainer, elapsed: float, tps: float) -> float:
    cfg = trainer.cfg
    steps_left = cfg.max_steps - trainer.step
    per_step = elapsed / max(trainer.step - trainer.start_step, 1)
    eta = steps_left * per_step
    if cfg.max_minutes is not None:
        eta = min(eta, cfg.max_minutes * 60 - elapsed)
    return max(0.0, eta) if math.isfinite(eta) else float("inf")


def _vocab_fields(text: str) -> dict[str, Any]:
    data = json.loads(text)
    return {"tokens": data["hanzi"], "readings": data["readings"]}


def _with_dropout(model: P2CModel, dropout: float) -> P2CModel:
    fresh = P2CModel(replace(model.spec, dropout=dropout))
    fresh.load_state_dict(model.state_dict())
    return fresh
