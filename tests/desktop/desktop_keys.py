"""Key helpers for the desktop tests (QKeyEvents sent directly, as a real keyboard would)."""
from __future__ import annotations

from desktop.qt import QApplication, QEvent, QKeyEvent, Qt

MODS = Qt.KeyboardModifier


def key(widget, k, text: str = "", mods=MODS.NoModifier) -> None:
    """Press and release one key on `widget` (QKeyEvent directly: works with any text)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, k, mods, text))


def type_keys(widget, text: str) -> None:
    """Type ASCII letters, digits, punctuation and spaces as key presses."""
    special = {" ": Qt.Key.Key_Space, "'": Qt.Key.Key_Apostrophe, ",": Qt.Key.Key_Comma,
               ".": Qt.Key.Key_Period, "-": Qt.Key.Key_Minus, "=": Qt.Key.Key_Equal,
               "?": Qt.Key.Key_Question, "!": Qt.Key.Key_Exclam, ";": Qt.Key.Key_Semicolon}
    for ch in text:
        if "a" <= ch <= "z":
            key(widget, Qt.Key.Key_A + (ord(ch) - ord("a")), ch)
        elif "A" <= ch <= "Z":
            key(widget, Qt.Key.Key_A + (ord(ch) - ord("A")), ch, MODS.ShiftModifier)
        elif ch.isdigit():
            key(widget, Qt.Key.Key_0 + int(ch), ch)
        else:
            key(widget, special[ch], ch)
