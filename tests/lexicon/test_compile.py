"""The lexicon compiler builds a loadable artifact whose bigrams come from the corpus."""
from __future__ import annotations

import gzip
import json

from core.decoding.decoder import LexiconDecoder
from core.lexicon.compile import CompileConfig, compile_lexicon, count_corpus
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
    assert lex.by_letters("qizhong") is not None
    sentences, _ = LexiconDecoder(lex).decode("womenqizhongkaoshi")
    assert sentences[0].text.endswith("期中考试")


def test_missing_lexicon_gives_a_clear_error(tmp_path) -> None:
    import pytest

    from core.lexicon.system import LexiconError

    with pytest.raises(LexiconError, match="make lexicon"):
        SystemLexicon(tmp_path / "nothing")


def test_compile_leaves_out_lines_with_an_evaluation_clause(tmp_path) -> None:
    corpus = tmp_path / "c.txt"
    leaked = "这是一句评测集里的句子绝对不能学"
    corpus.write_text("\n".join(["期中考试结束了"] * 5 + [f"前面几个字{leaked}后面"] * 3),
                      encoding="utf-8")
    dev = tmp_path / "dev.txt"
    dev.write_text(leaked + "\n", encoding="utf-8")
    manifest = compile_lexicon([corpus], tmp_path / "lex", CompileConfig(), workers=1, exclude=[dev])
    assert manifest["counts"]["corpus_lines_left_out"] == 3
    assert "dev.txt" in manifest["inputs"]["excluded_clauses_from"]
    clean = tmp_path / "clean.txt"
    clean.write_text("\n".join(["期中考试结束了"] * 5), encoding="utf-8")
    assert manifest["counts"]["corpus_tokens"] == count_corpus([clean], 1).uni.sum()


def test_folder_walk_skips_evaluation_files_and_refuses_overlap(tmp_path, capsys) -> None:
    from core.lexicon.compile import corpus_files, main

    (tmp_path / "news.txt").write_text("期中考试\n", encoding="utf-8")
    (tmp_path / "news_dev.txt").write_text("期中考试\n", encoding="utf-8")
    assert corpus_files([tmp_path]) == [tmp_path / "news.txt"]
    assert "news_dev.txt: an evaluation file" in capsys.readouterr().err
    code = main(["--corpus", str(tmp_path / "news.txt"), "--out", str(tmp_path / "o"),
                 "--exclude", str(tmp_path / "news.txt")])
    assert code == 2
    assert "both corpus and --exclude" in capsys.readouterr().err


def test_trigram_reads_the_word_two_back(tmp_path) -> None:
    from core.decoding.decoder import BOS_ID
    from core.lexicon.trigram import WordTrigram

    corpus = tmp_path / "c.txt"
    # After 的 both 期中 and 其中 are as frequent; the word before 的 decides which.
    corpus.write_text("\n".join(["我们的期中", "他们的其中"] * 20), encoding="utf-8")
    out = tmp_path / "lex"
    manifest = compile_lexicon([corpus], out, CompileConfig(), workers=1)
    assert manifest["counts"]["trigrams"] > 0
    lex = SystemLexicon(out)
    assert WordTrigram.load(lex) is not None
    dec = LexiconDecoder(lex)
    de, women, tamen = lex.word_id("的"), lex.word_id("我们"), lex.word_id("他们")
    assert dec.decode("qizhong", history=de, before=women)[0][0].text == "期中"
    assert dec.decode("qizhong", history=de, before=tamen)[0][0].text == "其中"
    assert dec.decode("womendeqizhong", history=BOS_ID)[0][0].text == "我们的期中"
    assert dec.decode("tamendeqizhong", history=BOS_ID)[0][0].text == "他们的其中"


def test_no_trigram_option_writes_the_bigram_only(tmp_path) -> None:
    from core.lexicon.trigram import WordTrigram

    corpus = tmp_path / "c.txt"
    corpus.write_text("\n".join(["我们的期中"] * 5), encoding="utf-8")
    out = tmp_path / "lex"
    compile_lexicon([corpus], out, CompileConfig(), workers=1)
    assert (out / "tri_delta.npy").exists()
    manifest = compile_lexicon([corpus], out, CompileConfig(trigram=False), workers=1)
    assert "trigrams" not in manifest["counts"]
    assert not (out / "tri_delta.npy").exists()
    assert WordTrigram.load(SystemLexicon(out)) is None


def test_merged_counts_equal_counting_everything_at_once(tmp_path) -> None:
    import numpy as np

    from core.lexicon.compile import merge_counts

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("我们的期中考试\n他们的其中一个\n", encoding="utf-8")
    b.write_text("床前明月光\n我们的期中\n", encoding="utf-8")
    both = count_corpus([a, b], 1)
    merged = merge_counts(count_corpus([a], 1), count_corpus([b], 1))

    def as_dict(cc, order):
        V, out = len(cc.words), {}
        codes = cc.codes if order == 2 else cc.tri_codes
        counts = cc.counts if order == 2 else cc.tri_counts
        for code, n in zip(codes.tolist(), counts.tolist()):
            parts = []
            for _ in range(order):
                parts.append(cc.words[code % V])
                code //= V
            out[tuple(parts[::-1])] = n
        return out

    assert as_dict(merged, 2) == as_dict(both, 2)
    assert as_dict(merged, 3) == as_dict(both, 3)
    assert dict(zip(merged.words, merged.uni.tolist())) == dict(zip(both.words, both.uni.tolist()))
    assert np.asarray(merged.uni).sum() == np.asarray(both.uni).sum()


def test_extra_text_word_lists_and_provenance_reach_the_lexicon(tmp_path) -> None:
    corpus, extra = tmp_path / "c.txt", tmp_path / "poems.txt"
    corpus.write_text("\n".join(["我们的期中考试"] * 5), encoding="utf-8")
    extra.write_text("\n".join(["床前明月光"] * 5), encoding="utf-8")
    words = tmp_path / "idioms.txt"
    words.write_text("画蛇添足 50\n守株待兔\nnot a word\n", encoding="utf-8")
    prov = tmp_path / "provenance.json"
    prov.write_text(json.dumps({"poems.txt": {"source": "chinese-poetry", "licence": "MIT"}}),
                    encoding="utf-8")
    out = tmp_path / "lex"
    manifest = compile_lexicon([corpus], out, CompileConfig(), workers=1,
                               counts_cache=tmp_path / "counts.npz", extra=[extra],
                               word_lists=[words], provenance=prov)
    lex = SystemLexicon(out)
    assert lex.word_id("画蛇添足") is not None and lex.word_id("守株待兔") is not None
    assert "poems.txt" in manifest["inputs"]["extra_corpus"]
    assert "idioms.txt" in manifest["inputs"]["word_lists"]
    assert manifest["provenance"]["poems.txt"]["licence"] == "MIT"
    assert "tri_delta.npy" in manifest["integrity"]
    # the cache holds the main corpus only: the extra text is counted again, never twice
    again = compile_lexicon([corpus], tmp_path / "lex2", CompileConfig(), workers=1,
                            counts_cache=tmp_path / "counts.npz", extra=[extra])
    assert again["counts"]["corpus_tokens"] == manifest["counts"]["corpus_tokens"]


def test_clause_links_carry_the_history_across_a_comma(tmp_path) -> None:
    from core.engine.engine import ImeEngine

    corpus = tmp_path / "c.txt"
    # At a clause start 其中 is three times as common as 期中; after 难， only 期中 came.
    corpus.write_text("\n".join(["其中"] * 30 + ["考试很难，期中"] * 10),
                      encoding="utf-8")

    def first(lexicon_dir, context: str) -> str:
        engine = ImeEngine(system_lexicon=SystemLexicon(lexicon_dir))
        engine.set_context(context)
        engine.type("qizhong")
        return engine.sentences(1)[0].text

    out = tmp_path / "lex"
    # Triggers off: they could favour 期中 after 考试 too, and this is about the link.
    manifest = compile_lexicon([corpus], out, CompileConfig(familiarity=False, triggers=False),
                               workers=1)
    assert manifest["counts"]["clause_links"] >= 1
    assert first(out, "") == "其中"
    assert first(out, "考试很难，") == "期中"
    assert first(out, "考试很难。\n") == "其中"      # a new paragraph does not link
    plain = tmp_path / "plain"
    compile_lexicon([corpus], plain,
                    CompileConfig(familiarity=False, clause_links=False, triggers=False), workers=1)
    assert not (plain / "tri_links.npy").exists()
    assert first(plain, "考试很难，") == "其中"


def test_a_clause_link_moves_the_first_word_part_of_the_way(tmp_path, monkeypatch) -> None:
    import numpy as np

    from core.lexicon import trigram
    from core.lexicon.format import BOS_ID

    corpus = tmp_path / "c.txt"
    corpus.write_text("\n".join(["其中"] * 30 + ["考试很难，期中", "考试很难"] * 10),
                      encoding="utf-8")
    out = tmp_path / "lex"
    compile_lexicon([corpus], out, CompileConfig(familiarity=False, triggers=False), workers=1)
    lex = SystemLexicon(out)
    tri = trigram.WordTrigram.load(lex)
    nan, kaoshi, hen = lex.word_id("难"), lex.word_id("考试"), lex.word_id("很")
    w3s = np.asarray([lex.word_id("期中"), lex.word_id("其中")])
    link = tri.contexts(np.asarray([nan]), np.asarray([BOS_ID]))
    plain = tri.contexts(np.asarray([kaoshi]), np.asarray([hen]))
    assert link[0] >= len(tri.bigram_keys) and 0 <= plain[0] < len(tri.bigram_keys)
    bigram = np.asarray([[-3.0, -2.0]], np.float32)
    weight = trigram.LINK_WEIGHT
    assert 0.0 < weight < 1.0
    part = tri.adjust(link, w3s, bigram)
    monkeypatch.setattr(trigram, "LINK_WEIGHT", 1.0)
    whole = tri.adjust(link, w3s, bigram)
    assert whole[0, 0] > part[0, 0] > bigram[0, 0]          # 期中 after 难， gains, by part
    np.testing.assert_allclose(part - bigram, weight * (whole - bigram), rtol=1e-5)
    # a two-word context inside a clause is read at full strength either way
    inside = tri.adjust(plain, w3s, bigram)
    assert not np.array_equal(inside, bigram)
    monkeypatch.setattr(trigram, "LINK_WEIGHT", weight)
    np.testing.assert_array_equal(inside, tri.adjust(plain, w3s, bigram))


def test_trigram_keys_are_stored_as_gaps_and_come_back_exactly() -> None:
    import numpy as np

    from core.lexicon.trigram import delta_keys, keys_from_deltas

    keys = np.array([0, 5, 2**32 - 1, 2**32, 2**32 + 7, 2 * 2**32 + 1], dtype=np.int64)
    gaps = delta_keys(keys)
    assert gaps is not None and gaps.dtype == np.uint32 and gaps.nbytes == keys.nbytes // 2
    assert np.array_equal(keys_from_deltas(gaps), keys)
    assert delta_keys(np.array([1, 2**33], dtype=np.int64)) is None   # a gap past 32 bits
    assert len(keys_from_deltas(delta_keys(np.empty(0, dtype=np.int64)))) == 0


def test_traditional_forms_are_charged_but_stay_reachable(tmp_path) -> None:
    from core.lexicon.compile import traditional_words

    assert traditional_words(["们", "們", "关系", "關係", "著名", "乾坤", "<s>"]) == {1, 3}
    corpus = tmp_path / "c.txt"
    # Traditional leftovers that outnumber the Simplified text in this corpus.
    corpus.write_text("\n".join(["他們的關係很好"] * 40 + ["他们的关系很好"] * 2), encoding="utf-8")
    plain = tmp_path / "plain"
    compile_lexicon([corpus], plain, CompileConfig(traditional_penalty=0.0), workers=1)
    charged = tmp_path / "charged"
    compile_lexicon([corpus], charged, CompileConfig(), workers=1)

    def best(out):
        return LexiconDecoder(SystemLexicon(out)).decode("tamendeguanxihenhao")[0][0].text

    assert best(plain) == "他們的關係很好"
    assert best(charged) == "他们的关系很好"
    lex = SystemLexicon(charged)
    wid = lex.word_id("們")
    assert wid is not None   # still in the lexicon, so still in the candidate list
    span = lex.by_letters("men")
    words = [int(w) for w in lex.ent_word[span.start:span.stop]]
    assert words.index(wid) > words.index(lex.word_id("们"))
