"""The input method in the app's other text fields: a QLineEdit in a dialog shares the editor's
controller (one composition, one 中/英 mode), and the dialog's own keys still work."""
from __future__ import annotations

import pytest
from desktop_keys import key, type_keys

from core.engine import ImeEngine
from desktop.editor import ImeTextEdit
from desktop.ime_controller import ImeController
from desktop.qt import QDialog, QLineEdit, QRect, Qt, QVBoxLayout

pytestmark = pytest.mark.gui
K = Qt.Key


@pytest.fixture
def fields(qtbot):
    """An editor and, in a dialog, a line edit, both on one controller."""
    engine = ImeEngine(user_lexicon=None)
    controller = ImeController(engine)
    controller.prediction = False
    editor = ImeTextEdit(controller)
    qtbot.addWidget(editor)
    editor.show()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    line = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(line)
    controller.attach(line)
    dialog.show()
    qtbot.waitExposed(dialog)
    line.setFocus()
    return controller, editor, dialog, line


def test_line_edit_types_chinese(fields, monkeypatch):
    controller, editor, _dialog, line = fields
    monkeypatch.setattr(controller.input.bar, "screen_rect", lambda at=None: QRect(0, 0, 1280, 800))
    type_keys(line, "nihao")
    assert controller.input.preedit_of(line).replace("'", "") == "nihao"
    assert line.text() == ""                           # the preedit is not text yet
    bar = controller.input.bar
    assert bar.isVisible() and bar.texts()[0] == "你好"
    start = line.mapToGlobal(line.rect().topLeft()).x()
    assert start <= bar.x() <= start + line.width()
    key(line, K.Key_Space, " ")
    assert line.text() == "你好" and editor.toPlainText() == ""
    type_keys(line, "shijie,")
    assert line.text() == "你好世界，"
    type_keys(line, "w")
    assert controller.engine.context == "你好世界，"
    key(line, K.Key_Escape)
    key(line, K.Key_Backspace)                         # idle: the line edit's own key
    assert line.text() == "你好世界"


def test_dialog_keys_pass_only_when_nothing_composes(fields):
    controller, _editor, dialog, line = fields
    type_keys(line, "hello")
    key(line, K.Key_Return, "\r")                      # commits the letters, keeps the dialog
    assert line.text() == "hello" and dialog.isVisible()
    type_keys(line, "ni")
    key(line, K.Key_Escape, "\x1b")                    # cancels the composition only
    assert dialog.isVisible() and not controller.composing and line.text() == "hello"
    key(line, K.Key_Escape, "\x1b")                    # idle: the dialog's Escape
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_moving_to_another_field_commits_the_composition_there(fields, qtbot):
    controller, editor, _dialog, line = fields
    editor.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    type_keys(editor, "nihao")
    assert editor.preedit and not controller.input.preedit_of(line)
    line.activateWindow()
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    type_keys(line, "shijie ")
    assert editor.toPlainText() == "nihao"             # committed as typed, where it was typed
    assert line.text() == "世界"
    assert controller.input.target is line


def test_mode_is_shared(fields):
    controller, editor, _dialog, line = fields
    controller.set_chinese(False)
    type_keys(line, "abc")
    assert line.text() == "abc"
    controller.set_chinese(True)
    type_keys(editor, "ni ")
    assert editor.toPlainText() == "你"
