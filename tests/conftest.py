"""Shared test fixtures: offscreen Qt, a private YINZI_HOME per test, and a thread-leak check."""
from __future__ import annotations

import os
import sys
import threading
import time

import pytest

# Must be set before any QApplication exists; without a display Qt would abort the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Model sessions on 2 cores: keep ONNX Runtime / OpenMP from spinning while tests run.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


@pytest.fixture(autouse=True)
def yinzi_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test gets its own empty data/config/cache folders (never the real user's)."""
    home = tmp_path_factory.mktemp("yinzi_home")
    monkeypatch.setenv("YINZI_HOME", str(home))
    return home


def _python_threads() -> set[threading.Thread]:
    # Qt pool threads that ran Python code show up as _DummyThread and never leave the list;
    # the Qt pool is checked separately below.
    return {
        t
        for t in threading.enumerate()
        if t is not threading.main_thread() and not isinstance(t, threading._DummyThread)
    }


def _qt_pool_active() -> int:
    if "PySide6.QtCore" not in sys.modules:  # never import Qt into a core-only test run
        return 0
    from PySide6.QtCore import QThreadPool

    return QThreadPool.globalInstance().activeThreadCount()


@pytest.fixture(autouse=True)
def fail_on_thread_leak():
    """Fail a test that leaves a Python thread or a busy Qt pool worker behind it."""
    before = _python_threads()
    yield
    deadline = time.monotonic() + 2.0  # a short grace period for threads that are finishing
    while True:
        leaked = [t for t in _python_threads() - before if t.is_alive()]
        busy = _qt_pool_active()
        if not leaked and not busy:
            return
        if time.monotonic() > deadline:
            break
        time.sleep(0.02)
    names = ", ".join(t.name for t in leaked)
    pytest.fail(f"test leaked threads: python=[{names}] busy Qt pool workers={busy}")
