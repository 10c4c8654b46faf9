"""Manifest stamps: sizes and sha256 recorded at build time, checked when loading."""
from __future__ import annotations

import json

from core import integrity


def _folder(tmp_path):
    (tmp_path / "manifest.json").write_text(json.dumps({"format": 1, "files": {"fp32": "a.bin"}}))
    (tmp_path / "a.bin").write_bytes(b"\x00" * 100)
    (tmp_path / "b.txt").write_text("hello")
    return tmp_path


def test_stamp_records_every_file_but_the_manifest_and_keeps_other_keys(tmp_path):
    folder = _folder(tmp_path)
    integrity.stamp(folder)
    data = json.loads((folder / "manifest.json").read_text())
    assert data["files"] == {"fp32": "a.bin"}
    assert set(data[integrity.KEY]) == {"a.bin", "b.txt"}
    assert data[integrity.KEY]["a.bin"]["size"] == 100
    assert integrity.verify(folder) == []
    assert not list(folder.glob(".*tmp"))


def test_verify_reports_truncated_changed_and_missing_files(tmp_path):
    folder = _folder(tmp_path)
    integrity.stamp(folder)
    (folder / "a.bin").write_bytes(b"\x00" * 50)
    (folder / "b.txt").write_text("jello")
    problems = integrity.verify(folder)
    assert len(problems) == 2
    assert "a.bin has 50 bytes" in problems[0] and "b.txt does not match" in problems[1]
    (folder / "b.txt").unlink()
    assert integrity.verify(folder, ["b.txt"]) == ["b.txt is missing"]
    assert integrity.verify(folder, ["not-recorded"]) == []


def test_legacy_manifest_passes_and_unreadable_one_is_a_problem(tmp_path):
    folder = _folder(tmp_path)
    assert integrity.verify(folder) == []
    (folder / "manifest.json").write_bytes(b"\xff{")
    assert len(integrity.verify(folder)) == 1
