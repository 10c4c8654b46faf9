"""Refresh the translation sources and compile them: `python -m desktop.i18n.build`.

pyside6-lupdate re-extracts every tr() string of desktop/*.py into the `.ts` files (keeping
existing translations), then pyside6-lrelease compiles them to the `.qm` files the app loads.
Edit `yinzi_zh_CN.ts` with pyside6-linguist (or by hand) to translate new strings.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from desktop.i18n import HERE, LANGUAGES

DESKTOP = HERE.parent


def _tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: pip install PySide6-Essentials")
    return found


def main() -> int:
    sources = sorted(str(p) for p in (*DESKTOP.glob("*.py"), *DESKTOP.glob("wizard/*.py")))
    for language in LANGUAGES:
        ts = HERE / f"yinzi_{language}.ts"
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-no-obsolete",
                        "-target-language", language, "-ts", str(ts)], check=True)
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm",
                        str(HERE / f"yinzi_{language}.qm")], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
