"""The pages after training: what changed (before/after, examples) and using the model."""
from __future__ import annotations

from pathlib import Path

from desktop.qt import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QColor,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPainter,
    QPushButton,
    Qt,
    QTableWidget,
    QTabWidget,
    QValueAxis,
    QVBoxLayout,
    QWidget,
)
from desktop.wizard.events import percent
from desktop.wizard.page_base import (
    ERROR_STYLE,
    GOOD_STYLE,
    WizardPage,
    plain_table,
    table_item,
    text_label,
)


class ResultPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.table = plain_table(4)
        top.addWidget(self.table, 1)
        self.chart = QChart()
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumSize(420, 240)
        top.addWidget(self.chart_view, 1)
        layout.addLayout(top, 1)
        self.summary = text_label()
        layout.addWidget(self.summary)
        self.examples = QTabWidget()
        self.fixed = plain_table(4)
        self.broken = plain_table(4)
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
            items = [table_item(name), table_item("" if before is None else f"{before:.2f} %", align_right=True),
                     table_item("" if after is None else f"{after:.2f} %", align_right=True),
                     table_item(change, align_right=True)]
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
                table.setItem(row, col, table_item(ex.get(key, "")))

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
            self.table.setItem(row, 0, table_item(name))
            self.table.setItem(row, 1, table_item("" if acc is None else f"{acc:.2f} %", align_right=True))
            self.table.setItem(row, 2, table_item("" if f1 is None else f"{f1:.2f} %", align_right=True))
            rows.append(name)
        self.chart.removeAllSeries()
        self.chart_view.setVisible(False)
        self.examples.setVisible(False)
        self.summary.setText("" if rows else self.tr("The trainer wrote no scores (report.json)."))


# -- 6 use it ----------------------------------------------------------------------------------
class UsePage(WizardPage):
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
        self.status = text_label()
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
        except OSError as exc:     # the settings could not be written
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(str(exc))
            return
        self.status.setStyleSheet(GOOD_STYLE)
        self.status.setText(text)
        self.use_button.setEnabled(False)
        self.wiz.modelActivated.emit(name)

