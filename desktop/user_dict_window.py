"""The user dictionary window: learned phrases with counts; search, sort, delete, TSV, clear.

`UserEntryModel` is a thin Qt adapter over the `UserEntry` list that `UserLexicon.entries()`
returns; the lexicon stays the single owner of the data.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

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
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1   # the UserEntry object behind a row


class UserEntryModel(QAbstractTableModel):
    COLUMNS = ("text", "pinyin", "count", "last_used")

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
                return _format_time(value)
            if column == "pinyin" and isinstance(value, (tuple, list)):
                return "'".join(value)
            return value if column == "count" else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "count":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _format_time(value: Any) -> str:
    if isinstance(value, (int, float)) and value > 0:
        return _dt.datetime.fromtimestamp(value).strftime("%Y-%m-%d %H:%M")
    return "" if value is None else str(value)


class UserDictWindow(QWidget):
    """Browse and edit the user lexicon."""

    def __init__(self, lexicon, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.lexicon = lexicon
        self.setWindowTitle(self.tr("User dictionary"))
        self.resize(560, 480)
        # Hooks so tests can answer the questions without modal dialogs.
        self.confirm: Callable[[str], bool] = self._confirm_dialog
        self.choose_path: Callable[[bool], str] = self._path_dialog

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

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self.refresh)
        self.sort.currentIndexChanged.connect(self.refresh)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button.clicked.connect(self._on_export)
        self.import_button.clicked.connect(self._on_import)
        self.clear_button.clicked.connect(self.clear_all)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    # -- actions -----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.lexicon is None:
            self.model.set_entries([])
        else:
            self.model.set_entries(self.lexicon.entries(query=self.search.text().strip(),
                                                        order=self.sort.currentData()))
        self.count_label.setText(self.tr("%n phrase(s)", "", self.model.rowCount()))
        self._update_buttons()

    def texts(self) -> list[str]:
        return [self.model.entry(r).text for r in range(self.model.rowCount())]

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def delete_selected(self) -> int:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        for row in rows:
            entry = self.model.entry(row)
            self.lexicon.delete(entry.text, entry.pinyin)
        self.refresh()
        return len(rows)

    def clear_all(self) -> bool:
        if self.lexicon is None or not self.confirm(
                self.tr("Delete all %n learned phrase(s)? This cannot be undone.", "",
                        len(self.lexicon.entries()))):
            return False
        self.lexicon.clear()
        self.refresh()
        return True

    def export_to(self, path: str) -> int:
        count = self.lexicon.export_tsv(path)
        self.count_label.setText(self.tr("Exported %n phrase(s)", "", count))
        return count

    def import_from(self, path: str) -> int:
        try:
            count = self.lexicon.import_tsv(path)
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            QMessageBox.warning(self, self.tr("Import"),
                                self.tr("Could not import {0}: {1}").format(path, exc))
            return 0
        self.refresh()
        return count

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
        self.delete_button.setEnabled(self.table.selectionModel().hasSelection())
        self.export_button.setEnabled(has_rows)
        self.clear_button.setEnabled(has_rows)

    def _confirm_dialog(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Clear user dictionary"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _path_dialog(self, saving: bool) -> str:
        flt = self.tr("Tab-separated values (*.tsv);;All files (*)")
        if saving:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export user dictionary"),
                                                  "yinzi_user_dictionary.tsv", flt)
        else:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import user dictionary"), "", flt)
        return path
