"""Trigger pairs: words that go with the committed text's words are likelier after it."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from core.engine.engine import ImeEngine
from core.integrity import stamp
from core.lexicon.compile import CompileConfig, compile_lexicon
from core.lexicon.system import LexiconError, SystemLexicon
from core.lexicon.triggers import TriggerConfig, Triggers, build


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.txt"
    lines = (["考生 今年 的 分数线 公布 了"] * 4 + ["我们 的 考生 都 在 等 分数线"] * 2
             + ["我们 今天 去 公园"] * 6 + ["今年 我们 去 看 考生"] * 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_build_keeps_the_pairs_seen_often_enough_and_lifted_above_their_share(tmp_path):
    # Per line the listed words are 考生 今年 分数线 (x4), 我们 考生 分数线 (x2), 我们 公园 (x6),
    # 今年 我们 考生 (x1): 考生 is followed by 分数线 in 6 lines and by 今年 in 4.
    words = ["<s>", "考生", "分数线", "我们", "今年", "公园"]
    uni = np.log(np.array([0.01, 0.1, 0.05, 0.5, 0.25, 0.14]))
    (off, tgt, lp), info = build([_corpus(tmp_path)], words, uni,
                                 TriggerConfig(min_count=2, min_lift=2.0), workers=1)
    after = {w: dict(zip(tgt[off[w]:off[w + 1]].tolist(),
                         np.exp(lp[off[w]:off[w + 1]].astype(float)).tolist()))
             for w in range(len(words))}
    assert after[1].keys() == {2}                 # 今年 (P 0.4) is under twice its share 0.25
    assert after[1][2] == pytest.approx(0.6, rel=1e-3)
    assert after[4].keys() == {2}                 # 今年 -> 我们, 今年 -> 考生: once each
    assert after[3].keys() == {1, 2, 5}
    assert info["pairs"] == len(tgt) == 5 and info["trigger_words"] == 3
    targets, p = Triggers(off, tgt, lp).probabilities([1, 4])
    assert targets.tolist() == [2]
    assert p[0] == pytest.approx((0.6 + 4 / 6) / 2, rel=1e-3)


def test_a_trigger_keeps_its_most_lifted_targets(tmp_path):
    words = ["<s>", "考生", "分数线", "我们", "今年", "公园"]
    uni = np.log(np.array([0.01, 0.1, 0.05, 0.5, 0.25, 0.14]))
    (off, tgt, _), _ = build([_corpus(tmp_path)], words, uni,
                             TriggerConfig(min_count=2, min_lift=2.0, per_trigger=1), workers=1)
    # 我们 is followed by 公园 (6 of its 11 pairs, 3.9x its share), 分数线 (3.6x), 考生 (2.7x).
    assert tgt[off[3]:off[4]].tolist() == [5]


def test_probabilities_average_over_the_triggers_and_skip_unknown_ids():
    off = np.array([0, 2, 3, 3], np.int32)
    tgt = np.array([1, 2, 2], np.int32)
    lp = np.log(np.array([0.5, 0.25, 0.75])).astype(np.float16)
    table = Triggers(off, tgt, lp)
    targets, p = table.probabilities([0, 1, 2, 99, -1])   # 2 triggers nothing; 99, -1 unknown
    assert targets.tolist() == [1, 2]
    assert np.allclose(p, [0.5 / 2, (0.25 + 0.75) / 2], rtol=1e-3)
    assert table.probabilities([2])[0].size == 0


def test_mismatched_arrays_are_refused():
    with pytest.raises(ValueError):
        Triggers(np.array([0, 3], np.int32), np.array([1, 2], np.int32), np.zeros(2, np.float16))


def _shopping_corpus(tmp_path: Path) -> Path:
    path = tmp_path / "game.txt"
    lines = (["请求 等待 太久 就会 超时"] * 30 + ["周末 购物 的 顾客 挤满 超市"] * 12
             + ["购物 要 去 大 超市"] * 6 + ["今天 天气 很 好"] * 20)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def shopping_lexicon(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("triggers")
    out = tmp / "lex"
    compile_lexicon([_shopping_corpus(tmp)], out, CompileConfig(), workers=1)
    return out


def test_the_compiled_lexicon_carries_its_triggers(shopping_lexicon):
    lex = SystemLexicon(shopping_lexicon)
    assert lex.triggers is not None
    shopping, market = lex.word_id("购物"), lex.word_id("超市")
    targets, _ = lex.triggers.probabilities([shopping])
    assert market in targets.tolist()
    assert "triggers" in lex.manifest and lex.manifest["triggers"]["pairs"] == len(lex.triggers.tgt)
    assert "trig_tgt.npy" in lex.manifest["integrity"]


def test_after_a_text_about_shopping_the_triggered_homophone_comes_first(shopping_lexicon):
    engine = ImeEngine(system_lexicon=SystemLexicon(shopping_lexicon))
    engine.type("chaoshi")
    assert engine.sentences(1)[0].text == "超时"          # alone: the commoner word
    engine.reset()
    engine.set_context("我们周末一起去购物。")
    engine.type("chaoshi")
    assert engine.sentences(1)[0].text == "超市"


def test_a_lexicon_without_triggers_types_as_before(shopping_lexicon, tmp_path):
    copy = tmp_path / "lex"
    copy.mkdir()
    for p in shopping_lexicon.iterdir():
        if not p.name.startswith("trig_"):
            (copy / p.name).write_bytes(p.read_bytes())
    stamp(copy)
    lex = SystemLexicon(copy)
    assert lex.triggers is None
    engine = ImeEngine(system_lexicon=lex)
    engine.set_context("我们周末一起去购物。")
    engine.type("chaoshi")
    assert engine.sentences(1)[0].text == "超时"


def test_a_trigger_table_pointing_outside_the_words_is_reported(shopping_lexicon, tmp_path):
    copy = tmp_path / "lex"
    copy.mkdir()
    for p in shopping_lexicon.iterdir():
        (copy / p.name).write_bytes(p.read_bytes())
    tgt = np.load(copy / "trig_tgt.npy")
    tgt[0] = 10**6
    np.save(copy / "trig_tgt.npy", tgt)
    stamp(copy)          # consistent checksums: the shape check must catch it
    with pytest.raises(LexiconError, match="trig_tgt"):
        SystemLexicon(copy)
