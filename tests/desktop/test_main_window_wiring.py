"""The main window connects the parts that keep typing safe: a user dictionary that cannot be
written is said in the status bar, custom phrases reach the engine and the dictionary window,
and the app's other text fields take Chinese input."""
from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt


def test_a_dictionary_that_cannot_be_written_is_said_and_typing_goes_on(main_window, qtbot,
                                                                         monkeypatch):
    lex = main_window.user_lexicon

    def full() -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(lex, "_reopen", full)   # every write now fails as on a full disk
    qtbot.keyClicks(main_window.editor, "nihao")
    qtbot.keyClick(main_window.editor, Qt.Key.Key_Space)
    assert main_window.editor.toPlainText() == "你好"
    assert lex.learn("你好", ("ni", "hao"))      # kept in memory, not raised
    assert lex.write_error
    assert "not being saved" in main_window.statusBar().currentMessage()
    qtbot.keyClicks(main_window.editor, "women")
    qtbot.keyClick(main_window.editor, Qt.Key.Key_Space)
    assert main_window.editor.toPlainText() == "你好我们"


def test_custom_phrases_are_offered_first_and_managed_in_the_dictionary_window(main_window,
                                                                               qtbot):
    custom = main_window.engine.custom_phrases
    assert custom is not None
    custom.add("dz", "北京市海淀区中关村大街1号")
    qtbot.keyClicks(main_window.editor, "dz")
    assert main_window.engine.candidates()[0].text == "北京市海淀区中关村大街1号"
    qtbot.keyClick(main_window.editor, Qt.Key.Key_Space)
    assert main_window.editor.toPlainText() == "北京市海淀区中关村大街1号"
    window = main_window.open_user_dictionary()
    assert window.custom_tab is not None


def test_the_dictionary_search_field_takes_chinese_input(main_window, qtbot):
    window = main_window.open_user_dictionary()
    window.search.setFocus()
    qtbot.keyClicks(window.search, "nihao")
    qtbot.keyClick(window.search, Qt.Key.Key_Space)
    assert window.search.text() == "你好"


def test_the_find_field_takes_chinese_input(main_window, qtbot):
    dialog = main_window.open_find()
    qtbot.keyClicks(dialog.find_edit, "nihao")
    qtbot.keyClick(dialog.find_edit, Qt.Key.Key_Space)
    assert dialog.find_edit.text() == "你好"


def test_a_damaged_lexicon_leaves_the_app_usable_for_plain_text(qtbot, yinzi_home, monkeypatch):
    from core.lexicon import system
    from desktop.main_window import MainWindow

    def damaged(cls=None):
        raise system.LexiconError("resources/lexicon is damaged: words.strings has 10 bytes, "
                                  "the manifest records 3338644")

    monkeypatch.setattr(system.SystemLexicon, "default", classmethod(lambda cls: damaged()))
    window = MainWindow()
    window.ask_save_changes = lambda: "discard"
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.editor.setFocus()
    assert not window.controller.chinese
    assert "damaged" in window.lexicon_label.text()
    qtbot.keyClick(window.editor, Qt.Key.Key_Shift)          # Shift cannot turn Chinese on
    qtbot.keyClicks(window.editor, "hello, world")
    assert window.editor.toPlainText() == "hello, world"
    assert not window.controller.chinese
    window.start_model_load()                                # nothing to load, nothing raised
    window.editor.document().setModified(False)
    window.close()
