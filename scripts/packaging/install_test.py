"""Install a release tarball into a fresh HOME, launch the app through its .desktop entry's
Exec line, uninstall, and check that nothing is left behind.

    python scripts/packaging/install_test.py dist            # the newest yinzi-*.tar.gz there
    python scripts/packaging/install_test.py dist/yinzi-0.1.0-linux-x86_64.tar.gz

Two rounds: `uninstall.sh` keeps only the user's data folders; `uninstall.sh --purge` leaves
HOME exactly as empty as it was. A trainer tarball beside the app's is installed too, and
`yinzi-train --version` is run from PATH. Exit 0 when all pass.
"""
from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bundle_test import Checks  # noqa: E402

DATA_DIRS = (".local/share/yinzi", ".config/yinzi", ".cache/yinzi")


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.is_file() or p.is_symlink())


def exec_argv(desktop_file: Path) -> list[str]:
    """The Exec line of a .desktop entry as argv, field codes (%f, %F, %u, ...) dropped."""
    for line in desktop_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            return [a for a in shlex.split(line[len("Exec="):]) if not (len(a) == 2 and a[0] == "%")]
    raise ValueError(f"{desktop_file} has no Exec line")


def unpack(tarball: Path, into: Path) -> Path:
    with tarfile.open(tarball) as tar:
        tar.extractall(into, filter="tar") if hasattr(tarfile, "data_filter") else tar.extractall(into)
    (folder,) = [p for p in into.iterdir() if p.is_dir()]
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("where", type=Path, help="a yinzi-*.tar.gz, or the folder holding it")
    args = parser.parse_args(argv)
    if args.where.is_dir():
        found = sorted(args.where.glob("yinzi-[0-9]*-linux-*.tar.gz"), key=lambda p: p.stat().st_mtime)
        if not found:
            print(f"install_test: no yinzi-*.tar.gz in {args.where} (run `make dist`)", file=sys.stderr)
            return 2
        app_tar = found[-1]
    elif args.where.is_file():
        app_tar = args.where
    else:
        print(f"install_test: {args.where} not found", file=sys.stderr)
        return 2
    trainer_tar = app_tar.with_name(app_tar.name.replace("yinzi-", "yinzi-trainer-", 1))
    check = Checks("install_test")

    base = Path(tempfile.mkdtemp(prefix="yinzi-install-test-"))
    home = base / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": f"{home}/.local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
           "TMPDIR": str(base)}
    releases = [unpack(app_tar, base / "app")]
    if trainer_tar.is_file():
        releases.append(unpack(trainer_tar, base / "trainer"))

    def sh(argv: list[str], **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(argv, env={**env, **extra}, cwd=base, capture_output=True,
                              text=True, timeout=180)

    for purge in (False, True):
        round_name = "uninstall --purge" if purge else "uninstall"
        for release in releases:
            r = sh(["sh", str(release / "install.sh")])
            check(f"install.sh ({release.name})", r.returncode == 0, r.stderr[-500:])
        desktop = home / ".local/share/applications/yinzi.desktop"
        check("menu entry written", desktop.is_file())
        icon = home / ".local/share/icons/hicolor/256x256/apps/yinzi.png"
        check("icon installed", icon.is_file())
        if desktop.is_file():
            argv = exec_argv(desktop)
            check("Exec points at the installed app", Path(argv[0]).is_file(), str(argv))
            # What a menu click runs, with a window that closes itself after 3 s.
            r = sh([*argv, "--quit-after", "3"], QT_QPA_PLATFORM="offscreen")
            check("the Exec line starts the app and exits 0", r.returncode == 0,
                  f"exit {r.returncode}: {r.stderr[-500:]}")
        r = sh(["yinzi", "--version"])
        check("`yinzi` on PATH", r.returncode == 0 and r.stdout.startswith("yinzi "),
              r.stdout + r.stderr[-300:])
        if len(releases) > 1:
            r = sh(["yinzi-train", "--version"])
            check("`yinzi-train` on PATH", r.returncode == 0 and r.stdout.startswith("yinzi-train "),
                  r.stdout + r.stderr[-300:])
        r = sh(["sh", str(home / ".local/opt/yinzi/uninstall.sh"), *(["--purge"] if purge else [])])
        check(round_name, r.returncode == 0, r.stderr[-500:])
        left = files_under(home)
        if purge:
            leftover_dirs = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
            check("nothing left after --purge", not leftover_dirs, str(leftover_dirs[:20]))
        else:
            stray = [p for p in left if not p.startswith(DATA_DIRS)]
            check("only the user's data is kept", not stray, str(stray[:20]))
    return check.finish(base)


if __name__ == "__main__":
    sys.exit(main())
