"""pyproject.toml's dependencies: exactly one ONNX Runtime on every platform, the app's extra
without torch, the trainer's run-time needs in `train`, the readings' libraries pinned."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
PLATFORMS = [
    {"sys_platform": "linux", "platform_machine": "x86_64"},
    {"sys_platform": "linux", "platform_machine": "aarch64"},
    {"sys_platform": "win32", "platform_machine": "AMD64"},
    {"sys_platform": "win32", "platform_machine": "ARM64"},
    {"sys_platform": "darwin", "platform_machine": "arm64"},
    {"sys_platform": "darwin", "platform_machine": "x86_64"},
]


def names(reqs: list[str]) -> set[str]:
    return {Requirement(r).name.lower() for r in reqs}


@pytest.mark.parametrize("env", PLATFORMS, ids=lambda e: f"{e['sys_platform']}-{e['platform_machine']}")
def test_one_onnx_runtime_per_platform(env: dict[str, str]) -> None:
    chosen = [Requirement(r).name for r in PROJECT["dependencies"]
              if Requirement(r).name.startswith("onnxruntime")
              and (Requirement(r).marker is None or Requirement(r).marker.evaluate(env))]
    assert len(chosen) == 1, chosen
    gpu_wheels = env in PLATFORMS[:1] + PLATFORMS[2:3]     # x86-64 Linux and Windows
    assert chosen == ["onnxruntime-gpu" if gpu_wheels else "onnxruntime"]


def test_the_app_extra_has_no_training_stack() -> None:
    assert not names(PROJECT["optional-dependencies"]["desktop"]) & {"torch", "onnx", "onnxscript"}


def test_trainer_run_time_needs_are_in_train() -> None:
    extras = PROJECT["optional-dependencies"]
    assert {"torch", "onnx", "scikit-learn", "snownlp", "matplotlib"} <= names(extras["train"])
    assert not names(extras["dev"]) & {"scikit-learn", "snownlp", "matplotlib", "pytest-benchmark"}


def test_readings_libraries_are_pinned() -> None:
    pins = {Requirement(r).name: str(Requirement(r).specifier) for r in PROJECT["dependencies"]}
    assert pins["pypinyin"].startswith("==") and pins["jieba"].startswith("==")
