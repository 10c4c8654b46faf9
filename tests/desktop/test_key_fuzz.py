"""Any key sequence keeps the composition, the preedit and the candidate bar consistent."""
from __future__ import annotations

import pytest
from desktop_keys import key
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.qt import Qt

pytestmark = pytest.mark.gui
K = Qt.Key
MOD = Qt.KeyboardModifier

LETTERS = [(K.Key_A + i, chr(97 + i), MOD.NoModifier) for i in range(26)]
OTHERS = [
    (K.Key_Space, " ", MOD.NoModifier), (K.Key_Backspace, "\b", MOD.NoModifier),
    (K.Key_Escape, "\x1b", MOD.NoModifier), (K.Key_Return, "\r", MOD.NoModifier),
    (K.Key_Apostrophe, "'", MOD.NoModifier), (K.Key_Comma, ",", MOD.NoModifier),
    (K.Key_Period, ".", MOD.NoModifier), (K.Key_Minus, "-", MOD.NoModifier),
    (K.Key_Equal, "=", MOD.NoModifier), (K.Key_PageDown, "", MOD.NoModifier),
    (K.Key_Left, "", MOD.NoModifier), (K.Key_Right, "", MOD.NoModifier),
    (K.Key_3, "3", MOD.NoModifier), (K.Key_9, "9", MOD.NoModifier),
    (K.Key_Question, "?", MOD.ShiftModifier), (K.Key_Shift, "", MOD.ShiftModifier),
    (K.Key_Period, ".", MOD.ControlModifier),
    (K.Key_S, "S", MOD.ShiftModifier), (0x0DC, "ü", MOD.NoModifier),      # a capital, ü (Key_Udiaeresis)
    (K.Key_PageUp, "", MOD.NoModifier), (K.Key_1, "1", MOD.NoModifier),
]
KEYS = st.lists(st.sampled_from(LETTERS * 3 + OTHERS), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(keys=KEYS)
def test_random_keys_keep_state_consistent(main_window, keys):
    ed, ctl = main_window.editor, main_window.controller
    ctl.cancel()
    ctl.set_chinese(True)
    ed.clear()
    for k, text, mods in keys:
        key(ed, k, text, mods)
        composing = ctl.composing
        assert composing == bool(ed.preedit)
        assert (composing or ctl.predicting) == ed.candidate_bar.isVisible()
        if composing:
            page = ed.candidate_bar.page
            assert 0 <= page.page < max(1, page.page_count)
            assert 0 <= page.highlight < max(1, len(page.candidates))
    # whatever happened, the document holds no raw composition markers
    assert "\ufffd" not in ed.toPlainText()
