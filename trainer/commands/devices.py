"""`yinzi-train devices --json`: the CPU and every CUDA GPU torch sees (the wizard's hardware page)."""
from __future__ import annotations

import argparse
import json
import os
import platform


def register(subparsers) -> None:
    p = subparsers.add_parser("devices", help="list the CPU and the CUDA GPUs training can use",
                              description="The CPU (name, cores) and each CUDA GPU (name, total and "
                                          "free memory in MB) that torch sees.")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
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


def run(args: argparse.Namespace) -> int:
    info = describe()
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
        return 0
    print(f"CPU: {info['cpu']['name']} ({info['cpu']['cores']} cores)")
    for g in info["cuda"]:
        print(f"GPU {g['index']}: {g['name']}, {g['total_mb']:,} MB ({g['free_mb']:,} MB free)")
    if not info["cuda"]:
        print("no CUDA GPU" + ("" if info["torch"]["cuda_build"] else " (this torch has no CUDA support)"))
    return 0
