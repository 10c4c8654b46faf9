"""The last training run, kept as a small JSON file so a reopened wizard can offer to resume it.

`user_data_dir()/wizard/last_run.json`; written atomically. A run whose state still says
"running" when the wizard starts ended with the wizard (a crash or a kill): it is resumable.
"""
from __future__ import annotations

import json
import logging
import time
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from core import paths

log = logging.getLogger(__name__)

STATE_FILE = "last_run.json"
RESUMABLE = ("running", "cancelled", "failed")


def wizard_dir() -> Path:
    path = paths.user_data_dir() / "wizard"
    path.mkdir(parents=True, exist_ok=True)
    return path


def new_run_dir(now: float | None = None) -> Path:
    """A fresh output folder for a run under the wizard's folder (never reused)."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now or time.time()))
    root = wizard_dir() / "runs"
    root.mkdir(parents=True, exist_ok=True)
    path, n = root / f"run-{stamp}", 1
    while path.exists():
        n += 1
        path = root / f"run-{stamp}-{n}"
    return path


@dataclass(frozen=True)
class RunState:
    task: str                          # "domain" | "sentiment"
    out: str
    files: tuple[str, ...] = ()
    preset: str = "quick"
    gpus: tuple[int, ...] = ()
    held_out: float | None = None
    general: str | None = None
    lr: float | None = None
    max_steps: int | None = None
    batch_size: int | None = None
    status: str = "running"            # running | cancelled | failed | finished
    step: int = 0
    total_steps: int = 0
    model_dir: str = ""
    updated: float = field(default_factory=time.time)

    @property
    def resumable(self) -> bool:
        return self.task == "domain" and self.status in RESUMABLE and Path(self.out).is_dir()

    def with_status(self, status: str, **changes: Any) -> RunState:
        return replace(self, status=status, updated=time.time(), **changes)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunState:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        for key in ("files", "gpus"):
            if key in values:
                values[key] = tuple(values[key])
        return cls(**values)


def state_path() -> Path:
    return wizard_dir() / STATE_FILE


def load_state() -> RunState | None:
    path = state_path()
    if not path.is_file():
        return None
    try:
        return RunState.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError) as exc:
        log.warning("ignoring unreadable wizard state %s: %s", path, exc)
        return None


def save_state(state: RunState) -> None:
    path = state_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(state), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)


def clear_state() -> None:
    state_path().unlink(missing_ok=True)
