"""Trigger pairs: words that go with the committed text's words are likelier after it."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from core.engine.engine import ImeEngine
from core.integrity import stamp
from core.lexicon.compile import CompileConfig, compile_lexicon
from core.lexicon.system import LexiconError, SystemLexicon
from core.lexicon.triggers import LP_STEP, TriggerConfig, Triggers, build, contested_words


def _write_corpus(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _corpus(tmp_path: Path) -> Path:
    return _write_corpus(tmp_path / "corpus.txt",
                         ["考生 今年 的 分数线 公布 了"] * 4 + ["我们 的 考生 都 在 等 分数线"] * 2
                         + ["我们 今天 去 公园"] * 6 + ["今年 我们 去 看 考生"] * 1)


WORDS = ["<s>", "考生", "分数线", "我们", "今年", "公园"]
UNI = np.log(np.array([0.01, 0.1, 0.05, 0.5, 0.25, 0.14]))


def _after(table: Triggers) -> dict[int, dict[int, float]]:
    """{trigger: {target: P(target | trigger)}} of a table."""
    return {int(w): dict(zip(table.vocab[table.tgt[table.off[k]:table.off[k + 1]]].tolist(),
                             np.exp(-LP_STEP * table.lp[table.off[k]:table.off[k + 1]]).tolist()))
            for k, w in enumerate(table.words)}


def test_build_keeps_the_pairs_seen_often_enough_and_lifted_above_their_share(tmp_path):
    # Per line the listed words are 考生 今年 分数线 (x4), 我们 考生 分数线 (x2), 我们 公园 (x6),
    # 今年 我们 考生 (x1): 考生 is followed by 分数线 in 6 lines and by 今年 in 4.
    table, info = build([_corpus(tmp_path)], WORDS, UNI, None,
                        TriggerConfig(min_count=2, min_lift=2.0), workers=1)
    after = _after(table)
    assert after[1].keys() == {2}                 # 今年 (P 0.4) is under twice its share 0.25
    assert after[1][2] == pytest.approx(0.6, abs=0.02)
    assert after[4].keys() == {2}                 # 今年 -> 我们, 今年 -> 考生: once each
    assert after[3].keys() == {1, 2, 5}
    assert info["pairs"] == table.pairs == 5 and info["trigger_words"] == 3
    targets, p = table.probabilities([1, 4, 2, 99])   # 分数线 and 99 trigger nothing
    assert targets.tolist() == [2]
    assert p[0] == pytest.approx((0.6 + 4 / 6) / 2, abs=0.02)


def test_a_trigger_keeps_its_most_lifted_targets_and_only_contested_ones(tmp_path):
    cfg = TriggerConfig(min_count=2, min_lift=2.0, per_trigger=1)
    table, _ = build([_corpus(tmp_path)], WORDS, UNI, None, cfg, workers=1)
    # 我们 is followed by 公园 (6 of its 11 pairs, 3.9x its share), 分数线 (3.6x), 考生 (2.7x).
    assert _after(table)[3].keys() == {5}
    contested = np.array([False, True, False, False, False, False])   # only 考生 has a rival
    table, info = build([_corpus(tmp_path)], WORDS, UNI, contested,
                        TriggerConfig(min_count=2, min_lift=2.0, common_per_trigger=0), workers=1)
    assert _after(table) == {3: pytest.approx({1: 3 / 11}, abs=0.01)}
    assert info["target_words"] == 1
    # The common tier keeps pairs seen 5+ times and lifted 4x whatever their target:
    # 考生 -> 分数线 (6 lines, 12x); 我们 -> 公园 (6 lines) is lifted only 3.9x.
    table, _ = build([_corpus(tmp_path)], WORDS, UNI, contested,
                     TriggerConfig(min_count=2, min_lift=2.0, common_per_trigger=50,
                                   common_min_count=5, common_min_lift=4.0), workers=1)
    assert {w: set(t) for w, t in _after(table).items()} == {1: {2}, 3: {1}}


def test_contested_words_are_those_not_first_for_their_letters():
    class Lexicon:                 # two keys: entries 0-1 (words 1, 2), entry 2 (word 2)
        ent_word = np.array([1, 2, 2])
        key_off = np.array([0, 2, 3])
        uni = np.zeros(4)
    assert contested_words(Lexicon()).tolist() == [False, False, True, False]


def test_probabilities_average_over_the_triggers_that_trigger_something():
    table = Triggers(words=np.array([3, 7], np.int32), off=np.array([0, 2, 3], np.int32),
                     vocab=np.array([10, 20], np.int32), tgt=np.array([0, 1, 1], np.uint16),
                     lp=np.array([11, 22, 5], np.uint8))
    targets, p = table.probabilities([7, 3, 5, -1])
    assert targets.tolist() == [10, 20]
    step = np.exp(-LP_STEP * np.array([11, 22, 5]))
    assert np.allclose(p, [step[0] / 2, (step[1] + step[2]) / 2])
    assert table.probabilities([5])[0].size == 0


def test_mismatched_arrays_are_refused():
    with pytest.raises(ValueError, match="trig_"):
        Triggers(np.array([3], np.int32), np.array([0, 3], np.int32), np.array([10], np.int32),
                 np.array([0, 0], np.uint16), np.zeros(2, np.uint8))
    with pytest.raises(ValueError, match="trig_"):   # a target index past the target list
        Triggers(np.array([3], np.int32), np.array([0, 1], np.int32), np.array([10], np.int32),
                 np.array([1], np.uint16), np.zeros(1, np.uint8))


def _shopping_corpus(tmp_path: Path) -> Path:
    # 超时 is so much commoner that it is the first word typed chaoshi: 超市 is contested.
    return _write_corpus(tmp_path / "shopping.txt",
                         ["请求 等待 太久 就会 超时"] * 300 + ["周末 购物 的 顾客 挤满 超市"] * 12
                         + ["购物 要 去 大 超市"] * 6 + ["今天 天气 很 好"] * 20)


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
    assert "triggers" in lex.manifest and lex.manifest["triggers"]["pairs"] == lex.triggers.pairs
    assert "trig_tgt.npy" in lex.manifest["integrity"]


def _first_for_chaoshi(lexicon: SystemLexicon, context: str) -> str:
    engine = ImeEngine(system_lexicon=lexicon)
    engine.set_context(context)
    engine.type("chaoshi")
    return engine.sentences(1)[0].text


def _copy(lexicon_dir: Path, to: Path, *, triggers: bool = True) -> Path:
    """A copy of a compiled lexicon (without its trigger files unless `triggers`)."""
    to.mkdir()
    for p in lexicon_dir.iterdir():
        if triggers or not p.name.startswith("trig_"):
            (to / p.name).write_bytes(p.read_bytes())
    return to


def test_after_a_text_about_shopping_the_triggered_homophone_comes_first(shopping_lexicon):
    lexicon = SystemLexicon(shopping_lexicon)
    assert _first_for_chaoshi(lexicon, "") == "超时"          # alone: the commoner word
    assert _first_for_chaoshi(lexicon, "我们周末一起去购物。") == "超市"


def test_a_lexicon_without_triggers_types_as_before(shopping_lexicon, tmp_path):
    copy = _copy(shopping_lexicon, tmp_path / "lex", triggers=False)
    stamp(copy)
    lex = SystemLexicon(copy)
    assert lex.triggers is None
    assert _first_for_chaoshi(lex, "我们周末一起去购物。") == "超时"


def test_a_trigger_table_pointing_outside_the_words_is_reported(shopping_lexicon, tmp_path):
    copy = _copy(shopping_lexicon, tmp_path / "lex")
    vocab = np.load(copy / "trig_vocab.npy")
    vocab[-1] = 10**6
    np.save(copy / "trig_vocab.npy", vocab)
    stamp(copy)          # consistent checksums: the shape check must catch it
    with pytest.raises(LexiconError, match="trig_vocab"):
        SystemLexicon(copy)


def test_a_lexicon_rebuilt_without_triggers_keeps_no_old_ones(tmp_path):
    out = tmp_path / "lex"
    corpus = _shopping_corpus(tmp_path)
    compile_lexicon([corpus], out, CompileConfig(familiarity=False), workers=1)
    assert (out / "trig_tgt.npy").exists()
    compile_lexicon([corpus], out, CompileConfig(familiarity=False, triggers=False), workers=1)
    assert not list(out.glob("trig_*"))
    assert SystemLexicon(out).triggers is None
