"""The Analyzer facade on a real (tiny) exported model, and its behaviour without one."""
from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from core.analysis import Analyzer, AnalyzerConfig, ModelLoadError, SentimentClassifier


@pytest.fixture(scope="module")
def analyzer(tiny_model_dir):
    return Analyzer(AnalyzerConfig(model=str(tiny_model_dir)))


def test_sentiment_has_overall_and_per_sentence_scores(analyzer):
    text = "房间很好，服务满意！早餐糟糕，很失望。"
    result = analyzer.sentiment(text)
    assert result.overall.label in ("negative", "positive")
    assert sum(result.overall.probabilities.values()) == pytest.approx(1.0, abs=1e-4)
    assert [s.sentence.text for s in result.sentences] == ["房间很好，服务满意！", "早餐糟糕，很失望。"]
    assert result.sentences[0].score.positive > result.sentences[1].score.positive
    assert sum(result.sentence_mean.values()) == pytest.approx(1.0, abs=1e-4)
    assert "tiny-sentiment" in result.model


def test_the_trained_tiny_model_separates_clear_cases(analyzer):
    scores = analyzer.classify(["手机很好，书不错", "房间很差，服务失望", ""])
    assert scores[0].label == "positive"
    assert scores[1].label == "negative"
    assert len(scores) == 3


def test_single_sentence_and_empty_text(analyzer):
    assert len(analyzer.sentiment("很好").sentences) == 1
    with pytest.raises(ValueError, match="no text"):
        analyzer.sentiment("   ")


def test_analyze_returns_every_part(analyzer):
    a = analyzer.analyze("这家酒店很干净，服务也很好。银行就在旁边。")
    assert a.sentiment is not None
    assert a.keywords_tfidf and a.keywords_textrank
    assert "".join(p.char for p in a.pinyin) == a.text
    assert {"sentiment", "tfidf", "textrank", "segment", "pinyin"} <= set(a.timings_ms)


def test_int8_and_fp32_agree(tiny_model_dir):
    texts = ["房间很好", "很差很差", "手机满意，推荐", "垃圾，退货"]
    p8 = SentimentClassifier(tiny_model_dir, int8=True).predict_proba(texts)
    p32 = SentimentClassifier(tiny_model_dir, int8=False).predict_proba(texts)
    assert np.array_equal(p8.argmax(1), p32.argmax(1))
    assert np.abs(p8 - p32).max() < 0.1


def test_batched_prediction_matches_one_by_one(tiny_model_dir):
    # fp32: int8's dynamic quantization scales by batch contents, so padding shifts it slightly.
    clf = SentimentClassifier(tiny_model_dir, int8=False)
    texts = ["好", "房间很好，服务满意！" * 3, "很差", "手机不错"]
    batched = clf.predict_batched(texts, batch_size=2)
    single = np.concatenate([clf.predict_proba([t]) for t in texts])
    assert np.abs(batched - single).max() < 1e-4


def test_long_text_is_clipped_not_rejected(tiny_model_dir):
    clf = SentimentClassifier(tiny_model_dir)
    assert clf.predict_proba(["很好" * 500]).shape == (1, 2)


def test_sentiment_timing_leaves_out_the_first_model_load(tiny_model_dir, monkeypatch):
    """The panel shows this figure as the analysis time: a 5 s load must not land in it."""
    import core.analysis.analyzer as analyzer_module

    clock = [0.0]
    monkeypatch.setattr(analyzer_module.time, "perf_counter", lambda: clock[0])
    real = analyzer_module.SentimentClassifier

    def slow_load(*args, **kwargs):
        clock[0] += 5.0
        return real(*args, **kwargs)

    monkeypatch.setattr(analyzer_module, "SentimentClassifier", slow_load)
    a = Analyzer(AnalyzerConfig(model=str(tiny_model_dir))).analyze("房间很好。")
    assert a.sentiment is not None
    assert a.timings_ms["sentiment"] < 1000


def test_an_edit_rescores_only_the_changed_sentence(tiny_model_dir):
    """Typing in a long document: the panel re-analyses on every pause."""
    clf = SentimentClassifier(tiny_model_dir)
    seen: list[str] = []
    real_proba = clf.predict_proba  # predict_batched calls it too
    clf.predict_proba = lambda texts: (seen.extend(texts), real_proba(texts))[1]
    analyzer = Analyzer(classifier=clf)
    sentences = [f"第{i}句房间很好。" for i in range(50)]
    first = analyzer.sentiment("".join(sentences))
    assert len(seen) == 51  # the whole text, then each sentence
    seen.clear()
    sentences[7] = "第7句服务太差。"
    second = analyzer.sentiment("".join(sentences))
    assert sorted(seen) == sorted(["".join(sentences), "第7句服务太差。"])
    assert [s.score for i, s in enumerate(second.sentences) if i != 7] == \
        [s.score for i, s in enumerate(first.sentences) if i != 7]
    # Cached scores match a fresh analysis (int8 scales activations per batch, hence the tolerance).
    fresh = Analyzer(classifier=SentimentClassifier(tiny_model_dir)).sentiment("".join(sentences))
    assert [s.score.positive for s in second.sentences] == pytest.approx(
        [s.score.positive for s in fresh.sentences], abs=0.01)


def test_missing_model_gives_clear_error_and_analysis_without_sentiment(tmp_path):
    analyzer = Analyzer(AnalyzerConfig(model=str(tmp_path / "nope")))
    with pytest.raises(ModelLoadError, match="nope"):
        analyzer.sentiment("很好")
    a = analyzer.analyze("很好的酒店")
    assert a.sentiment is None and a.tokens
    assert analyzer.load_error
    assert a.sentiment_note.startswith("no sentiment model")


def test_text_without_chinese_gets_no_verdict(analyzer):
    """Punctuation, English or digits would get a confident answer from a model that reads
    Chinese; they get none, and a sentence without Chinese is left uncoloured."""
    for text in ("。。。！？，，", "great, I loved the staff", "12345 67890"):
        a = analyzer.analyze(text)
        assert a.sentiment is None and a.sentiment_note == "no Chinese text to read"
    result = analyzer.sentiment("房间很好，服务满意！Great stay. 很失望。")
    assert [s.sentence.text for s in result.sentences] == ["房间很好，服务满意！", "很失望。"]


def test_traditional_text_reads_as_simplified(analyzer):
    trad, simp = analyzer.classify(["房間很好，服務滿意", "房间很好，服务满意"])
    assert trad.probabilities == simp.probabilities
    result = analyzer.sentiment("房間很好！服務很差。")
    assert [s.sentence.text for s in result.sentences] == ["房間很好！", "服務很差。"]


@pytest.mark.parametrize(
    ("damage", "message"),
    [("manifest", "manifest"), ("format", "format"), ("vocab", "hash"), ("onnx", "is damaged|not a valid ONNX")],
)
def test_damaged_model_folders_are_explained(tiny_model_dir, tmp_path, damage, message):
    bad = tmp_path / "bad"
    shutil.copytree(tiny_model_dir, bad)
    if damage == "manifest":
        (bad / "manifest.json").unlink()
    elif damage == "format":
        data = json.loads((bad / "manifest.json").read_text(encoding="utf-8"))
        data["format"] = "something-else"
        (bad / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    elif damage == "vocab":
        (bad / "vocab.json").write_text((bad / "vocab.json").read_text(encoding="utf-8") + " ", encoding="utf-8")
    else:
        (bad / "model.int8.onnx").write_bytes(b"not a model")
    with pytest.raises(ModelLoadError, match=message):
        SentimentClassifier(bad)
