"""The text editor with an inline composition: the preedit is drawn at the cursor, underlined.

The composition goes through Qt's own input-method path (`QInputMethodEvent`), exactly as a
system IME's would, so the text layout draws the preedit and undo sees only committed text.
"""
from __future__ import annotations

from desktop.candidate_bar import CandidateBar
from desktop.ime_controller import CandidatePage, ImeController
from desktop.qt import (
    QFocusEvent,
    QInputMethodEvent,
    QKeyEvent,
    QMouseEvent,
    QPlainTextEdit,
    QPoint,
    Qt,
    QTextCharFormat,
    QTextCursor,
    QWidget,
)

CONTEXT_CHARS = 64   # committed text left of the cursor handed to the engine as context


class ImeTextEdit(QPlainTextEdit):
    """A plain-text editor that feeds keys to an `ImeController` first."""

    def __init__(self, controller: ImeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.candidate_bar = CandidateBar(self)
        self._preedit = ""
        controller.context_provider = self.text_left_of_cursor
        controller.preeditChanged.connect(self._on_preedit_changed)
        controller.candidatesChanged.connect(self._on_candidates_changed)
        controller.committed.connect(self._on_committed)
        self.candidate_bar.candidateClicked.connect(self._on_candidate_clicked)
        self.candidate_bar.pageRequested.connect(controller.turn_page)

    # -- what the controller needs ----------------------------------------------------------
    def text_left_of_cursor(self) -> str:
        cursor = self.textCursor()
        block = cursor.block().text()[: cursor.positionInBlock()]
        if len(block) >= CONTEXT_CHARS or cursor.blockNumber() == 0:
            return block[-CONTEXT_CHARS:]
        doc = self.document().toPlainText()
        return doc[max(0, cursor.position() - CONTEXT_CHARS): cursor.position()]

    @property
    def preedit(self) -> str:
        return self._preedit

    # -- controller signals ------------------------------------------------------------------
    def _on_preedit_changed(self, text: str) -> None:
        if text == self._preedit:
            return
        self._preedit = text
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        attrs = [
            QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.TextFormat, 0, len(text), fmt),
            QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.Cursor, len(text), 1, None),
        ]
        super().inputMethodEvent(QInputMethodEvent(text, attrs))

    def _on_committed(self, text: str) -> None:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        self._preedit = ""
        super().inputMethodEvent(event)
        self.ensureCursorVisible()

    def _on_candidates_changed(self, page: CandidatePage) -> None:
        bar = self.candidate_bar
        if not page.visible:
            bar.hide()
            return
        bar.set_page(page)
        if self.hasFocus() or not bar.isVisible():
            bar.show_at(self._bar_anchor())

    def _on_candidate_clicked(self, index: int) -> None:
        self.controller.select_on_page(index)

    def _bar_anchor(self) -> QPoint:
        # Anchor at the start of the composition, just below the line, as system IMEs do.
        cursor = QTextCursor(self.textCursor())
        rect = self.cursorRect(cursor)
        return self.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom() + 4))

    # -- Qt overrides ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self.controller.key_press(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self.controller.key_release(event):
            event.accept()
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        # Clicking elsewhere ends the composition as shown, before the cursor moves.
        if self.controller.composing and event.button() == Qt.MouseButton.LeftButton:
            self.controller.commit_raw()
        super().mousePressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self.candidate_bar.hide()
        super().focusOutEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        if self.controller.composing:
            self.candidate_bar.show_at(self._bar_anchor())

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt override
        # A system IME (if any) bypasses ours: accept its commits, keep our state consistent.
        if self.controller.composing:
            self.controller.cancel()
        super().inputMethodEvent(event)
