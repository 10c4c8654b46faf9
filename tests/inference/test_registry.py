"""The model registry lists shipped and user model folders with their manifests."""
from __future__ import annotations

import json

from core import paths
from core.inference.registry import list_models


def _model(folder, name, kind):
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text(json.dumps({"format": "yinzi-model/1", "name": name, "kind": kind}))


def test_lists_shipped_then_user_models(tmp_path, monkeypatch):
    monkeypatch.setenv("YINZI_RESOURCES", str(tmp_path / "res"))
    _model(tmp_path / "res" / "models" / "p2c-default", "p2c-default", "p2c")
    _model(paths.user_models_dir() / "mine", "mine", "p2c")
    _model(paths.user_models_dir() / "senti", "senti", "sentiment")
    (paths.user_models_dir() / "broken").mkdir()
    (paths.user_models_dir() / "broken" / "manifest.json").write_text("{")
    models = list_models()
    assert [(m.name, m.source) for m in models] == [("p2c-default", "shipped"), ("mine", "user"), ("senti", "user")]
    assert [m.name for m in list_models("p2c")] == ["p2c-default", "mine"]
    assert models[0].manifest["kind"] == "p2c"
