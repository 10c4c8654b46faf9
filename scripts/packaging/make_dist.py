"""Pack built bundles into what a Linux user downloads: `.tar.gz` files with install.sh, and
an AppImage of the app when `appimagetool` is on PATH.

    python scripts/packaging/make_dist.py --bundle dist/yinzi [--trainer dist/yinzi-trainer] --out dist

Writes dist/yinzi-VERSION-linux-ARCH.tar.gz (the app), dist/yinzi-trainer-VERSION-linux-ARCH.tar.gz
(the trainer, when given; unpacked and installed the same way, it lands beside the app where
the wizard finds it) and dist/Yinzi-VERSION-ARCH.AppImage. Each archive unpacks into one
folder holding the bundle, install.sh, uninstall.sh, the .desktop template and the icon.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from core.version import version_from_pyproject  # noqa: E402

LINUX = ROOT / "packaging" / "linux"
ICON = ROOT / "resources" / "icons" / "yinzi.png"
APPIMAGE_STEP = ("appimagetool was not found on PATH: the AppImage was not built. Get it from "
                 "https://github.com/AppImage/appimagetool/releases, put it on PATH and run "
                 "`make dist` again (the tarball does not need it).")


def release_files(stage: Path) -> None:
    """install.sh, uninstall.sh, the .desktop template and the icon, into a release folder."""
    for name in ("install.sh", "uninstall.sh", "yinzi.desktop.in"):
        shutil.copy2(LINUX / name, stage / name)
    for name in ("install.sh", "uninstall.sh"):
        (stage / name).chmod(0o755)
    shutil.copy2(ICON, stage / "yinzi.png")


def make_tarball(bundle: Path, name: str, out: Path) -> Path:
    """out/NAME.tar.gz holding NAME/<bundle folder> and the release files."""
    with tempfile.TemporaryDirectory(prefix="yinzi-dist-", dir=out) as tmp:
        stage = Path(tmp) / name
        stage.mkdir()
        shutil.copytree(bundle, stage / bundle.name, symlinks=True)
        release_files(stage)
        target = out / f"{name}.tar.gz"
        partial = target.with_name(target.name + ".part")
        with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
            tar.add(stage, arcname=name)
        os.replace(partial, target)   # never a half-written archive under the final name
    return target


def make_appimage(bundle: Path, version: str, arch: str, out: Path) -> Path | None:
    """An AppImage of the app bundle, or None (saying why) when appimagetool is missing."""
    tool = shutil.which("appimagetool")
    if tool is None:
        print(f"make_dist: {APPIMAGE_STEP}", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory(prefix="yinzi-appdir-", dir=out) as tmp:
        appdir = Path(tmp) / "Yinzi.AppDir"
        shutil.copytree(bundle, appdir / "usr" / "lib" / "yinzi", symlinks=True)
        apprun = appdir / "AppRun"
        apprun.write_text('#!/bin/sh\nHERE=$(dirname "$(readlink -f "$0")")\n'
                          'exec "$HERE/usr/lib/yinzi/yinzi" "$@"\n', encoding="utf-8")
        apprun.chmod(0o755)
        desktop = (LINUX / "yinzi.desktop.in").read_text(encoding="utf-8")
        desktop = desktop.replace("@EXEC@", "yinzi").replace("@ICON@", "yinzi")
        (appdir / "yinzi.desktop").write_text(desktop, encoding="utf-8")
        shutil.copy2(ICON, appdir / "yinzi.png")
        target = out / f"Yinzi-{version}-{arch}.AppImage"
        env = dict(os.environ, ARCH=arch)
        subprocess.run([tool, str(appdir), str(target)], check=True, env=env)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, required=True, help="the app bundle (dist/yinzi)")
    parser.add_argument("--trainer", type=Path, help="the trainer bundle (dist/yinzi-trainer)")
    parser.add_argument("--out", type=Path, default=Path("dist"))
    parser.add_argument("--no-appimage", action="store_true")
    args = parser.parse_args(argv)
    if not (args.bundle / "yinzi").is_file():
        print(f"make_dist: {args.bundle}/yinzi not found (run `make bundle`)", file=sys.stderr)
        return 2
    if args.trainer is not None and not (args.trainer / "yinzi-train").is_file():
        print(f"make_dist: {args.trainer}/yinzi-train not found (run `make bundle-trainer`)",
              file=sys.stderr)
        return 2
    version = version_from_pyproject(ROOT / "pyproject.toml") or "0"
    arch = platform.machine() or "x86_64"
    args.out.mkdir(parents=True, exist_ok=True)
    made = [make_tarball(args.bundle, f"yinzi-{version}-linux-{arch}", args.out)]
    if args.trainer is not None:
        made.append(make_tarball(args.trainer, f"yinzi-trainer-{version}-linux-{arch}", args.out))
    if not args.no_appimage:
        image = make_appimage(args.bundle, version, arch, args.out)
        if image is not None:
            made.append(image)
    for path in made:
        print(f"make_dist: {path} ({path.stat().st_size / 1024 / 1024:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
