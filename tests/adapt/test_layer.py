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


def test_weight_zero_is_the_system_lexicon(layer: Path) -> None:
    sysl = SystemLexicon.default()
    dl = DomainLexicon.open(layer, system=sysl, lam=0.0)
    ids = np.asarray([sysl.word_id(w) for w in ("我们", "今天", "北京")])
    np.testing.assert_allclose(dl.bigram_matrix(ids, ids), sysl.bigram_matrix(ids, ids), atol=1e-5)
    np.testing.assert_allclose(dl.uni[: sysl.vocab_size][ids], sysl.uni[ids], atol=1e-5)


def test_interpolation_is_count_merging(layer: Path) -> None:
    """P(w2|w1) = (1 - l) P_sys + l P_dom with l = r P_dom(w1) / (P_sys(w1) + r P_dom(w1))."""
    sysl = SystemLexicon.default()
    lam = 0.4
    r = lam / (1 - lam)
    dl = DomainLexicon.open(layer, system=sysl, lam=lam)
    lay = dl.layer
    for first, second in (("的", "弟子"), ("长老", "说")):
        a, b = dl.word_id(first), dl.word_id(second)
        da, db = lay.word_id(first), lay.word_id(second)
        assert a < sysl.vocab_size and b < sysl.vocab_size and da is not None and db is not None
        ps, pd = np.exp(sysl.uni[a]), np.exp(lay.uni[da])
        hist = r * pd / (ps + r * pd)
        expected = np.log((1 - hist) * np.exp(sysl.bigram_row(a, np.asarray([b]))[0]) + hist * np.exp(lay.bigram_row(da, np.asarray([db]))[0]))
        assert dl.bigram(a, b) == pytest.approx(expected, abs=1e-3)
    # a word only the layer knows, after a system word: the system side backs off
    assert dl.word_id("墨渊剑") >= sysl.vocab_size
    assert np.isfinite(dl.bigram(dl.word_id("的"), dl.word_id("墨渊剑")))


def test_model_folder_without_a_layer_has_none(tmp_path: Path) -> None:
    assert load_model_domain(tmp_path) is None
