"""The analysis panel follows typing: debounced, latest wins, every part filled in."""
from __future__ import annotations

import pytest
from fake_sentiment import fake_analyzer

from desktop.analysis_panel import AnalysisPanel, keywords_html, sentiment_colour
from desktop.qt import QApplication, QFontMetrics, QPlainTextEdit, QTextDocument

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot):
    p = AnalysisPanel(analyzer=fake_analyzer(), delay_ms=50)
    qtbot.addWidget(p)
    yield p
    p.shutdown()


def test_panel_updates_while_typing(qtbot, panel):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.textChanged.connect(lambda: panel.set_text(editor.toPlainText()))
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000) as blocker:
        for chunk in ["房间", "很好", "，服务好。"]:
            editor.insertPlainText(chunk)  # Chinese text goes in directly (keyClicks cannot)
            qtbot.wait(10)
    analysis = blocker.args[0]
    assert analysis.text == "房间很好，服务好。"  # only the latest text was analysed
    assert "positive" in panel.label.text()
    assert panel.bar.value() == 84
    assert "房间" in panel.sentences_view.toPlainText()
    assert panel.keywords_label.text()
    assert "fáng" in panel.pinyin_view.toPlainText()

    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000) as blocker:
        editor.setPlainText("太差了。真差！")
    assert "negative" in panel.label.text()
    assert panel.bar.value() == 16
    assert [s.sentence.text for s in blocker.args[0].sentiment.sentences] == ["太差了。", "真差！"]


def test_stale_results_never_show(qtbot):
    panel = AnalysisPanel(analyzer=fake_analyzer(delay=0.2), delay_ms=0)
    qtbot.addWidget(panel)
    seen = []
    panel.analysisUpdated.connect(lambda a: seen.append(a.text))
    for text in ["好", "好好", "差差差"]:
        panel.set_text(text)
        panel.flush()
        qtbot.wait(5)
    qtbot.waitUntil(lambda: bool(seen) and seen[-1] == "差差差", timeout=10_000)
    qtbot.wait(300)
    assert "好好" not in seen  # superseded while the first ran: dropped, not queued
    assert seen[-1] == "差差差"
    panel.shutdown()


def test_empty_text_clears_the_panel(qtbot, panel):
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000):
        panel.set_text("很好")
    panel.set_text("   ")
    panel.flush()
    assert panel.last_analysis is None
    assert panel.bar.text() == "" and not panel.bar.isEnabled()   # no reading, not "positive 0%"
    assert panel.pinyin_view.toPlainText() == ""


def test_without_a_model_keywords_and_pinyin_still_show(qtbot, tmp_path):
    from core.analysis import Analyzer, AnalyzerConfig

    panel = AnalysisPanel(analyzer=Analyzer(AnalyzerConfig(model=str(tmp_path / "none"))), delay_ms=0)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000):
        panel.set_text("银行的服务很好")
        panel.flush()
    assert "unavailable" in panel.label.text()
    assert "none" in panel.model_label.text()
    assert "háng" in panel.pinyin_view.toPlainText()
    panel.shutdown()


@pytest.mark.parametrize(("p", "expected"), [(0.0, "#ffbebe"), (0.5, "#fffacd"), (1.0, "#b4e6b4")])
def test_sentiment_colour_scale(p, expected):
    assert sentiment_colour(p) == expected


def test_pinyin_rows_follow_the_panel_width(qtbot, panel):
    panel.resize(900, 700)
    panel.show()
    text = "这家酒店位置很好离地铁站只有五分钟房间干净"
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000):
        panel.set_text(text)
    wide = panel.pinyin_per_row()
    assert panel.pinyin_view.toHtml().count("<table") == -(-len(text) // wide)
    panel.resize(220, 700)
    qtbot.waitUntil(lambda: panel.pinyin_per_row() < wide)
    narrow = panel.pinyin_per_row()
    # re-flowed on resize without a new analysis, and no syllable is split across lines
    qtbot.waitUntil(lambda: panel.pinyin_view.toHtml().count("<table") == -(-len(text) // narrow))
    assert "zhè" in panel.pinyin_view.toPlainText()


def test_a_long_document_shows_the_pinyin_of_its_beginning(qtbot, panel):
    from desktop.analysis_panel import PINYIN_MAX_CHARS

    text = "房间很好。" * 1000   # 5,000 characters
    with qtbot.waitSignal(panel.analysisUpdated, timeout=20_000) as blocker:
        panel.set_text(text)
    assert len(blocker.args[0].pinyin) == PINYIN_MAX_CHARS   # the child annotates no more
    assert not blocker.args[0].tokens                        # nor segments: the panel shows none
    # The rows go in a few at a time: the first at once, the rest over the next event-loop turns.
    assert not panel.pinyin_complete
    assert 0 < panel.pinyin_view.toPlainText().count("房") < PINYIN_MAX_CHARS // 5
    qtbot.waitUntil(lambda: panel.pinyin_complete, timeout=10_000)
    shown = panel.pinyin_view.toPlainText()
    assert f"{PINYIN_MAX_CHARS:,} of {len(text):,}" in shown
    assert shown.count("房") == PINYIN_MAX_CHARS // 5
    assert panel.pinyin_view.toHtml().count("<table") == -(-len(text[:PINYIN_MAX_CHARS]) // panel._pinyin_row)


def test_a_new_result_replaces_rows_still_going_in(qtbot, panel):
    with qtbot.waitSignal(panel.analysisUpdated, timeout=20_000):
        panel.set_text("房间很好。" * 1000)
    assert not panel.pinyin_complete
    with qtbot.waitSignal(panel.analysisUpdated, timeout=20_000):
        panel.set_text("银行的服务很好")
    qtbot.wait(100)   # the earlier result's rows would have gone on going in by now
    assert panel.pinyin_complete
    assert "háng" in panel.pinyin_view.toPlainText() and "房" not in panel.pinyin_view.toPlainText()


def test_sentences_keep_their_lines(qtbot, panel):
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000):
        panel.set_text("房间很好。\n\n服务太差。\n早餐")
    assert panel.sentences_view.toPlainText() == "房间很好。\n\n服务太差。\n早餐"


def test_mixed_text_shows_how_its_sentences_split(qtbot, panel):
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000):
        panel.set_text("房间很好。早餐好。服务太差。")   # fake model: 好 -> positive, 差 -> negative
    assert panel.sentence_summary.text() == "Sentences: 2 positive · 1 negative (mean positive 63%)"
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000):
        panel.set_text("房间很好。")
    assert panel.sentence_summary.text() == ""   # one sentence: nothing to split


def _show_positive(qtbot, panel, text="房间很好。服务好。"):
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000):
        panel.set_text(text)
    assert panel.label.styleSheet() and panel.bar.value() == 84 and panel.sentence_summary.text()


def test_a_failure_clears_the_previous_result(qtbot, panel, monkeypatch):
    _show_positive(qtbot, panel)

    def broken(text, **_):
        raise RuntimeError("the child process stopped")

    monkeypatch.setattr(panel.analyzer, "analyze", broken)
    with qtbot.waitSignal(panel.analysisFailed, timeout=10_000):
        panel.set_text("早餐很差。")
    assert panel.label.text() == "Analysis failed"
    assert panel.label.styleSheet() == ""                   # not the old green verdict
    assert panel.bar.text() == "" and not panel.bar.isEnabled()
    assert panel.sentence_summary.text() == ""
    assert panel.sentences_view.toPlainText() == ""
    assert panel.keywords_label.text() == ""
    assert panel.pinyin_view.toPlainText() == ""
    assert "child process stopped" in panel.model_label.text()
    assert panel.last_analysis is None


def test_no_sentiment_resets_the_banner_and_hides_the_reading(qtbot, panel, monkeypatch):
    _show_positive(qtbot, panel)
    analyze = panel.analyzer.analyze
    monkeypatch.setattr(panel.analyzer, "analyze",
                        lambda text, **options: analyze(text, **{**options, "with_sentiment": False}))
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000):
        panel.set_text("银行的服务很好")
    assert panel.label.text() == "Sentiment unavailable"
    assert panel.label.styleSheet() == ""
    assert "positive" not in panel.bar.text() and not panel.bar.isEnabled()
    assert panel.model_label.text() == "No sentiment model"
    assert "háng" in panel.pinyin_view.toPlainText()      # the rest still shows
    # With the model, a text without Han characters gets no sentiment either, and says why.
    monkeypatch.undo()
    _show_positive(qtbot, panel)
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000) as blocker:
        panel.set_text("OK, thanks!")
    assert blocker.args[0].sentiment is None
    assert panel.label.text() == "Sentiment unavailable" and panel.label.styleSheet() == ""
    assert "No Chinese characters" in panel.model_label.text()


def test_a_selection_is_named_in_the_panel(qtbot, panel):
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000):
        panel.set_text("服务很好", selection=True)
    assert not panel.scope_label.isHidden()
    assert panel.scope_label.text() == "Selection: 4 characters"
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000):
        panel.set_text("房间很好。服务很好")
    assert panel.scope_label.isHidden()


def test_labels_are_translated_not_bilingual(qtbot, panel):
    from desktop import i18n

    app = QApplication.instance()
    try:
        i18n.install(app, "zh_CN")
        with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000):
            panel.set_text("服务很好")
        assert panel.label.text() == "积极  84%"
        assert panel.model_label.text().replace("\u2060", "").endswith("毫秒")
    finally:
        i18n.install(app, "en")


def _lines(text: str, font, width: int, rich: bool = False) -> list[str]:
    """The lines `text` wraps to at `width` pixels, as Qt lays them out."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setHtml(text) if rich else doc.setPlainText(text)
    doc.setTextWidth(width)
    doc.size()  # lays the document out
    lines = []
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            lines.append(block.text()[line.textStart():line.textStart() + line.textLength()])
        block = block.next()
    return [line.replace("\u2060", "").replace("\u00a0", " ").strip() for line in lines]


def test_keyword_chips_and_the_model_line_never_break_inside_a_word(qtbot, panel):
    from core.analysis import Analysis, Keyword

    words = ["早餐", "服务员", "地铁站", "房间", "前台"]
    analysis = Analysis("x", None, keywords_tfidf=tuple(Keyword(w, 1.0) for w in words))
    font = panel.keywords_label.font()
    # every width at which the widest chip fits on a line: a chip moves whole to the next line
    widest = QFontMetrics(font).horizontalAdvance("TF-IDF  服务员 ") + 12
    for width in range(widest, widest + 200, 5):
        lines = _lines(keywords_html(analysis).split("<br>")[0], font, width, rich=True)
        for w in words:
            assert any(w in line for line in lines), (width, lines)
    from desktop import i18n

    app = QApplication.instance()
    try:
        i18n.install(app, "zh_CN")
        with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000):
            panel.set_text("服务很好")
        font = panel.model_label.font()
        widest = QFontMetrics(font).horizontalAdvance("模型：fake · ") + 12
        for width in range(widest, widest + 200, 5):
            lines = _lines(panel.model_label.text(), font, width)
            assert any(line.endswith("毫秒") for line in lines), (width, lines)
    finally:
        i18n.install(app, "en")


def test_analysing_shows_at_once_and_the_model_load_apart(qtbot):
    panel = AnalysisPanel(analyzer=fake_analyzer(delay=0.3), delay_ms=50)
    qtbot.addWidget(panel)
    assert panel.label.text() == "Type or paste text to analyse"
    panel.set_text("房间很好。服务好。")               # a paste: no wait before the panel says so
    assert panel.label.text() == "Analysing…"
    assert panel.model_label.text() == "Loading the sentiment model…"
    qtbot.waitUntil(lambda: panel.last_analysis is not None, timeout=10_000)
    assert panel.label.text().startswith("positive")
    assert panel.status_label.isHidden()
    panel.set_text("房间很好。服务好。早餐好。")       # later edits: the result stays, a note says so
    assert panel.label.text().startswith("positive")
    assert not panel.status_label.isHidden() and panel.status_label.text() == "Analysing…"
    assert "Loading" not in panel.model_label.text()  # the model is loaded by now
    qtbot.waitUntil(lambda: panel.last_analysis.text.endswith("早餐好。"), timeout=10_000)
    assert panel.status_label.isHidden()
    panel.set_text("")
    panel.flush()
    assert panel.label.text() == "Type or paste text to analyse"
    panel.shutdown()


def test_a_review_that_praises_then_complains_reads_mixed(qtbot, panel):
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000) as blocker:
        panel.set_text("房间很好。早餐好。服务好。前台差。隔音差。")   # 3 positive · 2 negative
    assert blocker.args[0].sentiment.verdict.label == "mixed"
    assert panel.label.text() == "mixed"
    assert "3 positive · 2 negative" in panel.sentence_summary.text()
    assert 20 < panel.bar.value() < 80


def test_switching_language_retranslates_the_panel_live(qtbot, panel):
    from desktop import i18n

    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000):
        panel.set_text("房间很好。早餐差。")             # 1 · 1: mixed
    app = QApplication.instance()
    try:
        i18n.install(app, "zh_CN")
        QApplication.processEvents()
        assert [h.text() for h in panel.headings] == ["<b>句子</b>", "<b>关键词</b>", "<b>拼音</b>"]
        assert panel.bar.format() == "积极 %p%"
        assert panel.label.text() == "褒贬不一"
        assert panel.sentence_summary.text().startswith("句子：")
        assert panel.model_label.text().startswith("模型：")
        i18n.install(app, "en")
        QApplication.processEvents()
        assert [h.text() for h in panel.headings] == ["<b>Sentences</b>", "<b>Keywords</b>", "<b>Pinyin</b>"]
        assert panel.label.text() == "mixed"
    finally:
        i18n.install(app, "en")


def test_pinyin_keeps_latin_words_whole_and_marks_only_ambiguous_characters():
    from core.analysis import Analysis
    from core.analysis.text import annotate_pinyin
    from desktop.analysis_panel import AMBIGUOUS_COLOUR, pinyin_html

    text = "我用iPhone 15拍照。长城很长，位置非常方便"
    body = pinyin_html(Analysis(text, None, pinyin=tuple(annotate_pinyin(text))), per_row=8)
    doc = QTextDocument()
    doc.setHtml(body)
    assert ">iPhone 15<" in body                          # one cell, not one per letter
    assert body.count(AMBIGUOUS_COLOUR) == 1               # 很长's 长 only; not 位 非 站 城
    assert "iPhone 15" in doc.toPlainText()
