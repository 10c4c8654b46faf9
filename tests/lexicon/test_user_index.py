"""The user-word index: by letters and by initials, updated in place as words are learned."""
from __future__ import annotations

from core.lexicon.types import UserWord
from core.lexicon.user import UserLexicon
from core.lexicon.user_index import UserWordIndex, initials_of

BEIJING = UserWord("北京", ("bei", "jing"), 1.0)
BEIDA = UserWord("北京大学", ("bei", "jing", "da", "xue"), 1.0)
BUJIU = UserWord("不久", ("bu", "jiu"), 1.0)
BANJIA = UserWord("搬家", ("ban", "jia"), 1.0)


def test_initials_are_the_first_letter_of_each_syllable():
    assert initials_of(("zhong", "guo")) == "zg"


def test_the_letters_view_finds_words_by_count_and_typed_start():
    index = UserWordIndex([BEIJING, BEIDA, BUJIU, BANJIA])
    assert index.reading(2, "beij") == [BEIJING]
    assert index.reading(2, "b") == [BEIJING, BUJIU, BANJIA]     # the order they came in
    assert index.reading(4, None) == [BEIDA]
    assert index.reading(3, None) == []
    assert index.has_reading(2, "beij") and index.has_reading(4, "beijingd")
    assert not index.has_reading(2, "beijingd") and not index.has_reading(2, "c")
    assert not index.has_reading(3, "b")


def test_the_initials_view_finds_abbreviations():
    index = UserWordIndex([BEIJING, BEIDA, BUJIU, BANJIA])
    assert index.with_initials(["bj"]) == [BEIJING, BUJIU, BANJIA]
    assert index.with_initials(["bjdx"]) == [BEIDA]
    assert index.with_initials(["bx", "bjdx", "bj"]) == [BEIJING, BEIDA, BUJIU, BANJIA]
    assert index.with_initials(["bj", "bj"]) == [BEIJING, BUJIU, BANJIA]   # a key asked twice
    assert index.with_initials(["zz"]) == []


def test_adding_keeps_both_views_and_replaces_the_same_word():
    index = UserWordIndex([BEIJING, BANJIA])
    index.add(BUJIU)
    index.add(UserWord("北京", ("bei", "jing"), 3.0))      # learned again: replaced, not doubled
    index.add(UserWord("背景", ("bei", "jing"), 1.0))      # same letters, another word
    assert [(w.text, w.count) for w in index.reading(2, "beijing")] == [("北京", 3.0), ("背景", 1.0)]
    assert [w.text for w in index.with_initials(["bj"])] == ["北京", "搬家", "不久", "背景"]
    assert len(index) == 4
    assert index.reading(2, "bu") == [BUJIU]


def test_learning_extends_the_index_the_decoder_reads(tmp_path):
    lex = UserLexicon(tmp_path / "u.sqlite")
    lex.learn("北京", ("bei", "jing"))
    index = lex.index_of("b")
    lex.learn("搬家", ("ban", "jia"))
    assert lex.index_of("b") is index          # updated in place, not rebuilt
    assert [w.text for w in index.with_initials(["bj"])] == ["北京", "搬家"]
    assert lex.index_of("z").order == [] and lex.with_prefix("z") == []
    lex.close()


def test_removing_takes_a_word_out_of_both_views():
    index = UserWordIndex([BEIJING, BEIDA, BUJIU])
    assert index.remove("北京", ("bei", "jing"))
    assert not index.remove("北京", ("bei", "jing"))          # already gone
    assert not index.remove("背景", ("bei", "jing"))          # never there
    assert index.reading(2, "b") == [BUJIU] and index.with_initials(["bj"]) == [BUJIU]
    assert not index.has_reading(2, "beij")
    assert index.words() == [BEIDA, BUJIU] and len(index) == 2
    index.add(BEIJING)                                        # learned again after the delete
    assert index.with_initials(["bj"]) == [BUJIU, BEIJING]


def test_deleting_and_clearing_keep_the_index_without_a_rebuild(tmp_path, monkeypatch):
    import pytest

    lex = UserLexicon(tmp_path / "u.sqlite")
    lex.learn("北京", ("bei", "jing"))
    lex.learn("背景", ("bei", "jing"))
    lex.learn("搬家", ("ban", "jia"))
    lex.warm_up()
    version = lex.version
    monkeypatch.setattr(lex, "_build_index", lambda: pytest.fail("rebuilt the whole index"))
    assert lex.delete("北京", "bei'jing")
    assert lex.version > version                               # the decoder's caches see it
    assert [w.text for w in lex.by_letters("beijing")] == ["背景"]
    assert [w.text for w in lex.index_of("b").with_initials(["bj"])] == ["背景", "搬家"]
    lex.clear()
    assert lex.by_letters("beijing") == [] and lex.with_prefix("b") == []
    lex.learn("音字", ("yin", "zi"))
    assert [w.text for w in lex.index_of("y").reading(2, "yinzi")] == ["音字"]
    lex.close()
