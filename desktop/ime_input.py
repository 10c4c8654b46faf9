"""Connects an `ImeController` to text widgets: keys in; preedit, commits and the bar out.

One `ImeInput` serves every widget attached to its controller (the editor, the dictionary
search, the find field): the widget that has the keyboard is the target, so the whole app has
one composition and one 中/英 mode. It works through Qt's own input-method path
(`QInputMethodEvent` to show the preedit and commit, `inputMethodQuery` for the cursor and the
text before it), which QLineEdit, QPlainTextEdit and QTextEdit all implement, and as an event
filter, so the widgets need no subclass.

Keys are handled strictly in order: a key that arrives while another is being handled (a slow
engine call that lets the event loop run) waits in a queue, and a key the input method does not
want is handed to the widget from that same queue, never around it.
"""
from __future__ import annotations

import logging
from collections import deque

from desktop.candidate_bar import CandidateBar
from desktop.ime_controller import CandidatePage, ImeController
from desktop.qt import (
    QApplication,
    QEvent,
    QInputMethodEvent,
    QKeyEvent,
    QObject,
    QPoint,
    QRect,
    Qt,
    QTextCharFormat,
    QWidget,
)

log = logging.getLogger(__name__)

CONTEXT_CHARS = 64   # committed text left of the cursor handed to the engine as context
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)


def copy_key_event(event: QKeyEvent) -> QKeyEvent:
    """A detached copy of a key event (Qt reuses the one it delivers)."""
    return QKeyEvent(event.type(), event.key(), event.modifiers(), event.nativeScanCode(),
                     event.nativeVirtualKey(), event.nativeModifiers(), event.text(),
                     event.isAutoRepeat(), event.count())


def text_left_of_cursor(widget: QWidget) -> str:
    """Up to CONTEXT_CHARS of the text just left of `widget`'s cursor (several lines if need be)."""
    if hasattr(widget, "textCursor") and hasattr(widget, "document"):
        cursor = widget.textCursor()
        block = cursor.block().text()[: cursor.positionInBlock()]
        if len(block) >= CONTEXT_CHARS or cursor.blockNumber() == 0:
            return block[-CONTEXT_CHARS:]
        doc = widget.document().toPlainText()
        return doc[max(0, cursor.position() - CONTEXT_CHARS): cursor.position()]
    before = widget.inputMethodQuery(Qt.InputMethodQuery.ImTextBeforeCursor)
    return str(before or "")[-CONTEXT_CHARS:]


def _cursor_rect(widget: QWidget) -> QRect:
    """The text cursor's rectangle in `widget` coordinates."""
    if hasattr(widget, "viewport") and hasattr(widget, "cursorRect"):   # the text edits
        return widget.cursorRect().translated(widget.viewport().pos())
    rect = widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    if hasattr(rect, "toRect"):
        rect = rect.toRect()
    return rect if isinstance(rect, QRect) else QRect(0, 0, 1, widget.fontMetrics().height())


def _text_edit_start_rect(widget) -> QRect | None:
    """Where the composition starts in a QPlainTextEdit, in widget coordinates. Qt's cursor
    rectangle follows the caret inside the preedit; the bar stays at the preedit's start."""
    if not hasattr(widget, "blockBoundingGeometry"):
        return None
    cursor = widget.textCursor()
    block = cursor.block()
    layout = block.layout()
    if layout is None:
        return None
    rel = cursor.positionInBlock()
    line = layout.lineForTextPosition(rel)
    if not line.isValid():
        return None
    x = line.cursorToX(rel)
    x = x[0] if isinstance(x, tuple) else x
    origin = widget.blockBoundingGeometry(block).translated(widget.contentOffset()).topLeft() \
        + layout.position()
    rect = QRect(int(origin.x() + x), int(origin.y() + line.y()), 1, int(line.height()))
    return rect.translated(widget.viewport().pos())


class ImeInput(QObject):
    """Routes keys from attached widgets to one controller, and its output to the target."""

    def __init__(self, controller: ImeController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.bar: CandidateBar | None = None
        self._widgets: dict[int, QWidget] = {}      # id -> widget
        # id(viewport) -> (viewport, its widget); holding the viewport keeps its id stable
        self._viewports: dict[int, tuple[QWidget, QWidget]] = {}
        self._target: QWidget | None = None
        self._preedit = ""
        self._start = QRect()          # composition start, target coordinates (non-text-edits)
        self._queue: deque[tuple[QWidget, QKeyEvent]] = deque()
        self._handling = False         # a key is being handled: others wait in the queue
        self._passing: QKeyEvent | None = None  # the key being handed to the widget
        self._sending = False          # our own QInputMethodEvent is being delivered
        controller.context_provider = self.text_left_of_cursor
        controller.preeditChanged.connect(self._on_preedit_changed)
        controller.candidatesChanged.connect(self._on_candidates_changed)
        controller.committed.connect(self._on_committed)

    # -- attaching ---------------------------------------------------------------------------
    def attach(self, widget: QWidget) -> None:
        if id(widget) in self._widgets:
            return
        self._widgets[id(widget)] = widget
        widget.installEventFilter(self)
        viewport = widget.viewport() if hasattr(widget, "viewport") else None
        if viewport is not None:   # a scroll area gets its mouse presses on the viewport
            self._viewports[id(viewport)] = (viewport, widget)
            viewport.installEventFilter(self)
        widget.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        if hasattr(widget, "cursorPositionChanged"):
            widget.cursorPositionChanged.connect(self._on_cursor_moved)
        widget.destroyed.connect(lambda *_, key=id(widget), vp=id(viewport): self._forget(key, vp))
        if self._target is None:
            self._target = widget
        self._ensure_bar(widget)

    def _ensure_bar(self, owner: QWidget | None = None) -> CandidateBar | None:
        """The one candidate bar, owned by the first widget (made again if that one is gone)."""
        owner = owner or self._target
        if self.bar is None and owner is not None:
            self.bar = CandidateBar(owner)
            self.bar.candidateClicked.connect(self._on_candidate_clicked)
            self.bar.pageRequested.connect(self.controller.turn_page)
            self.bar.destroyed.connect(self._on_bar_destroyed)
        return self.bar

    def _on_bar_destroyed(self, *_args) -> None:
        self.bar = None

    def _forget(self, key: int, viewport_key: int) -> None:
        widget = self._widgets.pop(key, None)
        self._viewports.pop(viewport_key, None)
        if widget is not None and widget is self._target:
            self._target = None
            self._preedit = ""
            try:
                self.controller.cancel()   # its composition goes with it
            except RuntimeError:
                pass                       # the controller is being destroyed too

    @property
    def target(self) -> QWidget | None:
        return self._target

    def preedit_of(self, widget: QWidget) -> str:
        return self._preedit if widget is self._target else ""

    def text_left_of_cursor(self) -> str:
        return text_left_of_cursor(self._target) if self._target is not None else ""

    # -- events ------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        widget = self._widgets.get(id(obj))
        if widget is None:
            _viewport, widget = self._viewports.get(id(obj), (None, None))
            if widget is not None and kind == QEvent.Type.MouseButtonPress:
                self._on_mouse_press(widget, event)
            return False
        if kind in _KEY_EVENTS:
            if event is self._passing:
                return False           # handed on by us: the widget's turn
            self._queue.append((widget, copy_key_event(event)))
            event.accept()
            if not self._handling:
                self._drain()
            return True
        if kind == QEvent.Type.ShortcutOverride:
            # While composing, the keys are the input method's, not a window's shortcuts.
            if self.controller.composing and widget is self._target \
                    and not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                                  | Qt.KeyboardModifier.KeypadModifier):
                event.accept()
                return True
        elif kind == QEvent.Type.FocusIn:
            self._switch_target(widget)
            if self.controller.composing and self.bar is not None:
                self.bar.show_at(*self._bar_anchor())
        elif kind == QEvent.Type.FocusOut:
            if widget is self._target and self.bar is not None:
                self.bar.hide()
                self.controller.dismiss_predictions()
        elif kind == QEvent.Type.MouseButtonPress:
            self._on_mouse_press(widget, event)
        elif kind == QEvent.Type.InputMethod and not self._sending:
            # A system input method (if any) bypasses ours: take its text, drop our state.
            if widget is self._target and self.controller.composing:
                self._preedit = ""
                self.controller.cancel()
        return False

    def _drain(self) -> None:
        """Handle the queued keys in order; keys arriving meanwhile join the queue."""
        self._handling = True
        try:
            while self._queue:
                widget, event = self._queue.popleft()
                if id(widget) not in self._widgets:
                    continue
                try:
                    self._switch_target(widget)
                    if event.type() == QEvent.Type.KeyPress:
                        consumed = self.controller.key_press(event)
                    else:
                        consumed = self.controller.key_release(event)
                except Exception:  # one bad key must not stop the keys queued behind it
                    log.exception("the input method failed on a key")
                    consumed = self.controller.composing  # idle: the widget types it
                if not consumed:
                    self._pass(widget, event)
        finally:
            self._handling = False

    def _pass(self, widget: QWidget, event: QKeyEvent) -> None:
        self._passing = event
        try:
            QApplication.sendEvent(widget, event)
        finally:
            self._passing = None

    def _on_mouse_press(self, widget: QWidget, event) -> None:
        # Clicking in the text ends the composition as shown, before the cursor moves.
        if widget is self._target and event.button() == Qt.MouseButton.LeftButton:
            if self.controller.composing:
                self.controller.commit_raw()
            else:
                self.controller.dismiss_predictions()

    def _on_cursor_moved(self, *_args) -> None:
        if not self._sending and self.controller.predicting:
            self.controller.dismiss_predictions()

    def _switch_target(self, widget: QWidget) -> None:
        """The composition belongs to one widget: moving to another commits it there first."""
        if widget is self._target:
            return
        if self._target is not None:
            if self.controller.composing:
                self.controller.commit_raw()
            else:
                self.controller.dismiss_predictions()
        if self.bar is not None:
            self.bar.hide()
        self._target = widget
        self._preedit = ""

    def _on_candidate_clicked(self, index: int) -> None:
        self.controller.choose(index)

    # -- controller output ---------------------------------------------------------------------
    def _send(self, event: QInputMethodEvent) -> None:
        if self._target is None:
            return
        self._sending = True
        try:
            QApplication.sendEvent(self._target, event)
        finally:
            self._sending = False

    def _on_preedit_changed(self, text: str) -> None:
        if text == self._preedit or self._target is None:
            return
        if not self._preedit:
            self._start = _cursor_rect(self._target)   # the composition starts here
        self._preedit = text
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        attrs = [
            QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.TextFormat, 0, len(text), fmt),
            QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.Cursor, len(text), 1, None),
        ]
        self._send(QInputMethodEvent(text, attrs))

    def _on_committed(self, text: str) -> None:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        self._preedit = ""
        self._send(event)
        if hasattr(self._target, "ensureCursorVisible"):
            self._target.ensureCursorVisible()

    def _on_candidates_changed(self, page: CandidatePage) -> None:
        bar = self.bar if not page.visible else self._ensure_bar()
        if bar is None:
            return
        if not page.visible or self._target is None:
            bar.hide()
            return
        bar.set_page(page)
        if self._target.hasFocus() or not bar.isVisible():
            bar.show_at(*self._bar_anchor())

    def _bar_anchor(self) -> tuple[QPoint, QPoint]:
        """(below, above): global points under and over the line where the composition starts
        (where the cursor is when predictions show), as system input methods place their bar."""
        widget = self._target
        if self._preedit:
            rect = _text_edit_start_rect(widget) or self._start
        else:
            rect = _cursor_rect(widget)
        x = rect.left() + rect.width() // 2     # QLineEdit's cursor rectangle is 9 px wide
        below = widget.mapToGlobal(QPoint(x, rect.bottom() + 4))
        above = widget.mapToGlobal(QPoint(x, rect.top() - 2))
        return below, above
