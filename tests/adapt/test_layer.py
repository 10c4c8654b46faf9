"""The domain lexicon layer: new-word discovery, the layer build, and decoding with it."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import DOMAIN_WORDS, write_corpus

import core.engine  # noqa: F401 - the engine package loads before the decoder (import order)
from core.lexicon.domain import DomainLexicon, load_model_domain
from core.lexicon.system import SystemLexicon
from trainer.adapt.corpus import read_lines
from trainer.adapt.lexicon import LayerConfig, build_layer
from trainer.adapt.newwords import DiscoveryConfig, RunBuffer, discover


def _text(folder: Path) -> list[str]:
    return [line for f in sorted(folder.iterdir()) for line in f.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def layer(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("layer")
    corpus = write_corpus(root / "novel")
    lines = _text(corpus)
    (root / "train.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    cfg = LayerConfig(discovery=replace(DiscoveryConfig(), min_count=2), workers=1)
    build_layer(lambda: read_lines(root / "train.txt"), root / "domain", system=SystemLexicon.default(),
                cfg=cfg)
    return root / "domain"


def test_discovery_finds_the_made_up_words() -> None:
    buf = RunBuffer()
    for run in ["青冥宗弟子手持墨渊剑", "长老说墨渊剑是青冥宗的宝", "墨渊剑在手", "他拔出墨渊剑",
                "墨渊剑", "是墨渊剑啊", "天下墨渊剑"] * 3:
        buf.add(run)
    found = {w.text for w in discover(buf.array(), set(), DiscoveryConfig(min_count=3, min_pmi=1.0,
                                                                          min_entropy=0.5))}
    assert "墨渊剑" in found
    # a known word is never "new"
    assert "墨渊剑" not in {w.text for w in discover(buf.array(), {"墨渊剑"},
                                                    DiscoveryConfig(min_count=3, min_pmi=1.0, min_entropy=0.5))}


def test_layer_is_in_the_system_lexicon_format(layer: Path) -> None:
    lay = SystemLexicon(layer)   # the same loader reads it
    assert lay.manifest["kind"] == "domain-layer"
    assert "墨渊剑" in lay.words
    rng = lay.by_letters("moyuanjian")
    assert rng is not None and lay.text(rng.start) == "墨渊剑"


@pytest.mark.parametrize(("pinyin", "word"), sorted(DOMAIN_WORDS.items()))
def test_domain_word_becomes_the_top_candidate(layer: Path, pinyin: str, word: str) -> None:
    from core.engine import ImeEngine

    plain = ImeEngine(system_lexicon=SystemLexicon.default())
    plain.type(pinyin)
    assert plain.sentences(1)[0].text != word          # the shipped lexicon gets it wrong
    adapted = ImeEngine(system_lexicon=DomainLexicon.open(layer, lam=0.3))
    adapted.type(pinyin)
    assert adapted.sentences(1)[0].text == word


def test_abbreviation_finds_a_domain_word(layer: Path) -> None:
    from core.engine import ImeEngine

    engine = ImeEngine(system_lexicon=DomainLexicon.open(layer, lam=0.3))
    engine.type("myj")
    assert "墨渊剑" in [c.text for c in engine.all_candidates()[:5]]


def test_committed_text_is_read_over_a_domain_layer(layer: Path) -> None:
    """The cache model and the context's novel strings work on the joined lexicon too."""
    from core.engine import ImeEngine

    engine = ImeEngine(system_lexicon=DomainLexicon.open(layer, lam=0.3))
    engine.set_context("本文来自腾讯新闻，但诸多迹象表明田俊所言非虚，")
    engine.type("tengxunwang")
    assert engine.sentences(1)[0].text == "腾讯网"
    engine.reset()
    engine.type("tianjun")
    assert "田俊" in [c.text for c in engine.all_candidates()[:3]]


def test_weight_zero_is_the_system_lexicon(layer: Path) -> None:
    sysl = SystemLexicon.default()
    dl = DomainLexicon.open(layer, system=sysl, lam=0.0)
    ids = np.asarray([sysl.word_id(w) for w in ("我们", "今天", "北京")])
    np.testing.assert_allclose(dl.bigram_matrix(ids, ids), sysl.bigram_matrix(ids, ids), atol=1e-5)
    np.testing.assert_allclose(dl.uni[: sysl.vocab_size][ids], sysl.uni[ids], atol=1e-5)


def test_both_models_are_given_and_mixed(layer: Path) -> None:
    sysl = SystemLexicon.default()
    lam = 0.4
    dl = DomainLexicon.open(layer, system=sysl, lam=lam)
    lay = dl.layer
    a, b = dl.word_id("长老"), dl.word_id("说")
    assert a < sysl.vocab_size and b < sysl.vocab_size
    sys_m, dom_m = dl.bigram_pair(np.asarray([a]), np.asarray([b]))
    assert sys_m[0, 0] == pytest.approx(sysl.bigram_row(a, np.asarray([b]))[0])
    assert dom_m[0, 0] == pytest.approx(lay.bigram_row(lay.word_id("长老"), np.asarray([lay.word_id("说")]))[0])
    mixed = np.log((1 - lam) * np.exp(sys_m[0, 0]) + lam * np.exp(dom_m[0, 0]))
    assert dl.bigram_matrix(np.asarray([a]), np.asarray([b]))[0, 0] == pytest.approx(mixed, abs=1e-4)
    # a word only the layer knows: the system side says "never", the layer knows it
    w = dl.word_id("墨渊剑")
    assert w >= sysl.vocab_size
    s2, d2 = dl.bigram_pair(np.asarray([dl.word_id("的")]), np.asarray([w]))
    assert s2[0, 0] < -50 and d2[0, 0] > -20


def test_a_general_sentence_keeps_its_reading(layer: Path) -> None:
    """Per-sentence mixing: a domain word does not slip into a general clause."""
    from core.decoding.decoder import LexiconDecoder

    sysl = SystemLexicon.default()
    for raw in ("womenjintianqubeijing", "zhegewentiyijingjiejuele"):
        plain = LexiconDecoder(sysl).decode(raw, nbest=1)[0][0].text
        mixed = LexiconDecoder(DomainLexicon.open(layer, system=sysl, lam=0.3)).decode(raw, nbest=1)[0][0].text
        assert mixed == plain


def test_model_folder_without_a_layer_has_none(tmp_path: Path) -> None:
    assert load_model_domain(tmp_path) is None
