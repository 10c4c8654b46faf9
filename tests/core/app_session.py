"""A short session of the real app, offscreen, for the OS-level network check.

Run as `python tests/core/app_session.py INPUT.csv LINGER_S`: the app loads its neural model,
types a sentence through the key controller, analyses it in the analysis panel (child
process), runs a batch over INPUT.csv in the batch window, then keeps its event loop running
for LINGER_S seconds (ONNX Runtime's telemetry uploader, when on, starts some seconds after a
model loads) and exits 0, or 1 with the step that did not finish.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core import offline  # noqa: E402 - as desktop.cli does, before anything imports onnxruntime

offline.apply()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _wait(app, done, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    return done()


def main(source: str, linger_s: float) -> int:
    from desktop.main_window import MainWindow
    from desktop.qt import QApplication
    from desktop.self_test import check_window

    app = QApplication(sys.argv[:1])
    window = MainWindow()
    window.ask_save_changes = lambda: "discard"
    window.show()
    loaded: list[str] = []
    window.modelLoaded.connect(loaded.append)
    window.start_model_load()
    if not _wait(app, lambda: bool(loaded), 120):
        print("app session: the model did not load", file=sys.stderr)
        return 1
    problems = check_window(window)
    if problems:
        print(f"app session: typing failed: {problems}", file=sys.stderr)
        return 1
    panel = window.analysis_panel
    analysed: list[object] = []
    panel.analysisUpdated.connect(analysed.append)
    panel.analysisFailed.connect(analysed.append)
    window.analysis_dock.setVisible(True)
    panel.set_text("这家酒店位置很好，房间干净。但是隔音太差了。")
    panel.flush()
    if not _wait(app, lambda: bool(analysed), 120) or isinstance(analysed[0], str):
        print(f"app session: the analysis did not finish: {analysed}", file=sys.stderr)
        return 1
    batch = window.open_batch_window()
    finished: list[object] = []
    batch.finished.connect(finished.append)
    batch.open_file(source)
    batch.start()
    if not _wait(app, lambda: bool(finished), 300):
        print("app session: the batch did not finish", file=sys.stderr)
        return 1
    _wait(app, lambda: False, linger_s)
    window.close()
    window.shutdown()
    print(f"app session: ok ({loaded[0]}; batch {finished[0].rows} rows)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], float(sys.argv[2])))
