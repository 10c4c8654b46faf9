"""The fine-tune wizard window: six pages over one `Plan`, training in a child process.

Opened from the app's Tools menu (it then switches the app's model live) or on its own with
`yinzi wizard` (the choice is saved for the app's next start). Closing during training asks,
then cancels the child, which leaves a checkpoint; reopening offers to resume that run.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.qt import QCloseEvent, QCoreApplication, QMessageBox, Qt, QtWidgets, QWidget, Signal
from desktop.wizard import commands
from desktop.wizard.model_store import ModelStore, ModelStoreError
from desktop.wizard.pages import (
    PAGE_DATA,
    PAGE_HARDWARE,
    PAGE_RESULT,
    PAGE_TASK,
    PAGE_TRAIN,
    PAGE_USE,
    DataPage,
    HardwarePage,
    ResultPage,
    TaskPage,
    TrainPage,
    UsePage,
)
from desktop.wizard.run_state import RunState, load_state, new_run_dir

QWizard = QtWidgets.QWizard
_FIND = object()   # "look for the trainer" (None means: there is none)


@dataclass
class Plan:
    """What the pages chose, and what the run produced."""

    task: str = "domain"                  # "domain" | "sentiment"
    files: list[str] = field(default_factory=list)
    report: dict[str, Any] | None = None  # inspect-corpus
    devices: dict[str, Any] | None = None
    throughput: dict[str, Any] | None = None   # devices --measure: segmentation and training speed
    gpus: tuple[int, ...] = ()
    preset: str = "quick"
    held_out: float | None = None
    general: str | None = None
    lr: float | None = None
    max_steps: int | None = None
    batch_size: int | None = None
    out: str = ""
    resume: bool = False
    result: dict[str, Any] | None = None
    model_dir: str = ""


class FineTuneWizard(QWizard):
    modelActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, store: ModelStore | None = None,
                 trainer: Any = _FIND, open_manager: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.trainer = commands.find_trainer() if trainer is _FIND else trainer
        self.store = store or ModelStore()
        self.plan = Plan()
        self._open_manager = open_manager
        self._manager = None
        # Hooks so tests can answer questions without modal dialogs.
        self.ask_close: Callable[[], bool] = self._ask_close_dialog
        self.ask_resume: Callable[[RunState], bool] = self._ask_resume_dialog
        self.task_page, self.data_page, self.hardware_page = TaskPage(), DataPage(), HardwarePage()
        self.train_page, self.result_page, self.use_page = TrainPage(), ResultPage(), UsePage()
        for page_id, page in ((PAGE_TASK, self.task_page), (PAGE_DATA, self.data_page),
                              (PAGE_HARDWARE, self.hardware_page), (PAGE_TRAIN, self.train_page),
                              (PAGE_RESULT, self.result_page), (PAGE_USE, self.use_page)):
            self.setPage(page_id, page)
        self.setStartId(PAGE_TASK)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setWindowTitle(self.tr("Train on my text — Yinzi 音字"))
        self.resize(900, 680)

    # -- commands --------------------------------------------------------------------------
    def build_command(self, *, resume: bool) -> commands.Command:
        plan = self.plan
        if self.trainer is None:
            raise ValueError(commands.INSTALL_HINT)
        if not plan.out:
            plan.out = str(new_run_dir())
        if plan.task == "sentiment":
            return commands.sentiment_command(self.trainer, train=plan.files, out=plan.out,
                                              device="cuda" if plan.gpus else "cpu")
        options = commands.AdaptOptions(
            corpus=tuple(plan.files), out=plan.out, preset=plan.preset, gpus=tuple(plan.gpus),
            held_out=plan.held_out, general=plan.general, lr=plan.lr, max_steps=plan.max_steps,
            batch_size=plan.batch_size, resume=resume)
        return commands.adapt_command(self.trainer, options)

    # -- resuming --------------------------------------------------------------------------
    def offer_resume(self) -> bool:
        """At open: offer to continue the last run if it stopped before the end."""
        state = load_state()
        if state is None or not state.resumable or self.trainer is None:
            return False
        if not self.ask_resume(state):
            return False
        self.resume_run(state)
        return True

    def resume_run(self, state: RunState) -> None:
        self.plan = Plan(task=state.task, files=list(state.files), gpus=tuple(state.gpus),
                         preset=state.preset, held_out=state.held_out, general=state.general,
                         lr=state.lr, max_steps=state.max_steps, batch_size=state.batch_size,
                         out=state.out, resume=True)
        self.setStartId(PAGE_TRAIN)
        self.restart()

    def start_over(self) -> None:
        """After a failed or stopped run: back to the first page with the same choices; the
        next run gets a fresh output folder (the stopped one can still be resumed from its
        state until another run starts)."""
        self.plan.out = ""
        self.plan.resume = False
        self.plan.result = None
        self.train_page.outcome = ""
        self.setStartId(PAGE_TASK)
        self.restart()

    def _ask_resume_dialog(self, state: RunState) -> bool:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(state.updated))
        answer = QMessageBox.question(
            self, self.tr("Unfinished training"),
            self.tr("A training run stopped before the end ({0}, step {1}, {2}).\n\n"
                    "Resume it from its last checkpoint?").format(when, state.step, Path(state.out).name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # -- models ----------------------------------------------------------------------------
    def suggest_model_name(self) -> str:
        base = ("my-sentiment" if self.plan.task == "sentiment" else "my-domain") + time.strftime("-%Y%m%d")
        taken = {m.name for m in self.store.models()}
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}-{n}"
        return name

    def open_model_manager(self):
        if self._open_manager is not None:
            return self._open_manager()
        from desktop.model_manager import ModelManagerWindow

        if self._manager is None:
            self._manager = ModelManagerWindow(self.store, self)
            self._manager.setWindowFlag(Qt.WindowType.Window)
        self._manager.refresh()
        self._manager.show()
        self._manager.raise_()
        return self._manager

    def store_error_text(self, exc: ModelStoreError) -> str:
        return store_error_text(self, exc)

    # -- closing ---------------------------------------------------------------------------
    def may_close(self) -> bool:
        """Ask before stopping a run; stopping leaves a checkpoint to resume from."""
        if self.train_page.running:
            if not self.ask_close():
                return False
            self.train_page.stop_for_close()
        self.data_page.query.stop()
        self.hardware_page.query.stop()
        self.hardware_page.measure_query.stop()
        return True

    def _ask_close_dialog(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Training is running"),
            self.tr("Stop the training and close? It keeps a checkpoint; the next time you open "
                    "the wizard it offers to resume."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.may_close():
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        if self.may_close():
            super().reject()


def store_error_text(_widget: QWidget | None, exc: ModelStoreError) -> str:
    """The model store's error codes in the UI language."""
    texts = {
        "bad_name": QCoreApplication.translate("ModelStore", "'{0}' cannot be a model name: avoid / \\ : * ? \" < > | and a leading dot (at most 64 characters)."),
        "exists": QCoreApplication.translate("ModelStore", "A model called '{0}' exists already: choose another name."),
        "missing": QCoreApplication.translate("ModelStore", "There is no model called '{0}'."),
        "not_for_typing": QCoreApplication.translate("ModelStore", "'{0}' is not a pinyin model: it cannot be used for typing."),
        "shipped": QCoreApplication.translate("ModelStore", "'{0}' comes with Yinzi and cannot be renamed or deleted."),
        "no_previous": QCoreApplication.translate("ModelStore", "There is no previous model to switch back to."),
        "not_a_model": QCoreApplication.translate("ModelStore", "{0} is not a model folder (no readable manifest.json)."),
        "copy_failed": QCoreApplication.translate("ModelStore", "Copying the model failed: {0}"),
    }
    return texts.get(exc.code, "{0}").format(exc.detail or exc.code)
