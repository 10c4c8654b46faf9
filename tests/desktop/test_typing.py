"""Typing in the main window with the real n-gram engine: the issue's key behaviours."""
from __future__ import annotations

import pytest
from desktop_keys import key, type_keys

from desktop.qt import Qt

pytestmark = pytest.mark.gui
K = Qt.Key


def test_nihao_space_commits_nihao(main_window):
    ed = main_window.editor
    type_keys(ed, "nihao")
    assert ed.preedit.replace("'", "") == "nihao"
    assert ed.candidate_bar.isVisible()
    assert ed.candidate_bar.texts()[0] == "你好"
    assert ed.candidate_bar.page.highlight == 0
    key(ed, K.Key_Space, " ")
    assert ed.toPlainText() == "你好"
    assert not main_window.controller.composing
    # the bar is gone, or offers the next words (联想) until Esc
    assert not ed.candidate_bar.isVisible() or ed.candidate_bar.page.predicting
    key(ed, K.Key_Escape)
    assert not ed.candidate_bar.isVisible()
    assert ed.toPlainText() == "你好"


def test_partial_selection_keeps_the_rest_composing(main_window):
    ed, engine = main_window.editor, main_window.engine
    type_keys(ed, "woaibeijing")
    page = ed.candidate_bar.page.candidates
    # the first candidate on page 1 that covers only a prefix of the letters (a word or char)
    index = next(i for i, c in enumerate(page) if c.letters < len("woaibeijing"))
    chosen = page[index]
    key(ed, K.Key_1 + index, str(index + 1))
    assert main_window.controller.composing
    assert ed.toPlainText() == ""                      # nothing committed yet
    assert ed.preedit.startswith(chosen.text)          # the choice shows, the rest composes
    assert engine.raw.replace("'", "") == "woaibeijing"[chosen.letters:]
    assert ed.candidate_bar.isVisible()
    key(ed, K.Key_Space, " ")
    text = ed.toPlainText()
    assert text.startswith(chosen.text) and len(text) >= 4
    assert all("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert not main_window.controller.composing


def test_woaibeijing_whole_sentence(main_window):
    ed = main_window.editor
    type_keys(ed, "woaibeijing ")
    assert ed.toPlainText() == "我爱北京"


def test_paging_keys_and_wheel(main_window, qtbot):
    ed = main_window.editor
    main_window.controller.punct_pages = True          # , . - = page only with the setting on
    type_keys(ed, "shi")
    bar = ed.candidate_bar
    assert bar.page.page_count > 2
    assert len(bar.texts()) == 7                       # 7 per page by default
    first = bar.texts()
    key(ed, K.Key_Equal, "=")
    assert bar.page.page == 1 and bar.texts() != first
    key(ed, K.Key_PageDown)
    assert bar.page.page == 2
    key(ed, K.Key_Minus, "-")
    key(ed, K.Key_Comma, ",")
    assert bar.page.page == 0 and bar.texts() == first
    key(ed, K.Key_Period, ".")
    assert bar.page.page == 1
    key(ed, K.Key_PageUp)
    assert bar.page.page == 0
    key(ed, K.Key_Minus, "-")                          # no page before the first
    assert bar.page.page == 0
    # the mouse wheel pages too
    from desktop.qt import QApplication, QPoint, QPointF, QWheelEvent

    wheel = QWheelEvent(QPointF(10, 10), QPointF(bar.mapToGlobal(QPoint(10, 10))), QPoint(0, 0),
                        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(bar, wheel)
    assert bar.page.page == 1
    assert ed.toPlainText() == ""


def test_highlight_moves_and_space_selects_it(main_window):
    ed = main_window.editor
    type_keys(ed, "shi")
    second = ed.candidate_bar.texts()[1]
    key(ed, K.Key_Right)
    assert ed.candidate_bar.page.highlight == 1
    key(ed, K.Key_Left)
    key(ed, K.Key_Right)
    key(ed, K.Key_Space, " ")
    assert ed.toPlainText() == second


def test_click_selects(main_window, qtbot):
    ed = main_window.editor
    type_keys(ed, "nihao")
    bar = ed.candidate_bar
    rect = bar._cells[0]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=rect.center())
    assert ed.toPlainText() == "你好"


def test_backspace_edits_composition_then_text(main_window):
    ed, engine = main_window.editor, main_window.engine
    type_keys(ed, "nihao")
    key(ed, K.Key_Backspace)
    assert engine.raw.replace("'", "") == "niha"
    for _ in range(4):
        key(ed, K.Key_Backspace)
    assert not main_window.controller.composing
    assert not ed.candidate_bar.isVisible()
    type_keys(ed, "nihao ")
    key(ed, K.Key_Backspace)                           # nothing composing: edits the text
    assert ed.toPlainText() == "你"


def test_escape_cancels(main_window):
    ed = main_window.editor
    type_keys(ed, "nihao ")
    type_keys(ed, "zhongguo")
    key(ed, K.Key_Escape)
    assert ed.toPlainText() == "你好"
    assert not main_window.controller.composing and ed.preedit == ""


def test_enter_commits_raw_letters(main_window):
    ed = main_window.editor
    type_keys(ed, "hello")
    key(ed, K.Key_Return, "\r")
    assert ed.toPlainText() == "hello"


def test_digits_pass_through_when_idle(main_window):
    ed = main_window.editor
    type_keys(ed, "2024")
    assert ed.toPlainText() == "2024"


def test_shift_alone_toggles_english(main_window):
    ed, ctl = main_window.editor, main_window.controller
    key(ed, K.Key_Shift, "", Qt.KeyboardModifier.ShiftModifier)
    assert not ctl.chinese
    assert main_window.mode_button.text() == "英"
    type_keys(ed, "hello, world")
    assert ed.toPlainText() == "hello, world"
    # Shift used with a letter (a capital) does not toggle
    type_keys(ed, "A")
    assert not ctl.chinese
    key(ed, K.Key_Shift, "", Qt.KeyboardModifier.ShiftModifier)
    assert ctl.chinese and main_window.mode_button.text() == "中"


def test_switching_to_english_keeps_letters_typed(main_window):
    ed = main_window.editor
    type_keys(ed, "nihao")
    key(ed, K.Key_Shift, "", Qt.KeyboardModifier.ShiftModifier)
    assert ed.toPlainText() == "nihao" and not main_window.controller.composing


def test_chinese_punctuation_and_toggle(main_window):
    ed, ctl = main_window.editor, main_window.controller
    type_keys(ed, "nihao ,")
    assert ed.toPlainText() == "你好，"
    type_keys(ed, "nihao?")                             # punctuation commits the best first
    assert ed.toPlainText() == "你好，你好？"
    key(ed, K.Key_Period, ".", Qt.KeyboardModifier.ControlModifier)
    assert not ctl.punctuation
    assert main_window.punct_button.text() == ",."
    type_keys(ed, ".")
    assert ed.toPlainText().endswith("？.")
    key(ed, K.Key_Period, ".", Qt.KeyboardModifier.ControlModifier)
    assert ctl.punctuation


def test_decimal_point_after_digit_stays_ascii(main_window):
    ed = main_window.editor
    type_keys(ed, "3.14")
    assert ed.toPlainText() == "3.14"


def test_status_bar_shows_decoder_and_latency(main_window):
    ed = main_window.editor
    type_keys(ed, "nihao")
    assert "n-gram" in main_window.model_label.text()
    assert main_window.latency_label.text().endswith("ms")
    assert main_window.controller.last_latency_ms > 0


def test_chinese_punctuation_marks_and_paired_quotes(main_window):
    from desktop.qt import QApplication, QEvent, QKeyEvent

    ed = main_window.editor
    for ch in "\"'\"'()<>\\^:;":
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(ed, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, ch))
    assert ed.toPlainText() == "“‘”’（）《》、……：；"
