"""The shipped sentiment-default model loads through the app's path and reads clear cases."""
from __future__ import annotations

import json

import pytest

from core import paths
from core.analysis import Analyzer, AnalyzerConfig

MODEL = paths.shipped_models_dir() / "sentiment-default"
pytestmark = pytest.mark.skipif(not (MODEL / "manifest.json").exists(), reason="no shipped model")


def test_manifest_describes_the_files():
    manifest = json.loads((MODEL / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format"] == "yinzi-sentiment/1"
    assert manifest["classes"] == ["negative", "positive"]
    for name in manifest["files"].values():
        assert (MODEL / name).exists()
    size = sum((MODEL / manifest["files"][k]).stat().st_size for k in ("fp32", "int8"))
    assert size <= 30 * 2**20  # the per-model budget of DESIGN.md
    assert manifest["parity"]["int8_argmax_agreement"] >= 0.98


@pytest.mark.parametrize("int8", [True, False])
def test_clear_cases(int8):
    analyzer = Analyzer(AnalyzerConfig(int8=int8))
    scores = analyzer.classify(["房间干净，服务热情，非常满意，下次还来！",
                                "质量太差了，用了两天就坏了，再也不买了。"])
    assert [s.label for s in scores] == ["positive", "negative"]
    assert "sentiment-default" in analyzer.model_name
