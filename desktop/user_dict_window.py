"""The user dictionary window: learned phrases with counts; search, sort, delete, TSV, clear;
and a tab of custom phrases (key -> text) to add, edit and delete.

`UserEntryModel` is a thin Qt adapter over the `UserEntry` list that `UserLexicon.entries()`
returns; the lexicon stays the single owner of the data. A TSV import runs in the background
(progress, cancel; all or nothing), so a million-row file never freezes the window; so does
reading the list (a 100,000-word dictionary reads for 300-450 ms), the newest request winning,
and the search waits for a pause in typing.
"""
from __future__ import annotations

import datetime as _dt
import threading
from collections.abc import Callable
from typing import Any

from desktop.background import BackgroundRunner, LatestWins
from desktop.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QModelIndex,
    QObject,
    QProgressBar,
    QPushButton,
    Qt,
    QTableView,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1   # the UserEntry object behind a row
SEARCH_DELAY_MS = 150   # the list is searched once typing in the search field pauses this long


class _EntryListModel(QAbstractTableModel):
    """A read-only table over a list of entries, one per row; subclasses name the columns."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[Any] = []

    def set_entries(self, entries: list[Any]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int):
        return self._entries[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)


class UserEntryModel(_EntryListModel):
    COLUMNS = ("text", "pinyin", "count", "last_used")

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (self.tr("Phrase"), self.tr("Pinyin"), self.tr("Count"), self.tr("Last used"))
        return titles[section]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(entry, column)
            if column == "last_used":
                return _format_date(value)
            if column == "pinyin" and isinstance(value, (tuple, list)):
                return "'".join(value)
            return whole_count(value) if column == "count" else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "count":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def whole_count(value: Any) -> str:
    """A decayed count as the uses it stands for: 0.99999 reads 1, and a word kept at all
    reads at least 1."""
    if isinstance(value, (int, float)):
        return str(max(1, round(value)))
    return "" if value is None else str(value)


def _format_date(value: Any) -> str:
    if isinstance(value, (int, float)) and value > 0:
        try:
            return _dt.datetime.fromtimestamp(value).strftime("%Y-%m-%d")
        except (OverflowError, OSError, ValueError):
            return ""
    return "" if value is None else str(value)


class _ImportBridge(QObject):
    """Carries an import's progress from the worker thread to the window (queued signal)."""

    progressed = Signal(int, int)   # done, total (bytes read, twice over)


class UserDictWindow(QWidget):
    """Browse and edit the user lexicon (and the custom phrases, when given)."""

    importFinished = Signal(int, str)   # phrases taken (-1 when none), the message shown

    def __init__(self, lexicon, parent: QWidget | None = None, *, custom_phrases=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.lexicon = lexicon
        self.setWindowTitle(self.tr("User dictionary"))
        self.resize(560, 480)
        # Hooks so tests can answer the questions without modal dialogs.
        self.confirm: Callable[[str], bool] = self._confirm_dialog
        self.choose_path: Callable[[bool], str] = self._path_dialog
        self.warn: Callable[[str, str], None] = self._warning_dialog

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search phrase or pinyin"))
        self.search.setClearButtonEnabled(True)
        self.sort = QComboBox(self)
        for key, label in (("count", self.tr("Most used")), ("recent", self.tr("Recently used")),
                           ("text", self.tr("Phrase"))):
            self.sort.addItem(label, key)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(QLabel(self.tr("Sort by"), self))
        top.addWidget(self.sort)

        self.model = UserEntryModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.clear_button = QPushButton(self.tr("Clear all…"), self)
        self.count_label = QLabel(self)
        buttons = QHBoxLayout()
        for b in (self.delete_button, self.export_button, self.import_button, self.clear_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)

        # A running import: its progress and a way to stop it (nothing is changed then).
        self.import_progress = QProgressBar(self)
        self.import_progress.setRange(0, 1000)
        self.cancel_import_button = QPushButton(self.tr("Cancel import"), self)
        importing = QHBoxLayout()
        importing.addWidget(self.import_progress, 1)
        importing.addWidget(self.cancel_import_button)
        self.import_progress.hide()
        self.cancel_import_button.hide()
        self._runner = BackgroundRunner(self, max_threads=1)
        self._loader = LatestWins(self)   # reads the list; a newer search replaces an older one
        self._note = ""                   # said in place of the count once the list is read
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self._bridge = _ImportBridge(self)
        self._bridge.progressed.connect(self._on_import_progress)
        self._cancel = threading.Event()

        learned = QWidget(self)
        layout = QVBoxLayout(learned)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(importing)
        layout.addLayout(buttons)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(learned, self.tr("Learned words"))
        self.custom_tab: CustomPhrasesTab | None = None
        if custom_phrases is not None:
            self.custom_tab = CustomPhrasesTab(custom_phrases, self)
            self.tabs.addTab(self.custom_tab, self.tr("Custom phrases"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.tabs)

        self.search.textChanged.connect(self._search_timer.start)
        self.sort.currentIndexChanged.connect(self.refresh)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button.clicked.connect(self._on_export)
        self.import_button.clicked.connect(self._on_import)
        self.clear_button.clicked.connect(self.clear_all)
        self.cancel_import_button.clicked.connect(self.cancel_import)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    # -- actions -----------------------------------------------------------------------------
    @property
    def importing(self) -> bool:
        return self._runner.busy

    @property
    def loading(self) -> bool:
        """Whether the list is being read (the table shows the previous one meanwhile)."""
        return self._loader.busy or self._search_timer.isActive()

    def refresh(self) -> None:
        """Read the list again, in the background; the table changes when it is read."""
        self._search_timer.stop()
        if self.lexicon is None:
            self._show_entries([])
            return
        lexicon, query, order = self.lexicon, self.search.text().strip(), self.sort.currentData()
        self._loader.submit(lambda: lexicon.entries(query=query, order=order),
                            on_success=self._show_entries, on_failure=self._on_read_failed)

    def _show_entries(self, entries: list) -> None:
        self.model.set_entries(entries)
        note, self._note = self._note, ""
        self.count_label.setText(note or self.tr("%n phrase(s)", "", self.model.rowCount()))
        error = getattr(self.lexicon, "write_error", None)
        self.count_label.setToolTip(error or "")
        self._update_buttons()

    def _on_read_failed(self, exc: BaseException) -> None:
        self.warn(self.tr("User dictionary"), self.tr("Could not read the user dictionary: {0}").format(exc))

    def texts(self) -> list[str]:
        return [self.model.entry(r).text for r in range(self.model.rowCount())]

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def delete_selected(self) -> int:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        try:
            for row in rows:
                entry = self.model.entry(row)
                self.lexicon.delete(entry.text, entry.pinyin)
        except ValueError as exc:  # UserLexiconError: the file cannot be written now
            self.warn(self.tr("Delete"), str(exc))
        self.refresh()
        return len(rows)

    def clear_all(self) -> bool:
        if self.lexicon is None:
            return False
        # The table's count when it lists them all: counting again reads every stored word
        # on the GUI thread (0.2 s at 100,000 words).
        shown_all = not self.search.text().strip() and not self.loading
        count = self.model.rowCount() if shown_all else len(self.lexicon)
        if not self.confirm(self.tr("Delete all %n learned phrase(s)? This cannot be undone.", "", count)):
            return False
        try:
            self.lexicon.clear()
        except ValueError as exc:
            self.warn(self.tr("Clear user dictionary"), str(exc))
            return False
        finally:
            self.refresh()
        return True

    def export_to(self, path: str) -> int:
        try:
            count = self.lexicon.export_tsv(path)
        except (OSError, ValueError) as exc:
            self.warn(self.tr("Export"), self.tr("Could not export to {0}: {1}").format(path, exc))
            return 0
        self.count_label.setText(self.tr("Exported %n phrase(s)", "", count))
        return count

    def import_from(self, path: str) -> bool:
        """Start importing `path` in the background; `importFinished` says how it ended.
        False when an import is already running."""
        if self.importing or self.lexicon is None:
            return False
        self._cancel.clear()
        self.import_progress.setValue(0)
        self.import_progress.show()
        self.cancel_import_button.show()
        self.cancel_import_button.setEnabled(True)
        self.count_label.setText(self.tr("Importing…"))
        lexicon, bridge, cancel = self.lexicon, self._bridge, self._cancel

        def run():
            result = lexicon.import_tsv(path, progress=bridge.progressed.emit,
                                        cancelled=cancel.is_set)
            lexicon.warm_up()  # the decoder's index, here rather than on the next keystroke
            return result

        self._runner.run(
            run,
            on_success=self._on_imported,
            on_failure=lambda exc: self._on_import_failed(path, exc))
        self._update_buttons()
        return True

    def cancel_import(self) -> None:
        if self.importing:
            self._cancel.set()
            self.cancel_import_button.setEnabled(False)

    def _on_import_progress(self, done: int, total: int) -> None:
        self.import_progress.setValue(int(1000 * done / total) if total else 1000)

    def _end_import(self) -> None:
        self.import_progress.hide()
        self.cancel_import_button.hide()
        self.refresh()

    def _on_imported(self, count: int) -> None:
        message = self.tr("Imported %n phrase(s)", "", count)
        self._note = message   # shown once the list with them is read
        self._end_import()
        self.count_label.setText(message)
        self.importFinished.emit(count, message)

    def _on_import_failed(self, path: str, exc: BaseException) -> None:
        from core.lexicon.user import ImportCancelled

        self._end_import()
        if isinstance(exc, ImportCancelled):
            message = self.tr("Import cancelled; nothing was changed")
            self._note = message
            self.count_label.setText(message)
        elif isinstance(exc, (OSError, ValueError)):
            message = self.tr("Could not import {0}: {1}").format(path, exc)
            self.warn(self.tr("Import"), message)
        else:
            raise exc
        self.importFinished.emit(-1, message)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._search_timer.stop()
        if self.importing:  # stop it (nothing is changed) before the window goes
            self._cancel.set()
            self._runner.wait(10_000)
        super().closeEvent(event)

    def _on_export(self) -> None:
        path = self.choose_path(True)
        if path:
            self.export_to(path)

    def _on_import(self) -> None:
        path = self.choose_path(False)
        if path:
            self.import_from(path)

    def _update_buttons(self) -> None:
        has_rows = self.model.rowCount() > 0
        busy = self.importing
        self.delete_button.setEnabled(self.table.selectionModel().hasSelection() and not busy)
        self.export_button.setEnabled(has_rows and not busy)
        self.clear_button.setEnabled(has_rows and not busy)
        self.import_button.setEnabled(not busy)

    def _confirm_dialog(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Clear user dictionary"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _warning_dialog(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def _path_dialog(self, saving: bool) -> str:
        flt = self.tr("Tab-separated values (*.tsv);;All files (*)")
        if saving:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export user dictionary"),
                                                  "yinzi_user_dictionary.tsv", flt)
        else:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import user dictionary"), "", flt)
        return path


class CustomPhraseModel(_EntryListModel):
    """Thin adapter over `CustomPhrases.entries()`."""

    COLUMNS = ("key", "text")

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Key"), self.tr("Text"))[section]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.key if index.column() == 0 else entry.text
        return None


class CustomPhrasesTab(QWidget):
    """Add, edit and delete custom phrases; import and export them as TSV."""

    def __init__(self, phrases, window: UserDictWindow) -> None:
        super().__init__(window)
        self.phrases = phrases
        self.window_ = window
        self.key_edit = QLineEdit(self)
        self.key_edit.setPlaceholderText(self.tr("Key, e.g. dz"))
        self.key_edit.setMaxLength(16)
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(self.tr("Text it types, e.g. your address"))
        self.add_button = QPushButton(self.tr("Add"), self)
        self.save_button = QPushButton(self.tr("Save changes"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.import_button = QPushButton(self.tr("Import…"), self)
        editing = QHBoxLayout()
        editing.addWidget(self.key_edit)
        editing.addWidget(self.text_edit, 1)
        editing.addWidget(self.add_button)
        editing.addWidget(self.save_button)

        self.model = CustomPhraseModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        from core.lexicon.custom_phrases import MACROS

        self.macros_label = QLabel(self.tr("Built in: {0}").format(
            ", ".join(f"{k} = {what}" for k, (what, _fn) in MACROS.items())), self)
        self.macros_label.setWordWrap(True)
        self.status = QLabel(self)
        bottom = QHBoxLayout()
        for b in (self.delete_button, self.export_button, self.import_button):
            bottom.addWidget(b)
        bottom.addStretch(1)
        bottom.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(editing)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.macros_label)
        layout.addLayout(bottom)

        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button.clicked.connect(self._on_export)
        self.import_button.clicked.connect(self._on_import)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_entries(self.phrases.entries())
        self.status.setText(self.phrases.error or self.tr("%n phrase(s)", "", self.model.rowCount()))
        self._on_selection()

    def _selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def _on_selection(self, *_args) -> None:
        entry = self._selected()
        self.save_button.setEnabled(entry is not None)
        self.delete_button.setEnabled(entry is not None)
        if entry is not None:
            self.key_edit.setText(entry.key)
            self.text_edit.setText(entry.text)

    def _try(self, title: str, action: Callable[[], Any]) -> bool:
        try:
            action()
        except ValueError as exc:  # CustomPhraseError: bad key or text, or a failed save
            self.window_.warn(title, str(exc))
            return False
        self.refresh()
        return True

    def add(self) -> bool:
        ok = self._try(self.tr("Add"), lambda: self.phrases.add(self.key_edit.text(),
                                                                self.text_edit.text()))
        if ok:
            self.text_edit.clear()
        return ok

    def save_selected(self) -> bool:
        entry = self._selected()
        return entry is not None and self._try(
            self.tr("Save changes"),
            lambda: self.phrases.update(entry, self.key_edit.text(), self.text_edit.text()))

    def delete_selected(self) -> bool:
        entry = self._selected()
        return entry is not None and self._try(self.tr("Delete"), lambda: self.phrases.delete(entry))

    def export_to(self, path: str) -> int:
        count = 0

        def run() -> None:
            nonlocal count
            count = self.phrases.export_tsv(path)

        if self._try(self.tr("Export"), run):
            self.status.setText(self.tr("Exported %n phrase(s)", "", count))
        return count

    def import_from(self, path: str) -> int:
        count = 0

        def run() -> None:  # a custom-phrase file is small: read at once
            nonlocal count
            count = self.phrases.import_tsv(path)

        if self._try(self.tr("Import"), run):
            self.status.setText(self.tr("Imported %n phrase(s)", "", count))
        return count

    def _on_export(self) -> None:
        path = self.window_.choose_path(True)
        if path:
            self.export_to(path)

    def _on_import(self) -> None:
        path = self.window_.choose_path(False)
        if path:
            self.import_from(path)
