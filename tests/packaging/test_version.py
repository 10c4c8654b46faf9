"""core.version: one version string, from pyproject.toml in a checkout, else package metadata."""
from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest

from core import version

ROOT = Path(__file__).resolve().parents[2]


def test_checkout_version_is_the_pyproject_version() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{version.__version__}"' in text


def test_reads_only_the_project_table(tmp_path: Path) -> None:
    f = tmp_path / "pyproject.toml"
    f.write_text('[tool.x]\nversion = "9.9"\n[project]\nname = "yinzi"\nversion = "1.2.3"\n'
                 '[tool.y]\nversion = "8.8"\n', encoding="utf-8")
    assert version.version_from_pyproject(f) == "1.2.3"


def test_no_project_version_gives_none(tmp_path: Path) -> None:
    f = tmp_path / "pyproject.toml"
    f.write_text('[project]\nname = "yinzi"\n[tool.y]\nversion = "8.8"\n', encoding="utf-8")
    assert version.version_from_pyproject(f) is None
    assert version.version_from_pyproject(tmp_path / "missing.toml") is None


def test_without_pyproject_falls_back_to_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    # A frozen bundle or a wheel install has no pyproject.toml beside the packages.
    monkeypatch.setattr(version, "version_from_pyproject", lambda path: None)
    monkeypatch.setattr(metadata, "version", lambda name: "4.5.6")
    assert version.read_version() == "4.5.6"


def test_without_either_says_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(version, "version_from_pyproject", lambda path: None)
    monkeypatch.setattr(metadata, "version", missing)
    assert version.read_version() == version.UNKNOWN
