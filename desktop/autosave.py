"""Crash safety: the document is copied to the user data folder shortly after each change.

A clean close or an explicit save removes the copy; if one is found at launch, the previous
session ended without saving and the app offers the text back.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from core import paths


@dataclass(frozen=True)
class Recovered:
    text: str
    original_path: str | None   # the file the text belonged to, if it had one


class AutosaveStore:
    """Reads and writes the single autosave slot (`autosave/document.txt` + `.json`)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else paths.user_data_dir() / "autosave"
        self.text_path = self.folder / "document.txt"
        self.meta_path = self.folder / "document.json"

    def write(self, text: str, original_path: str | None) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        _atomic_write(self.meta_path, json.dumps({"path": original_path}, ensure_ascii=False))
        _atomic_write(self.text_path, text)

    def read(self) -> Recovered | None:
        if not self.text_path.exists():
            return None
        try:
            text = self.text_path.read_text(encoding="utf-8")
            meta = json.loads(self.meta_path.read_text(encoding="utf-8")) if self.meta_path.exists() else {}
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            return None
        if not text:
            return None
        path = meta.get("path") if isinstance(meta, dict) else None
        return Recovered(text, path if isinstance(path, str) else None)

    def clear(self) -> None:
        self.text_path.unlink(missing_ok=True)
        self.meta_path.unlink(missing_ok=True)


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    tmp.replace(path)
