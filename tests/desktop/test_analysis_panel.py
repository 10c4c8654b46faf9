"""The analysis panel follows typing: debounced, latest wins, every part filled in."""
from __future__ import annotations

import pytest
from fake_sentiment import fake_analyzer

from desktop.analysis_panel import AnalysisPanel, sentiment_colour
from desktop.qt import QPlainTextEdit

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
    assert panel.bar.value() == 90
    assert "房间" in panel.sentences_view.toPlainText()
    assert panel.keywords_label.text()
    assert "fáng" in panel.pinyin_view.toPlainText()

    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000) as blocker:
        editor.setPlainText("太差了。真差！")
    assert "negative" in panel.label.text()
    assert panel.bar.value() == 10
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
    assert panel.bar.value() == 0
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
    with qtbot.waitSignal(panel.analysisUpdated, timeout=20_000):
        panel.set_text(text)
    shown = panel.pinyin_view.toPlainText()
    assert f"{PINYIN_MAX_CHARS:,} of {len(text):,}" in shown
    assert shown.count("房") == PINYIN_MAX_CHARS // 5


def test_mixed_text_shows_how_its_sentences_split(qtbot, panel):
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000):
        panel.set_text("房间很好。早餐好。服务太差。")   # fake model: 好 -> positive, 差 -> negative
    assert panel.sentence_summary.text() == "Sentences: 2 positive · 1 negative (mean positive 63%)"
    with qtbot.waitSignal(panel.analysisUpdated, timeout=10_000):
        panel.set_text("房间很好。")
    assert panel.sentence_summary.text() == ""   # one sentence: nothing to split
