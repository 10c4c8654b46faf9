"""What every wizard page shares: page ids, colours, small widget helpers, the page base."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.qt import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QtWidgets,
)

if TYPE_CHECKING:
    from desktop.wizard.window import FineTuneWizard


QWizard = QtWidgets.QWizard
QWizardPage = QtWidgets.QWizardPage
QButtonGroup = QtWidgets.QButtonGroup
QDoubleSpinBox = QtWidgets.QDoubleSpinBox

PAGE_TASK, PAGE_DATA, PAGE_HARDWARE, PAGE_TRAIN, PAGE_RESULT, PAGE_USE = range(6)
ERROR_STYLE = "color: #b00020;"
WARN_STYLE = "color: #9a5b00;"
GOOD_STYLE = "color: #1b7f3b;"
CORPUS_SUFFIXES = "*.txt *.md *.csv *.tsv *.jsonl *.json"
LABELLED_SUFFIXES = "*.csv *.tsv *.jsonl *.txt"


def text_label(text: str = "", *, wrap: bool = True, style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def table_item(value: Any, *, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if value is None else str(value))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def plain_table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class WizardPage(QWizardPage):
    @property
    def wiz(self) -> FineTuneWizard:
        return self.wizard()  # type: ignore[return-value]
