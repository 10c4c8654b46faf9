"""Find the trainer and build the exact command lines the wizard runs (plain Python, no Qt).

The wizard only ever talks to `yinzi-train` through these commands and their JSON output, so
it works the same against a source checkout, an installed package or a trainer bundle.
"""
from __future__ import annotations

import importlib.util
import os
import shlex
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

TRAINER_ENV = "YINZI_TRAIN"         # a whole command (tests point it at a fake trainer)
BUNDLE_NAME = "yinzi-trainer"       # the trainer bundle shipped beside the app
PRESETS = ("quick", "standard", "thorough", "tiny")
INSTALL_HINT = (
    "The trainer (yinzi-train) is not installed. With the downloaded app: install the "
    "yinzi-trainer package too (on Linux its install.sh puts it in ~/.local/opt/yinzi/"
    "yinzi-trainer, beside the app, where this wizard looks). With Python: "
    "`pip install 'yinzi[train]'` puts yinzi-train on PATH; in a source checkout run `make setup`.")
CUDA_BUNDLE_HINT = (
    "This trainer is a CPU build, but this computer has an NVIDIA GPU. To train on the GPU, "
    "install the CUDA build of the yinzi-trainer package in its place.")
CUDA_PIP_HINT = (
    "This PyTorch is a CPU build, but this computer has an NVIDIA GPU. To train on the GPU, "
    "install a CUDA build: `pip install torch --index-url https://download.pytorch.org/whl/cu128` "
    "(in a source checkout: `make setup TORCH_INDEX=cu128`).")


@dataclass(frozen=True)
class Trainer:
    """How to run `yinzi-train`: `argv` is the prefix its sub-commands follow."""

    argv: tuple[str, ...]
    how: str                 # "env" | "bundle" | "path" | "module"

    @property
    def is_module(self) -> bool:
        return self.how == "module"

    def describe(self) -> str:
        return " ".join(shlex.quote(a) for a in self.argv)


@dataclass(frozen=True)
class Command:
    """One child process: its argv and the environment variables to add to the wizard's."""

    argv: tuple[str, ...]
    env: Mapping[str, str] = field(default_factory=dict)

    def describe(self) -> str:
        prefix = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env.items())
        line = " ".join(shlex.quote(a) for a in self.argv)
        return f"{prefix} {line}" if prefix else line


class TorchrunMissing(RuntimeError):
    """Several GPUs were ticked but no torchrun launcher was found for this trainer."""


def _exe(name: str, platform: str) -> str:
    return f"{name}.exe" if platform.startswith("win") else name


def find_trainer(
    *,
    environ: Mapping[str, str] | None = None,
    executable: str | None = None,
    which: Callable[[str], str | None] = shutil.which,
    find_spec: Callable[[str], object] = importlib.util.find_spec,
    platform: str | None = None,
) -> Trainer | None:
    """The trainer to run, in this order: $YINZI_TRAIN, a yinzi-trainer bundle beside the app
    executable, `yinzi-train` on PATH, `python -m trainer.cli` when the package can be found
    (looked up, never imported); None when there is none (say INSTALL_HINT)."""
    environ = os.environ if environ is None else environ
    executable = executable or sys.executable
    platform = platform or sys.platform
    command = environ.get(TRAINER_ENV, "").strip()
    if command:
        argv = shlex.split(command, posix=not platform.startswith("win"))
        if argv:
            return Trainer(tuple(argv), "env")
    here = Path(executable).resolve().parent
    for candidate in (here / BUNDLE_NAME / _exe("yinzi-train", platform),
                      here / BUNDLE_NAME / _exe(BUNDLE_NAME, platform),
                      here / _exe(BUNDLE_NAME, platform)):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return Trainer((str(candidate),), "bundle")
    on_path = which("yinzi-train")
    if on_path:
        return Trainer((on_path,), "path")
    # find_spec("trainer.cli") would import the `trainer` package: look for cli.py instead.
    try:
        spec = find_spec("trainer")
    except (ImportError, ValueError):
        spec = None
    locations = getattr(spec, "submodule_search_locations", None) or []
    if any((Path(loc) / "cli.py").is_file() for loc in locations):
        return Trainer((executable, "-m", "trainer.cli"), "module")
    return None


def nvidia_gpu_present(*, proc: Path = Path("/proc/driver/nvidia/gpus"),
                       which: Callable[[str], str | None] = shutil.which) -> bool:
    """Whether an NVIDIA GPU and its driver are here, whatever torch can see: the driver's
    /proc folder (Linux) or nvidia-smi on PATH (Windows and Linux)."""
    try:
        if proc.is_dir() and any(proc.iterdir()):
            return True
    except OSError:
        pass
    return which("nvidia-smi") is not None


def cuda_build_hint(trainer: Trainer, devices: Mapping[str, object], *,
                    gpu_present: Callable[[], bool] = nvidia_gpu_present) -> str | None:
    """What to install to train on the GPU, when the trainer's torch is a CPU build
    (`devices --json` says so) and an NVIDIA GPU is present; None otherwise."""
    torch = devices.get("torch") or {}
    if not isinstance(torch, Mapping) or torch.get("cuda_build", True) or devices.get("cuda"):
        return None
    if not gpu_present():
        return None
    return CUDA_BUNDLE_HINT if trainer.how == "bundle" else CUDA_PIP_HINT


def trainer_build(devices: Mapping[str, object]) -> str:
    """"CUDA", "CPU" or "" (unknown): the build of the trainer's torch, from `devices --json`."""
    torch = devices.get("torch")
    if not isinstance(torch, Mapping) or "cuda_build" not in torch:
        return ""
    return "CUDA" if torch.get("cuda_build") else "CPU"


def inspect_command(trainer: Trainer, paths: Sequence[str]) -> Command:
    return Command((*trainer.argv, "inspect-corpus", "--json", *map(str, paths)))


def devices_command(trainer: Trainer, *, measure_seconds: float = 0.0) -> Command:
    """`devices --json`; with `measure_seconds`, also the measured throughput (a few seconds
    a device) that scales the presets' time estimates."""
    argv = (*trainer.argv, "devices", "--json")
    if measure_seconds > 0:
        argv += ("--measure", f"{measure_seconds:g}")
    return Command(argv)


@dataclass(frozen=True)
class AdaptOptions:
    """What the wizard's pages chose for `yinzi-train adapt`."""

    corpus: tuple[str, ...]
    out: str
    preset: str = "quick"
    gpus: tuple[int, ...] = ()          # CUDA indices ticked; () = CPU
    held_out: float | None = None       # None = the trainer's default
    general: str | None = None
    lr: float | None = None
    max_steps: int | None = None
    batch_size: int | None = None
    resume: bool = False

    def __post_init__(self) -> None:
        if self.preset not in PRESETS:
            raise ValueError(f"preset must be one of {PRESETS}, got {self.preset!r}")
        if not self.corpus:
            raise ValueError("adapt needs at least one corpus file or folder")
        if len(set(self.gpus)) != len(self.gpus) or any(g < 0 for g in self.gpus):
            raise ValueError(f"bad GPU list {self.gpus!r}")


def _adapt_args(options: AdaptOptions, gpus: str) -> list[str]:
    args = ["adapt", "--corpus", *options.corpus, "--out", options.out,
            "--preset", options.preset, "--gpus", gpus]
    if options.held_out is not None:
        args += ["--held-out", f"{options.held_out:g}"]
    if options.general:
        args += ["--general", options.general]
    if options.lr is not None:
        args += ["--lr", f"{options.lr:g}"]
    if options.max_steps is not None:
        args += ["--max-steps", str(options.max_steps)]
    if options.batch_size is not None:
        args += ["--batch-size", str(options.batch_size)]
    args += ["--events", "-"]
    if options.resume:
        args.append("--resume")
    return args


def find_torchrun(trainer: Trainer, *, which: Callable[[str], str | None] = shutil.which,
                  platform: str | None = None) -> str | None:
    """torchrun beside the trainer's executable (a venv's bin/, a bundle), else on PATH."""
    platform = platform or sys.platform
    beside = Path(trainer.argv[0]).parent / _exe("torchrun", platform)
    if trainer.how in ("bundle", "path") and beside.is_file():
        return str(beside)
    return which("torchrun")


def adapt_command(trainer: Trainer, options: AdaptOptions, *,
                  which: Callable[[str], str | None] = shutil.which,
                  platform: str | None = None) -> Command:
    """CPU: `--gpus cpu`. One GPU: in-process, `--gpus <index>`. Several: torchrun with one
    process per GPU, CUDA_VISIBLE_DEVICES naming the ticked GPUs (so inside they are 0..N-1)."""
    if not options.gpus:
        return Command((*trainer.argv, *_adapt_args(options, "cpu")))
    if len(options.gpus) == 1:
        return Command((*trainer.argv, *_adapt_args(options, str(options.gpus[0]))))
    n = len(options.gpus)
    env = {"CUDA_VISIBLE_DEVICES": ",".join(map(str, options.gpus))}
    args = _adapt_args(options, ",".join(map(str, range(n))))
    if trainer.is_module:
        python = trainer.argv[0]
        return Command((python, "-m", "torch.distributed.run", "--nproc_per_node", str(n),
                        "-m", "trainer.cli", *args), env)
    torchrun = find_torchrun(trainer, which=which, platform=platform)
    if torchrun is None:
        raise TorchrunMissing("training on several GPUs needs torchrun (it comes with PyTorch)")
    # --no-python: torchrun starts the trainer's own executable once per GPU.
    return Command((torchrun, "--nproc_per_node", str(n), "--no-python", *trainer.argv, *args), env)


def sentiment_command(trainer: Trainer, *, train: Sequence[str], out: str,
                      device: str = "auto") -> Command:
    """`finetune-sentiment` on labelled files; its model lands in OUT/model."""
    if device not in ("auto", "cpu", "cuda"):
        raise ValueError(f"device must be auto, cpu or cuda, got {device!r}")
    if not train:
        raise ValueError("finetune-sentiment needs at least one labelled file")
    return Command((*trainer.argv, "finetune-sentiment", "--train", *map(str, train),
                    "--out", out, "--device", device))


# The trainer's preset time boxes for the neural stage, in minutes (CPU, GPU); quick skips the
# neural stage on a CPU (it gains ~0.1 point there). With the lexicon layer's throughput and
# the held-out evaluation they give the rough duration shown beside each preset.
PRESET_NEURAL_MINUTES = {"tiny": (0.5, 0.5), "quick": (0.0, 5.0), "standard": (30.0, 30.0),
                         "thorough": (120.0, 120.0)}
EVALUATION_MINUTES = {"tiny": 0.5, "quick": 3.0, "standard": 4.0, "thorough": 6.0}
EXPORT_MINUTES = 1.0                     # ONNX fp32 + int8, only after a neural stage
LEXICON_CHARS_PER_MINUTE = 600_000       # segmentation + counting, 2 worker processes
# `devices --measure` on the machine LEXICON_CHARS_PER_MINUTE was timed on (2 loaded cores,
# 2026-12-06: 5.0 M characters of poetry took 10:45 with `--preset quick`): a machine that
# segments faster builds the word layer proportionally faster.
REFERENCE_SEGMENTATION_CHARS_PER_S = 590_000


def estimate_minutes(preset: str, han_chars: int, *, gpu: bool = False,
                     throughput: dict | None = None) -> float:
    """A rough duration for a preset: the word layer by corpus size (scaled by this machine's
    measured segmentation speed when `throughput` from `devices --measure` is given), the
    neural stage's time box (none for quick on a CPU), export, and the before/after evaluation."""
    neural = PRESET_NEURAL_MINUTES[preset][1 if gpu else 0]
    export = EXPORT_MINUTES if neural else 0.0
    speed = 1.0
    measured = (throughput or {}).get("segmentation_chars_per_s")
    if isinstance(measured, (int, float)) and measured > 0:
        speed = measured / REFERENCE_SEGMENTATION_CHARS_PER_S
    return (han_chars / LEXICON_CHARS_PER_MINUTE / speed + neural + export
            + EVALUATION_MINUTES[preset] / speed)


def tokens_in_time_box(preset: str, devices: Sequence[str], throughput: dict | None) -> float | None:
    """Training tokens the preset's time box holds on `devices` ("cpu", "cuda:0"...) at the
    measured rates (several GPUs add up), or None when nothing was measured or nothing trains."""
    rates = (throughput or {}).get("training_tokens_per_s") or {}
    gpu = any(d.startswith("cuda") for d in devices)
    minutes = PRESET_NEURAL_MINUTES[preset][1 if gpu else 0]
    measured = [rates[d] for d in devices if isinstance(rates.get(d), (int, float))]
    if not minutes or not measured:
        return None
    return sum(measured) * 60 * minutes


def unknown_command(stderr: str) -> bool:
    """argparse's answer when the trainer lacks a sub-command or an option (an older trainer)."""
    return usage_error(stderr) is not None


def usage_error(stderr: str) -> tuple[str, str] | None:
    """("command", name) or ("option", the options) when argparse refused the command line."""
    import re

    found = re.search(r"invalid choice: '([^']*)'", stderr)
    if found:
        return "command", found.group(1)
    found = re.search(r"unrecognized arguments: (.*)", stderr)
    if found:
        return "option", found.group(1).strip()
    return None
