"""Key handling of the input method: turns key presses into engine calls and signals.

The controller owns the interaction state the engine does not know about (中/英 mode, the
candidate page and highlight, the Shift-alone toggle, the predictions shown after a commit)
and reports changes as Qt signals; the widgets and the candidate bar only listen
(`desktop.ime_input` connects it to any text widget). Engine calls run on the GUI thread on
purpose: key order matters and a keystroke costs a few milliseconds, far less than a thread
hop's jitter; keys that arrive while one is being handled wait in `ImeInput`'s queue.

A key is never dropped while composing: letters compose, selection keys select, and any other
character (punctuation, a capital letter, a digit the page has no candidate for is the one
exception) first commits the best conversion and then is typed itself.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from core.engine.types import Candidate, CandidateSource
from desktop.qt import QKeyEvent, QObject, Qt, Signal

log = logging.getLogger(__name__)

K = Qt.Key
MOD = Qt.KeyboardModifier
# Modifiers that make a key a shortcut rather than typing.
_SHORTCUT_MODS = MOD.ControlModifier | MOD.AltModifier | MOD.MetaModifier
# Page keys that always page; the punctuation keys below page only when `punct_pages` is on
# (off by default, as in Sogou and Microsoft Pinyin: there they type ， 。 - =).
_PAGE_PREV_KEYS = {K.Key_PageUp}
_PAGE_NEXT_KEYS = {K.Key_PageDown}
_PUNCT_PAGE_PREV = {",", "-"}
_PUNCT_PAGE_NEXT = {".", "="}
# ü typed as a character (German or other layouts) is written v in pinyin (lü = lv).
_U_UMLAUT = "üǖǘǚǜ"


@dataclass(frozen=True)
class CandidatePage:
    """What the candidate bar shows: the composition's candidates, or predictions after a
    commit (`predicting`; no preedit then, and no highlight)."""

    candidates: tuple[Candidate, ...] = ()
    page: int = 0
    page_count: int = 0
    highlight: int = 0
    preedit: str = ""
    predicting: bool = False

    @property
    def visible(self) -> bool:
        return bool(self.preedit) or (self.predicting and bool(self.candidates))


class ImeController(QObject):
    """Pinyin composition on top of an `ImeEngine` (core.engine)."""

    preeditChanged = Signal(str)          # "" when nothing composes
    candidatesChanged = Signal(object)    # CandidatePage
    committed = Signal(str)               # text to insert at the cursor
    chineseModeChanged = Signal(bool)
    punctuationChanged = Signal(bool)
    latencyMeasured = Signal(float)       # ms from key press to candidates ready
    learningFailed = Signal(str)          # the text was committed, but the engine raised after

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
        self._predictions: tuple[Candidate, ...] = ()
        self._input = None                   # the ImeInput that routes widgets (see attach)
        self.last_latency_ms = 0.0
        self.page_size = 7                   # must match the engine's config.page_size
        self.punct_pages = False             # , . - = turn pages while composing
        self.prediction = True               # offer next words after a commit (联想)
        self.context_provider = lambda: ""   # returns the committed text left of the cursor

    # -- widgets -----------------------------------------------------------------------------
    def attach(self, widget) -> None:
        """Type Chinese into `widget` (QLineEdit, QPlainTextEdit, QTextEdit) with this
        controller: one composition and one 中/英 mode for every attached widget."""
        if self._input is None:
            from desktop.ime_input import ImeInput  # it imports the candidate bar, which imports us

            self._input = ImeInput(self)
        self._input.attach(widget)

    @property
    def input(self):
        """The `ImeInput` of the attached widgets (None before the first `attach`)."""
        return self._input

    # -- state -------------------------------------------------------------------------------
    @property
    def chinese(self) -> bool:
        return self._chinese

    def set_chinese(self, on: bool) -> None:
        if on == self._chinese:
            return
        if not on and self.engine.composing:
            self._emit_commit(self.engine.commit_raw())  # keep what was typed, as letters
        self._predictions = ()
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

    @property
    def predicting(self) -> bool:
        return bool(self._predictions) and not self.engine.composing

    def current_page(self) -> CandidatePage:
        if not self.engine.composing:
            if self._predictions:
                return CandidatePage(candidates=self._predictions, page=0, page_count=1,
                                     highlight=-1, predicting=True)
            return CandidatePage()
        try:
            candidates, page_count = tuple(self.engine.candidates(self._page)), self.engine.page_count()
        except Exception as exc:  # a damaged lexicon must not eat the letters: offer them as typed
            log.error("the engine could not convert %r: %s", self.engine.raw, exc)
            raw = self.engine.raw.replace("'", "")
            candidates, page_count = (Candidate(raw, len(self.engine.raw), (), CandidateSource.CHAR),), 1
        return CandidatePage(
            candidates=candidates,
            page=self._page,
            page_count=page_count,
            highlight=self._highlight,
            preedit=self.engine.preedit,
        )

    # -- public actions (keys, clicks and the wheel come here) ------------------------------
    def choose(self, index: int) -> bool:
        """A click on the bar's item `index`: a candidate, or a prediction."""
        if self.engine.composing:
            return self.select_on_page(index)
        return self.select_prediction(index)

    def select_on_page(self, index: int) -> bool:
        """Select candidate `index` (0-based) of the current page; False if there is none."""
        try:
            page = self.engine.candidates(self._page)
        except Exception as exc:  # a damaged lexicon: keep the letters
            text = self._recover(exc)
        else:
            if not 0 <= index < len(page):
                return False
            text = self._guarded(lambda: self.engine.select(self._page * self.page_size + index))
        self._emit_commit(text)
        self._page = self._highlight = 0
        if text and not self.engine.composing:
            self._offer_predictions()
        self._refresh()
        return True

    def select_prediction(self, index: int) -> bool:
        if not 0 <= index < len(self._predictions) or self.engine.composing:
            return False
        chosen = self._predictions[index]
        self._predictions = ()
        accept = getattr(self.engine, "accept_prediction", None)
        self._emit_commit(accept(chosen) if callable(accept) else chosen.text)
        self._offer_predictions()  # and the next ones, as a chain
        self._refresh()
        return True

    def dismiss_predictions(self) -> None:
        if self._predictions:
            self._predictions = ()
            self._refresh()

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
        self._predictions = ()
        if self.engine.composing:
            self.engine.reset()
            self._page = self._highlight = 0
        self._refresh()

    def commit_raw(self) -> None:
        """Commit the composition as shown (selected part + letters): Enter, or a click away."""
        had_predictions, self._predictions = bool(self._predictions), ()
        if self.engine.composing:
            self._emit_commit(self._guarded(self.engine.commit_raw))
            self._page = self._highlight = 0
            self._refresh()
        elif had_predictions:
            self._refresh()

    def commit_best(self) -> None:
        """Commit the chosen part plus the best conversion of the rest."""
        if self.engine.composing:
            self._emit_commit(self._guarded(self.engine.commit))
            self._page = self._highlight = 0
            self._refresh()

    def type_letters(self, letters: str) -> None:
        """Compose `letters` (a-z and "'") as if typed; used by tests and the benchmark."""
        for ch in letters:
            self._compose(ch)

    # -- keys --------------------------------------------------------------------------------
    def key_press(self, event: QKeyEvent) -> bool:
        """Handle a key press; True when it was consumed (the widget must not process it)."""
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
            if not composing:
                self.dismiss_predictions()
            return composing  # shortcuts pass through, except while composing
        if composing:
            return self._key_while_composing(key, text)
        if self._predictions:
            if K.Key_1 <= key <= K.Key_9 and self.select_prediction(key - K.Key_1):
                return True
            self.dismiss_predictions()
            if key == K.Key_Escape:
                return True
        return self._key_idle(key, text)

    def key_release(self, event: QKeyEvent) -> bool:
        if event.key() == K.Key_Shift and self._shift_armed and not event.isAutoRepeat():
            self._shift_armed = False
            self.set_chinese(not self._chinese)
            return True
        return False

    def _key_idle(self, key: int, text: str) -> bool:
        if len(text) == 1 and ("a" <= text <= "z" or text in _U_UMLAUT):
            self._compose(text)
            return True
        if len(text) == 1 and text.isprintable() and not text.isalnum() and not text.isspace():
            self._emit_commit(self._punct(text))
            return True
        return False  # digits, upper-case letters, Space, Enter, Backspace, arrows: the widget's

    def _key_while_composing(self, key: int, text: str) -> bool:
        if len(text) == 1 and ("a" <= text <= "z" or text == "'" or text in _U_UMLAUT):
            self._compose(text)
        elif key == K.Key_Space:
            self.select_on_page(self._highlight)
        elif K.Key_1 <= key <= K.Key_9:
            self.select_on_page(key - K.Key_1)   # a digit with no candidate does nothing
        elif key in (K.Key_Return, K.Key_Enter):
            self.commit_raw()
        elif key == K.Key_Backspace:
            self._timed(self.engine.backspace)
        elif key == K.Key_Escape:
            self.cancel()
        elif key in _PAGE_PREV_KEYS or (self.punct_pages and text in _PUNCT_PAGE_PREV):
            self.turn_page(-1)
        elif key in _PAGE_NEXT_KEYS or (self.punct_pages and text in _PUNCT_PAGE_NEXT):
            self.turn_page(+1)
        elif key == K.Key_Left:
            self.move_highlight(-1)
        elif key == K.Key_Right:
            self.move_highlight(+1)
        elif len(text) == 1 and text.isprintable() and not text.isspace() and key != K.Key_0:
            # Punctuation, a capital or any other character ends the composition: the best
            # conversion goes first, then the character itself (as in Sogou and fcitx5).
            self.commit_best()
            self._emit_commit(text if text.isalnum() else self._punct(text))
        # Anything else (0, arrows Up/Down, Tab, ...) is kept from the widget while composing.
        return True

    # -- internals ---------------------------------------------------------------------------
    def _compose(self, ch: str) -> None:
        if ch in _U_UMLAUT:
            ch = "v"
        self._predictions = ()
        if not self.engine.composing:
            self.engine.set_context(self.context_provider())
        self._timed(lambda: self.engine.type(ch))

    def _timed(self, action) -> None:
        start = time.perf_counter()
        action()
        self._page = self._highlight = 0
        page = self._refresh()
        self.last_latency_ms = (time.perf_counter() - start) * 1000.0
        if page.visible and not page.predicting:
            self.latencyMeasured.emit(self.last_latency_ms)

    def _refresh(self) -> CandidatePage:
        page = self.current_page()
        self.preeditChanged.emit(page.preedit)
        self.candidatesChanged.emit(page)
        return page

    def _guarded(self, commit) -> str | None:
        """Run an engine call that may finish the composition. The engine learns from a
        commit; should that (or anything else) raise, the text is still committed."""
        try:
            return commit()
        except Exception as exc:
            return self._recover(exc)

    def _recover(self, exc: Exception) -> str:
        """What the user sees goes in, the composition ends, typing goes on."""
        log.warning("the input engine failed while committing; the text is kept: %s", exc)
        engine = self.engine
        if engine.composing and not engine.raw:
            text = engine.preedit        # every part chosen: the failure came after (learning)
            engine.reset()
        else:
            try:
                text = engine.commit_raw()
            except Exception:
                text = engine.preedit.replace("'", "")
                engine.reset()
        self.learningFailed.emit(str(exc))
        return text

    def _offer_predictions(self) -> None:
        """After a commit: the likely next words, when the engine offers them."""
        self._predictions = ()
        predict = getattr(self.engine, "predictions", None)
        if not (self.prediction and self._chinese and callable(predict)):
            return
        try:
            self.engine.set_context(self.context_provider())
            found = predict(self.page_size)
        except Exception as exc:  # a prediction is a convenience: never let it stop typing
            log.warning("prediction failed: %s", exc)
            return
        self._predictions = tuple(c for c in found if getattr(c, "text", ""))[: self.page_size]

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
