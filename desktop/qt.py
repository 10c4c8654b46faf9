"""The one place PySide6 is imported; every desktop module takes its Qt names from here.

Keeping the imports in one module (as Anki's `aqt.qt` does) makes the Qt dependency easy to
see, to swap, and to keep out of `core`. Only names actually used are re-exported explicitly.
"""
# ruff: noqa: F401 - every import here is a re-export for the other desktop modules
from __future__ import annotations

import ctypes
import logging
import sys

from PySide6 import QtCharts, QtCore, QtGui, QtWidgets
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QPieSlice,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QElapsedTimer,
    QEvent,
    QEventLoop,
    QItemSelectionModel,
    QLibraryInfo,
    QLocale,
    QMargins,
    QModelIndex,
    QMutex,
    QMutexLocker,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QRunnable,
    QSize,
    QSortFilterProxyModel,
    QStandardPaths,
    Qt,
    QThread,
    QThreadPool,
    QTime,
    QTimer,
    QTranslator,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QBrush,
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStatusBar,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)


def _guard_none_refcount() -> bool:
    """Work around PySide6 builds that drop a reference to `None` on every void C++ call.

    Seen with PySide6 6.12.0 on Python 3.11: each call such as `widget.update()` returns
    `None` without taking a reference, so None's count falls by one per call until the
    interpreter aborts with "none_dealloc: deallocating None" (a GUI makes thousands of
    such calls a minute). Python 3.12+ makes None immortal, which hides the bug there; on
    older Pythons we do the same by giving None a practically infinite reference count.
    Only applied when the leak is measured, so fixed builds are left alone.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    probe = QtCore.QObject()
    before = sys.getrefcount(None)
    for _ in range(64):
        probe.setObjectName("probe")
    leaked = before - sys.getrefcount(None)
    if leaked < 32:
        return False
    # ob_refcnt is the first Py_ssize_t field of every object in CPython's release builds.
    # The same builds drop references to True/False too (seen at exit), so pin those as well.
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 50
    logging.getLogger(__name__).info(
        "PySide6 %s leaks references to None on this Python; None/True/False pinned (see desktop/qt.py)",
        QtCore.qVersion())
    return True


NONE_REFCOUNT_GUARDED = _guard_none_refcount()

__all__ = [name for name in dir() if not name.startswith("_")
           and name not in ("annotations", "ctypes", "logging", "sys")]
