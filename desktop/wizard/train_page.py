"""The Train page: the trainer as a child process, live charts, log, pause, cancel, resume."""
from __future__ import annotations

import json
from pathlib import Path

from desktop.qt import (
    QChart,
    QChartView,
    QCoreApplication,
    QElapsedTimer,
    QEventLoop,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineSeries,
    QMargins,
    QPainter,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    Qt,
    QTimer,
    QValueAxis,
    QVBoxLayout,
    QWidget,
)
from desktop.wizard import commands
from desktop.wizard.events import RunProgress, format_duration, percent
from desktop.wizard.page_base import (
    ERROR_STYLE,
    GOOD_STYLE,
    WARN_STYLE,
    WizardPage,
    text_label,
)
from desktop.wizard.process import CAN_PAUSE, CANCEL_EXIT_CODE, TrainerProcess
from desktop.wizard.run_state import RunState, save_state


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


class TrainPage(WizardPage):
    FORCE_STOP_AFTER_MS = 30_000
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
        self.stage_label = text_label()
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
        self.message = text_label()
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
        previous = self.progress
        self.progress = RunProgress()
        self.outcome = ""
        self.loss_series.clear()
        self.acc_series.clear()
        if not resume:
            self.log.clear()
        elif previous.checkpoint_step:
            # The curves up to the checkpoint stay; the resumed run draws on from there.
            kept = previous.checkpoint_step
            self.progress.losses = [pt for pt in previous.losses if pt[0] <= kept]
            self.progress.accuracies = [pt for pt in previous.accuracies if pt[0] <= kept]
            for step, loss in self.progress.losses:
                self._append(self.loss_series, self.loss_x, self.loss_y, step, loss)
            for step, acc in self.progress.accuracies:
                self._append(self.acc_series, self.acc_x, self.acc_y, step, percent(acc) or 0.0,
                             percent_axis=True)
        self.log.appendPlainText("$ " + command.describe())
        self.message.clear()
        self.message.setStyleSheet("")
        sentiment = plan.task == "sentiment"
        self.bar.setRange(0, 0)   # busy until the first measurable progress
        self.stage_label.setText(self.tr("Starting the trainer…"))
        self.pause_button.setEnabled(CAN_PAUSE)
        self.pause_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel"))
        self.resume_button.setVisible(False)
        self.start_over_button.setVisible(False)
        for w in (self.loss_chart, self.acc_chart):
            w.setVisible(True)
        self._set_charts_visible(not sentiment)
        self._state = RunState(
            task=plan.task, out=plan.out, files=tuple(plan.files), preset=plan.preset,
            gpus=tuple(plan.gpus), held_out=plan.held_out, general=plan.general, lr=plan.lr,
            max_steps=plan.max_steps, batch_size=plan.batch_size, status="running")
        try:
            Path(plan.out).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._show_failure(self.tr("Could not create the run's folder {0}: {1}").format(
                plan.out, exc.strerror or exc), resumable=False)
            return
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
        """Cancel keeps a checkpoint; a trainer that does not stop within FORCE_STOP_AFTER_MS
        turns the button into "Stop now" (SIGKILL; the last periodic checkpoint remains)."""
        if not self.running:
            return
        if self.run.cancelling:
            self.run.kill()
            return
        self.stage_label.setText(self.tr("Stopping at a checkpoint…"))
        self.cancel_button.setEnabled(False)
        self.pause_button.setEnabled(False)
        self.run.cancel()
        QTimer.singleShot(self.FORCE_STOP_AFTER_MS, self._offer_force_stop)

    def _offer_force_stop(self) -> None:
        if self.running and self.run.cancelling:
            self.cancel_button.setText(self.tr("Stop now"))
            self.cancel_button.setEnabled(True)

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
        try:
            self._show_event(event)
        except (TypeError, ValueError, AttributeError) as exc:   # a trainer off the contract
            self.log.appendPlainText(self.tr("unreadable event {0}: {1}").format(event.kind, exc))

    def _show_event(self, event) -> None:
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
        # a user's Cancel, also when "Stop now" had to kill a trainer that did not stop
        if p.cancelled or (code == CANCEL_EXIT_CODE and not crashed) or self.run.cancelling:
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
        tail = self.run.stderr_tail
        first = next((i for i, line in enumerate(tail) if line.lower().startswith("error")), None)
        if code == CANCEL_EXIT_CODE or self.run.cancelling:
            why = self.tr("Cancelled.")
        elif first is not None:
            # the error line and the details under it (rejected rows with their line numbers)
            why = self.tr("The data checks failed:") + "\n" + "\n".join(tail[first:first + 16])
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
