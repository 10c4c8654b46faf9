"""The candidate list as users expect it: sentence, genuinely different sentences, the best
sentence's prefixes, words, characters; initials fill the page and user words win."""
from __future__ import annotations

import pytest

from core.engine import CandidateSource, EngineConfig, ImeEngine
from core.engine.types import FuzzyConfig


def texts(engine: ImeEngine, n: int = 20) -> list[str]:
    return [c.text for c in engine.all_candidates()[:n]]


def test_long_sentence_offers_its_prefixes_not_rare_homophones(engine: ImeEngine) -> None:
    engine.type("woaibeijingtiananmen")
    got = texts(engine)
    assert got[0] == "我爱北京天安门"
    assert "我爱北京天安们" not in got[:7] and "我爱北京天安闷" not in got[:7]
    assert got.index("我爱北京") < got.index("我爱") < got.index("我")
    assert got.index("我爱北京") < 7
    prefix = engine.all_candidates()[got.index("我爱北京")]
    assert prefix.letters == len("woaibeijing")
    assert engine.select(got.index("我爱北京")) is None
    assert engine.raw == "tiananmen"


def test_initials_fill_the_page(engine: ImeEngine) -> None:
    engine.type("bjdx")
    cands = engine.all_candidates()
    got = [c.text for c in cands]
    assert got[0] == "北京大学"
    assert len(got) >= engine.config.page_size
    assert "北京" in got                      # shorter initials: bj
    short = cands[got.index("北京")]
    assert short.letters == 2
    assert any(c.source is CandidateSource.CHAR and c.letters == 1 for c in cands)


def test_initials_rank_words_by_frequency(engine: ImeEngine) -> None:
    engine.type("wm")
    assert texts(engine, 1) == ["我们"]
    engine.reset()
    engine.type("zg")
    top = engine.all_candidates()[:5]
    assert "中国" in [c.text for c in top]
    assert [c.score for c in top] == sorted((c.score for c in top), reverse=True)


def test_mixed_initials_and_full_syllables(engine: ImeEngine) -> None:
    engine.type("bjdaxue")
    assert texts(engine, 1) == ["北京大学"]
    engine.reset()
    engine.type("beijingdx")
    assert texts(engine, 1) == ["北京大学"]


def test_a_user_word_wins_its_initials(engine: ImeEngine, user_lexicon) -> None:
    engine.type("bjdx")
    assert texts(engine, 1) == ["北京大学"]
    engine.reset()
    for _ in range(3):
        user_lexicon.learn("笔记大侠", ("bi", "ji", "da", "xia"))
    engine.decoder.invalidate()
    engine.type("bjdx")
    first = engine.all_candidates()[0]
    assert first.text == "笔记大侠" and first.source is CandidateSource.USER


@pytest.mark.parametrize("fuzzy", [False, True])
def test_a_user_word_no_system_word_starts_like_completes(
        engine: ImeEngine, user_lexicon, fuzzy: bool) -> None:
    # Full syllables then an unfinished one spell the start of no system word: the decoder
    # skips such paths early, unless a user word may start that way.
    assert not engine.lexicon.has_key_prefix("miaoxingdax")
    if fuzzy:
        engine.set_config(EngineConfig(fuzzy=FuzzyConfig(z_zh=True, an_ang=True)))
    user_lexicon.learn("喵星大侠", ("miao", "xing", "da", "xia"))
    engine.decoder.invalidate()
    engine.type("miaoxingdax")
    assert "喵星大侠" in texts(engine, 5)


def test_a_user_word_typed_with_the_alias_spelling_completes(engine: ImeEngine,
                                                              user_lexicon) -> None:
    # lue is typed for lve: the user word's letters (lvewei...) are matched by reading.
    user_lexicon.learn("略微大", ("lve", "wei", "da"))
    engine.decoder.invalidate()
    engine.type("lueweid")
    assert "略微大" in texts(engine, 5)
