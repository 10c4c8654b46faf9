"""Context, next-word prediction and custom phrases of the engine."""
from __future__ import annotations

from core.engine import CandidateSource, ImeEngine
from core.engine.prediction import context_words, left_words, novel_strings, predict_next


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


def test_novel_strings_are_runs_the_lexicon_reads_a_character_at_a_time(system_lexicon) -> None:
    found = dict(novel_strings(system_lexicon, "但诸多迹象表明田俊所言非虚，秦咏鸣表示"))
    assert found["田俊"] == ("tian", "jun")
    assert found["秦咏鸣"] == ("qin", "yong", "ming")
    assert "迹象" not in found and "表明" not in found      # words the lexicon has
    # Everyday characters read one at a time are not a name: nothing of this is offered.
    assert novel_strings(system_lexicon, "我的书是他的，你们好") == []
    assert not any("的" in s for s, _ in novel_strings(system_lexicon, "尹娟的事迹"))
    assert novel_strings(system_lexicon, "") == []


def test_a_name_of_the_context_the_lexicon_lacks_comes_back(engine: ImeEngine) -> None:
    query = "qishitianjundeshenfen"
    engine.type(query)
    assert "田俊" not in engine.all_candidates()[0].text     # alone: 天峻, 田郡…
    engine.reset()
    engine.set_context("但诸多迹象表明田俊所言非虚，")
    engine.type(query)
    assert engine.all_candidates()[0].text == "其实田俊的身份"
    engine.reset()
    engine.type("tianjun")
    assert "田俊" in [c.text for c in engine.all_candidates()[:3]]
    engine.reset()
    engine.set_context("")                          # forgotten with the context
    engine.type(query)
    assert "田俊" not in engine.all_candidates()[0].text
