"""Context, next-word prediction and custom phrases of the engine."""
from __future__ import annotations

from core.engine import CandidateSource, ImeEngine
from core.engine.prediction import context_words, left_words, predict_next


def test_predictions_follow_the_committed_text(engine: ImeEngine) -> None:
    assert engine.predictions() == []          # nothing committed yet
    engine.set_context("为人民")
    preds = engine.predictions(5)
    assert "服务" in [c.text for c in preds]
    assert all(c.source is CandidateSource.PREDICTION and c.letters == 0 for c in preds)
    assert [c.score for c in preds] == sorted((c.score for c in preds), reverse=True)
    engine.type("ni")
    assert engine.predictions() == []          # composing: no predictions


def test_accepting_a_prediction_makes_it_context(engine: ImeEngine) -> None:
    engine.set_context("为人民")
    pick = next(c for c in engine.predictions() if c.text == "服务")
    assert engine.accept_prediction(pick) == "服务"
    assert engine.context.endswith("为人民服务")


def test_left_words_reads_two_words_back(system_lexicon) -> None:
    lex = system_lexicon
    before, last = left_words(lex, "今天我们")
    assert last == lex.word_id("我们") and before == lex.word_id("今天")
    # after punctuation: a clause start, linked to the clause before in the same paragraph
    assert left_words(lex, "好，") == (lex.word_id("好"), 0)
    assert left_words(lex, "我们好。 ") == (lex.word_id("好"), 0)
    assert left_words(lex, "好。\n") == (-1, 0)
    assert left_words(lex, "，") == (-1, 0)
    assert left_words(lex, "")[1] == 0


def test_bigram_baseline_and_trigram_rank_the_same_words(system_lexicon) -> None:
    lex = system_lexicon
    last = lex.word_id("北京")
    two = [w for w, _ in predict_next(lex, -1, last, 5, order=2)]
    assert len(two) == 5 and 1 not in two and 0 not in two


def test_context_words_are_lexicon_words_of_the_text(system_lexicon) -> None:
    ids = context_words(system_lexicon, "我们在北京大学，学习")
    assert system_lexicon.word_id("北京大学") in ids
    assert system_lexicon.word_id("学习") in ids
    assert system_lexicon.word_id("我") not in ids      # single characters are left out


class _Phrases:
    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table

    def lookup(self, key: str) -> list[str]:
        return self.table.get(key, [])


def test_custom_phrases_come_first_on_an_exact_key(engine: ImeEngine) -> None:
    engine.custom_phrases = _Phrases({"dz": ["北京市海淀区中关村大街1号"]})
    engine.type("dz")
    first = engine.all_candidates()[0]
    assert first.text == "北京市海淀区中关村大街1号"
    assert first.source is CandidateSource.CUSTOM and first.letters == 2
    assert engine.commit() == "北京市海淀区中关村大街1号"
    engine.type("dzh")                              # the key is not the whole input
    assert engine.all_candidates()[0].source is not CandidateSource.CUSTOM


def test_a_failing_custom_phrase_table_does_not_break_typing(engine: ImeEngine) -> None:
    class Broken:
        def lookup(self, key: str) -> list[str]:
            raise OSError("gone")

    engine.custom_phrases = Broken()
    engine.type("nihao")
    assert engine.all_candidates()[0].text == "你好"


def test_a_word_of_the_context_comes_back(engine: ImeEngine) -> None:
    engine.type("shiyan")
    assert engine.all_candidates()[0].text == "实验"    # alone, an experiment
    engine.reset()
    engine.set_context("这次试验很成功。")              # a trial: 试验 again
    engine.type("shiyan")
    assert engine.all_candidates()[0].text == "试验"
    engine.reset()
    engine.set_context("")                          # the context is forgotten with it
    engine.type("shiyan")
    assert engine.all_candidates()[0].text == "实验"
