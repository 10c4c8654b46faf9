"""`yinzi-train export`: a checkpoint -> model folder (fp32 + int8 ONNX, manifest, card)."""
from __future__ import annotations

import argparse


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "export",
        help="export a checkpoint to an ONNX model folder (fp32 + int8, manifest, model card)",
        description=(
            "Export a pretraining checkpoint to a model folder the app can load: fp32 ONNX with "
            "dynamic batch/length, a dynamically quantized int8 variant, vocab.json, manifest.json "
            "and MODEL_CARD.md. Checks torch/ONNX parity at several shapes first."
        ),
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    p.add_argument("checkpoint", help="trainer checkpoint (RUN/last.pt)")
    p.add_argument("--out", required=True, help="model folder, e.g. resources/models/p2c-default")
    p.add_argument("--name", default=None, help="model name (default: the folder name)")
    p.add_argument("--dev", default=None, help="dev .npz or text: measure fp32 and int8 accuracy")
    p.add_argument("--metrics", default=None, help="metrics.jsonl of the run (learning curve in the card)")
    p.add_argument("--shards", default=None, help="shard folder the run trained on (data provenance)")
    p.add_argument("--notes", default="", help="extra paragraph for the model card")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from trainer.export import ExportConfig, export

    m = export(ExportConfig(checkpoint=args.checkpoint, out_dir=args.out, name=args.name or Path(args.out).name,
                            dev=args.dev, metrics=args.metrics, shards=args.shards, notes=args.notes))
    met = m["metrics"]
    print(f"exported {m['name']} -> {args.out} (parity {met['parity_max_abs_fp32']:.1e})")
    for k in ("dev_fp32", "dev_int8"):
        if k in met:
            print(f"  {k}: char acc {100 * met[k]['char_acc']:.2f}%  clause exact {100 * met[k]['clause_exact']:.2f}%")
    return 0
