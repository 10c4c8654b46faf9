"""The lexicon compiler builds a loadable artifact whose bigrams come from the corpus."""
from __future__ import annotations

import gzip
import json

from core.decoding.decoder import LexiconDecoder
from core.lexicon.compile import CompileConfig, compile_lexicon
from core.lexicon.system import SystemLexicon


def test_compile_tiny_corpus_and_decode(tmp_path) -> None:
    corpus = tmp_path / "tiny.txt.gz"
    # 期中 (qizhong) follows 考试 in this corpus far more than its homophone 其中 does.
    lines = ["考试期中考试很难。", "期中考试结束了", "我们期中考试"] * 30 + ["其中一个人"]
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines))
    out = tmp_path / "lex"
    manifest = compile_lexicon([corpus], out, CompileConfig(), workers=1)
    assert manifest["counts"]["bigrams"] > 0
    on_disk = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert "tiny.txt.gz" in on_disk["inputs"]["corpus"]
    assert len(on_disk["inputs"]["corpus"]["tiny.txt.gz"]) == 64  # sha256

    lex = SystemLexicon(out)
    assert lex.load_seconds < 5
    assert lex.by_letters("qizhong") is not None
    sentences, _ = LexiconDecoder(lex).decode("womenqizhongkaoshi")
    assert sentences[0].text.endswith("期中考试")


def test_missing_lexicon_gives_a_clear_error(tmp_path) -> None:
    import pytest

    from core.lexicon.system import LexiconError

    with pytest.raises(LexiconError, match="make lexicon"):
        SystemLexicon(tmp_path / "nothing")
