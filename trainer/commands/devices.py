"""`yinzi-train devices --json`: the CPU and every CUDA GPU torch sees (the wizard's hardware page)."""
from __future__ import annotations

import argparse
import json
import os
import platform
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser("devices", help="list the CPU and the CUDA GPUs training can use",
                              description="The CPU (name, cores) and each CUDA GPU (name, total and "
                                          "free memory in MB) that torch sees.")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.add_argument("--measure", type=float, default=0.0, metavar="SECONDS",
                   help="also measure, for about this many seconds each, how fast this machine "
                        "segments text (the word layer) and trains the base model on each device "
                        "(the wizard's time estimates)")
    p.add_argument("--base", default=None, help="model folder whose size --measure trains "
                   "(default: the shipped p2c-default)")
    p.set_defaults(func=run)


def cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "CPU"


def describe() -> dict:
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import torch

    cuda = []
    if torch.cuda.is_available():
        for i in range(torch.cuda.device_count()):
            props = torch.cuda.get_device_properties(i)
            try:
                free, total = torch.cuda.mem_get_info(i)
            except RuntimeError:
                free, total = 0, props.total_memory
            cuda.append({"index": i, "name": props.name, "total_mb": int(total // 2**20),
                         "free_mb": int(free // 2**20)})
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return {"cpu": {"name": cpu_name(), "cores": cores}, "cuda": cuda,
            "torch": {"version": torch.__version__, "cuda_build": torch.version.cuda is not None}}


_SAMPLE = ("我们正在开会讨论明天的计划。今天天气很好，适合出去走走。这个输入法可以在自己的电脑上"
           "重新训练模型。北京大学的学生在图书馆学习。他说这件事情已经解决了。") * 4


def measure_segmentation(seconds: float) -> float:
    """Han characters a second that jieba segments here (the word layer's main cost)."""
    import time

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        jieba.lcut(_SAMPLE, HMM=False)
        done += len(_SAMPLE)
    return done / (time.perf_counter() - start)


def measure_training(device: str, base: str, seconds: float, batch_size: int = 32,
                     length: int = 48) -> float:
    """Tokens a second of training steps of the base model's size on `device` (synthetic
    batches of the real shape; bf16 autocast on CUDA, as the trainer runs)."""
    import time

    import torch

    from core.model.network import P2CModel
    from core.model.spec import ModelSpec, Vocab

    manifest = json.loads((Path(base) / "manifest.json").read_text(encoding="utf-8"))
    vocab = Vocab.load(Path(base) / "vocab.json")
    dev = torch.device(device)
    model = P2CModel(ModelSpec.from_dict(manifest["spec"])).to(dev)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-5)
    mask = torch.from_numpy(vocab.candidate_mask).to(dev)
    py = torch.randint(5, vocab.pinyin.size, (batch_size, length), device=dev)
    hz = torch.randint(5, vocab.hanzi.size, (batch_size, length), device=dev)
    tgt = torch.where(torch.rand(batch_size, length, device=dev) < 0.4, hz, 0)

    def step() -> None:
        with torch.autocast(device_type=dev.type, dtype=torch.bfloat16, enabled=dev.type == "cuda"):
            loss, _, _ = model.restricted_loss(py, hz, tgt, mask)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if dev.type == "cuda":
            torch.cuda.synchronize(dev)

    step()  # warm-up: allocation, kernels
    steps, start = 0, time.perf_counter()
    while steps < 2 or time.perf_counter() - start < seconds:
        step()
        steps += 1
    return steps * batch_size * length / (time.perf_counter() - start)


def measure(info: dict, seconds: float, base: str | None) -> dict:
    """Throughput figures for the wizard's estimates; a device that fails is left out."""
    from core import paths

    base = base or str(paths.shipped_models_dir() / "p2c-default")
    out: dict = {"seconds_each": seconds,
                 "segmentation_chars_per_s": round(measure_segmentation(seconds)),
                 "training_tokens_per_s": {}}
    devices = ["cpu"] + [f"cuda:{g['index']}" for g in info["cuda"]]
    for device in devices:
        try:
            out["training_tokens_per_s"][device] = round(measure_training(device, base, seconds))
        except Exception as exc:  # report what could be measured; the wizard falls back
            out.setdefault("errors", {})[device] = str(exc)
    return out


def run(args: argparse.Namespace) -> int:
    info = describe()
    if args.measure > 0:
        info["throughput"] = measure(info, args.measure, args.base)
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
        return 0
    print(f"CPU: {info['cpu']['name']} ({info['cpu']['cores']} cores)")
    for g in info["cuda"]:
        print(f"GPU {g['index']}: {g['name']}, {g['total_mb']:,} MB ({g['free_mb']:,} MB free)")
    if not info["cuda"]:
        print("no CUDA GPU" + ("" if info["torch"]["cuda_build"] else " (this torch has no CUDA support)"))
    if "throughput" in info:
        t = info["throughput"]
        print(f"word segmentation: {t['segmentation_chars_per_s']:,} Han characters/s (one process)")
        for device, rate in t["training_tokens_per_s"].items():
            print(f"training on {device}: {rate:,} tokens/s")
    return 0
