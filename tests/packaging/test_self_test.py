"""`yinzi --self-test` on a real window: typing a sentence through the key controller passes,
and a broken decoder fails with a one-line reason."""
from __future__ import annotations

import pytest

from desktop import self_test

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, yinzi_home):
    from desktop.main_window import MainWindow

    w = MainWindow()
    w.ask_save_changes = lambda: "discard"
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.editor.document().setModified(False)
    w.close()


def test_typing_the_sentence_passes(window) -> None:
    assert self_test.check_window(window) == []
    assert window.editor.toPlainText() == self_test.EXPECTED


def test_no_candidates_is_a_failure(window, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.ime_controller import CandidatePage

    monkeypatch.setattr(window.controller, "current_page", lambda: CandidatePage())
    problems = self_test.check_window(window)
    assert problems and "no candidates" in problems[0]


def test_process_age_is_measured_on_linux() -> None:
    import sys

    age = self_test.process_age_s()
    if sys.platform.startswith("linux"):
        assert age is not None and age >= 0


@pytest.mark.slow
def test_analysis_child_answers(capsys: pytest.CaptureFixture[str]) -> None:
    assert self_test.main(["--analysis"]) == 0
    out = capsys.readouterr().out
    assert "self-test: OK" in out and self_test.ANALYSIS_TEXT in out
