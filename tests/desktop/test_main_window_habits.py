"""Everyday habits of the main window: the punctuation indicator, Edit menu, find and replace,
zoom, theme, Help, title, file dialogs, window placement, a narrow window, live language."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from desktop.qt import QApplication, QCoreApplication, QPalette, QPoint, QPointF, Qt, QWheelEvent
from desktop.settings import SettingsStore

pytestmark = pytest.mark.gui


# -- 6: the status-bar indicator --------------------------------------------------------------
def test_the_punctuation_indicator_shows_what_a_key_types_in_each_mode(main_window):
    c = main_window.controller
    c.set_punctuation(True)
    c.set_chinese(True)
    assert (main_window.mode_button.text(), main_window.punct_button.text()) == ("中", "，。")
    c.set_chinese(False)                 # English mode types ASCII marks, whatever the switch says
    assert (main_window.mode_button.text(), main_window.punct_button.text()) == ("英", ",.")
    c.set_chinese(True)
    c.set_punctuation(False)
    assert main_window.punct_button.text() == ",."


# -- 8: a paste shows work at once ------------------------------------------------------------
def test_a_paste_or_a_restored_text_shows_analysing_at_once(main_window):
    panel = main_window.analysis_panel
    main_window.analysis_dock.show()
    main_window._analysis_timer.stop()
    panel._timer.stop()
    assert panel.label.text() == "Type or paste text to analyse"
    main_window.editor.setPlainText("房间很好。服务周到。" * 50)      # a paste: no debounce wait
    assert panel.label.text() == "Analysing…"
    assert panel.model_label.text() == "Loading the sentiment model…"
    main_window.editor.clear()
    assert panel.label.text() == "Type or paste text to analyse"
    main_window.autosave.write("上次没保存的文字。", None)
    assert main_window.offer_recovery()
    assert panel.label.text() == "Analysing…"
    main_window._analysis_timer.stop()   # no child process for this test
    panel._timer.stop()


# -- 9: every label follows a language switch -------------------------------------------------
def _visible_texts(window) -> dict[str, str]:
    texts: dict[str, str] = {}

    def walk(menu, path):
        texts[path] = menu.title()
        for action in menu.actions():
            if action.isSeparator() or menu is window.recent_menu:
                continue
            if action.menu() is not None:
                walk(action.menu(), f"{path}/{action.menu().title()}")
            else:
                texts[f"{path}/{action.text()}"] = action.text()

    for action in window.menuBar().actions():
        walk(action.menu(), action.menu().objectName() or action.text())
    for name in ("mode_button", "punct_button", "model_label"):
        texts[name] = getattr(window, name).text()
        texts[name + ".tip"] = getattr(window, name).toolTip()
    texts["dock"] = window.analysis_dock.windowTitle()
    panel = window.analysis_panel
    for i, heading in enumerate(panel.headings):
        texts[f"heading{i}"] = heading.text()
    texts["verdict"] = panel.label.text()
    texts["bar"] = panel.bar.format()
    texts["summary"] = panel.sentence_summary.text()
    return texts


def _has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_switching_to_chinese_retranslates_every_label_live(main_window, qtbot):
    from fake_sentiment import FakeClassifier

    from core.analysis import Analyzer
    from desktop import i18n

    main_window.analysis_dock.show()
    panel = main_window.analysis_panel
    panel.analyzer = Analyzer(classifier=FakeClassifier())     # in-process: no child to start
    with qtbot.waitSignal(panel.analysisUpdated, timeout=20_000):
        panel.set_text("房间很好。早餐好。服务差。")
    app = QApplication.instance()
    marks = {",.", "，。"}     # the punctuation indicator shows marks, not words
    try:
        i18n.install(app, "zh_CN")
        QApplication.processEvents()
        english = {k: v for k, v in _visible_texts(main_window).items()
                   if v and not _has_han(v) and v not in marks}
        assert english == {}
        i18n.install(app, "en")
        QApplication.processEvents()
        chinese = {k: v for k, v in _visible_texts(main_window).items()
                   if _has_han(v.replace("音字", "").replace("中", "").replace("，。", ""))}
        assert chinese == {}
    finally:
        i18n.install(app, "en")


def test_qts_own_dialog_strings_are_translated():
    from desktop import i18n

    app = QApplication.instance()
    try:
        i18n.install(app, "zh_CN")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert QCoreApplication.translate("QFileDialog", "File &name:") != "File &name:"
        assert any((Path(d) / "qtbase_zh_CN.qm").is_file() for d in i18n.qt_translation_dirs())
    finally:
        i18n.install(app, "en")


# -- 12: file dialogs -------------------------------------------------------------------------
def test_file_dialogs_start_in_documents_then_the_last_folder(main_window, tmp_path, monkeypatch, qtbot):
    from desktop import main_window as mw
    from desktop.main_window import MainWindow, documents_dir

    assert main_window.start_dir() == documents_dir() != str(Path.cwd())
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text("你好", encoding="utf-8")
    asked = []

    def open_name(parent, title, start, filters):
        asked.append(start)
        return str(folder / "a.txt"), ""

    monkeypatch.setattr(mw.QFileDialog, "getOpenFileName", open_name)
    main_window._on_open()
    assert main_window.text() == "你好"
    main_window.new_document()
    assert main_window.start_dir() == str(folder)
    again = MainWindow()                       # remembered across a restart
    qtbot.addWidget(again)
    assert again.start_dir() == str(folder)
    again.shutdown()
    assert asked == [documents_dir()]


# -- 13: Edit menu, find/replace, zoom, theme, Help, title ------------------------------------
def test_edit_menu_acts_on_the_editor(main_window):
    a = main_window.actions_by_name
    titles = [x.text() for x in main_window.edit_menu.actions() if not x.isSeparator()]
    assert titles == ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Select &All", "&Find and replace…"]
    ed = main_window.editor
    ed.insertPlainText("你好世界")
    a["select_all"].trigger()
    assert ed.textCursor().selectedText() == "你好世界"
    a["copy"].trigger()
    a["cut"].trigger()
    assert ed.toPlainText() == ""
    a["undo"].trigger()
    assert ed.toPlainText() == "你好世界"
    a["redo"].trigger()
    assert ed.toPlainText() == ""
    a["paste"].trigger()
    assert ed.toPlainText() == "你好世界"


def test_find_and_replace(main_window):
    ed = main_window.editor
    ed.setPlainText("好天气，好心情，Hello hello")
    dialog = main_window.open_find()
    dialog.find_edit.setText("好")
    assert dialog.find_next() and ed.textCursor().selectionStart() == 0
    assert dialog.find_next() and ed.textCursor().selectionStart() == 4
    assert dialog.find_next() and ed.textCursor().selectionStart() == 0      # wraps around
    dialog.replace_edit.setText("棒")
    assert dialog.replace_all() == 2
    assert ed.toPlainText() == "棒天气，棒心情，Hello hello"
    ed.undo()                                                 # one undo step for all of them
    assert ed.toPlainText() == "好天气，好心情，Hello hello"
    dialog.find_edit.setText("hello")
    dialog.case.setChecked(True)
    dialog.replace_edit.setText("你好")
    assert dialog.replace_all() == 1
    dialog.find_edit.setText("没有")
    assert not dialog.find_next() and "没有" in dialog.message.text()
    dialog.close()


def test_zoom_keys_and_ctrl_wheel_are_remembered(main_window, qtbot):
    from desktop.main_window import MainWindow

    a = main_window.actions_by_name
    base = main_window.editor.font().pointSize()
    assert "Ctrl+=" in [k.toString() for k in a["zoom_in"].shortcuts()]
    assert "Ctrl+-" in [k.toString() for k in a["zoom_out"].shortcuts()]
    a["zoom_in"].trigger()
    a["zoom_in"].trigger()
    assert main_window.editor.font().pointSize() == base + 2
    viewport = main_window.editor.viewport()
    wheel = QWheelEvent(QPointF(5, 5), QPointF(viewport.mapToGlobal(QPoint(5, 5))), QPoint(), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    assert main_window.editor.font().pointSize() == base + 1
    assert SettingsStore().load().zoom == 1
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.editor.font().pointSize() == base + 1
    again.shutdown()
    a["zoom_reset"].trigger()
    assert main_window.editor.font().pointSize() == base


def test_dark_theme_by_setting_and_system_by_default(main_window):
    from desktop import theme

    app = QApplication.instance()
    try:
        main_window.apply_settings(replace(main_window.settings, theme="dark"))
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert app.palette().color(QPalette.ColorRole.WindowText).lightness() > 180
        main_window.apply_settings(replace(main_window.settings, theme="light"))
        assert app.palette().color(QPalette.ColorRole.Window).lightness() > 150
        main_window.apply_settings(replace(main_window.settings, theme="system"))
        assert theme.for_app(app).applied == theme.system_scheme()
    finally:
        theme.for_app(app).apply("light")


def test_help_lists_shortcuts_and_the_version(main_window):
    from desktop.main_window import app_version

    titles = [x.text() for x in main_window.help_menu.actions()]
    assert titles == ["&Keyboard shortcuts", "&About Yinzi"]
    rows = dict(main_window.shortcuts_rows())
    assert rows["Shift"] and rows["Ctrl+Z"] == "Undo" and "Ctrl+=" in " ".join(rows)
    assert app_version() and app_version() != "?"
    assert app_version() in main_window.about_text()


def test_the_title_names_the_app_once(main_window):
    from desktop.main_window import APP_DISPLAY_NAME

    assert main_window.windowTitle() == "Untitled[*] — 音字 Yinzi"
    # Qt appends the display name to a title that does not already end with it.
    assert main_window.windowTitle().endswith(APP_DISPLAY_NAME)
    assert main_window.windowTitle().count("Yinzi") == 1


# -- 14: windows and a narrow main window -----------------------------------------------------
@pytest.mark.parametrize("opener", ["open_user_dictionary", "open_batch_window"])
def test_tool_windows_open_centred_over_the_main_window(main_window, opener, qtbot):
    main_window.move(60, 40)
    main_window.resize(900, 640)
    window = getattr(main_window, opener)()
    qtbot.waitExposed(window)
    centre, mine = main_window.frameGeometry().center(), window.frameGeometry().center()
    screen = main_window.screen().availableGeometry()
    if screen.contains(window.frameGeometry()) and window.width() < screen.width():
        assert abs(centre.x() - mine.x()) <= 2 and abs(centre.y() - mine.y()) <= 2
    window.close()


def test_a_narrow_window_keeps_half_for_the_editor(main_window, qtbot):
    main_window.analysis_dock.show()
    main_window.resize(960, 640)
    qtbot.wait(20)
    main_window.resize(420, 640)
    qtbot.waitUntil(lambda: main_window.width() == 420, timeout=2000)
    QApplication.processEvents()
    assert main_window.editor.width() >= 210
    assert main_window.analysis_dock.width() > 80          # still there, shrunk
