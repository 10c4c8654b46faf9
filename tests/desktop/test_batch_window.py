"""The batch window: columns, a background run with progress, charts, cancel, export."""
from __future__ import annotations

import csv

import pytest
from fake_sentiment import fake_analyzer

from desktop.batch_window import BatchWindow

pytestmark = pytest.mark.gui


def _write(path, n):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "comment", "created"])
        for i in range(n):
            w.writerow([i, "服务好" if i % 3 else "太差", f"2024-03-{1 + i % 5:02d}"])
    return path


@pytest.fixture
def window(qtbot):
    w = BatchWindow(analyzer=fake_analyzer())
    qtbot.addWidget(w)
    yield w
    w.close()


def test_run_fills_table_charts_and_exports(qtbot, window, tmp_path):
    columns = window.open_file(_write(tmp_path / "in.csv", 1200))
    assert columns == ["id", "comment", "created"]
    assert window.column_combo.currentText() == "comment"
    assert window.date_combo.currentText() == "created"
    progress = []
    window.progressed.connect(lambda done, total: progress.append(done))
    with qtbot.waitSignal(window.finished, timeout=30_000) as blocker:
        window.start()
    summary = blocker.args[0]
    assert summary.rows == 1200 and not summary.cancelled
    assert progress[-1] == 1200 and len(progress) >= 2  # streamed in chunks
    assert window.model.rowCount() == 1200
    assert window.label_counts() == {"positive": 800, "negative": 400}
    series = window.time_series()
    assert [d for d, _ in series] == [f"2024-03-{d:02d}" for d in range(1, 6)]
    assert window.dist_chart.series()
    # Sorting by probability puts the negatives (0.9 probability of negative) together.
    window.table.sortByColumn(1, window.table.horizontalHeader().sortIndicatorOrder())
    out = window.export_csv(tmp_path / "out.csv")
    rows = list(csv.DictReader(open(out, encoding="utf-8-sig")))
    assert len(rows) == 1200
    assert set(rows[0]) == {"id", "comment", "created", "sentiment", "probability", "positive"}


def test_cancel_leaves_a_valid_partial_file(qtbot, tmp_path):
    window = BatchWindow(analyzer=fake_analyzer(delay=0.05))
    qtbot.addWidget(window)
    window.open_file(_write(tmp_path / "big.csv", 5000))
    window.progressed.connect(lambda done, total: window.cancel())
    with qtbot.waitSignal(window.finished, timeout=30_000) as blocker:
        window.start()
    summary = blocker.args[0]
    assert summary.cancelled
    assert 0 < summary.rows < 5000
    rows = list(csv.DictReader(open(window.output_path, encoding="utf-8-sig")))
    assert len(rows) == summary.rows
    assert all(r["sentiment"] in ("positive", "negative") for r in rows)
    window.close()


def test_txt_file_and_failure_report(qtbot, window, tmp_path):
    (tmp_path / "a.txt").write_text("好\n差\n", encoding="utf-8")
    assert window.open_file(tmp_path / "a.txt") == ["text"]
    assert window.date_combo.currentText() == "(none)"
    with qtbot.waitSignal(window.finished, timeout=10_000):
        window.start()
    assert window.model.rowCount() == 2
    assert not window.time_view.isVisible()

    broken = BatchWindow(analyzer=fake_analyzer())
    qtbot.addWidget(broken)
    broken.open_file(_write(tmp_path / "x.csv", 3))
    broken.column_combo.addItem("missing")
    broken.column_combo.setCurrentText("missing")
    with qtbot.waitSignal(broken.failed, timeout=10_000) as blocker:
        broken.start()
    assert "missing" in blocker.args[0]
    broken.close()


def test_export_before_run_is_refused(window):
    with pytest.raises(FileNotFoundError):
        window.export_csv("x.csv")


def test_time_chart_reads_mixed_date_formats_and_buckets_long_spans(qtbot, window, tmp_path):
    path = tmp_path / "dated.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["日期", "评论"])
        w.writerows([["2023/1/15 10:00", "服务好"], ["2023-01-20", "太差"],
                     ["2024年6月1日", "服务好"], ["unknown", "服务好"]])
    window.open_file(path)
    assert window.date_combo.currentText() == "日期"
    with qtbot.waitSignal(window.finished, timeout=10_000):
        window.start()
    # 17 months apart: one point per week, each at its Monday; the unreadable date is counted
    series = window.time_series()
    assert [d for d, _ in series] == ["2023-01-09", "2023-01-16", "2024-05-27"]
    assert "(1 without a readable date)" in window.time_chart.title()
    line = window.time_chart.series()[0]
    assert line.count() == 3
    assert {type(a).__name__ for a in window.time_chart.axes()} == {"QDateTimeAxis", "QValueAxis"}
