"""Callbacks the CLI attaches to the trainer: a progress printer and a JSONL metrics writer."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any, TextIO


class JsonlMetrics:
    """Appends one JSON object per event to `path` (the learning curve lives here)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)

    def on_event(self, event: str, info: dict[str, Any]) -> None:
        record = {"event": event, "time": round(time.time(), 3), **info}
        with self.path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


class ConsolePrinter:
    """Human-readable progress: one line per logged step, eval and checkpoint."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr

    def on_event(self, event: str, info: dict[str, Any]) -> None:
        if event == "start":
            msg = (f"start ({info['origin']}): {info['parameters'] / 1e6:.2f}M parameters on "
                   f"{info['device']} x{info['world']}, step {info['step']}, "
                   f"{info['shard_tokens']:,} tokens in the shards")
        elif event == "step":
            msg = (f"step {info['step']:>6}  loss {info['loss']:.3f}  acc {info['acc']:.3f}  "
                   f"lr {info['lr']:.2e}  {info['tokens_per_s']:,.0f} tok/s  "
                   f"seen {info['tokens_seen'] / 1e6:.2f}M  ETA {_fmt(info['eta_s'])}")
        elif event == "eval":
            msg = (f"eval  step {info['step']}: dev char acc {100 * info['char_acc']:.2f}%  "
                   f"clause exact {100 * info['clause_exact']:.2f}%  "
                   f"({info['tokens_seen'] / 1e6:.2f}M tokens seen)")
        elif event == "checkpoint":
            msg = f"checkpoint step {info['step']} -> {info['path']}"
        elif event == "interrupted":
            msg = f"interrupted at step {info['step']}; checkpoint saved to {info['path']}"
        elif event == "end":
            msg = f"done ({info['reason']}) at step {info['step']}, {info['tokens_seen']:,} tokens seen"
        else:
            return
        print(msg, file=self.stream, flush=True)


def _fmt(seconds: float) -> str:
    if seconds == float("inf"):
        return "?"
    m, s = divmod(int(seconds), 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}"
