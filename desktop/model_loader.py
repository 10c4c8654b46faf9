"""Which neural models exist and how to load one, kept apart from the widgets.

Models come from `core.inference.registry` (shipped ones and user-trained ones in the user
data folder). Loading runs in the background; the n-gram decoder serves until it is done.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core import paths

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ModelChoice:
    name: str            # folder name, what the settings store
    path: Path
    origin: str          # "shipped" or "user"
    description: str = ""


def _as_choice(info: Any) -> ModelChoice | None:
    """Adapt a registry entry (a dataclass, a dict or a path) to a ModelChoice."""
    if isinstance(info, (str, Path)):
        path = Path(info)
        return ModelChoice(path.name, path, _origin(path))
    get = info.get if isinstance(info, dict) else (lambda k, d=None: getattr(info, k, d))
    path = get("path") or get("model_dir") or get("directory")
    if path is None:
        return None
    path = Path(path)
    name = get("name") or path.name
    kind = get("task") or get("kind") or "p2c"
    if str(kind) not in ("p2c", "ime", "pinyin2hanzi"):
        return None  # sentiment and other models are not for the input method
    return ModelChoice(str(name), path, str(get("origin") or get("source") or _origin(path)),
                       str(get("description") or get("card") or ""))


def _origin(path: Path) -> str:
    try:
        path.resolve().relative_to(paths.user_models_dir().resolve())
        return "user"
    except ValueError:
        return "shipped"


def available_models() -> list[ModelChoice]:
    """Every pinyin-to-hanzi model the registry knows; [] when the registry is unavailable."""
    try:
        from core.inference.registry import list_models
    except ImportError as exc:
        log.info("no model registry yet (%s); the n-gram decoder is used", exc)
        return _scan_folders()
    try:
        entries = list_models()
    except Exception as exc:  # a broken model folder must not break the settings dialog
        log.warning("listing models failed: %s", exc)
        return _scan_folders()
    choices = [c for c in (_as_choice(e) for e in entries) if c is not None]
    return choices


def _scan_folders() -> list[ModelChoice]:
    out = []
    for root, origin in ((paths.shipped_models_dir(), "shipped"), (paths.user_models_dir(), "user")):
        if root.is_dir():
            for sub in sorted(root.iterdir()):
                if (sub / "model.onnx").exists() and sub.name.startswith("p2c"):
                    out.append(ModelChoice(sub.name, sub, origin))
    return out


def find_model(name: str) -> ModelChoice | None:
    for choice in available_models():
        if choice.name == name:
            return choice
    return None


class ModelNotFound(LookupError):
    pass


def load_scorer(name: str, *, prefer_cuda: bool = True):
    """Load the named model as a PathScorer (slow: call it in the background)."""
    choice = find_model(name)
    if choice is None:
        known = ", ".join(c.name for c in available_models()) or "none"
        raise ModelNotFound(f"model {name!r} not found (available: {known})")
    from core.inference.p2c_scorer import load_p2c_scorer

    return load_p2c_scorer(choice.path, int8=True, prefer_cuda=prefer_cuda)
