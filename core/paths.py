"""Where Yinzi's files live: shipped resources, and the user's data, config and cache folders.

Every folder can be redirected with an environment variable (tests and portable installs use
`YINZI_HOME`, which puts data, config and cache under one folder).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "yinzi"


def resources_dir() -> Path:
    """Shipped models and compiled dictionaries (inside a PyInstaller bundle too)."""
    env = os.environ.get("YINZI_RESOURCES")
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def _platform_dir(kind: str) -> Path:
    home = os.environ.get("YINZI_HOME")
    if home:
        return Path(home) / kind
    import platformdirs

    getter = {
        "data": platformdirs.user_data_dir,
        "config": platformdirs.user_config_dir,
        "cache": platformdirs.user_cache_dir,
    }[kind]
    return Path(getter(APP_NAME, appauthor=False))


def user_data_dir() -> Path:
    """User lexicon, autosaves, user-trained models."""
    path = _platform_dir("data")
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_config_dir() -> Path:
    path = _platform_dir("config")
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_cache_dir() -> Path:
    path = _platform_dir("cache")
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_models_dir() -> Path:
    """The registry folder of user-trained models (one sub-folder per model)."""
    path = user_data_dir() / "models"
    path.mkdir(parents=True, exist_ok=True)
    return path


def shipped_models_dir() -> Path:
    return resources_dir() / "models"
