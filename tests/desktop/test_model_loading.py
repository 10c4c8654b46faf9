"""The neural model loads in the background; the n-gram decoder serves meanwhile."""
from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from desktop_keys import key, type_keys

import desktop.main_window as main_window_module
from desktop.qt import Qt

pytestmark = pytest.mark.gui


class StubScorer:
    """Stands in for the ONNX scorer: prefers nothing, reports a name and a provider."""

    name = "p2c-test int8"
    provider = "CPU"

    def score(self, context, paths):
        return [0.0 for _ in paths]


def test_typing_works_while_the_model_loads_then_status_shows_it(main_window, qtbot, monkeypatch):
    gate = threading.Event()

    def slow_load(name, *, prefer_cuda):
        assert name == "p2c-test"
        gate.wait(5)
        return StubScorer()

    monkeypatch.setattr(main_window_module, "load_scorer", slow_load)
    main_window.settings = replace(main_window.settings, model="p2c-test")
    main_window.start_model_load()
    assert main_window.model_loading
    assert "loading" in main_window.model_label.text()
    # the window is usable at once: the n-gram decoder answers
    type_keys(main_window.editor, "nihao")
    key(main_window.editor, Qt.Key.Key_Space, " ")
    assert main_window.editor.toPlainText() == "你好"
    with qtbot.waitSignal(main_window.modelLoaded, timeout=5000):
        gate.set()
    assert main_window.engine.decoder_name == "p2c-test int8 (CPU)"
    assert "p2c-test int8 (CPU)" in main_window.model_label.text()
    assert not main_window.model_loading


def test_a_model_that_fails_to_load_leaves_the_ngram_decoder(main_window, qtbot, monkeypatch):
    def broken(name, *, prefer_cuda):
        raise FileNotFoundError("model.onnx is missing")

    monkeypatch.setattr(main_window_module, "load_scorer", broken)
    main_window.settings = replace(main_window.settings, model="p2c-broken")
    with qtbot.waitSignal(main_window.modelLoaded, timeout=5000):
        main_window.start_model_load()
    assert main_window.engine.decoder_name == "n-gram"
    assert "unavailable" in main_window.model_label.text()
    assert "model.onnx is missing" in main_window.model_label.toolTip()


def test_unknown_model_name_is_a_clear_error():
    from desktop.model_loader import ModelNotFound, load_scorer

    with pytest.raises(ModelNotFound, match="not found"):
        load_scorer("no-such-model")


@pytest.mark.slow
def test_the_shipped_model_loads_in_the_background_and_serves(main_window, qtbot):
    from desktop.model_loader import find_model
    from desktop.settings import DEFAULT_MODEL

    if find_model(DEFAULT_MODEL) is None:
        pytest.skip("no shipped p2c-default model in resources/models")
    main_window.settings = replace(main_window.settings, model=DEFAULT_MODEL, prefer_cuda=False)
    with qtbot.waitSignal(main_window.modelLoaded, timeout=60000):
        main_window.start_model_load()
        type_keys(main_window.editor, "nihao")      # served by the n-gram decoder meanwhile
        key(main_window.editor, Qt.Key.Key_Space, " ")
    assert main_window.text() == "你好"
    assert main_window.engine.decoder_name.startswith(DEFAULT_MODEL)
    assert "CPU" in main_window.model_label.text()
    type_keys(main_window.editor, "woaibeijing ")
    assert main_window.text() == "你好我爱北京"
