"""Exported model folders record the size and sha256 of every file they hold (core.integrity)."""
from __future__ import annotations

import json

import pytest

pytest.importorskip("torch")


@pytest.mark.parametrize("kind", ["p2c", "sentiment"])
def test_an_exported_folder_is_stamped_and_verifies(tmp_path, kind):
    from core import integrity

    if kind == "p2c":
        from p2c_fixtures import build_tiny_model
        folder = build_tiny_model(tmp_path, steps=2)
        needed = {"model.onnx", "model.int8.onnx", "vocab.json"}
    else:
        from sentiment_fixtures import make_model_dir
        folder = make_model_dir(tmp_path)
        needed = {"model.onnx", "model.int8.onnx", "vocab.json"}
    recorded = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))[integrity.KEY]
    assert needed <= set(recorded)
    assert integrity.verify(folder) == []
    with open(folder / "model.onnx", "r+b") as fh:
        fh.truncate(100)
    assert integrity.verify(folder, ["model.onnx"]) == [
        f"model.onnx has 100 bytes, the manifest records {recorded['model.onnx']['size']}"]
