"""A tiny exported P2C model folder, built once per session by the real trainer."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "trainer"))


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory) -> Path:
    pytest.importorskip("torch")
    from p2c_fixtures import build_tiny_model

    return build_tiny_model(tmp_path_factory.mktemp("p2c"))
