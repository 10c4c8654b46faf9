"""The adaptation event stream: JSON lines for the wizard, human lines on stderr.

Every event is one JSON object on one line with "event" and "time" (unix seconds); the
stream is flushed after each line. Only rank 0 of a torchrun job speaks.
"""
from __future__ import annotations

import json
import math
import sys
import time
from typing import Any, TextIO


def _clean(value: Any) -> Any:
    if isinstance(value, float):
        return None if not math.isfinite(value) else round(value, 6)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


class EventStream:
    def __init__(self, sink: TextIO | None, *, human: TextIO | None = sys.stderr,
                 quiet: bool = False, enabled: bool = True) -> None:
        self.sink = sink
        self.human = None if quiet else human
        self.enabled = enabled
        self._last_progress = 0.0

    def emit(self, event: str, **info: Any) -> None:
        if not self.enabled:
            return
        record = {"event": event, "time": round(time.time(), 3), **_clean(info)}
        if self.sink is not None:
            try:
                self.sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                self.sink.flush()
            except (BrokenPipeError, ValueError):
                self.sink = None   # the reader went away: keep working, stop writing
        self._say(event, info)

    def progress(self, stage: str, done: float, total: float | None, eta_s: float | None = None,
                 *, every: float = 0.5) -> None:
        """Progress events, at most one per `every` seconds (and always the last one)."""
        now = time.time()
        if total is not None and done < total and now - self._last_progress < every:
            return
        self._last_progress = now
        self.emit("progress", stage=stage, done=done, total=total, eta_s=eta_s)

    def _say(self, event: str, info: dict[str, Any]) -> None:
        if self.human is None:
            return
        if event == "stage":
            msg = f"[{info['stage']}] {info['message']}"
        elif event == "step":
            eta = info.get("eta_s")
            msg = (f"  step {info['step']}/{info['total_steps']}  loss {info['loss']:.3f}  "
                   f"{info['tokens_per_s']:,.0f} tok/s" + (f"  ETA {eta:.0f}s" if eta is not None
                                                           and math.isfinite(eta) else ""))
        elif event == "eval":
            msg = f"  eval step {info['step']}: held-out char {info['held_out_char']:.2f}% (model alone)"
        elif event == "checkpoint":
            msg = f"  checkpoint step {info['step']} -> {info['path']}"
        elif event == "error":
            msg = f"error: {info['message']}"
        elif event == "cancelled":
            msg = f"cancelled at step {info['step']}; run again with --resume to continue"
        elif event == "result":
            h = info["held_out"]
            msg = (f"held-out  before {h['before']['char']:.2f} / {h['before']['exact']:.2f} / "
                   f"{h['before']['top5']:.2f}   after {h['after']['char']:.2f} / "
                   f"{h['after']['exact']:.2f} / {h['after']['top5']:.2f}  (char / exact / top-5 %)")
            g = info.get("general")
            if g:
                msg += (f"\ngeneral   before {g['before']['char']:.2f} / {g['before']['exact']:.2f} / "
                        f"{g['before']['top5']:.2f}   after {g['after']['char']:.2f} / "
                        f"{g['after']['exact']:.2f} / {g['after']['top5']:.2f}")
            msg += f"\nmodel folder: {info['model_dir']}"
        else:
            return
        try:
            print(msg, file=self.human, flush=True)
        except (BrokenPipeError, ValueError):
            self.human = None


class TrainerBridge:
    """A `trainer.training.loop` callback that turns its events into the adapt stream."""

    def __init__(self, events: EventStream, total_steps: int) -> None:
        self.events = events
        self.total_steps = total_steps
        self.last_step = 0
        self.curve: list[dict] = []

    def on_event(self, event: str, info: dict[str, Any]) -> None:
        if event == "step":
            self.last_step = int(info["step"])
            self.curve.append({"step": info["step"], "loss": info["loss"]})
            self.events.emit("step", step=int(info["step"]), total_steps=self.total_steps,
                             loss=float(info["loss"]), tokens_per_s=float(info["tokens_per_s"]),
                             eta_s=info.get("eta_s"), elapsed_s=float(info.get("elapsed_s", 0.0)))
        elif event == "eval":
            self.events.emit("eval", step=int(info["step"]), held_out_char=100 * float(info["char_acc"]))
        elif event == "checkpoint":
            self.last_step = int(info["step"])
            self.events.emit("checkpoint", step=int(info["step"]), path=str(info["path"]))
        elif event in ("start", "end"):
            self.last_step = int(info.get("step", self.last_step))
