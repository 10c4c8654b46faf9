"""The model manager and its store against a temporary YINZI_HOME: list with cards, switch,
switch back, rename, delete (never a shipped model), install atomically."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.settings import DEFAULT_MODEL, AppSettings, SettingsStore
from desktop.wizard.model_store import ModelStore, ModelStoreError, check_name

pytestmark = pytest.mark.gui


def _make_model(folder: Path, name: str, kind: str = "p2c", card: str | None = None) -> Path:
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text(json.dumps({"name": name, "kind": kind, "format": "yinzi-model/1"}))
    (folder / "model.onnx").write_bytes(b"\0" * 16)
    if card is not None:
        (folder / "MODEL_CARD.md").write_text(card, encoding="utf-8")
    return folder


@pytest.fixture
def user_models(yinzi_home):
    root = yinzi_home / "data" / "models"
    _make_model(root / "medical", "medical", card="# Medical notes\n\nAdapted on **clinic** notes.\n")
    _make_model(root / "novel", "novel")
    return root


@pytest.fixture
def manager(qtbot, user_models):
    from desktop.model_manager import ModelManagerWindow

    window = ModelManagerWindow(ModelStore())
    window.ask_delete = lambda name: True
    qtbot.addWidget(window)
    window.show()
    return window


def test_lists_shipped_and_user_models_with_cards(manager, user_models):
    names = manager.names()
    assert names[:2] == ["p2c-default", "sentiment-default"] and {"medical", "novel"} <= set(names)
    assert manager.selected_name() == "p2c-default"         # the active one is selected
    assert "typing" in manager.list.currentItem().text() or "正在" in manager.list.currentItem().text()
    assert manager.card.toPlainText().strip()               # the shipped card, rendered
    assert not manager.delete_button.isEnabled() and not manager.rename_button.isEnabled()
    manager.select("medical")
    assert "Medical notes" in manager.card.toPlainText() and "**" not in manager.card.toPlainText()
    assert manager.card.searchPaths() == [str(user_models / "medical")]   # its images load
    assert manager.delete_button.isEnabled() and manager.use_button.isEnabled()
    manager.select("novel")
    assert manager.card.toPlainText()                       # "no card" says so
    manager.select("sentiment-default")
    assert not manager.use_button.isEnabled()               # not a typing model


def test_switch_and_switch_back(manager):
    manager.select("medical")
    assert manager.use_selected()
    settings = SettingsStore().load()
    assert (settings.model, settings.previous_model) == ("medical", DEFAULT_MODEL)
    assert "next time" in manager.status.text() or "下次" in manager.status.text()
    assert manager.back_button.isEnabled() and DEFAULT_MODEL in manager.back_button.text()
    assert manager.switch_back()
    settings = SettingsStore().load()
    assert (settings.model, settings.previous_model) == (DEFAULT_MODEL, "medical")


def test_rename_follows_the_active_model_and_refuses_clashes(manager, user_models):
    manager.select("medical")
    manager.use_selected()
    manager.select("medical")
    manager.ask_name = lambda name: "clinic"
    manager.rename_button.click()
    assert "clinic" in manager.names() and "medical" not in manager.names()
    assert json.loads((user_models / "medical" / "manifest.json").read_text())["name"] == "clinic"
    assert SettingsStore().load().model == "clinic"
    manager.select("clinic")
    assert not manager.rename("novel")                       # taken
    assert "novel" in manager.status.text()
    assert not manager.rename("a/b")                         # not a name
    manager.select(DEFAULT_MODEL)
    with pytest.raises(ModelStoreError) as err:
        manager.store.rename(DEFAULT_MODEL, "mine")
    assert err.value.code == "shipped"


def test_delete_asks_and_the_active_model_falls_back(manager, user_models):
    manager.select("novel")
    manager.use_selected()
    manager.select("novel")
    manager.ask_delete = lambda name: False
    manager.delete_button.click()
    assert (user_models / "novel").is_dir()
    manager.ask_delete = lambda name: True
    manager.delete_button.click()
    assert not (user_models / "novel").exists() and "novel" not in manager.names()
    settings = SettingsStore().load()
    assert settings.model == DEFAULT_MODEL and settings.previous_model == ""
    with pytest.raises(ModelStoreError):
        manager.store.delete(DEFAULT_MODEL)
    assert not any(p.name.startswith(".deleting") for p in user_models.parent.iterdir())


def test_install_is_atomic_and_checked(user_models, tmp_path, yinzi_home):
    store = ModelStore()
    trained = _make_model(tmp_path / "run" / "model", "adapted", card="# card\n")
    (trained / ".run").mkdir()                               # the run's checkpoints stay behind
    (trained / ".run" / "last.pt").write_bytes(b"x")
    target = store.install(trained, "my-docs")
    assert not (target / ".run").exists() and (target / "MODEL_CARD.md").is_file()
    assert target == user_models / "my-docs"
    assert json.loads((target / "manifest.json").read_text())["name"] == "my-docs"
    assert (trained / "manifest.json").is_file()             # copied, the run keeps its own
    for bad, code in (("my-docs", "exists"), ("medical", "exists"), ("", "bad_name"), (".x", "bad_name")):
        with pytest.raises(ModelStoreError) as err:
            store.install(trained, bad)
        assert err.value.code == code
    with pytest.raises(ModelStoreError) as err:
        store.install(tmp_path, "x")
    assert err.value.code == "not_a_model"
    assert not any(p.name.startswith(".installing") for p in (yinzi_home / "data").iterdir())
    assert check_name("  名字-1 ") == "名字-1"


def test_a_live_store_goes_through_the_apps_settings(user_models):
    applied: list[AppSettings] = []
    current = {"s": AppSettings()}

    def write(settings):
        applied.append(settings)
        current["s"] = settings

    store = ModelStore(read_settings=lambda: current["s"], write_settings=write)
    assert store.live
    store.activate("medical")
    assert applied[-1].model == "medical" and applied[-1].previous_model == DEFAULT_MODEL
    assert not SettingsStore().path.exists()                # the app saves, not the store
    with pytest.raises(ModelStoreError) as err:
        store.activate("sentiment-default")
    assert err.value.code == "not_for_typing"
    current["s"] = replace(current["s"], previous_model="")
    with pytest.raises(ModelStoreError):
        store.switch_back()


def test_tools_menu_opens_the_manager(main_window, user_models):
    texts = [a.text() for a in main_window.tools_menu.actions()]
    assert any("Models" in t or "模型" in t for t in texts)
    manager = main_window.open_model_manager()
    assert manager.store.live and "medical" in manager.names()
    manager.close()
