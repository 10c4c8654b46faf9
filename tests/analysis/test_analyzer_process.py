"""The Analyzer in a child process: same results as in-process, clear errors, recovery."""
from __future__ import annotations

import os
import signal

import pytest

from core.analysis import Analyzer, AnalyzerConfig
from core.analysis.process import AnalysisProcessError, AnalyzerProcess


@pytest.fixture
def process(tiny_model_dir):
    proc = AnalyzerProcess(AnalyzerConfig(model=str(tiny_model_dir)))
    yield proc
    proc.close()


def test_child_gives_what_the_in_process_analyzer_gives(process, tiny_model_dir):
    text = "房间很好，服务满意！早餐糟糕，很失望。"
    remote = process.analyze(text)
    local = Analyzer(AnalyzerConfig(model=str(tiny_model_dir))).analyze(text)
    assert remote.sentiment is not None and process.load_error is None
    assert remote.sentiment.overall.label == local.sentiment.overall.label
    assert remote.sentiment.overall.positive == pytest.approx(local.sentiment.overall.positive, abs=1e-5)
    assert remote.keywords_tfidf == local.keywords_tfidf and remote.pinyin == local.pinyin
    assert process.pid is not None and process.pid != os.getpid()


def test_batch_analysis_through_the_child(process, tiny_model_dir, tmp_path):
    import csv

    from core.analysis.batch import BatchJob, run_batch

    src = tmp_path / "in.csv"
    src.write_text("id,text\n1,房间很好，满意\n2,很差，失望\n3,\n", encoding="utf-8")
    summary = run_batch(BatchJob(src, "text", tmp_path / "out.csv", chunk_size=2), process)
    assert (summary.rows, summary.classified, summary.empty) == (3, 2, 1)
    rows = list(csv.DictReader(open(tmp_path / "out.csv", encoding="utf-8")))
    local = Analyzer(AnalyzerConfig(model=str(tiny_model_dir))).classify(["房间很好，满意", "很差，失望"])
    assert [r["sentiment"] for r in rows[:2]] == [s.label for s in local]


def test_a_child_killed_mid_request_is_reported_then_replaced(process):
    import threading
    import time

    process.analyze("很好")
    pid = process.pid
    errors: list[Exception] = []

    def long_request():
        try:
            process.analyze("房间很好。" * 20000)  # seconds of work in the child
        except AnalysisProcessError as exc:
            errors.append(exc)

    worker = threading.Thread(target=long_request)
    worker.start()
    time.sleep(0.5)
    os.kill(pid, signal.SIGKILL)
    worker.join(timeout=10)
    assert errors and "restarts" in str(errors[0])
    assert process.analyze("很好").sentiment is not None  # a new child
    assert process.pid not in (None, pid)


def test_a_child_that_died_between_requests_is_replaced_quietly(process):
    process.analyze("很好")
    child = process._process
    os.kill(child.pid, signal.SIGKILL)
    child.join(timeout=10)
    assert process.analyze("很好").sentiment is not None


def test_missing_model_and_closed_process(tmp_path):
    proc = AnalyzerProcess(AnalyzerConfig(model=str(tmp_path / "nope")))
    try:
        analysis = proc.analyze("很好的酒店")
        assert analysis.sentiment is None and analysis.tokens
        assert "nope" in proc.load_error
    finally:
        proc.close()
    proc.close()  # twice is fine
    with pytest.raises(AnalysisProcessError, match="shut down"):
        proc.analyze("很好")


def test_close_ends_a_request_in_flight_at_once(process):
    import threading
    import time

    process.analyze("很好")  # the child is up
    errors: list[Exception] = []

    def long_request():
        try:
            process.analyze("房间很好。" * 20000)  # 100,000 characters: seconds of work
        except AnalysisProcessError as exc:
            errors.append(exc)

    worker = threading.Thread(target=long_request)
    worker.start()
    time.sleep(0.5)
    process.close()
    worker.join(timeout=10)
    # The request ended with an error rather than its result: close did not wait for it
    # (`python -m core.bench` measures how long close takes).
    assert not worker.is_alive()
    assert errors and "shut down" in str(errors[0])
    assert process.pid is None
