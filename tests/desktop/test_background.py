"""The background helpers deliver on the GUI thread, keep order, and drop stale results."""
from __future__ import annotations

import threading
import time

import pytest

from desktop.background import BackgroundRunner, LatestWins, SerialWorker, run_in_background
from desktop.qt import QThread

pytestmark = pytest.mark.gui


def test_run_in_background_delivers_result_on_gui_thread(qtbot):
    got: list[tuple[int, bool]] = []
    worker_threads: list[int] = []

    def work() -> int:
        worker_threads.append(threading.get_ident())
        return 42

    def done(value: int) -> None:
        got.append((value, QThread.currentThread() is qtbot_app_thread()))

    def qtbot_app_thread():
        from desktop.qt import QApplication

        return QApplication.instance().thread()

    run_in_background(work, on_success=done)
    qtbot.waitUntil(lambda: bool(got), timeout=3000)
    assert got == [(42, True)]
    assert worker_threads[0] != threading.get_ident()


def test_failure_goes_to_on_failure(qtbot):
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("bad input")

    runner = BackgroundRunner()
    runner.run(boom, on_success=lambda _: pytest.fail("must not succeed"), on_failure=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert isinstance(errors[0], ValueError) and "bad input" in str(errors[0])


def test_serial_worker_keeps_order_and_never_overlaps(qtbot):
    worker = SerialWorker()
    results: list[int] = []
    running = {"now": 0, "max": 0}

    def make(i: int):
        def job() -> int:
            running["now"] += 1
            running["max"] = max(running["max"], running["now"])
            time.sleep(0.005)
            running["now"] -= 1
            return i

        return job

    for i in range(8):
        worker.run(make(i), on_success=results.append)
    qtbot.waitUntil(lambda: len(results) == 8, timeout=5000)
    assert results == list(range(8))
    assert running["max"] == 1
    assert worker.wait(1000)


def test_latest_wins_drops_stale_results_and_skips_intermediate_requests(qtbot):
    latest = LatestWins()
    gate = threading.Event()
    started: list[int] = []
    delivered: list[int] = []

    def make(i: int):
        def job() -> int:
            started.append(i)
            if i == 0:
                gate.wait(3)
            return i

        return job

    latest.submit(make(0), on_success=delivered.append)
    qtbot.waitUntil(lambda: started == [0], timeout=3000)
    for i in (1, 2, 3):  # arrive while 0 runs: only 3 may run afterwards
        latest.submit(make(i), on_success=delivered.append)
    gate.set()
    qtbot.waitUntil(lambda: delivered == [3], timeout=3000)
    assert started == [0, 3]
    assert latest.wait(1000)


def test_latest_wins_cancel_drops_running_result(qtbot):
    latest = LatestWins()
    delivered: list[int] = []
    latest.submit(lambda: time.sleep(0.05) or 1, on_success=delivered.append)
    latest.cancel()
    assert latest.wait(2000)
    qtbot.wait(50)
    assert delivered == []


def test_void_qt_calls_never_exhaust_none():
    """desktop.qt guards against PySide builds that drop a reference to None per void call."""
    import sys

    import desktop.qt as qt

    obj = qt.QObject()
    for _ in range(200_000):   # enough to kill an unguarded Python 3.11 with PySide6 6.12.0
        obj.setObjectName("x")
    assert sys.getrefcount(None) > 1000
