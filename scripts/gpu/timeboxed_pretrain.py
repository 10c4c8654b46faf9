"""Time-boxed pretraining from scratch on a GPU box that has only numpy and torch.

    python3 -m scripts.gpu.timeboxed_pretrain --packed shards.xz --dev dev.npz \
        --out OUT --minutes 10

Unpacks shards packed by `trainer.data.pack` (so the box needs no pypinyin), measures steps/s
on synthetic batches so that the cosine schedule ends when the time is up, trains with bf16
autocast, and writes OUT/model.pt (weights and spec, no optimizer state) plus metrics.jsonl
and result.json. Export with `yinzi-train export OUT/model.pt --out DIR`. Test it on CPU with
`--device cpu --minutes 0.5` (see tests/trainer/test_timeboxed_pretrain.py).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="timeboxed_pretrain", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--packed", required=True)
    p.add_argument("--dev", default=None)
    p.add_argument("--out", required=True)
    p.add_argument("--minutes", type=float, default=4.8, help="training wall time")
    p.add_argument("--device", default="cuda")
    p.add_argument("--batch-size", type=int, default=1024)
    p.add_argument("--lr", type=float, default=1.5e-3)
    p.add_argument("--warmup", type=int, default=300)
    p.add_argument("--loader-workers", type=int, default=8)
    p.add_argument("--d-model", type=int, default=256)
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--d-ff", type=int, default=1024)
    p.add_argument("--evals", type=int, default=8, help="dev evaluations over the run")
    args = p.parse_args(argv)
    t_start = time.time()
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import torch

    from core.model.network import P2CModel
    from core.model.spec import ModelSpec, Vocab
    from trainer.data.pack import unpack
    from trainer.training.config import TrainConfig
    from trainer.training.loop import Trainer
    from trainer.training.reporting import ConsolePrinter, JsonlMetrics

    out = Path(args.out)
    work = Path(os.environ.get("TMPDIR", "/tmp")) / "yinzi_timeboxed_pretrain"
    shards = unpack(args.packed, work / "shards")
    print(f"unpacked in {time.time() - t_start:.1f}s", flush=True)
    if torch.cuda.is_available():
        print(torch.cuda.get_device_name(0), torch.__version__, flush=True)

    # Steps/s on synthetic batches of the real shape, to size the schedule to the time box.
    vocab = Vocab.load(shards / "vocab.json")
    spec = ModelSpec(n_pinyin=vocab.pinyin.size, n_hanzi=vocab.hanzi.size, d_model=args.d_model,
                     n_layers=args.layers, d_ff=args.d_ff)
    dev = torch.device(args.device)
    model = P2CModel(spec).to(dev)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4, fused=dev.type == "cuda")
    mask = torch.from_numpy(vocab.candidate_mask).to(dev)
    b, t = args.batch_size, 48
    py = torch.randint(5, 400, (b, t), device=dev)
    hz = torch.randint(5, vocab.hanzi.size, (b, t), device=dev)
    tgt = torch.where(torch.rand(b, t, device=dev) < 0.4, hz, 0)
    amp = dev.type == "cuda"

    def step() -> None:
        with torch.autocast(device_type=dev.type, dtype=torch.bfloat16, enabled=amp):
            loss, _, _ = model.restricted_loss(py, hz, tgt, mask)
        opt.zero_grad()
        loss.backward()
        opt.step()

    for _ in range(5):
        step()
    if dev.type == "cuda":
        torch.cuda.synchronize()
    t0, n = time.time(), 20 if dev.type == "cuda" else 3
    for _ in range(n):
        step()
    if dev.type == "cuda":
        torch.cuda.synchronize()
    rate = n / (time.time() - t0)
    budget_s = args.minutes * 60 - (time.time() - t_start)
    max_steps = max(50, int(rate * budget_s * 0.85))  # loader, evals and logging cost ~15 %
    print(f"benchmark: {rate:.1f} steps/s -> max_steps {max_steps} in {budget_s:.0f}s", flush=True)

    cfg = TrainConfig(
        data=str(shards), out=str(work / "run"), dev=args.dev, resume=False,
        d_model=args.d_model, n_layers=args.layers, d_ff=args.d_ff,
        batch_size=args.batch_size, lr=args.lr, warmup=min(args.warmup, max_steps // 5),
        max_steps=max_steps, max_minutes=budget_s / 60, log_every=max(10, max_steps // 60),
        eval_every=max(10, max_steps // args.evals), ckpt_every=10**9, device=args.device,
        loader_workers=args.loader_workers,
    )
    out.mkdir(parents=True, exist_ok=True)
    trainer = Trainer(cfg, [ConsolePrinter(sys.stdout), JsonlMetrics(out / "metrics.jsonl")])
    result = trainer.run()
    _save_weights(work / "run" / "last.pt", out)
    (out / "result.json").write_text(json.dumps({**result, "bench_steps_per_s": rate,
                                                  "total_s": time.time() - t_start}, indent=1))
    print(json.dumps(result), flush=True)
    return 0


def _save_weights(ckpt_path: Path, out: Path) -> None:
    """The run's last checkpoint without its optimizer state (a third of the size)."""
    import torch

    ckpt = torch.load(ckpt_path, map_location="cpu", weights_only=True)
    keep = ("model", "spec", "step", "tokens_seen", "elapsed", "config", "vocab_json", "dev")
    torch.save({k: ckpt[k] for k in keep if k in ckpt}, out / "model.pt")


if __name__ == "__main__":
    sys.exit(main())
