"""The pages before training: the task, the data (inspect-corpus), the hardware and preset (devices)."""
from __future__ import annotations

from pathlib import Path

from desktop.qt import (
    QAbstractItemView,
    QCheckBox,
    QColor,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.wizard import commands
from desktop.wizard.page_base import (
    CORPUS_SUFFIXES,
    ERROR_STYLE,
    GOOD_STYLE,
    LABELLED_SUFFIXES,
    WARN_STYLE,
    QButtonGroup,
    QDoubleSpinBox,
    QWizard,
    WizardPage,
    plain_table,
    table_item,
    text_label,
)
from desktop.wizard.process import JsonQuery


def without_path(message: str, path: str) -> str:
    """The trainer's messages often begin with the file's path; the table shows it already."""
    if path and message.startswith(path):
        return message[len(path):].lstrip(": ").strip() or message
    return message


def problem_text(problem: dict) -> str:
    """`file:line: message` (or `file: message`), the path said once."""
    path = str(problem.get("path") or "")
    line = problem.get("line")
    where = f"{path}:{line}" if line else path
    message = without_path(str(problem.get("message") or ""), path)
    return f"{where}: {message}" if where else message


# -- 1 task ------------------------------------------------------------------------------------
class TaskPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What should Yinzi learn?"))
        self.setSubTitle(self.tr("Training runs on this computer; your text never leaves it."))
        layout = QVBoxLayout(self)
        self.domain = QRadioButton(self.tr("Type better in my domain"))
        self.domain.setObjectName("task_domain")
        self.domain.setChecked(True)
        layout.addWidget(self.domain)
        layout.addWidget(text_label(self.tr(
            "Give Yinzi your own writing (documentation, notes, a novel…). It learns your words "
            "and phrases and adapts its pinyin-to-hanzi model, then shows how much better it types "
            "text like yours.")))
        layout.addSpacing(12)
        self.sentiment = QRadioButton(self.tr("Sentiment on my labelled data"))
        self.sentiment.setObjectName("task_sentiment")
        layout.addWidget(self.sentiment)
        layout.addWidget(text_label(self.tr(
            "Give Yinzi a table of texts with a label column (0/1, neg/pos, or with a neutral "
            "class). It trains a sentiment model for the analysis panel and `yinzi analyze`.")))
        layout.addStretch(1)
        self.trainer_label = text_label()
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
class DataPage(WizardPage):
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
        self.table = plain_table(self.FILE_COLUMNS)
        self.status = text_label()
        self.warning = text_label()
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
            self.table.setItem(row, 0, table_item(path))
            p = Path(path)
            if p.is_file():
                size = p.stat().st_size
                self.table.setItem(row, 1, table_item(self.tr("{0:,} KB").format(max(1, size // 1024)), align_right=True))
            else:
                missing.append(path)
                self.table.setItem(row, 1, table_item(self.tr("not a file")))
        if missing:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(self.tr("Not a readable file: {0}").format(", ".join(missing)))
        else:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("{0} file(s); their rows are checked when training starts.")
                                .format(len(self.wiz.plan.files)))

    # -- the inspect-corpus report ---------------------------------------------------------
    def _on_report(self, report: dict) -> None:
        try:
            self._show_report(report)
        except (TypeError, ValueError, AttributeError) as exc:   # a trainer off the contract
            self._on_report_failed("json", str(exc))

    def _show_report(self, report: dict) -> None:
        plan = self.wiz.plan
        plan.report = report
        files = report.get("files") or []
        self.table.setRowCount(0)
        for f in files:
            row = self.table.rowCount()
            self.table.insertRow(row)
            share = f.get("non_chinese_share")
            values = [
                table_item(f.get("path", "")),
                table_item(f"{int(f.get('lines') or 0):,}", align_right=True),
                table_item(f"{int(f.get('han_chars') or 0):,}", align_right=True),
                table_item(f"{int(f.get('duplicates') or 0):,}", align_right=True),
                table_item(f"{float(share) * 100:.0f} %" if isinstance(share, (int, float)) else "", align_right=True),
                table_item(f.get("encoding") or ""),
                table_item(self.tr("converted") if f.get("traditional_converted") else ""),
                table_item(without_path(f.get("error") or "", f.get("path", ""))),
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
            self.problems.addItem(problem_text(p))
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
class HardwarePage(WizardPage):
    PRESET_NAMES = ("quick", "standard", "thorough", "tiny")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCommitPage(True)
        self.query = JsonQuery(self)
        self.query.answered.connect(self._on_devices)
        self.query.failed.connect(self._on_devices_failed)
        # A few seconds of measured throughput, asked for once the devices are listed, so the
        # page is usable at once and the estimates sharpen when the measurement arrives.
        self.measure_query = JsonQuery(self)
        self.measure_query.answered.connect(self._on_measured)
        self.measure_query.failed.connect(lambda _code, _detail: self._set_measure_text(None))
        self._throughput: dict | None = None
        layout = QVBoxLayout(self)
        self.devices_box = QGroupBox()
        self.devices_layout = QVBoxLayout(self.devices_box)
        self.devices_status = text_label()
        self.devices_layout.addWidget(self.devices_status)
        self.measure_status = text_label()
        self.measure_status.setObjectName("measure_status")
        self.cpu_check = QCheckBox()
        self.cpu_check.setObjectName("device_cpu")
        self.cpu_check.setChecked(True)
        self.cpu_check.toggled.connect(self._on_cpu_toggled)
        self.devices_layout.addWidget(self.cpu_check)
        self.gpu_checks: dict[int, QCheckBox] = {}
        layout.addWidget(self.devices_box)
        layout.addWidget(self.measure_status)

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
        self.error = text_label(style=ERROR_STYLE)
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
        try:
            self._show_devices(devices)
        except (TypeError, ValueError, AttributeError) as exc:   # a trainer off the contract
            self._on_devices_failed("json", str(exc))

    def _on_measured(self, info: dict) -> None:
        throughput = info.get("throughput") if isinstance(info, dict) else None
        self._throughput = throughput if isinstance(throughput, dict) else None
        self.wiz.plan.throughput = self._throughput
        self._set_measure_text(self._throughput)
        self._update_estimates()

    def _set_measure_text(self, throughput: dict | None) -> None:
        if not throughput:
            self.measure_status.setText(self.tr("Estimates are typical figures (speed not measured)."))
            return
        rates = throughput.get("training_tokens_per_s") or {}
        parts = [self.tr("{0}: {1:,.0f} tokens/s").format(d, r) for d, r in rates.items()
                 if isinstance(r, (int, float))]
        self.measure_status.setText(self.tr("Measured here: {0:,.0f} characters/s segmented; training {1}.")
                                    .format(float(throughput.get("segmentation_chars_per_s") or 0),
                                            ", ".join(parts) or self.tr("not measured")))

    def _show_devices(self, devices: dict) -> None:
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
            text = self.tr(
                "No GPU: this PyTorch ({0}) is built without CUDA. Training runs on the CPU.").format(
                torch.get("version", "?"))
            # a CPU build on a machine with an NVIDIA GPU: say what to install to use it
            hint = commands.cuda_build_hint(self.wiz.trainer, devices) if self.wiz.trainer else None
            self.devices_status.setText(text + ("\n" + hint if hint else ""))
        else:
            self.devices_status.setText(self.tr("No CUDA GPU found. Training runs on the CPU."))
        if self._throughput is None and not self.measure_query.busy and self.wiz.trainer is not None:
            self.measure_status.setText(self.tr("Measuring this machine's speed for the estimates…"))
            self.measure_query.run(commands.devices_command(self.wiz.trainer, measure_seconds=2))

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
            minutes = commands.estimate_minutes(name, han, gpu=gpu, throughput=self._throughput)
            when = (self.tr("under a minute") if minutes < 1
                    else self.tr("about {0:.0f} min").format(minutes))
            text = self.tr("{0} — {1} (estimate)").format(words[name], when)
            devices = ([f"cuda:{i}" for i in self.selected_gpus()] or ["cpu"])
            # The time box bounds the tokens; a preset's step cap may stop it sooner ("up to").
            tokens = commands.tokens_in_time_box(name, devices, self._throughput)
            if tokens and name != "tiny":
                text += self.tr(", up to {0:.1f} M training tokens").format(tokens / 1e6)
            button.setText(text)
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
        except OSError as exc:     # the run folder's parent cannot be made (disk, permissions)
            self.error.setText(self.tr("Could not prepare the run's folder: {0}").format(exc))
            return False
        self.error.clear()
        return True

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override
        self.query.stop()
        self.measure_query.stop()
