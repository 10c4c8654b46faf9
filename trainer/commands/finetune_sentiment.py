"""`yinzi-train finetune-sentiment`: fine-tune the pretrained backbone on labelled texts."""
from __future__ import annotations

import argparse
import sys

from trainer.sentiment.recipes import DEFAULT_RECIPE, RECIPES, help_text
from trainer.sentiment.train import LR_PRESETS


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "finetune-sentiment",
        help="fine-tune the pinyin-hanzi backbone into a sentiment classifier",
        description="Fine-tune the pretrained backbone on labelled texts (TSV/CSV/JSONL; labels "
        "0/1 or neg/pos, optionally a neutral class), evaluate, and export ONNX fp32 + int8.",
        epilog="example:\n"
        "  yinzi-train finetune-sentiment --train mine.csv --out runs/mine\n"
        "  yinzi analyze --model runs/mine/model --file more.csv     # use the result\n"
        "The run splits off a stratified dev set (or takes --dev), reports accuracy, macro-F1 and a "
        "confusion matrix\n(report.json, report.png) and writes OUT/model (ONNX fp32 + int8, card). "
        "About 6 minutes for 8,000\nreviews on one CPU core with the default recipe.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--train", nargs="+", default=[], metavar="FILE",
                   help="labelled training files (required, unless --encoded)")
    p.add_argument("--recipe", choices=list(RECIPES), default=DEFAULT_RECIPE,
                   help=f"which model to build (default {DEFAULT_RECIPE}); the options below override "
                        f"its parts. {help_text()}")
    p.add_argument("--train-weights", nargs="+", type=float, default=[], metavar="W",
                   help="loss weight of each --train file, in order (default 1 each); e.g. up-weight "
                        "the files closest to the texts you will analyse")
    p.add_argument("--dev", metavar="FILE", help="dev file (default: a stratified split of train)")
    p.add_argument("--test", nargs="*", default=[], metavar="FILE", help="files to report at the end")
    p.add_argument("--text-column", default="text", help="column holding the texts (default: text)")
    p.add_argument("--label-column", default="label",
                   help="column holding the labels (default: label): 0/1, -1/0/1, neg/pos/neutral, 负面/正面/中性")
    p.add_argument("--dev-fraction", type=float, default=0.1)
    p.add_argument("--backbone", help="pretrained p2c model folder or *.pt checkpoint "
                   "(default: resources/models/p2c-default)")
    p.add_argument("--from-scratch", action="store_true", help="random init (ablation); needs --vocab")
    p.add_argument("--vocab", help="vocab.json for --from-scratch")
    p.add_argument("--out", default="runs/sentiment", help="output folder (model/ inside)")
    p.add_argument("--name", default="sentiment-user")
    p.add_argument("--max-len", type=int, default=128, help="positions per text incl. [CLS]/[SEP]")
    p.add_argument("--wide-buckets", type=int,
                   help="hashed TF-IDF logistic-regression path over character n-grams with this "
                        "many buckets (0: off; default: the recipe's, 262144, which suits ~50k reviews)")
    p.add_argument("--wide-max", type=int, default=2, choices=[1, 2, 3],
                   help="longest character n-gram the wide path reads")
    p.add_argument("--wide-chars", type=int, default=1024,
                   help="characters of each text the wide path reads, head and tail (0: only the "
                        "encoder's window)")
    p.add_argument("--word-buckets", type=int,
                   help="the wide path also reads hashed jieba word 1..--word-max-grams in this many "
                        "extra buckets (0: off; needs --wide-buckets; default: the recipe's)")
    p.add_argument("--word-max", type=int, default=2, choices=[1, 2, 3],
                   help="longest word n-gram the wide path reads")
    p.add_argument("--lexicon", metavar="FILE",
                   help="polar-word lexicon (word<TAB>kind) whose cues, with negation and degree scope, "
                        "the wide path reads ('none': off; default: the recipe's, "
                        "resources/sentiment_lexicon/lexicon.tsv)")
    p.add_argument("--lexicon-repeat", type=int,
                   help="each lexicon cue counts this many times in the wide path (default: the recipe's)")
    p.add_argument("--wide-epochs", type=float, default=5.0,
                   help="fit the wide path alone this many epochs first, then freeze it (0: train it jointly)")
    p.add_argument("--wide-lr", type=float, default=2e-2)
    p.add_argument("--blend", action=argparse.BooleanOptionalAction,
                   help="with --wide-buckets: train the encoder on the labels alone (not on what the "
                        "wide path gets wrong) and add its logits with a weight chosen on dev; "
                        "wants more --epochs (3) (default: the recipe's)")
    p.add_argument("--epochs", type=float, default=3.0, help="passes over the training data (early stopping on dev)")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--preset", choices=sorted(LR_PRESETS),
                   help="learning-rate preset (default: the recipe's): "
                        + ", ".join(f"{k}={v:g}" for k, v in LR_PRESETS.items()))
    p.add_argument("--lr", type=float, help="peak learning rate (overrides the preset)")
    p.add_argument("--patience", type=int, default=4, help="evaluations without improvement before stopping")
    p.add_argument("--eval-every", type=int, default=0, help="steps between dev evaluations (0: 4 per epoch)")
    p.add_argument("--no-class-weights", action="store_true")
    p.add_argument("--max-minutes", type=float, help="wall-clock budget for training")
    p.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    p.add_argument("--threads", type=int, default=2, help="CPU threads for torch")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--save-encoded", metavar="DIR", help="also write encoded sets + backbone here")
    p.add_argument("--encode-only", action="store_true", help="stop after --save-encoded")
    p.add_argument("--encoded", metavar="DIR", help="train from a --save-encoded folder")
    p.add_argument("--save-state", metavar="FILE", help="save the fine-tuned weights (*.pt)")
    p.add_argument("--from-state", metavar="FILE",
                   help="skip training; evaluate/export these weights (a --save-state file, or an exported "
                        "model folder: its weights are read back from model.onnx)")
    p.add_argument("--refit-wide", action="store_true",
                   help="with --from-state of a blended model: keep its encoder and head, fit the wide path "
                        "again on this run's features (e.g. with --lexicon) and choose the blend weight on dev")
    p.add_argument("--no-export", action="store_true")
    p.set_defaults(func=handler)


class _Printer:
    """Progress lines for the terminal (the trainer emits events; this is one listener)."""

    def __init__(self) -> None:
        self.total = 0

    def __call__(self, event) -> None:
        d = event.data
        if event.kind == "start":
            self.total = d["total_steps"]
            print(f"fine-tuning on {d['device']}: {d['train']} train / {d['dev']} dev texts, "
                  f"{self.total} steps ({d['steps_per_epoch']} per epoch)", flush=True)
        elif event.kind == "step" and (event.step % 50 == 0 or event.step == 1):
            print(f"  step {event.step}/{self.total} loss {d['loss']:.4f} lr {d['lr']:.2e} "
                  f"{d['tokens_per_s']:,.0f} tok/s", flush=True)
        elif event.kind == "eval":
            mark = " *" if d["improved"] else ""
            print(f"  eval step {event.step} (epoch {d['epoch']:.2f}): dev acc {d['accuracy']:.4f} "
                  f"macro-F1 {d['macro_f1']:.4f} train loss {d['train_loss']:.4f}{mark}", flush=True)
        elif event.kind == "wide":
            print(f"  TF-IDF wide path alone after {event.step} steps ({d['seconds']:.0f}s): dev acc "
                  f"{d['accuracy']:.4f} macro-F1 {d['macro_f1']:.4f}", flush=True)
        elif event.kind == "blend":
            print(f"  blend: encoder alone dev acc {d['deep_accuracy']:.4f}; wide + {d['scale']:g} x encoder: "
                  f"dev acc {d['accuracy']:.4f} macro-F1 {d['macro_f1']:.4f}", flush=True)
        elif event.kind == "stop":
            print(f"  stopping: {d['reason']}", flush=True)


def _encoded_buckets(folder: str) -> tuple[int, int]:
    """(character, word) n-gram buckets a --save-encoded folder was written with (0, 0 if none)."""
    import json
    from pathlib import Path

    try:
        meta = json.loads((Path(folder) / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0, 0  # the pipeline reports a missing or broken folder properly
    features = meta.get("features") or {}
    return int(features.get("char_buckets") or 0), int(features.get("word_buckets") or 0)


def handler(args: argparse.Namespace) -> int:
    from trainer.sentiment.data import DataError
    from trainer.sentiment.pipeline import FinetuneOptions, run
    from trainer.sentiment.train import FinetuneConfig

    recipe = RECIPES[args.recipe]
    # The recipe fills what the user left unset; an explicit flag always wins.
    wide_buckets = recipe.wide_buckets if args.wide_buckets is None else args.wide_buckets
    word_buckets = recipe.word_buckets if args.word_buckets is None else args.word_buckets
    if args.wide_buckets == 0 and args.word_buckets is None:
        word_buckets = 0  # "--wide-buckets 0" alone means no n-gram path at all
    if args.encoded and args.wide_buckets is None:
        # An encoded folder fixed its n-gram hashing when it was written: follow it.
        wide_buckets, word_buckets = _encoded_buckets(args.encoded)
    blend = (recipe.blend and wide_buckets > 0) if args.blend is None else args.blend
    lexicon = args.lexicon
    if lexicon is None and recipe.lexicon_repeat and word_buckets and not args.encoded:
        from core.analysis.sentiment_lexicon import shipped_lexicon_path

        lexicon = str(shipped_lexicon_path())
    if lexicon == "none":
        lexicon = None
    lexicon_repeat = args.lexicon_repeat or recipe.lexicon_repeat or 1
    preset = recipe.preset if args.preset is None else args.preset
    if not args.from_state:
        parts = [f"wide path {wide_buckets:,} + {word_buckets:,} buckets" if wide_buckets else "no wide path",
                 "encoder blended" if blend else ("encoder on the residual" if wide_buckets else "encoder"),
                 *([f"lexicon cues x{lexicon_repeat}"] if lexicon else []), f"preset {preset}"]
        print(f"recipe {args.recipe}: " + ", ".join(parts), flush=True)
    backbone = None
    if not args.from_scratch:
        if args.backbone:
            backbone = args.backbone
        else:
            from core import paths

            default = paths.shipped_models_dir() / "p2c-default"
            if not default.is_dir() and not args.encoded:
                print(f"error: no pretrained backbone at {default}; pass --backbone "
                      "(or --from-scratch --vocab FILE for an ablation)", file=sys.stderr)
                return 2
            backbone = str(default) if default.is_dir() else None
    try:
        cfg = FinetuneConfig(
            epochs=args.epochs, batch_size=args.batch_size, preset=preset, lr=args.lr,
            patience=args.patience, eval_every=args.eval_every,
            class_weights=not args.no_class_weights, max_minutes=args.max_minutes,
            device=args.device, threads=args.threads, seed=args.seed,
            wide_epochs=args.wide_epochs, wide_lr=args.wide_lr, blend=blend,
        )
        opts = FinetuneOptions(
            train=args.train, dev=args.dev, tests=args.test, text_column=args.text_column,
            label_column=args.label_column, dev_fraction=args.dev_fraction,
            backbone=None if args.encoded else backbone, vocab=args.vocab, out=args.out,
            name=args.name, max_len=args.max_len, encoded=args.encoded,
            save_encoded=args.save_encoded, from_state=args.from_state,
            save_state=args.save_state, export=not args.no_export, train_config=cfg,
            refit_wide=args.refit_wide,
            encode_only=args.encode_only,
            wide_buckets=wide_buckets, wide_max=args.wide_max,
            word_buckets=word_buckets, word_max=args.word_max, wide_chars=args.wide_chars,
            lexicon=lexicon or "", lexicon_repeat=lexicon_repeat, train_weights=args.train_weights,
        )
        if opts.encode_only and not opts.save_encoded:
            print("error: --encode-only needs --save-encoded DIR", file=sys.stderr)
            return 2
        if not opts.train and not opts.encoded:
            print("error: give --train FILE... (or --encoded DIR)", file=sys.stderr)
            return 2
        run(opts, callbacks=[_Printer()])
    except (DataError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
