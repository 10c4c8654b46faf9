"""The models a user can type with: list them with their cards, install a trained one, switch,
switch back, rename and delete (plain Python over core.inference.registry; no Qt).

The active model is the app's `AppSettings.model` (a manifest name); `previous_model` keeps
the one before the last switch so "switch back" is one click. Shipped models are never
renamed or deleted. Installing copies into a temporary folder beside the models folder and
renames it into place, so the registry never sees half a model.
"""
from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from core import paths
from desktop.settings import DEFAULT_MODEL, AppSettings, SettingsStore

CARD_FILES = ("MODEL_CARD.md", "card.md", "README.md")
MAX_NAME = 64
_BAD_NAME = re.compile(r"[\\/:*?\"<>|\x00-\x1f]")


class ModelStoreError(Exception):
    """`code` says what went wrong (the UI words it); `detail` names the model or path."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class ModelEntry:
    name: str
    path: Path
    kind: str
    source: str                  # "shipped" | "user"
    manifest: dict[str, Any]
    active: bool = False
    previous: bool = False

    @property
    def removable(self) -> bool:
        return self.source == "user"

    @property
    def for_typing(self) -> bool:
        return self.kind == "p2c"

    def card(self) -> str:
        """The model card's Markdown ('' when the folder has none)."""
        for name in CARD_FILES:
            f = self.path / name
            if f.is_file():
                try:
                    return f.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    return ""
        return ""


def check_name(name: str) -> str:
    """A model name usable as a folder name on every platform; raises ModelStoreError."""
    name = name.strip()
    if not name or name in (".", "..") or name.startswith("."):
        raise ModelStoreError("bad_name", name)
    if len(name) > MAX_NAME or _BAD_NAME.search(name):
        raise ModelStoreError("bad_name", name)
    return name


def _read_manifest(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        raise ModelStoreError("not_a_model", str(folder)) from None
    if not isinstance(data, dict):
        raise ModelStoreError("not_a_model", str(folder))
    return data


def _write_manifest(folder: Path, data: dict[str, Any]) -> None:
    target = folder / "manifest.json"
    tmp = target.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(target)


class ModelStore:
    """Model operations against the app's settings.

    `read_settings`/`write_settings` default to the settings file; the running app passes its
    own (its `apply_settings` switches the model at once), which makes `live` true.
    """

    def __init__(self, *, read_settings: Callable[[], AppSettings] | None = None,
                 write_settings: Callable[[AppSettings], None] | None = None) -> None:
        store = SettingsStore()
        self._read = read_settings or store.load
        self._write = write_settings or store.save
        self.live = write_settings is not None

    # -- listing ----------------------------------------------------------------------------
    def models(self, kind: str | None = None) -> list[ModelEntry]:
        from core.inference.registry import list_models

        settings = self._read()
        return [ModelEntry(m.name, m.path, m.kind, m.source, m.manifest,
                           active=m.kind == "p2c" and m.name == settings.model,
                           previous=m.kind == "p2c" and m.name == settings.previous_model)
                for m in list_models(kind)]

    def find(self, name: str) -> ModelEntry | None:
        return next((m for m in self.models() if m.name == name), None)

    def active_name(self) -> str:
        return self._read().model

    def previous_name(self) -> str:
        return self._read().previous_model

    # -- switching --------------------------------------------------------------------------
    def activate(self, name: str) -> AppSettings:
        """Type with `name` from now on; the model used until now becomes `previous_model`."""
        entry = self.find(name)
        if entry is None:
            raise ModelStoreError("missing", name)
        if not entry.for_typing:
            raise ModelStoreError("not_for_typing", name)
        settings = self._read()
        if settings.model == name:
            return settings
        changed = replace(settings, model=name, previous_model=settings.model)
        self._write(changed)
        return changed

    def switch_back(self) -> AppSettings:
        previous = self.previous_name()
        if not previous:
            raise ModelStoreError("no_previous")
        return self.activate(previous)

    # -- changing ---------------------------------------------------------------------------
    def rename(self, name: str, new_name: str) -> ModelEntry:
        """Change a user model's manifest name (its folder stays); settings follow it."""
        new_name = check_name(new_name)
        entry = self.find(name)
        if entry is None:
            raise ModelStoreError("missing", name)
        if not entry.removable:
            raise ModelStoreError("shipped", name)
        if new_name == name:
            return entry
        if self.find(new_name) is not None:
            raise ModelStoreError("exists", new_name)
        manifest = dict(entry.manifest, name=new_name)
        _write_manifest(entry.path, manifest)
        settings = self._read()
        moved = replace(settings,
                        model=new_name if settings.model == name else settings.model,
                        previous_model=(new_name if settings.previous_model == name
                                        else settings.previous_model))
        if moved != settings:
            self._write(moved)
        return replace(entry, name=new_name, manifest=manifest)

    def delete(self, name: str) -> AppSettings:
        """Delete a user model; if it was active, typing falls back to the shipped default."""
        entry = self.find(name)
        if entry is None:
            raise ModelStoreError("missing", name)
        if not entry.removable:
            raise ModelStoreError("shipped", name)
        # Out of the models folder first (one rename), then removed at leisure.
        doomed = Path(tempfile.mkdtemp(prefix=".deleting-", dir=paths.user_data_dir()))
        entry.path.rename(doomed / "model")
        shutil.rmtree(doomed, ignore_errors=True)
        settings = self._read()
        changed = settings
        if settings.model == name:
            fallback = settings.previous_model if settings.previous_model not in ("", name) else DEFAULT_MODEL
            if self.find(fallback) is None:
                fallback = DEFAULT_MODEL
            changed = replace(changed, model=fallback, previous_model="")
        elif settings.previous_model == name:
            changed = replace(changed, previous_model="")
        if changed != settings:
            self._write(changed)
        return changed

    def install(self, source: Path | str, name: str) -> Path:
        """Copy a trained model folder into the user models folder as `name` (atomically)."""
        source = Path(source)
        name = check_name(name)
        manifest = _read_manifest(source)
        if self.find(name) is not None:
            raise ModelStoreError("exists", name)
        target = paths.user_models_dir() / name
        if target.exists():
            raise ModelStoreError("exists", name)
        staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=paths.user_data_dir()))
        try:
            copy = staging / "model"
            # a run's own state (.run/ with checkpoints) stays behind with the run
            shutil.copytree(source, copy, ignore=lambda folder, names: (
                [n for n in names if n.startswith(".")] if Path(folder) == source else []))
            _write_manifest(copy, dict(manifest, name=name))
            copy.rename(target)
        except OSError as exc:
            raise ModelStoreError("copy_failed", f"{target}: {exc}") from exc
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return target
