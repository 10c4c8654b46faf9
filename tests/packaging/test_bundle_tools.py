"""The size report of a bundle folder, and the TOC pruning the specs share."""
from __future__ import annotations

import gzip
import io
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "packaging"))
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_report  # noqa: E402
import spec_common  # noqa: E402


def make_bundle(root: Path) -> Path:
    files = {"yinzi": 10, "_internal/libpython3.11.so.1.0": 300,
             "_internal/resources/lexicon/bi_w2.npy": 500, "_internal/resources/models/a.onnx": 200,
             "_internal/PySide6/Qt/lib/libQt6Core.so.6": 400, "_internal/jieba/dict.txt": 100}
    for rel, size in files.items():
        path = root / "yinzi" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
    return root / "yinzi"


def test_parts_split_resources_and_pyside(tmp_path: Path) -> None:
    r = bundle_report.report(make_bundle(tmp_path), compress=False)
    assert r["files"] == 6
    assert list(r["largest_parts_mb"]) == ["resources/lexicon", "PySide6/Qt", "(top-level files)",
                                           "resources/models", "jieba"]


def test_compressed_size_is_that_of_a_real_tar_gz(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=6, mtime=0) as gz:
        with tarfile.open(fileobj=gz, mode="w|") as tar:
            tar.add(bundle, arcname=bundle.name)
    r = bundle_report.report(bundle)
    assert abs(r["compressed_tar_gz_mb"] - len(buffer.getvalue()) / 1024 / 1024) < 0.01


def test_budget_fails_the_report(tmp_path: Path, capsys) -> None:
    bundle = make_bundle(tmp_path)
    assert bundle_report.main([str(bundle), "--no-compress", "--budget-mb", "1"]) == 0
    assert bundle_report.main([str(bundle), "--no-compress", "--budget-mb", "0.0001"]) == 1
    assert "over the" in capsys.readouterr().err


def test_drop_matches_destination_names_on_any_os() -> None:
    toc = [("jieba/lac_small/model", "/src/a", "DATA"), ("jieba\\dict.txt", "/src/b", "DATA"),
           ("resources\\models\\p2c-default\\model.onnx", "/src/c", "DATA")]
    kept = spec_common.drop(toc, ("jieba/lac_small", "resources/models/p2c-default/model.onnx"))
    assert kept == [("jieba\\dict.txt", "/src/b", "DATA")]
