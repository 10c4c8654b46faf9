"""A tiny exported sentiment model (real ONNX files, briefly trained) shared by analysis tests."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "trainer"))


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory) -> Path:
    from sentiment_fixtures import make_model_dir

    return make_model_dir(tmp_path_factory.mktemp("tiny_sentiment"), train_steps=120)
