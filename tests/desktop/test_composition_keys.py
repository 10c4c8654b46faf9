"""No key is lost while composing: punctuation, capitals, ü, fast typing, a failing learner."""
from __future__ import annotations

import sqlite3
import time

import pytest
from desktop_keys import key, type_keys

from desktop.qt import QApplication, QEvent, QKeyEvent, Qt

pytestmark = pytest.mark.gui
K = Qt.Key
MODS = Qt.KeyboardModifier


def _key_events(text: str) -> list[tuple[int, str, object]]:
    """(key, text, modifiers) for each character, as type_keys sends them."""
    special = {" ": K.Key_Space, "'": K.Key_Apostrophe, ",": K.Key_Comma, ".": K.Key_Period,
               "-": K.Key_Minus, "=": K.Key_Equal, "?": K.Key_Question}
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append((K.Key_A + ord(ch) - 97, ch, MODS.NoModifier))
        elif "A" <= ch <= "Z":
            out.append((K.Key_A + ord(ch) - 65, ch, MODS.ShiftModifier))
        elif ch.isdigit():
            out.append((K.Key_0 + int(ch), ch, MODS.NoModifier))
        else:
            out.append((special[ch], ch, MODS.NoModifier))
    return out


def test_punctuation_while_composing_commits_then_types_it(main_window):
    ed = main_window.editor
    type_keys(ed, "jintianhenhao,womenqu.")
    assert ed.toPlainText() == "今天很好，我们去。"
    assert not main_window.controller.composing


def test_punctuation_while_composing_in_ascii_punctuation_mode(main_window):
    ed = main_window.editor
    main_window.controller.set_punctuation(False)
    type_keys(ed, "nihao,shijie-")
    assert ed.toPlainText() == "你好,世界-"


def test_comma_and_period_page_only_with_the_setting(main_window):
    ed, ctl = main_window.editor, main_window.controller
    type_keys(ed, "shi")
    key(ed, K.Key_PageDown)                            # the page keys always page
    assert ed.candidate_bar.page.page == 1
    key(ed, K.Key_PageUp)
    ctl.punct_pages = True
    type_keys(ed, ".")
    assert ed.candidate_bar.page.page == 1 and ed.toPlainText() == ""
    type_keys(ed, ",")
    assert ed.candidate_bar.page.page == 0
    ctl.punct_pages = False
    type_keys(ed, "=")
    assert ed.toPlainText() == "是=" and not ctl.composing


def test_capital_letter_while_composing_is_kept(main_window):
    ed, ctl = main_window.editor, main_window.controller
    type_keys(ed, "woShi")
    text = ed.toPlainText()
    assert text == "我S"                               # the composition first, then the capital
    assert ctl.composing and main_window.engine.raw == "hi"
    key(ed, K.Key_Escape)
    assert ed.toPlainText() == "我S"


def test_u_umlaut_typed_as_a_character_is_v(main_window):
    ed, engine = main_window.editor, main_window.engine
    key(ed, K.Key_L, "l")
    key(ed, 0x0DC, "ü")                                # Qt.Key_Udiaeresis
    assert engine.raw == "lv"
    key(ed, K.Key_Escape)
    key(ed, 0x0DC, "ü")                                # ü first: composes too, as v
    assert engine.raw == "v"
    key(ed, K.Key_Escape)
    key(ed, K.Key_N, "n")
    key(ed, 0x0DC, "ü")
    key(ed, K.Key_Space, " ")
    assert ed.toPlainText() == "女"


SENTENCE = "jintianhenhao,womenquGongyuan ba. nihao 2024 shijie?"


def _typed_slowly(main_window) -> str:
    ed = main_window.editor
    for k, text, mods in _key_events(SENTENCE):
        key(ed, k, text, mods)
    text = ed.toPlainText()
    main_window.controller.cancel()
    ed.clear()
    return text


def _post_all(widget, events) -> None:
    for k, text, mods in events:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.postEvent(widget, QKeyEvent(kind, k, mods, text))


def _slow_engine(monkeypatch, engine, *, reenter: bool) -> None:
    """Each letter costs 30 ms (a slow machine); with `reenter`, the engine lets the event loop
    run meanwhile (as a nested loop in a model load or a dialog would)."""
    original = engine.type

    def slow_type(text: str) -> None:
        end = time.perf_counter() + 0.03
        while time.perf_counter() < end:
            if reenter:
                QApplication.processEvents()
            time.sleep(0.002)
        original(text)

    monkeypatch.setattr(engine, "type", slow_type)


def test_keys_typed_at_60_per_second_into_a_slow_engine_keep_their_order(main_window, qtbot,
                                                                         monkeypatch):
    ed = main_window.editor
    slow = _typed_slowly(main_window)
    assert slow.startswith("今天很好，我们去G")
    _slow_engine(monkeypatch, main_window.engine, reenter=False)
    events = _key_events(SENTENCE)
    # a key every 16 ms (62 keys/s), while each letter takes the engine 30 ms: the app works
    # through the keys between every fourth one, so most arrive while it is busy
    for i, event in enumerate(events):
        if i % 4 == 0:
            qtbot.wait(1)
        _post_all(ed, [event])
        time.sleep(0.016)
    qtbot.waitUntil(lambda: ed.toPlainText() == slow, timeout=20000)
    assert not main_window.controller.composing


def test_keys_arriving_during_a_key_are_queued_not_interleaved(main_window, qtbot, monkeypatch):
    ed = main_window.editor
    slow = _typed_slowly(main_window)
    _slow_engine(monkeypatch, main_window.engine, reenter=True)
    _post_all(ed, _key_events(SENTENCE))               # all queued before the first is handled
    qtbot.waitUntil(lambda: ed.toPlainText() == slow, timeout=20000)
    assert ed.toPlainText() == slow and not main_window.controller.composing


def test_commit_reaches_the_editor_when_learning_fails(main_window, monkeypatch, caplog):
    ed, ctl = main_window.editor, main_window.controller

    def broken_learn(*_args, **_kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(main_window.engine.user_lexicon, "learn", broken_learn)
    type_keys(ed, "shi")
    key(ed, K.Key_2, "2")                              # a choice the engine learns from
    chosen = ed.toPlainText()
    assert len(chosen) == 1 and not ctl.composing
    type_keys(ed, "shi")
    key(ed, K.Key_3, "3")
    assert len(ed.toPlainText()) == 2 and not ctl.composing
    # said, not swallowed: the engine settles the text first, then logs what learning raised
    # (storage faults never get here: the user lexicon queues them and the status bar says so)
    assert "could not learn" in caplog.text
    type_keys(ed, "nihao ")                            # typing goes on
    assert ed.toPlainText().endswith("你好")
    assert ed.preedit == ""


def test_context_follows_cursor_moves_and_clicks(main_window, qtbot):
    ed, engine = main_window.editor, main_window.engine
    type_keys(ed, "nihao ")
    type_keys(ed, "shijie ")
    assert ed.toPlainText() == "你好世界"
    key(ed, K.Key_Left)
    key(ed, K.Key_Left)
    type_keys(ed, "w")
    assert engine.context == "你好"
    key(ed, K.Key_Escape)
    key(ed, K.Key_Home)
    type_keys(ed, "w")
    assert engine.context == ""
    key(ed, K.Key_Escape)
    # a click after the third character
    cursor = ed.textCursor()
    cursor.setPosition(3)
    rect = ed.cursorRect(cursor)
    qtbot.mouseClick(ed.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ed.textCursor().position() == 3
    type_keys(ed, "w")
    assert engine.context == "你好世"


def test_a_click_in_the_text_commits_the_composition_as_typed(main_window, qtbot):
    ed = main_window.editor
    type_keys(ed, "nihao ")
    key(ed, K.Key_Escape)                              # no predictions in the way
    type_keys(ed, "shijie")
    cursor = ed.textCursor()
    cursor.setPosition(1)
    qtbot.mouseClick(ed.viewport(), Qt.MouseButton.LeftButton, pos=ed.cursorRect(cursor).center())
    assert ed.toPlainText() == "你好shijie" and not main_window.controller.composing
    assert not ed.candidate_bar.isVisible()
