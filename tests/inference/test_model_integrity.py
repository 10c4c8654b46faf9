"""A model file that differs from its manifest's size or sha256 is refused with a clear error."""
from __future__ import annotations

import shutil

import pytest

from core import paths
from core.inference.p2c_scorer import load_p2c_scorer
from core.inference.session import ModelLoadError


@pytest.fixture()
def model_copy(tmp_path):
    out = tmp_path / "p2c"
    shutil.copytree(paths.shipped_models_dir() / "p2c-default", out)
    return out


def test_the_shipped_model_verifies_and_loads(model_copy):
    assert load_p2c_scorer(model_copy, prefer_cuda=False) is not None


def test_a_model_with_flipped_bytes_is_refused(model_copy):
    path = model_copy / "model.int8.onnx"
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 64] = bytes(b ^ 0x5A for b in data[middle:middle + 64])  # same size
    path.write_bytes(bytes(data))
    with pytest.raises(ModelLoadError, match="model.int8.onnx is damaged.*sha256"):
        load_p2c_scorer(model_copy, prefer_cuda=False)


def test_a_truncated_model_names_its_size(model_copy):
    path = model_copy / "model.int8.onnx"
    data = path.read_bytes()
    path.write_bytes(data[:-10])
    with pytest.raises(ModelLoadError, match=f"has {len(data) - 10} bytes"):
        load_p2c_scorer(model_copy, prefer_cuda=False)
