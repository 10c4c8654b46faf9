"""`yinzi-train pretrain`: train the pinyin-hanzi Transformer on prepared shards.

Runs single-process on CPU or one GPU, and under `torchrun --nproc_per_node N` with
DistributedDataParallel on several GPUs (one node or many).
"""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace

from trainer.training.batches import MaskingConfig
from trainer.training.config import TrainConfig

_D = TrainConfig(data="", out="")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "pretrain",
        help="pretrain (or adapt) the pinyin-hanzi model on prepared shards",
        description=(
            "Pretrain the pinyin-hanzi Transformer on token shards from `yinzi-train prepare`. "
            "Objective: P2C with left context (a span's hanzi masked, pinyin visible) mixed with "
            "partial masking, initials-only and truncated syllables; loss over each syllable's "
            "candidate characters. Resumes from OUT/last.pt when it exists. Multi-GPU: run under "
            "`torchrun --nproc_per_node N -m trainer.commands.pretrain ...`."
        ),
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    add_arguments(p)
    p.set_defaults(func=run)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", required=True, help="shard folder written by `yinzi-train prepare`")
    p.add_argument("--out", required=True, help="run folder for last.pt, metrics.jsonl, vocab.json")
    p.add_argument("--dev", default=None,
                   help="dev set for periodic P2C char accuracy: a .npz from `prepare --dev` or a text file")
    p.add_argument("--init-from", default=None,
                   help="start from this model directory (e.g. resources/models/p2c-default) or checkpoint")
    p.add_argument("--no-resume", action="store_true", help="ignore OUT/last.pt and start over")
    g = p.add_argument_group("model size (new models only; loaded models keep their own)")
    g.add_argument("--d-model", type=int, default=_D.d_model, help="state width")
    g.add_argument("--layers", type=int, default=_D.n_layers, help="encoder blocks")
    g.add_argument("--heads", type=int, default=_D.n_heads, help="attention heads")
    g.add_argument("--d-ff", type=int, default=_D.d_ff, help="feed-forward width")
    g.add_argument("--dropout", type=float, default=_D.dropout, help="dropout while training")
    g = p.add_argument_group("optimisation")
    g.add_argument("--batch-size", type=int, default=_D.batch_size, help="pieces per step (per process)")
    g.add_argument("--lr", type=float, default=_D.lr, help="peak learning rate (AdamW)")
    g.add_argument("--min-lr-ratio", type=float, default=_D.min_lr_ratio, help="cosine floor as a share of --lr")
    g.add_argument("--warmup", type=int, default=_D.warmup, help="linear warmup steps")
    g.add_argument("--max-steps", type=int, default=_D.max_steps, help="schedule length and step limit")
    g.add_argument("--max-minutes", type=float, default=None, help="stop and checkpoint after this wall time")
    g.add_argument("--weight-decay", type=float, default=_D.weight_decay, help="AdamW weight decay (matrices only)")
    g.add_argument("--clip", type=float, default=_D.clip, help="gradient-norm clipping")
    g.add_argument("--micro-batches", type=int, default=_D.micro_batches,
                   help="split each batch into this many length-sorted parts (same gradients, less padding; CPU)")
    g = p.add_argument_group("objective")
    _M = MaskingConfig()
    g.add_argument("--p2c-rows", type=float, default=_M.p2c_rows,
                   help="share of rows in P2C mode (left context + fully masked span); the rest get "
                        "random partial masking")
    g.add_argument("--pinyin-noise", type=float, default=1.0,
                   help="scale of the initials-only / truncated-syllable probabilities (0: clean pinyin)")
    g = p.add_argument_group("run")
    g.add_argument("--seed", type=int, default=_D.seed, help="seed of batches, masking and init")
    g.add_argument("--log-every", type=int, default=_D.log_every, help="steps between progress lines")
    g.add_argument("--eval-every", type=int, default=_D.eval_every, help="steps between dev evaluations")
    g.add_argument("--ckpt-every", type=int, default=_D.ckpt_every, help="steps between checkpoints")
    g.add_argument("--device", default=_D.device, help="auto, cpu or cuda")
    g.add_argument("--no-bf16", action="store_true", help="no bf16 autocast on CUDA")
    g.add_argument("--threads", type=int, default=None, help="CPU threads for torch (default: all cores)")
    g.add_argument("--loader-workers", type=int, default=_D.loader_workers,
                   help="processes building batches (0: in the training process)")


def config_from_args(args: argparse.Namespace) -> TrainConfig:
    return TrainConfig(
        data=args.data, out=args.out, dev=args.dev, init_from=args.init_from,
        resume=not args.no_resume, d_model=args.d_model, n_layers=args.layers, n_heads=args.heads,
        d_ff=args.d_ff, dropout=args.dropout, batch_size=args.batch_size, lr=args.lr,
        min_lr_ratio=args.min_lr_ratio, warmup=args.warmup, max_steps=args.max_steps,
        max_minutes=args.max_minutes, weight_decay=args.weight_decay, clip=args.clip, micro_batches=args.micro_batches,
        seed=args.seed, log_every=args.log_every, eval_every=args.eval_every,
        ckpt_every=args.ckpt_every, device=args.device, bf16=not args.no_bf16,
        threads=args.threads, loader_workers=args.loader_workers, masking=masking_from_args(args),
    )


def masking_from_args(args: argparse.Namespace) -> MaskingConfig:
    m = MaskingConfig()
    k = getattr(args, "pinyin_noise", 1.0)
    return replace(m, p2c_rows=getattr(args, "p2c_rows", m.p2c_rows),
                   initial_prob=m.initial_prob * k, truncate_prob=m.truncate_prob * k,
                   last_truncate_prob=m.last_truncate_prob * k, abbrev_rows=m.abbrev_rows * k)


def run(args: argparse.Namespace) -> int:
    # Spin-waiting OpenMP threads make 2 busy cores 4x slower; must be set before torch loads.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import torch

    from trainer.training.loop import Trainer
    from trainer.training.reporting import ConsolePrinter, JsonlMetrics

    cfg = config_from_args(args)
    torch.manual_seed(cfg.seed)
    trainer = Trainer(cfg, [ConsolePrinter(), JsonlMetrics(os.path.join(cfg.out, "metrics.jsonl"))])
    result = trainer.run()
    print(f"checkpoint: {result['checkpoint']}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point for `python -m trainer.commands.pretrain` (torchrun, GPU machines)."""
    parser = argparse.ArgumentParser(prog="pretrain")
    add_arguments(parser)
    try:
        return run(parser.parse_args(argv))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
