"""The candidate bar: a frameless popup that follows the text cursor, like a system IME's.

It paints one `CandidatePage` (numbered candidates, the highlight, a page indicator and the
composition) and reports clicks and wheel turns; it never talks to the engine itself.
"""
from __future__ import annotations

from desktop.ime_controller import CandidatePage
from desktop.qt import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPoint,
    QRect,
    QSize,
    Qt,
    QWheelEvent,
    QWidget,
    Signal,
)

_PAD = 6          # inner margin, px
_GAP = 14         # space between candidates, px
_WIDTH_STEP = 48  # the popup's width grows in steps of this many px


class CandidateBar(QWidget):
    """Horizontal candidate list; emits `candidateClicked(index_on_page)` and `pageRequested`."""

    candidateClicked = Signal(int)
    pageRequested = Signal(int)      # -1 previous page, +1 next page
    painted = Signal()               # after every paint: the benchmark times keystroke -> pixels

    def __init__(self, parent: QWidget | None = None) -> None:
        # A ToolTip window is not managed by the window manager and never takes focus, which
        # is how IME popups behave: typing stays in the editor.
        super().__init__(
            parent,
            Qt.WindowType.ToolTip
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowDoesNotAcceptFocus,
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("CandidateBar")
        self._page = CandidatePage()
        self._cells: list[QRect] = []
        self._prev_rect = QRect()
        self._next_rect = QRect()
        font = QFont(self.font())
        font.setPointSize(max(font.pointSize(), 13))
        self.setFont(font)
        self._small = QFont(font)
        self._small.setPointSize(max(8, font.pointSize() - 3))

    # -- data --------------------------------------------------------------------------------
    @property
    def page(self) -> CandidatePage:
        return self._page

    def texts(self) -> list[str]:
        return [c.text for c in self._page.candidates]

    def set_page(self, page: CandidatePage) -> None:
        self._page = page
        self._layout()
        self.update()

    def set_font_size(self, points: int) -> None:
        font = QFont(self.font())
        font.setPointSize(points)
        self.setFont(font)
        self._small.setPointSize(max(8, points - 3))
        self._layout()

    def show_at(self, anchor: QPoint) -> None:
        """Show with the top-left corner at `anchor` (global), kept on the screen."""
        screen = self.screen().availableGeometry() if self.screen() else None
        pos = QPoint(anchor)
        if screen is not None:
            if pos.x() + self.width() > screen.right():
                pos.setX(max(screen.left(), screen.right() - self.width()))
            if pos.y() + self.height() > screen.bottom():
                pos.setY(anchor.y() - self.height() - 30)  # flip above the line
        self.move(pos)
        if not self.isVisible():
            self.show()

    # -- geometry ----------------------------------------------------------------------------
    def _layout(self) -> None:
        fm = QFontMetrics(self.font())
        small = QFontMetrics(self._small)
        top = _PAD + small.height() + 2
        x = _PAD
        self._cells = []
        for i, cand in enumerate(self._page.candidates):
            w = fm.horizontalAdvance(f"{i + 1}.{cand.text}") + 8
            self._cells.append(QRect(x, top, w, fm.height() + 4))
            x += w + _GAP
        arrows = fm.horizontalAdvance("◀") + 4
        indicator = small.horizontalAdvance(f"{self._page.page + 1}/{max(1, self._page.page_count)}")
        self._prev_rect = QRect(x, top, arrows, fm.height() + 4)
        self._next_rect = QRect(x + arrows + indicator + 6, top, arrows, fm.height() + 4)
        width = max(self._next_rect.right() + _PAD,
                    _PAD * 2 + small.horizontalAdvance(self._page.preedit) + 4, 120)
        height = top + fm.height() + 4 + _PAD
        # Resizing a top-level window reallocates its backing store: grow in steps and do not
        # shrink while the composition lasts, so most keystrokes repaint without a resize.
        width = -(-width // _WIDTH_STEP) * _WIDTH_STEP
        if self.isVisible() and self._page.preedit:
            width = max(width, self.width())
        if (width, height) != (self.width(), self.height()):
            self.resize(QSize(width, height))
        # the page indicator sits at the right edge
        shift = width - _PAD - self._next_rect.right() - 1
        self._prev_rect.translate(shift, 0)
        self._next_rect.translate(shift, 0)

    def index_at(self, pos: QPoint) -> int:
        for i, rect in enumerate(self._cells):
            if rect.contains(pos):
                return i
        return -1

    # -- events ------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        base, text = pal.base().color(), pal.text().color()
        accent = pal.highlight().color()
        p.setPen(QColor(accent).darker(120))
        p.setBrush(base)
        p.drawRoundedRect(self.rect().adjusted(0, 0, -1, -1), 5, 5)
        # the composition, small, on top (the editor shows it inline too)
        p.setFont(self._small)
        p.setPen(QColor(text).lighter(160) if text.lightness() < 128 else QColor(text).darker(140))
        p.drawText(QRect(_PAD, _PAD - 2, self.width() - 2 * _PAD, QFontMetrics(self._small).height()),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._page.preedit)
        p.setFont(self.font())
        for i, (rect, cand) in enumerate(zip(self._cells, self._page.candidates)):
            if i == self._page.highlight:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(accent)
                p.drawRoundedRect(rect, 4, 4)
                p.setPen(pal.highlightedText().color())
            else:
                p.setPen(text)
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{i + 1}.{cand.text}")
        more_prev = self._page.page > 0
        more_next = self._page.page + 1 < self._page.page_count
        dim = QColor(text)
        dim.setAlpha(70)
        p.setPen(text if more_prev else dim)
        p.drawText(self._prev_rect, Qt.AlignmentFlag.AlignCenter, "◀")
        p.setPen(text if more_next else dim)
        p.drawText(self._next_rect, Qt.AlignmentFlag.AlignCenter, "▶")
        p.setFont(self._small)
        p.setPen(text)
        between = QRect(self._prev_rect.right(), self._prev_rect.top(),
                        self._next_rect.left() - self._prev_rect.right(), self._prev_rect.height())
        p.drawText(between, Qt.AlignmentFlag.AlignCenter,
                   f"{self._page.page + 1}/{max(1, self._page.page_count)}")
        p.end()
        self.painted.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        pos = event.position().toPoint()
        index = self.index_at(pos)
        if index >= 0:
            self.candidateClicked.emit(index)
        elif self._prev_rect.contains(pos):
            self.pageRequested.emit(-1)
        elif self._next_rect.contains(pos):
            self.pageRequested.emit(+1)
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        dy = event.angleDelta().y() or event.angleDelta().x()
        if dy:
            self.pageRequested.emit(-1 if dy > 0 else +1)
        event.accept()
