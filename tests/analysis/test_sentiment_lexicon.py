"""Lexicon cues: polarity flipped by negators, graded by degree adverbs, within a clause."""
from __future__ import annotations

import pytest

from core.analysis.features import FeatureConfig, lexicon_ids, wide_input_ids, wide_window_words
from core.analysis.sentiment_lexicon import SentimentLexicon, load_lexicon, shipped_lexicon_path

LEX = SentimentLexicon.from_rows([("好", "pos"), ("干净", "pos"), ("差", "neg"), ("失望", "neg"),
                                  ("不", "not"), ("没有", "not"), ("很", "very"), ("非常", "extreme"),
                                  ("有点", "ish")])


@pytest.mark.parametrize(("words", "expected"), [
    (["酒店", "很", "好"], ["pos", "pos-very", "more-pos"]),
    (["房间", "不", "干净"], ["neg", "not-pos", "more-neg"]),
    (["不", "很", "差"], ["pos", "not-neg", "pos-very", "more-pos"]),       # negator and degree in scope
    (["没有", "不", "好"], ["pos", "more-pos"]),                             # two negators cancel
    (["不", "，", "好"], ["pos", "last-pos", "more-pos"]),                   # the clause ends the scope
    (["不", "是", "说", "那", "好"], ["pos", "more-pos"]),                   # beyond three words
    (["好", "，", "有点", "失望"], ["pos", "neg", "neg-ish", "last-neg", "balanced"]),
    (["非常", "很", "好"], ["pos", "pos-extreme", "more-pos"]),              # the strongest degree
    (["一般"], ["balanced"]),
    ([], ["balanced"]),
])
def test_cue_tokens(words, expected):
    assert LEX.tokens(words) == expected


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown lexicon kind"):
        SentimentLexicon.from_rows([("好", "good")])


def test_shipped_lexicon_reads_reviews():
    lex = load_lexicon(str(shipped_lexicon_path()))
    assert lex.polarity["不错"] == "pos" and lex.polarity["失望"] == "neg"
    assert "不" in lex.negators and lex.degree["非常"] == "extreme"
    # Negators and degree adverbs are not polar words themselves.
    assert not set(lex.polarity) & (lex.negators | set(lex.degree))


def test_lexicon_cues_join_the_wide_paths_word_rows():
    cfg = FeatureConfig(char_buckets=1000, word_buckets=500, wide_chars=64, lexicon=str(shipped_lexicon_path()))
    plain = FeatureConfig(char_buckets=1000, word_buckets=500, wide_chars=64)
    text = "房间不太干净，服务也不好"
    ids = wide_input_ids(text, cfg)
    cues = lexicon_ids(wide_window_words(text, cfg), cfg)
    assert ids == wide_input_ids(text, plain) + [1000 + i for i in cues]
    assert all(1 <= i <= 500 for i in cues)
    twice = FeatureConfig(**{**cfg.__dict__, "lexicon_repeat": 2})
    assert lexicon_ids(wide_window_words(text, cfg), twice) == cues * 2
