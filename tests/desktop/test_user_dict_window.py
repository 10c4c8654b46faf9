"""The user dictionary window: whole counts and dates, a background import with progress and
cancel (all or nothing), errors shown instead of raised, and the custom-phrases tab."""
from __future__ import annotations

import time

import pytest

from core.lexicon.user import UserLexicon
from desktop.user_dict_window import UserDictWindow, whole_count

pytestmark = pytest.mark.gui


@pytest.fixture
def lexicon(tmp_path):
    lex = UserLexicon(tmp_path / "u.sqlite")
    yield lex
    lex.close()


@pytest.fixture
def window(qtbot, lexicon):
    win = UserDictWindow(lexicon)
    win.warnings = []
    win.warn = lambda title, message: win.warnings.append(message)
    qtbot.addWidget(win)
    yield win
    win.close()


def listed(qtbot, window) -> list[str]:
    """The phrases once the window has read the list (it reads in the background)."""
    qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
    return window.texts()


def _tsv(path, rows: int) -> str:
    syllables = ["bei", "jing", "shang", "hai", "tian", "qi", "yin", "zi", "ni", "hao"]
    chars = "北京上海天气音字你好"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("text\tpinyin\tcount\n")
        for i in range(rows):
            a, b, c = i % 10, i // 10 % 10, i // 100 % 10
            fh.write(f"{chars[a]}{chars[b]}{chars[c]}\t{syllables[a]}'{syllables[b]}'"
                     f"{syllables[c]}\t{1 + i % 3}\n")
    return str(path)


def test_counts_are_whole_and_the_date_is_shown(qtbot, window, lexicon):
    lexicon.learn("音字", ("yin", "zi"), weight=0.999992)
    lexicon.learn("北京", ("bei", "jing"), now=time.time() - 400 * 86400)  # decayed to ~0.05
    window.refresh()
    listed(qtbot, window)
    model = window.model
    shown = {model.entry(r).text: (model.data(model.index(r, 2)), model.data(model.index(r, 3)))
             for r in range(model.rowCount())}
    assert shown["音字"] == ("1", time.strftime("%Y-%m-%d"))
    assert shown["北京"][0] == "1"
    assert whole_count(2.6) == "3" and whole_count(None) == ""


def test_an_import_runs_in_the_background_with_progress(qtbot, window, tmp_path):
    path = _tsv(tmp_path / "words.tsv", 3000)
    seen: list[int] = []
    window._bridge.progressed.connect(lambda done, total: seen.append(done))
    with qtbot.waitSignal(window.importFinished, timeout=60_000) as finished:
        assert window.import_from(path)
        assert window.importing and not window.import_button.isEnabled()
        assert not window.import_from(path)          # one at a time
    assert finished.args[0] == 3000
    assert len(seen) > 2 and window.import_progress.isHidden()
    assert len(listed(qtbot, window)) == 1000 and window.import_button.isEnabled()
    assert window.count_label.text().startswith("Imported 3000 phrase")   # said once the list is read
    assert window.lexicon._index is not None   # the decoder's index, built off the GUI thread


def test_a_cancelled_import_changes_nothing(qtbot, window, lexicon, tmp_path):
    lexicon.learn("音字", ("yin", "zi"))
    path = _tsv(tmp_path / "big.tsv", 200_000)
    window._bridge.progressed.connect(lambda *_: window.cancel_import())
    with qtbot.waitSignal(window.importFinished, timeout=60_000) as finished:
        window.import_from(path)
    assert finished.args[0] == -1 and "nothing was changed" in finished.args[1]
    assert listed(qtbot, window) == ["音字"] and not window.warnings


@pytest.mark.parametrize("line", ["音字\tyin'zi\tnan", "音字\tyin'zi\tinf", "音字\tyin'zi\t-1",
                                  "字" * 13 + "\t" + "'".join(["zi"] * 13) + "\t1"])
def test_a_bad_file_is_reported_and_changes_nothing(qtbot, window, lexicon, tmp_path, line):
    path = tmp_path / "bad.tsv"
    path.write_text("北京\tbei'jing\t1\n" + line + "\n", encoding="utf-8")
    with qtbot.waitSignal(window.importFinished, timeout=30_000) as finished:
        window.import_from(str(path))
    assert finished.args[0] == -1 and len(window.warnings) == 1 and "line 2" in window.warnings[0]
    assert len(lexicon) == 0


def test_an_export_that_cannot_be_written_is_a_warning(window, lexicon, tmp_path):
    lexicon.learn("音字", ("yin", "zi"))
    window.refresh()
    assert window.export_to(str(tmp_path / "no" / "such" / "folder" / "x.tsv")) == 0
    assert window.warnings and "cannot write" in window.warnings[0]


def test_the_custom_phrases_tab_adds_edits_and_deletes(qtbot, lexicon, tmp_path):
    from core.lexicon.custom_phrases import CustomPhrases

    phrases = CustomPhrases(tmp_path / "c.sqlite")
    win = UserDictWindow(lexicon, custom_phrases=phrases)
    win.warnings = []
    win.warn = lambda title, message: win.warnings.append(message)
    qtbot.addWidget(win)
    tab = win.custom_tab
    assert win.tabs.count() == 2 and "rq" in tab.macros_label.text()
    tab.key_edit.setText("dz")
    tab.text_edit.setText("北京市海淀区")
    assert tab.add() and phrases.lookup("dz") == ["北京市海淀区"]
    tab.table.selectRow(0)
    assert tab.key_edit.text() == "dz"
    tab.text_edit.setText("上海市")
    assert tab.save_selected() and phrases.lookup("dz") == ["上海市"]
    tab.key_edit.setText("not a key")
    assert not tab.add() and win.warnings
    out = tmp_path / "p.tsv"
    assert tab.export_to(str(out)) == 1
    tab.table.selectRow(0)
    assert tab.delete_selected() and phrases.entries() == []
    assert tab.import_from(str(out)) == 1 and phrases.lookup("dz") == ["上海市"]
    win.close()
    phrases.close()


def test_the_list_is_read_off_the_gui_thread_once_typing_in_the_search_pauses(qtbot, window, lexicon,
                                                                                 monkeypatch):
    import threading

    for text, syl in (("北京", ("bei", "jing")), ("背景", ("bei", "jing")), ("音字", ("yin", "zi"))):
        lexicon.learn(text, syl)
    window.refresh()
    assert sorted(listed(qtbot, window)) == ["北京", "背景", "音字"]
    reads = []
    entries = lexicon.entries
    monkeypatch.setattr(lexicon, "entries", lambda **kw: (reads.append((kw["query"], threading.current_thread())),
                                                          entries(**kw))[1])
    for typed in ("b", "be", "bei", "beij"):
        window.search.setText(typed)
    assert window.loading
    assert sorted(listed(qtbot, window)) == ["北京", "背景"]
    assert [q for q, _ in reads] == ["beij"]                        # one read, of the last text
    assert reads[0][1] is not threading.main_thread()


def test_clear_all_names_every_phrase_without_reading_them_again(qtbot, window, lexicon, monkeypatch):
    for text, syl in (("北京", ("bei", "jing")), ("音字", ("yin", "zi"))):
        lexicon.learn(text, syl)
    window.refresh()
    listed(qtbot, window)
    questions = []
    window.confirm = lambda question: questions.append(question) or False
    monkeypatch.setattr(UserLexicon, "__len__", lambda self: pytest.fail("read every word again"))
    assert not window.clear_all()
    monkeypatch.undo()
    window.search.setText("bei")              # the table lists one: the question still counts both
    listed(qtbot, window)
    assert not window.clear_all()
    assert all(" 2 " in q for q in questions) and len(questions) == 2
