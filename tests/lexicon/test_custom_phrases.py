"""Custom phrases: the user's keys, the date/time macros, TSV exchange, and bad input."""
from __future__ import annotations

import datetime as dt

import pytest

from core.lexicon.custom_phrases import CustomPhrase, CustomPhraseError, CustomPhrases

NOW = dt.datetime(2026, 12, 6, 9, 5, 7)  # a Sunday


@pytest.fixture
def phrases(tmp_path):
    store = CustomPhrases(tmp_path / "c.sqlite", clock=lambda: NOW)
    yield store
    store.close()


def test_user_phrases_come_first_in_order_and_persist(tmp_path, phrases):
    phrases.add("dz", "北京市海淀区中关村大街1号")
    phrases.add("yx", "me@example.com")
    phrases.add("dz", "上海市")
    assert phrases.lookup("dz") == ["北京市海淀区中关村大街1号", "上海市"]
    assert phrases.lookup("d") == [] and phrases.lookup("nothing") == []
    phrases.close()
    again = CustomPhrases(tmp_path / "c.sqlite")
    assert again.lookup("yx") == ["me@example.com"]
    again.close()


def test_macros_expand_at_lookup_after_the_users_own(phrases):
    assert phrases.lookup("rq") == ["2026-12-06", "2026年12月6日", "2026/12/06"]
    assert phrases.lookup("sj")[:2] == ["09:05", "9时05分"]
    assert phrases.lookup("xq") == ["星期日", "周日"]
    phrases.add("sj", "时间就是金钱")
    assert phrases.lookup("sj")[0] == "时间就是金钱"


def test_edit_delete_and_bad_input(phrases):
    phrases.add("dz", "北京")
    phrases.update(CustomPhrase("dz", "北京"), "DZ", "上海")
    assert phrases.lookup("dz") == ["上海"]
    for key, text in (("d z", "x"), ("", "x"), ("dz", ""), ("dz", "a\tb"), ("dz", "字" * 501),
                      ("dz1", "x")):
        with pytest.raises(CustomPhraseError):
            phrases.add(key, text)
    with pytest.raises(CustomPhraseError, match="already"):
        phrases.add("dz", "上海")
    phrases.delete(CustomPhrase("dz", "上海"))
    assert phrases.entries() == []


def test_tsv_round_trip_and_an_all_or_nothing_import(tmp_path, phrases):
    phrases.add("dz", '他说"你好"')
    phrases.add("yx", "me@example.com")
    out = tmp_path / "p.tsv"
    assert phrases.export_tsv(out) == 2
    other = CustomPhrases(tmp_path / "d.sqlite")
    assert other.import_tsv(out) == 2
    assert other.lookup("dz") == ['他说"你好"']
    bad = tmp_path / "bad.tsv"
    bad.write_text("ab\t好\n1x\t坏\nok\t\n", encoding="utf-8")
    with pytest.raises(CustomPhraseError, match="2 unusable lines.*line 2"):
        other.import_tsv(bad)
    assert other.lookup("ab") == []
    other.close()


def test_an_unwritable_folder_keeps_phrases_in_memory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = CustomPhrases(blocker / "c.sqlite")   # its folder cannot be made
    assert store.error and "cannot be saved" in store.error
    store.add("dz", "北京")
    assert store.lookup("dz") == ["北京"]
    store.close()
