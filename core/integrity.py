"""File sizes and sha256 of a resource folder (lexicon, model), recorded in its manifest.

`stamp(folder)` records every file beside manifest.json under the manifest's "integrity" key
(the model manifests already use "files" for their role -> file map); `verify(folder)` lists
what no longer matches. A manifest without the key is a legacy one and passes.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from core.filehash import sha256_file

MANIFEST = "manifest.json"
KEY = "integrity"


def _manifest(directory: Path) -> dict:
    data = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{directory / MANIFEST} is not a JSON object")
    return data


def _write_atomically(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def stamp(directory: str | Path, updates: dict | None = None) -> dict[str, dict[str, int | str]]:
    """Record size and sha256 of every regular file in `directory` (not manifest.json),
    with `updates` merged into the manifest in the same atomic write."""
    directory = Path(directory)
    data = _manifest(directory)
    data.update(updates or {})
    files = {p.name: {"size": p.stat().st_size, "sha256": sha256_file(p)}
             for p in sorted(directory.iterdir())
             if p.is_file() and p.name != MANIFEST and not p.name.startswith(".")}
    data[KEY] = files
    # Keep the manifest's own indentation so a stamp is a small diff.
    raw = (directory / MANIFEST).read_text(encoding="utf-8")
    indent = 2 if raw.startswith("{\n  ") else 1
    _write_atomically(directory / MANIFEST, json.dumps(data, ensure_ascii=False, indent=indent) + "\n")
    return files


def verify(directory: str | Path, names: Iterable[str] | None = None) -> list[str]:
    """Problems with the recorded files (all of them, or only `names`); empty when all match.

    Sizes are compared first (cheap: a truncated file fails without hashing).
    """
    directory = Path(directory)
    try:
        data = _manifest(directory)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return [f"{directory / MANIFEST} cannot be read: {exc}"]
    recorded = data.get(KEY)
    if recorded is None:
        return []  # a legacy manifest: nothing recorded, nothing to check
    if not isinstance(recorded, dict):
        return [f"{directory / MANIFEST}: {KEY!r} is not a table of files"]
    wanted = list(recorded) if names is None else list(names)
    problems = []
    for name in wanted:
        info = recorded.get(name)
        path = directory / name
        if not isinstance(info, dict):
            continue  # a file the manifest does not record (legacy or optional) is not checked
        if not path.is_file():
            problems.append(f"{name} is missing")
            continue
        size = path.stat().st_size
        if size != info.get("size"):
            problems.append(f"{name} has {size} bytes, the manifest records {info.get('size')}")
        elif sha256_file(path) != info.get("sha256"):
            problems.append(f"{name} does not match its sha256 in the manifest (changed or damaged)")
    return problems
