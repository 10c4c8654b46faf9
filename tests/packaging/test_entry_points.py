"""The `yinzi` entry point (also the frozen app's) answers --version and --self-test itself,
hands convert/analyze to core.cli, and opens the app for files and app options."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.version import __version__
from desktop import cli

ROOT = Path(__file__).resolve().parents[2]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out == f"yinzi {__version__}\n"


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    for word in ("convert", "analyze", "--self-test", "--version", "wizard"):
        assert word in out


def test_commands_go_to_core_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    import core.cli

    seen = []
    monkeypatch.setattr(core.cli, "main", lambda argv: seen.append(argv) or 7)
    assert cli.main(["convert", "nihao"]) == 7
    assert cli.main(["analyze", "--file", "x.csv"]) == 7
    assert seen == [["convert", "nihao"], ["analyze", "--file", "x.csv"]]


def test_files_and_app_options_open_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop.__main__ as gui

    opened = []
    monkeypatch.setattr(gui, "main", lambda argv: opened.append(argv) or 0)
    doc = tmp_path / "notes.txt"
    doc.write_text("你好", encoding="utf-8")
    for argv in ([], [str(doc)], ["--no-model"], ["wizard"], ["app", str(doc)]):
        assert cli.main(argv) == 0
    assert opened == [[], [str(doc)], ["--no-model"], ["wizard"], ["app", str(doc)]]


def test_unknown_command_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["convrt", "nihao"])
    assert exc.value.code == 2
    assert "invalid choice: 'convrt'" in capsys.readouterr().err


def test_trainer_version() -> None:
    from trainer.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0


def test_importing_the_app_entry_turns_onnxruntime_telemetry_off(tmp_path: Path) -> None:
    # onnxruntime writes ~/.cache/Microsoft/... and TMPDIR/.ses on import unless told not to.
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "TMPDIR": str(tmp),
           "PYTHONPATH": str(ROOT)}
    code = "import desktop.cli, onnxruntime, os; print(os.environ['ORT_DISABLE_TELEMETRY'])"
    r = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "1"
    assert [p for p in home.rglob("*")] == [] and [p for p in tmp.rglob("*")] == []
