"""ClauseGuard and is_evaluation_file: evaluation text never reaches a build."""
from __future__ import annotations

import gzip

import pytest

from core.exclusion import ClauseGuard, han_clauses, is_evaluation_file

DEV_CLAUSE = "今天北京的天气非常晴朗适合出去散步"


def test_han_clauses_keeps_runs_of_ten_or_more():
    assert han_clauses("短句，" + DEV_CLAUSE + "。abc") == [DEV_CLAUSE]
    assert han_clauses("一二三四五六七八九") == []          # nine characters


def test_guard_finds_a_clause_inside_a_longer_line():
    guard = ClauseGuard([DEV_CLAUSE])
    assert guard.find("他说" + DEV_CLAUSE + "然后走了") == DEV_CLAUSE
    assert guard.contains("前言：" + DEV_CLAUSE)
    # the same first ten characters but a different ending is not the clause
    assert not guard.contains(DEV_CLAUSE[:12] + "不适合")
    assert not guard.contains("完全无关的一句话而且足够长了")


def test_guard_needs_the_whole_clause_not_a_piece_split_by_punctuation():
    guard = ClauseGuard([DEV_CLAUSE])
    assert not guard.contains(DEV_CLAUSE[:9] + "，" + DEV_CLAUSE[9:])


def test_from_files_reads_text_tsv_and_gzip(tmp_path):
    txt = tmp_path / "dev.txt"
    txt.write_text(DEV_CLAUSE + "\n短\n", encoding="utf-8")
    tsv = tmp_path / "x_test.tsv"
    tsv.write_text("label\ttext\n1\t这家酒店的服务态度真的非常好下次还来\n", encoding="utf-8")
    gz = tmp_path / "more.txt.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.write("压缩文件里的评测句子也要被排除在外\n")
    guard = ClauseGuard.from_files([txt, tsv, gz])
    assert len(guard) == 3
    assert guard.contains("评论：这家酒店的服务态度真的非常好下次还来！")
    assert guard.contains("压缩文件里的评测句子也要被排除在外")
    with pytest.raises(FileNotFoundError):
        ClauseGuard.from_files([tmp_path / "missing.txt"])


def test_empty_guard_contains_nothing():
    assert not ClauseGuard()
    assert ClauseGuard().find(DEV_CLAUSE) is None


@pytest.mark.parametrize("path, expected", [
    ("data/p2c/dev.txt", True),
    ("data/p2c/dev_sources.tsv", True),
    ("data/p2c/anything.txt", True),
    ("data/sentiment/chnsenticorp_test_unseen.tsv", True),
    ("data/sentiment/chnsenticorp_dev.tsv", True),
    ("mine/valid.jsonl", True),
    ("data/sentiment/chnsenticorp_train.tsv", False),
    ("data/corpus/kdconv_devtest.txt.gz", False),     # a corpus built from another set's splits
    ("data/corpus/cmrc2018_devtrial.txt.gz", False),
    ("data/corpus/weibo_ced_rumor.txt.gz", False),
    ("notes/developer.txt", False),
])
def test_is_evaluation_file(path, expected):
    assert is_evaluation_file(path) is expected
