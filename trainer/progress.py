"""A dependency-free progress line for the terminal: count, rate and ETA on stderr."""
from __future__ import annotations

import sys
import time


class Progress:
    """Call `update(n)`; prints at most every `interval` seconds, `close()` ends the line."""

    def __init__(self, label: str, total: float | None = None, *, unit: str = "", interval: float = 2.0,
                 stream=None) -> None:
        self.label, self.total, self.unit, self.interval = label, total, unit, interval
        self.stream = stream or sys.stderr
        self.done = 0.0
        self.start = self._last = time.monotonic()

    def update(self, n: float = 1, *, extra: str = "") -> None:
        self.done += n
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            self._print(extra)

    def _print(self, extra: str = "", end: str = "\r") -> None:
        elapsed = max(time.monotonic() - self.start, 1e-9)
        rate = self.done / elapsed
        text = f"{self.label}: {self.done:,.0f}{self.unit}"
        if self.total:
            eta = (self.total - self.done) / rate if rate > 0 else float("inf")
            text += f" / {self.total:,.0f} ({100 * self.done / self.total:.1f}%, ETA {_fmt(eta)})"
        text += f" {rate:,.0f}{self.unit}/s {extra}"
        print(text.ljust(78), end=end, file=self.stream, flush=True)

    def close(self, extra: str = "") -> None:
        self._print(extra, end="\n")


def _fmt(seconds: float) -> str:
    if seconds == float("inf"):
        return "?"
    m, s = divmod(int(seconds), 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
