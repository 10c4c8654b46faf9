"""Find and replace in the editor: a modeless dialog over a QTextEdit.

Searches wrap around the end of the text once; Replace all is one undo step.
"""
from __future__ import annotations

from desktop.qt import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextCursor,
    QTextDocument,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)


class FindReplaceDialog(QDialog):
    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("findText")
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setObjectName("replaceText")
        self.case = QCheckBox(self)
        self.backwards = QCheckBox(self)
        self.find_button = QPushButton(self)
        self.find_button.setDefault(True)
        self.find_button.clicked.connect(self.find_next)
        self.replace_button = QPushButton(self)
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button = QPushButton(self)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        self.message = QLabel(self)
        self.message.setObjectName("findMessage")

        self._find_label, self._replace_label = QLabel(self), QLabel(self)
        form = QFormLayout()
        form.addRow(self._find_label, self.find_edit)
        form.addRow(self._replace_label, self.replace_edit)
        options = QHBoxLayout()
        options.addWidget(self.case)
        options.addWidget(self.backwards)
        options.addStretch(1)
        buttons = QHBoxLayout()
        for b in (self.find_button, self.replace_button, self.replace_all_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(options)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Find and replace"))
        self._find_label.setText(self.tr("Find:"))
        self._replace_label.setText(self.tr("Replace with:"))
        self.case.setText(self.tr("Match case"))
        self.backwards.setText(self.tr("Search backwards"))
        self.find_button.setText(self.tr("&Find next"))
        self.replace_button.setText(self.tr("&Replace"))
        self.replace_all_button.setText(self.tr("Replace &all"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        from desktop.qt import QEvent

        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "close_button"):
            self.retranslate()
        super().changeEvent(event)

    def _flags(self, *, backwards: bool | None = None) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if self.backwards.isChecked() if backwards is None else backwards:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def find_next(self) -> bool:
        """Select the next match after the cursor (wrapping once); False when there is none."""
        needle = self.find_edit.text()
        self.message.setText("")
        if not needle:
            return False
        flags = self._flags()
        if self.editor.find(needle, flags):
            return True
        # Wrap: start again from the other end of the text.
        cursor = self.editor.textCursor()
        backwards = bool(flags & QTextDocument.FindFlag.FindBackward)
        cursor.movePosition(QTextCursor.MoveOperation.End if backwards else QTextCursor.MoveOperation.Start)
        self.editor.setTextCursor(cursor)
        if self.editor.find(needle, flags):
            return True
        self.message.setText(self.tr("Not found: {0}").format(needle))
        return False

    def _selection_matches(self) -> bool:
        selected = self.editor.textCursor().selectedText()
        needle = self.find_edit.text()
        return bool(needle) and (selected == needle if self.case.isChecked()
                                 else selected.casefold() == needle.casefold())

    def replace(self) -> bool:
        """Replace the selected match, then select the next one."""
        if self._selection_matches():
            self.editor.textCursor().insertText(self.replace_edit.text())
        return self.find_next()

    def replace_all(self) -> int:
        """Replace every match in the text as one undo step; returns how many."""
        needle, text = self.find_edit.text(), self.replace_edit.text()
        if not needle:
            return 0
        document = self.editor.document()
        flags = self._flags(backwards=False)
        cursor = QTextCursor(document)
        edit = QTextCursor(document)
        edit.beginEditBlock()
        count = 0
        while True:
            cursor = document.find(needle, cursor, flags)
            if cursor.isNull():
                break
            cursor.insertText(text)
            count += 1
        edit.endEditBlock()
        self.message.setText(self.tr("Replaced {0}").format(count))
        return count
