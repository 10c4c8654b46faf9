"""Run slow calls off the UI thread; callbacks come back on the main thread.

Three shapes, after Anki's `aqt.operations`/`taskman` and napari's status checker:

* `run_in_background(fn, on_success=..., on_failure=...)`: one-off work on the global pool.
* `SerialWorker`: state-changing calls (user lexicon writes, saves) run one at a time, in order.
* `LatestWins`: typing-driven work; at most one call runs, and of the calls submitted
  meanwhile only the newest is kept (no queue of stale requests). A result is delivered only
  if no newer request was submitted after it, so the UI never shows stale data.

Callbacks run on the thread of the object that created the helper (the GUI thread), via a
queued signal. An exception without an `on_failure` is logged, never swallowed.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.qt import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

SuccessCallback = Callable[[Any], None]
FailureCallback = Callable[[BaseException], None]


@dataclass
class _Request:
    fn: Callable[[], Any]
    on_success: SuccessCallback | None
    on_failure: FailureCallback | None
    ticket: int = 0


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits `finished`, Qt queues it to this thread."""

    finished = Signal(object, bool, object)  # request, ok, result-or-exception

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.finished.connect(self._on_finished)
        self.handler: Callable[[_Request, bool, Any], None] | None = None

    def _on_finished(self, request: _Request, ok: bool, value: Any) -> None:
        if self.handler is not None:
            self.handler(request, ok, value)


class _Job(QRunnable):
    def __init__(self, request: _Request, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._request = request
        self._relay = relay

    def run(self) -> None:  # worker thread
        try:
            value = self._request.fn()
        except BaseException as exc:  # noqa: BLE001 - delivered to on_failure on the GUI thread
            self._relay.finished.emit(self._request, False, exc)
        else:
            self._relay.finished.emit(self._request, True, value)


def _deliver(request: _Request, ok: bool, value: Any) -> None:
    if ok:
        if request.on_success is not None:
            request.on_success(value)
    elif request.on_failure is not None:
        request.on_failure(value)
    else:
        log.error("background call %r failed", request.fn, exc_info=value)


class BackgroundRunner(QObject):
    """Runs callables on a thread pool; results come back to the creating (GUI) thread.

    `max_threads=1` gives a serial worker: calls run one after another in submit order.
    """

    def __init__(self, parent: QObject | None = None, *, max_threads: int | None = None) -> None:
        super().__init__(parent)
        if max_threads is None:
            self._pool = QThreadPool.globalInstance()
            self._own_pool = False
        else:
            self._pool = QThreadPool(self)
            self._pool.setMaxThreadCount(max_threads)
            self._own_pool = True
        self._relay = _Relay(self)
        self._relay.handler = self._on_finished
        self._pending = 0

    @property
    def pool(self) -> QThreadPool:
        return self._pool

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(
        self,
        fn: Callable[[], Any],
        *,
        on_success: SuccessCallback | None = None,
        on_failure: FailureCallback | None = None,
    ) -> None:
        self._pending += 1
        self._pool.start(_Job(_Request(fn, on_success, on_failure), self._relay))

    def _on_finished(self, request: _Request, ok: bool, value: Any) -> None:
        self._pending -= 1
        _deliver(request, ok, value)

    def wait(self, msecs: int = 5000) -> bool:
        """Block until every submitted call has finished running (callbacks not yet run)."""
        return self._pool.waitForDone(msecs) if self._own_pool else _wait_pool(self._pool, msecs)

    def shutdown(self, msecs: int = 5000) -> bool:
        """Drop undelivered callbacks and wait for running calls (used on window close)."""
        self._relay.handler = None
        if self._own_pool:
            self._pool.clear()
        return self.wait(msecs)


def _wait_pool(pool: QThreadPool, msecs: int) -> bool:
    # Waiting on the global pool waits for everybody's work; good enough at shutdown and in tests.
    return pool.waitForDone(msecs)


class SerialWorker(BackgroundRunner):
    """One worker thread: state-changing calls run in order, never concurrently."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent, max_threads=1)


class LatestWins(BackgroundRunner):
    """Typing-driven work: one call in flight, only the newest waiting one is kept.

    `submit()` returns a ticket; results of any request older than the newest submitted are
    dropped (neither callback runs), so a slow stale answer never overwrites a fresh one.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent, max_threads=1)
        self._ticket = 0
        self._running = False
        self._waiting: _Request | None = None

    def submit(
        self,
        fn: Callable[[], Any],
        *,
        on_success: SuccessCallback | None = None,
        on_failure: FailureCallback | None = None,
    ) -> int:
        self._ticket += 1
        request = _Request(fn, on_success, on_failure, self._ticket)
        if self._running:
            self._waiting = request  # replaces, never queues, an older waiting request
        else:
            self._start(request)
        return self._ticket

    def cancel(self) -> None:
        """Forget the waiting request and drop the result of the running one."""
        self._ticket += 1
        self._waiting = None

    def run(self, fn, *, on_success=None, on_failure=None) -> None:  # type: ignore[override]
        self.submit(fn, on_success=on_success, on_failure=on_failure)

    def _start(self, request: _Request) -> None:
        self._running = True
        self._pending += 1
        self._pool.start(_Job(request, self._relay))

    def _on_finished(self, request: _Request, ok: bool, value: Any) -> None:
        self._pending -= 1
        self._running = False
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._start(waiting)
        if request.ticket == self._ticket:
            _deliver(request, ok, value)


def run_in_background(
    fn: Callable[[], Any],
    *,
    on_success: SuccessCallback | None = None,
    on_failure: FailureCallback | None = None,
    parent: QObject | None = None,
) -> BackgroundRunner:
    """Run `fn` on the global pool once; callbacks on the GUI thread. Keep `parent` alive."""
    runner = BackgroundRunner(parent)
    if parent is None:
        _ORPHANS.add(runner)

        def _release(_: Any = None, r: BackgroundRunner = runner) -> None:
            _ORPHANS.discard(r)
            r.deleteLater()

        def ok(value: Any) -> None:
            try:
                if on_success is not None:
                    on_success(value)
            finally:
                _release()

        def fail(exc: BaseException) -> None:
            try:
                if on_failure is not None:
                    on_failure(exc)
                else:
                    log.error("background call %r failed", fn, exc_info=exc)
            finally:
                _release()

        runner.run(fn, on_success=ok, on_failure=fail)
    else:
        runner.run(fn, on_success=on_success, on_failure=on_failure)
    return runner


# Runners without a Qt parent are kept alive here until their callback has run.
_ORPHANS: set[BackgroundRunner] = set()
