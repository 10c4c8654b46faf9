"""The candidate bar: a frameless popup at the start of the composition, like a system IME's.

It paints one `CandidatePage` (numbered candidates, the highlight, a page indicator and the
composition) and reports clicks and wheel turns; it never talks to the engine itself. It is
never wider than the screen: long candidates are elided in the middle (the full text is the
cell's tooltip) so that the whole page and the page indicator stay visible.
"""
from __future__ import annotations

from desktop.ime_controller import CandidatePage
from desktop.qt import (
    QColor,
    QEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPoint,
    QRect,
    QSize,
    Qt,
    QtWidgets,
    QWheelEvent,
    QWidget,
    Signal,
)

_PAD = 6          # inner margin, px
_GAP = 14         # space between candidates, px
_CELL_EXTRA = 8   # a cell's width beyond its text, px
_WIDTH_STEP = 48  # the popup's width grows in steps of this many px
_SCREEN_MARGIN = 4  # px kept free at the screen's edges
_MIN_CHARS = "字…字"  # an elided candidate keeps at least its first and last character


def fit_widths(widths: list[int], budget: int, floor: int) -> list[int]:
    """Cap the widest cells so that the sum fits `budget` ("water filling"): narrow cells keep
    their width, wide ones share what is left equally, none goes below `floor`."""
    if sum(widths) <= budget:
        return list(widths)
    order = sorted(range(len(widths)), key=lambda i: widths[i])
    remaining, left = budget, len(widths)
    cap = floor
    for i in order:
        share = remaining // left
        if widths[i] <= share:
            remaining -= widths[i]
            left -= 1
            continue
        cap = max(floor, share)
        break
    return [min(w, cap) for w in widths]


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def elide_around(fm: QFontMetrics, text: str, focus: int, width: int) -> str:
    """`text` cut to `width` px so that character `focus` (and one before it) stays visible,
    with … where it was cut."""
    def fits(start: int, end: int) -> bool:
        shown = ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")
        return fm.horizontalAdvance(shown) <= width

    start = max(0, min(focus, len(text) - 1) - 1)
    end = start
    while end < len(text) and fits(start, end + 1):
        end += 1
    while start > 0 and fits(start - 1, end):
        start -= 1
    return ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")


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
        self._shown: list[str] = []      # the text drawn in each cell (elided or whole)
        self._prev_rect = QRect()
        self._next_rect = QRect()
        self._max_width = 0              # 0 until placed on a screen
        self._widths: dict[str, int] = {}  # text -> advance in the candidate font
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

    def shown_texts(self) -> list[str]:
        """What each visible cell shows (long candidates elided in the middle)."""
        return list(self._shown)

    def set_page(self, page: CandidatePage) -> None:
        self._page = page
        self._layout()
        self.update()

    def set_font_size(self, points: int) -> None:
        font = QFont(self.font())
        font.setPointSize(points)
        self.setFont(font)
        self._widths.clear()
        self._small.setPointSize(max(8, points - 3))
        self._layout()

    def screen_rect(self, at: QPoint | None = None) -> QRect:
        """The available area of the screen showing `at` (global), or of the bar's screen."""
        screen = QGuiApplication.screenAt(at) if at is not None else None
        screen = screen or self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect()

    def show_at(self, below: QPoint, above: QPoint | None = None) -> None:
        """Show with the top-left corner at `below` (global), or ending at `above` when there
        is no room under the line; always inside the screen."""
        screen = self.screen_rect(below)
        if screen.isValid():
            width = max(120, screen.width() - 2 * _SCREEN_MARGIN)
            if width != self._max_width:
                self._max_width = width
                self._layout()
        pos = QPoint(below)
        if screen.isValid():
            right = screen.left() + screen.width() - _SCREEN_MARGIN
            bottom = screen.top() + screen.height()
            if pos.x() + self.width() > right:
                pos.setX(right - self.width())
            pos.setX(max(screen.left() + _SCREEN_MARGIN, pos.x()))
            if pos.y() + self.height() > bottom:
                flipped = (above.y() if above is not None else below.y() - 30) - self.height()
                pos.setY(max(screen.top(), flipped))
        self.move(pos)
        if not self.isVisible():
            self.show()

    # -- geometry ----------------------------------------------------------------------------
    def _layout(self) -> None:
        fm = QFontMetrics(self.font())
        small = QFontMetrics(self._small)
        top = _PAD + small.height() + 2
        cell_h = fm.height() + 4
        page = self._page
        labels = [f"{i + 1}." for i in range(len(page.candidates))]
        natural = [self._advance(fm, lab) + self._advance(fm, c.text) + _CELL_EXTRA
                   for lab, c in zip(labels, page.candidates)]
        arrows = self._advance(fm, "◀") + 4
        indicator = small.horizontalAdvance(f"{page.page + 1}/{max(1, page.page_count)}") + 6
        tail = 2 * arrows + indicator          # the page indicator, always shown
        widths, count = natural, len(natural)
        if self._max_width:
            # Fit the whole page: elide the widest candidates first; only when even elided
            # they cannot fit (a very narrow screen) show fewer.
            floor = self._advance(fm, "9." + _MIN_CHARS) + _CELL_EXTRA
            while count:
                budget = self._max_width - 2 * _PAD - tail - _GAP * count
                widths = fit_widths(natural[:count], budget, floor)
                if sum(widths) <= budget:
                    break
                count -= 1
        self._cells, self._shown = [], []
        x = _PAD
        first = page.candidates[0].text if page.candidates else ""
        for lab, cand, w, full in zip(labels[:count], page.candidates, widths, natural):
            room = w - _CELL_EXTRA - self._advance(fm, lab)
            text = cand.text if w >= full else fm.elidedText(cand.text, Qt.TextElideMode.ElideMiddle, room)
            if text != cand.text and text in self._shown:
                # Sentences that differ only in the middle would look alike: show where this
                # one departs from the first candidate instead.
                text = elide_around(fm, cand.text, _common_prefix(first, cand.text), room)
            self._shown.append(text)
            self._cells.append(QRect(x, top, w, cell_h))
            x += w + _GAP
        self._prev_rect = QRect(x, top, arrows, cell_h)
        self._next_rect = QRect(x + arrows + indicator, top, arrows, cell_h)
        width = max(self._next_rect.right() + _PAD, 120)
        if not page.predicting:
            width = max(width, _PAD * 2 + small.horizontalAdvance(page.preedit) + 4)
        height = top + cell_h + _PAD
        # Resizing a top-level window reallocates its backing store: grow in steps and do not
        # shrink while the composition lasts, so most keystrokes repaint without a resize.
        width = -(-width // _WIDTH_STEP) * _WIDTH_STEP
        if self.isVisible() and page.preedit:
            width = max(width, self.width())
        if self._max_width:
            width = min(width, self._max_width)
        if (width, height) != (self.width(), self.height()):
            self.resize(QSize(width, height))
        # the page indicator sits at the right edge
        shift = width - _PAD - self._next_rect.right() - 1
        self._prev_rect.translate(shift, 0)
        self._next_rect.translate(shift, 0)

    def _advance(self, fm: QFontMetrics, text: str) -> int:
        """`fm.horizontalAdvance(text)`, remembered: the same words come back key after key."""
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > 4096:
                self._widths.clear()
            width = self._widths[text] = fm.horizontalAdvance(text)
        return width

    def index_at(self, pos: QPoint) -> int:
        for i, rect in enumerate(self._cells):
            if rect.contains(pos):
                return i
        return -1

    def indicator_rect(self) -> QRect:
        """The page indicator (◀ n/m ▶), in bar coordinates."""
        return self._prev_rect.united(self._next_rect)

    def tooltip_at(self, pos: QPoint) -> str:
        """The full text of an elided candidate under `pos`, else ""."""
        i = self.index_at(pos)
        if 0 <= i < len(self._shown) and self._shown[i] != self._page.candidates[i].text:
            return self._page.candidates[i].text
        return ""

    # -- events ------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:  # noqa: D401 - Qt override
        if event.type() == QEvent.Type.FontChange:
            self._widths.clear()
        elif event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos())
            if text:
                QtWidgets.QToolTip.showText(event.globalPos(), text, self)
            else:
                QtWidgets.QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        base, text = pal.base().color(), pal.text().color()
        accent = pal.highlight().color()
        p.setPen(QColor(accent).darker(120))
        p.setBrush(base)
        p.drawRoundedRect(self.rect().adjusted(0, 0, -1, -1), 5, 5)
        # the composition, small, on top (the editor shows it inline too); its end is where
        # the typing happens, so a long one loses its start
        p.setFont(self._small)
        p.setPen(QColor(text).lighter(160) if text.lightness() < 128 else QColor(text).darker(140))
        small = QFontMetrics(self._small)
        line = QRect(_PAD, _PAD - 2, self.width() - 2 * _PAD, small.height())
        p.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   small.elidedText(self._page.preedit, Qt.TextElideMode.ElideLeft, line.width()))
        p.setFont(self.font())
        for i, (rect, shown) in enumerate(zip(self._cells, self._shown)):
            if i == self._page.highlight:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(accent)
                p.drawRoundedRect(rect, 4, 4)
                p.setPen(pal.highlightedText().color())
            else:
                p.setPen(text)
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{i + 1}.{shown}")
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
