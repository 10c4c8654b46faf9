"""The session factory: CUDA->CPU fallback said once, clear errors for broken files, IO checks."""
from __future__ import annotations

import logging

import pytest

from core.inference.session import CUDA_FALLBACK_MESSAGE, ModelLoadError, create_session


def _cuda_really_works() -> bool:
    import onnxruntime as ort

    return "CUDAExecutionProvider" in ort.get_available_providers() and _has_gpu()


def _has_gpu() -> bool:
    import shutil

    return shutil.which("nvidia-smi") is not None


def test_cuda_requested_but_absent_falls_back_to_cpu_with_one_message(tiny_model_dir, caplog):
    if _cuda_really_works():
        pytest.skip("a usable GPU is present")
    with caplog.at_level(logging.WARNING, logger="yinzi.inference"):
        loaded = create_session(tiny_model_dir / "model.onnx", prefer_cuda=True)
    assert loaded.provider == "CPU"
    assert loaded.fallback_message == CUDA_FALLBACK_MESSAGE
    assert [r.getMessage() for r in caplog.records] == [CUDA_FALLBACK_MESSAGE]


def test_cpu_only_request_says_nothing(tiny_model_dir, caplog):
    with caplog.at_level(logging.WARNING, logger="yinzi.inference"):
        loaded = create_session(tiny_model_dir / "model.onnx", prefer_cuda=False)
    assert loaded.provider == "CPU" and loaded.fallback_message is None and not caplog.records


def test_fallback_when_the_cuda_session_cannot_be_created(tiny_model_dir, monkeypatch):
    import onnxruntime as ort

    real = ort.InferenceSession

    def fake(path, so=None, providers=None):
        if providers and "CUDAExecutionProvider" in providers:
            raise RuntimeError("CUDA failure: no device")
        return real(path, so, providers=providers)

    monkeypatch.setattr(ort, "get_available_providers", lambda: ["CUDAExecutionProvider", "CPUExecutionProvider"])
    monkeypatch.setattr(ort, "InferenceSession", fake)
    loaded = create_session(tiny_model_dir / "model.onnx", prefer_cuda=True)
    assert loaded.provider == "CPU" and loaded.fallback_message == CUDA_FALLBACK_MESSAGE


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "model file not found"), (b"", "model file is empty"),
     (b"this is not an onnx protobuf at all" * 10, "not a valid ONNX model")],
)
def test_broken_files_raise_model_load_error(tmp_path, content, message):
    path = tmp_path / "model.onnx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ModelLoadError, match=message):
        create_session(path, prefer_cuda=False)


def test_truncated_model_is_reported(tiny_model_dir, tmp_path):
    data = (tiny_model_dir / "model.onnx").read_bytes()
    (tmp_path / "cut.onnx").write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelLoadError, match="cut.onnx is not a valid ONNX model"):
        create_session(tmp_path / "cut.onnx", prefer_cuda=False)


def test_inputs_are_checked_against_the_manifest(tiny_model_dir):
    with pytest.raises(ModelLoadError, match="do not match its manifest"):
        create_session(tiny_model_dir / "model.onnx", prefer_cuda=False, expected_inputs=["input_ids"])
