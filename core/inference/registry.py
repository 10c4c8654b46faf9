"""The models the app can offer: shipped ones and the user's own, each a folder with a manifest."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core import paths


@dataclass(frozen=True)
class ModelInfo:
    name: str
    path: Path
    kind: str                    # "p2c", "sentiment", ...
    manifest: dict[str, Any]
    source: str = "shipped"      # "shipped" or "user"


def _scan(root: Path, source: str) -> list[ModelInfo]:
    found = []
    if not root.is_dir():
        return found
    for sub in sorted(p for p in root.iterdir() if p.is_dir()):
        man = sub / "manifest.json"
        if not man.is_file():
            continue
        try:
            data = json.loads(man.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            continue  # a broken folder is skipped here; loading it says why
        if not isinstance(data, dict):
            continue
        found.append(ModelInfo(str(data.get("name", sub.name)), sub, str(data.get("kind", "unknown")), data, source))
    return found


def list_models(kind: str | None = None) -> list[ModelInfo]:
    """Shipped models first, then user-trained ones; optionally only one kind."""
    models = _scan(paths.shipped_models_dir(), "shipped") + _scan(paths.user_models_dir(), "user")
    return [m for m in models if kind is None or m.kind == kind]
