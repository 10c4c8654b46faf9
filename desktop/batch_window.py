"""Batch analysis window: classify every row of a CSV/TSV/TXT/JSONL file in the background.

The run streams the file in chunks (core.analysis.batch) into a CSV in the cache folder;
each chunk's results arrive on the GUI thread through a queued signal and feed the table,
the distribution chart and, when the file has a date column, sentiment over time.
Cancel stops after the current chunk and leaves a valid partial file; Export copies it.
"""
from __future__ import annotations

import shutil
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from core import paths
from core.analysis import Analyzer
from core.analysis.batch import (
    BatchJob,
    BatchProgress,
    BatchSummary,
    ResultRow,
    guess_date_column,
    guess_text_column,
    run_batch,
    sample_rows,
)
from core.analysis.process import AnalyzerProcess
from core.analysis.tabular import TableError, detect_format, read_columns, same_file
from core.analysis.timeline import Timeline, parse_date
from desktop.analysis_panel import label_name, sentiment_colour
from desktop.background import BackgroundRunner
from desktop.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QColor,
    QComboBox,
    QDate,
    QDateTime,
    QDateTimeAxis,
    QEvent,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineSeries,
    QMessageBox,
    QModelIndex,
    QObject,
    QPainter,
    QProgressBar,
    QPushButton,
    QSortFilterProxyModel,
    QSplitter,
    QStandardPaths,
    Qt,
    QTableView,
    QTime,
    QValueAxis,
    QVBoxLayout,
    QWidget,
    Signal,
)

MAX_TABLE_ROWS = 20_000   # the table shows the first rows; the output file has them all
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RESULT_COLUMNS = ("row", "sentiment", "probability", "positive")   # then the input's columns
KEEP_RUNS = 10            # result files kept in the cache folder (older ones go when a run starts)


def output_path_for(folder: Path, stem: str) -> Path:
    """A fresh result file name: a run restarted within the same second (or millisecond)
    must not overwrite the cancelled run's partial file."""
    now = time.time()
    base = f"{stem}-{time.strftime('%Y%m%d-%H%M%S', time.localtime(now))}-{int(now * 1000) % 1000:03d}"
    path, n = folder / f"{base}.csv", 1
    while path.exists():
        n += 1
        path = folder / f"{base}-{n}.csv"
    return path


def prune_outputs(folder: Path, keep: int, *, spare: Path | None = None) -> list[Path]:
    """Delete all but the `keep` newest result files of `folder` (never `spare`, the one on
    screen); returns what was deleted."""
    if not folder.is_dir():
        return []
    files = sorted((f for f in folder.glob("*.csv") if f.is_file()),
                   key=lambda f: f.stat().st_mtime, reverse=True)
    gone = []
    for f in files[keep:]:
        if spare is not None and f == spare:
            continue
        try:
            f.unlink()
            gone.append(f)
        except OSError:
            pass  # open elsewhere (Windows) or already gone: try again next run
    return gone


def _documents_dir() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def _date_key(value: str) -> str:
    """Sort key of a date cell: the date it names (any format parse_date reads), then the
    raw text so times within a day keep their order; "" when it names no date."""
    day = parse_date(value)
    return f"{day.isoformat()} {value}" if day is not None else ""


class ResultsModel(QAbstractTableModel):
    """A thin table adapter over ResultRow objects: a row number, the three sentiment columns,
    then the input file's own columns (its text column last, where the table stretches)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ResultRow] = []
        self._date_keys: list[str] = []  # parsed once per row, not on every comparison
        self.input_columns: list[str] = []   # the file's columns, the text column last
        self.text_column = ""
        self.date_column: str | None = None
        # Rows without a readable date sort last in either order, so the key they get
        # depends on the direction (set by DateAwareProxy before it sorts).
        self.descending = False

    def set_columns(self, columns: list[str], text_column: str, date_column: str | None) -> None:
        self.beginResetModel()
        self.input_columns = [c for c in columns if c != text_column] + [text_column]
        self.text_column, self.date_column = text_column, date_column
        self.rows, self._date_keys = [], []
        self.endResetModel()

    @property
    def columns(self) -> tuple[str, ...]:
        """Column keys: RESULT_COLUMNS, then the input's column names."""
        return (*RESULT_COLUMNS, *self.input_columns)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            titles = self._titles()
            return titles[section] if section < len(titles) else self.input_columns[section - len(titles)]
        return None

    def _titles(self) -> tuple[str, ...]:
        # The input's own column names are shown as the file has them; ours are translated
        # (the exported CSV keeps the English names).
        return (self.tr("row"), self.tr("sentiment"), self.tr("probability"), self.tr("positive"))

    def _cell(self, row: ResultRow, column: str) -> str:
        values = getattr(row, "values", None)   # the input row's cells (core.analysis.batch)
        if values is not None and column in values:
            return values[column] if column != self.text_column else row.text
        if column == self.text_column:
            return row.text
        return row.date if column == self.date_column else ""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        ours = index.column() < len(RESULT_COLUMNS)
        if ours:
            value = {"row": index.row() + 1, "sentiment": row.label, "probability": row.probability,
                     "positive": row.positive}[col]
        else:
            value = self._cell(row, col)
        if role == SORT_ROLE:
            if not ours and col == self.date_column:
                key = self._date_keys[index.row()]
                return key or ("" if self.descending else "\uffff")
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            if ours and col in ("probability", "positive"):
                return f"{value:.3f}" if row.label else ""
            if ours and col == "sentiment":
                return label_name(row.label)
            if not ours and len(value) > 120:
                return value[:120] + "…"
            return str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == "row":
                return self.tr("line {0} of the file").format(row.line)
            if not ours and len(value) > 120:
                return value
        if role == Qt.ItemDataRole.BackgroundRole and col == "sentiment" and row.label:
            return QColor(sentiment_colour(row.positive))  # the panel's colours
        return None

    def append(self, rows: list[ResultRow]) -> None:
        room = MAX_TABLE_ROWS - len(self.rows)
        rows = rows[:max(0, room)]
        if not rows:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows.extend(rows)
        self._date_keys.extend(_date_key(r.date) for r in rows)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows = []
        self._date_keys = []
        self.endResetModel()


class DateAwareProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE in C++; only tells the model the direction first, so rows without
    a readable date stay at the end (a Python lessThan would cost ~1 s on 20k rows)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, ResultsModel):
            source.descending = order == Qt.SortOrder.DescendingOrder
        super().sort(column, order)


class _Bridge(QObject):
    """Created on the GUI thread; the worker emits, Qt queues the call to the GUI thread."""

    chunkReady = Signal(object, object)  # BatchProgress, list[ResultRow]


class BatchWindow(QWidget):
    """Open a file, pick the text column, run, watch progress, sort results, export CSV."""

    progressed = Signal(int, int)     # rows done, rows expected
    finished = Signal(object)         # BatchSummary
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *,
                 analyzer: Analyzer | AnalyzerProcess | None = None,
                 start_dir: Callable[[], str] | None = None,
                 remember_dir: Callable[[str], None] | None = None) -> None:
        """`start_dir` says where file dialogs open and `remember_dir` is told the file the
        user picked (the main window keeps the last folder); by default, the documents folder."""
        super().__init__(parent)
        self._start_dir = start_dir or _documents_dir
        self._remember_dir = remember_dir or (lambda _path: None)
        # In a child process by default: in a thread here jieba and pypinyin would take turns
        # with the editor for the GIL while the user types beside a running batch.
        self.analyzer = analyzer or AnalyzerProcess()
        self._owns_analyzer = analyzer is None
        self.input_path: Path | None = None
        self.output_path: Path | None = None
        self.summary: BatchSummary | None = None
        self._cancel = threading.Event()
        self._runner = BackgroundRunner(self)
        self._bridge = _Bridge(self)
        self._bridge.chunkReady.connect(self._on_chunk)
        self._counts: dict[str, int] = defaultdict(int)
        self._timeline = Timeline()
        self._started = 0.0

        self._columns: list[str] = []
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.file_label = QLabel(self)
        self.column_combo = QComboBox(self)
        self.date_combo = QComboBox(self)
        for combo in (self.column_combo, self.date_combo):
            # the default sizes a combo once, on first show: a second file's longer names clipped
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.run_button = QPushButton(self)
        self.run_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.progress = QProgressBar(self)
        self.status = QLabel(self)

        self.model = ResultsModel(self)
        self.proxy = DateAwareProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # file order until the user sorts
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)  # the text takes what the others leave
        self._fit_header()

        self.dist_chart = QChart()
        self.dist_chart.legend().hide()
        self.dist_view = QChartView(self.dist_chart, self)
        self.dist_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.time_chart = QChart()
        self.time_chart.legend().hide()
        self.time_view = QChartView(self.time_chart, self)
        self.time_view.setRenderHint(QPainter.RenderHint.Antialiasing)

        top = QHBoxLayout()
        for w in (self.open_button, self.file_label):
            top.addWidget(w)
        top.addStretch(1)
        self.text_column_label, self.date_column_label = QLabel(self), QLabel(self)
        top.addWidget(self.text_column_label)
        top.addWidget(self.column_combo)
        top.addWidget(self.date_column_label)
        top.addWidget(self.date_combo)
        for w in (self.run_button, self.cancel_button, self.export_button):
            top.addWidget(w)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.status)
        charts = QSplitter(Qt.Orientation.Vertical, self)
        charts.addWidget(self.dist_view)
        charts.addWidget(self.time_view)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(charts)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        # Without sizes the table's natural width takes nearly all of it and squeezes the
        # charts to a sliver.
        split.setSizes([640, 440])
        for view in (self.dist_view, self.time_view):
            view.setMinimumWidth(300)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self.resize(1100, 650)
        self._retranslate()
        self._set_running(False)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Batch analysis"))
        self.open_button.setText(self.tr("Open file…"))
        if self.input_path is None:
            self.file_label.setText(self.tr("No file"))
        self.run_button.setText(self.tr("Run"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.text_column_label.setText(self.tr("Text column:"))
        self.date_column_label.setText(self.tr("Date column:"))
        if self.date_combo.count():
            self.date_combo.setItemText(0, self.tr("(none)"))
        self.dist_chart.setTitle(self.tr("Sentiment distribution"))
        self.time_chart.setTitle(self.tr("Mean positive probability over time"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.model.columnCount() - 1))
        self._update_charts()
        self._fit_header()

    # -- file ------------------------------------------------------------------------------
    def open_file(self, path: str | Path) -> list[str]:
        """Load a file's columns and pre-select the likely text and date columns."""
        path = Path(path)
        columns = read_columns(path)
        if not columns:
            raise TableError(f"{path} has no columns")
        self.input_path = path
        self.file_label.setText(f"{path.name} ({detect_format(path).upper()})")
        sample = sample_rows(path)  # the guesses look at values too (Chinese text, dates)
        self._columns = columns
        self.column_combo.clear()
        self.column_combo.addItems(columns)
        self.column_combo.setCurrentText(guess_text_column(columns, sample) or columns[0])
        self.date_combo.clear()
        self.date_combo.addItem(self.tr("(none)"), None)  # item data: the column, None for none
        for column in columns:
            self.date_combo.addItem(column, column)
        guessed = guess_date_column(columns, sample)
        self.date_combo.setCurrentIndex(self.date_combo.findData(guessed) if guessed else 0)
        self._show_columns()
        # The results on screen belong to the previous file: Export would save them under
        # this file's name.
        self._clear_results()
        self.output_path = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText("")
        self._set_running(False)
        return columns

    def _show_columns(self) -> None:
        """The table's columns for the file and the chosen text and date columns."""
        self.model.set_columns(self._columns, self.column_combo.currentText(), self.date_combo.currentData())
        self._fit_header()

    def _fit_header(self) -> None:
        """Every title fits beside the sort arrow (a sorted "probability" read "probabi…")."""
        header = self.table.horizontalHeader()
        minimum = {0: 48, 1: 96, 2: 72, 3: 72}
        for column in range(self.model.columnCount() - 1):
            header.resizeSection(column, max(minimum.get(column, 110),
                                             header.sectionSizeFromContents(column).width()))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "table"):
            self._retranslate()
        super().changeEvent(event)

    def _clear_results(self) -> None:
        self.model.clear()
        self._counts.clear()
        self._timeline.clear()
        self.summary = None
        self._update_charts()

    def _on_open_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a file to analyse"), self._start_dir(),
            self.tr("Tables and text (*.csv *.tsv *.txt *.jsonl *.json);;All files (*)"))
        if path:
            self._remember_dir(path)
            try:
                self.open_file(path)
            except (TableError, OSError, UnicodeDecodeError) as exc:
                QMessageBox.warning(self, self.tr("Cannot open file"), str(exc))

    # -- run -------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._runner.busy

    def start(self) -> None:
        if self.input_path is None or self.running:
            return
        folder = paths.user_cache_dir() / "batch"
        # The folder would otherwise grow by a file per run, forever; the new run makes KEEP_RUNS.
        prune_outputs(folder, KEEP_RUNS - 1, spare=self.output_path)
        self.output_path = output_path_for(folder, self.input_path.stem)
        job = BatchJob(self.input_path, self.column_combo.currentText(), self.output_path,
                       date_column=self.date_combo.currentData())
        self._cancel.clear()
        self._show_columns()
        self._clear_results()
        self.progress.setRange(0, 0)  # busy until the first chunk tells the size
        self.status.setText(self.tr("Loading the model…"))
        self._started = time.monotonic()
        self._set_running(True)
        bridge, cancel, analyzer = self._bridge, self._cancel, self.analyzer
        self._runner.run(
            lambda: run_batch(job, analyzer, on_chunk=bridge.chunkReady.emit, should_cancel=cancel.is_set),
            on_success=self._on_finished, on_failure=self._on_failed)

    def cancel(self) -> None:
        if self.running:
            self._cancel.set()
            self.status.setText(self.tr("Cancelling after this chunk…"))

    def _on_chunk(self, progress: BatchProgress, rows: list[ResultRow]) -> None:
        self.model.append(rows)
        for r in rows:
            if r.label:
                self._counts[r.label] += 1
                if r.date:
                    self._timeline.add(r.date, r.positive)
        total = max(progress.total or 0, progress.done)
        self.progress.setRange(0, total)
        self.progress.setValue(progress.done)
        eta = progress.eta_s
        eta_text = self.tr(", ETA {0}").format(_fmt_seconds(eta)) if eta is not None else ""
        self.status.setText(self.tr("{0:,} / {1:,} rows · {2:,.0f} rows/s").format(
            progress.done, total, progress.rate) + eta_text)
        self._update_charts()
        self.progressed.emit(progress.done, total)

    def _on_finished(self, summary: BatchSummary) -> None:
        self.summary = summary
        self._set_running(False)
        self.progress.setRange(0, max(1, summary.rows))
        self.progress.setValue(summary.rows)
        if summary.rows == 0 and not summary.cancelled:
            self.status.setText(self.tr("The file has no data rows"))
        else:
            state = self.tr("Cancelled") if summary.cancelled else self.tr("Done")
            shown = self.tr(" (table shows the first {0:,})").format(MAX_TABLE_ROWS) if summary.rows > MAX_TABLE_ROWS else ""
            notes = ""
            # Blank texts and texts with no Chinese get no sentiment (a blank label, as in the
            # output file) and are not counted in the charts.
            if summary.empty:
                notes += self.tr(" · {0:,} without sentiment (blank or no Chinese)").format(summary.empty)
            if summary.bad_lines:
                notes += self.tr(" · {0:,} unreadable lines skipped ({1})").format(
                    len(summary.bad_lines), summary.bad_reason)
            self.status.setText(self.tr("{0}: {1:,} rows in {2:.1f} s ({3:,.0f} rows/s){4}").format(
                state, summary.rows, summary.seconds, summary.rate, shown) + notes)
        self._update_charts()
        self.finished.emit(summary)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(self.tr("Failed: {0}").format(exc))
        self.failed.emit(str(exc))

    def _set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running and self.input_path is not None)
        self.cancel_button.setEnabled(running)
        self.open_button.setEnabled(not running)
        # Something to export: a run of this file that wrote at least one row.
        self.export_button.setEnabled(not running and self.summary is not None and self.summary.rows > 0
                                      and self.output_path is not None and self.output_path.exists())

    # -- charts ----------------------------------------------------------------------------
    def _update_charts(self) -> None:
        self.dist_chart.removeAllSeries()
        for axis in self.dist_chart.axes():
            self.dist_chart.removeAxis(axis)
        labels = sorted(self._counts)
        if labels:
            bars = QBarSet(self.tr("texts"))
            bars.append([float(self._counts[k]) for k in labels])
            series = QBarSeries()
            series.append(bars)
            self.dist_chart.addSeries(series)
            x = QBarCategoryAxis()
            x.append([label_name(k) for k in labels])
            y = QValueAxis()
            y.setRange(0, max(self._counts.values()) * 1.1)
            y.applyNiceNumbers()  # round ticks (0, 50, 100…), not fractions of the maximum
            y.setLabelFormat("%d")
            self.dist_chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
            self.dist_chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
            series.attachAxis(x)
            series.attachAxis(y)
        self.time_chart.removeAllSeries()
        for axis in self.time_chart.axes():
            self.time_chart.removeAxis(axis)
        buckets = self._timeline.buckets()
        self.time_view.setVisible(bool(buckets))
        if buckets:
            unit = self._timeline.granularity
            # The mean positive probability of each bucket's rows (the panel's "mean positive"),
            # not the share of rows labelled positive.
            title = {"day": self.tr("Mean positive probability by day"),
                     "week": self.tr("Mean positive probability by week"),
                     "month": self.tr("Mean positive probability by month")}[unit]
            if self._timeline.undated:
                title += self.tr(" ({0:,} without a readable date)").format(self._timeline.undated)
            self.time_chart.setTitle(title)
            line = QLineSeries()
            line.setPointsVisible(True)
            for b in buckets:
                line.append(float(QDateTime(QDate(b.start.year, b.start.month, b.start.day),
                                            QTime(0, 0)).toMSecsSinceEpoch()), b.positive)
            self.time_chart.addSeries(line)
            x = QDateTimeAxis()
            one_year = buckets[0].start.year == buckets[-1].start.year
            x.setFormat("yyyy-MM" if unit == "month" else "MM-dd" if one_year else "yy-MM-dd")
            x.setTickCount(min(5, max(2, len(buckets))))
            if one_year and unit != "month":
                x.setTitleText(str(buckets[0].start.year))
            if len(buckets) == 1:  # a one-point axis has no width: pad it by a day each side
                ms = line.at(0).x()
                x.setRange(QDateTime.fromMSecsSinceEpoch(int(ms - 86_400_000)),
                           QDateTime.fromMSecsSinceEpoch(int(ms + 86_400_000)))
            y = QValueAxis()
            y.setRange(0.0, 1.0)
            y.setTickCount(6)  # 0.0, 0.2 … 1.0
            y.setLabelFormat("%.1f")
            self.time_chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
            self.time_chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
            line.attachAxis(x)
            line.attachAxis(y)

    def time_series(self) -> list[tuple[str, float]]:
        """(bucket start, mean positive probability) in date order: what the time chart shows."""
        return [(b.start.isoformat(), b.positive) for b in self._timeline.buckets()]

    def label_counts(self) -> dict[str, int]:
        return dict(self._counts)

    # -- export ----------------------------------------------------------------------------
    def export_csv(self, path: str | Path) -> Path:
        """Copy the run's output (input columns + sentiment columns) to `path`; a `path` that
        is the output file itself is left as it is."""
        if self.output_path is None or not self.output_path.exists():
            raise FileNotFoundError("nothing to export yet: run an analysis first")
        target = Path(path)
        if not self.is_output(target):
            shutil.copyfile(self.output_path, target)
        return target

    def is_output(self, path: str | Path) -> bool:
        """Whether `path` names the run's result file (the cache copy Export copies from)."""
        return self.output_path is not None and same_file(path, self.output_path)

    def _on_export_clicked(self) -> None:
        suggested = (self.input_path.stem + "-sentiment.csv") if self.input_path else "sentiment.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export results"),
                                              str(Path(self._start_dir()) / suggested),
                                              self.tr("CSV (*.csv)"))
        if not path:
            return
        self._remember_dir(path)
        if self.is_output(path):
            QMessageBox.information(self, self.tr("Export results"),
                                    self.tr("The results are already saved in {0}.").format(path))
            return
        try:
            self.export_csv(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
            return
        rows = self.summary.rows if self.summary is not None else 0
        self.status.setText(self.tr("Exported {0:,} rows to {1}").format(rows, path))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._cancel.set()
        self._runner.wait(10_000)
        if self._owns_analyzer:
            self.analyzer.close()
        super().closeEvent(event)


def _fmt_seconds(seconds: float) -> str:
    m, s = divmod(int(seconds), 60)
    return f"{m}:{s:02d}"
