"""Key handling of the input method: turns key presses into engine calls and signals.

The controller owns the interaction state the engine does not know about (中/英 mode, the
candidate page and highlight, the Shift-alone toggle) and reports changes as Qt signals; the
editor and the candidate bar only listen. Engine calls run on the GUI thread on purpose: key
order matters and a keystroke costs a few milliseconds, far less than a thread hop's jitter.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from core.engine.types import Candidate
from desktop.qt import QKeyEvent, QObject, Qt, Signal

K = Qt.Key
MOD = Qt.KeyboardModifier
# Modifiers that make a key a shortcut rather than typing.
_SHORTCUT_MODS = MOD.ControlModifier | MOD.AltModifier | MOD.MetaModifier
_PAGE_PREV_KEYS = {K.Key_Minus, K.Key_Comma, K.Key_PageUp}
_PAGE_NEXT_KEYS = {K.Key_Equal, K.Key_Period, K.Key_PageDown}


@dataclass(frozen=True)
class CandidatePage:
    """What the candidate bar shows."""

    candidates: tuple[Candidate, ...] = ()
    page: int = 0
    page_count: int = 0
    highlight: int = 0
    preedit: str = ""

    @property
    def visible(self) -> bool:
        return bool(self.preedit)


class ImeController(QObject):
    """Pinyin composition on top of an `ImeEngine` (core.engine)."""

    preeditChanged = Signal(str)          # "" when nothing composes
    candidatesChanged = Signal(object)    # CandidatePage
    committed = Signal(str)               # text to insert at the cursor
    chineseModeChanged = Signal(bool)
    punctuationChanged = Signal(bool)
    latencyMeasured = Signal(float)       # ms from key press to candidates ready

    def __init__(self, engine, parent: QObject | None = None, *, chinese: bool = True,
                 punctuation: bool = True) -> None:
        super().__init__(parent)
        self.engine = engine
        self._chinese = chinese
        self._punctuation = punctuation
        self._page = 0
        self._highlight = 0
        self._shift_armed = False
        self._mapper = _make_mapper()
        self.last_latency_ms = 0.0
        self.page_size = 7                   # must match the engine's config.page_size
        self.context_provider = lambda: ""   # returns the committed text left of the cursor

    # -- state -------------------------------------------------------------------------------
    @property
    def chinese(self) -> bool:
        return self._chinese

    def set_chinese(self, on: bool) -> None:
        if on == self._chinese:
            return
        if not on and self.engine.composing:
            self._emit_commit(self.engine.commit_raw())  # keep what was typed, as letters
        self._chinese = on
        self.chineseModeChanged.emit(on)
        self._refresh()

    @property
    def punctuation(self) -> bool:
        return self._punctuation

    def set_punctuation(self, on: bool) -> None:
        if on != self._punctuation:
            self._punctuation = on
            self._mapper = _make_mapper()  # fresh quote pairing
            self.punctuationChanged.emit(on)

    @property
    def composing(self) -> bool:
        return bool(self.engine.composing)

    def current_page(self) -> CandidatePage:
        if not self.engine.composing:
            return CandidatePage()
        return CandidatePage(
            candidates=tuple(self.engine.candidates(self._page)),
            page=self._page,
            page_count=self.engine.page_count(),
            highlight=self._highlight,
            preedit=self.engine.preedit,
        )

    # -- public actions (keys, clicks and the wheel come here) ------------------------------
    def select_on_page(self, index: int) -> bool:
        """Select candidate `index` (0-based) of the current page; False if there is none."""
        page = self.engine.candidates(self._page)
        if not 0 <= index < len(page):
            return False
        text = self.engine.select(self._page * self.page_size + index)
        if text is not None:
            self._emit_commit(text)
        self._page = self._highlight = 0
        self._refresh()
        return True

    def turn_page(self, delta: int) -> None:
        if not self.engine.composing:
            return
        target = max(0, min(self.engine.page_count() - 1, self._page + delta))
        if target != self._page:
            self._page, self._highlight = target, 0
            self._refresh()

    def move_highlight(self, delta: int) -> None:
        count = len(self.engine.candidates(self._page))
        new = self._highlight + delta
        if new < 0 and self._page > 0:
            self._page -= 1
            self._highlight = len(self.engine.candidates(self._page)) - 1
        elif new >= count and self._page + 1 < self.engine.page_count():
            self._page += 1
            self._highlight = 0
        else:
            self._highlight = max(0, min(count - 1, new))
        self._refresh()

    def cancel(self) -> None:
        if self.engine.composing:
            self.engine.reset()
            self._page = self._highlight = 0
            self._refresh()

    def commit_raw(self) -> None:
        """Commit the composition as shown (selected part + letters): Enter, or a click away."""
        if self.engine.composing:
            self._emit_commit(self.engine.commit_raw())
            self._page = self._highlight = 0
            self._refresh()

    def type_letters(self, letters: str) -> None:
        """Compose `letters` (a-z and "'") as if typed; used by tests and the benchmark."""
        for ch in letters:
            self._compose(ch)

    # -- keys --------------------------------------------------------------------------------
    def key_press(self, event: QKeyEvent) -> bool:
        """Handle a key press; True when it was consumed (the editor must not process it)."""
        key, text, mods = event.key(), event.text(), event.modifiers()
        if key == K.Key_Shift:
            # Shift alone toggles 中/英; any other key while Shift is held cancels the toggle.
            self._shift_armed = not (mods & ~MOD.ShiftModifier & ~MOD.KeypadModifier)
            return False
        self._shift_armed = False
        if key == K.Key_Period and mods & MOD.ControlModifier:
            self.set_punctuation(not self._punctuation)
            return True
        if not self._chinese:
            return False
        composing = self.engine.composing
        if mods & _SHORTCUT_MODS:
            return composing  # shortcuts pass through, except while composing
        if composing:
            return self._key_while_composing(key, text, mods)
        return self._key_idle(key, text)

    def key_release(self, event: QKeyEvent) -> bool:
        if event.key() == K.Key_Shift and self._shift_armed and not event.isAutoRepeat():
            self._shift_armed = False
            self.set_chinese(not self._chinese)
            return True
        return False

    def _key_idle(self, key: int, text: str) -> bool:
        if len(text) == 1 and "a" <= text <= "z":
            self._compose(text)
            return True
        if len(text) == 1 and text.isprintable() and not text.isalnum() and not text.isspace():
            self._emit_commit(self._punct(text))
            return True
        return False  # digits, upper-case letters, Space, Enter, Backspace, arrows: the editor's

    def _key_while_composing(self, key: int, text: str, mods) -> bool:
        if len(text) == 1 and ("a" <= text <= "z" or text == "'"):
            self._compose(text)
        elif key == K.Key_Space:
            self.select_on_page(self._highlight)
        elif K.Key_1 <= key <= K.Key_9:
            self.select_on_page(key - K.Key_1)
        elif key in (K.Key_Return, K.Key_Enter):
            self.commit_raw()
        elif key == K.Key_Backspace:
            self._timed(self.engine.backspace)
        elif key == K.Key_Escape:
            self.cancel()
        elif key in _PAGE_PREV_KEYS:
            self.turn_page(-1)
        elif key in _PAGE_NEXT_KEYS:
            self.turn_page(+1)
        elif key == K.Key_Left:
            self.move_highlight(-1)
        elif key == K.Key_Right:
            self.move_highlight(+1)
        elif len(text) == 1 and text.isprintable() and not text.isalnum() and not text.isspace():
            # Punctuation ends the composition: the best conversion goes first (as in Sogou).
            self._emit_commit(self.engine.commit())
            self._page = self._highlight = 0
            self._refresh()
            self._emit_commit(self._punct(text))
        # Anything else (upper-case letters, 0, arrows Up/Down, ...) is swallowed.
        return True

    # -- internals ---------------------------------------------------------------------------
    def _compose(self, ch: str) -> None:
        if not self.engine.composing:
            self.engine.set_context(self.context_provider())
        self._timed(lambda: self.engine.type(ch))

    def _timed(self, action) -> None:
        start = time.perf_counter()
        action()
        self._page = self._highlight = 0
        page = self._refresh()
        self.last_latency_ms = (time.perf_counter() - start) * 1000.0
        if page.visible:
            self.latencyMeasured.emit(self.last_latency_ms)

    def _refresh(self) -> CandidatePage:
        page = self.current_page()
        self.preeditChanged.emit(page.preedit)
        self.candidatesChanged.emit(page)
        return page

    def _punct(self, ch: str) -> str:
        if not self._punctuation:
            return ch
        left = self.context_provider()[-1:]
        if ch in ".,:" and left.isascii() and left.isdigit():
            return ch  # 3.14, 1,000 and 12:30 keep their ASCII marks
        return self._mapper.map(ch)

    def _emit_commit(self, text: str | None) -> None:
        if text:
            self.committed.emit(text)


def _make_mapper():
    from core.engine.punctuation import PunctuationMapper

    return PunctuationMapper()
