"""User lexicon: learning, persistence across restarts, decay, TSV, corrupt-file recovery."""
from __future__ import annotations

import logging
import time

import pytest

from core.lexicon.user import HALF_LIFE_DAYS, UserLexicon, UserLexiconError, decayed


def test_learn_persists_across_restarts(tmp_path) -> None:
    path = tmp_path / "u.sqlite"
    lex = UserLexicon(path)
    assert lex.learn("音字", ("yin", "zi"))
    assert lex.learn("音字", ("yin", "zi"))
    lex.close()  # a fresh process later
    again = UserLexicon(path)
    [entry] = again.entries()
    assert (entry.text, entry.pinyin) == ("音字", "yin'zi")
    assert entry.count == pytest.approx(2.0, rel=1e-3)
    assert again.by_letters("yinzi")[0].text == "音字"
    again.close()


def test_learned_words_survive_a_crash_without_close(tmp_path) -> None:
    import subprocess
    import sys

    path = tmp_path / "u.sqlite"
    code = ("from core.lexicon.user import UserLexicon; import os; "
            f"l = UserLexicon({str(path)!r}); l.learn('音字', ('yin','zi')); os._exit(1)")
    subprocess.run([sys.executable, "-c", code], check=False)
    lex = UserLexicon(path)
    assert [e.text for e in lex.entries()] == ["音字"]
    lex.close()


@pytest.mark.parametrize(("text", "syl"), [("音字", ("yin",)), ("abc", ("a", "b", "c")),
                                           ("音字", ("yin", "zz")), ("", ())])
def test_malformed_words_are_refused(tmp_path, text, syl) -> None:
    lex = UserLexicon(tmp_path / "u.sqlite")
    assert not lex.learn(text, syl)
    assert len(lex) == 0
    lex.close()


def test_decay_halves_per_half_life() -> None:
    now = time.time()
    assert decayed(4.0, now - HALF_LIFE_DAYS * 86400, now) == pytest.approx(2.0)


def test_delete_clear_search_and_order(tmp_path) -> None:
    lex = UserLexicon(tmp_path / "u.sqlite")
    lex.learn("北京", ("bei", "jing"))
    lex.learn("音字", ("yin", "zi"))
    lex.learn("音字", ("yin", "zi"))
    assert [e.text for e in lex.entries(order="count")] == ["音字", "北京"]
    assert [e.text for e in lex.entries("bei")] == ["北京"]
    assert [e.text for e in lex.entries("音")] == ["音字"]
    assert lex.delete("北京", "bei'jing")
    assert [e.text for e in lex.entries()] == ["音字"]
    assert lex.clear() == 1 and len(lex) == 0
    lex.close()


def test_tsv_round_trip_merges_counts(tmp_path) -> None:
    a = UserLexicon(tmp_path / "a.sqlite")
    a.learn("音字", ("yin", "zi"))
    out = tmp_path / "words.tsv"
    assert a.export_tsv(out) == 1
    assert out.read_text(encoding="utf-8").startswith("text\tpinyin\tcount")
    b = UserLexicon(tmp_path / "b.sqlite")
    b.learn("音字", ("yin", "zi"))
    assert b.import_tsv(out) == 1
    assert b.entries()[0].count == pytest.approx(2.0, rel=1e-2)
    a.close()
    b.close()


def test_bad_tsv_is_rejected_whole_with_line_numbers(tmp_path) -> None:
    lex = UserLexicon(tmp_path / "u.sqlite")
    bad = tmp_path / "bad.tsv"
    bad.write_text("text\tpinyin\tcount\n音字\tyin'zi\t1\nhello\tworld\t1\n", encoding="utf-8")
    with pytest.raises(UserLexiconError, match="line 3"):
        lex.import_tsv(bad)
    assert len(lex) == 0  # nothing half-imported
    lex.close()


def test_corrupt_file_is_moved_aside(tmp_path, caplog) -> None:
    path = tmp_path / "u.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with caplog.at_level(logging.WARNING):
        lex = UserLexicon(path)
    assert lex.recovered_from is not None and lex.recovered_from.exists()
    assert "unreadable" in caplog.text
    assert lex.learn("音字", ("yin", "zi"))
    lex.close()
