"""ONNX Runtime session factory: CUDA when usable, else CPU, with one clear fallback message.

`onnxruntime-gpu` lists CUDA among the available providers even on machines without a GPU
(or without the CUDA/cuDNN libraries); only `session.get_providers()` tells what really runs.
So: ask for CUDA first, look at what we got, and say once, in plain words, when it fell back.
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core import integrity, offline

log = logging.getLogger("yinzi.inference")

CUDA = "CUDAExecutionProvider"
CPU = "CPUExecutionProvider"
CUDA_FALLBACK_MESSAGE = (
    "A GPU (CUDA) was requested but cannot be used on this machine (no NVIDIA GPU, or the "
    "CUDA/cuDNN libraries onnxruntime-gpu needs are missing); the model runs on the CPU instead."
)


class ModelLoadError(RuntimeError):
    """A model that cannot be loaded; the message says which file and why, in plain words."""


@dataclass
class LoadedSession:
    session: Any                   # onnxruntime.InferenceSession
    provider: str                  # "CUDA" or "CPU": what actually runs
    path: Path
    fallback_message: str | None = None
    input_names: list[str] = field(default_factory=list)
    output_names: list[str] = field(default_factory=list)


def _ort():
    if "onnxruntime" not in sys.modules:
        offline.apply()  # the entry points do this first; this covers any other caller
    try:
        import onnxruntime
    except ImportError as exc:  # pragma: no cover - the package is a core dependency
        raise ModelLoadError(
            "onnxruntime is not installed: install it with `pip install onnxruntime-gpu` "
            "(or `pip install onnxruntime` for CPU only; never both)"
        ) from exc
    offline.disable_after_import(onnxruntime)
    return onnxruntime


def _options(ort, threads: int, quiet: bool):
    so = ort.SessionOptions()
    # 1 thread was the most predictable per-keystroke latency on 2 busy cores.
    so.intra_op_num_threads = max(1, threads)
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    # The CUDA attempt logs a long native error when the libraries are missing; we say it
    # ourselves, once, so the native log is kept to fatal errors during that attempt.
    so.log_severity_level = 4 if quiet else 3
    return so


def create_session(
    path: str | Path,
    *,
    prefer_cuda: bool = True,
    threads: int = 1,
    expected_inputs: Sequence[str] | None = None,
    expected_outputs: Sequence[str] | None = None,
) -> LoadedSession:
    """Open an ONNX model; validate its inputs/outputs; report the provider actually used."""
    path = Path(path)
    if not path.is_file():
        raise ModelLoadError(f"model file not found: {path}")
    if path.stat().st_size == 0:
        raise ModelLoadError(f"model file is empty: {path}")
    if (path.parent / integrity.MANIFEST).is_file():
        # A model folder records its files' sizes and sha256: a damaged copy fails here, in
        # plain words, instead of loading and giving quietly wrong scores.
        problems = integrity.verify(path.parent, [path.name])
        if problems:
            raise ModelLoadError(f"{path} is damaged, not a valid ONNX model for its folder "
                                 f"({problems[0]}); reinstall Yinzi or export the model again")
    ort = _ort()
    message = None
    want_cuda = prefer_cuda and CUDA in ort.get_available_providers()
    sess = None
    if want_cuda:
        # The native CUDA-provider loader logs its own errors at process level, not per session.
        ort.set_default_logger_severity(4)
        try:
            sess = ort.InferenceSession(str(path), _options(ort, threads, quiet=True), providers=[CUDA, CPU])
        except Exception as exc:  # a CUDA provider that fails hard: fall back once below
            if _is_corrupt(exc):
                raise ModelLoadError(f"{path} is not a valid ONNX model (corrupt or truncated): {_short(exc)}") from exc
            sess = None
        finally:
            ort.set_default_logger_severity(3)
        if sess is None or sess.get_providers()[0] != CUDA:
            message = CUDA_FALLBACK_MESSAGE
    elif prefer_cuda:
        message = CUDA_FALLBACK_MESSAGE
    if sess is None:
        try:
            sess = ort.InferenceSession(str(path), _options(ort, threads, quiet=False), providers=[CPU])
        except Exception as exc:
            raise ModelLoadError(f"{path} is not a valid ONNX model (corrupt or truncated): {_short(exc)}") from exc
    if message:
        log.warning(message)
    provider = "CUDA" if sess.get_providers()[0] == CUDA else "CPU"
    inputs = [i.name for i in sess.get_inputs()]
    outputs = [o.name for o in sess.get_outputs()]
    if expected_inputs is not None and sorted(inputs) != sorted(expected_inputs):
        raise ModelLoadError(
            f"{path}: the model's inputs {inputs} do not match its manifest {list(expected_inputs)}"
        )
    if expected_outputs is not None and sorted(outputs) != sorted(expected_outputs):
        raise ModelLoadError(
            f"{path}: the model's outputs {outputs} do not match its manifest {list(expected_outputs)}"
        )
    return LoadedSession(sess, provider, path, message, inputs, outputs)


def _is_corrupt(exc: Exception) -> bool:
    text = str(exc).lower()
    return any(s in text for s in ("protobuf", "invalid model", "parse", "load model"))


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]
