"""Reading and splitting the user's text, and refusing bad input with one clear line."""
from __future__ import annotations

import errno
import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, read_events, run_cli, write_corpus

from trainer.adapt.corpus import (
    MAX_BLOCK_LINES,
    T2S,
    collect_files,
    held_out_documents,
    iter_documents,
    split_corpus,
)

BASE = ROOT / "resources" / "models" / "p2c-default"


def test_split_is_by_document_and_disjoint(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", files=40, lines=3)
    for k, f in enumerate(sorted(corpus.iterdir())):   # a tag per document
        f.write_text(f.read_text(encoding="utf-8") + f"文档编号{'甲乙丙丁戊己庚辛壬癸'[k % 10]}{k}号\n",
                     encoding="utf-8")
    r = split_corpus(collect_files([str(corpus)]), tmp_path / "train.txt", tmp_path / "held.txt",
                     held_out=0.1, seed=3)
    assert r.documents == 40 and r.held_out_documents == 4
    held = held_out_documents(tmp_path / "held.txt")
    train = held_out_documents(tmp_path / "train.txt")
    assert len(held) == 4 and len(train) == 36
    tag = lambda doc: next(line for line in doc if line.startswith("文档编号"))  # noqa: E731
    assert not {tag(d) for d in held} & {tag(d) for d in train}
    assert r.train_han + r.held_out_han == r.han_chars


def test_one_file_splits_at_blank_lines(tmp_path: Path) -> None:
    f = tmp_path / "book.txt"
    f.write_text("\n\n".join(f"第{i}章开始了。\n这是第{i}章的正文。" for i in range(30)), encoding="utf-8")
    docs = list(iter_documents([f], T2S()))
    assert len(docs) == 30 and docs[0][1] == ["第0章开始了。", "这是第0章的正文。"]


def test_a_long_block_is_cut_and_streamed(tmp_path: Path) -> None:
    f = tmp_path / "long.txt"
    f.write_text("\n".join("长长的一段文字。" for _ in range(3 * MAX_BLOCK_LINES)), encoding="utf-8")
    docs = iter_documents([f], T2S())
    first = next(docs)                      # a generator: the file is never read whole
    assert len(first[1]) == MAX_BLOCK_LINES


def test_traditional_is_converted(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "t", files=2, lines=4, traditional=True)
    summaries: dict = {}
    lines = [line for _, doc in iter_documents(collect_files([str(corpus)]), T2S(), summaries) for line in doc]
    assert all("劍" not in line for line in lines) and any("剑" in line for line in lines)
    assert all(s.traditional_converted for s in summaries.values())


def test_markdown_is_read(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# 标题\n\n正文第一段。\n", encoding="utf-8")
    assert collect_files([str(tmp_path)]) == [tmp_path / "notes.md"]


def _adapt(tmp_path: Path, *extra: str, corpus: Path | None = None, out: Path | None = None):
    out = out or tmp_path / "out"
    done = run_cli(["adapt", "--corpus", str(corpus or tmp_path / "in"), "--out", str(out),
                    "--preset", "tiny", "--gpus", "cpu", "--events", "-", "--quiet", *extra], timeout=300)
    return done, read_events(done.stdout)


def _refused(done, events, kind: str, words: str) -> None:
    assert done.returncode == 2, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    err = [e for e in events if e["event"] == "error"]
    assert len(err) == 1 and err[0]["kind"] == kind and words in err[0]["message"], err
    assert "\n" not in err[0]["message"]
    assert events[-1] == {"event": "done", "time": events[-1]["time"], "exit_code": 2}
    assert f"error: {err[0]['message']}" in done.stderr          # --quiet still says why


def test_refuses_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    _refused(*_adapt(tmp_path), "input", "holds no text files")


def test_refuses_binary_files(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(b"\x7fELF\x00\x01\x02" * 100)
    _refused(*_adapt(tmp_path), "input", "binary")


def test_refuses_a_huge_binary_file_without_reading_it(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    with open(tmp_path / "in" / "big.txt", "wb") as fh:   # 2 GB, sparse: zeros
        fh.truncate(2 * 1024**3)
    _refused(*_adapt(tmp_path), "input", "binary")


def test_refuses_text_without_chinese(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("just some English\nand more\n", encoding="utf-8")
    _refused(*_adapt(tmp_path), "input", "no Chinese")


def test_refuses_an_out_that_holds_a_model(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", files=3)
    out = tmp_path / "out"
    out.mkdir()
    shutil.copyfile(BASE / "manifest.json", out / "manifest.json")
    _refused(*_adapt(tmp_path, out=out), "input", "already holds a model")
    _refused(*_adapt(tmp_path, "--resume", out=out), "input", "already holds a model")


def test_refuses_a_base_that_is_not_a_model(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", files=3)
    (tmp_path / "notamodel").mkdir()
    _refused(*_adapt(tmp_path, "--base", str(tmp_path / "notamodel")), "model", "not a model folder")


def test_disk_full_is_a_disk_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    import trainer.adapt.corpus as corpus_mod
    from trainer.commands.adapt import main

    write_corpus(tmp_path / "in", files=3)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "out" / ".run" / "train.txt"))

    monkeypatch.setattr(corpus_mod, "split_corpus", full)
    code = main(["--corpus", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--preset", "tiny",
                 "--gpus", "cpu", "--events", "-", "--quiet"])
    assert code == 2
    events = read_events(capsys.readouterr().out)
    err = [e for e in events if e["event"] == "error"][0]
    assert err["kind"] == "disk" and "disk full" in err["message"]


def test_inspect_corpus_json(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", files=3, lines=4, traditional=True)
    (corpus / "dup.txt").write_text("重复的一行文字。\n重复的一行文字。\n", encoding="utf-8")
    (corpus / "bad.jsonl").write_text('{"text": "好的文字"}\n{"text": 1}\n', encoding="utf-8")
    done = run_cli(["inspect-corpus", "--json", str(corpus)], timeout=120)
    info = json.loads(done.stdout)
    assert set(info) == {"files", "totals", "samples", "problems", "enough", "advice"}
    keys = {"path", "lines", "han_chars", "duplicates", "non_chinese_share", "encoding",
            "traditional_converted", "error"}
    assert all(set(f) == keys for f in info["files"])
    assert set(info["totals"]) == {"files", "lines", "han_chars", "duplicates"}
    assert info["totals"]["files"] == 5 and info["totals"]["duplicates"] >= 1
    assert any(f["traditional_converted"] for f in info["files"])
    bad = [p for p in info["problems"] if p["path"].endswith("bad.jsonl")]
    assert bad and bad[0]["line"] == 2 and set(bad[0]) == {"path", "line", "message"}
    assert info["enough"] is False and "200,000" in info["advice"]
    assert 1 <= len(info["samples"]) <= 10


def test_inspect_corpus_reads_the_good_paths_beside_a_missing_one(tmp_path: Path) -> None:
    from trainer.commands.inspect_corpus import inspect

    corpus = write_corpus(tmp_path / "c", files=2, lines=4)
    missing = str(tmp_path / "nope")
    info = inspect([str(corpus), missing])
    assert info["totals"]["files"] == 2 and info["totals"]["han_chars"] > 0
    assert [p["path"] for p in info["problems"]] == [missing]


def test_devices_measures_segmentation_and_training_speed() -> None:
    from trainer.commands.devices import describe, measure

    info = measure(describe(), 0.2, None)
    assert info["segmentation_chars_per_s"] > 0
    assert info["training_tokens_per_s"]["cpu"] > 0 and "errors" not in info


def test_devices_json() -> None:
    done = run_cli(["devices", "--json"], timeout=120)
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout)
    assert set(info) == {"cpu", "cuda", "torch"}
    assert set(info["cpu"]) == {"name", "cores"} and info["cpu"]["cores"] >= 1
    assert set(info["torch"]) == {"version", "cuda_build"}
    for g in info["cuda"]:
        assert set(g) == {"index", "name", "total_mb", "free_mb"}
