"""Settings, the user dictionary window, files and autosave, languages, and startup."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from desktop_keys import key, type_keys

from core.engine.types import FuzzyConfig
from desktop.qt import QApplication, Qt
from desktop.settings import AppSettings, SettingsStore

pytestmark = pytest.mark.gui
K = Qt.Key
REPO = Path(__file__).resolve().parents[2]
ANALYSIS_WAIT_MS = 600   # longer than the main window's analysis debounce


# -- settings ---------------------------------------------------------------------------------
def test_settings_persist_across_a_restart(main_window, qtbot):
    from desktop.main_window import MainWindow

    changed = replace(main_window.settings, page_size=5, font_size=18,
                      fuzzy=FuzzyConfig(z_zh=True, an_ang=True), model="")
    main_window.apply_settings(changed)
    type_keys(main_window.editor, "shi")
    assert len(main_window.editor.candidate_bar.texts()) == 5
    key(main_window.editor, K.Key_Escape)
    main_window.close()

    stored = json.loads(SettingsStore().path.read_text(encoding="utf-8"))
    # only the non-default values are written
    assert stored == {"page_size": 5, "font_size": 18, "model": "",
                      "fuzzy": {"z_zh": True, "an_ang": True}}

    again = MainWindow()
    qtbot.addWidget(again)
    assert again.settings == changed
    assert again.editor.font().pointSize() == 18
    again.editor.setFocus()
    type_keys(again.editor, "shi")
    assert len(again.editor.candidate_bar.texts()) == 5
    key(again.editor, K.Key_Escape)
    again.close()


def test_settings_dialog_round_trip(main_window):
    from desktop.settings_dialog import SettingsDialog

    dialog = SettingsDialog(main_window.settings, main_window)
    dialog.fuzzy_checks["n_l"].setChecked(True)
    dialog.page_size.setValue(9)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    result = dialog.result_settings()
    assert result.fuzzy.n_l and result.page_size == 9 and result.language == "en"
    dialog.restore_defaults()
    assert dialog.result_settings() == AppSettings()


def test_broken_settings_file_is_reported_not_fatal(yinzi_home):
    store = SettingsStore()
    store.path.write_text(json.dumps({"page_size": 42, "colour": "red", "font_size": 20}))
    settings = store.load()
    assert settings.font_size == 20 and settings.page_size == 7
    assert any("colour" in p for p in store.problems)
    assert any("page_size" in p for p in store.problems)
    store.path.write_text("{not json")
    assert store.load() == AppSettings() and store.problems


# -- user dictionary --------------------------------------------------------------------------
def _learn_phrase_by_partial_selection(window) -> str:
    """Type woaibeijing and pick its pieces one by one; returns the committed text."""
    ed = window.editor
    type_keys(ed, "woaibeijing")
    while window.controller.composing:
        page = ed.candidate_bar.page.candidates
        index = next((i for i, c in enumerate(page) if c.letters < len(window.engine.raw)), 0)
        key(ed, K.Key_1 + index, str(index + 1))
    return ed.toPlainText()


def listed(qtbot, window) -> list[str]:
    """The dictionary window's phrases once it has read the list (it reads in the background)."""
    qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
    return window.texts()


def test_learning_shows_up_in_the_dictionary_window(main_window, tmp_path, qtbot):
    committed = _learn_phrase_by_partial_selection(main_window)
    assert len(committed) >= 2
    window = main_window.open_user_dictionary()
    assert committed in listed(qtbot, window)

    # search narrows the list, sorting keeps it
    window.search.setText(committed[:1])
    assert committed in listed(qtbot, window)
    window.search.setText("不存在的词")
    assert listed(qtbot, window) == []
    window.search.clear()
    window.sort.setCurrentIndex(window.sort.findData("text"))
    assert committed in listed(qtbot, window)

    # export, delete, import back
    tsv = tmp_path / "user.tsv"
    assert window.export_to(str(tsv)) >= 1
    assert committed in tsv.read_text(encoding="utf-8")
    row = listed(qtbot, window).index(committed)
    window.select_row(row)
    assert window.delete_selected() == 1
    assert committed not in listed(qtbot, window)
    with qtbot.waitSignal(window.importFinished, timeout=30_000) as done:
        assert window.import_from(str(tsv))   # runs in the background
    assert done.args[0] >= 1
    assert committed in listed(qtbot, window)

    # clear all asks first
    window.confirm = lambda question: False
    assert not window.clear_all() and listed(qtbot, window)
    window.confirm = lambda question: True
    assert window.clear_all() and listed(qtbot, window) == []
    window.close()


# -- files and autosave -------------------------------------------------------------------------
def test_open_and_save_utf8_and_recent_files(main_window, tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("你好，世界\n第二行", encoding="utf-8")
    assert main_window.open_path(str(src))
    assert main_window.text() == "你好，世界\n第二行"
    assert main_window.settings.recent_files[0] == str(src.resolve())
    ed = main_window.editor
    ed.moveCursor(ed.textCursor().MoveOperation.End)
    type_keys(ed, "nihao ")
    out = tmp_path / "out.txt"
    assert main_window.save_to(str(out))
    assert out.read_text(encoding="utf-8") == "你好，世界\n第二行你好"
    assert not ed.document().isModified()
    assert [a.text() for a in main_window.recent_menu.actions()][0] == str(out.resolve())


def test_open_rejects_non_utf8(main_window, tmp_path, monkeypatch):
    from desktop.qt import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    bad = tmp_path / "gbk.txt"
    bad.write_bytes("你好".encode("gbk"))
    assert not main_window.open_path(str(bad))
    assert warnings and "UTF-8" in warnings[0]


def test_autosave_survives_a_crash_and_is_offered_back(main_window, qtbot):
    from desktop.main_window import MainWindow

    ed = main_window.editor
    type_keys(ed, "nihao ")
    main_window._autosave_timer.setInterval(10)
    main_window._on_text_changed()
    qtbot.waitUntil(lambda: main_window.autosave.text_path.exists(), timeout=3000)
    main_window._writer.wait(2000)
    assert main_window.autosave.read().text == "你好"

    # a "crash": a new window starts while the old autosave is still there
    offered = []
    again = MainWindow()
    qtbot.addWidget(again)
    again.ask_restore = lambda text: offered.append(text) or True
    assert again.offer_recovery()
    assert offered == ["你好"] and again.text() == "你好"
    assert again.editor.document().isModified()
    again.ask_save_changes = lambda: "discard"
    again.close()
    # a clean close removes the autosave: nothing is offered next time
    assert again.autosave.read() is None


# -- languages --------------------------------------------------------------------------------
def test_ui_is_translated_to_chinese_and_back(main_window):
    from desktop import i18n

    app = QApplication.instance()
    try:
        assert i18n.install(app, "zh_CN") == "zh_CN"
        QApplication.processEvents()
        assert main_window.file_menu.title() == "文件(&F)"
        assert main_window.model_label.text().startswith("模型")
        assert i18n.install(app, "en") == "en"
        QApplication.processEvents()
        assert main_window.file_menu.title() == "&File"
    finally:
        i18n.install(app, "en")


def test_every_ui_string_has_a_chinese_translation():
    import xml.etree.ElementTree as ET

    ts = REPO / "desktop" / "i18n" / "yinzi_zh_CN.ts"
    untranslated = [m.find("source").text for m in ET.parse(ts).iter("message")
                    if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")]
    assert untranslated == []
    assert (REPO / "desktop" / "i18n" / "yinzi_zh_CN.qm").stat().st_size > 1000


def test_system_language_follows_locale():
    from desktop.i18n import resolve_language
    from desktop.qt import QLocale

    assert resolve_language("system", QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == "zh_CN"
    assert resolve_language("system", QLocale(QLocale.Language.German)) == "en"
    assert resolve_language("en", QLocale(QLocale.Language.Chinese)) == "en"


# -- startup ----------------------------------------------------------------------------------
def test_no_display_prints_advice_instead_of_aborting(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["YINZI_HOME"] = str(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "desktop"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "xvfb-run" in proc.stderr and "QT_QPA_PLATFORM=offscreen" in proc.stderr
    assert "yinzi convert" in proc.stderr


@pytest.mark.slow
def test_app_starts_and_quits_offscreen(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", YINZI_HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-m", "desktop", "--no-model", "--quit-after", "0.5"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr


def test_yinzi_console_script_without_a_display_gives_advice(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["YINZI_HOME"] = str(tmp_path)
    proc = subprocess.run([sys.executable, "-c", "import sys; from desktop.cli import main; sys.exit(main([]))"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "xvfb-run" in proc.stderr


# -- docks and windows of the analysis side ----------------------------------------------------
def test_analysis_dock_follows_the_text(main_window, qtbot, monkeypatch):
    from desktop.analysis_panel import AnalysisPanel

    panel = main_window.analysis_panel
    assert isinstance(panel, AnalysisPanel)
    assert main_window.analysis_dock.widget() is panel
    assert not main_window.analysis_dock.isVisible()      # off by default (memory budget)
    seen: list[str] = []
    monkeypatch.setattr(panel, "set_text", lambda text, selection=False: seen.append(text))
    type_keys(main_window.editor, "nihao ")
    qtbot.wait(ANALYSIS_WAIT_MS)
    assert seen == []                                      # hidden: nothing is analysed
    main_window.analysis_dock.toggleViewAction().trigger()
    assert main_window.analysis_dock.isVisible()
    assert SettingsStore().load().show_analysis           # the choice is kept
    assert seen[-1] == "你好"                              # shown: the text goes in at once
    type_keys(main_window.editor, "zaijian ")
    qtbot.waitUntil(lambda: seen[-1] == "你好再见", timeout=3000)


def test_analysis_dock_follows_the_selection(main_window, qtbot):
    from fake_sentiment import fake_analyzer

    from desktop.qt import QTextCursor

    panel = main_window.analysis_panel
    panel.analyzer = fake_analyzer()      # not the child process: no model to load in a test
    text = "房间很好。服务太差了。"
    main_window.editor.setPlainText(text)
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000) as blocker:
        main_window.analysis_dock.toggleViewAction().trigger()
    assert blocker.args[0].text == text and panel.scope_label.isHidden()

    cursor = main_window.editor.textCursor()
    cursor.setPosition(5)
    cursor.setPosition(len(text), QTextCursor.MoveMode.KeepAnchor)
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000) as blocker:
        main_window.editor.setTextCursor(cursor)   # selecting alone, no text change
    assert blocker.args[0].text == "服务太差了。"
    assert "negative" in panel.label.text()
    assert panel.scope_label.text() == "Selection: 6 characters" and not panel.scope_label.isHidden()

    cursor.clearSelection()
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000) as blocker:
        main_window.editor.setTextCursor(cursor)   # back to the whole text
    assert blocker.args[0].text == text and panel.scope_label.isHidden()

    updates: list[str] = []
    panel.analysisUpdated.connect(lambda a: updates.append(a.text))
    cursor.setPosition(2)
    main_window.editor.setTextCursor(cursor)       # a cursor move selects nothing: no new analysis
    qtbot.wait(ANALYSIS_WAIT_MS + 300)
    assert updates == []


def test_batch_analysis_menu_opens_the_batch_window(main_window):
    from desktop.batch_window import BatchWindow

    action = main_window.actions_by_name["batch"]
    assert action in main_window.tools_menu.actions()
    action.trigger()
    window = main_window._batch_window
    assert isinstance(window, BatchWindow) and window.isVisible()
    window.close()


def test_engine_warm_up_runs_in_the_background(main_window, qtbot, monkeypatch):
    import threading

    from core.lexicon.user import UserLexicon

    main_window.user_lexicon.learn("西安", ("xi", "an"))
    builds: list[threading.Thread] = []
    build = UserLexicon._build_index
    monkeypatch.setattr(UserLexicon, "_build_index",
                        lambda self: (builds.append(threading.current_thread()), build(self))[1])
    freezes: list[int] = []
    monkeypatch.setattr("desktop.main_window.gc.freeze", lambda: freezes.append(1))
    main_window.warm_up_engine()
    qtbot.waitUntil(lambda: not main_window._loader.busy, timeout=10000)
    type_keys(main_window.editor, "nihao ")
    assert main_window.text() == "你好"
    # the user dictionary's index was read once, off the GUI thread
    assert len(builds) == 1 and builds[0] is not threading.main_thread()
    # and what the warm-up built is then kept out of the collector's full collections
    qtbot.waitUntil(lambda: freezes == [1], timeout=5000)


def test_new_settings_round_trip_through_the_file_and_the_dialog(main_window, yinzi_home):
    from desktop.settings_dialog import SettingsDialog

    d = AppSettings()
    assert (d.punct_pages, d.prediction, d.theme, d.zoom) == (False, True, "system", 0)
    changed = replace(d, punct_pages=True, prediction=False, theme="dark", zoom=3)
    store = SettingsStore()
    assert store.save(changed)
    assert json.loads(store.path.read_text(encoding="utf-8")) == {
        "punct_pages": True, "prediction": False, "theme": "dark", "zoom": 3}
    assert store.load() == changed
    store.path.write_text(json.dumps({"theme": "purple", "zoom": 99}), encoding="utf-8")
    assert store.load() == d and len(store.problems) == 2

    dialog = SettingsDialog(changed, main_window)
    assert dialog.result_settings() == changed
    dialog.restore_defaults()
    assert dialog.result_settings() == d

    main_window.apply_settings(replace(main_window.settings, punct_pages=True, prediction=False))
    assert main_window.controller.punct_pages and not main_window.controller.prediction


def test_a_read_only_config_folder_never_breaks_a_setting_change(main_window, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")             # a file where the folder should be: every write fails
    main_window.store = SettingsStore(blocker / "config")
    messages: list[str] = []
    main_window.statusBar().messageChanged.connect(lambda m: messages.append(m) if m else None)

    main_window.apply_settings(replace(main_window.settings, page_size=4))
    main_window.apply_settings(replace(main_window.settings, page_size=3))

    assert main_window.settings.page_size == 3          # kept in memory
    assert main_window.controller.page_size == 3
    assert main_window.store.save_error
    assert sum("not saved" in m for m in messages) == 1  # said once, not on every change
