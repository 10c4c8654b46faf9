"""What both PyInstaller specs share: paths, the platform branches, the icon, size pruning.

Imported by `yinzi.spec` and `yinzi-trainer.spec` (PyInstaller runs a spec as a script, so
the spec folder is put on sys.path first). Plain Python: nothing here needs PyInstaller.
"""
from __future__ import annotations

import sys
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
ICONS = ROOT / "resources" / "icons"

if str(ROOT) not in sys.path:   # the specs read core.version for the macOS Info.plist
    sys.path.insert(0, str(ROOT))

IS_WINDOWS = sys.platform.startswith("win")
IS_MACOS = sys.platform == "darwin"
IS_LINUX = sys.platform.startswith("linux")


def icon_file() -> str | None:
    """The icon in the platform's format (.ico / .icns); Linux takes it from the .desktop entry."""
    name = "yinzi.ico" if IS_WINDOWS else "yinzi.icns" if IS_MACOS else None
    if name and (ICONS / name).is_file():
        return str(ICONS / name)
    return None


def drop(entries, tags) -> list:
    """The TOC without the entries whose destination name contains one of `tags` (any OS)."""
    return [e for e in entries if not any(tag in e[0].replace("\\", "/") for tag in tags)]


# onnxruntime-gpu's CUDA/TensorRT provider libraries: most of its size, and useless without a
# matching CUDA install; the app falls back to the CPU provider (YINZI_BUNDLE_CUDA=1 keeps them).
GPU_ONLY = ("onnxruntime_providers_cuda", "onnxruntime_providers_tensorrt", "libcudnn",
            "libcublas", "libcufft", "libcurand", "libnvinfer", "libnvrtc", "libcudart")

# onnxruntime's own GPU provider libraries alone (the trainer keeps torch's CUDA libraries).
GPU_ONLY_ORT = ("onnxruntime_providers_cuda", "onnxruntime_providers_tensorrt")

# OpenCC's t2s conversion: its configuration and the dictionaries t2s.json names.
OPENCC_T2S_FILES = ("t2s.json", "CJK_Compatibility_Ideographs.ocd2", "TSPhrases.ocd2",
                    "TSCharactersExt.ocd2", "TSCharacters.ocd2")

# Python packages neither bundle runs (test and notebook tooling).
DEV_ONLY = ["pytest", "_pytest", "hypothesis", "pytestqt", "IPython", "tkinter", "_tkinter",
            "ruff", "importlinter", "PyInstaller", "setuptools", "pip", "wheel"]


def toc_sizes(entries) -> dict[str, int]:
    """Bytes on disk of each TOC entry's source file, keyed by destination name."""
    out = {}
    for dest, src, _kind in entries:
        try:
            out[dest] = Path(src).stat().st_size
        except (OSError, TypeError):
            pass
    return out


def version() -> str:
    from core.version import __version__

    return __version__


# Binaries whose symbols can go. Not the wheels' vendored libraries (`numpy.libs/` and the
# like): auditwheel patched their headers, and `strip` leaves them unloadable ("ELF load
# command address/offset not page-aligned"). Not on macOS either: it breaks code signatures.
STRIP_PATTERNS = ("libpython3*.so*", "python3*/lib-dynload/*.so",
                  "onnxruntime/capi/*.so", "PySide6/*.so*", "PySide6/Qt/lib/*.so*",
                  "PySide6/Qt/plugins/*/*.so")


def strip_symbols(bundle: Path) -> int:
    """`strip --strip-unneeded` the binaries of STRIP_PATTERNS in a built bundle folder; the
    bytes saved (0 when `strip` is not installed)."""
    import shutil
    import subprocess

    tool = shutil.which("strip")
    if tool is None:
        return 0
    internal = bundle / "_internal"
    saved = 0
    for pattern in STRIP_PATTERNS:
        for path in internal.glob(pattern):
            if not path.is_file() or path.is_symlink():
                continue
            before = path.stat().st_size
            if subprocess.run([tool, "--strip-unneeded", str(path)], capture_output=True).returncode == 0:
                saved += before - path.stat().st_size
    print(f"strip_symbols: {saved / 1024 / 1024:.1f} MB saved in {bundle}")
    return saved
