"""The product version: from the installed package's metadata, else from pyproject.toml.

One number for `yinzi --version`, `yinzi-train --version` and Help → About. An installed
package (pip, or a frozen bundle that carries the metadata) answers from its metadata; a
source checkout that was never installed reads `pyproject.toml` beside the packages.
"""
from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

DIST_NAME = "yinzi"
UNKNOWN = "0+unknown"

# `version = "x.y.z"` inside the [project] table; a regex, because tomllib is 3.11+.
_VERSION_LINE = re.compile(r'^version\s*=\s*["\']([^"\']+)["\']', re.MULTILINE)


def version_from_pyproject(path: Path) -> str | None:
    """The [project] version written in a pyproject.toml, or None when it has none."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    start = text.find("[project]")
    if start < 0:
        return None
    table = text[start + len("[project]"):]
    end = table.find("\n[")  # the next table ends [project]
    match = _VERSION_LINE.search(table if end < 0 else table[:end])
    return match.group(1) if match else None


def read_version() -> str:
    # A checkout's pyproject.toml wins over metadata: an editable install keeps the metadata
    # of the day it was installed, while the file is what the next release will say.
    from_file = version_from_pyproject(Path(__file__).resolve().parent.parent / "pyproject.toml")
    if from_file:
        return from_file
    try:
        return metadata.version(DIST_NAME)
    except metadata.PackageNotFoundError:
        return UNKNOWN


__version__ = read_version()
