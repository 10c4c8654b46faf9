"""The text editor with an inline composition: the preedit is drawn at the cursor, underlined.

The composition goes through Qt's own input-method path (`QInputMethodEvent`), exactly as a
system IME's would, so the text layout draws the preedit and undo sees only committed text;
`desktop.ime_input.ImeInput` does the routing, and any other text field can share it with
`controller.attach(field)`.
"""
from __future__ import annotations

from desktop.candidate_bar import CandidateBar
from desktop.ime_controller import ImeController
from desktop.ime_input import CONTEXT_CHARS, ImeInput, text_left_of_cursor
from desktop.qt import QPlainTextEdit, QWidget

__all__ = ["CONTEXT_CHARS", "ImeTextEdit"]


class ImeTextEdit(QPlainTextEdit):
    """A plain-text editor whose keys go to an `ImeController` first."""

    def __init__(self, controller: ImeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        controller.attach(self)

    @property
    def ime(self) -> ImeInput:
        return self.controller.input

    @property
    def candidate_bar(self) -> CandidateBar:
        return self.ime.bar

    @property
    def preedit(self) -> str:
        return self.ime.preedit_of(self)

    def text_left_of_cursor(self) -> str:
        """The committed text left of the cursor, across lines, up to CONTEXT_CHARS."""
        return text_left_of_cursor(self)
