"""The candidate bar on a 1280 px screen: anchored at the composition's start, inside the
screen, long candidates elided in the middle with a tooltip, the whole page and the page
indicator always shown."""
from __future__ import annotations

import pytest
from desktop_keys import key, type_keys

from core.engine.types import Candidate, CandidateSource
from desktop.candidate_bar import CandidateBar, elide_around, fit_widths
from desktop.ime_controller import CandidatePage
from desktop.qt import QFontMetrics, QPoint, QRect, Qt

pytestmark = pytest.mark.gui
SCREEN = QRect(0, 0, 1280, 800)
# 中国科学院的研究人员发现了一种新的材料 + 可以大大提高电池的能量密度 (34 characters)
LONG = ("zhongguokexueyuandeyanjiurenyuanfaxianleyizhongxindecailiao"
        "keyidadatigaodianchidenengliangmidu")


def _on_1280_screen(monkeypatch, bar) -> None:
    monkeypatch.setattr(bar, "screen_rect", lambda at=None: QRect(SCREEN))


def test_bar_stays_at_the_composition_start_and_inside_the_screen(main_window, monkeypatch):
    ed = main_window.editor
    main_window.move(200, 100)
    bar = ed.candidate_bar
    _on_1280_screen(monkeypatch, bar)
    start = ed.viewport().mapToGlobal(ed.cursorRect().bottomLeft()).x()
    xs = []
    for ch in LONG:
        type_keys(ed, ch)
        geometry = bar.geometry()
        assert SCREEN.contains(geometry), (ch, geometry)
        if geometry.right() < SCREEN.right() - 8:      # room to its right: it has not moved
            xs.append(geometry.x())
    assert xs and all(abs(x - start) <= 2 for x in xs), (start, xs)
    # the whole page is shown, the widest candidates elided in the middle
    page = bar.page
    assert len(bar.shown_texts()) == len(page.candidates) == 7
    elided = [i for i, (shown, c) in enumerate(zip(bar.shown_texts(), page.candidates))
              if shown != c.text]
    assert elided
    for i in elided:
        shown, full = bar.shown_texts()[i], page.candidates[i].text
        assert "…" in shown and set(shown) - {"…"} <= set(full)
        assert bar.tooltip_at(bar._cells[i].center()) == full
    # sentences that differ in the middle do not look alike
    assert len(set(bar.shown_texts())) == len({c.text for c in page.candidates})
    assert bar.tooltip_at(bar._cells[len(page.candidates) - 1].center()) in ("", page.candidates[-1].text)
    assert bar.rect().contains(bar.indicator_rect())
    key(ed, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def _page(texts: list[str]) -> CandidatePage:
    cands = tuple(Candidate(t, 2, ("a",) * len(t), CandidateSource.SENTENCE) for t in texts)
    return CandidatePage(candidates=cands, page=0, page_count=3, preedit="zhong'guo")


def test_bar_flips_above_the_line_at_the_screen_bottom_and_right(qtbot, monkeypatch):
    bar = CandidateBar()
    qtbot.addWidget(bar)
    _on_1280_screen(monkeypatch, bar)
    bar.set_page(_page(["中国人民"] * 7))
    bar.show_at(QPoint(1270, 790), QPoint(1270, 760))
    geometry = bar.geometry()
    assert SCREEN.contains(geometry) and geometry.bottom() <= 760


def test_a_narrow_screen_shows_as_many_as_fit_and_the_indicator(qtbot, monkeypatch):
    bar = CandidateBar()
    qtbot.addWidget(bar)
    narrow = QRect(0, 0, 260, 600)
    monkeypatch.setattr(bar, "screen_rect", lambda at=None: QRect(narrow))
    bar.set_page(_page(["中国科学院的研究人员发现了一种新的材料"] * 7))
    bar.show_at(QPoint(100, 100))
    assert narrow.contains(bar.geometry())
    assert 1 <= len(bar.shown_texts()) < 7
    assert bar.rect().contains(bar.indicator_rect())
    assert all(cell.right() < bar.indicator_rect().left() for cell in bar._cells)


def test_short_candidates_are_never_elided(qtbot, monkeypatch):
    bar = CandidateBar()
    qtbot.addWidget(bar)
    _on_1280_screen(monkeypatch, bar)
    bar.set_page(_page(["是", "时", "事", "市", "使", "十", "世"]))
    bar.show_at(QPoint(100, 100))
    assert bar.shown_texts() == bar.texts()
    assert bar.tooltip_at(bar._cells[0].center()) == ""


def test_elide_around_keeps_the_difference_in_view(qtbot):
    bar = CandidateBar()
    qtbot.addWidget(bar)
    fm = QFontMetrics(bar.font())
    text = "中国科学院的研究人员发现了一种新的材料可以大大提高滇池的能量密度"
    shown = elide_around(fm, text, text.index("滇"), fm.horizontalAdvance("字" * 8))
    assert "滇池" in shown and shown.startswith("…") and shown.endswith("…")
    assert fm.horizontalAdvance(shown) <= fm.horizontalAdvance("字" * 8)


@pytest.mark.parametrize("widths, budget, floor, expected", [
    ([10, 20, 30], 100, 5, [10, 20, 30]),            # fits: unchanged
    ([10, 100, 200], 130, 5, [10, 60, 60]),          # the wide ones share what is left
    ([50, 50, 50], 60, 30, [30, 30, 30]),            # never below the floor (caller drops one)
])
def test_fit_widths(widths, budget, floor, expected):
    assert fit_widths(widths, budget, floor) == expected
