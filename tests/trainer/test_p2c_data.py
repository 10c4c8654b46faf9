"""The corpus pipeline: readers (formats, encodings, bad input), annotation, shards, packing."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest
from p2c_fixtures import build_tiny_shards

from trainer.data.annotate import annotate_text, readings, split_pieces
from trainer.data.readers import CorpusError, ReadOptions, find_files, iter_records


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("utf8.txt", "你好\n世界\n".encode(), ["你好", "世界"]),
        ("bom.txt", b"\xef\xbb\xbf" + "你好\r\n世界".encode(), ["你好", "世界"]),
        ("gbk.txt", "你好\n中国人民\n".encode("gb18030"), ["你好", "中国人民"]),
        # Notepad's "Unicode": UTF-16 with a BOM, read as the app's batch reader reads it
        ("u16.txt", "你好\r\n世界\r\n".encode("utf-16"), ["你好", "世界"]),
        ("u16be.tsv", "\ufefflabel\ttext\n1\t很好\n".encode("utf-16-be"), ["很好"]),
        ("z.txt.gz", gzip.compress("压缩的\n文本\n".encode()), ["压缩的", "文本"]),
        ("t.tsv", "label\ttext\n1\t很好\n0\t很差\n".encode(), ["很好", "很差"]),
        ("j.jsonl", '{"text": "一行"}\n\n{"text": "两行"}\n'.encode(), ["一行", "两行"]),
    ],
)
def test_reads_formats_and_encodings(tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    assert list(iter_records(path)) == expected


def test_csv_column_by_name_and_missing_column(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("id,review,stars\n1,\"好,很好\",5\n", encoding="utf-8")
    assert list(iter_records(path, ReadOptions(column="review"))) == ["好,很好"]
    with pytest.raises(CorpusError, match="no column 'body'"):
        list(iter_records(path, ReadOptions(column="body")))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", r"empty\.bin\.txt: empty file"),
        (b"\x7fELF\x02\x01\x00\x00binary", r"looks binary \(NUL byte at byte offset 6\)"),
        ("好".encode() * 10 + b"\xff\xfe\xfd\xfc\x80\x80" * 3, r"undecodable byte at offset 30"),
    ],
)
def test_bad_input_names_file_and_offset(tmp_path, data, message):
    path = tmp_path / "empty.bin.txt"
    path.write_bytes(data)
    with pytest.raises(CorpusError, match=message):
        list(iter_records(path))


def test_undecodable_bytes_late_in_a_file_give_the_byte_offset(tmp_path):
    good = ("这是一行很正常的中文文本。\n" * 8000).encode()   # > the 64 KB sniffed head
    path = tmp_path / "late.txt"
    path.write_bytes(good + b"\xff\xff\n")
    with pytest.raises(CorpusError, match=rf"late\.txt: cannot decode as utf-8 at byte offset {len(good)}"):
        list(iter_records(path))


def test_jsonl_errors_name_the_line(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "好"}\n{"body": "坏"}\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"x\.jsonl:2: no text field 'text'"):
        list(iter_records(path))


def test_find_files_rejects_unknown_types_and_missing_paths(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(CorpusError, match="unsupported file type"):
        find_files([tmp_path / "a.pdf"])
    with pytest.raises(CorpusError, match="no such file"):
        find_files([tmp_path / "nope.txt"])
    with pytest.raises(CorpusError, match="holds no corpus files"):
        find_files([tmp_path])


def test_readings_are_phrase_aware_and_use_v():
    assert readings("银行行走") == ["yin", "hang", "xing", "zou"]
    assert readings("绿色，ok") == ["lv", "se", None, None, None]


def test_pieces_respect_the_length_limit():
    text = "这是一个句子。" * 40 + "没有标点的很长的句子" * 20
    pieces = list(split_pieces(text, max_len=64))
    assert "".join(pieces) == text
    assert all(0 < len(p) <= 64 for p in pieces)


def test_prepare_writes_shards_and_manifest(tmp_path):
    from trainer.data.pack import pack, unpack
    from trainer.data.shards import ShardSet

    shards_dir = build_tiny_shards(tmp_path)
    manifest = json.loads((shards_dir / "shards.json").read_text(encoding="utf-8"))
    assert len(manifest["sources"]) == 2 and manifest["totals"]["lines"] == 400
    assert all(len(s["sha256"]) == 64 for s in manifest["sources"])
    shards = ShardSet.open(shards_dir)
    assert shards.tokens == manifest["totals"]["tokens"] > 0
    from core.model.spec import Vocab

    vocab = Vocab.load(shards_dir / "vocab.json")
    hz, py = shards.piece(0)
    text = "".join(vocab.hanzi.tokens[i] for i in hz)
    assert (list(hz), list(py)) == tuple(map(list, annotate_text(text, vocab)))
    # pack -> unpack is lossless (the GPU machine has no pypinyin)
    pack(shards_dir, tmp_path / "p.xz")
    back = ShardSet.open(unpack(tmp_path / "p.xz", tmp_path / "unpacked"))
    assert np.array_equal(np.asarray(back.pinyin), np.asarray(shards.pinyin))
    assert np.array_equal(back.lengths, shards.lengths)


def test_prepare_command_line(tmp_path, capsys):
    from p2c_fixtures import write_tiny_corpus

    from trainer.cli import main

    corpus = write_tiny_corpus(tmp_path / "corpus", n_lines=40)
    dev = tmp_path / "dev.txt"
    dev.write_text("我们是中国人，今天天气很好\n", encoding="utf-8")
    rc = main(["prepare", str(corpus), "--out", str(tmp_path / "out"), "--workers", "1", "--quiet",
               "--dev", str(dev)])
    assert rc == 0
    assert (tmp_path / "out" / "dev.npz").exists() and (tmp_path / "out" / "shards.json").exists()
    assert "40 lines" in capsys.readouterr().out
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02")
    assert main(["prepare", str(tmp_path / "bad.txt"), "--out", str(tmp_path / "o2"), "--quiet"]) == 2
    assert "bad.txt: looks binary" in capsys.readouterr().err


def test_prepare_leaves_out_dev_clauses_and_never_walks_into_evaluation_files(tmp_path, capsys):
    from trainer.cli import main

    leaked = "这是一句评测集里的句子绝对不能学"
    data = tmp_path / "data"
    (data / "corpus").mkdir(parents=True)
    (data / "p2c").mkdir()
    (data / "sentiment").mkdir()
    lines = ["我们是中国人", "今天天气很好"] * 10 + [f"他说{leaked}然后走了"] * 3
    (data / "corpus" / "news.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (data / "p2c" / "dev.txt").write_text(leaked + "\n", encoding="utf-8")
    (data / "sentiment" / "reviews_test.tsv").write_text("label\ttext\n1\t很好\n", encoding="utf-8")
    rc = main(["prepare", str(data), "--out", str(tmp_path / "out"), "--workers", "1", "--quiet",
               "--dev", str(data / "p2c" / "dev.txt")])
    assert rc == 0
    manifest = json.loads((tmp_path / "out" / "shards.json").read_text(encoding="utf-8"))
    assert [Path(s["path"]).name for s in manifest["sources"]] == ["news.txt"]
    assert manifest["sources"][0]["lines"] == 20
    assert manifest["sources"][0]["lines_left_out"] == 3
    assert sorted(Path(p).name for p in manifest["skipped_evaluation_files"]) == ["dev.txt", "reviews_test.tsv"]
    out = capsys.readouterr().out
    assert "left out 3 lines that contain an evaluation clause" in out
    # naming the dev file as an input while excluding it is refused
    assert main(["prepare", str(data / "p2c" / "dev.txt"), "--out", str(tmp_path / "o2"), "--quiet",
                 "--exclude", str(data / "p2c" / "dev.txt")]) == 2
    assert "both an input and an evaluation file" in capsys.readouterr().err
