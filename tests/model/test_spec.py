"""ModelSpec and the vocabularies: deterministic ids, strict files, candidate tables."""
from __future__ import annotations

import pytest

from core.model.spec import (
    HANZI_SPECIALS,
    MASK,
    PAD,
    SYMBOLS,
    UNK,
    HanziVocab,
    ModelSpec,
    PinyinVocab,
    SpecError,
    Vocab,
    normalize_char,
)
from core.pinyin.syllables import SYLLABLES


def small_vocab() -> Vocab:
    readings = {"中": ["zhong"], "重": ["zhong", "chong"], "国": ["guo"], "长": ["chang", "zhang"]}
    return Vocab(HanziVocab(tokens=[*HANZI_SPECIALS, *SYMBOLS, *readings], readings=readings))


@pytest.mark.parametrize(
    ("token", "expected_kind"),
    [("zhong", "syllable"), ("lue", "syllable"), ("lve", "syllable"), ("zh*", "partial"),
     ("zho*", "partial"), ("b*", "partial"), ("xyz", "unk"), ("", "unk"), ("zhongg*", "unk")],
)
def test_pinyin_tokens(token, expected_kind):
    py = PinyinVocab()
    idx = py.id(token)
    kind = "unk" if idx == UNK else ("partial" if py.is_partial(idx) else "syllable")
    assert kind == expected_kind


def test_pinyin_vocab_covers_every_syllable_and_is_stable():
    a, b = PinyinVocab(), PinyinVocab()
    assert a.tokens == b.tokens
    assert all(a.id(s) >= a.first_syllable for s in SYLLABLES)
    assert a.id("lue") == a.id("lve")


def test_spec_rejects_unknown_keys_and_bad_shapes():
    spec = ModelSpec(n_pinyin=10, n_hanzi=20)
    assert ModelSpec.from_dict(spec.to_dict()) == spec
    with pytest.raises(SpecError, match="unknown ModelSpec keys"):
        ModelSpec.from_dict({**spec.to_dict(), "n_experts": 8})
    with pytest.raises(SpecError, match="divisible"):
        ModelSpec(n_pinyin=10, n_hanzi=20, d_model=10, n_heads=3)


def test_hanzi_vocab_roundtrip_and_bad_files(tmp_path):
    v = small_vocab().hanzi
    sha = v.save(tmp_path / "vocab.json")
    assert len(sha) == 64
    again = HanziVocab.load(tmp_path / "vocab.json")
    assert again.tokens == v.tokens and again.readings == v.readings
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(SpecError, match="cannot read vocabulary"):
        HanziVocab.load(tmp_path / "bad.json")
    (tmp_path / "other.json").write_text('{"format": "x"}', encoding="utf-8")
    with pytest.raises(SpecError, match="not a Yinzi vocabulary"):
        HanziVocab.load(tmp_path / "other.json")


def test_candidate_tables_follow_readings():
    v = small_vocab()
    py, hz = v.pinyin, v.hanzi
    mask = v.candidate_mask
    assert mask[py.id("zhong"), hz.id("中")] and mask[py.id("zhong"), hz.id("重")]
    assert mask[py.id("chong"), hz.id("重")] and not mask[py.id("chong"), hz.id("中")]
    # partial tokens: the union over syllables with that prefix
    assert mask[py.partial_id("zh"), hz.id("长")] and mask[py.partial_id("zh"), hz.id("中")]
    assert not mask[py.partial_id("g"), hz.id("中")]
    assert not mask[:, hz.id("，")].any() and not mask[:, MASK].any()
    table = v.candidate_table
    assert set(table[py.id("zhong")]) - {PAD} == {hz.id("中"), hz.id("重")}
    assert (table[py.partial_id("zh")] == PAD).all()  # the scorer sends full syllables only


def test_encode_text_and_normalisation():
    v = small_vocab()
    hz, py = v.encode_text("中国Ａ", ["zhong", "guo", None])
    assert hz == [v.hanzi.id("中"), v.hanzi.id("国"), v.hanzi.id("A")]
    assert py[2] == 4 and normalize_char("\u3000") == " "
    assert v.hanzi.id("龘") == UNK
    with pytest.raises(ValueError):
        v.encode_text("中", [])
