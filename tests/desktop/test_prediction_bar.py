"""Predictions after a commit (联想): offered in the bar, chosen by digit or click, dismissed by a
letter (which composes), Esc, a cursor move or a click; off by the setting."""
from __future__ import annotations

import pytest
from desktop_keys import key, type_keys

from core.engine import ImeEngine
from core.engine.types import Candidate, CandidateSource
from desktop.editor import ImeTextEdit
from desktop.ime_controller import ImeController
from desktop.qt import Qt, QTextCursor

pytestmark = pytest.mark.gui
K = Qt.Key

NEXT = {"你好": ["吗", "啊", "世界"], "世界": ["和平", "上"]}


class PredictingEngine(ImeEngine):
    """The real engine with a fixed next-word table, so the tests do not depend on counts."""

    fail = False

    def predictions(self, n: int = 9) -> list[Candidate]:
        if self.fail:
            raise RuntimeError("prediction table unreadable")
        if self.composing:
            return []
        for left, words in NEXT.items():
            if self.context.endswith(left):
                return [Candidate(w, 0, (), CandidateSource.WORD) for w in words][:n]
        return []


@pytest.fixture
def editor(qtbot):
    controller = ImeController(PredictingEngine(user_lexicon=None))
    ed = ImeTextEdit(controller)
    qtbot.addWidget(ed)
    ed.show()
    qtbot.waitExposed(ed)
    ed.setFocus()
    return ed


def test_predictions_follow_a_commit_and_a_digit_chooses(editor):
    bar = editor.candidate_bar
    type_keys(editor, "nihao ")
    assert editor.toPlainText() == "你好"
    assert bar.isVisible() and bar.page.predicting and bar.texts() == ["吗", "啊", "世界"]
    assert editor.controller.predicting and not editor.controller.composing
    key(editor, K.Key_2, "2")
    assert editor.toPlainText() == "你好啊"
    assert not bar.isVisible()                         # nothing follows 啊 in the table


def test_predictions_chain_and_a_click_chooses(editor, qtbot):
    bar = editor.candidate_bar
    type_keys(editor, "nihao 3")
    assert editor.toPlainText() == "你好世界"
    assert bar.texts() == ["和平", "上"]               # the next words of the new context
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar._cells[0].center())
    assert editor.toPlainText() == "你好世界和平"


def test_a_letter_dismisses_and_composes(editor):
    type_keys(editor, "nihao w")
    assert editor.controller.composing and not editor.candidate_bar.page.predicting
    assert editor.preedit == "w" and editor.controller.engine.raw == "w"
    key(editor, K.Key_Space, " ")
    assert editor.toPlainText().startswith("你好") and len(editor.toPlainText()) == 3


@pytest.mark.parametrize("dismiss", ["escape", "arrow", "cursor", "click", "space"])
def test_predictions_are_dismissed(editor, qtbot, dismiss):
    bar = editor.candidate_bar
    type_keys(editor, "nihao ")
    assert bar.isVisible()
    if dismiss == "escape":
        key(editor, K.Key_Escape, "\x1b")
        expected = "你好"
    elif dismiss == "arrow":
        key(editor, K.Key_Left)
        expected = "你好"
        assert editor.textCursor().position() == 1     # the arrow still moves the cursor
    elif dismiss == "cursor":
        cursor = editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        editor.setTextCursor(cursor)
        expected = "你好"
    elif dismiss == "click":
        qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton,
                         pos=editor.cursorRect(editor.textCursor()).center())
        expected = "你好"
    else:
        key(editor, K.Key_Space, " ")                  # typed as usual
        expected = "你好 "
    assert not bar.isVisible() and not editor.controller.predicting
    assert editor.toPlainText() == expected


def test_setting_off_offers_nothing(editor):
    editor.controller.prediction = False
    type_keys(editor, "nihao ")
    assert not editor.candidate_bar.isVisible()
    type_keys(editor, "2")
    assert editor.toPlainText() == "你好2"


def test_a_failing_prediction_does_not_stop_typing(editor):
    editor.controller.engine.fail = True
    type_keys(editor, "nihao shijie ")
    assert editor.toPlainText() == "你好世界"
    assert not editor.candidate_bar.isVisible()


def test_punctuation_and_raw_commits_offer_no_predictions(editor):
    type_keys(editor, "nihao,")
    assert editor.toPlainText() == "你好，" and not editor.candidate_bar.isVisible()
