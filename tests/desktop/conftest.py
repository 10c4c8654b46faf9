"""Fixtures for the desktop tests: a main window on the real engine, key helpers."""
from __future__ import annotations

import pytest


@pytest.fixture
def main_window(qtbot, yinzi_home):
    """The app's window on the real n-gram engine and a fresh user lexicon (no neural model)."""
    from desktop.main_window import MainWindow

    window = MainWindow()
    window.ask_save_changes = lambda: "discard"
    window.ask_restore = lambda text: True
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.editor.setFocus()
    yield window
    window.editor.document().setModified(False)
    window.close()
