"""The batch window: columns, a background run with progress, charts, cancel, export."""
from __future__ import annotations

import csv

import pytest
from fake_sentiment import fake_analyzer

from core.analysis.batch import ResultRow
from desktop.batch_window import BatchWindow
from desktop.qt import Qt

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


def _run(qtbot, window):
    with qtbot.waitSignal(window.finished, timeout=30_000) as blocker:
        window.start()
    return blocker.args[0]


def test_opening_another_file_clears_the_previous_results(qtbot, window, tmp_path):
    window.open_file(_write(tmp_path / "first.csv", 30))
    _run(qtbot, window)
    assert window.model.rowCount() == 30 and window.export_button.isEnabled()
    window.open_file(_write(tmp_path / "second.csv", 5))
    assert window.model.rowCount() == 0
    assert window.label_counts() == {} and window.time_series() == []
    assert window.dist_chart.series() == [] and window.time_chart.series() == []
    assert window.status.text() == "" and window.progress.value() == 0
    assert not window.export_button.isEnabled() and window.output_path is None
    with pytest.raises(FileNotFoundError):   # never the first file's results under the new name
        window.export_csv(tmp_path / "second-sentiment.csv")
    _run(qtbot, window)
    assert window.model.rowCount() == 5 and window.export_button.isEnabled()


def test_the_date_column_sorts_by_date_in_any_format(qtbot, window, tmp_path):
    path = tmp_path / "dates.csv"
    dates = ["2024/3/5 12:00", "2024-03-10", "2024年3月1日", "unknown", "2023-12-31 23:00", "",
             "20240302", "1709251200"]   # the last: 2024-03-01 00:00 UTC
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "text"])
        w.writerows([[d, "好"] for d in dates])
    window.open_file(path)
    _run(qtbot, window)
    column = 4
    assert window.proxy.headerData(column, window.table.horizontalHeader().orientation()) == "date"

    def shown():
        return [window.proxy.index(r, column).data() for r in range(window.proxy.rowCount())]

    window.table.sortByColumn(column, window.table.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    dated = ["2023-12-31 23:00", "1709251200", "2024年3月1日", "20240302", "2024/3/5 12:00", "2024-03-10"]
    assert shown()[:6] == dated
    assert set(shown()[6:]) == {"unknown", ""}            # unreadable dates last
    window.table.sortByColumn(column, window.table.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    assert shown()[:6] == dated[::-1]
    assert set(shown()[6:]) == {"unknown", ""}            # last in either direction


def test_export_onto_the_result_file_itself_is_not_an_error(qtbot, window, tmp_path, monkeypatch):
    from desktop import batch_window

    window.open_file(_write(tmp_path / "in.csv", 10))
    _run(qtbot, window)
    before = window.output_path.read_bytes()
    assert window.export_csv(window.output_path) == window.output_path
    assert window.output_path.read_bytes() == before
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(batch_window.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(window.output_path), "CSV (*.csv)"))
    monkeypatch.setattr(batch_window.QMessageBox, "information", lambda _p, title, text: said.append(("info", text)))
    monkeypatch.setattr(batch_window.QMessageBox, "warning", lambda _p, title, text: said.append(("warning", text)))
    window.export_button.click()
    assert said == [("info", f"The results are already saved in {window.output_path}.")]


def test_runs_never_overwrite_each_other_and_old_outputs_are_pruned(qtbot, window, tmp_path):
    import os

    from core import paths
    from desktop.batch_window import KEEP_RUNS

    window.open_file(_write(tmp_path / "in.csv", 10))
    _run(qtbot, window)
    first = window.output_path
    _run(qtbot, window)                        # at once: within the same second
    assert window.output_path != first and first.exists()
    folder = paths.user_cache_dir() / "batch"
    shown = window.output_path
    old = []
    for i in range(KEEP_RUNS + 3):
        f = folder / f"old-{i}.csv"
        f.write_text("x\n")
        os.utime(f, (1_000_000 + i, 1_000_000 + i))
        old.append(f)
    os.utime(shown, (1, 1))                    # the oldest file of all, but on screen
    _run(qtbot, window)
    left = set(folder.glob("*.csv"))
    assert shown in left                       # the results on screen are never deleted
    assert window.output_path in left
    # the new run and the KEEP_RUNS - 1 newest before it (the first run among them)
    assert left - {shown} == {window.output_path, first, *old[-(KEEP_RUNS - 2):]}


def test_a_header_only_file_says_it_has_no_rows(qtbot, window, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("id,comment\n", encoding="utf-8")
    window.open_file(path)
    summary = _run(qtbot, window)
    assert summary.rows == 0
    assert window.status.text() == "The file has no data rows"
    assert not window.export_button.isEnabled()
    assert window.dist_chart.series() == []


def test_rows_without_sentiment_are_not_counted(qtbot, window, tmp_path):
    path = tmp_path / "gaps.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "text"])
        w.writerows([["2024-03-01", "好"], ["2024-03-01", ""], ["2024-03-01", "OK!!"], ["2024-03-02", "差"]])
    window.open_file(path)
    _run(qtbot, window)
    assert window.label_counts() == {"positive": 1, "negative": 1}
    # the blank and the English row are no 0.0 (negative) point in the time chart
    assert [p for _, p in window.time_series()] == pytest.approx([0.9, 0.1])
    for text in ("", "OK!!"):   # shown as a blank text is: no label, no numbers
        row = next(i for i, r in enumerate(window.model.rows) if r.text == text)
        assert [window.model.index(row, c).data() for c in range(1, 4)] == ["", "", ""]
    assert "2 without sentiment (blank or no Chinese)" in window.status.text()


def test_combos_grow_to_a_second_files_column_names(qtbot, window, tmp_path):
    (tmp_path / "a.csv").write_text("a,b\n1,好\n", encoding="utf-8")
    window.show()
    qtbot.waitExposed(window)
    window.open_file(tmp_path / "a.csv")
    qtbot.wait(20)
    long_name = "created_at_timestamp_utc"
    (tmp_path / "b.csv").write_text(f"id,{long_name},text\n1,2024-01-01,好\n", encoding="utf-8")
    window.open_file(tmp_path / "b.csv")
    assert window.date_combo.currentText() == long_name
    needed = window.date_combo.fontMetrics().horizontalAdvance(long_name)
    qtbot.waitUntil(lambda: window.date_combo.width() > needed, timeout=2000)
    window.column_combo.setCurrentText(long_name)
    qtbot.waitUntil(lambda: window.column_combo.width() > needed, timeout=2000)


def test_chinese_labels_dates_and_chart_titles(qtbot, window, tmp_path):
    from desktop import i18n
    from desktop.qt import QApplication

    app = QApplication.instance()
    try:
        i18n.install(app, "zh_CN")
        window.open_file(_write(tmp_path / "in.csv", 6))
        assert window.date_combo.itemText(0) == "（无）"
        _run(qtbot, window)
        labels = {window.model.index(r, 1).data() for r in range(window.model.rowCount())}
        assert labels == {"积极", "消极"}
        assert window.time_chart.title() == "平均积极度（按日）"
        # "(none)" is the combo's text, not a column name: the date column is still read right
        window.date_combo.setCurrentIndex(0)
        _run(qtbot, window)
        assert window.time_series() == []
    finally:
        i18n.install(app, "en")


def _header_titles(window) -> list[str]:
    header = window.table.horizontalHeader()
    return [window.proxy.headerData(c, header.orientation()) for c in range(window.proxy.columnCount())]


def test_the_table_shows_the_files_own_columns_and_counts_rows_from_one(qtbot, window, tmp_path):
    path = tmp_path / "shops.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "shop", "review", "date"])
        w.writerows([["a7", "东门店", "服务好", "2024-03-01"], ["b9", "西门店", "太差", "2024-03-02"]])
    window.open_file(path)
    assert _header_titles(window) == ["row", "sentiment", "probability", "positive",
                                      "id", "shop", "date", "review"]   # the text column last
    _run(qtbot, window)
    cells = [[window.model.index(r, c).data() for c in range(window.model.columnCount())]
             for r in range(window.model.rowCount())]
    assert [row[0] for row in cells] == ["1", "2"]        # the first data row is row 1, not line 2
    assert [row[-1] for row in cells] == ["服务好", "太差"]
    assert [row[6] for row in cells] == ["2024-03-01", "2024-03-02"]
    if "values" in getattr(ResultRow, "__dataclass_fields__", {}):
        assert [row[4:6] for row in cells] == [["a7", "东门店"], ["b9", "西门店"]]
    assert window.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "line 2 of the file"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_sorted_headers_are_not_clipped(qtbot, window, tmp_path, language):
    from desktop import i18n
    from desktop.qt import QApplication

    app = QApplication.instance()
    try:
        i18n.install(app, language)
        window.show()
        qtbot.waitExposed(window)
        window.open_file(_write(tmp_path / "in.csv", 6))
        _run(qtbot, window)
        header = window.table.horizontalHeader()
        for column in range(window.proxy.columnCount() - 1):
            window.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
            assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width(), \
                _header_titles(window)[column]
    finally:
        i18n.install(app, "en")


def test_dialogs_start_where_told_and_an_export_is_confirmed(qtbot, tmp_path, monkeypatch):
    from desktop import batch_window

    folder = tmp_path / "docs"
    folder.mkdir()
    remembered = []
    window = BatchWindow(analyzer=fake_analyzer(), start_dir=lambda: str(folder),
                         remember_dir=remembered.append)
    qtbot.addWidget(window)
    asked = []

    def open_name(parent, title, start, filters):
        asked.append(start)
        return str(_write(tmp_path / "in.csv", 4)), ""

    def save_name(parent, title, start, filters):
        asked.append(start)
        return str(folder / "out.csv"), ""

    monkeypatch.setattr(batch_window.QFileDialog, "getOpenFileName", open_name)
    monkeypatch.setattr(batch_window.QFileDialog, "getSaveFileName", save_name)
    window._on_open_clicked()
    _run(qtbot, window)
    window._on_export_clicked()
    assert asked == [str(folder), str(folder / "in-sentiment.csv")]
    assert remembered == [str(tmp_path / "in.csv"), str(folder / "out.csv")]
    assert (folder / "out.csv").exists()
    assert window.status.text() == f"Exported 4 rows to {folder / 'out.csv'}"
    window.close()
