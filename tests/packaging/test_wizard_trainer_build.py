"""The wizard's words about the trainer it found: which torch build it has, and what to
install to use an NVIDIA GPU that a CPU build cannot."""
from __future__ import annotations

from pathlib import Path

from desktop.wizard import commands as c

BUNDLE = c.Trainer(("/opt/yinzi/yinzi-trainer/yinzi-train",), "bundle")
ON_PATH = c.Trainer(("/usr/bin/yinzi-train",), "path")
CPU_BUILD = {"cpu": {"name": "x", "cores": 2}, "cuda": [], "torch": {"version": "2.13.0+cpu", "cuda_build": False}}
CUDA_BUILD = {"cuda": [], "torch": {"version": "2.13.0+cu128", "cuda_build": True}}


def test_build_named_from_devices_json() -> None:
    assert c.trainer_build(CPU_BUILD) == "CPU"
    assert c.trainer_build(CUDA_BUILD) == "CUDA"
    assert c.trainer_build({}) == ""


def test_cpu_build_with_a_gpu_says_what_to_install() -> None:
    assert c.cuda_build_hint(BUNDLE, CPU_BUILD, gpu_present=lambda: True) == c.CUDA_BUNDLE_HINT
    assert c.cuda_build_hint(ON_PATH, CPU_BUILD, gpu_present=lambda: True) == c.CUDA_PIP_HINT
    assert "TORCH_INDEX=cu128" in c.CUDA_PIP_HINT


def test_no_hint_without_a_gpu_or_with_a_cuda_build() -> None:
    assert c.cuda_build_hint(BUNDLE, CPU_BUILD, gpu_present=lambda: False) is None
    assert c.cuda_build_hint(BUNDLE, CUDA_BUILD, gpu_present=lambda: True) is None
    assert c.cuda_build_hint(BUNDLE, {}, gpu_present=lambda: True) is None


def test_gpu_seen_through_the_driver_or_nvidia_smi(tmp_path: Path) -> None:
    gpus = tmp_path / "gpus"
    assert not c.nvidia_gpu_present(proc=gpus, which=lambda n: None)
    gpus.mkdir()
    assert not c.nvidia_gpu_present(proc=gpus, which=lambda n: None)   # driver, no GPU
    (gpus / "0000:01:00.0").mkdir()
    assert c.nvidia_gpu_present(proc=gpus, which=lambda n: None)
    assert c.nvidia_gpu_present(proc=tmp_path / "none", which=lambda n: "/usr/bin/nvidia-smi")


def test_install_hint_names_both_ways() -> None:
    assert "yinzi-trainer" in c.INSTALL_HINT and "pip install" in c.INSTALL_HINT


def test_frozen_app_finds_the_trainer_bundle_installed_beside_it(tmp_path: Path) -> None:
    # The layout install.sh makes: ~/.local/opt/yinzi/yinzi and .../yinzi-trainer/yinzi-train
    app = tmp_path / "opt" / "yinzi" / "yinzi"
    app.parent.mkdir(parents=True)
    app.write_text("")
    train = app.parent / "yinzi-trainer" / "yinzi-train"
    train.parent.mkdir()
    train.write_text("#!/bin/sh\n")
    train.chmod(0o755)
    found = c.find_trainer(environ={}, executable=str(app), which=lambda n: None,
                           find_spec=lambda n: None, platform="linux")
    assert found == c.Trainer((str(train),), "bundle")
