"""`yinzi-train adapt`: the user's text -> an adapted model folder (what the wizard runs).

Under `torchrun --nproc_per_node N -m trainer.commands.adapt ...` every rank trains and rank 0
does everything else; `--gpus 0,1` on its own relaunches itself that way.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import traceback
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "adapt",
        help="adapt Yinzi to your text: domain lexicon layer + continued model, before/after report",
        description=(
            "Read your text (.txt/.md/.csv/.tsv/.jsonl files and folders; UTF-8 or GB18030; "
            "Traditional is converted), hold out a share of the documents, build a domain "
            "lexicon layer (your words and word pairs, interpolated with the system lexicon at a "
            "weight chosen on the held-out slice), continue the base model on the text (time-boxed "
            "by the preset; resumable), and write one model folder with a before/after report. "
            "Example: yinzi-train adapt --corpus my_notes/ --out runs/my-model --events -"),
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    add_arguments(p)
    p.set_defaults(func=run)


def _default_base() -> str:
    from core import paths

    return str(paths.shipped_models_dir() / "p2c-default")


def add_arguments(p: argparse.ArgumentParser) -> None:
    from trainer.adapt.pipeline import PRESETS

    p.add_argument("--corpus", nargs="+", required=True, metavar="FILE_OR_DIR",
                   help="your text: files and folders (searched recursively)")
    p.add_argument("--out", required=True, help="the adapted model folder to write (new or empty)")
    p.add_argument("--base", default=None, help="base model folder (default: the shipped p2c-default)")
    p.add_argument("--preset", choices=list(PRESETS), default="quick",
                   help="how long to train: quick (CPU: lexicon layer only), standard, thorough; "
                        "tiny is for tests")
    p.add_argument("--gpus", default=None,
                   help="GPUs to train on, e.g. 0 or 0,1 (several: DDP under torchrun); cpu for "
                        "none (default: the first GPU when there is one)")
    p.add_argument("--held-out", type=float, default=0.05,
                   help="share of the documents held out (never trained on) for the report")
    p.add_argument("--general", default=None,
                   help="a general check text (e.g. ../shared/data/p2c/dev.txt): before/after on its "
                        "first clauses, to see that general typing did not get worse; its clauses "
                        "are also kept out of training")
    p.add_argument("--events", default=None, metavar="FILE|-",
                   help="write JSON-lines events here (- for stdout)")
    p.add_argument("--resume", action="store_true", help="continue the unfinished run in --out")
    p.add_argument("--name", default=None, help="model name (default: the --out folder's name)")
    p.add_argument("--workers", type=int, default=2, help="processes for segmentation and annotation")
    p.add_argument("--seed", type=int, default=0, help="seed of the held-out choice")
    p.add_argument("--quiet", action="store_true", help="no human progress on stderr")


def _devices(spec: str | None) -> tuple[list[str], list[str] | None]:
    """(device names for the events, GPU indexes to expose or None)."""
    if spec is not None and spec.strip().lower() == "cpu":
        return ["cpu"], None
    if spec:
        idx = [s.strip() for s in spec.split(",") if s.strip()]
        if not all(s.isdigit() for s in idx):
            raise ValueError(f"--gpus {spec!r}: give GPU indexes like 0 or 0,1, or cpu")
        return [f"cuda:{i}" for i in idx], idx
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import torch

    if torch.cuda.is_available():
        return ["cuda:0"], ["0"]
    return ["cpu"], None


def _open_sink(spec: str | None):
    if spec is None:
        return None, False
    if spec == "-":
        return sys.stdout, False
    path = Path(spec)
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path, "a", encoding="utf-8"), True


def run(args: argparse.Namespace, argv: list[str] | None = None) -> int:
    from trainer.adapt.corpus import InputError
    from trainer.adapt.events import EventStream
    from trainer.adapt.neural import Cancelled
    from trainer.adapt.pipeline import Adaptation, AdaptError, Settings

    rank = int(os.environ.get("RANK", "0"))
    try:
        sink, close_sink = _open_sink(args.events) if rank == 0 else (None, False)
    except OSError as exc:
        print(f"error: cannot open --events {args.events}: {exc.strerror}", file=sys.stderr)
        return 2
    events = EventStream(sink, quiet=args.quiet, enabled=rank == 0)

    def fail(message: str, kind: str, code: int) -> int:
        events.emit("error", message=message, kind=kind)
        if events.human is None and rank == 0:  # --quiet: the one line still reaches the user
            print(f"error: {message}", file=sys.stderr)
        events.emit("done", exit_code=code)
        if close_sink:
            sink.close()
        return code

    try:
        devices, gpu_idx = _devices(args.gpus)
    except ValueError as exc:
        return fail(str(exc), "input", 2)
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if gpu_idx and len(gpu_idx) > 1 and world == 1:
        return _relaunch(gpu_idx, argv if argv is not None else sys.argv[1:])
    if gpu_idx and world == 1:
        os.environ.setdefault("CUDA_VISIBLE_DEVICES", ",".join(gpu_idx))
    if not 0.0 <= args.held_out < 0.5:
        return fail("--held-out must be between 0 and 0.5", "input", 2)
    base = args.base or _default_base()
    settings = Settings(corpus=list(args.corpus), out=args.out, base=base, preset=args.preset,
                        devices=devices, held_out=args.held_out, general=args.general,
                        seed=args.seed, workers=max(1, args.workers), name=args.name)
    if args.general and not Path(args.general).is_file():
        return fail(f"--general {args.general}: no such file", "input", 2)
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    adaptation = Adaptation(settings, events, resume=args.resume)
    try:
        code = adaptation.run()
    except (InputError, AdaptError) as exc:
        _mark_failed(adaptation)
        return fail(str(exc), getattr(exc, "kind", "input"), 2)
    except Cancelled as exc:
        events.emit("cancelled", step=int(exc.step), resumable=True)
        events.emit("done", exit_code=130)
        return 130
    except KeyboardInterrupt:
        events.emit("cancelled", step=_last_step(adaptation), resumable=True)
        events.emit("done", exit_code=130)
        return 130
    except MemoryError:
        _mark_failed(adaptation)
        return fail("out of memory; try a smaller corpus or the quick preset", "internal", 1)
    except OSError as exc:
        _mark_failed(adaptation)
        import errno

        kind = "disk" if exc.errno in (errno.ENOSPC, errno.EACCES, errno.EROFS) else "internal"
        msg = "disk full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
        return fail(f"{msg}: {exc.filename or args.out}", kind, 1)
    except Exception as exc:  # one line for the user; the traceback goes to the run folder
        _mark_failed(adaptation)
        _save_traceback(adaptation)
        return fail(f"internal error: {type(exc).__name__}: {exc}", "internal", 1)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if rank == 0:
        events.emit("done", exit_code=code)
    if close_sink:
        sink.close()
    return code


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def _last_step(adaptation) -> int:
    state = adaptation.run_dir / "train" / "last.pt"
    if not state.exists():
        return 0
    try:
        import torch

        return int(torch.load(state, map_location="cpu", weights_only=False)["step"])
    except Exception:  # noqa: BLE001 - a best effort for the cancelled event
        return 0


def _mark_failed(adaptation) -> None:
    """Followers (ranks > 0) waiting for the shards stop when rank 0 fails."""
    try:
        if adaptation.run_dir.is_dir() and adaptation.rank == 0:
            (adaptation.run_dir / "failed").write_text("failed")
    except OSError:
        pass


def _save_traceback(adaptation) -> None:
    try:
        if adaptation.run_dir.is_dir():
            (adaptation.run_dir / "error.log").write_text(traceback.format_exc(), encoding="utf-8")
    except OSError:
        pass


def _relaunch(gpu_idx: list[str], argv: list[str]) -> int:
    """Run this command again under torchrun, one process per GPU (DDP over NCCL)."""
    env = dict(os.environ, CUDA_VISIBLE_DEVICES=",".join(gpu_idx))
    args = list(argv)
    if args and args[0] == "adapt":
        args = args[1:]
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone",
           f"--nproc_per_node={len(gpu_idx)}", "-m", "trainer.commands.adapt", *args]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, cmd, env)
    return 0  # not reached


def main(argv: list[str] | None = None) -> int:
    """`python -m trainer.commands.adapt ...` (torchrun's entry point)."""
    parser = argparse.ArgumentParser(prog="adapt")
    add_arguments(parser)
    args = parser.parse_args(argv)
    return run(args, argv)


if __name__ == "__main__":
    sys.exit(main())
