"""An Analyzer in a child process, for an app that must not share the GIL with it.

The typing app analyses the text being written while the user types. jieba, TextRank and
pypinyin are pure Python: in a thread of the app they hold the GIL for about a second on a
long document, and keystrokes wait their turn (`desktop.bench --document`: keystroke to
painted candidates p95 129 ms with the analysis in a thread, 15.6 ms with it in this child).

`analyze` and `classify` block their caller (call them from a worker thread) while the child
works; requests run one at a time over a pipe, so the analysis panel and the batch window can
share one child (a panel update waits for at most one batch chunk). The child starts on first
use ("spawn": forking a process that runs Qt threads is unsafe), warms itself up before its
first request, is daemonic (it dies with the app), and one that dies is replaced on the next
request. `close()` stops it at once, even mid-request.
As with any spawned child, the program's main module must be safe to import: its work goes
under `if __name__ == "__main__":` (a PyInstaller bundle also needs `freeze_support()` there).
"""
from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection

from core import offline
from core.analysis.analyzer import Analyzer, AnalyzerConfig
from core.analysis.types import Analysis, SentimentScore


class AnalysisProcessError(RuntimeError):
    """The child process stopped, or failed a request; the message says which."""


def _serve(requests: Connection, replies: Connection, config: AnalyzerConfig,
           initializer: Callable[[], None] | None) -> None:
    """The child: answer (operation, args) requests until the request pipe closes."""
    offline.apply()  # a spawned child imports everything afresh, onnxruntime included
    if initializer is not None:
        initializer()
    analyzer = Analyzer(config)
    try:
        analyzer.warm_up()  # before the first request: that one then costs what later ones do
    except Exception:  # noqa: BLE001 - the first request meets the same error and reports it
        pass
    while True:
        try:
            op, args = requests.recv()
        except (EOFError, OSError):
            return  # the app is gone
        try:
            if op == "analyze":
                text, options = args
                value = (analyzer.analyze(text, **options), analyzer.load_error)
            elif op == "classify":
                texts, batch_size = args
                value = analyzer.classify(texts, batch_size=batch_size)
            else:
                raise ValueError(f"unknown request {op!r}")
            replies.send((True, value))
        except Exception as exc:  # noqa: BLE001 - reported to the app, which shows it
            replies.send((False, f"{type(exc).__name__}: {exc}"))


class AnalyzerProcess:
    """`analyze()` and `load_error` as Analyzer has them, computed in a child process."""

    def __init__(self, config: AnalyzerConfig | None = None, *,
                 initializer: Callable[[], None] | None = None) -> None:
        """`initializer`: a module-level function the child runs first (tests use it)."""
        self.config = config or AnalyzerConfig()
        self.initializer = initializer
        self.load_error: str | None = None
        self._context = multiprocessing.get_context("spawn")
        self._process = None
        self._conn: tuple[Connection, Connection] | None = None  # (send requests, receive replies)
        self._request_lock = threading.Lock()  # one request at a time on the pipe
        self._closed = False

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs (for tests and diagnostics)."""
        return self._process.pid if self._process is not None and self._process.is_alive() else None

    def _ensure_child(self) -> tuple[Connection, Connection]:
        if self._closed:
            raise AnalysisProcessError("the analysis process has been shut down")
        if self._process is None or not self._process.is_alive():
            # Two one-way OS pipes, not a duplex Pipe(): on Unix that one is a socket pair, and
            # an input method should not need to explain a socket, even a local one.
            child_requests, requests = self._context.Pipe(duplex=False)
            replies, child_replies = self._context.Pipe(duplex=False)
            self._process = self._context.Process(
                target=_serve, args=(child_requests, child_replies, self.config, self.initializer),
                name="yinzi-analysis", daemon=True)
            self._process.start()
            child_requests.close()  # the child holds these ends; EOF reaches us if it dies
            child_replies.close()
            self._conn = (requests, replies)
        assert self._conn is not None
        return self._conn

    def _call(self, op: str, *args):
        with self._request_lock:
            requests, replies = self._ensure_child()
            try:
                requests.send((op, args))
                ok, value = replies.recv()
            except (EOFError, OSError):
                self._stop_child()
                if self._closed:
                    raise AnalysisProcessError("the analysis process has been shut down") from None
                raise AnalysisProcessError("the analysis process stopped unexpectedly; "
                                           "it restarts with the next analysis") from None
        if not ok:
            raise AnalysisProcessError(value)
        return value

    def analyze(self, text: str, *, with_sentiment: bool = True, pinyin_chars: int | None = None,
                with_tokens: bool = True) -> Analysis:
        """As `Analyzer.analyze`, in the child."""
        options = {"with_sentiment": with_sentiment, "pinyin_chars": pinyin_chars, "with_tokens": with_tokens}
        analysis, self.load_error = self._call("analyze", text, options)
        return analysis

    def classify(self, texts: Sequence[str], *, batch_size: int = 32) -> list[SentimentScore]:
        """Whole-text scores (batch analysis: one call per chunk of rows)."""
        return self._call("classify", list(texts), batch_size)

    def _stop_child(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            for end in conn:
                end.close()
        if process is not None:
            if process.is_alive():
                process.terminate()
            process.join(timeout=5)

    def close(self) -> None:
        """Stop the child now; a request in flight ends with AnalysisProcessError. Idempotent."""
        self._closed = True
        process = self._process
        if process is not None and process.is_alive():
            process.terminate()  # unblocks a caller waiting in recv() with EOF
        if self._request_lock.acquire(timeout=5):
            try:
                self._stop_child()
            finally:
                self._request_lock.release()
