"""The settings dialog: fuzzy pinyin rules, paging, prediction, editor font and zoom, model,
theme and language.

It edits a copy of `AppSettings` and hands back a new one; persisting and applying are the
main window's job.
"""
from __future__ import annotations

from dataclasses import fields, replace

from core.engine.types import FuzzyConfig
from desktop.model_loader import available_models
from desktop.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFont,
    QFontComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from desktop.settings import MAX_ZOOM, NGRAM_MODEL, AppSettings

# Rule name -> the pair it merges, shown as the checkbox text (not translated: it is pinyin).
FUZZY_LABELS = {
    "z_zh": "z ↔ zh", "c_ch": "c ↔ ch", "s_sh": "s ↔ sh", "n_l": "n ↔ l", "r_l": "r ↔ l",
    "f_h": "f ↔ h", "an_ang": "an ↔ ang", "en_eng": "en ↔ eng", "in_ing": "in ↔ ing",
    "ian_iang": "ian ↔ iang", "uan_uang": "uan ↔ uang",
}


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        layout = QVBoxLayout(self)

        fuzzy_box = QGroupBox(self.tr("Fuzzy pinyin (accept either sound)"), self)
        grid = QGridLayout(fuzzy_box)
        self.fuzzy_checks: dict[str, QCheckBox] = {}
        for i, f in enumerate(fields(FuzzyConfig)):
            box = QCheckBox(FUZZY_LABELS.get(f.name, f.name), fuzzy_box)
            box.setObjectName(f"fuzzy_{f.name}")
            box.setChecked(getattr(settings.fuzzy, f.name))
            grid.addWidget(box, i // 4, i % 4)
            self.fuzzy_checks[f.name] = box
        layout.addWidget(fuzzy_box)

        form = QFormLayout()
        self.page_size = QSpinBox(self, minimum=1, maximum=9, value=settings.page_size)
        form.addRow(self.tr("Candidates per page"), self.page_size)
        self.punctuation = QCheckBox(self.tr("Chinese punctuation by default"), self)
        self.punctuation.setChecked(settings.chinese_punctuation)
        form.addRow("", self.punctuation)
        self.start_chinese = QCheckBox(self.tr("Start in Chinese mode"), self)
        self.start_chinese.setChecked(settings.start_in_chinese)
        form.addRow("", self.start_chinese)
        self.punct_pages = QCheckBox(self.tr("Page candidates with , . - ="), self)
        self.punct_pages.setToolTip(self.tr(
            "When off, these keys commit the first candidate and type the punctuation."))
        self.punct_pages.setChecked(settings.punct_pages)
        form.addRow("", self.punct_pages)
        self.prediction = QCheckBox(self.tr("Suggest the next word after a commit"), self)
        self.prediction.setChecked(settings.prediction)
        form.addRow("", self.prediction)

        self.font_family = QFontComboBox(self)
        self.font_family.setEditable(False)
        self.use_default_font = QCheckBox(self.tr("System default font"), self)
        self.use_default_font.setChecked(not settings.font_family)
        if settings.font_family:
            self.font_family.setCurrentFont(QFont(settings.font_family))
        self.font_family.setEnabled(bool(settings.font_family))
        self.use_default_font.toggled.connect(lambda on: self.font_family.setEnabled(not on))
        form.addRow(self.tr("Editor font"), self.use_default_font)
        form.addRow("", self.font_family)
        self.font_size = QSpinBox(self, minimum=6, maximum=72, value=settings.font_size)
        self.font_size.setSuffix(" pt")
        form.addRow(self.tr("Font size"), self.font_size)
        self.zoom = QSpinBox(self, minimum=-MAX_ZOOM, maximum=MAX_ZOOM, value=settings.zoom)
        self.zoom.setToolTip(self.tr("Ctrl+= and Ctrl+- change it from the editor"))
        form.addRow(self.tr("Editor zoom"), self.zoom)

        self.model = QComboBox(self)
        self.model.addItem(self.tr("None (n-gram decoder only)"), NGRAM_MODEL)
        for choice in available_models():
            origin = self.tr("user-trained") if choice.origin == "user" else self.tr("shipped")
            self.model.addItem(f"{choice.name} ({origin})", choice.name)
        index = self.model.findData(settings.model)
        if index < 0 and settings.model:  # chosen before but missing now: keep it visible
            self.model.addItem(self.tr("{0} (missing)").format(settings.model), settings.model)
            index = self.model.count() - 1
        self.model.setCurrentIndex(max(0, index))
        form.addRow(self.tr("Model"), self.model)
        self.prefer_cuda = QCheckBox(self.tr("Use the GPU (CUDA) when available"), self)
        self.prefer_cuda.setChecked(settings.prefer_cuda)
        form.addRow("", self.prefer_cuda)

        self.language = QComboBox(self)
        self.language.addItem(self.tr("Follow the system"), "system")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(self.tr("Language"), self.language)
        self.theme = QComboBox(self)
        self.theme.addItem(self.tr("Follow the system"), "system")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        form.addRow(self.tr("Theme"), self.theme)
        layout.addLayout(form)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults)
        layout.addWidget(buttons)

    def restore_defaults(self) -> None:
        d = AppSettings()
        for name, box in self.fuzzy_checks.items():
            box.setChecked(getattr(d.fuzzy, name))
        self.page_size.setValue(d.page_size)
        self.punctuation.setChecked(d.chinese_punctuation)
        self.start_chinese.setChecked(d.start_in_chinese)
        self.punct_pages.setChecked(d.punct_pages)
        self.prediction.setChecked(d.prediction)
        self.zoom.setValue(d.zoom)
        self.theme.setCurrentIndex(max(0, self.theme.findData(d.theme)))
        self.use_default_font.setChecked(True)
        self.font_size.setValue(d.font_size)
        self.model.setCurrentIndex(max(0, self.model.findData(d.model)))
        self.prefer_cuda.setChecked(d.prefer_cuda)
        self.language.setCurrentIndex(max(0, self.language.findData(d.language)))

    def result_settings(self) -> AppSettings:
        """The settings as edited (recent files and anything not shown are kept)."""
        fuzzy = FuzzyConfig(**{name: box.isChecked() for name, box in self.fuzzy_checks.items()})
        return replace(
            self._settings,
            fuzzy=fuzzy,
            page_size=self.page_size.value(),
            chinese_punctuation=self.punctuation.isChecked(),
            start_in_chinese=self.start_chinese.isChecked(),
            punct_pages=self.punct_pages.isChecked(),
            prediction=self.prediction.isChecked(),
            zoom=self.zoom.value(),
            theme=self.theme.currentData(),
            font_family="" if self.use_default_font.isChecked() else self.font_family.currentFont().family(),
            font_size=self.font_size.value(),
            model=self.model.currentData(),
            prefer_cuda=self.prefer_cuda.isChecked(),
            language=self.language.currentData(),
        )
