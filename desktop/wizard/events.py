"""The trainer's JSON-lines event stream: parse one line, and fold events into run progress.

Plain Python (no Qt) so it is tested on its own. A line that is not a JSON object with an
"event" key is a log line, shown as text.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Event:
    kind: str
    data: dict[str, Any]

    @property
    def time(self) -> float | None:
        value = self.data.get("time")
        return float(value) if isinstance(value, (int, float)) else None


def parse_line(line: str) -> Event | None:
    """An Event for a JSON event line, None for anything else (a log line)."""
    text = line.strip()
    if not text.startswith("{"):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("event"), str):
        return None
    return Event(data["event"], data)


def _num(data: dict[str, Any], key: str) -> float | None:
    value = data.get(key)
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


@dataclass
class RunProgress:
    """Everything the Train and Result pages show, built from the events seen so far."""

    stage: str = ""
    message: str = ""
    step: int = 0
    total_steps: int = 0
    loss: float | None = None
    tokens_per_s: float | None = None
    eta_s: float | None = None
    elapsed_s: float | None = None
    stage_done: int = 0
    stage_total: int = 0
    losses: list[tuple[int, float]] = field(default_factory=list)
    accuracies: list[tuple[int, float]] = field(default_factory=list)   # held-out char %
    checkpoint_step: int | None = None
    checkpoint_path: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    result: dict[str, Any] | None = None
    error: str = ""
    error_kind: str = ""
    cancelled: bool = False
    resumable: bool = False
    exit_code: int | None = None
    out: str = ""
    resumed: bool = False

    def apply(self, event: Event) -> None:
        d = event.data
        kind = event.kind
        if kind == "start":
            self.out = str(d.get("out", ""))
            self.resumed = bool(d.get("resumed", False))
        elif kind == "stage":
            self.stage = str(d.get("stage", ""))
            self.message = str(d.get("message", ""))
            self.stage_done = self.stage_total = 0
        elif kind == "progress":
            self.stage = str(d.get("stage", self.stage))
            self.stage_done = int(_num(d, "done") or 0)
            self.stage_total = int(_num(d, "total") or 0)
            self.eta_s = _num(d, "eta_s")
        elif kind == "data":
            self.data = d
        elif kind == "step":
            self.step = int(_num(d, "step") or 0)
            self.total_steps = int(_num(d, "total_steps") or self.total_steps)
            self.loss = _num(d, "loss")
            self.tokens_per_s = _num(d, "tokens_per_s")
            self.eta_s = _num(d, "eta_s")
            self.elapsed_s = _num(d, "elapsed_s")
            if self.loss is not None:
                # a resumed run repeats no steps, but drop any point it re-reports
                self.losses = [p for p in self.losses if p[0] < self.step]
                self.losses.append((self.step, self.loss))
        elif kind == "eval":
            acc = _num(d, "held_out_char")
            step = int(_num(d, "step") or self.step)
            if acc is not None:
                self.accuracies = [p for p in self.accuracies if p[0] < step]
                self.accuracies.append((step, acc))
        elif kind == "checkpoint":
            self.checkpoint_step = int(_num(d, "step") or 0)
            self.checkpoint_path = str(d.get("path", ""))
        elif kind == "result":
            self.result = d
        elif kind == "error":
            self.error = str(d.get("message", ""))
            self.error_kind = str(d.get("kind", ""))
        elif kind == "cancelled":
            self.cancelled = True
            self.resumable = bool(d.get("resumable", False))
            if _num(d, "step") is not None:
                self.step = int(_num(d, "step") or 0)
        elif kind == "done":
            code = _num(d, "exit_code")
            self.exit_code = None if code is None else int(code)

    @property
    def succeeded(self) -> bool:
        return self.result is not None and not self.error


def percent(value: Any) -> float | None:
    """Accuracies may come as fractions (0.95) or percentages (95.0): always a percentage."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    return float(value) * 100.0 if abs(value) <= 1.0 else float(value)


def format_duration(seconds: float | None) -> str:
    """1:05:09 / 5:09 / 0:09; '' when unknown."""
    if seconds is None or seconds < 0:
        return ""
    s = int(round(seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
