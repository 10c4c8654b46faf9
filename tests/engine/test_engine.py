"""ImeEngine flows: type, candidates, partial selection, backspace, commit, context, learning."""
from __future__ import annotations

import pytest

from core.decoding.scorer import Path
from core.engine import CandidateSource, EngineConfig, FuzzyConfig, ImeEngine
from core.engine.engine import CACHE_MAX_BONUS, PRONOUN_BONUS, cache_bonuses


def texts(engine: ImeEngine, n: int = 10) -> list[str]:
    return [c.text for c in engine.all_candidates()[:n]]


@pytest.mark.parametrize(("query", "expected"), [
    ("nihao", "你好"),
    ("woaibeijingtiananmen", "我爱北京天安门"),
    ("tamenzhengzaikaihui", "他们正在开会"),
    ("xi'an", "西安"),
    ("fangan", "方案"),
    ("jiaoyu", "教育"),
])
def test_whole_input_top1(engine: ImeEngine, query: str, expected: str) -> None:
    engine.type(query)
    assert texts(engine)[0] == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("gangcaiwowangjigaosuninle", "刚才我忘记告诉您了"),   # not 告诉你你了: ni + n
    ("henquyou", "很去油"),                                 # not 和你去游: he + n
])
def test_full_pinyin_is_not_read_with_an_abbreviation_inside(engine: ImeEngine, query: str,
                                                            expected: str) -> None:
    engine.type(query)
    assert expected in [c.text for c in engine.sentences(3)]
    # One character a syllable: no syllable was cut into a shorter one and an initial.
    assert len(engine.sentences(1)[0].text) == len(expected)


@pytest.mark.parametrize(("query", "expected"), [
    ("bjdx", "北京大学"), ("zhongg", "中国"), ("beijingdx", "北京大学"), ("nih", "你好"),
])
def test_abbreviations_and_incomplete_syllables(engine: ImeEngine, query: str,
                                                expected: str) -> None:
    engine.type(query)
    assert expected in texts(engine, 5)


def test_candidate_order_sentences_then_words_then_chars(engine: ImeEngine) -> None:
    engine.type("beijingdaxue")
    cands = engine.all_candidates()
    sources = [c.source for c in cands]
    first_word = sources.index(CandidateSource.WORD)
    first_char = sources.index(CandidateSource.CHAR)
    assert sources[0] is CandidateSource.SENTENCE
    assert all(s is CandidateSource.SENTENCE for s in sources[:first_word])
    assert first_word < first_char
    assert CandidateSource.SENTENCE not in sources[first_char:]
    # words covering longer prefixes come first
    words = [c for c in cands if c.source is CandidateSource.WORD]
    assert [c.letters for c in words] == sorted((c.letters for c in words), reverse=True)
    assert len({c.text for c in cands}) == len(cands), "candidates are unique"
    assert "北" in [c.text for c in cands if c.source is CandidateSource.CHAR][:5]


def test_partial_selection_keeps_the_rest_composing(engine: ImeEngine) -> None:
    engine.type("woaibeijing")
    idx = [c.text for c in engine.all_candidates()].index("我")
    assert engine.select(idx) is None
    assert engine.raw == "aibeijing"
    assert engine.preedit.startswith("我")
    assert texts(engine)[0] == "爱北京"
    done = engine.select(0)
    assert done == "我爱北京"
    assert not engine.composing
    assert engine.context.endswith("我爱北京")


def test_backspace_edits_letters_then_undoes_a_selection(engine: ImeEngine) -> None:
    engine.type("nihaoma")
    assert engine.backspace()
    assert engine.raw == "nihaom"
    idx = [c.text for c in engine.all_candidates()].index("你好")
    engine.select(idx)
    assert engine.raw == "m"
    assert engine.backspace() and engine.raw == ""
    assert engine.backspace()  # undoes the selection of 你好
    assert engine.raw == "nihaom" and engine.preedit == "ni'hao'm"
    engine.reset()
    assert not engine.backspace()


def test_commit_and_commit_raw(engine: ImeEngine) -> None:
    engine.type("nihao")
    assert engine.commit() == "你好"
    engine.type("ni'hao")
    assert engine.commit_raw() == "nihao"
    assert engine.context.endswith("你好nihao")


def test_paging(engine: ImeEngine) -> None:
    engine.set_config(EngineConfig(page_size=5))
    engine.type("shi")
    assert len(engine.candidates(0)) == 5
    assert engine.page_count() > 2
    assert engine.candidates(1)[0] == engine.all_candidates()[5]
    assert engine.candidates(10_000) == []


def test_composition_string_has_separators(engine: ImeEngine) -> None:
    engine.type("zhongguoren")
    assert engine.preedit == "zhong'guo'ren"


def test_rejects_non_letters(engine: ImeEngine) -> None:
    with pytest.raises(ValueError):
        engine.type("ni3")


def test_unparseable_letters_still_give_a_candidate(engine: ImeEngine) -> None:
    engine.type("iiii")
    assert engine.all_candidates()[0].text == "iiii"


def test_fuzzy_rule_changes_results_only_when_on(engine: ImeEngine) -> None:
    engine.type("zongguo")  # z for zh
    assert "中国" not in texts(engine, 10)
    engine.set_config(EngineConfig(fuzzy=FuzzyConfig(z_zh=True)))
    engine.reset()
    engine.type("zongguo")
    assert "中国" in texts(engine, 5)


def test_learning_from_partial_selections(engine: ImeEngine, user_lexicon) -> None:
    engine.type("shihou")
    cands = [c.text for c in engine.all_candidates()]
    pick = next(t for t in cands if len(t) == 1 and t != cands[0][:1])  # a rarer first char
    engine.select(cands.index(pick))
    rest = engine.all_candidates()
    engine.select(next(k for k, c in enumerate(rest) if len(c.text) == 1))
    learned = {e.text for e in user_lexicon.entries()}
    assert pick in learned
    phrase = next(t for t in learned if len(t) == 2)
    # the new phrase now wins
    engine.type("shihou")
    assert texts(engine)[0] == phrase
    assert engine.all_candidates()[0].source is CandidateSource.SENTENCE


def test_keystrokes_do_not_reread_the_user_dictionary(engine: ImeEngine, user_lexicon,
                                                      monkeypatch) -> None:
    # The decoder once tested the user lexicon for truth, which counts its rows: every
    # keystroke read and checked the whole SQLite table (200 ms a key at 3,000 words).
    from core.lexicon.user import UserLexicon

    for text, syl in [("北京", ("bei", "jing")), ("事后", ("shi", "hou")),
                      ("喵星人", ("miao", "xing", "ren"))]:
        user_lexicon.learn(text, syl)
    engine.type("miao")
    assert "喵星人" not in texts(engine, 1)   # the index is built here, once
    reads: list[int] = []
    stored_rows = UserLexicon._stored_rows
    monkeypatch.setattr(UserLexicon, "_stored_rows",
                        lambda self, **kw: (reads.append(1), stored_rows(self, **kw))[1])
    for ch in "xingren":
        engine.type(ch)
        engine.all_candidates()
    assert texts(engine, 1) == ["喵星人"]
    assert reads == []


def test_a_user_word_is_found_by_its_initials_inside_the_input(engine: ImeEngine, user_lexicon) -> None:
    # Found through the index of initials: `mxr` is read as the user word's three initials,
    # at the start of the input and after full syllables.
    user_lexicon.learn("喵星人", ("miao", "xing", "ren"))
    for query, expected in (("mxrhenkeai", "喵星人很可爱"), ("wodemxr", "我的喵星人")):
        for ch in query:
            engine.type(ch)
        assert expected in texts(engine, 5)
        engine.commit()


def test_a_deleted_user_word_is_no_longer_offered(engine: ImeEngine, user_lexicon) -> None:
    user_lexicon.learn("妙星仁", ("miao", "xing", "ren"), weight=3)   # no word of the lexicon
    for query in ("miaoxingren", "mxr"):
        for ch in query:
            engine.type(ch)
        assert "妙星仁" in texts(engine, 10)
        engine.reset()
    assert user_lexicon.delete("妙星仁", "miao'xing'ren")
    for query in ("miaoxingren", "mxr"):
        for ch in query:
            engine.type(ch)
        assert "妙星仁" not in texts(engine, 50)
        engine.reset()


def test_committed_text_leaves_no_stale_lattice_or_tracked_cache(engine: ImeEngine) -> None:
    import gc

    from core.decoding.decoder import _match_cache

    for clause in ("zhongguorenmin", "jintiantianqihenhao"):
        for ch in clause:
            engine.type(ch)
            engine.all_candidates()
        engine.commit()
    # The columns of the earlier clauses are keyed by context that will not come again:
    # none is kept (they are hypotheses that every full garbage collection would walk).
    assert len(engine.decoder._cache) == 0
    engine.type("w")
    engine.all_candidates()
    assert 0 < len(engine.decoder._cache) <= 2
    gc.collect()
    gc.collect()
    # The unit-match cache holds only what the collector stops tracking.
    assert not [v for v in _match_cache(engine.decoder.lex).values() if gc.is_tracked(v)]


class _PreferSecond:
    """A scorer that strongly prefers one given text (stands in for the model)."""

    name = "test-scorer"
    provider = "CPU"

    def __init__(self, favourite: str) -> None:
        self.favourite = favourite
        self.calls: list[tuple[str, list[Path]]] = []

    def score(self, context: str, paths: list[Path]) -> list[float]:
        self.calls.append((context, list(paths)))
        return [0.0 if p.text == self.favourite else -50.0 for p in paths]


def test_scorer_rescores_with_context(engine: ImeEngine) -> None:
    engine.set_context("老师说")
    engine.type("tamenzhengzaikaihui")
    second = texts(engine)[1]
    scorer = _PreferSecond(second)
    engine.set_scorer(scorer)
    assert texts(engine)[0] == second
    context, paths = scorer.calls[-1]
    assert context == "老师说"
    assert all(len(p.text) == len(p.syllables) for p in paths)
    assert engine.decoder_name == "test-scorer (CPU)"


class _ContextSays:
    """A model that, given committed context, favours one text by a few nats over the rest,
    and without context has no preference."""

    name, provider = "context-scorer", "CPU"

    def __init__(self, favourite: str, nats: float, weight: float,
                 context_weight: float | None) -> None:
        self.favourite, self.nats = favourite, nats
        self.rescore_weight, self.rescore_context_weight = weight, context_weight
        self.contexts: list[str] = []

    def score(self, context: str, paths: list[Path]) -> list[float]:
        self.contexts.append(context)
        if not context:
            return [0.0] * len(paths)
        return [0.0 if p.text == self.favourite else -self.nats for p in paths]


def test_the_contexts_part_of_the_model_score_has_a_weight_of_its_own(engine: ImeEngine) -> None:
    engine.set_context("老师说")
    engine.type("tamenzhengzaikaihui")
    first, second = texts(engine)[:2]
    gap = engine.all_candidates()[0].score - engine.all_candidates()[1].score
    assert gap > 0
    # The context's preference, as large as the lexicon's gap, does not outweigh it at the
    # model's weight of 0.1; at a context weight of 1.5 the favourite comes first.
    nats, heavy = gap, 1.5
    for context_weight, top in ((None, first), (0.1, first), (heavy, second)):
        scorer = _ContextSays(second, nats, 0.1, context_weight)
        engine.set_scorer(scorer)
        assert texts(engine)[0] == top, context_weight
        # Scored twice (with and without the context) only when the weights differ.
        assert sorted(set(scorer.contexts)) == (["", "老师说"] if context_weight == heavy
                                                else ["老师说"])
    # Without committed text nothing is scored twice.
    engine.reset()
    engine.set_context("")
    scorer = _ContextSays(second, nats, 0.1, heavy)
    engine.set_scorer(scorer)
    engine.type("tamenzhengzaikaihui")
    texts(engine)
    assert scorer.contexts == [""]
    # The engine's own setting wins over the model's.
    engine.context_weight = 0.7
    assert engine.context_weight == 0.7
    engine.context_weight = None
    assert engine.context_weight == heavy


def test_a_long_word_on_the_lexicon_path_holds_against_a_model_that_reads_characters(
        engine: ImeEngine, monkeypatch) -> None:
    from core.engine import engine as engine_module

    engine.type("xianruzhijian")
    scores = {c.text: c.score for c in engine.all_candidates()
              if c.source is CandidateSource.SENTENCE}
    assert "先入之见" in scores and "陷入之间" in scores
    gap = scores["先入之见"] - scores["陷入之间"]
    assert gap > 0
    # A model preferring the everyday words by more than the lexicon's gap, but by less than
    # the gap and the idiom's bonus together.
    nats = gap + engine_module.LONG_WORD_BONUS / 2

    class Everyday:
        name, provider = "everyday", "CPU"
        rescore_weight = 1.0

        def score(self, context, paths):
            return [0.0 if p.text == "陷入之间" else -nats for p in paths]

    engine.set_scorer(Everyday())
    assert texts(engine)[0] == "先入之见"
    monkeypatch.setattr(engine_module, "LONG_WORD_BONUS", 0.0)
    engine.reset()
    engine.type("xianruzhijian")
    assert texts(engine)[0] == "陷入之间"


def test_a_failing_scorer_falls_back_to_the_lexicon(engine: ImeEngine) -> None:
    class Broken:
        name, provider = "broken", "CPU"

        def score(self, context, paths):
            raise RuntimeError("onnx exploded")

    engine.set_scorer(Broken())
    engine.type("nihao")
    assert texts(engine)[0] == "你好"
    assert engine.decoder_name == "n-gram"


def test_committed_text_is_the_first_words_history(engine: ImeEngine) -> None:
    engine.type("shihou")
    alone = texts(engine, 1)[0]
    engine.reset()
    assert engine._history()[1] == 0  # BOS: nothing committed yet
    engine.set_context("我小")  # 小时候: "when I was little"
    engine.type("shihou")
    assert engine._history() == (engine._lex.word_id("我"), engine._lex.word_id("小"))
    assert texts(engine, 1)[0] == "时候"
    assert alone in texts(engine, 5)


def test_a_learner_that_raises_never_keeps_the_text_from_being_committed(engine, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the user dictionary is gone")

    monkeypatch.setattr(engine.user_lexicon, "learn", broken)
    engine.type("woaibeijing")
    committed = engine.select(engine.all_candidates().index(
        next(c for c in engine.all_candidates() if c.text == "我爱")))
    while committed is None:   # a partial pick, then the rest: a commit that teaches a phrase
        committed = engine.select(0)
    assert committed.startswith("我爱") and len(committed) == 4
    assert engine.context.endswith(committed) and not engine.composing


@pytest.mark.parametrize(("context", "expected"), [
    ("", "他很高兴"), ("她今天很开心，", "她很高兴"), ("我把照片给她看，", "她很高兴"),
    ("他今天很开心，", "他很高兴")])
def test_the_pronoun_the_committed_text_used_is_read_again(engine: ImeEngine, context: str,
                                                           expected: str) -> None:
    engine.reset()
    engine.set_context(context)
    engine.type("tahengaoxing")
    assert engine.sentences(1)[0].text == expected


@pytest.mark.parametrize(("context", "query", "expected"), [
    ("灵醒的人", "lingxing", "灵醒"), ("他喜欢吃荔浦芋头", "lipu", "荔浦")])
def test_a_rare_word_of_the_committed_text_comes_back_first(engine: ImeEngine, context: str,
                                                            query: str, expected: str) -> None:
    engine.type(query)
    assert engine.sentences(1)[0].text != expected   # fresh: a commoner homophone wins
    engine.reset()
    engine.set_context(context)
    engine.type(query)
    assert engine.sentences(1)[0].text == expected


def test_the_cache_pulls_a_rare_word_harder_than_a_common_one(engine: ImeEngine) -> None:
    lex = engine._lex
    bonus = cache_bonuses(lex, "我们昨天下午在荔浦见到了她的朋友")
    common, rare = bonus[lex.word_id("我们")], bonus[lex.word_id("荔浦")]
    assert 0 < common < rare <= CACHE_MAX_BONUS
    assert bonus[lex.word_id("她")] == PRONOUN_BONUS and lex.word_id("他") not in bonus
    assert cache_bonuses(lex, "") == {}


@pytest.mark.parametrize(("context", "query", "expected"), [
    ("本文来自腾讯新闻客户端自媒体，", "budaibiaotengxunwangdeguandian", "不代表腾讯网的观点"),
    ("全校共辖有神学院、法学院、", "yixueyuan", "医学院"),
    ("受邀参加会议的有县人大代表、", "dangdaibiao", "党代表")])
def test_the_cache_does_not_split_a_longer_word_built_on_a_remembered_one(
        engine: ImeEngine, context: str, query: str, expected: str) -> None:
    """腾讯 in the committed text must not make 腾讯网 read as 腾讯 + 王."""
    engine.type(query)
    assert engine.sentences(1)[0].text == expected   # fresh, the longer word wins
    engine.reset()
    engine.set_context(context)
    engine.type(query)
    assert engine.sentences(1)[0].text == expected


@pytest.mark.parametrize(("word", "query"), [("医学院", "yixueyuan"), ("学院派", "xueyuanpai"),
                                             ("学院", "xueyuan")])
def test_a_longer_word_gets_the_bonus_of_the_boosted_word_it_is_built_on(
        engine: ImeEngine, word: str, query: str) -> None:
    from core.pinyin.graph import SyllableGraph

    decoder, lex = engine.decoder, engine._lex

    def cost() -> float:
        for e in decoder._edges_ending_at(query, SyllableGraph(query), len(query), True):
            if word in e.texts:
                return float(e.costs[e.texts.index(word)])
        raise AssertionError(f"{word} is not read from {query}")

    plain = cost()
    decoder.set_boost({lex.word_id("学院"): 3.0, lex.word_id("医学"): 1.0})
    assert cost() == pytest.approx(plain - 3.0)     # the larger bonus, not the sum
    decoder.set_boost({lex.word_id("他"): 2.0})     # a single character extends nothing
    assert cost() == pytest.approx(plain)


@pytest.mark.parametrize(("query", "expected"), [
    ("aj", "案件"), ("ap", "安排"), ("eq", "而且"), ("ez", "儿子"), ("os", "欧式")])
def test_initials_may_begin_with_a_syllable_of_its_own(engine: ImeEngine, query: str,
                                                       expected: str) -> None:
    """a, e, o begin syllables (an, er, ou): typed first before a consonant they are initials."""
    engine.type(query)
    first = texts(engine)[:3]
    assert expected in first and all(len(t) == 2 for t in first)


@pytest.mark.parametrize("query", ["an", "er", "ou", "wom", "nem", "bja"])
def test_a_vowel_that_goes_on_into_a_syllable_is_not_an_initial(query: str) -> None:
    from core.engine.abbreviation import initials_key

    assert initials_key(query) is None
