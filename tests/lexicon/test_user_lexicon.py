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
    assert "damaged" in caplog.text
    assert lex.learn("音字", ("yin", "zi"))
    lex.close()


def test_bad_tsv_is_rejected_whole_with_line_numbers_for_counts_and_lengths(tmp_path) -> None:
    lex = UserLexicon(tmp_path / "u.sqlite")
    bad = tmp_path / "bad.tsv"
    long = "字" * 5000
    bad.write_text("text\tpinyin\tcount\n音字\tyin'zi\tnan\n北京\tbei'jing\tinf\n"
                   "上海\tshang'hai\t-2\n" + f"{long}\t{'zi' * 0}\t1\n" + "天气\ttian'qi\t3\n",
                   encoding="utf-8")
    with pytest.raises(UserLexiconError) as err:
        lex.import_tsv(bad)
    message = str(err.value)
    assert "4 unusable rows" in message and "line 2" in message and "line 5" in message
    assert "longer than 12 characters" in message
    assert len(lex) == 0
    lex.close()


def test_import_streams_reports_progress_and_a_cancel_changes_nothing(tmp_path) -> None:
    from core.lexicon.user import ImportCancelled

    lex = UserLexicon(tmp_path / "u.sqlite")
    lex.learn("音字", ("yin", "zi"))
    good = tmp_path / "good.tsv"
    good.write_text("text\tpinyin\tcount\n" + "北京\tbei'jing\t2\n" * 3000 + "天气\ttian'qi\t1\n",
                    encoding="utf-8")
    seen: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelled):
        lex.import_tsv(good, progress=lambda d, t: seen.append((d, t)),
                       cancelled=lambda: len(seen) > 250)
    assert [e.text for e in lex.entries()] == ["音字"]
    seen.clear()
    assert lex.import_tsv(good, progress=lambda d, t: seen.append((d, t))) == 3001
    assert seen[-1][0] == seen[-1][1] and len(seen) > 10
    assert {e.text for e in lex.entries()} == {"音字", "北京", "天气"}
    lex.close()


# --- storage faults: writing must never stop typing, and a healthy file is never thrown away --


def _make_read_only(path) -> None:
    import os
    import subprocess

    if os.geteuid() != 0:
        path.chmod(0o444)
        return
    # root writes to 0444 files; the immutable flag stops even root.
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("running as root without chattr: cannot make a file read-only")


def _make_writable(path) -> None:
    import os
    import subprocess

    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], check=True)
    path.chmod(0o644)


def test_a_read_only_file_keeps_typing_and_saves_once_writable(tmp_path) -> None:
    path = tmp_path / "u.sqlite"
    lex = UserLexicon(path)
    lex.learn("北京", ("bei", "jing"))
    lex.close()
    _make_read_only(path)
    try:
        told: list[str] = []
        lex = UserLexicon(path, on_write_error=told.append)
        assert lex.learn("音字", ("yin", "zi"))       # does not raise
        assert lex.learn("音字", ("yin", "zi"))
        assert lex.by_letters("yinzi")[0].text == "音字"   # used at once
        assert lex.by_letters("beijing")[0].text == "北京"  # the file is still read
        assert lex.pending == 1 and lex.write_error and "read-only" in lex.write_error
        assert len(told) == 1                             # said once
    finally:
        _make_writable(path)
    assert lex.flush() and lex.write_error is None and lex.pending == 0
    lex.close()
    again = UserLexicon(path)
    assert {e.text: round(e.count) for e in again.entries()} == {"音字": 2, "北京": 1}
    again.close()


class _DiskFull:
    """Makes every connection the user lexicon opens fail its writes as a full disk does."""

    WRITES = ("INSERT", "UPDATE", "DELETE", "BEGIN IMMEDIATE", "CREATE", "PRAGMA JOURNAL_MODE")

    def __init__(self, monkeypatch) -> None:
        import sqlite3

        self.full = True
        fault = self
        real_connect = sqlite3.connect

        class FullConnection(sqlite3.Connection):
            def _check(self, sql: str) -> None:
                if fault.full and sql.lstrip().upper().startswith(fault.WRITES):
                    raise sqlite3.OperationalError("database or disk is full")

            def execute(self, sql, *args):
                self._check(sql)
                return super().execute(sql, *args)

            def executemany(self, sql, *args):
                self._check(sql)
                return super().executemany(sql, *args)

            def executescript(self, sql):
                self._check(sql)
                return super().executescript(sql)

        def connect(*args, **kwargs):
            kwargs.setdefault("factory", FullConnection)
            return real_connect(*args, **kwargs)

        monkeypatch.setattr(sqlite3, "connect", connect)


def test_a_full_disk_while_typing_queues_words_and_retries(tmp_path, monkeypatch) -> None:
    path = tmp_path / "u.sqlite"
    disk = _DiskFull(monkeypatch)
    disk.full = False
    told: list[str] = []
    lex = UserLexicon(path, on_write_error=told.append)
    disk.full = True
    for _ in range(3):
        assert lex.learn("音字", ("yin", "zi"))
    assert lex.learn("北京", ("bei", "jing"))
    assert lex.by_letters("yinzi")[0].text == "音字"
    assert [e.text for e in lex.entries()] == ["音字", "北京"]
    assert len(told) == 1 and "disk is full" in told[0] and lex.pending == 2
    assert not lex.flush()                   # still full: still queued
    disk.full = False
    assert lex.flush() and lex.write_error is None
    lex.close()
    again = UserLexicon(path)
    assert {e.text: round(e.count) for e in again.entries()} == {"音字": 3, "北京": 1}
    again.close()


def test_a_full_disk_at_start_up_keeps_the_dictionary(tmp_path, monkeypatch) -> None:
    path = tmp_path / "u.sqlite"
    lex = UserLexicon(path)
    words = ["北京", "上海", "天气", "音字"] * 20
    for w in words[:79]:
        lex.learn(w, {"北京": ("bei", "jing"), "上海": ("shang", "hai"), "天气": ("tian", "qi"),
                      "音字": ("yin", "zi")}[w])
    lex.close()
    disk = _DiskFull(monkeypatch)
    told: list[str] = []
    lex = UserLexicon(path, on_write_error=told.append)
    assert lex.recovered_from is None and not list(tmp_path.glob("*.corrupt-*"))
    assert len(lex) == 4 and lex.by_letters("tianqi")[0].text == "天气"
    assert told and "disk is full" in told[0]
    assert lex.learn("你好", ("ni", "hao"))   # kept in memory while the disk is full
    disk.full = False                         # space freed
    assert lex.flush()
    lex.close()
    again = UserLexicon(path)
    assert len(again) == 5
    assert sum(e.count for e in again.entries()) == pytest.approx(80, rel=0.01)
    again.close()


def test_a_locked_file_does_not_block_learning(tmp_path) -> None:
    import sqlite3

    path = tmp_path / "u.sqlite"
    lex = UserLexicon(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    assert lex.learn("音字", ("yin", "zi"))
    assert lex.write_error and "another program" in lex.write_error
    assert lex.by_letters("yinzi")[0].text == "音字"
    other.execute("COMMIT")
    other.close()
    assert lex.flush()
    lex.close()
    again = UserLexicon(path)
    assert [e.text for e in again.entries()] == ["音字"]
    again.close()


def test_a_damaged_file_is_moved_aside_and_its_readable_rows_salvaged(tmp_path) -> None:
    import sqlite3

    path = tmp_path / "u.sqlite"
    lex = UserLexicon(path)
    syllables = ["bei", "jing", "shang", "hai", "tian", "qi", "yin", "zi", "ni", "hao"]
    chars = "北京上海天气音字你好"
    n = 0
    for a in range(10):
        for b in range(10):
            for c in range(4):
                lex.learn(chars[a] + chars[b] + chars[c], (syllables[a], syllables[b], syllables[c]))
                n += 1
    lex.close()
    conn = sqlite3.connect(path)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    assert pages > 6
    with open(path, "r+b") as fh:  # scribble over one page in the middle of the table
        fh.seek(page * (pages // 2))
        fh.write(b"\xa5" * page)
    lex = UserLexicon(path)
    assert lex.recovered_from is not None and lex.recovered_from.exists()
    assert 0 < lex.salvaged < n and len(lex) == lex.salvaged
    lex.close()


def test_hand_edited_rows_are_skipped_and_counted_never_raised(tmp_path) -> None:
    import sqlite3

    path = tmp_path / "u.sqlite"
    UserLexicon(path).close()
    conn = sqlite3.connect(path)
    conn.executemany("INSERT INTO words VALUES (?,?,?,?)", [
        ("音字", "yin'zi", 2.0, time.time()),
        ("空的", "", 1.0, time.time()),              # empty pinyin
        ("北京", "bei'jing", "many", time.time()),    # text in the count column
        ("上海", "shang'hai", -1.0, time.time()),     # negative count
        ("hello", "he'llo", 1.0, time.time()),        # not Chinese
        ("天气", "tian'qi", 1.0, "yesterday"),        # text in the date column
    ])
    conn.commit()
    conn.close()
    lex = UserLexicon(path)
    assert lex.bad_rows == 5
    assert [e.text for e in lex.entries()] == ["音字"]
    assert lex.with_prefix("b") == [] and lex.by_letters("kongde") == []
    assert lex.learn("北京", ("bei", "jing"))   # a good count replaces the bad one
    assert {e.text for e in lex.entries()} == {"音字", "北京"}
    lex.close()


def test_learning_updates_the_decoders_index_in_place(tmp_path, monkeypatch) -> None:
    lex = UserLexicon(tmp_path / "u.sqlite")
    lex.learn("音字", ("yin", "zi"))
    assert lex.by_letters("yinzi")[0].count == pytest.approx(1.0, rel=1e-3)   # index built
    version = lex.version
    monkeypatch.setattr(lex, "_build_index", lambda: pytest.fail("rebuilt the whole index"))
    lex.learn("音字", ("yin", "zi"))
    lex.learn("因子", ("yin", "zi"))
    assert lex.version > version
    assert {w.text: round(w.count) for w in lex.by_letters("yinzi")} == {"音字": 2, "因子": 1}
    assert {w.text for w in lex.with_prefix("y")} == {"音字", "因子"}
    lex.close()
