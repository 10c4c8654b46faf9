"""The initials' prior: words people type outrank words that one big source repeats."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from core.engine.engine import ImeEngine
from core.lexicon.compile import CompileConfig, compile_lexicon
from core.lexicon.familiarity import FamiliarityConfig, SourceSample, familiarity, source_name
from core.lexicon.system import SystemLexicon


def test_a_word_of_the_typing_register_outranks_a_documentation_word_counted_more_often():
    words = ["线程", "小吃", "没见过"]
    uni = np.log(np.array([0.6, 0.3, 0.1]))
    samples = [SourceSample("tech_docs", 1000, Counter({"线程": 100})),
               SourceSample("weibo_ced_rumor", 500, Counter({"小吃": 40})),
               SourceSample("msra", 1000, Counter({"小吃": 5, "线程": 1}))]
    prior = familiarity(words, uni, samples, FamiliarityConfig())
    assert prior[1] > prior[0]                  # 小吃 > 线程, though 线程 is counted more
    assert np.isfinite(prior[2]) and prior[2] < prior[0]   # unseen: the unigram's share only


def test_without_register_sources_every_source_counts_once():
    words = ["线程", "小吃"]
    uni = np.log(np.array([0.5, 0.5]))
    samples = [SourceSample("a", 100, Counter({"线程": 50})),
               SourceSample("b", 100, Counter({"小吃": 10})),
               SourceSample("c", 100, Counter({"小吃": 10}))]
    prior = familiarity(words, uni, samples, FamiliarityConfig(register=()))
    expected = np.log(0.9 * np.array([50 / 300, 20 / 300]) + 0.1 * 0.5)
    assert np.allclose(prior, expected, atol=1e-5)


def test_source_names_are_the_corpus_file_stems():
    assert source_name(Path("python_docs_zhcn_3.14.txt.gz")) == "python_docs_zhcn_3.14"
    assert source_name(Path("weibo_ced_rumor.txt")) == "weibo_ced_rumor"


def _corpus(tmp_path: Path) -> list[Path]:
    tech = tmp_path / "tech_docs.txt"
    tech.write_text("我们创建一个新的线程来处理请求\n" * 1000, encoding="utf-8")
    weibo = tmp_path / "weibo_ced_rumor.txt"
    weibo.write_text("今天去吃小吃\n" * 20, encoding="utf-8")
    return [tech, weibo]


def _first_for_initials(lexicon_dir: Path, initials: str) -> str:
    engine = ImeEngine(system_lexicon=SystemLexicon(lexicon_dir))
    engine.type(initials)
    return engine.sentences(5)[0].text


def test_the_compiled_prior_ranks_initials_at_a_clause_start(tmp_path):
    corpus = _corpus(tmp_path)
    out = tmp_path / "lex"
    manifest = compile_lexicon(corpus, out, CompileConfig(), workers=1)
    assert (out / "abbr_uni.npy").exists()
    assert manifest["familiarity"]["sampled_tokens"]["weibo_ced_rumor"] > 0
    assert _first_for_initials(out, "xc") == "小吃"
    # The same corpus without the prior ranks by the unigram, where 线程 is counted 50 times as often.
    plain = tmp_path / "plain"
    compile_lexicon(corpus, plain, CompileConfig(familiarity=False), workers=1)
    assert not (plain / "abbr_uni.npy").exists()
    assert _first_for_initials(plain, "xc") == "线程"
