"""The analysis panel beside the editor: live sentiment, keywords and pinyin of the text.

`set_text()` is debounced and latest-wins: typing restarts a short timer, and of the
analyses requested while one runs only the newest is kept, so the panel never shows a
stale result. The analysis runs in a child process (core.analysis.process), so its pure-Python
parts never take turns with typing for the GIL; the child loads the model on first use, and
without a model keywords and pinyin still show.
"""
from __future__ import annotations

import html
import itertools
import logging
from collections.abc import Iterator

from core.analysis import Analysis, Analyzer
from core.analysis.process import AnalyzerProcess
from core.analysis.text import has_han
from core.analysis.types import MIXED, Verdict
from desktop.background import LatestWins
from desktop.qt import (
    QCoreApplication,
    QEvent,
    QFont,
    QFontMetrics,
    QFrame,
    QLabel,
    QProgressBar,
    Qt,
    QTextCursor,
    QTextEdit,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

log = logging.getLogger(__name__)

DEFAULT_DELAY_MS = 250
PINYIN_CHARS_PER_ROW = 14  # at most; fewer when the view is narrow
# A table cell per character: Qt lays out 20k of them in about 2 s on the UI thread, so a
# long document shows the pinyin of its beginning only (and the child annotates no more).
PINYIN_MAX_CHARS = 1500
# Rows of pinyin put in the view per turn of the event loop: about 6 ms of Qt's table layout
# on 2 cores, so a keystroke that comes while a long document's result is shown waits for
# one step, not for the 110 ms that the 1,500 characters' rows take in all.
PINYIN_ROWS_PER_STEP = 8
WORD_JOINER = "\u2060"       # forbids a line break on either side (CJK text may break anywhere)
READING_COLOUR = "#808080"   # mid grey: readable on a light and a dark base
AMBIGUOUS_COLOUR = "#b03a2e"  # a heteronym no phrase decided: the reading may be wrong


def label_name(label: str) -> str:
    """A sentiment label in the UI language ("积极" under zh_CN); "" stays "" (no sentiment)."""
    names = {"positive": QCoreApplication.translate("Sentiment", "positive"),
             "negative": QCoreApplication.translate("Sentiment", "negative"),
             "neutral": QCoreApplication.translate("Sentiment", "neutral"),
             "mixed": QCoreApplication.translate("Sentiment", "mixed")}
    return names.get(label, label)


def unbreakable(text: str) -> str:
    """`text` that a word-wrapping label never splits over two lines."""
    return WORD_JOINER.join(text.replace(" ", "\u00a0"))


def sentiment_colour(positive: float) -> str:
    """Background for a sentence: red (negative) through pale yellow to green (positive)."""
    p = min(1.0, max(0.0, positive))
    if p >= 0.5:
        t = (p - 0.5) * 2
        r, g, b = int(255 - 75 * t), int(250 - 20 * t), int(205 - 25 * t)
    else:
        t = (0.5 - p) * 2
        r, g, b = 255, int(250 - 60 * t), int(205 - 15 * t)
    return f"#{r:02x}{g:02x}{b:02x}"


def sentences_html(analysis: Analysis) -> str:
    """The text with each sentence on its sentiment colour (the gaps keep their own text).

    Each line is a paragraph of its own: Qt lays a 20,000-character text out in 8 ms that way,
    against 30-50 ms as one paragraph broken by <br> (it re-measures the whole paragraph)."""
    s = analysis.sentiment
    pieces: list[tuple[str, str]] = []   # (text, background colour or "")
    pos = 0
    for item in (s.sentences if s is not None else ()):
        sent = item.sentence
        pieces.append((analysis.text[pos:sent.start], ""))
        pieces.append((sent.text, sentiment_colour(item.score.positive)))
        pos = sent.end
    pieces.append((analysis.text[pos:], ""))
    paragraphs: list[list[str]] = [[]]
    for text, colour in pieces:
        for i, line in enumerate(text.split("\n")):
            if i:
                paragraphs.append([])
            if not line:
                continue
            # Dark text on the pale scale: readable in the dark theme too.
            paragraphs[-1].append(f'<span style="background-color:{colour};color:#202020">{html.escape(line)}</span>'
                                  if colour else html.escape(line))
    # An empty line is Qt's own empty paragraph (an empty <p> would be dropped).
    return "".join(f'<p style="margin:0">{"".join(p)}</p>' if p else
                   '<p style="-qt-paragraph-type:empty;margin:0"><br /></p>' for p in paragraphs)


def keywords_html(analysis: Analysis) -> str:
    def chips(words) -> str:
        # Lines may break between chips, never inside one ("早 / 餐" read as two words).
        return " ".join(
            f'<span style="background-color:#e3ecfb;color:#1d3f7a">&nbsp;{html.escape(unbreakable(k.word))}&nbsp;</span>'
            for k in words
        ) or "—"

    return (f"<b>TF-IDF</b>&nbsp; {chips(analysis.keywords_tfidf)}<br>"
            f"<b>TextRank</b>&nbsp; {chips(analysis.keywords_textrank)}")


def _pinyin_cells(chars) -> list[list]:
    """Lines of cells: a Han character is a cell; a run of other characters ("iPhone 15",
    "，") is one cell, so a Latin word is neither letter-spaced nor split over two rows."""
    lines: list[list] = [[]]
    run = ""
    for c in chars:
        if c.char == "\n" or c.reading:
            if run.strip():
                lines[-1].append(run.strip())
            run = ""
            if c.char == "\n":
                lines.append([])
            else:
                lines[-1].append(c)
        else:
            run += c.char
    if run.strip():
        lines[-1].append(run.strip())
    return [line for line in lines if line] or []


def _cell_width(cell) -> int:
    """Row slots a cell takes: one per Han character, one per four letters of a run."""
    return 1 if not isinstance(cell, str) else max(1, -(-len(cell) // 4))


def pinyin_html(analysis: Analysis, per_row: int = PINYIN_CHARS_PER_ROW,
                limit: int = PINYIN_MAX_CHARS) -> str:
    """Rows of at most `per_row` two-line cells (reading over character) for the first `limit`
    characters; characters whose reading here is genuinely ambiguous in a second colour."""
    return "".join(pinyin_rows(analysis, per_row, limit))


def pinyin_rows(analysis: Analysis, per_row: int = PINYIN_CHARS_PER_ROW,
                limit: int = PINYIN_MAX_CHARS) -> Iterator[str]:
    """`pinyin_html` as one table a row, made as they are asked for: a view that takes them a
    few at a time spreads the markup's cost over the same steps."""
    chars = [c for c in analysis.pinyin[:limit] if c.char not in "\r"]
    rows: list[list] = []
    for line in _pinyin_cells(chars):
        row: list = []
        used = 0
        for cell in line:
            width = _cell_width(cell)
            if row and used + width > per_row:
                rows.append(row)
                row, used = [], 0
            row.append(cell)
            used += width
        if row:
            rows.append(row)
    for row in rows:
        top = []
        bottom = []
        for cell in row:
            if isinstance(cell, str):
                top.append("<td>&nbsp;</td>")
                bottom.append(f'<td nowrap>{html.escape(cell)}</td>')
                continue
            colour = AMBIGUOUS_COLOUR if cell.ambiguous else READING_COLOUR
            title = "/".join(cell.alternatives) if cell.is_heteronym else ""
            # nowrap: a narrow dock must never split a syllable over two lines
            top.append(f'<td align="center" nowrap style="color:{colour};font-size:small" title="{html.escape(title)}">'
                       f"{html.escape(cell.reading) or '&nbsp;'}</td>")
            bottom.append(f'<td align="center">{html.escape(cell.char)}</td>')
        yield f'<table cellspacing="2"><tr>{"".join(top)}</tr><tr>{"".join(bottom)}</tr></table>'


def _read_only_view(parent: QWidget) -> QTextEdit:
    view = QTextEdit(parent)
    view.setReadOnly(True)
    return view


class AnalysisPanel(QWidget):
    """Live analysis of the text it is given; the main window feeds it the editor's text."""

    analysisUpdated = Signal(object)   # Analysis
    analysisFailed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, analyzer: Analyzer | AnalyzerProcess | None = None,
                 delay_ms: int = DEFAULT_DELAY_MS) -> None:
        super().__init__(parent)
        # By default the analysis runs in a child process: in a thread here its pure-Python
        # parts (jieba, pypinyin) would take turns with the UI for the GIL while the user types.
        self.analyzer = analyzer or AnalyzerProcess()
        self._owns_analyzer = analyzer is None  # a shared one is closed by its owner
        self._text = ""
        self._selection = False  # whether _text is the editor's selection, not the whole text
        self.last_analysis: Analysis | None = None
        self._failure: str | None = None        # the last request's error, until the next result
        self._failure_scope: tuple[str, bool] = ("", False)
        self._selection_shown = False           # whether the result on screen is of a selection
        self._pending = False                   # text given that no result on screen describes yet
        self._model_ready = False               # an analysis has come back: the model is loaded
        self._pinyin_row = PINYIN_CHARS_PER_ROW
        # Rows of the result on screen not in the view yet, made as they are put in.
        self._pinyin_waiting: Iterator[str] = iter(())
        self._pinyin_done = True
        self._pinyin_timer = QTimer(self)        # puts them in, a few per turn of the event loop
        self._pinyin_timer.setInterval(0)
        self._pinyin_timer.timeout.connect(self._add_pinyin_rows)
        self._worker = LatestWins(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._on_timeout)

        self.label = QLabel(self)
        self.label.setObjectName("sentimentLabel")
        font = self.label.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.label.setFont(font)
        # Every label wraps: a dock squeezed by a narrow window must not force its width.
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 100)
        self.status_label = QLabel(self)  # "Analysing…" while a newer text waits for its result
        self.status_label.setObjectName("analysisStatus")
        self.status_label.setStyleSheet("color: gray; font-style: italic")
        self.status_label.hide()
        self.status_label.setWordWrap(True)
        self.sentence_summary = QLabel(self)
        self.sentence_summary.setObjectName("sentenceSummary")
        self.sentence_summary.setWordWrap(True)
        self.scope_label = QLabel(self)  # "Selection: 12 characters" while a selection is analysed
        self.scope_label.setObjectName("scopeLabel")
        self.scope_label.setStyleSheet("color: #1d3f7a")
        self.scope_label.hide()
        self.scope_label.setWordWrap(True)
        self.model_label = QLabel(self)
        self.model_label.setObjectName("modelLabel")
        self.model_label.setWordWrap(True)
        self.model_label.setStyleSheet("color: gray")
        self.sentences_view = _read_only_view(self)
        self.sentences_view.setObjectName("sentencesView")
        self.keywords_label = QLabel(self)
        self.keywords_label.setWordWrap(True)
        self.keywords_label.setTextFormat(Qt.TextFormat.RichText)
        self.pinyin_view = _read_only_view(self)
        self.pinyin_view.setObjectName("pinyinView")
        # A scroll bar that came and went with the rows would change the width the rows are
        # laid out for, and lay them all out again (twice a result, 10-20 ms each).
        self.pinyin_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.pinyin_view.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.sentence_summary)
        layout.addWidget(self.model_label)
        self.headings: list[QLabel] = []
        for name, widget, stretch in (("sentences", self.sentences_view, 2),
                                      ("keywords", self.keywords_label, 0),
                                      ("pinyin", self.pinyin_view, 3)):
            heading = QLabel(self)
            heading.setObjectName(f"{name}Heading")
            self.headings.append(heading)
            line = QFrame(self)
            line.setFrameShape(QFrame.Shape.HLine)
            layout.addWidget(line)
            layout.addWidget(heading)
            layout.addWidget(widget, stretch)
        self._retranslate()

    # -- language --------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "headings"):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        for heading, title in zip(self.headings, (self.tr("Sentences"), self.tr("Keywords"),
                                                  self.tr("Pinyin")), strict=True):
            heading.setText(f"<b>{html.escape(title)}</b>")
        self.bar.setFormat(self.tr("positive %p%"))
        self._render()

    # -- input -----------------------------------------------------------------------------
    def set_text(self, text: str, *, selection: bool = False) -> None:
        """Analyse `text` once typing pauses; newer calls replace older ones. `selection`:
        the text is the editor's selection, and the panel says so."""
        self._text = text
        self._selection = selection
        self.show_pending(bool(text.strip()))
        self._timer.start()

    def show_pending(self, pending: bool = True) -> None:
        """Say at once that a text is on its way (a paste or a restored text waits for the
        debounce and, the first time, for the model): "Analysing…", not the empty prompt."""
        self._pending = pending
        self._render_status()

    def flush(self) -> None:
        """Start the pending analysis now (tests, and when the panel is first shown)."""
        if self._timer.isActive():
            self._timer.stop()
            self._on_timeout()

    @property
    def pinyin_complete(self) -> bool:
        """Whether every pinyin row of the result on screen is in the view."""
        return self._pinyin_done

    def shutdown(self) -> None:
        self._timer.stop()
        self._pinyin_timer.stop()
        self._worker.cancel()
        if self._owns_analyzer:
            self.analyzer.close()  # stops the child process; a request in flight ends, unseen
        self._worker.shutdown()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)

    # -- work ------------------------------------------------------------------------------
    def _on_timeout(self) -> None:
        text, selection = self._text, self._selection
        if not text.strip():
            self._worker.cancel()
            self.last_analysis = None
            self._failure = None
            self._pending = False
            self._render()
            return
        analyzer = self.analyzer
        # The scope travels with the request: the note must describe the result on screen.
        # Only what the panel shows is asked for: a result is unpickled on the UI's side.
        self._worker.submit(lambda: analyzer.analyze(text, pinyin_chars=PINYIN_MAX_CHARS, with_tokens=False),
                            on_success=lambda a: self._on_analysed(a, selection=selection),
                            on_failure=lambda exc: self._on_failed(exc, selection=selection, text=text))

    def _on_analysed(self, analysis: Analysis, *, selection: bool = False) -> None:
        self.last_analysis = analysis
        self._selection_shown = selection
        self._failure = None
        self._model_ready = True
        self._pending = self._timer.isActive()   # a newer text is already waiting
        log.info("analysed %d characters: %s", len(analysis.text),
                 ", ".join(f"{k} {v:.0f} ms" for k, v in analysis.timings_ms.items()))
        self._render()
        self.analysisUpdated.emit(analysis)

    def _on_failed(self, exc: BaseException, *, selection: bool = False, text: str = "") -> None:
        log.warning("analysis failed: %s", exc)
        # The previous result describes another text: clear it rather than show it under the error.
        self.last_analysis = None
        self._failure = str(exc)
        self._failure_scope = (text, selection)
        self._model_ready = True
        self._pending = self._timer.isActive()
        self._render()
        self.analysisFailed.emit(str(exc))

    # -- display ---------------------------------------------------------------------------
    def _render(self) -> None:
        """Show the current state (result, failure, or nothing yet) in the current language."""
        if self.last_analysis is not None:
            self._show_result(self.last_analysis, self._selection_shown)
        elif self._failure is not None:
            self._clear_result()
            self._show_scope(*self._failure_scope)
            self.label.setText(self.tr("Analysis failed"))
            self.model_label.setText(self._failure)
        else:
            self._clear_result()
            self.scope_label.hide()
        self.scope_label.setWordWrap(True)
        self._render_status()

    def _render_status(self) -> None:
        """The cheap part, redone on every keystroke: the pending note and the model load."""
        waiting = self._pending
        self.status_label.setText(self.tr("Analysing…"))
        self.status_label.setVisible(waiting and self.last_analysis is not None)
        if self.last_analysis is None and self._failure is None:
            self.label.setText(self.tr("Analysing…") if waiting
                               else self.tr("Type or paste text to analyse"))
            self.model_label.setText(self.tr("Loading the sentiment model…")
                                     if waiting and not self._model_ready else "")

    def _show_scope(self, text: str, selection: bool) -> None:
        self.scope_label.setVisible(selection)
        if selection:
            self.scope_label.setText(self.tr("Selection: {0:,} characters").format(len(text)))

    def _show_result(self, analysis: Analysis, selection: bool) -> None:
        self._show_scope(analysis.text, selection)
        s = analysis.sentiment
        if s is None:
            self.label.setText(self.tr("Sentiment unavailable"))
            self.label.setStyleSheet("")  # not the last verdict's colour
            self._show_no_reading()
            self.model_label.setText(self._no_sentiment_reason(analysis))
            self.sentence_summary.setText("")
        else:
            v = s.verdict or Verdict(s.overall.label, s.overall.positive, s.overall.probability)
            if v.label == MIXED:
                self.label.setText(label_name(v.label))
                colour = sentiment_colour(0.5)
            else:
                self.label.setText(f"{label_name(v.label)}  {v.probability:.0%}")
                colour = sentiment_colour(v.positive)
            self.label.setStyleSheet(f"background-color:{colour}; color:#202020; padding:4px")
            self.bar.setEnabled(True)
            self.bar.setValue(round(100 * v.positive))
            self.sentence_summary.setText(self._sentence_summary(s))
            ms = analysis.timings_ms.get("sentiment", 0.0)
            # "毫秒" must not wrap over two lines in a narrow dock
            self.model_label.setText(self.tr("model: {0}").format(s.model) + " · "
                                     + unbreakable(self.tr("{0:.1f} ms").format(ms)))
        self.sentences_view.setHtml(sentences_html(analysis))
        self.keywords_label.setText(keywords_html(analysis))
        self._render_pinyin()

    def _no_sentiment_reason(self, analysis: Analysis) -> str:
        if self.analyzer.load_error:
            return self.analyzer.load_error
        if not has_han(analysis.text):  # core says so too, in English only: say it in the UI's language
            return self.tr("No Chinese characters: sentiment is read from Chinese text only")
        return analysis.sentiment_note or self.tr("No sentiment model")

    def _show_no_reading(self) -> None:
        # An empty, greyed bar: "positive 0%" would read as "certainly negative".
        self.bar.reset()
        self.bar.setEnabled(False)

    def _sentence_summary(self, s) -> str:
        """How the sentences split, beside the headline (which is "mixed" when they disagree)."""
        if len(s.sentences) < 2:
            return ""
        counts = {"positive": 0, "negative": 0, "neutral": 0}
        for item in s.sentences:
            counts[item.score.label] = counts.get(item.score.label, 0) + 1
        parts = [self.tr("{0} positive").format(counts["positive"]),
                 self.tr("{0} negative").format(counts["negative"])]
        if counts["neutral"]:
            parts.append(self.tr("{0} neutral").format(counts["neutral"]))
        mean = s.sentence_mean.get("positive", 0.0)
        return self.tr("Sentences: {0} (mean positive {1:.0%})").format(" · ".join(parts), mean)

    # -- pinyin layout ---------------------------------------------------------------------
    def pinyin_per_row(self) -> int:
        """Characters per pinyin row that fit the view: each cell is as wide as a long reading."""
        small = QFont(self.pinyin_view.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.83))
        cell = max(QFontMetrics(small).horizontalAdvance("zhuàng"),
                   QFontMetrics(self.pinyin_view.font()).horizontalAdvance("汉")) + 6
        usable = self.pinyin_view.viewport().width() - 12
        return max(4, min(PINYIN_CHARS_PER_ROW, usable // cell))

    def _render_pinyin(self) -> None:
        """Show the first rows now and the rest over the next turns of the event loop."""
        self._stop_pinyin()
        if self.last_analysis is None:
            return
        self._pinyin_row = self.pinyin_per_row()
        rows = pinyin_rows(self.last_analysis, self._pinyin_row)
        total = len(self.last_analysis.text.replace("\r", ""))
        if total > PINYIN_MAX_CHARS:
            note = self.tr("Pinyin of the first {0:,} of {1:,} characters.").format(PINYIN_MAX_CHARS, total)
            rows = itertools.chain(rows, [f'<p style="color:gray">{html.escape(note)}</p>'])
        self.pinyin_view.setHtml("".join(itertools.islice(rows, PINYIN_ROWS_PER_STEP)))
        self._pinyin_waiting, self._pinyin_done = rows, False
        self._pinyin_timer.start()   # its first step finds out whether any row is left

    def _add_pinyin_rows(self) -> None:
        step = "".join(itertools.islice(self._pinyin_waiting, PINYIN_ROWS_PER_STEP))
        if not step:
            self._stop_pinyin()
            return
        cursor = QTextCursor(self.pinyin_view.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertHtml(step)

    def _stop_pinyin(self) -> None:
        self._pinyin_timer.stop()
        self._pinyin_waiting, self._pinyin_done = iter(()), True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        # Re-flow the pinyin rows when their view is resized (the panel's own resizeEvent
        # comes before the layout has resized the view); cheap, no re-analysis.
        if (event.type() == QEvent.Type.Resize and watched is self.pinyin_view.viewport()
                and self.last_analysis is not None and self.pinyin_per_row() != self._pinyin_row):
            self._render_pinyin()
        return super().eventFilter(watched, event)

    def _clear_result(self) -> None:
        self.label.setStyleSheet("")
        self._show_no_reading()
        self.model_label.setText("")
        self.sentence_summary.setText("")
        self.sentences_view.clear()
        self.keywords_label.setText("")
        self._stop_pinyin()
        self.pinyin_view.clear()
