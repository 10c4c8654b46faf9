"""install.sh / uninstall.sh and the release tarball, on a stand-in bundle (a shell script in
place of the frozen app, so this runs in a second; `make dist` runs the same checks on the
real bundle): per-user install, a menu entry whose Exec line runs the app, `yinzi` on PATH,
and an uninstall that keeps only the user's data, or with --purge leaves nothing."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "packaging"))

import install_test  # noqa: E402
import make_dist  # noqa: E402

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux installer")

# Stands in for the frozen app: answers --version, and like the app writes its settings.
FAKE_APP = """#!/bin/sh
case "$1" in
  --version) echo "yinzi 0.1.0" ;;
  *) mkdir -p "$HOME/.config/yinzi" "$HOME/.local/share/yinzi" &&
     echo '{}' > "$HOME/.config/yinzi/settings.json" && echo x > "$HOME/.local/share/yinzi/user.txt" ;;
esac
"""
FAKE_TRAINER = '#!/bin/sh\n[ "$1" = --version ] && echo "yinzi-train 0.1.0"\n'


def fake_bundle(folder: Path, exe: str, script: str) -> Path:
    folder.mkdir(parents=True)
    (folder / exe).write_text(script, encoding="utf-8")
    (folder / exe).chmod(0o755)
    (folder / "_internal").mkdir()
    (folder / "_internal" / "data.bin").write_bytes(b"\0" * 100)
    return folder


def test_tarball_install_launch_uninstall(tmp_path: Path) -> None:
    app = fake_bundle(tmp_path / "build" / "yinzi", "yinzi", FAKE_APP)
    trainer = fake_bundle(tmp_path / "build" / "yinzi-trainer", "yinzi-train", FAKE_TRAINER)
    out = tmp_path / "dist"
    out.mkdir()
    assert make_dist.main(["--bundle", str(app), "--trainer", str(trainer), "--out", str(out),
                           "--no-appimage"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "yinzi-0.1.0-linux-" + make_dist.platform.machine() + ".tar.gz",
        "yinzi-trainer-0.1.0-linux-" + make_dist.platform.machine() + ".tar.gz"]
    assert install_test.main([str(out)]) == 0


def test_exec_line_drops_field_codes(tmp_path: Path) -> None:
    entry = tmp_path / "yinzi.desktop"
    entry.write_text('[Desktop Entry]\nExec="/home/a b/.local/opt/yinzi/yinzi" %f\n', encoding="utf-8")
    assert install_test.exec_argv(entry) == ["/home/a b/.local/opt/yinzi/yinzi"]


def test_install_without_a_bundle_says_so(tmp_path: Path) -> None:
    import subprocess

    stage = tmp_path / "release"
    stage.mkdir()
    make_dist.release_files(stage)
    r = subprocess.run(["sh", str(stage / "install.sh")], env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
                       capture_output=True, text=True)
    assert r.returncode == 2 and "no yinzi/ or yinzi-trainer/ folder" in r.stderr
    assert not (tmp_path / ".local").exists()


def test_release_folder_uninstaller_removes_the_install_not_itself(tmp_path: Path) -> None:
    import subprocess

    release = tmp_path / "release"
    release.mkdir()
    make_dist.release_files(release)
    fake_bundle(release / "yinzi", "yinzi", FAKE_APP)
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    uninstall = ["sh", str(release / "uninstall.sh")]
    r = subprocess.run(uninstall, env=env, capture_output=True, text=True)
    assert r.returncode == 2 and "not installed" in r.stderr      # nothing to remove yet
    assert (release / "yinzi" / "yinzi").is_file()
    assert subprocess.run(["sh", str(release / "install.sh")], env=env).returncode == 0
    assert (home / ".local/opt/yinzi/yinzi").is_file()
    assert subprocess.run(uninstall, env=env, capture_output=True).returncode == 0
    assert not (home / ".local").exists()
    assert (release / "yinzi" / "yinzi").is_file() and (release / "uninstall.sh").is_file()
