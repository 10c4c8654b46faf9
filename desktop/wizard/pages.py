"""The wizard's pages: task, data, hardware and preset, training, result, use it.

Each page reads and writes the wizard's `Plan` (plain data) and talks to the trainer only
through `commands` and the child processes of `process`.
"""
from __future__ import annotations

from desktop.wizard.page_base import (
    PAGE_DATA,
    PAGE_HARDWARE,
    PAGE_RESULT,
    PAGE_TASK,
    PAGE_TRAIN,
    PAGE_USE,
)
from desktop.wizard.result_pages import ResultPage, UsePage
from desktop.wizard.setup_pages import DataPage, HardwarePage, TaskPage
from desktop.wizard.train_page import TrainPage

__all__ = ["PAGE_DATA", "PAGE_HARDWARE", "PAGE_RESULT", "PAGE_TASK", "PAGE_TRAIN", "PAGE_USE",
           "DataPage", "HardwarePage", "ResultPage", "TaskPage", "TrainPage", "UsePage"]
