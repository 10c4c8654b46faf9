"""The app's settings: a typed dataclass stored as JSON in the platform config folder.

Only values that differ from the defaults are written, so a future default change reaches
users who never touched that setting. Unknown keys or wrongly typed values in the file are
reported and skipped (a broken file must never stop the app from starting).
"""
from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from core import paths
from core.engine.types import EngineConfig, FuzzyConfig

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
NGRAM_MODEL = ""          # model choice meaning "no neural model: the n-gram decoder alone"
DEFAULT_MODEL = "p2c-default"
LANGUAGES = ("system", "zh_CN", "en")
THEMES = ("system", "light", "dark")
MAX_ZOOM = 20                      # editor zoom steps either way (one point each)
MAX_RECENT = 8


@dataclass(frozen=True)
class AppSettings:
    """Everything the settings dialog edits, plus the recent-files list."""

    fuzzy: FuzzyConfig = field(default_factory=FuzzyConfig)
    page_size: int = 7               # candidates per page (1-9: one digit key each)
    font_family: str = ""            # "" = the platform's default UI font
    font_size: int = 14              # editor font size in points
    model: str = DEFAULT_MODEL       # model folder name; NGRAM_MODEL = no neural model
    previous_model: str = ""         # the model before the last switch (model manager's "switch back")
    prefer_cuda: bool = True         # use the CUDA provider when one is present
    language: str = "system"         # "system" follows the locale; or "zh_CN" / "en"
    chinese_punctuation: bool = True
    start_in_chinese: bool = True
    punct_pages: bool = False        # ',' '.' '-' '=' page the candidate bar (else they type)
    prediction: bool = True          # offer next-word suggestions after a commit
    theme: str = "system"            # "system" follows the desktop; or "light" / "dark"
    zoom: int = 0                    # editor zoom steps (Ctrl+= / Ctrl+-), one point each
    # The analysis dock loads jieba and pypinyin (~120 MB): off by default to keep the typing
    # app within its memory budget; View > Analysis turns it on and the choice is kept.
    show_analysis: bool = False
    recent_files: tuple[str, ...] = ()
    last_folder: str = ""            # where the last file dialog ended ("" = documents folder)

    def __post_init__(self) -> None:
        if not 1 <= self.page_size <= 9:
            raise ValueError(f"page_size must be 1..9, got {self.page_size}")
        if not 6 <= self.font_size <= 72:
            raise ValueError(f"font_size must be 6..72, got {self.font_size}")
        if self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, got {self.language!r}")
        if self.theme not in THEMES:
            raise ValueError(f"theme must be one of {THEMES}, got {self.theme!r}")
        if not -MAX_ZOOM <= self.zoom <= MAX_ZOOM:
            raise ValueError(f"zoom must be {-MAX_ZOOM}..{MAX_ZOOM}, got {self.zoom}")

    def engine_config(self, base: EngineConfig | None = None) -> EngineConfig:
        return replace(
            base or EngineConfig(),
            page_size=self.page_size,
            fuzzy=self.fuzzy,
            chinese_punctuation=self.chinese_punctuation,
        )

    def with_recent(self, path: str) -> AppSettings:
        recent = [path] + [p for p in self.recent_files if p != path]
        return replace(self, recent_files=tuple(recent[:MAX_RECENT]))

    # -- (de)serialisation ------------------------------------------------------------------
    def to_changes(self) -> dict[str, Any]:
        """The non-default values only, JSON-ready."""
        default = AppSettings()
        out: dict[str, Any] = {}
        for f in fields(self):
            value, base = getattr(self, f.name), getattr(default, f.name)
            if f.name == "fuzzy":
                diff = {k: v for k, v in asdict(value).items() if v != getattr(base, k)}
                if diff:
                    out["fuzzy"] = diff
            elif value != base:
                out[f.name] = list(value) if isinstance(value, tuple) else value
        return out

    @classmethod
    def from_changes(cls, data: dict[str, Any]) -> tuple[AppSettings, list[str]]:
        """Build settings from a (possibly hand-edited) dict; returns (settings, problems)."""
        problems: list[str] = []
        if not isinstance(data, dict):
            return cls(), [f"expected a JSON object, got {type(data).__name__}"]
        known = {f.name: f for f in fields(cls)}
        settings = cls()
        for key, value in data.items():
            if key not in known:
                problems.append(f"unknown setting {key!r} ignored")
                continue
            try:
                settings = replace(settings, **{key: _coerce(key, value, getattr(settings, key))})
            except (TypeError, ValueError) as exc:
                problems.append(f"setting {key!r} ignored: {exc}")
        return settings, problems


def _coerce(key: str, value: Any, current: Any) -> Any:
    if key == "fuzzy":
        if not isinstance(value, dict):
            raise TypeError("expected an object of rule names to true/false")
        rules = {f.name for f in fields(FuzzyConfig)}
        unknown = set(value) - rules
        if unknown:
            raise ValueError(f"unknown fuzzy rules {sorted(unknown)}")
        if not all(isinstance(v, bool) for v in value.values()):
            raise TypeError("fuzzy rules must be true or false")
        return replace(current, **value)
    if key == "recent_files":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TypeError("expected a list of paths")
        return tuple(value[:MAX_RECENT])
    # bool is a subclass of int: check it first so `true` is not a page size.
    if isinstance(current, bool):
        if not isinstance(value, bool):
            raise TypeError(f"expected true/false, got {value!r}")
        return value
    if isinstance(current, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"expected an integer, got {value!r}")
        return value
    if isinstance(current, str):
        if not isinstance(value, str):
            raise TypeError(f"expected a string, got {value!r}")
        return value
    raise TypeError(f"unsupported setting type for {key!r}")


class SettingsStore:
    """Reads and writes `settings.json` in a folder (the platform config folder by default).

    `save` never raises: a read-only or full config folder must not break the slot that
    changed a setting. The failure is kept in `save_error` (the caller says it once) and the
    settings live on in memory.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else paths.user_config_dir()
        self.path = self.folder / SETTINGS_FILE
        self.problems: list[str] = []
        self.save_error = ""       # why the last save failed; "" after a good one

    def load(self) -> AppSettings:
        self.problems = []
        if not self.path.exists():
            return AppSettings()
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            self.problems = [f"could not read {self.path}: {exc}; using defaults"]
            log.warning(self.problems[0])
            return AppSettings()
        settings, self.problems = AppSettings.from_changes(data)
        for problem in self.problems:
            log.warning("%s: %s", self.path, problem)
        return settings

    def save(self, settings: AppSettings) -> bool:
        """Write the settings; False (and `save_error` set) when the folder refuses them."""
        try:
            self._write(settings.to_changes())
        except OSError as exc:
            first = not self.save_error
            self.save_error = f"could not save settings to {self.path}: {exc.strerror or exc}"
            if first:
                log.warning(self.save_error)
            return False
        self.save_error = ""
        return True

    def _write(self, changes: dict[str, Any]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if not changes:
            self.path.unlink(missing_ok=True)  # all defaults: nothing worth keeping
            return
        tmp = self.path.with_suffix(".tmp")
        try:
            tmp.write_text(json.dumps(changes, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            tmp.replace(self.path)  # atomic: a crash mid-write never leaves half a file
        finally:
            tmp.unlink(missing_ok=True)
