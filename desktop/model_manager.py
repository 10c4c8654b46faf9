"""The model manager: every model with its card; switch to one, switch back, rename, delete.

A thin window over `desktop.wizard.model_store.ModelStore` (which owns the rules: shipped
models stay, a deleted active model falls back to the shipped default). Reachable from the
app's Tools menu and from the wizard's last page.
"""
from __future__ import annotations

import html
from collections.abc import Callable

from desktop.qt import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    Qt,
    QtWidgets,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.wizard.model_store import ModelEntry, ModelStore, ModelStoreError
from desktop.wizard.window import store_error_text

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class ModelManagerWindow(QWidget):
    activeChanged = Signal(str)      # the typing model's name after a switch or a delete
    modelsChanged = Signal()

    def __init__(self, store: ModelStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store or ModelStore()
        # Hooks so tests can answer questions without modal dialogs.
        self.ask_name: Callable[[str], str | None] = self._ask_name_dialog
        self.ask_delete: Callable[[str], bool] = self._ask_delete_dialog
        self.setWindowTitle(self.tr("Models — Yinzi 音字"))
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._on_current_changed)
        splitter.addWidget(self.list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right_layout.addWidget(self.details)
        self.card = QtWidgets.QTextBrowser()
        self.card.setOpenLinks(False)      # a card's links must not open anything
        right_layout.addWidget(self.card, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 560])
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        self.use_button = QPushButton(self.tr("Use for typing"))
        self.back_button = QPushButton()
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.use_button.clicked.connect(self.use_selected)
        self.back_button.clicked.connect(self.switch_back)
        self.rename_button.clicked.connect(self._on_rename)
        self.delete_button.clicked.connect(self._on_delete)
        for b in (self.use_button, self.back_button, self.rename_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.resize(860, 560)
        self.refresh()

    # -- listing ---------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        current = select or self.selected_name()
        self.list.blockSignals(True)
        self.list.clear()
        self._entries: dict[str, ModelEntry] = {}
        for entry in self.store.models():
            self._entries[entry.name] = entry
            item = QListWidgetItem(self._item_text(entry))
            item.setData(NAME_ROLE, entry.name)
            if entry.active:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        self.list.blockSignals(False)
        names = [self.list.item(i).data(NAME_ROLE) for i in range(self.list.count())]
        active = self.store.active_name()
        pick = current if current in names else (active if active in names else None)
        self.list.setCurrentRow(names.index(pick) if pick in names else (0 if names else -1))
        self._on_current_changed()
        previous = self.store.previous_name()
        self.back_button.setText(self.tr("Switch back to {0}").format(previous) if previous
                                 else self.tr("Switch back"))
        self.back_button.setEnabled(bool(previous) and previous in self._entries)

    def _item_text(self, entry: ModelEntry) -> str:
        kind = {"p2c": self.tr("pinyin"), "sentiment": self.tr("sentiment")}.get(entry.kind, entry.kind)
        origin = self.tr("shipped") if entry.source == "shipped" else self.tr("yours")
        mark = self.tr(" — typing with it") if entry.active else ""
        return self.tr("{0} ({1}, {2}){3}").format(entry.name, kind, origin, mark)

    def names(self) -> list[str]:
        return [self.list.item(i).data(NAME_ROLE) for i in range(self.list.count())]

    def selected_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(NAME_ROLE) if item is not None else None

    def select(self, name: str) -> None:
        if name in self.names():
            self.list.setCurrentRow(self.names().index(name))

    def _on_current_changed(self, *_args) -> None:
        entry = self._entries.get(self.selected_name() or "")
        if entry is None:
            self.details.clear()
            self.card.clear()
            for b in (self.use_button, self.rename_button, self.delete_button):
                b.setEnabled(False)
            return
        self.details.setText(self.tr("<b>{0}</b><br>{1}").format(
            html.escape(self._item_text(entry)), html.escape(str(entry.path))))
        card = entry.card()
        if card:
            self.card.setSearchPaths([str(entry.path)])   # the card's images (learning curve)
            self.card.setMarkdown(card)
        else:
            self.card.setPlainText(self.tr("This model has no card."))
        self.use_button.setEnabled(entry.for_typing and not entry.active)
        self.rename_button.setEnabled(entry.removable)
        self.delete_button.setEnabled(entry.removable)

    # -- actions ---------------------------------------------------------------------------
    def use_selected(self) -> bool:
        name = self.selected_name()
        return bool(name) and self._do(lambda: self.store.activate(name), self._switched_text(name))

    def switch_back(self) -> bool:
        previous = self.store.previous_name()
        return self._do(self.store.switch_back, self._switched_text(previous))

    def _switched_text(self, name: str) -> str:
        return (self.tr("Now typing with {0}.").format(name) if self.store.live
                else self.tr("{0} is chosen; Yinzi uses it the next time it starts.").format(name))

    def rename(self, new_name: str) -> bool:
        name = self.selected_name()
        if not name:
            return False
        ok = self._do(lambda: self.store.rename(name, new_name),
                      self.tr("Renamed {0} to {1}.").format(name, new_name.strip()))
        if ok:
            self.refresh(select=new_name.strip())
        return ok

    def _on_rename(self) -> None:
        name = self.selected_name()
        if name:
            new_name = self.ask_name(name)
            if new_name:
                self.rename(new_name)

    def _on_delete(self) -> None:
        name = self.selected_name()
        if name and self.ask_delete(name):
            self.delete_selected()

    def delete_selected(self) -> bool:
        name = self.selected_name()
        if not name:
            return False
        was_active = self.store.active_name() == name
        ok = self._do(lambda: self.store.delete(name), self.tr("Deleted {0}.").format(name))
        if ok and was_active:
            self.status.setText(self.status.text() + " " + self.tr("Typing falls back to {0}.")
                                .format(self.store.active_name()))
        return ok

    def _do(self, action: Callable[[], object], done_text: str) -> bool:
        try:
            action()
        except ModelStoreError as exc:
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText(store_error_text(self, exc))
            return False
        except OSError as exc:
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText(str(exc))
            return False
        self.status.setStyleSheet("")
        self.status.setText(done_text)
        self.refresh()
        self.modelsChanged.emit()
        self.activeChanged.emit(self.store.active_name())
        return True

    def _ask_name_dialog(self, name: str) -> str | None:
        text, ok = QtWidgets.QInputDialog.getText(
            self, self.tr("Rename model"), self.tr("New name for {0}:").format(name), text=name)
        return text if ok else None

    def _ask_delete_dialog(self, name: str) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Delete model"),
            self.tr("Delete the model {0} and its files? This cannot be undone.").format(name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
