"""Sentence split, segmentation, keywords and tone-marked, heteronym-aware pinyin."""
from __future__ import annotations

import pytest

from core.analysis.text import annotate_pinyin, keywords, segment, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("房间很好！服务差。", ["房间很好！", "服务差。"]),
        ("太差了！！！下次不来了", ["太差了！！！", "下次不来了"]),
        ("评分3.5分，还行", ["评分3.5分，还行"]),
        ("第一行\n\n第二行", ["第一行", "第二行"]),
        ("Good. Bad!", ["Good.", "Bad!"]),
        ("等了很久……终于到了", ["等了很久……", "终于到了"]),
        ("   ", []),
        ("", []),
    ],
)
def test_split_sentences(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_segment_offsets_point_into_the_text():
    text = "我爱北京天安门 and 故宫"
    tokens = segment(text)
    assert "北京" in [t.word for t in tokens] or "天安门" in [t.word for t in tokens]
    for t in tokens:
        assert text[t.start:t.end] == t.word


def test_segment_with_pos_tags():
    tokens = segment("酒店很干净", with_pos=True)
    assert all(t.pos for t in tokens)


@pytest.mark.parametrize(
    ("text", "char_index", "reading"),
    [("我去银行", 3, "háng"), ("行走在路上", 0, "xíng"), ("重新开始", 0, "chóng"),
     ("很重要", 1, "zhòng"), ("长大了", 0, "zhǎng"), ("长城很长", 0, "cháng")],
)
def test_pinyin_reads_heteronyms_in_context(text, char_index, reading):
    chars = annotate_pinyin(text)
    assert "".join(c.char for c in chars) == text
    assert chars[char_index].reading == reading
    assert chars[char_index].is_heteronym
    assert reading in chars[char_index].alternatives


def test_pinyin_leaves_non_han_unannotated():
    chars = annotate_pinyin("OK，好 3")
    assert "".join(c.char for c in chars) == "OK，好 3"
    assert [c.reading for c in chars] == ["", "", "", "hǎo", "", ""]


@pytest.mark.parametrize("method", ["tfidf", "textrank"])
def test_keywords(method):
    text = "这家酒店的房间很干净，酒店的服务也很好，早餐丰富，酒店位置方便。"
    words = keywords(text, top_k=5, method=method)
    assert 0 < len(words) <= 5
    assert "酒店" in [k.word for k in words]
    assert all(k.weight > 0 for k in words)


def test_keywords_unknown_method():
    with pytest.raises(ValueError, match="textrank"):
        keywords("文本", method="lda")


def test_word_ngram_ids_are_stable_ordered_and_in_range():
    from core.analysis.features import FeatureConfig, pad_rows, word_ngram_ids

    cfg = FeatureConfig(word_buckets=1000, word_max=2)
    a = word_ngram_ids("房间很干净，服务不错", cfg)
    assert a == word_ngram_ids("房间很干净，服务不错", cfg)   # crc32, not Python's salted hash
    assert all(1 <= i <= 1000 for i in a)
    # Word order matters for bigrams: the same words in another order share only unigrams.
    b = word_ngram_ids("服务不错，房间很干净", cfg)
    assert sorted(a) != sorted(b)
    assert word_ngram_ids("房间", FeatureConfig()) == []    # models without word features
    padded = pad_rows([a, []])
    assert padded.shape == (2, len(a)) and padded[1].sum() == 0


def test_wide_input_ids_read_the_long_window_and_keep_chars_and_words_apart():
    from core.analysis.features import FeatureConfig, char_ngram_ids, wide_input_ids

    # A 300-character review whose verdict sits in the middle, outside the encoder's window.
    text = "房" * 150 + "垃圾" + "间" * 150
    old = FeatureConfig(max_len=48, word_buckets=1000)                 # the encoder's window only
    new = FeatureConfig(max_len=48, word_buckets=1000, char_buckets=500, wide_chars=1024)
    verdict = set(char_ngram_ids("垃圾", new))
    assert verdict <= set(wide_input_ids(text, new))
    clipped = FeatureConfig(max_len=48, char_buckets=500)             # no wide_chars: encoder's window
    assert not verdict & set(char_ngram_ids(text, clipped))
    ids = wide_input_ids(text, new)
    chars = char_ngram_ids(text, new)
    assert ids[: len(chars)] == chars and all(1 <= i <= 500 for i in chars)
    assert all(500 < i <= 1500 for i in ids[len(chars):])             # word rows after the char rows
    assert old.reads_ids and new.reads_ids and not FeatureConfig().reads_ids
    assert wide_input_ids(text, old) == [i for i in wide_input_ids(text, old) if i <= 1000]


def test_traditional_text_is_cut_and_read_as_simplified_and_shown_as_written():
    text = "房間乾淨，乾杯！"
    assert [t.word for t in segment(text)] == ["房間", "乾淨", "，", "乾杯", "！"]
    chars = annotate_pinyin(text)
    assert "".join(p.char for p in chars) == text
    assert [p.reading for p in chars if p.reading] == ["fáng", "jiān", "gān", "jìng", "gān", "bēi"]


def test_keywords_of_traditional_text_weigh_as_simplified_and_read_as_written():
    trad = keywords("這家飯店服務很好，房間乾淨，早餐也不錯。")
    simp = keywords("这家饭店服务很好，房间干净，早餐也不错。")
    assert [k.weight for k in trad] == [k.weight for k in simp]
    assert "飯店" in [k.word for k in trad] and "饭店" not in [k.word for k in trad]


@pytest.mark.parametrize(("text", "ambiguous"), [
    ("酒店位置很好，离地铁站很近。非常方便。", ""),   # 位 非 站 have one everyday reading
    ("我去银行还书", ""),                           # the phrases 银行 and 还书 decide
    ("长城很长", "长"),                              # 很长 is no phrase: cháng or zhǎng?
    ("他长大了", ""),
    ("东西藏起来了", "藏"),
    ("iPhone 15 很好用", ""),
])
def test_only_genuinely_ambiguous_characters_are_marked(text, ambiguous):
    chars = annotate_pinyin(text)
    assert "".join(c.char for c in chars if c.ambiguous) == ambiguous
    assert all(c.is_heteronym for c in chars if c.ambiguous)
