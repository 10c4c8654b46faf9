"""The wizard's pages: task, data, hardware and preset, training, result, use it.

Each page reads and writes the wizard's `Plan` (plain data) and talks to the trainer only
through `commands` and the child processes of `process`.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.qt import (
    QAbstractItemView,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QCheckBox,
    QColor,
    QCoreApplication,
    QElapsedTimer,
    QEventLoop,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QLineSeries,
    QListWidget,
    QMargins,
    QPainter,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimer,
    QtWidgets,
    QValueAxis,
    QVBoxLayout,
    QWidget,
)
from desktop.wizard import commands
from desktop.wizard.events import RunProgress, format_duration, percent
from desktop.wizard.process import CAN_PAUSE, CANCEL_EXIT_CODE, JsonQuery, TrainerProcess
from desktop.wizard.run_state import RunState, save_state

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


def _label(text: str = "", *, wrap: bool = True, style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def _item(value: Any, *, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if value is None else str(value))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class _Page(QWizardPage):
    @property
    def wiz(self) -> FineTuneWizard:
        return self.wizard()  # type: ignore[return-value]


# -- 1 task ------------------------------------------------------------------------------------
class TaskPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What should Yinzi learn?"))
        self.setSubTitle(self.tr("Training runs on this computer; your text never leaves it."))
        layout = QVBoxLayout(self)
        self.domain = QRadioButton(self.tr("Type better in my domain"))
        self.domain.setObjectName("task_domain")
        self.domain.setChecked(True)
        layout.addWidget(self.domain)
        layout.addWidget(_label(self.tr(
            "Give Yinzi your own writing (documentation, notes, a novel…). It learns your words "
            "and phrases and adapts its pinyin-to-hanzi model, then shows how much better it types "
            "text like yours.")))
        layout.addSpacing(12)
        self.sentiment = QRadioButton(self.tr("Sentiment on my labelled data"))
        self.sentiment.setObjectName("task_sentiment")
        layout.addWidget(self.sentiment)
        layout.addWidget(_label(self.tr(
            "Give Yinzi a table of texts with a label column (0/1, neg/pos, or with a neutral "
            "class). It trains a sentiment model for the analysis panel and `yinzi analyze`.")))
        layout.addStretch(1)
        self.trainer_label = _label()
        layout.addWidget(self.trainer_label)
        self.group = QButtonGroup(self)
        self.group.addButton(self.domain)
        self.group.addButton(self.sentiment)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        trainer = self.wiz.trainer
        if trainer is None:
            self.trainer_label.setStyleSheet(ERROR_STYLE)
            self.trainer_label.setText(self.tr(
                "The trainer (yinzi-train) was not found, so nothing can be trained yet. "
                "Install it: in a source checkout run `make setup` (or `pip install -e .[train]`), "
                "or put the yinzi-trainer bundle next to the app."))
        else:
            self.trainer_label.setStyleSheet("color: palette(mid);")
            self.trainer_label.setText(self.tr("Trainer: {0}").format(trainer.describe()))

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.wiz.trainer is not None

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        task = "sentiment" if self.sentiment.isChecked() else "domain"
        if task != self.wiz.plan.task:
            self.wiz.plan.task = task
            self.wiz.plan.files = []
            self.wiz.plan.report = None
        return True


# -- 2 data ------------------------------------------------------------------------------------
class DataPage(_Page):
    FILE_COLUMNS = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = JsonQuery(self)
        self.query.answered.connect(self._on_report)
        self.query.failed.connect(self._on_report_failed)
        self._inspect_failed = False
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.add_files_button = QPushButton(self.tr("Add files…"))
        self.add_folder_button = QPushButton(self.tr("Add folder…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_files_button.clicked.connect(self._on_add_files)
        self.add_folder_button.clicked.connect(self._on_add_folder)
        self.remove_button.clicked.connect(self._on_remove)
        for b in (self.add_files_button, self.add_folder_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.chosen = QListWidget()
        self.chosen.setMaximumHeight(70)
        self.chosen.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        layout.addWidget(self.chosen)
        self.table = _table(self.FILE_COLUMNS)
        self.status = _label()
        self.warning = _label()
        self.tabs = QTabWidget()
        self.samples = QPlainTextEdit()
        self.samples.setReadOnly(True)
        self.problems = QListWidget()
        self.tabs.addTab(self.samples, "")
        self.tabs.addTab(self.problems, "")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.warning)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        sentiment = self.wiz.plan.task == "sentiment"
        if sentiment:
            self.setTitle(self.tr("Your labelled data"))
            self.setSubTitle(self.tr(
                "CSV, TSV or JSONL with a 'text' and a 'label' column (0/1, neg/pos, or -1/0/1). "
                "The trainer checks every row when training starts; problems appear on the next "
                "pages with their line numbers."))
            headers = [self.tr("File"), self.tr("Size")]
        else:
            self.setTitle(self.tr("Your text"))
            self.setSubTitle(self.tr(
                "Add files or folders of your own writing (.txt, .md, .csv, .tsv, .jsonl; any "
                "common encoding; Traditional characters are converted). A few hundred thousand "
                "characters help; a few million help more."))
            headers = [self.tr("File"), self.tr("Lines"), self.tr("Han characters"),
                       self.tr("Duplicates"), self.tr("Non-Chinese"), self.tr("Encoding"),
                       self.tr("Traditional"), self.tr("Problem")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.tabs.setVisible(not sentiment)
        self._refresh()

    # -- choosing --------------------------------------------------------------------------
    def _on_add_files(self) -> None:
        pattern = LABELLED_SUFFIXES if self.wiz.plan.task == "sentiment" else CORPUS_SUFFIXES
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add files"), "", self.tr("Text files ({0});;All files (*)").format(pattern))
        self.add_paths(files)

    def _on_add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add folder"))
        if folder:
            self.add_paths([folder])

    def _on_remove(self) -> None:
        rows = sorted({i.row() for i in self.chosen.selectedIndexes()}, reverse=True)
        plan = self.wiz.plan
        for row in rows:
            del plan.files[row]
        if rows:
            self._refresh()

    def add_paths(self, paths: list[str]) -> None:
        plan = self.wiz.plan
        for p in paths:
            p = str(Path(p).resolve())
            if p not in plan.files:
                plan.files.append(p)
        self._refresh()

    def _refresh(self) -> None:
        plan = self.wiz.plan
        self.chosen.clear()
        self.chosen.addItems(plan.files)
        self.remove_button.setEnabled(bool(plan.files))
        plan.report = None
        self._inspect_failed = False
        self.table.setRowCount(0)
        self.samples.clear()
        self.problems.clear()
        self.warning.clear()
        self._retitle_tabs(0)
        if not plan.files:
            self.query.stop()
            self.status.setStyleSheet("")
            self.status.setText(self.tr("No files yet: add files or folders."))
        elif plan.task == "sentiment":
            self._show_labelled_files()
        elif self.wiz.trainer is not None:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Reading your files…"))
            self.query.run(commands.inspect_command(self.wiz.trainer, plan.files))
        self.completeChanged.emit()

    def _retitle_tabs(self, problems: int) -> None:
        self.tabs.setTabText(0, self.tr("Sample lines"))
        self.tabs.setTabText(1, self.tr("Problems ({0})").format(problems))

    def _show_labelled_files(self) -> None:
        missing = []
        for path in self.wiz.plan.files:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, _item(path))
            p = Path(path)
            if p.is_file():
                size = p.stat().st_size
                self.table.setItem(row, 1, _item(self.tr("{0:,} KB").format(max(1, size // 1024)), align_right=True))
            else:
                missing.append(path)
                self.table.setItem(row, 1, _item(self.tr("not a file")))
        if missing:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(self.tr("Not a readable file: {0}").format(", ".join(missing)))
        else:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("{0} file(s); their rows are checked when training starts.")
                                .format(len(self.wiz.plan.files)))

    # -- the inspect-corpus report ---------------------------------------------------------
    def _on_report(self, report: dict) -> None:
        plan = self.wiz.plan
        plan.report = report
        files = report.get("files") or []
        self.table.setRowCount(0)
        for f in files:
            row = self.table.rowCount()
            self.table.insertRow(row)
            share = f.get("non_chinese_share")
            values = [
                _item(f.get("path", "")),
                _item(f"{int(f.get('lines') or 0):,}", align_right=True),
                _item(f"{int(f.get('han_chars') or 0):,}", align_right=True),
                _item(f"{int(f.get('duplicates') or 0):,}", align_right=True),
                _item(f"{float(share) * 100:.0f} %" if isinstance(share, (int, float)) else "", align_right=True),
                _item(f.get("encoding") or ""),
                _item(self.tr("converted") if f.get("traditional_converted") else ""),
                _item(f.get("error") or ""),
            ]
            for col, item in enumerate(values):
                if f.get("error"):
                    item.setForeground(QColor("#b00020"))
                self.table.setItem(row, col, item)
        totals = report.get("totals") or {}
        self.status.setStyleSheet("")
        self.status.setText(self.tr(
            "{0:,} files · {1:,} lines · {2:,} Han characters · {3:,} duplicate lines").format(
            int(totals.get("files") or 0), int(totals.get("lines") or 0),
            int(totals.get("han_chars") or 0), int(totals.get("duplicates") or 0)))
        self.samples.setPlainText("\n".join(str(s) for s in report.get("samples") or []))
        problems = report.get("problems") or []
        for p in problems:
            where = f"{p.get('path', '')}:{p.get('line')}" if p.get("line") else str(p.get("path", ""))
            self.problems.addItem(f"{where}: {p.get('message', '')}")
        self._retitle_tabs(len(problems))
        if problems:
            self.tabs.setCurrentIndex(1)
        advice = str(report.get("advice") or "")
        if int(totals.get("han_chars") or 0) == 0:
            self.warning.setStyleSheet(ERROR_STYLE)
            self.warning.setText(advice or self.tr("No Chinese text was found in these files."))
        elif not report.get("enough", True):
            self.warning.setStyleSheet(WARN_STYLE)
            self.warning.setText(self.tr("Too little text for a clear gain: {0}").format(
                advice or self.tr("about 200,000 Han characters make a useful word layer, a few "
                                  "million let the neural model adapt too.")))
        else:
            self.warning.setStyleSheet(GOOD_STYLE)
            self.warning.setText(advice)
        self.completeChanged.emit()

    def _on_report_failed(self, code: str, detail: str) -> None:
        self._inspect_failed = True
        self.status.setStyleSheet(ERROR_STYLE)
        if code == "unknown":
            self.status.setText(self.tr(
                "This trainer cannot inspect files (it has no inspect-corpus command); update it. "
                "The files will be checked when training starts."))
        elif code == "start":
            self.status.setText(self.tr("The trainer could not be started: {0}").format(detail))
        else:
            self.status.setText(self.tr("Reading the files failed: {0}").format(detail))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        plan = self.wiz.plan
        if not plan.files:
            return False
        if plan.task == "sentiment":
            return all(Path(p).is_file() for p in plan.files)
        if self._inspect_failed:
            return True
        report = plan.report
        return report is not None and int((report.get("totals") or {}).get("han_chars") or 0) > 0

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override
        self.query.stop()


# -- 3 hardware and preset ---------------------------------------------------------------------
class HardwarePage(_Page):
    PRESET_NAMES = ("quick", "standard", "thorough", "tiny")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCommitPage(True)
        self.query = JsonQuery(self)
        self.query.answered.connect(self._on_devices)
        self.query.failed.connect(self._on_devices_failed)
        layout = QVBoxLayout(self)
        self.devices_box = QGroupBox()
        self.devices_layout = QVBoxLayout(self.devices_box)
        self.devices_status = _label()
        self.devices_layout.addWidget(self.devices_status)
        self.cpu_check = QCheckBox()
        self.cpu_check.setObjectName("device_cpu")
        self.cpu_check.setChecked(True)
        self.cpu_check.toggled.connect(self._on_cpu_toggled)
        self.devices_layout.addWidget(self.cpu_check)
        self.gpu_checks: dict[int, QCheckBox] = {}
        layout.addWidget(self.devices_box)

        self.preset_box = QGroupBox()
        preset_layout = QVBoxLayout(self.preset_box)
        self.preset_group = QButtonGroup(self)
        self.preset_buttons: dict[str, QRadioButton] = {}
        for name in self.PRESET_NAMES:
            button = QRadioButton()
            button.setObjectName(f"preset_{name}")
            self.preset_buttons[name] = button
            self.preset_group.addButton(button)
            preset_layout.addWidget(button)
        self.preset_buttons["quick"].setChecked(True)
        layout.addWidget(self.preset_box)

        self.advanced = QGroupBox()
        self.advanced.setCheckable(True)
        self.advanced.setChecked(False)
        form = QFormLayout(self.advanced)
        self.lr = QLineEdit()
        self.steps = QSpinBox(minimum=0, maximum=10_000_000, singleStep=100)
        self.batch = QSpinBox(minimum=0, maximum=4096, singleStep=8)
        self.held_out = QDoubleSpinBox(minimum=1.0, maximum=50.0, value=5.0, singleStep=1.0)
        self.held_out.setSuffix(" %")
        self.general = QLineEdit()
        general_row = QHBoxLayout()
        general_row.addWidget(self.general)
        self.general_browse = QPushButton(self.tr("Browse…"))
        self.general_browse.clicked.connect(self._on_browse_general)
        general_row.addWidget(self.general_browse)
        self.lr_label, self.steps_label, self.batch_label = QLabel(), QLabel(), QLabel()
        self.held_out_label, self.general_label = QLabel(), QLabel()
        form.addRow(self.lr_label, self.lr)
        form.addRow(self.steps_label, self.steps)
        form.addRow(self.batch_label, self.batch)
        form.addRow(self.held_out_label, self.held_out)
        form.addRow(self.general_label, general_row)
        layout.addWidget(self.advanced)
        self.error = _label(style=ERROR_STYLE)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._devices: dict | None = None
        self._retranslate()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Hardware and preset"))
        self.setSubTitle(self.tr("Tick the GPUs to train on (several GPUs run one process each), "
                                 "or leave the CPU ticked."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Start training"))
        self.devices_box.setTitle(self.tr("Train on"))
        self.preset_box.setTitle(self.tr("How long to train"))
        self.advanced.setTitle(self.tr("Advanced"))
        self.lr.setPlaceholderText(self.tr("the preset's"))
        self.steps.setSpecialValueText(self.tr("the preset's"))
        self.batch.setSpecialValueText(self.tr("the preset's"))
        self.general.setPlaceholderText(self.tr("optional: a text file of general sentences"))
        self.lr_label.setText(self.tr("Learning rate"))
        self.steps_label.setText(self.tr("Steps"))
        self.batch_label.setText(self.tr("Batch size"))
        self.held_out_label.setText(self.tr("Held out for the report"))
        self.general_label.setText(self.tr("General check file"))
        self._update_cpu_text()

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        sentiment = self.wiz.plan.task == "sentiment"
        self.preset_box.setVisible(not sentiment)
        self.advanced.setVisible(not sentiment)
        self._update_estimates()
        if self._devices is None and not self.query.busy and self.wiz.trainer is not None:
            self.devices_status.setText(self.tr("Looking for GPUs…"))
            self.query.run(commands.devices_command(self.wiz.trainer))

    def _update_cpu_text(self) -> None:
        cpu = (self._devices or {}).get("cpu") or {}
        if cpu:
            self.cpu_check.setText(self.tr("CPU: {0} ({1} cores)").format(
                cpu.get("name") or self.tr("processor"), cpu.get("cores") or "?"))
        else:
            self.cpu_check.setText(self.tr("CPU"))

    def _on_devices(self, devices: dict) -> None:
        self._devices = devices
        self.wiz.plan.devices = devices
        self._update_cpu_text()
        for check in self.gpu_checks.values():
            check.deleteLater()
        self.gpu_checks.clear()
        gpus = devices.get("cuda") or []
        for gpu in gpus:
            index = int(gpu.get("index", 0))
            check = QCheckBox(self.tr("GPU {0}: {1} · {2:.1f} GB, {3:.1f} GB free").format(
                index, gpu.get("name", "?"), float(gpu.get("total_mb") or 0) / 1024,
                float(gpu.get("free_mb") or 0) / 1024))
            check.setObjectName(f"device_gpu{index}")
            check.toggled.connect(self._on_gpu_toggled)
            self.devices_layout.addWidget(check)
            self.gpu_checks[index] = check
        torch = devices.get("torch") or {}
        if gpus:
            self.devices_status.setText(self.tr("{0} GPU(s) found (PyTorch {1}).").format(
                len(gpus), torch.get("version", "?")))
            if len(gpus) == 1:
                self.gpu_checks[int(gpus[0].get("index", 0))].setChecked(True)
        elif torch and not torch.get("cuda_build", False):
            self.devices_status.setText(self.tr(
                "No GPU: this PyTorch ({0}) is built without CUDA. Training runs on the CPU.").format(
                torch.get("version", "?")))
        else:
            self.devices_status.setText(self.tr("No CUDA GPU found. Training runs on the CPU."))

    def _on_devices_failed(self, code: str, detail: str) -> None:
        self._devices = {}
        if code == "unknown":
            self.devices_status.setText(self.tr(
                "This trainer cannot list GPUs (no devices command); training runs on the CPU."))
        else:
            self.devices_status.setText(self.tr("Could not list GPUs ({0}); training runs on the CPU.")
                                        .format(detail.splitlines()[-1] if detail else code))

    def _on_cpu_toggled(self, on: bool) -> None:
        if on:
            for check in self.gpu_checks.values():
                check.setChecked(False)
        elif not any(c.isChecked() for c in self.gpu_checks.values()):
            self.cpu_check.setChecked(True)   # something must train
        self._update_estimates()

    def _on_gpu_toggled(self, _on: bool) -> None:
        any_gpu = any(c.isChecked() for c in self.gpu_checks.values())
        self.cpu_check.blockSignals(True)
        self.cpu_check.setChecked(not any_gpu)
        self.cpu_check.blockSignals(False)
        self._update_estimates()

    def _update_estimates(self) -> None:
        report = self.wiz.plan.report if self.wizard() is not None else None
        han = int(((report or {}).get("totals") or {}).get("han_chars") or 0)
        gpu = any(c.isChecked() for c in self.gpu_checks.values())
        words = {"quick": self.tr("Quick"), "standard": self.tr("Standard"),
                 "thorough": self.tr("Thorough"), "tiny": self.tr("Tiny (a test run, no real gain)")}
        for name, button in self.preset_buttons.items():
            minutes = commands.estimate_minutes(name, han, gpu=gpu)
            when = (self.tr("under a minute") if minutes < 1
                    else self.tr("about {0:.0f} min").format(minutes))
            button.setText(self.tr("{0} — {1} (estimate)").format(words[name], when))
            if name == "quick" and not gpu:
                button.setText(button.text() + self.tr("; on a CPU it builds your word layer only"))

    def _on_browse_general(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("General check file"))
        if path:
            self.general.setText(path)

    def selected_gpus(self) -> tuple[int, ...]:
        return tuple(sorted(i for i, c in self.gpu_checks.items() if c.isChecked()))

    def selected_preset(self) -> str:
        return next((n for n, b in self.preset_buttons.items() if b.isChecked()), "quick")

    def set_preset(self, name: str) -> None:
        self.preset_buttons[name].setChecked(True)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        plan = self.wiz.plan
        plan.gpus = self.selected_gpus()
        plan.preset = self.selected_preset()
        plan.lr = plan.max_steps = plan.batch_size = None
        plan.held_out = plan.general = None
        if self.advanced.isChecked():
            text = self.lr.text().strip()
            if text:
                try:
                    plan.lr = float(text)
                except ValueError:
                    self.error.setText(self.tr("The learning rate must be a number, e.g. 3e-4."))
                    return False
            plan.max_steps = self.steps.value() or None
            plan.batch_size = self.batch.value() or None
            plan.held_out = round(self.held_out.value() / 100.0, 4)
            plan.general = self.general.text().strip() or None
        try:
            self.wiz.build_command(resume=False)
        except commands.TorchrunMissing:
            self.error.setText(self.tr(
                "Training on several GPUs needs torchrun, which comes with PyTorch; it was not found "
                "next to the trainer or on PATH. Tick one GPU, or install PyTorch."))
            return False
        self.error.clear()
        return True

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override
        self.query.stop()


# -- 4 train -----------------------------------------------------------------------------------
def _line_chart(title: str, y_title: str) -> tuple[QChart, QLineSeries, QValueAxis, QValueAxis]:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    chart.setMargins(QMargins(4, 4, 4, 4))
    series = QLineSeries()
    chart.addSeries(series)
    x, y = QValueAxis(), QValueAxis()
    x.setLabelFormat("%d")
    x.setTitleText("")
    y.setTitleText(y_title)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    x.setRange(0, 1)
    y.setRange(0, 1)
    return chart, series, x, y


class TrainPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = TrainerProcess(self)
        self.run.eventReceived.connect(self._on_event)
        self.run.logLine.connect(self._on_log)
        self.run.finished.connect(self._on_finished)
        self.run.failedToStart.connect(self._on_failed_to_start)
        self.progress = RunProgress()
        self.outcome = ""           # "" while running; finished | cancelled | failed
        self._state: RunState | None = None
        self._clock = QElapsedTimer()
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._update_stats)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_app_quit)

        layout = QVBoxLayout(self)
        self.stage_label = _label()
        layout.addWidget(self.stage_label)
        self.bar = QProgressBar()
        layout.addWidget(self.bar)
        stats = QGridLayout()
        self.step_label, self.loss_label, self.speed_label = QLabel(), QLabel(), QLabel()
        self.eta_label, self.elapsed_label = QLabel(), QLabel()
        for i, w in enumerate((self.step_label, self.loss_label, self.speed_label,
                               self.eta_label, self.elapsed_label)):
            stats.addWidget(w, 0, i)
        layout.addLayout(stats)
        charts = QHBoxLayout()
        self.loss_chart, self.loss_series, self.loss_x, self.loss_y = _line_chart("", "")
        self.acc_chart, self.acc_series, self.acc_x, self.acc_y = _line_chart("", "")
        for chart in (self.loss_chart, self.acc_chart):
            view = QChartView(chart)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(180)
            charts.addWidget(view)
        layout.addLayout(charts, 2)
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(5000)
        layout.addWidget(self.log, 1)
        self.message = _label()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.pause_button = QPushButton()
        self.pause_button.setObjectName("pause")
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel_run")
        self.cancel_button.clicked.connect(self.cancel)
        self.resume_button = QPushButton()
        self.resume_button.setObjectName("resume_run")
        self.resume_button.clicked.connect(lambda: self.start(resume=True))
        self.start_over_button = QPushButton()
        self.start_over_button.setObjectName("start_over")
        self.start_over_button.clicked.connect(lambda: self.wiz.start_over())
        self.start_over_button.setVisible(False)
        for b in (self.pause_button, self.cancel_button, self.resume_button, self.start_over_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Training"))
        self.setSubTitle(self.tr("The training runs in a process of its own: closing this window "
                                 "asks first, and a stopped run can be resumed."))
        self.loss_chart.setTitle(self.tr("Training loss"))
        self.acc_chart.setTitle(self.tr("Held-out accuracy (char %)"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.resume_button.setText(self.tr("Resume"))
        self.start_over_button.setText(self.tr("Start over with other settings"))
        self.pause_button.setText(self.tr("Continue") if self.run.paused else self.tr("Pause"))
        self.pause_button.setToolTip("" if CAN_PAUSE else self.tr("Pausing is not supported on this system"))

    @property
    def running(self) -> bool:
        return self.run.running

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        if not self.running and not self.outcome:
            self.start(resume=self.wiz.plan.resume)

    # -- running ---------------------------------------------------------------------------
    def start(self, *, resume: bool) -> None:
        wiz = self.wiz
        plan = wiz.plan
        try:
            command = wiz.build_command(resume=resume)
        except (commands.TorchrunMissing, ValueError) as exc:
            self._show_failure(str(exc))
            return
        self.progress = RunProgress()
        self.outcome = ""
        self.loss_series.clear()
        self.acc_series.clear()
        if not resume:
            self.log.clear()
        self.log.appendPlainText("$ " + command.describe())
        self.message.clear()
        self.message.setStyleSheet("")
        sentiment = plan.task == "sentiment"
        self.bar.setRange(0, 0)   # busy until the first measurable progress
        self.stage_label.setText(self.tr("Starting the trainer…"))
        self.pause_button.setEnabled(CAN_PAUSE)
        self.pause_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.resume_button.setVisible(False)
        self.start_over_button.setVisible(False)
        for w in (self.loss_chart, self.acc_chart):
            w.setVisible(True)
        self._set_charts_visible(not sentiment)
        self._state = RunState(
            task=plan.task, out=plan.out, files=tuple(plan.files), preset=plan.preset,
            gpus=tuple(plan.gpus), held_out=plan.held_out, general=plan.general, lr=plan.lr,
            max_steps=plan.max_steps, batch_size=plan.batch_size, status="running")
        Path(plan.out).mkdir(parents=True, exist_ok=True)
        self._save_state(self._state)
        self._clock.start()
        self._tick.start()
        self._update_stats()
        self.completeChanged.emit()
        self.run.start(command)

    def _set_charts_visible(self, on: bool) -> None:
        for view in self.findChildren(QChartView):
            view.setVisible(on)

    def toggle_pause(self) -> None:
        if not CAN_PAUSE:
            self.message.setText(self.tr("Pausing is not supported on this system; Cancel keeps a checkpoint."))
            return
        if self.run.paused:
            self.run.resume()
            self.stage_label.setText(self.progress.message or self.tr("Training…"))
        elif self.run.pause():
            self.stage_label.setText(self.tr("Paused"))
        self._retranslate()

    def cancel(self) -> None:
        if self.running:
            self.stage_label.setText(self.tr("Stopping at a checkpoint…"))
            self.cancel_button.setEnabled(False)
            self.pause_button.setEnabled(False)
            self.run.cancel()

    def stop_for_close(self, msecs: int = 20000) -> None:
        """Closing the wizard: cancel (resumable) and wait for the checkpoint with the window
        still painting (a local event loop); kill the child if it does not stop in time."""
        if not self.running:
            return
        self.stage_label.setText(self.tr("Stopping at a checkpoint…"))
        loop = QEventLoop()
        self.run.finished.connect(loop.quit)
        QTimer.singleShot(msecs, loop.quit)
        self.run.cancel()
        if self.running:
            loop.exec()
        self.run.finished.disconnect(loop.quit)
        if self.running:
            self.run.kill()
            self.run.wait(3000)

    def _on_app_quit(self) -> None:
        # The app is quitting (its main window closed): stop the run cleanly, not by SIGKILL.
        self.stop_for_close()

    def _save_state(self, state: RunState) -> None:
        self._state = state
        try:
            save_state(state)
        except OSError as exc:
            self.log.appendPlainText(self.tr("Could not save the run's state: {0}").format(exc))

    # -- events ----------------------------------------------------------------------------
    def _on_event(self, event) -> None:
        p = self.progress
        p.apply(event)
        kind = event.kind
        if kind == "stage":
            self.stage_label.setText(self._stage_text(p.stage, p.message))
            if p.stage != "neural":
                self.bar.setRange(0, 0)   # busy until the stage reports how far it is
        elif kind == "progress":
            if p.stage_total > 0 and p.stage != "neural":
                self.bar.setRange(0, p.stage_total)
                self.bar.setValue(min(p.stage_done, p.stage_total))
        elif kind == "step":
            if p.total_steps > 0:
                self.bar.setRange(0, p.total_steps)
                self.bar.setValue(min(p.step, p.total_steps))
            if p.loss is not None:
                self._append(self.loss_series, self.loss_x, self.loss_y, p.step, p.loss)
        elif kind == "eval":
            if p.accuracies:
                step, acc = p.accuracies[-1]
                self._append(self.acc_series, self.acc_x, self.acc_y, step, percent(acc) or 0.0, percent_axis=True)
        elif kind == "checkpoint":
            if self._state is not None:
                self._save_state(self._state.with_status("running", step=p.checkpoint_step or 0,
                                                         total_steps=p.total_steps))
            self.log.appendPlainText(self.tr("checkpoint at step {0}").format(p.checkpoint_step))
        elif kind == "data":
            d = p.data
            self.log.appendPlainText(self.tr(
                "data: {0} documents ({1} held out), {2:,} Han characters").format(
                d.get("documents", "?"), d.get("held_out_documents", "?"), int(d.get("han_chars") or 0)))
        elif kind == "error":
            self.log.appendPlainText(self.tr("error: {0}").format(p.error))
        elif kind == "start" and p.resumed:
            self.log.appendPlainText(self.tr("resuming from the last checkpoint"))
        self._update_stats()

    def _stage_text(self, stage: str, message: str) -> str:
        names = {"read": self.tr("Reading your text"), "split": self.tr("Setting aside held-out documents"),
                 "lexicon": self.tr("Building your word layer"), "neural": self.tr("Adapting the neural model"),
                 "export": self.tr("Exporting the model"), "tune": self.tr("Tuning on held-out text"),
                 "evaluate": self.tr("Measuring before and after"), "write": self.tr("Writing the model folder")}
        name = names.get(stage, stage)
        return self.tr("{0}: {1}").format(name, message) if message else name

    def _append(self, series, x_axis, y_axis, x: float, y: float, *, percent_axis: bool = False) -> None:
        series.append(float(x), float(y))
        points = series.points()
        xs = [pt.x() for pt in points]
        ys = [pt.y() for pt in points]
        x_axis.setRange(min(xs), max(max(xs), min(xs) + 1))
        if percent_axis:
            y_axis.setRange(max(0.0, float(int(min(ys)) - 5)), min(100.0, float(int(max(ys)) + 5)))
            y_axis.applyNiceNumbers()
            y_axis.setLabelFormat("%.0f")
        else:
            lo, hi = min(ys), max(ys)
            pad = (hi - lo) * 0.1 or 0.1
            y_axis.setRange(max(0.0, lo - pad), hi + pad)

    def _on_log(self, line: str, _stderr: bool) -> None:
        self.log.appendPlainText(line)
        if self.wiz.plan.task == "sentiment" and not line.startswith(" "):
            self.stage_label.setText(line[:200])

    def _update_stats(self) -> None:
        p = self.progress
        self.step_label.setText(self.tr("Step {0:,} / {1:,}").format(p.step, p.total_steps) if p.total_steps else "")
        self.loss_label.setText(self.tr("Loss {0:.3f}").format(p.loss) if p.loss is not None else "")
        self.speed_label.setText(self.tr("{0:,.0f} tokens/s").format(p.tokens_per_s) if p.tokens_per_s else "")
        eta = format_duration(p.eta_s) if not self.outcome else ""
        self.eta_label.setText(self.tr("ETA {0}").format(eta) if eta else "")
        # the trainer's own clock when it reports one (it covers a resumed run's earlier part)
        elapsed = p.elapsed_s if p.elapsed_s is not None else (
            self._clock.elapsed() / 1000 if self._clock.isValid() else None)
        self.elapsed_label.setText(self.tr("Elapsed {0}").format(format_duration(elapsed)) if elapsed is not None else "")

    # -- the end ---------------------------------------------------------------------------
    def _on_failed_to_start(self, message: str) -> None:
        self._tick.stop()
        self.outcome = "failed"
        self._save_state(self._state.with_status("failed"))
        self._show_failure(self.tr("The trainer could not be started: {0}").format(message), resumable=False)

    def _on_finished(self, code: int, crashed: bool) -> None:
        self._tick.stop()
        self._update_stats()
        p = self.progress
        plan = self.wiz.plan
        self.pause_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        if plan.task == "sentiment":
            self._finish_sentiment(code, crashed)
            return
        if code == 0 and not crashed and p.result is not None:
            self.outcome = "finished"
            model_dir = str(p.result.get("model_dir") or Path(plan.out) / "model")
            plan.result = p.result
            plan.model_dir = model_dir
            self._save_state(self._state.with_status("finished", step=p.step, model_dir=model_dir))
            self.bar.setRange(0, 1)
            self.bar.setValue(1)
            self.stage_label.setText(self.tr("Finished."))
            self.message.setStyleSheet(GOOD_STYLE)
            self.message.setText(self.tr("Training finished. Next shows what changed."))
            self.pause_button.setVisible(False)
            self.completeChanged.emit()
            return
        tail = "\n".join(self.run.stderr_tail[-6:])
        refused = commands.usage_error(tail)
        if refused is not None:
            self.outcome = "failed"
            self._save_state(self._state.with_status("failed"))
            if refused[0] == "command":
                why = self.tr("This trainer has no 'adapt' command: it is older than this wizard. "
                              "Update the trainer.")
            else:
                why = self.tr("This trainer does not understand {0}: start over and clear those "
                              "advanced settings, or update the trainer.").format(refused[1])
            self._show_failure(why, resumable=False)
            return
        step = p.checkpoint_step
        where = (self.tr(" Resume continues from the checkpoint at step {0}.").format(step)
                 if step else self.tr(" Resume starts again from the beginning of the interrupted stage."))
        if p.cancelled or (code == CANCEL_EXIT_CODE and not crashed):
            self.outcome = "cancelled"
            self._save_state(self._state.with_status("cancelled", step=p.step))
            self._show_failure(self.tr("Cancelled at step {0}.").format(p.step) + where,
                               style=WARN_STYLE)
            return
        self.outcome = "failed"
        self._save_state(self._state.with_status("failed", step=p.step))
        if p.error:
            why = p.error
        elif crashed:
            why = self.tr("The training process stopped unexpectedly (it was killed or crashed).")
        else:
            why = self.tr("The trainer exited with code {0}.").format(code)
            if tail:
                why += "\n" + tail
        self._show_failure(why + where)

    def _finish_sentiment(self, code: int, crashed: bool) -> None:
        plan = self.wiz.plan
        model_dir = Path(plan.out) / "model"
        if code == 0 and not crashed and (model_dir / "manifest.json").is_file():
            self.outcome = "finished"
            plan.model_dir = str(model_dir)
            try:
                plan.result = json.loads((Path(plan.out) / "report.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                plan.result = {}
            self._save_state(self._state.with_status("finished", model_dir=str(model_dir)))
            self.bar.setRange(0, 1)
            self.bar.setValue(1)
            self.stage_label.setText(self.tr("Finished."))
            self.message.setStyleSheet(GOOD_STYLE)
            self.message.setText(self.tr("Training finished. Next shows the scores."))
            self.completeChanged.emit()
            return
        self.outcome = "failed"
        self._save_state(self._state.with_status("failed"))
        errors = [line for line in self.run.stderr_tail if line.lower().startswith("error")]
        if code == CANCEL_EXIT_CODE or self.run.cancelling:
            why = self.tr("Cancelled.")
        elif errors:
            why = self.tr("The data checks failed:") + "\n" + "\n".join(errors[-8:])
        elif crashed:
            why = self.tr("The training process stopped unexpectedly (it was killed or crashed).")
        else:
            why = self.tr("The trainer exited with code {0}.").format(code) + "\n" + "\n".join(self.run.stderr_tail[-6:])
        self._show_failure(why, resumable=False)

    def _show_failure(self, text: str, *, resumable: bool = True, style: str = ERROR_STYLE) -> None:
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.stage_label.setText(self.tr("Stopped."))
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.pause_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.resume_button.setVisible(resumable and self.wiz.plan.task == "domain")
        self.start_over_button.setVisible(True)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.outcome == "finished"


# -- 5 result ----------------------------------------------------------------------------------
class ResultPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.table = _table(4)
        top.addWidget(self.table, 1)
        self.chart = QChart()
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumSize(420, 240)
        top.addWidget(self.chart_view, 1)
        layout.addLayout(top, 1)
        self.summary = _label()
        layout.addWidget(self.summary)
        self.examples = QTabWidget()
        self.fixed = _table(4)
        self.broken = _table(4)
        self.examples.addTab(self.fixed, "")
        self.examples.addTab(self.broken, "")
        layout.addWidget(self.examples, 1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        plan = self.wiz.plan
        self.setTitle(self.tr("What changed"))
        result = plan.result or {}
        if plan.task == "sentiment":
            self._show_sentiment(result)
        else:
            self._show_domain(result)

    def _show_domain(self, result: dict) -> None:
        self.setSubTitle(self.tr("Measured on your held-out documents (never trained on) and on general text."))
        self.table.setHorizontalHeaderLabels([self.tr("Measure"), self.tr("Before"), self.tr("After"),
                                              self.tr("Change")])
        metrics = [("char", self.tr("characters right")), ("exact", self.tr("sentences exactly right")),
                   ("top5", self.tr("right in the top 5"))]
        sets = [("held_out", self.tr("Your text")), ("general", self.tr("General text"))]
        rows: list[tuple[str, float | None, float | None]] = []
        chart_sets: list[tuple[str, list[float | None], list[float | None]]] = []
        for key, where in sets:
            part = result.get(key) or {}
            before, after = part.get("before") or {}, part.get("after") or {}
            if not before and not after:
                continue
            chart_sets.append((where, [percent(before.get(m)) for m, _ in metrics],
                               [percent(after.get(m)) for m, _ in metrics]))
            for metric, words in metrics:
                rows.append((self.tr("{0}: {1}").format(where, words),
                             percent(before.get(metric)), percent(after.get(metric))))
        self.table.setRowCount(0)
        for name, before, after in rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            change = "" if before is None or after is None else f"{after - before:+.2f}"
            items = [_item(name), _item("" if before is None else f"{before:.2f} %", align_right=True),
                     _item("" if after is None else f"{after:.2f} %", align_right=True),
                     _item(change, align_right=True)]
            if before is not None and after is not None:
                items[3].setForeground(QColor("#1b7f3b" if after >= before else "#b00020"))
            for col, item in enumerate(items):
                self.table.setItem(row, col, item)
        self._bar_chart([self.tr("characters"), self.tr("sentences"), self.tr("top 5")], chart_sets)
        if result.get("general") is None:
            general = self.tr("No general check file was given, so only your text was measured.")
        else:
            general = ""
        lam = result.get("lambda")
        weight = self.tr("Weight of your word layer: {0:g}.").format(lam) if isinstance(lam, (int, float)) else ""
        self.summary.setText(" ".join(t for t in (weight, general) if t))
        examples = result.get("examples") or {}
        fixed, broken = examples.get("fixed") or [], examples.get("broken") or []
        self._fill_examples(self.fixed, fixed)
        self._fill_examples(self.broken, broken)
        self.examples.setTabText(0, self.tr("Now right ({0})").format(len(fixed)))
        self.examples.setTabText(1, self.tr("Now wrong ({0})").format(len(broken)))
        self.examples.setVisible(True)

    def _fill_examples(self, table: QTableWidget, rows: list[dict]) -> None:
        table.setHorizontalHeaderLabels([self.tr("Pinyin"), self.tr("Your text"), self.tr("Before"), self.tr("After")])
        table.setRowCount(0)
        for ex in rows:
            row = table.rowCount()
            table.insertRow(row)
            for col, key in enumerate(("pinyin", "reference", "before", "after")):
                table.setItem(row, col, _item(ex.get(key, "")))

    def _bar_chart(self, categories: list[str],
                   sets: list[tuple[str, list[float | None], list[float | None]]]) -> None:
        """One group of bars per measure; before/after of each evaluated text side by side."""
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(self.tr("Before and after (%)"))
        values = [v for _, b, a in sets for v in (*b, *a) if v is not None]
        if not values:
            return
        colours = (("#bdbdbd", "#2e7d32"), ("#b0bec5", "#1565c0"))
        series = QBarSeries()
        for (where, before, after), (c_before, c_after) in zip(sets, colours):
            for label, data, colour in ((self.tr("{0}, before").format(where), before, c_before),
                                        (self.tr("{0}, after").format(where), after, c_after)):
                bar = QBarSet(label)
                bar.setColor(QColor(colour))
                for v in data:
                    bar.append(v if v is not None else 0.0)
                series.append(bar)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(categories)
        axis_y = QValueAxis()
        axis_y.setRange(max(0.0, (int(min(values)) // 10) * 10.0 - 10), 100.0)
        axis_y.setLabelFormat("%d")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)

    def _show_sentiment(self, report: dict) -> None:
        self.setSubTitle(self.tr("Scores of the new sentiment model on the data it did not train on."))
        self.table.setHorizontalHeaderLabels([self.tr("Set"), self.tr("Accuracy"), self.tr("Macro-F1"), ""])
        self.table.setRowCount(0)
        metrics = report.get("onnx_metrics") or report.get("torch_metrics") or {}
        rows = []
        for name, m in metrics.items():
            if not isinstance(m, dict):
                continue
            acc, f1 = percent(m.get("accuracy")), percent(m.get("macro_f1"))
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, _item(name))
            self.table.setItem(row, 1, _item("" if acc is None else f"{acc:.2f} %", align_right=True))
            self.table.setItem(row, 2, _item("" if f1 is None else f"{f1:.2f} %", align_right=True))
            rows.append(name)
        self.chart.removeAllSeries()
        self.chart_view.setVisible(False)
        self.examples.setVisible(False)
        self.summary.setText("" if rows else self.tr("The trainer wrote no scores (report.json)."))


# -- 6 use it ----------------------------------------------------------------------------------
class UsePage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFinalPage(True)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("model_name")
        self.name_label = QLabel()
        form.addRow(self.name_label, self.name)
        layout.addLayout(form)
        self.use_button = QPushButton()
        self.use_button.setObjectName("use_model")
        self.use_button.clicked.connect(self.use_model)
        use_row = QHBoxLayout()
        use_row.addWidget(self.use_button)
        use_row.addStretch(1)
        layout.addLayout(use_row)
        self.status = _label()
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.manager_button = QPushButton()
        self.manager_button.clicked.connect(lambda: self.wiz.open_model_manager())
        row = QHBoxLayout()
        row.addWidget(self.manager_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.installed: Path | None = None

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        plan = self.wiz.plan
        sentiment = plan.task == "sentiment"
        self.setTitle(self.tr("Use it"))
        self.name_label.setText(self.tr("Model name"))
        self.manager_button.setText(self.tr("Manage models…"))
        if sentiment:
            self.setSubTitle(self.tr("Keep the sentiment model with your models; `yinzi analyze --model "
                                     "NAME_OR_FOLDER` uses it."))
            self.use_button.setText(self.tr("Keep this model"))
        else:
            self.setSubTitle(self.tr("Yinzi keeps the model you type with now, so you can switch back "
                                     "at any time in the model manager."))
            self.use_button.setText(self.tr("Use this model for typing"))
        if not self.name.text():
            self.name.setText(self.wiz.suggest_model_name())
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Trained model: {0}").format(plan.model_dir))

    def use_model(self) -> None:
        from desktop.wizard.model_store import ModelStoreError

        plan = self.wiz.plan
        store = self.wiz.store
        name = self.name.text().strip()
        try:
            if self.installed is None:
                self.installed = store.install(plan.model_dir, name)
                self.name.setReadOnly(True)
            if plan.task == "sentiment":
                text = self.tr("Kept as '{0}' in {1}.").format(name, self.installed)
            else:
                store.activate(name)
                text = (self.tr("Yinzi now types with '{0}'.").format(name) if store.live else
                        self.tr("'{0}' is now your typing model; Yinzi uses it the next time it starts.").format(name))
                previous = store.previous_name()
                if previous:
                    text += self.tr(" The previous model ({0}) is kept.").format(previous)
        except ModelStoreError as exc:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(self.wiz.store_error_text(exc))
            return
        self.status.setStyleSheet(GOOD_STYLE)
        self.status.setText(text)
        self.use_button.setEnabled(False)
        self.wiz.modelActivated.emit(name)
